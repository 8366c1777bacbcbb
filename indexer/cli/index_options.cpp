#include "cli/index_options.hpp"

namespace fundstelle::cli {

void register_index_options(CLI::App& app, IndexOptions& options) {
  app.description(
      "Index German articles (HTML, XML, plain text; files or directory trees) into a Fundstelle "
      "passage index.");
  app.footer(
      "Examples:\n"
      "  fundstelle-index data/                 index a directory tree into the default index\n"
      "  fundstelle-index --db /tmp/idx a.html  index one file into /tmp/idx\n"
      "  fundstelle-index --extract page.html   show what would be indexed (JSON Lines)\n"
      "  fundstelle-index --xml-map map.json archive/   one article per XML record (XPath map)\n"
      "\n"
      "The default index is $FUNDSTELLE_DB, else $XDG_DATA_HOME/fundstelle/index.\n"
      "Exit status: 0 ok, 1 finished but some inputs were skipped, 2 fatal error.");
  app.add_option("--db", options.db, "Index directory (default: $FUNDSTELLE_DB or XDG data dir)")
      ->type_name("DIR");
  app.add_option("paths", options.inputs,
                 "Files or directories to index (none with --compact: compact the index only)")
      ->type_name("PATH...");
  app.add_option("--exclude", options.excludes,
                 "Skip files matching this glob below a directory (repeatable; also read from "
                 ".fundstelle-ignore files)")
      ->type_name("GLOB")
      ->allow_extra_args(false);  // one pattern per --exclude: paths are not swallowed
  app.add_flag("--extract", options.extract_only,
               "Write no index; print one JSON object per article (source, title, text, metadata, "
               "passages)");
  app.add_flag("--prune", options.prune,
               "After indexing, remove every article of the index that these PATHs no longer "
               "contain (the index then mirrors the inputs)");
  CLI::Option* compact =
      app.add_flag("--compact", options.compact,
                   "After indexing, merge the shards into one compacted database (~45 % smaller, "
                   "faster to search; later runs write it with one writer). A new index gets "
                   "this at the end of the run that completes it");
  app.add_flag("--keep-shards", options.keep_shards,
               "Leave a new index's shards as written: no merge at its end (for an index that "
               "will take large additions, or whose shards go to remote servers)")
      ->excludes(compact);
  app.add_flag("-q,--quiet", options.quiet, "Print nothing but errors");
  app.add_flag("-v,--verbose", options.verbosity, "More log output (-vv for even more)");
  app.add_option("--commit-every", options.commit_every,
                 "Commit each shard after this many articles (a killed run loses at most these)")
      ->check(CLI::PositiveNumber);
  app.add_option("--xml-map", options.xml_map,
                 "JSON file of XPath expressions (record, id, title, body, date, author): XML "
                 "inputs with matching records give one article per record, docid FILE#id")
      ->type_name("MAP.json");
  app.add_option("-j,--jobs", options.jobs, "Extraction threads (default: one per core)");
  // Without paths a run can only compact; --prune would empty the index.
  app.final_callback([&options] {
    if (options.inputs.empty() && (!options.compact || options.prune || options.extract_only)) {
      throw CLI::RequiredError("paths");
    }
  });
  app.add_option("--shards", options.shards,
                 "Shards of a new index, written in parallel (default: one per core; an existing "
                 "index keeps its own)");
}

}  // namespace fundstelle::cli
