#include "extract/html_content.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_boilerplate.hpp"
#include "extract/html_tags.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

enum Flag : uint32_t {
  kText = 1u << 0,         // a text node
  kSkip = 1u << 1,         // never text or invisible; its descendants are not indexed
  kFurniture = 1u << 2,    // boilerplate by class/id/role/tag (cleared again by the page guard)
  kComments = 1u << 3,     // comment section by class/id
  kInLink = 1u << 4,       // inside <a>
  kArticleBody = 1u << 5,  // itemprop="articleBody"
  kRoleMain = 1u << 6,     // role="main"
  kInComments = 1u << 7,   // kComments on itself or an ancestor
  kInFurniture = 1u << 8,  // kFurniture on itself or an ancestor
  kInSemantic = 1u << 9,   // inside <article>, <main> or itemprop="articleBody"
  kHeaderFooter = 1u << 10,
  kNavigation = 1u << 11,  // <nav>, <menu>, role=navigation: furniture whatever its size
  kHoldsH1 = 1u << 12,     // an <h1> in the subtree
};

// One node of the DOM in document order; a subtree is the index range [i, end).
struct Node {
  pugi::xml_node dom;
  uint32_t parent = kNone;
  uint32_t end = 0;
  uint32_t flags = 0;
  HtmlTag tag = HtmlTag::kOther;
  int class_weight = 0;
  // Text statistics in non-space bytes. "Clean" ones leave out furniture and comment subtrees.
  uint32_t text = 0;
  uint32_t link_text = 0;
  uint32_t commas = 0;
  uint32_t paragraphs = 0;
  uint32_t raw_text = 0;  // furniture and comments included
  uint32_t raw_link_text = 0;
  uint32_t inline_text = 0;  // clean text not inside a nested block element
  uint32_t inline_commas = 0;
  uint32_t nested_article_text = 0;  // clean text inside nested <article>s (teaser lists)
};

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool has_word(std::string_view list, std::string_view word) {
  size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && is_space_byte(list[pos])) ++pos;
    size_t end = pos;
    while (end < list.size() && !is_space_byte(list[end])) ++end;
    if (list.substr(pos, end - pos) == word) return true;
    pos = end;
  }
  return false;
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True if the inline style sets `property: value` (both lowercase; any case and spacing in
// `style`).
bool style_sets(std::string_view style, std::string_view property, std::string_view value) {
  for (size_t i = 0; i + property.size() <= style.size(); ++i) {
    size_t k = 0;
    while (k < property.size() && lower_ascii(style[i + k]) == property[k]) ++k;
    if (k < property.size()) continue;
    size_t j = i + k;
    while (j < style.size() && is_space_byte(style[j])) ++j;
    if (j >= style.size() || style[j] != ':') continue;
    ++j;
    while (j < style.size() && is_space_byte(style[j])) ++j;
    k = 0;
    while (k < value.size() && j + k < style.size() && lower_ascii(style[j + k]) == value[k]) ++k;
    if (k == value.size()) return true;
  }
  return false;
}

// Invisible to readers: hidden, display:none, visibility:hidden, aria-hidden.
bool is_hidden(std::string_view style, bool hidden_attribute, std::string_view aria_hidden) {
  if (hidden_attribute || aria_hidden == "true") return true;
  return !style.empty() &&
         (style_sets(style, "display", "none") || style_sets(style, "visibility", "hidden"));
}

bool is_furniture_role(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "search" || role == "menu" || role == "menubar" ||
         role == "dialog" || role == "alertdialog" || role == "toolbar";
}

class PageIndex {
 public:
  explicit PageIndex(pugi::xml_node root) {
    build(root);
    compute_raw_stats();
    apply_page_guard();
    propagate_flags();
    compute_clean_stats();
  }

  std::vector<Node>& nodes() { return nodes_; }
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  void build(pugi::xml_node root) {
    nodes_.reserve(4096);
    add(root, kNone);
    if (nodes_[0].flags & kSkip) {
      nodes_[0].end = 1;
      return;
    }
    uint32_t parent = 0;
    pugi::xml_node node = root.first_child();
    for (;;) {
      if (node) {
        const uint32_t index = add(node, parent);
        if (!(nodes_[index].flags & kSkip) && node.first_child()) {
          parent = index;
          node = node.first_child();
          continue;
        }
        nodes_[index].end = static_cast<uint32_t>(nodes_.size());
        node = node.next_sibling();
        continue;
      }
      nodes_[parent].end = static_cast<uint32_t>(nodes_.size());
      if (parent == 0) break;
      node = nodes_[parent].dom.next_sibling();
      parent = nodes_[parent].parent;
    }
  }

  uint32_t add(pugi::xml_node dom, uint32_t parent) {
    const auto index = static_cast<uint32_t>(nodes_.size());
    Node& node = nodes_.emplace_back();
    node.dom = dom;
    node.parent = parent;
    const uint32_t inherited = parent == kNone ? 0 : nodes_[parent].flags & kInLink;
    if (dom.type() == pugi::node_pcdata || dom.type() == pugi::node_cdata) {
      node.flags = kText | inherited;
      uint32_t bytes = 0;
      uint32_t commas = 0;
      for (const char* p = dom.value(); *p != '\0'; ++p) {
        bytes += !is_space_byte(*p);
        commas += *p == ',';
      }
      node.text = node.raw_text = bytes;
      node.commas = commas;
      if (inherited) node.link_text = node.raw_link_text = bytes;
      return index;
    }
    if (dom.type() != pugi::node_element) {
      node.flags = kSkip;
      return index;
    }
    node.tag = html_tag_from_name(dom.name());
    node.flags = inherited | (node.tag == HtmlTag::kA ? uint32_t{kInLink} : 0u);
    std::string_view class_attr, id_attr, style, role, itemprop, aria_hidden;
    bool hidden = false;
    for (pugi::xml_attribute attribute : dom.attributes()) {
      const char* name = attribute.name();
      switch (name[0]) {
        case 'c':
          if (std::strcmp(name, "class") == 0) class_attr = attribute.value();
          break;
        case 'i':
          if (std::strcmp(name, "id") == 0) {
            id_attr = attribute.value();
          } else if (std::strcmp(name, "itemprop") == 0) {
            itemprop = attribute.value();
          }
          break;
        case 's':
          if (std::strcmp(name, "style") == 0) style = attribute.value();
          break;
        case 'r':
          if (std::strcmp(name, "role") == 0) role = attribute.value();
          break;
        case 'h':
          if (std::strcmp(name, "hidden") == 0) hidden = true;
          break;
        case 'a':
          if (std::strcmp(name, "aria-hidden") == 0) aria_hidden = attribute.value();
          break;
        default:
          break;
      }
    }
    if (is_never_text_tag(node.tag) || is_hidden(style, hidden, aria_hidden)) {
      node.flags |= kSkip;
      return index;
    }
    const ClassHints hints = classify_class_and_id(class_attr, id_attr);
    switch (hints.hint) {
      case BoilerplateHint::kComments:
        node.flags |= kComments;
        break;
      case BoilerplateHint::kFurniture:
        node.flags |= kFurniture;
        break;
      case BoilerplateHint::kNone:
        break;
    }
    node.class_weight = hints.weight;
    if (is_furniture_role(role)) node.flags |= kFurniture;
    if (role == "navigation" || role == "menu" || role == "menubar") node.flags |= kNavigation;
    if (role == "main") node.flags |= kRoleMain;
    if (!itemprop.empty() && has_word(itemprop, "articleBody")) node.flags |= kArticleBody;
    switch (node.tag) {
      case HtmlTag::kNav:
      case HtmlTag::kMenu:
        node.flags |= kFurniture | kNavigation;
        break;
      case HtmlTag::kAside:
      case HtmlTag::kForm:
      case HtmlTag::kDialog:
        node.flags |= kFurniture;
        break;
      case HtmlTag::kHeader:
      case HtmlTag::kFooter:
        node.flags |= kHeaderFooter;
        break;
      default:
        break;
    }
    return index;
  }

  void compute_raw_stats() {
    for (size_t i = nodes_.size(); i-- > 1;) {
      Node& node = nodes_[i];
      if (node.flags & kSkip) continue;
      if (node.tag == HtmlTag::kH1) node.flags |= kHoldsH1;
      Node& parent = nodes_[node.parent];
      parent.raw_text += node.raw_text;
      parent.raw_link_text += node.raw_link_text;
      parent.flags |= node.flags & kHoldsH1;
    }
  }

  // A furniture word on an element that holds most of the page's non-link text is a false
  // positive ("has-sidebar" on the page wrapper, Blogger's "widget Blog", ASP.NET's page-wide
  // <form>): the element stays. The page itself (<body>) is never furniture.
  void apply_page_guard() {
    nodes_[0].flags &= ~(kFurniture | kComments);
    const uint32_t page_text = nodes_[0].raw_text - nodes_[0].raw_link_text;
    for (Node& node : nodes_) {
      if (!(node.flags & kFurniture) || (node.flags & kNavigation)) continue;
      const uint32_t own_text = node.raw_text - node.raw_link_text;
      if (own_text * 2 >= page_text && page_text > 0 && node.raw_link_text * 2 <= node.raw_text) {
        node.flags &= ~kFurniture;
      }
    }
  }

  void propagate_flags() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& node = nodes_[i];
      uint32_t inherited = 0;
      if (node.parent != kNone) {
        const Node& parent = nodes_[node.parent];
        inherited = parent.flags & (kInComments | kInFurniture | kInSemantic);
        if (parent.tag == HtmlTag::kArticle || parent.tag == HtmlTag::kMain ||
            (parent.flags & (kArticleBody | kRoleMain))) {
          inherited |= kInSemantic;
        }
      }
      node.flags |= inherited;
      // The site's own header and footer: outside the article they are furniture, unless the
      // header is the article's (it holds the headline).
      if ((node.flags & kHeaderFooter) && !(node.flags & kInSemantic) &&
          !(node.tag == HtmlTag::kHeader && (node.flags & kHoldsH1))) {
        node.flags |= kFurniture;
      }
      if (node.flags & kComments) node.flags |= kInComments;
      if (node.flags & kFurniture) node.flags |= kInFurniture;
    }
  }

  void compute_clean_stats() {
    for (size_t i = nodes_.size(); i-- > 1;) {
      Node& node = nodes_[i];
      if (node.flags & kSkip) continue;
      if (node.tag == HtmlTag::kP && node.text >= 25) ++node.paragraphs;
      if (node.flags & (kFurniture | kComments)) continue;
      Node& parent = nodes_[node.parent];
      parent.text += node.text;
      parent.link_text += node.link_text;
      parent.commas += node.commas;
      parent.paragraphs += node.paragraphs;
      parent.nested_article_text +=
          node.tag == HtmlTag::kArticle ? node.text : node.nested_article_text;
      if (node.flags & kText) {
        parent.inline_text += node.text;
        parent.inline_commas += node.commas;
      } else if (!is_block_tag(node.tag)) {
        parent.inline_text += node.inline_text;
        parent.inline_commas += node.inline_commas;
      }
    }
  }

  std::vector<Node> nodes_;
};

// --- Choosing the container ---

double link_density(const Node& node) {
  return node.text == 0 ? 0.0 : static_cast<double>(node.link_text) / node.text;
}

bool is_ancestor(const std::vector<Node>& nodes, uint32_t ancestor, uint32_t node) {
  return ancestor <= node && node < nodes[ancestor].end;
}

// Text of its own: an <article> that merely lists other <article>s (teasers) has little.
uint32_t own_text(const Node& node) { return node.text - node.nested_article_text; }

// The semantic element with the most text of its own among those `accept` takes.
template <typename Accept>
uint32_t largest(const std::vector<Node>& nodes, Accept&& accept) {
  uint32_t best = kNone;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if ((node.flags & (kText | kSkip | kInComments)) || !accept(node)) continue;
    if (own_text(node) > 0 && (best == kNone || own_text(node) > own_text(nodes[best]))) best = i;
  }
  return best;
}

bool is_paragraph_like(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kP:
    case HtmlTag::kPre:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kLi:
    case HtmlTag::kDd:
    case HtmlTag::kDt:
    case HtmlTag::kBlockquote:
    case HtmlTag::kFigcaption:
    case HtmlTag::kCaption:
    case HtmlTag::kAddress:
      return true;
    default:
      return false;
  }
}

int tag_weight(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kDiv:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
      return 5;
    case HtmlTag::kPre:
    case HtmlTag::kTd:
    case HtmlTag::kBlockquote:
      return 3;
    case HtmlTag::kAddress:
    case HtmlTag::kOl:
    case HtmlTag::kUl:
    case HtmlTag::kDl:
    case HtmlTag::kDd:
    case HtmlTag::kDt:
    case HtmlTag::kLi:
    case HtmlTag::kForm:
      return -3;
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kTh:
      return -5;
    default:
      return 0;
  }
}

// Readability: every paragraph-like block gives points (1 + commas + length) to its ancestors,
// less the further up; a candidate's score is then scaled by its share of non-link text.
// Returns the best candidate and its qualifying siblings, in document order.
std::vector<uint32_t> score_candidates(const std::vector<Node>& nodes) {
  std::vector<double> score(nodes.size(), 0.0);
  std::vector<uint8_t> seen(nodes.size(), 0);
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if ((node.flags & (kText | kSkip | kInComments | kInFurniture)) || node.inline_text < 25) {
      continue;
    }
    if (!is_block_tag(node.tag) || heading_level(node.tag) > 0) continue;
    const double points =
        1.0 + node.inline_commas + std::min(static_cast<double>(node.inline_text) / 100.0, 3.0);
    // A <p> scores for its container; a <div> with text of its own is a container itself.
    uint32_t ancestor = is_paragraph_like(node.tag) ? node.parent : i;
    for (int level = 0; level < 5 && ancestor != kNone; ++level) {
      if (!seen[ancestor]) {
        seen[ancestor] = 1;
        score[ancestor] = tag_weight(nodes[ancestor].tag) + nodes[ancestor].class_weight;
      }
      score[ancestor] += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      ancestor = nodes[ancestor].parent;
    }
  }
  uint32_t top = kNone;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    if (!seen[i]) continue;
    score[i] *= 1.0 - link_density(nodes[i]);
    if (top == kNone || score[i] > score[top]) top = i;
  }
  if (top == kNone) return {0};
  // An only child adds nothing over its parent; the parent may hold more (a lead, a caption).
  while (nodes[top].parent != kNone && nodes[top].parent != 0) {
    const uint32_t parent = nodes[top].parent;
    uint32_t element_children = 0;
    for (uint32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
      element_children += !(nodes[c].flags & (kText | kSkip));
    }
    if (element_children != 1) break;
    top = parent;
  }
  const uint32_t parent = nodes[top].parent;
  if (parent == kNone) return {top};
  const double threshold = std::max(10.0, score[top] * 0.2);
  std::vector<uint32_t> roots;
  for (uint32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    const Node& sibling = nodes[c];
    if (sibling.flags & (kText | kSkip | kInComments | kInFurniture)) continue;
    bool take = c == top || (seen[c] && score[c] >= threshold);
    if (!take) {  // more sections of the same text, too deep below to have been scored
      take = sibling.paragraphs >= 2 && sibling.text >= 200 && link_density(sibling) < 0.25;
    }
    if (!take && sibling.tag == HtmlTag::kP) {
      take = sibling.text > 80 && link_density(sibling) < 0.25;
    }
    if (take) roots.push_back(c);
  }
  return roots;
}

constexpr uint32_t kMinLeadText = 100;

std::vector<uint32_t> choose_roots(const std::vector<Node>& nodes) {
  const std::vector<uint32_t> scored = score_candidates(nodes);
  uint32_t scored_text = 0;
  for (uint32_t root : scored) scored_text += nodes[root].text;

  uint32_t semantic = largest(nodes, [](const Node& n) { return (n.flags & kArticleBody) != 0; });
  if (semantic == kNone) {
    semantic = largest(
        nodes, [](const Node& n) { return n.tag == HtmlTag::kArticle && !(n.flags & kComments); });
  }
  if (semantic == kNone) {
    semantic = largest(
        nodes, [](const Node& n) { return n.tag == HtmlTag::kMain || (n.flags & kRoleMain) != 0; });
  }
  if (semantic != kNone) {
    const bool holds_scored = is_ancestor(nodes, semantic, scored.front());
    const bool all_inside = std::all_of(scored.begin(), scored.end(), [&](uint32_t root) {
      return is_ancestor(nodes, semantic, root);
    });
    if (all_inside && scored_text * 10 >= nodes[semantic].text * 7) {
      // The scored block is the body proper; of what precedes it inside the article (headline,
      // byline, dateline, images) only a lead paragraph is kept.
      std::vector<uint32_t> roots;
      for (uint32_t i = semantic + 1; i < scored.front();) {
        const Node& node = nodes[i];
        if (is_ancestor(nodes, i, scored.front())) {
          ++i;
          continue;
        }
        if (node.flags & (kText | kSkip | kFurniture | kComments)) {
          i = node.end;
          continue;
        }
        if (is_block_tag(node.tag) && node.inline_text >= kMinLeadText &&
            node.link_text * 5 < node.text && heading_level(node.tag) == 0) {
          roots.push_back(i);
          i = node.end;
          continue;
        }
        ++i;
      }
      roots.insert(roots.end(), scored.begin(), scored.end());
      return roots;
    }
    if (holds_scored || nodes[semantic].text >= scored_text * 0.6) return {semantic};
  }
  return scored;
}

// --- Blocks ---

// Block text that starts a comment form: everything from here on is not the article.
bool starts_comment_form(std::string_view text) {
  static constexpr std::array<std::string_view, 10> kPhrases = {
      "Schreibe einen Kommentar",
      "Hinterlasse einen Kommentar",
      "Kommentar verfassen",
      "Kommentar schreiben",
      "Deine E-Mail-Adresse wird nicht",
      "Ihre E-Mail-Adresse wird nicht",
      "Leave a Reply",
      "Leave a Comment",
      "Your email address will not be published",
      "Post a Comment"};
  for (std::string_view phrase : kPhrases) {
    if (text.starts_with(phrase)) return true;
  }
  return false;
}

// Lines that are no prose although they sit in the article: a bare URL, a dateline ("Updated
// 5:27 am CST, Wednesday, November 20, 2019").
bool is_noise_line(std::string_view text, BlockKind kind) {
  if (text.find(' ') == std::string_view::npos &&
      (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))) {
    return true;
  }
  if (kind == BlockKind::kHeading || text.size() > 80) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || text.ends_with("\xE2\x80\x9C") ||
      text.ends_with("\xE2\x80\x9D") || text.ends_with("\xC2\xAB") || text.ends_with("\xC2\xBB")) {
    return false;
  }
  return std::count(text.begin(), text.end(), ' ') < 10 && !normalize_iso_date(text).empty();
}

struct Context {
  uint32_t end;
  BlockKind direct;     // kind of text directly inside
  BlockKind paragraph;  // kind of a <p> or <div> inside
  int level;
  bool pre;
};

class BlockWriter {
 public:
  BlockWriter(const std::vector<Node>& nodes, HtmlContent& out) : nodes_(nodes), out_(out) {}

  void write(uint32_t root) {
    if (stopped_) return;
    contexts_.clear();
    contexts_.push_back({nodes_[root].end, BlockKind::kParagraph, BlockKind::kParagraph, 0, false});
    enter(root);
    const uint32_t container_raw = nodes_[root].raw_text;
    for (uint32_t i = root + 1; i < nodes_[root].end && !stopped_;) {
      while (contexts_.back().end <= i) leave();
      const Node& node = nodes_[i];
      if (node.flags & kText) {
        append(node);
        ++i;
        continue;
      }
      if (drop(node, container_raw)) {
        if (is_block_tag(node.tag)) flush();
        i = node.end;
        continue;
      }
      if (node.tag == HtmlTag::kBr) {
        line_break();
      } else if (is_block_tag(node.tag)) {
        enter(i);
      }
      ++i;
    }
    while (!contexts_.empty()) leave();
  }

 private:
  bool drop(const Node& node, uint32_t container_raw) const {
    if (node.flags & (kSkip | kComments)) return true;
    if (node.flags & kFurniture) {
      // Kept if it holds most of the container's text and is no link list.
      const bool guarded = !(node.flags & kNavigation) && node.raw_text * 2 >= container_raw &&
                           node.raw_link_text * 3 <= node.raw_text;
      if (!guarded) return true;
    }
    switch (node.tag) {
      case HtmlTag::kDiv:
      case HtmlTag::kSection:
      case HtmlTag::kUl:
      case HtmlTag::kOl:
      case HtmlTag::kDl:
      case HtmlTag::kTable:
      case HtmlTag::kHeader:
      case HtmlTag::kFooter:
        return node.text > 0 && node.link_text * 2 > node.text;
      default:
        return false;
    }
  }

  void enter(uint32_t index) {
    flush();
    const Node& node = nodes_[index];
    const Context& outer = contexts_.back();
    Context context{node.end, outer.paragraph, outer.paragraph, 0, outer.pre};
    switch (node.tag) {
      case HtmlTag::kH1:
      case HtmlTag::kH2:
      case HtmlTag::kH3:
      case HtmlTag::kH4:
      case HtmlTag::kH5:
      case HtmlTag::kH6:
        context.direct = context.paragraph = BlockKind::kHeading;
        context.level = heading_level(node.tag);
        break;
      case HtmlTag::kLi:
        context.direct = context.paragraph = BlockKind::kListItem;
        break;
      case HtmlTag::kBlockquote:
        context.direct = context.paragraph = BlockKind::kQuote;
        break;
      case HtmlTag::kFigcaption:
      case HtmlTag::kCaption:
        context.direct = context.paragraph = BlockKind::kCaption;
        break;
      case HtmlTag::kTd:
      case HtmlTag::kTh:
        context.direct = BlockKind::kTableCell;
        context.paragraph = BlockKind::kParagraph;  // layout tables hold whole articles
        break;
      case HtmlTag::kPre:
        context.direct = context.paragraph = BlockKind::kPreformatted;
        context.pre = true;
        break;
      default:
        context.level = outer.direct == BlockKind::kHeading ? outer.level : 0;
        break;
    }
    if (context.paragraph == BlockKind::kHeading && context.level == 0) context.level = outer.level;
    contexts_.push_back(context);
  }

  void leave() {
    flush();
    contexts_.pop_back();
  }

  void append(const Node& node) {
    pending_.append(node.dom.value());
    if (node.text > 0) {
      pending_text_ += node.text;
      pending_link_ += node.link_text;
      after_br_ = false;
    }
  }

  // One <br> is a line break inside the block; two in a row end the block.
  void line_break() {
    if (contexts_.back().pre) {
      pending_ += '\n';
    } else if (after_br_) {
      flush();
    } else {
      pending_ += '\n';
      after_br_ = true;
    }
  }

  void flush() {
    after_br_ = false;
    if (pending_text_ == 0) {
      pending_.clear();
      return;
    }
    const Context& context = contexts_.back();
    // A paragraph may carry many links (names, sources); a list item or cell that is mostly a
    // link is navigation.
    const double limit = context.direct == BlockKind::kParagraph ? 0.7 : 0.5;
    const bool link_list = pending_link_ > limit * pending_text_;
    std::string text;
    if (!link_list) text = context.pre ? clean_text_keep_lines(pending_) : clean_text(pending_);
    pending_.clear();
    pending_text_ = pending_link_ = 0;
    if (text.empty()) return;
    if (starts_comment_form(text)) {
      stopped_ = true;
      return;
    }
    const BlockKind kind = context.direct;
    if (is_noise_line(text, kind)) return;
    const int level = kind == BlockKind::kHeading ? std::max(context.level, 1) : 0;
    if (kind == BlockKind::kHeading && level == 1 && out_.h1.empty()) out_.h1 = text;
    out_.blocks.push_back({kind, std::move(text), level});
  }

  const std::vector<Node>& nodes_;
  HtmlContent& out_;
  std::vector<Context> contexts_;
  std::string pending_;
  uint32_t pending_text_ = 0;
  uint32_t pending_link_ = 0;
  bool after_br_ = false;
  bool stopped_ = false;
};

// The first element in [from, to) that `accept` takes, outside comment sections.
template <typename Accept>
uint32_t find_in(const std::vector<Node>& nodes, uint32_t from, uint32_t to, Accept&& accept) {
  for (uint32_t i = from; i < to; ++i) {
    const Node& node = nodes[i];
    if (node.flags & (kText | kSkip)) continue;
    if (node.flags & kInComments) {
      i = node.end - 1;
      continue;
    }
    if (accept(node)) return i;
  }
  return kNone;
}

// Looks in the container, then in up to three of its ancestors.
template <typename Accept>
uint32_t find_near(const std::vector<Node>& nodes, uint32_t root, Accept&& accept) {
  uint32_t scope = root;
  for (int level = 0; level < 4 && scope != kNone; ++level) {
    const uint32_t found = find_in(nodes, scope, nodes[scope].end, accept);
    if (found != kNone) return found;
    scope = nodes[scope].parent;
  }
  return kNone;
}

pugi::xml_node find_body(const pugi::xml_document& doc) {
  pugi::xml_node html = doc.child("html");
  if (!html) return doc;
  pugi::xml_node body = html.child("body");
  if (body) return body;
  pugi::xml_node frameset = html.child("frameset");
  return frameset ? frameset : html;
}

}  // namespace

HtmlContent extract_html_content(const pugi::xml_document& doc) {
  HtmlContent out;
  PageIndex index(find_body(doc));
  const std::vector<Node>& nodes = index.nodes();
  if (nodes.empty() || nodes[0].raw_text == 0) return out;

  const std::vector<uint32_t> roots = choose_roots(nodes);
  BlockWriter writer(nodes, out);
  for (uint32_t root : roots) writer.write(root);

  if (out.h1.empty()) {
    const uint32_t h1 = find_near(nodes, roots.front(), [](const Node& n) {
      return n.tag == HtmlTag::kH1 && !(n.flags & kInFurniture) && n.text > 0;
    });
    if (h1 != kNone) {
      std::string text;
      for (uint32_t i = h1 + 1; i < nodes[h1].end; ++i) {
        if (nodes[i].flags & kText) text += nodes[i].dom.value();
      }
      out.h1 = clean_text(text);
    }
  }
  const uint32_t time = find_near(nodes, roots.front(), [](const Node& n) {
    return n.tag == HtmlTag::kTime && !n.dom.attribute("datetime").empty();
  });
  if (time != kNone) out.datetime = nodes[time].dom.attribute("datetime").value();
  return out;
}

}  // namespace fundstelle::extract
