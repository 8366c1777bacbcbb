#include "extract/text_cleanup.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>

namespace fundstelle::extract {
namespace {

bool is_space_code_point(UChar32 cp) {
  return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x85 ||
         u_isUWhiteSpace(cp) || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
}

void append_utf8(std::string& out, UChar32 cp) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cp, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

// One pass over the bytes; `keep_lines` decides whether '\n' survives as a line break.
std::string clean(std::string_view in, bool keep_lines) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  int pending_newlines = 0;
  bool all_ascii = true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  const auto length = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < length;) {
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) cp = 0xFFFD;  // invalid UTF-8
    if (keep_lines && cp == '\n') {
      ++pending_newlines;
      pending_space = false;
      continue;
    }
    if (is_space_code_point(cp)) {
      pending_space = true;
      continue;
    }
    if (is_invisible_code_point(static_cast<char32_t>(cp))) continue;
    if (u_iscntrl(cp)) continue;
    if (!out.empty()) {
      if (pending_newlines > 0) {
        out += pending_newlines > 1 ? "\n\n" : "\n";
      } else if (pending_space) {
        out += ' ';
      }
    }
    pending_space = false;
    pending_newlines = 0;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      all_ascii = false;
      append_utf8(out, cp);
    }
  }
  if (all_ascii) return out;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(out);
  if (nfc->isNormalized(unicode, status) && U_SUCCESS(status)) return out;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(unicode, status);
  if (U_FAILURE(status)) return out;
  std::string result;
  normalized.toUTF8String(result);
  return result;
}

}  // namespace

bool is_invisible_code_point(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x034F || cp == 0x180E;
}

std::string clean_text(std::string_view utf8) { return clean(utf8, false); }

std::string clean_text_keep_lines(std::string_view utf8) { return clean(utf8, true); }

}  // namespace fundstelle::extract
