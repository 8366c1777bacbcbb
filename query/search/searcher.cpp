#include "search/searcher.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "schema.hpp"
#include "search/highlighter.hpp"
#include "search/query_parser.hpp"
#include "search/spelling.hpp"
#include "search/synonyms.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {
namespace {

// BM25 parameters tuned with scripts/eval_retrieval on the XQuAD dev set (k1 0.6–2.0, b 0.3–0.9
// tried): passages are short and similar in length, so term frequency saturates early and length
// normalisation matters less than for whole articles.
constexpr double kBm25K1 = 0.6;
constexpr double kBm25B = 0.6;

Xapian::Database open_checked(const std::filesystem::path& path) {
  Xapian::Database db;
  try {
    db = Xapian::Database(path.string());
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw SearchError("no index at " + path.string() + "; create it with: fundstelle-index --db " +
                      path.string() + " DIR");
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open index " + path.string() + ": " + e.get_description());
  }
  const std::string version = db.get_metadata(schema::kMetaSchemaVersion);
  const std::string analyzer = db.get_metadata(schema::kMetaAnalyzer);
  if (version != std::to_string(schema::kSchemaVersion) || analyzer != analysis::kAnalyzerName) {
    throw SearchError(
        "index " + path.string() + " has schema version " + (version.empty() ? "(none)" : version) +
        " / analyzer " + (analyzer.empty() ? "(none)" : analyzer) +
        ", but this fundstelle-query reads " + std::to_string(schema::kSchemaVersion) + " / " +
        std::string(analysis::kAnalyzerName) +
        "; re-index: delete it and run fundstelle-index --db " + path.string() +
        " on your articles");
  }
  return db;
}

// Queries typed on a terminal or pasted may be decomposed (NFD); the index holds NFC.
std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  const icu::UnicodeString normalized =
      nfc->normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                     status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

bool is_duplicate(const std::string& text, const std::vector<std::string>& seen) {
  return std::any_of(seen.begin(), seen.end(), [&](const std::string& other) {
    return other.size() >= text.size() ? other.find(text) != std::string::npos
                                       : text.find(other) != std::string::npos;
  });
}

}  // namespace

Searcher::Searcher(const std::vector<std::filesystem::path>& indexes) {
  for (const std::filesystem::path& path : indexes) db_.add_database(open_checked(path));
}

std::vector<Hit> Searcher::search(std::string_view query_text, const SearchOptions& options) {
  const QueryResources resources{options.synonyms ? &Synonyms::german() : nullptr, &db_};
  const BuiltQuery built = build_query(parse_query(to_nfc(query_text)), analyzer_, {}, resources);
  Xapian::doccount matches = 0;
  return ranked(built, options, matches);
}

SearchResult Searcher::search_with_suggestion(std::string_view query_text,
                                              const SearchOptions& options) {
  const std::string text = to_nfc(query_text);
  const QueryResources resources{options.synonyms ? &Synonyms::german() : nullptr, &db_};
  const BuiltQuery built = build_query(parse_query(text), analyzer_, {}, resources);
  SearchResult result;
  Xapian::doccount matches = 0;
  result.hits = ranked(built, options, matches);
  SpellingOptions spelling;
  if (matches < options.suggest_below) spelling.rare_below = options.suggest_below;
  result.suggestion = suggest_query(db_, text, analyzer_, spelling);
  return result;
}

std::vector<Hit> Searcher::ranked(const BuiltQuery& built, const SearchOptions& options,
                                  Xapian::doccount& matches_estimated) {
  std::vector<Hit> hits;
  matches_estimated = 0;
  if (built.query.empty()) return hits;

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
  if (options.per_article > 0) enquire.set_collapse_key(schema::kSlotArticle, options.per_article);

  // The same passage in several articles (one article in several formats, syndicated news) is
  // shown once, at its best rank: a passage whose text contains, or is contained in, one already
  // shown is a duplicate. Duplicates are skipped, so fetch more than asked for and widen the
  // window while they eat into the page.
  const size_t wanted = options.offset + options.limit;
  std::vector<std::string> seen_texts;
  for (size_t window = wanted + wanted / 2 + 10;; window *= 2) {
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(window));
    matches_estimated = mset.get_matches_estimated();
    hits.clear();
    seen_texts.clear();
    size_t unique = 0;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end() && unique < wanted; ++it) {
      StoredPassage stored;
      if (!decode_stored_passage(it.get_document().get_data(), stored)) continue;
      if (is_duplicate(stored.text, seen_texts)) continue;
      seen_texts.push_back(stored.text);
      if (++unique <= options.offset) continue;
      hits.push_back(make_hit(std::move(stored), unique, it.get_weight(), built));
    }
    if (unique >= wanted || mset.size() < window) break;
  }
  return hits;
}

Hit Searcher::make_hit(StoredPassage&& stored, size_t rank, double score, const BuiltQuery& built) {
  Hit hit;
  hit.rank = rank;
  hit.score = score;
  hit.docid = std::move(stored.docid);
  hit.passage = stored.passage;
  hit.passage_count = stored.passage_count;
  hit.title = std::move(stored.title);
  hit.source = std::move(stored.source);
  hit.text = std::move(stored.text);
  hit.metadata = std::move(stored.metadata);
  hit.highlights = find_highlights(hit.text, built.highlight_exact, built.highlight_stems,
                                   analyzer_, built.highlight_prefixes);
  return hit;
}

}  // namespace fundstelle::query
