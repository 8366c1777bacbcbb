#include "cli/interactive.hpp"

#include <algorithm>
#include <utility>

#include "cli/commands.hpp"

namespace fundstelle::cli {
namespace {

constexpr const char* kPrompt = "fundstelle> ";

constexpr const char* kHelp =
    "Type a question or keywords to search. Commands:\n"
    "  :show N        the article of hit N (or :show DOCID#N), that passage highlighted\n"
    "  :more          the next hits of the last query\n"
    "  :help          this text\n"
    "  :quit          leave (also Ctrl-D)\n"
    "After \"Meinten Sie ...\", Enter accepts the suggestion shown in the prompt.\n";

std::string trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

class Session {
 public:
  Session(query::Searcher& searcher, const QueryOptions& options, const query::TextStyle& style,
          std::ostream& out)
      : searcher_(searcher), options_(options), style_(style), out_(out) {}

  // Handles one line; false when the session should end.
  bool handle(const std::string& input) {
    const std::string line = trim(input);
    if (line.empty()) return true;
    if (line == ":quit" || line == ":q" || line == ":exit") return false;
    if (line == ":help" || line == ":h" || line == "?") {
      out_ << kHelp;
    } else if (line == ":more" || line == ":m") {
      more();
    } else if (line.rfind(":show", 0) == 0) {
      show(trim(line.substr(5)));
    } else if (line[0] == ':') {
      out_ << "unknown command " << line << "; :help lists the commands\n";
    } else {
      query_ = line;
      offset_ = options_.offset;
      search();
    }
    out_.flush();
    return true;
  }

  // A suggestion to prefill the next prompt with ("" if none).
  std::string take_suggestion() { return std::exchange(suggestion_, {}); }

 private:
  void search() {
    QueryOptions page = options_;
    page.offset = offset_;
    hits_ = searcher_.search(query_, search_options(page));
    if (hits_.empty()) {
      out_ << (offset_ > options_.offset ? "no more passages\n" : "no passages match\n");
      suggestion_ = offset_ > options_.offset ? "" : searcher_.suggest(query_);
      if (!suggestion_.empty()) out_ << "Meinten Sie: " << suggestion_ << "? (Enter übernimmt)\n";
      return;
    }
    print_hits(hits_, options_, style_, out_);
  }

  void more() {
    if (query_.empty()) {
      out_ << "no query yet\n";
      return;
    }
    offset_ += options_.limit;
    search();
  }

  void show(const std::string& what) {
    if (what.empty()) {
      out_ << "usage: :show N (a hit's rank) or :show DOCID#N\n";
      return;
    }
    std::string ref = what;
    if (what.find_first_not_of("0123456789") == std::string::npos) {
      const size_t rank = std::stoul(what.substr(0, 9));
      const auto it = std::find_if(hits_.begin(), hits_.end(),
                                   [&](const query::Hit& hit) { return hit.rank == rank; });
      if (it == hits_.end()) {
        out_ << "no hit " << what << " on the last page\n";
        return;
      }
      ref = it->docid + "#" + std::to_string(it->passage);
    }
    if (!show_article(searcher_, ref, options_, style_, out_)) {
      out_ << "no article " << query::parse_article_ref(ref).docid << " in the index\n";
    }
  }

  query::Searcher& searcher_;
  const QueryOptions& options_;
  const query::TextStyle& style_;
  std::ostream& out_;
  std::string query_;
  size_t offset_ = 0;
  std::vector<query::Hit> hits_;
  std::string suggestion_;
};

}  // namespace

int run_interactive(query::Searcher& searcher, const QueryOptions& options,
                    const query::TextStyle& style, LineReader& reader, std::ostream& out,
                    const std::string& first_query) {
  Session session(searcher, options, style, out);
  if (!session.handle(first_query)) return kExitHits;
  std::string prefill = session.take_suggestion();
  while (const std::optional<std::string> line = reader.read(kPrompt, prefill)) {
    if (!session.handle(*line)) break;
    prefill = session.take_suggestion();
  }
  return kExitHits;
}

}  // namespace fundstelle::cli
