// The HTML element names the web-page reader cares about, and how each one behaves for text
// extraction (block or inline, never text, ...).
#pragma once

#include <cstdint>
#include <string_view>

namespace fundstelle::extract {

// clang-format off
enum class HtmlTag : uint8_t {
  kOther,  // any element not listed (custom elements, obsolete tags): inline
  kA, kAddress, kApplet, kArea, kArticle, kAside, kAudio, kB, kBase, kBig, kBlockquote, kBody,
  kBr, kButton, kCanvas, kCaption, kCenter, kCode, kCol, kColgroup, kDatalist, kDd, kDetails,
  kDialog, kDir, kDiv, kDl, kDt, kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFont, kFooter,
  kForm, kFrame, kFrameset, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHgroup, kHr, kHtml, kI,
  kIframe, kImg, kInput, kKeygen, kLegend, kLi, kLink, kMain, kMap, kMarquee, kMath, kMenu, kMeta,
  kNav, kNobr, kNoembed, kNoframes, kNoscript, kObject, kOl, kOptgroup, kOption, kOutput, kP,
  kParam, kPicture, kPlaintext, kPre, kProgress, kRb, kRp, kRt, kRtc, kS, kScript, kSection,
  kSelect, kSmall, kSource, kStrike, kStrong, kStyle, kSummary, kSvg, kTable, kTbody, kTd,
  kTemplate, kTextarea, kTfoot, kTh, kThead, kTime, kTitle, kTr, kTrack, kTt, kU, kUl, kVideo,
  kWbr, kXmp,
  kCount,  // the number of tags, not a tag
};
// clang-format on

// Maps a lowercase element name to its tag; kOther if unknown.
[[nodiscard]] HtmlTag html_tag_from_name(std::string_view lowercase_name);

// Ends the current line of text: a word boundary that also separates blocks (div, p, li, br...).
[[nodiscard]] bool is_block_tag(HtmlTag tag);

// Never holds article text: scripts, styles, embedded media and form controls. Skipped whole.
[[nodiscard]] bool is_never_text_tag(HtmlTag tag);

// Void elements have no content and no end tag.
[[nodiscard]] bool is_void_tag(HtmlTag tag);

// h1..h6 -> 1..6, else 0.
[[nodiscard]] int heading_level(HtmlTag tag);

}  // namespace fundstelle::extract
