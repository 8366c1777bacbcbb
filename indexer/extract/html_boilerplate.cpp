#include "extract/html_boilerplate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace fundstelle::extract {
namespace {

// Sorted lists (binary search). Multi-word hints are written with '-' between the words.
constexpr std::array<std::string_view, 19> kCommentWords = {
    "comment",        "commentbox",    "commentform",  "commentlist", "comments",
    "commentsection", "disqus",        "kommentar",    "kommentare",  "leserkommentare",
    "postings",       "replies",       "reply",        "respond",     "responses",
    "talkback",       "user-comments", "usercomments", "wpdiscuz",
};

constexpr std::array<std::string_view, 104> kFurnitureWords = {
    "about-author",
    "ad",
    "ad-container",
    "adblock",
    "ads",
    "adsense",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "affiliate",
    "anzeige",
    "author-bio",
    "author-box",
    "author-info",
    "authorbio",
    "authorbox",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "carousel",
    "consent",
    "cookie",
    "cookiebanner",
    "cookies",
    "credit",
    "credits",
    "dateline",
    "entry-meta",
    "footer",
    "gallery",
    "gdpr",
    "jump-link",
    "kicker",
    "lightbox",
    "login",
    "masthead",
    "menu",
    "menubar",
    "modal",
    "more-stories",
    "most-popular",
    "most-read",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "overlay",
    "pager",
    "pagination",
    "paywall",
    "paywall-promo",
    "photo-credit",
    "popular",
    "popup",
    "post-meta",
    "postmeta",
    "print",
    "promo",
    "promotion",
    "read-more",
    "readmore",
    "recommendation",
    "recommendations",
    "recommended",
    "related",
    "relatedposts",
    "screen-reader-text",
    "share",
    "sharebar",
    "shariff",
    "sharing",
    "sidebar",
    "signup",
    "skip-link",
    "skiplink",
    "slideshow",
    "social",
    "socialmedia",
    "sponsor",
    "sponsored",
    "sr-only",
    "subscribe",
    "subscription",
    "taboola",
    "tag-cloud",
    "tagcloud",
    "tags",
    "teaser",
    "teasers",
    "timestamp",
    "toolbar",
    "tools",
    "topbar",
    "trending",
    "visually-hidden",
    "widget",
    "widgets",
    "yarpp",
};

constexpr std::array<std::string_view, 20> kPositiveWords = {
    "article", "articlebody", "artikel", "blog",      "body",        "content",   "entry",
    "h-entry", "hentry",      "inhalt",  "main",      "maincontent", "page",      "post",
    "prose",   "richtext",    "story",   "storybody", "text",        "textblock",
};

constexpr std::array<std::string_view, 19> kNegativeWords = {
    "aside",      "caption", "combx",  "contact", "foot",   "footnote", "hidden",
    "infobox",    "login",   "media",  "meta",    "scroll", "shopping", "shoutbox",
    "skyscraper", "sponsor", "teaser", "tool",    "widget",
};

// Utility classes that hide an element; matched as whole classes only ("hidden-xs" hides only
// on phones).
constexpr std::array<std::string_view, 9> kHiddenClasses = {
    "d-none",  "hidden",          "hide",           "invisible", "is-hidden", "screen-reader-only",
    "sr-only", "visually-hidden", "visuallyhidden",
};

template <size_t N>
constexpr bool is_sorted_list(const std::array<std::string_view, N>& words) {
  return std::is_sorted(words.begin(), words.end());
}
static_assert(is_sorted_list(kHiddenClasses) && is_sorted_list(kCommentWords) &&
              is_sorted_list(kFurnitureWords) && is_sorted_list(kPositiveWords) &&
              is_sorted_list(kNegativeWords));

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::binary_search(words.begin(), words.end(), word);
}

constexpr size_t kMaxWords = 64;
constexpr size_t kMaxChars = 512;

// The words of a class/id value, lowercased, in one buffer.
class Words {
 public:
  void add(std::string_view value) {
    size_t start = size_;
    auto finish = [&] {
      if (size_ > start && count_ < kMaxWords) words_[count_++] = {buffer_ + start, size_ - start};
      start = size_;
    };
    char previous = 0;
    for (char c : value) {
      const bool lower = c >= 'a' && c <= 'z';
      const bool upper = c >= 'A' && c <= 'Z';
      const bool digit = c >= '0' && c <= '9';
      if (!lower && !upper && !digit) {
        finish();
      } else {
        if (upper && previous >= 'a' && previous <= 'z') finish();
        if (size_ == kMaxChars) break;
        buffer_[size_++] = upper ? static_cast<char>(c + 32) : c;
      }
      previous = c;
    }
    finish();
    boundaries_[boundary_count_++] = count_;  // runs of words never span two attributes
  }

  // Calls f on every word and every run of two or three adjacent words joined with '-'.
  template <typename F>
  bool any(F&& f) const {
    char joined[kMaxChars + 8];
    size_t segment_start = 0;
    for (size_t b = 0; b < boundary_count_; ++b) {
      const size_t segment_end = boundaries_[b];
      for (size_t i = segment_start; i < segment_end; ++i) {
        if (f(words_[i])) return true;
        size_t length = words_[i].size();
        std::copy(words_[i].begin(), words_[i].end(), joined);
        for (size_t j = i + 1; j < segment_end && j < i + 3; ++j) {
          if (length + 1 + words_[j].size() > sizeof joined) break;
          joined[length++] = '-';
          std::copy(words_[j].begin(), words_[j].end(), joined + length);
          length += words_[j].size();
          if (f(std::string_view(joined, length))) return true;
        }
      }
      segment_start = segment_end;
    }
    return false;
  }

 private:
  char buffer_[kMaxChars];
  size_t size_ = 0;
  std::array<std::string_view, kMaxWords> words_{};
  size_t count_ = 0;
  std::array<size_t, 2> boundaries_{};
  size_t boundary_count_ = 0;
};

bool has_hidden_class(std::string_view class_attr) {
  size_t pos = 0;
  char lowered[32];
  while (pos < class_attr.size()) {
    while (pos < class_attr.size() &&
           (class_attr[pos] == ' ' || class_attr[pos] == '\t' || class_attr[pos] == '\n')) {
      ++pos;
    }
    size_t end = pos;
    while (end < class_attr.size() && class_attr[end] != ' ' && class_attr[end] != '\t' &&
           class_attr[end] != '\n') {
      ++end;
    }
    if (end - pos <= sizeof lowered) {
      for (size_t i = pos; i < end; ++i) {
        const char c = class_attr[i];
        lowered[i - pos] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      }
      if (contains(kHiddenClasses, std::string_view(lowered, end - pos))) return true;
    }
    pos = end;
  }
  return false;
}

enum WordFlag : uint8_t {
  kCommentWord = 1,
  kFurnitureWord = 2,
  kPositiveWord = 4,
  kNegativeWord = 8,
};

// All word lists in one table: one lookup per word instead of one binary search per list.
const std::unordered_map<std::string_view, uint8_t>& word_table() {
  static const std::unordered_map<std::string_view, uint8_t> table = [] {
    std::unordered_map<std::string_view, uint8_t> t;
    for (std::string_view w : kCommentWords) t[w] |= kCommentWord;
    for (std::string_view w : kFurnitureWords) t[w] |= kFurnitureWord;
    for (std::string_view w : kPositiveWords) t[w] |= kPositiveWord;
    for (std::string_view w : kNegativeWords) t[w] |= kNegativeWord;
    return t;
  }();
  return table;
}

}  // namespace

ClassHints classify_class_and_id(std::string_view class_attr, std::string_view id_attr) {
  ClassHints result;
  if (class_attr.empty() && id_attr.empty()) return result;
  Words words;
  words.add(class_attr);
  words.add(id_attr);
  const auto& table = word_table();
  uint8_t flags = 0;
  words.any([&](std::string_view w) {
    const auto it = table.find(w);
    if (it != table.end()) flags |= it->second;
    return false;
  });
  if (flags & kCommentWord) {
    result.hint = BoilerplateHint::kComments;
  } else if ((flags & kFurnitureWord) || has_hidden_class(class_attr)) {
    result.hint = BoilerplateHint::kFurniture;
  }
  if (flags & kPositiveWord) result.weight += 25;
  if (flags & (kNegativeWord | kFurnitureWord | kCommentWord)) result.weight -= 25;
  return result;
}

BoilerplateHint boilerplate_hint(std::string_view class_attr, std::string_view id_attr) {
  return classify_class_and_id(class_attr, id_attr).hint;
}

int class_weight(std::string_view class_attr, std::string_view id_attr) {
  return classify_class_and_id(class_attr, id_attr).weight;
}

}  // namespace fundstelle::extract
