#include "writer/document_builder.hpp"

#include <algorithm>
#include <unordered_set>

#include "analysis/normalizer.hpp"
#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::writer {
namespace {

using analysis::AnalyzedWord;

// Xapian rejects terms over 245 bytes: filter values that long are truncated.
std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value.substr(0, 240 - std::min<size_t>(prefix.size(), 240)));
  return term;
}

// The words of an article, each once: every word for the vocabulary (vocabulary_keys.hpp), and
// those whose stem differs from them for the stem lexicon (stem_words.hpp). Called for every word
// of the text: a repeated word costs a lookup, not a copy.
class ArticleWords {
 public:
  void add(const analysis::Terms& terms) {
    if (!seen_.insert(terms.exact).second) return;  // a form has one stem
    vocabulary_.push_back(terms.exact);
    if (terms.stem != terms.exact) stem_words_.push_back({terms.stem, terms.exact});
  }
  // Sorted: the writer looks each up once, in key order.
  std::vector<StemWord> take_stem_words() {
    std::sort(stem_words_.begin(), stem_words_.end());
    return std::move(stem_words_);
  }
  std::vector<std::string> take_vocabulary() { return std::move(vocabulary_); }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<std::string> vocabulary_;
  std::vector<StemWord> stem_words_;
};

// Passage text: the exact form of every word with its position (phrases and proximity). The
// parts of a compound (hyphenated or closed) take consecutive positions starting with the whole
// word's, so phrases over the parts match.
void index_text(std::string_view text, analysis::GermanAnalyzer& analyzer, Xapian::Document& doc,
                ArticleWords& words) {
  AnalyzedWord word;
  Xapian::termpos pos = 1;
  auto stream = analyzer.words(text);
  while (stream.next(word)) {
    doc.add_posting(word.whole.exact, pos);
    words.add(word.whole);
    for (size_t i = 0; i < word.parts.size(); ++i) {
      doc.add_posting(word.parts[i].exact, static_cast<Xapian::termpos>(pos + i));
      words.add(word.parts[i]);
    }
    pos += std::max<Xapian::termpos>(1, static_cast<Xapian::termpos>(word.parts.size()));
  }
}

// The title's terms, analysed once per article and added to each of its passages.
std::vector<std::string> title_terms(std::string_view title, analysis::GermanAnalyzer& analyzer,
                                     ArticleWords& words) {
  std::vector<std::string> terms;
  const auto add_word = [&](const analysis::Terms& word) {
    terms.push_back(std::string(schema::kTitle) + word.exact);
    words.add(word);
  };
  AnalyzedWord word;
  auto stream = analyzer.words(title);
  while (stream.next(word)) {
    add_word(word.whole);
    for (const analysis::Terms& part : word.parts) add_word(part);
  }
  return terms;
}

// "https://www.spiegel.de/politik/x" -> "spiegel.de": what people type after site:.
std::string_view url_host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return url;
}

void add_filter_terms(const extract::Article& article, Xapian::Document& doc) {
  const auto add = [&](std::string_view prefix, const char* key) {
    const auto it = article.metadata.find(key);
    if (it == article.metadata.end() || it->second.empty()) return;
    // A field may list several values ("Anna Berg, Tom Roth"); each is a filter term.
    std::string_view values = it->second;
    while (!values.empty()) {
      const size_t comma = values.find(',');
      std::string_view value = values.substr(0, comma);
      values = comma == std::string_view::npos ? std::string_view{} : values.substr(comma + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      if (!value.empty()) doc.add_boolean_term(bounded_term(prefix, analysis::fold(value)));
    }
  };
  // Only what the query language can filter by (author:, site:): every filter term is a posting
  // on every passage. Language and tags stay in the stored metadata.
  add(schema::kAuthor, extract::meta::kAuthor);
  add(schema::kSite, extract::meta::kSiteName);
  // The site is also known by its host name: site:spiegel.de finds pages without a site name.
  if (const auto url = article.metadata.find(extract::meta::kUrl); url != article.metadata.end()) {
    const std::string_view host = url_host(url->second);
    if (!host.empty()) doc.add_boolean_term(bounded_term(schema::kSite, analysis::fold(host)));
  }
}

}  // namespace

ArticleDocuments build_documents(const IndexedArticle& input, analysis::GermanAnalyzer& analyzer) {
  ArticleDocuments out;
  std::vector<Xapian::Document>& documents = out.passages;
  documents.reserve(input.passages.size());
  ArticleWords words;
  const auto published = input.article.metadata.find(extract::meta::kPublished);
  const std::string date = published != input.article.metadata.end() ? published->second : "";

  StoredArticle article;
  article.docid = input.docid;
  article.title = input.article.title;
  article.source = input.source;
  article.passage_count = static_cast<int>(input.passages.size());
  article.metadata = input.article.metadata;
  const std::string article_id = article_term(input.docid);
  const std::vector<std::string> title = title_terms(input.article.title, analyzer, words);

  for (size_t n = 0; n < input.passages.size(); ++n) {
    const passages::Passage& passage = input.passages[n];
    const size_t number = n + 1;  // passage numbers are 1-based wherever people see them
    const bool first = n == 0;
    Xapian::Document doc;
    index_text(passage.text, analyzer, doc, words);
    for (const std::string& term : title) doc.add_term(term);
    add_filter_terms(input.article, doc);
    doc.add_boolean_term(article_id);

    doc.add_value(schema::kSlotArticle, input.docid);
    doc.add_value(schema::kSlotPassage, Xapian::sortable_serialise(static_cast<double>(number)));
    doc.add_value(schema::kSlotStart,
                  Xapian::sortable_serialise(static_cast<double>(passage.start)));
    doc.add_value(schema::kSlotEnd, Xapian::sortable_serialise(static_cast<double>(passage.end)));
    if (!date.empty()) doc.add_value(schema::kSlotDate, date);
    // Article-level data only once, on the first passage (stored_passage.hpp).
    if (first && !input.content_hash.empty()) {
      doc.add_value(schema::kSlotContentHash, input.content_hash);
    }
    doc.set_data(encode_passage_data(passage.text, first ? &article : nullptr));
    documents.push_back(std::move(doc));
  }
  out.stem_words = words.take_stem_words();
  out.vocabulary = words.take_vocabulary();
  return out;
}

}  // namespace fundstelle::writer
