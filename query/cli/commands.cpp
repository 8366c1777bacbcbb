#include "cli/commands.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/pager.hpp"
#include "cli/terminal.hpp"
#include "print/printer.hpp"
#include "search/article_reader.hpp"
#include "search/topics.hpp"

namespace fundstelle::cli {

namespace q = fundstelle::query;

q::SearchOptions search_options(const QueryOptions& options) {
  q::SearchOptions search;
  search.limit = options.limit;
  search.offset = options.offset;
  search.per_article = options.per_article;
  search.sort = options.sort == SortOrder::kDate ? q::SortBy::kDate : q::SortBy::kRelevance;
  search.since = options.since;
  search.until = options.until;
  search.explain = options.explain;
  search.exhaustive = options.exhaustive;
  search.context = options.format == OutputFormat::kText && !options.no_context;
  return search;
}

void print_hits(const std::vector<q::Hit>& hits, const QueryOptions& options,
                const q::TextStyle& style, std::ostream& out) {
  switch (options.format) {
    case OutputFormat::kJson:
      q::print_json(hits, out);
      break;
    case OutputFormat::kTrec:
      q::print_trec("1", hits, options.run_name, out);
      break;
    case OutputFormat::kText:
      q::print_text(hits, style, out);
      break;
  }
}

int run_query(q::Searcher& searcher, const QueryOptions& options, const std::string& query) {
  if (options.count) {
    const q::MatchCount count = searcher.count(query, search_options(options));
    if (options.format == OutputFormat::kJson) {
      q::print_count_json(count.articles, count.passages, std::cout);
    } else {
      q::print_count_text(count.articles, count.passages, std::cout);
    }
    return count.passages > 0 ? kExitHits : kExitNoHits;
  }
  const q::SearchResult result = searcher.search_with_suggestion(query, search_options(options));
  // On stderr, so that JSON Lines and TREC output on stdout stay one record per line.
  if (result.suggestion) std::cerr << "Meinten Sie: " << *result.suggestion << '\n';
  const std::vector<q::Hit>& hits = result.hits;
  if (hits.empty()) {
    std::cerr << "fundstelle-query: no passages match: " << query << '\n';
    return kExitNoHits;
  }
  std::ostringstream text;
  print_hits(hits, options, text_style(options), text);
  if (options.format == OutputFormat::kText) {
    write_paged(text.str(), options.no_pager);
  } else {
    std::cout << text.str() << std::flush;
  }
  return kExitHits;
}

bool show_article(q::Searcher& searcher, const std::string& ref, const QueryOptions& options,
                  const q::TextStyle& style, std::ostream& out) {
  // "DOCID#N" names passage N — unless an article's id itself ends that way.
  q::ArticleRef parsed = q::parse_article_ref(ref);
  std::optional<q::ArticlePassages> article = searcher.article(parsed.docid);
  if (!article && parsed.docid != ref) {
    article = searcher.article(ref);
    parsed = {ref, 0};
  }
  if (!article) return false;
  if (options.format == OutputFormat::kJson) {
    q::print_article_json(*article, parsed.passage, out);
  } else {
    q::print_article_text(*article, parsed.passage, style, out);
  }
  return true;
}

int run_show(q::Searcher& searcher, const QueryOptions& options) {
  std::ostringstream text;
  if (!show_article(searcher, options.show, options, text_style(options), text)) {
    std::cerr << "fundstelle-query: no article " << q::parse_article_ref(options.show).docid
              << " in the index (docids are printed with every hit, e.g. "
                 "articles/openai-altman.html#6)\n";
    return kExitNoHits;
  }
  if (options.format == OutputFormat::kJson) {
    std::cout << text.str() << std::flush;
  } else {
    write_paged(text.str(), options.no_pager);
  }
  return kExitHits;
}

int run_stats(q::Searcher& searcher, const QueryOptions& options) {
  const q::IndexStats stats = searcher.stats();
  if (options.format == OutputFormat::kJson) {
    q::print_stats_json(stats, std::cout);
  } else {
    q::print_stats_text(stats, text_style(options), std::cout);
  }
  return kExitHits;
}

int run_topics(q::Searcher& searcher, const QueryOptions& options) {
  auto topics = q::read_topics(options.topics);
  if (!topics) {
    std::cerr << "fundstelle-query: " << topics.error().reason << '\n';
    return kExitError;
  }
  std::ofstream run(options.run);
  if (!run) {
    std::cerr << "fundstelle-query: cannot write run file " << options.run.string() << '\n';
    return kExitError;
  }
  std::ofstream timings;
  if (!options.timings.empty()) {
    timings.open(options.timings);
    if (!timings) {
      std::cerr << "fundstelle-query: cannot write timings file " << options.timings.string()
                << '\n';
      return kExitError;
    }
  }
  q::SearchOptions search = search_options(options);
  search.limit = options.hits;
  search.offset = 0;
  for (const q::Topic& topic : topics.value()) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<q::Hit> hits = searcher.search(topic.text, search);
    if (timings.is_open()) {
      const std::chrono::duration<double, std::milli> took =
          std::chrono::steady_clock::now() - start;
      timings << topic.id << '\t' << took.count() << '\n';
    }
    if (options.format == OutputFormat::kJson) {
      q::print_json(hits, run, topic.id);
    } else {
      q::print_trec(topic.id, hits, options.run_name, run);
    }
  }
  return run.good() ? kExitHits : kExitError;
}

}  // namespace fundstelle::cli
