// Where the index lives when no --db is given; shared by both tools.
#pragma once

#include <filesystem>

namespace fundstelle {

// $FUNDSTELLE_DB if set, else $XDG_DATA_HOME/fundstelle/index, else
// ~/.local/share/fundstelle/index, else ./fundstelle-index.db when no home is known.
[[nodiscard]] std::filesystem::path default_index_path();

}  // namespace fundstelle
