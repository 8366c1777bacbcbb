// fundstelle-bench-query: in-process latency of Fundstelle's search (top passages with
// highlights and spelling check, as fundstelle-query runs it) against plain Xapian (QueryParser
// with the German stemmer, BM25, MSet::snippet) over the same passages, in one process.
// Run through scripts/bench_query; built with -DFUNDSTELLE_BUILD_BENCHMARKS=ON.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/searcher.hpp"
#include "search/spelling.hpp"
#include "search/topics.hpp"
#include "stored_passage.hpp"

namespace {

namespace fs = std::filesystem;
namespace q = fundstelle::query;
using Clock = std::chrono::steady_clock;

struct Options {
  fs::path db;
  fs::path queries;
  fs::path baseline;          // plain Xapian index of the same passages; built if missing
  fs::path article_baseline;  // plain Xapian index of the same articles; built if missing
  size_t runs = 3;
  size_t limit = 10;
  unsigned per_article = 2;
  bool synonyms = true;
  bool suggestions = true;
  bool exhaustive = false;
  fs::path per_query;  // the last run's time of each question, for finding the slow ones
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

// Every stored passage of the Fundstelle index at `db_path`, in docid order.
template <typename Visit>
void for_each_passage(const fs::path& db_path, Visit visit) {
  Xapian::Database source(db_path.string());
  fundstelle::StoredIndexReader stored_index(source);
  for (Xapian::PostingIterator it = source.postlist_begin(""); it != source.postlist_end("");
       ++it) {
    std::optional<fundstelle::StoredPassage> stored =
        stored_index.passage(source.get_document(*it));
    if (stored) visit(std::move(*stored));
  }
}

// Indexed the way Xapian's own tools do: TermGenerator, German stemmer, positions, the title
// (prefix S) before the text.
class PlainIndex {
 public:
  explicit PlainIndex(const fs::path& path) : out_(path.string(), Xapian::DB_CREATE_OR_OVERWRITE) {
    generator_.set_stemmer(Xapian::Stem("german"));
  }
  void add(const std::string& title, const std::string& text, const std::string& data) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.index_text(title, 1, "S");
    generator_.increase_termpos();
    generator_.index_text(text);
    doc.set_data(data);
    out_.add_document(doc);
  }
  void commit() { out_.commit(); }

 private:
  Xapian::WritableDatabase out_;
  Xapian::TermGenerator generator_;
};

// One passage per document, its text as data (for snippets): the units Fundstelle ranks.
void build_baseline(const fs::path& db_path, const fs::path& out_path) {
  PlainIndex out(out_path);
  for_each_passage(db_path, [&](fundstelle::StoredPassage&& stored) {
    out.add(stored.title, stored.text, stored.text);
  });
  out.commit();
}

// The same articles as one document each, no passages, no snippets: the setting in which the
// issue quotes plain Xapian's latency (#5: p50 ~1.5 ms, p99 ~5 ms).
void build_article_baseline(const fs::path& db_path, const fs::path& out_path) {
  std::map<std::string, std::pair<std::string, std::string>> articles;  // docid -> title, text
  for_each_passage(db_path, [&](fundstelle::StoredPassage&& stored) {
    auto& [title, text] = articles[stored.docid];
    title = std::move(stored.title);
    (text += stored.text) += '\n';
  });
  PlainIndex out(out_path);
  for (const auto& [docid, article] : articles) out.add(article.first, article.second, {});
  out.commit();
}

std::vector<std::string> passage_ids(const std::vector<q::Hit>& hits) {
  std::vector<std::string> ids;
  for (const q::Hit& hit : hits) ids.push_back(hit.docid + "#" + std::to_string(hit.passage));
  return ids;
}

// How many questions get the same top passages, in the same order, from the two-phase search
// as from the exhaustive one (SearchOptions::exhaustive): what the candidate articles cost.
size_t same_as_exhaustive(q::Searcher& searcher, const std::vector<q::Topic>& topics,
                          q::SearchOptions options) {
  size_t same = 0;
  for (const q::Topic& topic : topics) {
    options.exhaustive = false;
    const std::vector<std::string> fast = passage_ids(searcher.search(topic.text, options));
    options.exhaustive = true;
    if (fast == passage_ids(searcher.search(topic.text, options))) ++same;
  }
  return same;
}

// Times one query per call; returns milliseconds.
template <typename F>
double timed(F&& f) {
  const Clock::time_point start = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void report(const char* system, size_t run, const std::vector<double>& ms, size_t hits) {
  double total = 0;
  for (double m : ms) total += m;
  std::cout << "{\"system\":\"" << system << "\",\"run\":" << run << ",\"queries\":" << ms.size()
            << ",\"hits\":" << hits << ",\"p50\":" << percentile(ms, 50)
            << ",\"p95\":" << percentile(ms, 95) << ",\"p99\":" << percentile(ms, 99)
            << ",\"max\":" << percentile(ms, 100)
            << ",\"mean\":" << total / static_cast<double>(std::max<size_t>(1, ms.size())) << "}\n"
            << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"In-process query latency: fundstelle vs. plain Xapian (JSON Lines per run)"};
  Options o;
  app.add_option("--db", o.db, "Fundstelle index")->required();
  app.add_option("--queries", o.queries, "topics file (TSV or JSON Lines)")->required();
  app.add_option("--baseline", o.baseline, "plain Xapian index (built here if missing)")
      ->required();
  app.add_option("--article-baseline", o.article_baseline,
                 "plain Xapian index of the articles, one document each (built here if missing)")
      ->required();
  app.add_option("--runs", o.runs, "timed runs after one warm-up run");
  app.add_option("-n", o.limit, "hits per query");
  app.add_option("--per-article", o.per_article, "passages per article (0: no collapsing)");
  app.add_flag("!--no-synonyms", o.synonyms, "leave synonyms out");
  app.add_flag("!--no-suggestions", o.suggestions, "leave the spelling check out");
  app.add_flag("--exhaustive", o.exhaustive, "rank every matching passage (no candidate phase)");
  app.add_option("--per-query", o.per_query,
                 "write the last run's milliseconds per question here (JSON Lines)");
  CLI11_PARSE(app, argc, argv);
  try {
    auto topics = q::read_topics(o.queries);
    if (!topics) {
      std::cerr << "fundstelle-bench-query: " << topics.error().reason << '\n';
      return 2;
    }
    if (!fs::exists(o.baseline)) {
      const double ms = timed([&] { build_baseline(o.db, o.baseline); });
      std::cerr << "fundstelle-bench-query: built plain Xapian index " << o.baseline << " in "
                << ms / 1000 << " s\n";
    }
    if (!fs::exists(o.article_baseline)) {
      const double ms = timed([&] { build_article_baseline(o.db, o.article_baseline); });
      std::cerr << "fundstelle-bench-query: built plain Xapian index " << o.article_baseline
                << " in " << ms / 1000 << " s\n";
    }
    q::Searcher searcher({o.db});
    q::Searcher one_thread({o.db}, false, 1);  // what matching on every core gains
    q::SearchOptions search;
    search.limit = o.limit;
    search.per_article = o.per_article;
    search.synonyms = o.synonyms;
    if (!o.suggestions) search.suggest_below = 0;
    search.exhaustive = o.exhaustive;

    Xapian::Database plain(o.baseline.string());
    Xapian::QueryParser parser;
    const Xapian::Stem stemmer("german");
    parser.set_stemmer(stemmer);
    parser.set_database(plain);
    Xapian::Enquire enquire(plain);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::Database pages(o.article_baseline.string());
    Xapian::QueryParser pages_parser;
    pages_parser.set_stemmer(stemmer);
    pages_parser.set_database(pages);
    Xapian::Enquire pages_enquire(pages);
    pages_enquire.set_weighting_scheme(Xapian::BM25Weight());

    std::cout << "{\"system\":\"same top passages as exhaustive\",\"queries\":"
              << topics.value().size()
              << ",\"same\":" << same_as_exhaustive(searcher, topics.value(), search) << "}\n"
              << std::flush;

    size_t sink = 0;                              // keeps the work observable
    for (size_t run = 0; run <= o.runs; ++run) {  // run 0 warms the caches
      std::vector<double> fundstelle_ms, one_thread_ms, xapian_ms, pages_ms, spelling_ms;
      size_t fundstelle_hits = 0, one_thread_hits = 0, xapian_hits = 0, pages_hits = 0,
             suggestions = 0;
      const auto fundstelle = [&](q::Searcher& s, const q::Topic& topic, size_t& hits) {
        const q::SearchResult result = o.suggestions
                                           ? s.search_with_suggestion(topic.text, search)
                                           : q::SearchResult{s.search(topic.text, search), {}};
        hits += result.hits.size();
        for (const q::Hit& hit : result.hits) sink += hit.highlights.size();
      };
      for (const q::Topic& topic : topics.value()) {
        fundstelle_ms.push_back(timed([&] { fundstelle(searcher, topic, fundstelle_hits); }));
        one_thread_ms.push_back(timed([&] { fundstelle(one_thread, topic, one_thread_hits); }));
        xapian_ms.push_back(timed([&] {
          Xapian::Query query;
          try {
            query = parser.parse_query(topic.text);
          } catch (const Xapian::QueryParserError&) {
            return;
          }
          enquire.set_query(query);
          const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(o.limit));
          for (auto it = mset.begin(); it != mset.end(); ++it) {
            sink += mset.snippet(it.get_document().get_data(), 300, stemmer).size();
            ++xapian_hits;
          }
        }));
      }
      for (const q::Topic& topic : topics.value()) {
        pages_ms.push_back(timed([&] {
          try {
            pages_enquire.set_query(pages_parser.parse_query(topic.text));
          } catch (const Xapian::QueryParserError&) {
            return;
          }
          const Xapian::MSet mset =
              pages_enquire.get_mset(0, static_cast<Xapian::doccount>(o.limit));
          for (auto it = mset.begin(); it != mset.end(); ++it) sink += *it;
          pages_hits += mset.size();
        }));
      }
      // The spelling check alone, as search_with_suggestion runs it after a search.
      for (const q::Topic& topic : topics.value()) {
        spelling_ms.push_back(timed([&] {
          if (!searcher.suggest(topic.text).empty()) ++suggestions;
        }));
      }
      if (run == 0) continue;
      if (!o.per_query.empty()) {
        std::ofstream out(o.per_query);
        for (size_t i = 0; i < topics.value().size(); ++i) {
          out << nlohmann::ordered_json{{"id", topics.value()[i].id},
                                        {"fundstelle", fundstelle_ms[i]},
                                        {"xapian", xapian_ms[i]},
                                        {"spelling", spelling_ms[i]}}
                     .dump()
              << '\n';
        }
      }
      report("fundstelle", run, fundstelle_ms, fundstelle_hits);
      report("fundstelle, 1 thread", run, one_thread_ms, one_thread_hits);
      report("xapian", run, xapian_ms, xapian_hits);
      report("xapian, one document per article, no snippets", run, pages_ms, pages_hits);
      report("spelling check alone", run, spelling_ms, suggestions);
    }
    std::cerr << "fundstelle-bench-query: checksum " << sink << '\n';
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "fundstelle-bench-query: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "fundstelle-bench-query: " << e.get_description() << '\n';
  }
  return 2;
}
