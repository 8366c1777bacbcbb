#include "extract/html_dom.hpp"

#include <gumbo.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include "extract/html_scan.hpp"
#include "extract/html_tags.hpp"

namespace fundstelle::extract {
namespace {

// --- Preparing the input: nesting limits, script removal ---
//
// Gumbo 0.10.1 needs two guards against deep trees:
//  * its tree construction scans the stack of open elements for nearly every tag ("has a <p> in
//    button scope"), so n nested elements cost O(n^2): 20,000 nested <div>s take 0.7 s, 100,000
//    about 20 s;
//  * gumbo_destroy_output frees the tree recursively, one C stack frame per level.
// Capping the depth before parsing fixes the first and bounds the second; the arena below (no
// gumbo_destroy_output at all) removes the recursion entirely. A large-stack thread would only
// address the recursion, not the quadratic time.

// Elements that are closed implicitly by their siblings or parents (<p>, <li>, <td>, ...) cannot
// pile up, and void and raw-text elements hold no elements: none of them counts towards the depth.
bool counts_towards_depth(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kHtml:
    case HtmlTag::kHead:
    case HtmlTag::kBody:
    case HtmlTag::kP:
    case HtmlTag::kLi:
    case HtmlTag::kDd:
    case HtmlTag::kDt:
    case HtmlTag::kOption:
    case HtmlTag::kOptgroup:
    case HtmlTag::kRb:
    case HtmlTag::kRp:
    case HtmlTag::kRt:
    case HtmlTag::kRtc:
    case HtmlTag::kTr:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kTbody:
    case HtmlTag::kThead:
    case HtmlTag::kTfoot:
    case HtmlTag::kColgroup:
    case HtmlTag::kCaption:
      return false;
    default:
      return !is_void_tag(tag);
  }
}

// Elements whose content the tokenizer reads as plain text up to the matching end tag.
bool is_raw_text_tag(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kTextarea:
    case HtmlTag::kTitle:
    case HtmlTag::kXmp:
    case HtmlTag::kIframe:
    case HtmlTag::kNoembed:
    case HtmlTag::kNoframes:
      return true;
    default:
      return false;
  }
}

// The formatting elements the parser keeps re-opening, and their names for closing them.
constexpr size_t kFormattingKinds = 14;
constexpr std::array<HtmlTag, kFormattingKinds> kFormattingTags = {
    HtmlTag::kA,      HtmlTag::kNobr,   HtmlTag::kB,  HtmlTag::kBig, HtmlTag::kCode,
    HtmlTag::kEm,     HtmlTag::kFont,   HtmlTag::kI,  HtmlTag::kS,   HtmlTag::kSmall,
    HtmlTag::kStrike, HtmlTag::kStrong, HtmlTag::kTt, HtmlTag::kU};
constexpr std::array<std::string_view, kFormattingKinds> kFormattingNames = {
    "a", "nobr", "b",     "big",    "code",   "em", "font",
    "i", "s",    "small", "strike", "strong", "tt", "u"};
constexpr int kFormattingA = 0;  // <a> and <nobr> close an active one of their kind
constexpr int kFormattingNobr = 1;

// Index into the formatting counters, or -1.
int formatting_index(HtmlTag tag) {
  for (size_t i = 0; i < kFormattingKinds; ++i) {
    if (kFormattingTags[i] == tag) return static_cast<int>(i);
  }
  return -1;
}

// Case-insensitive FNV-1a: identifies element names, including unknown ones, without copies.
uint64_t name_id(std::string_view name) {
  uint64_t hash = 1469598103934665603ULL;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

struct OpenElement {
  uint64_t id;
  HtmlTag tag;
};

// HTML elements that end SVG/MathML content: the parser leaves the foreign element for them.
bool breaks_out_of_foreign_content(HtmlTag tag, std::string_view lowercase_name) {
  switch (tag) {
    case HtmlTag::kB:
    case HtmlTag::kBig:
    case HtmlTag::kBlockquote:
    case HtmlTag::kBody:
    case HtmlTag::kBr:
    case HtmlTag::kCenter:
    case HtmlTag::kCode:
    case HtmlTag::kDd:
    case HtmlTag::kDiv:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kEm:
    case HtmlTag::kEmbed:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kHead:
    case HtmlTag::kHr:
    case HtmlTag::kI:
    case HtmlTag::kImg:
    case HtmlTag::kLi:
    case HtmlTag::kMenu:
    case HtmlTag::kMeta:
    case HtmlTag::kNobr:
    case HtmlTag::kOl:
    case HtmlTag::kP:
    case HtmlTag::kPre:
    case HtmlTag::kS:
    case HtmlTag::kSmall:
    case HtmlTag::kStrong:
    case HtmlTag::kStrike:
    case HtmlTag::kTable:
    case HtmlTag::kTt:
    case HtmlTag::kU:
    case HtmlTag::kUl:
    case HtmlTag::kFont:
      return true;
    default:
      return lowercase_name == "span" || lowercase_name == "sub" || lowercase_name == "sup" ||
             lowercase_name == "var" || lowercase_name == "ruby" || lowercase_name == "listing";
  }
}

// How far down the stack of removed elements an end tag is matched; deeper ones are left alone.
constexpr size_t kDroppedSearch = 8;

// Content of these is never text and is dropped before parsing: half the bytes of a typical news
// page are inline scripts and styles, which gumbo would otherwise tokenize character by character.
bool is_dropped_raw_text(HtmlTag tag, std::string_view attributes) {
  switch (tag) {
    case HtmlTag::kStyle:
    case HtmlTag::kIframe:
    case HtmlTag::kNoembed:
    case HtmlTag::kNoframes:
      return true;
    case HtmlTag::kScript: {
      bool json_ld = false;
      for_each_html_attribute(attributes, [&](std::string_view name, std::string_view value) {
        json_ld = json_ld ||
                  (iequals_ascii(name, "type") && value.find("ld+json") != std::string_view::npos);
      });
      return !json_ld;  // JSON-LD carries metadata
    }
    default:
      return false;
  }
}

class HtmlPreparer {
 public:
  HtmlPreparer(std::string_view html, const HtmlParseLimits& limits)
      : html_(html), limits_(limits) {}

  std::optional<std::string> run() {
    HtmlScanner scanner(html_);
    HtmlTagToken token;
    char buffer[16];
    while (scanner.next(token)) {
      const std::string_view lower = lowercase_ascii_into(token.name, buffer, sizeof buffer);
      const HtmlTag tag = lower.empty() ? HtmlTag::kOther : html_tag_from_name(lower);
      if (tag == HtmlTag::kPlaintext && !token.end_tag) break;  // the rest is text
      if (token.end_tag) {
        end_tag(token, tag);
      } else {
        if (foreign_depth_ > 0 && breaks_out_of_foreign_content(tag, lower))
          leave_foreign_content();
        start_tag(token, tag);
        if (is_raw_text_tag(tag) && foreign_depth_ == 0) {
          scanner.skip_raw_text(lower);
          if (scanner.position() > token.end && is_dropped_raw_text(tag, token.attributes)) {
            replace(token.end, scanner.position(), {});
          }
        }
      }
    }
    if (!modified_) return std::nullopt;
    out_.append(html_.substr(copied_));
    return std::move(out_);
  }

 private:
  void start_tag(const HtmlTagToken& token, HtmlTag tag) {
    if (is_block_tag(tag)) charge_reconstruction(token);
    if (!counts_towards_depth(tag) || is_raw_text_tag(tag)) return;
    if (foreign_depth_ > 0 && token.self_closing) return;  // <path/> in SVG is complete
    const uint64_t id = name_id(token.name);
    const int formatting = formatting_index(tag);
    if (formatting == kFormattingA || formatting == kFormattingNobr) {
      close_open_formatting(formatting, id);
    }
    if (heading_level(tag) > 0 && !open_.empty() && heading_level(open_.back().tag) > 0) pop(1);
    if (open_.size() >= limits_.max_depth) {
      dropped_.push_back(id);
      remove(token, is_block_tag(tag));
      return;
    }
    if (formatting >= 0) {
      // <a> and <nobr> never pile up (each closes the previous one) and links matter.
      const bool capped = formatting != kFormattingA && formatting != kFormattingNobr;
      if (capped && formatting_total_ >= limits_.max_open_formatting) {
        ++formatting_dropped_[static_cast<size_t>(formatting)];
        remove(token, false);
        return;
      }
      ++formatting_open_[static_cast<size_t>(formatting)];
      ++formatting_total_;
    }
    open_.push_back({id, tag});
    if (tag == HtmlTag::kSvg || tag == HtmlTag::kMath) ++foreign_depth_;
  }

  // Every new block re-opens the formatting elements still active (roughly: each new block clones
  // them all). Once that has cost more nodes than a sixteenth of the page's bytes, they are
  // closed for good and no new ones are let through.
  void charge_reconstruction(const HtmlTagToken& token) {
    reconstructed_ += formatting_total_;
    if (reconstructed_ <= reconstruction_budget_ || formatting_total_ == 0) return;
    std::string end_tags;
    for (size_t k = 0; k < kFormattingKinds; ++k) {
      for (size_t n = 0; n < formatting_open_[k]; ++n) {
        end_tags += "</";
        end_tags += kFormattingNames[k];
        end_tags += '>';
      }
      formatting_open_[k] = 0;
    }
    formatting_total_ = 0;
    limits_.max_open_formatting = 0;
    insert_before(token, end_tags);
  }

  void end_tag(const HtmlTagToken& token, HtmlTag tag) {
    if (!counts_towards_depth(tag) || is_raw_text_tag(tag)) return;
    const uint64_t id = name_id(token.name);
    const int formatting = formatting_index(tag);
    if (formatting >= 0 && formatting_dropped_[static_cast<size_t>(formatting)] > 0) {
      --formatting_dropped_[static_cast<size_t>(formatting)];
      remove(token, false);
      return;
    }
    const size_t search = std::min(dropped_.size(), kDroppedSearch);
    for (size_t k = 1; k <= search; ++k) {
      if (dropped_[dropped_.size() - k] == id) {
        dropped_.resize(dropped_.size() - k);
        remove(token, is_block_tag(tag));
        return;
      }
    }
    // The end tag takes a formatting element off the parser's list of active formatting
    // elements, whether or not it is still open.
    if (formatting >= 0 && formatting_open_[static_cast<size_t>(formatting)] > 0) {
      --formatting_open_[static_cast<size_t>(formatting)];
      --formatting_total_;
    }
    for (size_t k = open_.size(); k > 0; --k) {
      if (open_[k - 1].id == id) {
        pop(open_.size() - k + 1);
        dropped_.clear();  // closing an ancestor closes everything inside it
        return;
      }
    }
    if (!dropped_.empty()) remove(token, false);  // a stray end tag inside removed markup
  }

  void leave_foreign_content() {
    while (foreign_depth_ > 0 && !open_.empty()) pop(1);
  }

  // A new <a> (or <nobr>) first closes one that is still active.
  void close_open_formatting(int formatting, uint64_t id) {
    const auto k = static_cast<size_t>(formatting);
    if (formatting_open_[k] == 0) return;
    --formatting_open_[k];
    --formatting_total_;
    for (size_t i = open_.size(); i > 0; --i) {
      if (open_[i - 1].id == id) {
        pop(open_.size() - i + 1);
        return;
      }
    }
  }

  // Formatting elements popped here stay active in the parser (it re-opens them in the next
  // block), so they still count as open formatting elements.
  void pop(size_t count) {
    for (size_t i = 0; i < count; ++i) {
      const HtmlTag tag = open_.back().tag;
      if (tag == HtmlTag::kSvg || tag == HtmlTag::kMath) --foreign_depth_;
      open_.pop_back();
    }
  }

  void insert_before(const HtmlTagToken& token, std::string_view text) {
    replace(token.begin, token.begin, text);
  }

  void remove(const HtmlTagToken& token, bool keep_words_apart) {
    replace(token.begin, token.end, keep_words_apart ? "\n" : "");
  }

  // Replaces html_[begin, end) by `text`; ranges come in increasing order.
  void replace(size_t begin, size_t end, std::string_view text) {
    if (!modified_) {
      out_.reserve(html_.size());
      modified_ = true;
    }
    out_.append(html_.substr(copied_, begin - copied_));
    out_ += text;
    copied_ = end;
  }

  std::string_view html_;
  HtmlParseLimits limits_;
  std::vector<OpenElement> open_;
  std::vector<uint64_t> dropped_;
  std::array<size_t, kFormattingKinds> formatting_open_{};
  std::array<size_t, kFormattingKinds> formatting_dropped_{};
  size_t formatting_total_ = 0;
  size_t reconstructed_ = 0;
  size_t reconstruction_budget_ = html_.size() / 16 + 4096;
  size_t foreign_depth_ = 0;
  std::string out_;
  size_t copied_ = 0;
  bool modified_ = false;
};

// --- Gumbo memory ---
//
// All of gumbo's allocations come from this arena and are released together when the parse is
// done, so gumbo_destroy_output (recursive) is never called, and the many small per-token
// allocations are cheap. Gumbo frees only temporary buffers while parsing, so the arena stays
// within a small multiple of the live tree.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    for (void* chunk : chunks_) std::free(chunk);
  }

  void* allocate(size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    if (size > kChunkSize / 4) return new_chunk(size);
    if (current_ == nullptr || used_ + size > kChunkSize) {
      current_ = static_cast<char*>(new_chunk(kChunkSize));
      used_ = 0;
    }
    void* result = current_ + used_;
    used_ += size;
    return result;
  }

  static void* allocate_callback(void* arena, size_t size) {
    return static_cast<GumboArena*>(arena)->allocate(size);
  }
  static void deallocate_callback(void*, void*) {}

 private:
  static constexpr size_t kChunkSize = 64 * 1024;
  static constexpr size_t kAlign = alignof(std::max_align_t);

  void* new_chunk(size_t size) {
    void* chunk = std::malloc(size == 0 ? 1 : size);
    if (chunk == nullptr) throw std::bad_alloc();
    chunks_.push_back(chunk);
    return chunk;
  }

  std::vector<void*> chunks_;
  char* current_ = nullptr;
  size_t used_ = 0;
};

// --- Gumbo tree -> pugixml ---

void append_element_name(const GumboElement& element, std::string& name) {
  name.clear();
  if (element.tag != GUMBO_TAG_UNKNOWN) {
    name = gumbo_normalized_tagname(element.tag);
  } else {
    GumboStringPiece original = element.original_tag;
    gumbo_tag_from_original_text(&original);
    name.assign(original.data == nullptr ? "" : original.data, original.length);
  }
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  if (name.empty()) name = "unknown";
}

struct Frame {
  const GumboVector* children;
  unsigned int next;
  pugi::xml_node parent;
};

// Copies the tree without recursion: an explicit stack of (children, next index, parent).
void convert(const GumboNode* document, pugi::xml_document& doc) {
  std::vector<Frame> stack;
  stack.push_back({&document->v.document.children, 0, doc});
  std::string name;
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next >= frame.children->length) {
      stack.pop_back();
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(frame.children->data[frame.next++]);
    switch (node->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = node->v.element;
        append_element_name(element, name);
        pugi::xml_node child = frame.parent.append_child(name.c_str());
        for (unsigned int i = 0; i < element.attributes.length; ++i) {
          const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
          child.append_attribute(attribute->name).set_value(attribute->value);
        }
        // `frame` is invalidated by push_back; it is not used below.
        if (node->type == GUMBO_NODE_ELEMENT && element.children.length > 0) {
          stack.push_back({&element.children, 0, child});
        }
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        frame.parent.append_child(pugi::node_pcdata).set_value(node->v.text.text);
        break;
      default:  // comments; the document node never appears as a child
        break;
    }
  }
}

}  // namespace

std::optional<std::string> prepare_html_for_parsing(std::string_view html,
                                                    const HtmlParseLimits& limits) {
  return HtmlPreparer(html, limits).run();
}

pugi::xml_document parse_html_dom(std::string_view html) {
  const std::optional<std::string> prepared = prepare_html_for_parsing(html);
  const std::string_view input = prepared ? std::string_view(*prepared) : html;

  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::allocate_callback;
  options.deallocator = &GumboArena::deallocate_callback;
  options.userdata = &arena;
  options.max_errors = 0;  // errors are not used; recording them costs memory
  const GumboOutput* output = gumbo_parse_with_options(&options, input.data(), input.size());

  pugi::xml_document doc;
  convert(output->document, doc);
  return doc;
}

}  // namespace fundstelle::extract
