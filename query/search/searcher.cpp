#include "search/searcher.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "schema.hpp"
#include "search/candidate_articles.hpp"
#include "search/context.hpp"
#include "search/docid_filters.hpp"
#include "search/explain.hpp"
#include "search/filter_queries.hpp"
#include "search/highlighter.hpp"
#include "search/query_parser.hpp"
#include "search/spelling.hpp"
#include "search/synonyms.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {
namespace {

// BM25 parameters tuned with scripts/eval_retrieval on the XQuAD dev set (k1 0.3–2.0, b 0.3–0.9
// tried; MRR@10 varies by under 0.002 for k1 0.4–0.6, b 0.5–0.8): passages are short and similar
// in length, so term frequency saturates early and length normalisation matters less than for
// whole articles. b 0.7 since schema 4, whose passage lengths count no stem terms.
constexpr double kBm25K1 = 0.5;
constexpr double kBm25B = 0.7;

// A search that meets a writer's commit starts over at the newest one; only a writer committing
// faster than a search can run would exhaust this.
constexpr int kReopenAttempts = 10;

// Every shard must have been written with this schema and analyzer, or the terms would not
// mean what the query builder thinks.
void check_schema(const Xapian::Database& db, const std::string& name) {
  const std::string version = db.get_metadata(schema::kMetaSchemaVersion);
  const std::string analyzer = db.get_metadata(schema::kMetaAnalyzer);
  if (version != std::to_string(schema::kSchemaVersion) || analyzer != analysis::kAnalyzerName) {
    throw SearchError(
        "index " + name + " has schema version " + (version.empty() ? "(none)" : version) +
        " / analyzer " + (analyzer.empty() ? "(none)" : analyzer) +
        ", but this fundstelle-query reads " + std::to_string(schema::kSchemaVersion) + " / " +
        std::string(analysis::kAnalyzerName) +
        "; re-index: delete it and run fundstelle-index --db " + name + " on your articles");
  }
}

Xapian::Database open_checked(const ShardSpec& shard) {
  const std::string name = shard.name();
  // A writer committing while we open or read the metadata can discard the revision we read
  // (DatabaseModifiedError): open again, at the newest commit.
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Database db = open_shard(shard);
      check_schema(db, name);
      return db;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kReopenAttempts) {
        throw SearchError("cannot open index " + name + ": " + e.get_description());
      }
    } catch (const Xapian::DatabaseNotFoundError&) {
      throw SearchError("no index at " + name + "; create it with: fundstelle-index --db " + name +
                        " DIR");
    } catch (const Xapian::NetworkError& e) {
      throw SearchError("cannot reach remote shard " + name + ": " + e.get_description() +
                        " (is xapian-tcpsrv running there? --allow-partial searches the others)");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot open index " + name + ": " + e.get_description());
    }
  }
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

// Xapian adds a passage's term weights in the order of its posting-list tree, which it builds
// per shard from the shard's own term frequencies: equal scores in one index can differ in the
// last bits across shards. Scores equal to 1e-9 count as ties, ordered by article id (the
// relevance-then-article order Xapian was asked for, with the noise taken out).
std::vector<const Match*> in_stable_order(const Matches& matches, SortBy sort) {
  struct Ranked {
    const Match* match;
    long long score;  // in units of 1e-9
  };
  std::vector<Ranked> ranked;
  for (const Match& match : matches.items) {
    ranked.push_back({&match, std::llround(match.weight * 1e9)});
  }
  if (sort == SortBy::kRelevance) {
    // The sort key is the article slot (top_passages), already read by the matcher.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      return a.score != b.score ? a.score > b.score : a.match->sort_key < b.match->sort_key;
    });
  }
  std::vector<const Match*> order;
  for (const Ranked& entry : ranked) order.push_back(entry.match);
  return order;
}

// The shards opened once more for each further thread of the matcher, at the revisions of
// `shards` (nullopt: a writer committed in between).
std::optional<std::vector<Xapian::Database>> opened_again(const std::vector<OpenShard>& shards,
                                                          unsigned copies) {
  std::vector<Xapian::Database> handles;
  for (unsigned copy = 0; copy < copies; ++copy) {
    Xapian::Database combined;
    for (const OpenShard& shard : shards) {
      Xapian::Database again = open_shard(shard.spec);
      if (again.get_revision() != shard.db.get_revision()) return std::nullopt;
      combined.add_database(again);
    }
    handles.push_back(std::move(combined));
  }
  return handles;
}

// `query` (without phrases) restricted to the passages of `candidates` by the articles' Q terms:
// what a remote shard's server can run.
Xapian::Query in_candidate_articles(const Xapian::Query& query,
                                    const CandidateArticles& candidates) {
  // An OR of no terms matches nothing.
  return restricted(
      query, Xapian::Query(Xapian::Query::OP_OR, candidates.terms.begin(), candidates.terms.end()),
      false);
}

bool is_duplicate(const std::string& text, const std::vector<std::string>& seen) {
  return std::any_of(seen.begin(), seen.end(), [&](const std::string& other) {
    return other.size() >= text.size() ? other.find(text) != std::string::npos
                                       : text.find(other) != std::string::npos;
  });
}

}  // namespace

Searcher::Searcher(const std::vector<std::filesystem::path>& indexes, bool allow_partial,
                   unsigned threads)
    : threads_(threads > 0 ? threads : std::max(1U, std::thread::hardware_concurrency())) {
  for (const std::filesystem::path& path : indexes) {
    std::vector<ShardSpec> specs;
    try {
      specs = list_shards(path);
    } catch (const std::runtime_error& e) {
      throw SearchError(e.what());
    }
    for (ShardSpec& spec : specs) {
      try {
        Xapian::Database db = open_checked(spec);
        db_.add_database(db);
        shards_.push_back({std::move(spec), std::move(db)});
      } catch (const SearchError& e) {
        if (!allow_partial) throw;
        skipped_.push_back(e.what());
      }
    }
  }
  if (shards_.empty()) {
    throw SearchError(skipped_.empty() ? "no index given"
                                       : "no shard could be opened: " + skipped_.front());
  }
  std::vector<Xapian::Database> each;
  for (const OpenShard& shard : shards_) each.push_back(shard.db);
  vocabulary_ = Vocabulary(each);
  stem_lexicon_ = StemLexicon(std::move(each));
  matcher_ = new_matcher();
}

ParallelMatcher Searcher::new_matcher() {
  // A remote shard's server matches it on its own; it could not run a DocidSlice either.
  if (!all_local()) return ParallelMatcher::with_remote_shards(db_);
  if (threads_ < 2) return ParallelMatcher(db_);
  for (int attempt = 1;; ++attempt) {
    std::optional<std::vector<Xapian::Database>> handles;
    try {
      handles = opened_again(shards_, threads_ - 1);
    } catch (const Xapian::DatabaseOpeningError&) {
      return ParallelMatcher(db_);  // e.g. out of file descriptors: one thread ranks alike
    }
    if (handles) return ParallelMatcher(db_, std::move(*handles));
    if (attempt == kReopenAttempts) return ParallelMatcher(db_);
    db_.reopen();
    stem_lexicon_.forget();
  }
}

// A writer's commit can overwrite blocks a reader still needs (Xapian::DatabaseModifiedError):
// reopening moves to the latest commit and the work is redone there.
template <typename Action>
auto Searcher::retrying(Action action) {
  for (int attempt = 1;; ++attempt) {
    try {
      return action();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kReopenAttempts) throw;
      db_.reopen();  // the shards' handles share db_'s: they move to the same commit
      stem_lexicon_.forget();
      matcher_ = new_matcher();
    }
  }
}

Xapian::Query Searcher::filtered_query(const Xapian::Query& query, const SearchOptions& options,
                                       bool positional) const {
  if (options.since.empty() && options.until.empty()) return query;
  return restricted(query, date_query(options.since, options.until), positional);
}

BuiltQuery Searcher::build(std::string_view query_text, const SearchOptions& options) {
  const QueryResources resources{options.synonyms ? &Synonyms::german() : nullptr, &db_,
                                 &stem_lexicon_};
  const std::vector<Clause> clauses = parse_query(to_nfc(query_text));
  // Reads the index too: the stem lexicon, author:/site: values.
  return retrying([&] { return build_query(clauses, analyzer_, {}, resources); });
}

std::vector<Hit> Searcher::search(std::string_view query_text, const SearchOptions& options) {
  Xapian::doccount matches = 0;
  return ranked(build(query_text, options), options, matches);
}

SearchResult Searcher::search_with_suggestion(std::string_view query_text,
                                              const SearchOptions& options) {
  SearchResult result;
  Xapian::doccount matches = 0;
  result.hits = ranked(build(query_text, options), options, matches);
  SpellingOptions spelling;
  if (matches < options.suggest_below) spelling.rare_below = options.suggest_below;
  result.suggestion = retrying([&] {
    return suggest_query(db_, vocabulary_, to_nfc(query_text), analyzer_, stem_lexicon_, spelling);
  });
  return result;
}

std::vector<Hit> Searcher::ranked(const BuiltQuery& built, const SearchOptions& options,
                                  Xapian::doccount& matches_estimated) {
  matches_estimated = 0;
  if (built.query.empty()) return {};
  const Xapian::BM25Weight weighting(kBm25K1, 0, 1, kBm25B, 0.5);
  return retrying([&] {
    const Xapian::Query query = filtered_query(built.query, options, built.positional);
    const size_t wanted = options.offset + options.limit;
    // A remote server could not run the filter a query with phrases needs here (DocidSet).
    if (options.sort == SortBy::kRelevance && !options.exhaustive && !built.candidates.empty() &&
        (!built.positional || all_local())) {
      const auto asked =
          static_cast<Xapian::doccount>(std::max<size_t>(kCandidateArticles, 2 * wanted));
      // The candidate query has no phrases (a synonym's words are ANDed there).
      const CandidateArticles candidates = find_candidate_articles(
          matcher_, filtered_query(built.candidates, options, false), weighting, asked);
      // Ranking only the candidates' passages, a wide window costs little: 4 * 10 + 20 left no
      // question of the 500 to widen it again (46 did with 25), and p95 / p99 fell by ~15 %.
      const size_t window = 4 * wanted + 20;
      // Their passages as a docid list that drives the match: each posting list of the query
      // skips straight to them. An OR of the articles' Q terms as the filter cost ~10 % more of
      // the whole search (bench_query), but it is what a remote shard's server can run.
      RankedPassages in_candidates = all_local()
                                         ? top_passages(query, candidate_passages(candidates),
                                                        weighting, options, built, window)
                                         : top_passages(in_candidate_articles(query, candidates),
                                                        nullptr, weighting, options, built, window);
      // Fewer hits than asked from a full candidate set: articles beyond it may fill the page.
      if (in_candidates.hits.size() >= options.limit || candidates.terms.size() < asked) {
        matches_estimated = candidates.matches_estimated;
        return finish(std::move(in_candidates), built, weighting, options);
      }
    }
    RankedPassages all =
        top_passages(query, nullptr, weighting, options, built, wanted + wanted / 2 + 10);
    matches_estimated = all.matches_estimated;
    return finish(std::move(all), built, weighting, options);
  });
}

bool Searcher::all_local() const {
  return std::all_of(shards_.begin(), shards_.end(), [](const OpenShard& shard) {
    return shard.spec.kind == ShardSpec::Kind::kLocal;
  });
}

std::shared_ptr<const DocidSet::ByShard> Searcher::candidate_passages(
    const CandidateArticles& candidates) const {
  auto by_shard = std::make_shared<DocidSet::ByShard>();
  std::vector<std::vector<Xapian::docid>*> of_shard;
  for (const OpenShard& shard : shards_) of_shard.push_back(&(*by_shard)[shard.db.get_uuid()]);
  for (size_t i = 0; i < candidates.terms.size(); ++i) {
    // The combined database interleaves its shards' docids.
    const size_t index = (candidates.best_passages[i] - 1) % shards_.size();
    const Xapian::Database& db = shards_[index].db;
    const std::string& term = candidates.terms[i];
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      of_shard[index]->push_back(*it);
    }
  }
  for (std::vector<Xapian::docid>* docids : of_shard) std::sort(docids->begin(), docids->end());
  return by_shard;
}

Searcher::RankedPassages Searcher::top_passages(const Xapian::Query& query,
                                                std::shared_ptr<const DocidSet::ByShard> only,
                                                const Xapian::Weight& weighting,
                                                const SearchOptions& options,
                                                const BuiltQuery& built, size_t first_window) {
  MatchRequest request;
  request.query = query;
  request.weighting = &weighting;
  request.documents = true;
  request.only = std::move(only);
  request.only_role = built.positional ? DocidSet::Role::kFollows : DocidSet::Role::kDrives;
  if (options.sort == SortBy::kDate) {
    request.order = MatchRequest::Order::kValueThenRelevance;
    request.sort_slot = schema::kSlotDate;
    request.sort_descending = true;
  } else {
    // Equal scores are ordered by article id, not by Xapian's docid, which depends on how the
    // articles are spread over shards: one index and its shards rank ties alike.
    request.order = MatchRequest::Order::kRelevanceThenValue;
    request.sort_slot = schema::kSlotArticle;
  }
  if (options.per_article > 0) {
    request.collapse_slot = schema::kSlotArticle;
    request.collapse_max = options.per_article;
  }

  // The same passage in several articles (one article in several formats, syndicated news) is
  // shown once, at its best rank: a passage whose text contains, or is contained in, one
  // already shown is a duplicate. Duplicates are skipped, so fetch more than asked for and
  // widen the window while they eat into the page.
  const size_t wanted = options.offset + options.limit;
  StoredIndexReader stored_index(db_);
  RankedPassages ranked;
  std::vector<std::string> seen_texts;
  for (size_t window = first_window;; window *= 2) {
    const Matches matches =
        matcher_.top(request, static_cast<Xapian::doccount>(window), built.positional);
    ranked = {};
    ranked.matches_estimated = matches.matches_estimated;
    seen_texts.clear();
    size_t unique = 0;
    for (const Match* match : in_stable_order(matches, options.sort)) {
      if (unique >= wanted) break;
      // Duplicates are told by their text alone: the passage's values and its article's record
      // are read only for a passage that is shown (a page can skip dozens of duplicates).
      std::optional<std::string> text = StoredIndexReader::passage_text(match->document);
      if (!text || is_duplicate(*text, seen_texts)) continue;
      seen_texts.push_back(std::move(*text));
      if (++unique <= options.offset) continue;
      std::optional<StoredPassage> stored = stored_index.passage(match->document);
      if (!stored) continue;
      ranked.hits.push_back(make_hit(std::move(*stored), unique, match->weight, built));
      ranked.xapian_ids.push_back(match->docid);
    }
    if (unique >= wanted || matches.items.size() < window) break;
  }
  return ranked;
}

std::vector<Hit> Searcher::finish(RankedPassages ranked, const BuiltQuery& built,
                                  const Xapian::Weight& weighting, const SearchOptions& options) {
  std::vector<Hit>& hits = ranked.hits;
  if (options.context) {
    StoredIndexReader stored_index(db_);
    for (Hit& hit : hits) {
      if (hit.passage <= 1) continue;
      const std::optional<std::string> before =
          stored_index.passage_text(hit.docid, hit.passage - 1);
      if (before) hit.context_before = last_sentence(*before);
    }
  }
  if (options.explain) {
    for (size_t i = 0; i < hits.size(); ++i) {
      hits[i].explanation =
          explain_match(db_, built.query, ranked.xapian_ids[i],
                        passage_filter(hits[i].docid, hits[i].passage), weighting, analyzer_);
    }
  }
  return std::move(hits);
}

MatchCount Searcher::count(std::string_view query_text, const SearchOptions& options) {
  const BuiltQuery built = build(query_text, options);
  if (built.query.empty()) return {};
  return retrying([&] {
    // Checking every document makes Xapian's estimates exact; collapsing on the article slot
    // with one passage each counts articles.
    const Xapian::doccount all = db_.get_doccount();
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered_query(built.query, options, built.positional));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    MatchCount count;
    count.passages = enquire.get_mset(0, 0, all).get_matches_estimated();
    enquire.set_collapse_key(schema::kSlotArticle, 1);
    count.articles = enquire.get_mset(0, all, all).size();
    return count;
  });
}

std::optional<ArticlePassages> Searcher::article(const std::string& docid) {
  return retrying([&] { return read_article(db_, docid); });
}

IndexStats Searcher::stats() {
  return retrying([&] { return compute_index_stats(db_, shards_); });
}

std::string Searcher::suggest(std::string_view query_text) {
  return retrying([&] {
    return suggest_query(db_, vocabulary_, to_nfc(query_text), analyzer_, stem_lexicon_)
        .value_or(std::string());
  });
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
