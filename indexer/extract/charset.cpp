#include "extract/charset.hpp"

#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace fundstelle::extract {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_utf8_name(std::string_view name) {
  const std::string lower = lower_ascii(name);
  return lower == "utf-8" || lower == "utf8" || lower == "unicode-1-1-utf-8";
}

// The WHATWG encoding standard maps these labels to windows-1252; pages rely on it.
std::string canonical_legacy_name(std::string_view name) {
  const std::string lower = lower_ascii(name);
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "latin-1" || lower == "us-ascii" ||
      lower == "ascii" || lower == "iso8859-1" || lower == "l1" || lower == "cp1252" ||
      lower == "x-cp1252" || lower == "windows-1252") {
    return "windows-1252";
  }
  return std::string(name);
}

// Converts with ICU; returns false if ICU does not know the charset.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) return false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(raw, &ucnv_close);
  std::u16string utf16(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  int32_t len16 = ucnv_toUChars(from.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    utf16.assign(static_cast<size_t>(len16) + 1, u'\0');
    status = U_ZERO_ERROR;
    len16 = ucnv_toUChars(from.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                          bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return false;
  out.clear();
  out.reserve(static_cast<size_t>(len16) * 3 / 2);
  for (int32_t i = 0; i < len16;) {
    UChar32 cp;
    U16_NEXT(utf16.data(), i, len16, cp);
    if (U_IS_SURROGATE(cp)) cp = 0xFFFD;
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, cp);
    out.append(buf, static_cast<size_t>(n));
  }
  return true;
}

std::string detect(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
      uchardet_new(), &uchardet_delete);
  // A bounded sample keeps detection cheap on huge pages.
  const size_t sample = std::min<size_t>(bytes.size(), 256 * 1024);
  uchardet_handle_data(detector.get(), bytes.data(), sample);
  uchardet_data_end(detector.get());
  std::string name = uchardet_get_charset(detector.get());
  if (name.empty() || lower_ascii(name) == "ascii") return "windows-1252";
  return canonical_legacy_name(name);
}

// Replaces each invalid sequence with U+FFFD.
std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(data, i, length, cp);
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 cp;
    U8_NEXT(data, i, length, cp);
    if (cp < 0) return false;
  }
  return true;
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view declared) {
  Decoded result;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    result.charset = "UTF-8";
    result.utf8 = repair_utf8(bytes.substr(3));
    return result;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const std::string charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (convert(bytes.substr(2), charset, result.utf8)) {
      result.charset = charset;
      return result;
    }
  }
  const bool valid_utf8 = is_valid_utf8(bytes);
  if (!declared.empty() && !is_utf8_name(declared)) {
    const std::string charset = canonical_legacy_name(declared);
    // A page declared as a legacy charset whose bytes are valid non-ASCII UTF-8 was re-encoded
    // without its declaration being updated; trusting the bytes gives the right text.
    const bool has_non_ascii = std::any_of(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (!(valid_utf8 && has_non_ascii) && convert(bytes, charset, result.utf8)) {
      result.charset = charset;
      return result;
    }
  }
  if (valid_utf8) {
    result.charset = "UTF-8";
    result.utf8 = std::string(bytes);
    return result;
  }
  const std::string detected = detect(bytes);
  if (!is_utf8_name(detected) && convert(bytes, detected, result.utf8)) {
    result.charset = detected;
    return result;
  }
  // Mostly-UTF-8 with a few broken bytes: keep what is valid.
  result.charset = "UTF-8";
  result.utf8 = repair_utf8(bytes);
  return result;
}

}  // namespace fundstelle::extract
