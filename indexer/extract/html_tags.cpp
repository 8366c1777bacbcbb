#include "extract/html_tags.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace fundstelle::extract {
namespace {

enum Property : uint8_t {
  kBlock = 1,      // ends the current line of text
  kNeverText = 2,  // holds no article text
  kVoid = 4,       // has no content and no end tag
};

struct TagInfo {
  std::string_view name;
  HtmlTag tag;
  uint8_t properties;
};

// clang-format off
constexpr std::array<TagInfo, static_cast<size_t>(HtmlTag::kCount) - 1> kTags = {{
    {"a", HtmlTag::kA, 0},
    {"address", HtmlTag::kAddress, kBlock},
    {"applet", HtmlTag::kApplet, kNeverText},
    {"area", HtmlTag::kArea, kNeverText | kVoid},
    {"article", HtmlTag::kArticle, kBlock},
    {"aside", HtmlTag::kAside, kBlock},
    {"audio", HtmlTag::kAudio, kNeverText},
    {"b", HtmlTag::kB, 0},
    {"base", HtmlTag::kBase, kNeverText | kVoid},
    {"big", HtmlTag::kBig, 0},
    {"blockquote", HtmlTag::kBlockquote, kBlock},
    {"body", HtmlTag::kBody, kBlock},
    {"br", HtmlTag::kBr, kBlock | kVoid},
    {"button", HtmlTag::kButton, kNeverText},
    {"canvas", HtmlTag::kCanvas, kNeverText},
    {"caption", HtmlTag::kCaption, kBlock},
    {"center", HtmlTag::kCenter, kBlock},
    {"code", HtmlTag::kCode, 0},
    {"col", HtmlTag::kCol, kNeverText | kVoid},
    {"colgroup", HtmlTag::kColgroup, kNeverText},
    {"datalist", HtmlTag::kDatalist, kNeverText},
    {"dd", HtmlTag::kDd, kBlock},
    {"details", HtmlTag::kDetails, kBlock},
    {"dialog", HtmlTag::kDialog, kBlock},
    {"dir", HtmlTag::kDir, kBlock},
    {"div", HtmlTag::kDiv, kBlock},
    {"dl", HtmlTag::kDl, kBlock},
    {"dt", HtmlTag::kDt, kBlock},
    {"em", HtmlTag::kEm, 0},
    {"embed", HtmlTag::kEmbed, kNeverText | kVoid},
    {"fieldset", HtmlTag::kFieldset, kBlock},
    {"figcaption", HtmlTag::kFigcaption, kBlock},
    {"figure", HtmlTag::kFigure, kBlock},
    {"font", HtmlTag::kFont, 0},
    {"footer", HtmlTag::kFooter, kBlock},
    {"form", HtmlTag::kForm, kBlock},
    {"frame", HtmlTag::kFrame, kNeverText | kVoid},
    {"frameset", HtmlTag::kFrameset, kBlock},
    {"h1", HtmlTag::kH1, kBlock},
    {"h2", HtmlTag::kH2, kBlock},
    {"h3", HtmlTag::kH3, kBlock},
    {"h4", HtmlTag::kH4, kBlock},
    {"h5", HtmlTag::kH5, kBlock},
    {"h6", HtmlTag::kH6, kBlock},
    {"head", HtmlTag::kHead, kBlock | kNeverText},
    {"header", HtmlTag::kHeader, kBlock},
    {"hgroup", HtmlTag::kHgroup, kBlock},
    {"hr", HtmlTag::kHr, kBlock | kVoid},
    {"html", HtmlTag::kHtml, kBlock},
    {"i", HtmlTag::kI, 0},
    {"iframe", HtmlTag::kIframe, kNeverText},
    {"img", HtmlTag::kImg, kVoid},
    {"input", HtmlTag::kInput, kNeverText | kVoid},
    {"keygen", HtmlTag::kKeygen, kNeverText | kVoid},
    {"legend", HtmlTag::kLegend, kBlock},
    {"li", HtmlTag::kLi, kBlock},
    {"link", HtmlTag::kLink, kNeverText | kVoid},
    {"main", HtmlTag::kMain, kBlock},
    {"map", HtmlTag::kMap, kNeverText},
    {"marquee", HtmlTag::kMarquee, kBlock},
    {"math", HtmlTag::kMath, kNeverText},
    {"menu", HtmlTag::kMenu, kBlock},
    {"meta", HtmlTag::kMeta, kNeverText | kVoid},
    {"nav", HtmlTag::kNav, kBlock},
    {"nobr", HtmlTag::kNobr, 0},
    {"noembed", HtmlTag::kNoembed, kNeverText},
    {"noframes", HtmlTag::kNoframes, kNeverText},
    {"noscript", HtmlTag::kNoscript, kNeverText},
    {"object", HtmlTag::kObject, kNeverText},
    {"ol", HtmlTag::kOl, kBlock},
    {"optgroup", HtmlTag::kOptgroup, kBlock | kNeverText},
    {"option", HtmlTag::kOption, kBlock | kNeverText},
    {"output", HtmlTag::kOutput, kNeverText},
    {"p", HtmlTag::kP, kBlock},
    {"param", HtmlTag::kParam, kNeverText | kVoid},
    {"picture", HtmlTag::kPicture, 0},
    {"plaintext", HtmlTag::kPlaintext, kBlock},
    {"pre", HtmlTag::kPre, kBlock},
    {"progress", HtmlTag::kProgress, kNeverText},
    {"rb", HtmlTag::kRb, 0},
    {"rp", HtmlTag::kRp, kNeverText},
    {"rt", HtmlTag::kRt, 0},
    {"rtc", HtmlTag::kRtc, 0},
    {"s", HtmlTag::kS, 0},
    {"script", HtmlTag::kScript, kNeverText},
    {"section", HtmlTag::kSection, kBlock},
    {"select", HtmlTag::kSelect, kNeverText},
    {"small", HtmlTag::kSmall, 0},
    {"source", HtmlTag::kSource, kNeverText | kVoid},
    {"strike", HtmlTag::kStrike, 0},
    {"strong", HtmlTag::kStrong, 0},
    {"style", HtmlTag::kStyle, kNeverText},
    {"summary", HtmlTag::kSummary, kBlock},
    {"svg", HtmlTag::kSvg, kNeverText},
    {"table", HtmlTag::kTable, kBlock},
    {"tbody", HtmlTag::kTbody, kBlock},
    {"td", HtmlTag::kTd, kBlock},
    {"template", HtmlTag::kTemplate, kNeverText},
    {"textarea", HtmlTag::kTextarea, kNeverText},
    {"tfoot", HtmlTag::kTfoot, kBlock},
    {"th", HtmlTag::kTh, kBlock},
    {"thead", HtmlTag::kThead, kBlock},
    {"time", HtmlTag::kTime, 0},
    {"title", HtmlTag::kTitle, kNeverText},
    {"tr", HtmlTag::kTr, kBlock},
    {"track", HtmlTag::kTrack, kNeverText | kVoid},
    {"tt", HtmlTag::kTt, 0},
    {"u", HtmlTag::kU, 0},
    {"ul", HtmlTag::kUl, kBlock},
    {"video", HtmlTag::kVideo, kNeverText},
    {"wbr", HtmlTag::kWbr, kVoid},
    {"xmp", HtmlTag::kXmp, kBlock},
}};
// clang-format on

static_assert(kTags.size() == static_cast<size_t>(HtmlTag::kCount) - 1);
static_assert(std::is_sorted(kTags.begin(), kTags.end(),
                             [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; }));

constexpr std::array<uint8_t, static_cast<size_t>(HtmlTag::kCount)> kProperties = [] {
  std::array<uint8_t, static_cast<size_t>(HtmlTag::kCount)> properties{};
  for (const TagInfo& info : kTags) properties[static_cast<size_t>(info.tag)] = info.properties;
  return properties;
}();

uint8_t properties(HtmlTag tag) { return kProperties[static_cast<size_t>(tag)]; }

}  // namespace

HtmlTag html_tag_from_name(std::string_view lowercase_name) {
  static const std::unordered_map<std::string_view, HtmlTag> table = [] {
    std::unordered_map<std::string_view, HtmlTag> t;
    for (const TagInfo& info : kTags) t.emplace(info.name, info.tag);
    return t;
  }();
  if (lowercase_name.size() > 10) return HtmlTag::kOther;  // "blockquote", "figcaption" are 10
  const auto it = table.find(lowercase_name);
  return it == table.end() ? HtmlTag::kOther : it->second;
}

bool is_block_tag(HtmlTag tag) { return (properties(tag) & kBlock) != 0; }

bool is_never_text_tag(HtmlTag tag) { return (properties(tag) & kNeverText) != 0; }

bool is_void_tag(HtmlTag tag) { return (properties(tag) & kVoid) != 0; }

int heading_level(HtmlTag tag) {
  if (tag < HtmlTag::kH1 || tag > HtmlTag::kH6) return 0;
  return static_cast<int>(tag) - static_cast<int>(HtmlTag::kH1) + 1;
}

}  // namespace fundstelle::extract
