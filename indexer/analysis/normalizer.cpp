#include "analysis/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace fundstelle::analysis {
namespace {

void append_code_point(UChar32 cp, std::string& out) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, cp);
  out.append(buf, static_cast<size_t>(n));
}

bool is_dropped(UChar32 cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

// Appends `cp` (already lower case) without its diacritics: the base letters of its canonical
// decomposition, skipping combining marks.
void append_without_accents(UChar32 cp, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) || !nfd->getDecomposition(cp, decomposed)) {
    append_code_point(cp, out);
    return;
  }
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 part = decomposed.char32At(i);
    i += U16_LENGTH(part);
    if (u_charType(part) != U_NON_SPACING_MARK) append_code_point(part, out);
  }
}

}  // namespace

void append_folded(std::string_view word, std::string& out) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    const uint8_t byte = bytes[i];
    if (byte < 0x80) {  // ASCII fast path
      ++i;
      if (byte == '\'' || byte == '-') continue;
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      continue;
    }
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0 || is_dropped(cp)) continue;
    cp = u_tolower(cp);
    switch (cp) {
      case 0x00E4:
        out += "ae";
        break;  // ä
      case 0x00F6:
        out += "oe";
        break;  // ö
      case 0x00FC:
        out += "ue";
        break;  // ü
      case 0x00DF:
        out += "ss";
        break;  // ß
      case 0x1E9E:
        out += "ss";
        break;  // capital ẞ
      default:
        if (cp < 0x80 || u_charType(cp) == U_NON_SPACING_MARK) {
          if (cp < 0x80) out += static_cast<char>(cp);
        } else {
          append_without_accents(cp, out);
        }
    }
  }
}

}  // namespace fundstelle::analysis
