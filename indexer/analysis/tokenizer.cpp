#include "analysis/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace fundstelle::analysis {
namespace {

enum class CharClass { kWord, kDigit, kHyphen, kApostrophe, kNumberJoiner, kInvisible, kOther };

CharClass classify(UChar32 cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kWord;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == '-') return CharClass::kHyphen;
    if (cp == '\'') return CharClass::kApostrophe;
    if (cp == '.' || cp == ',' || cp == ':') return CharClass::kNumberJoiner;
    return CharClass::kOther;
  }
  if (cp == 0x2010 || cp == 0x2011) return CharClass::kHyphen;
  if (cp == 0x2019 || cp == 0x02BC) return CharClass::kApostrophe;
  if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
    return CharClass::kInvisible;
  }
  if (u_isdigit(cp)) return CharClass::kDigit;
  if (u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0) return CharClass::kWord;
  return CharClass::kOther;
}

struct Decoded {
  CharClass cls = CharClass::kOther;
  size_t next = 0;  // byte offset after the character
};

Decoded decode_at(std::string_view text, size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 cp;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), cp);
  return {cp < 0 ? CharClass::kOther : classify(cp), static_cast<size_t>(i)};
}

bool is_alnum(CharClass c) { return c == CharClass::kWord || c == CharClass::kDigit; }

}  // namespace

bool Tokenizer::next(Token& token) {
  token.parts.clear();
  // Skip to the first letter or digit.
  while (pos_ < text_.size()) {
    const Decoded d = decode_at(text_, pos_);
    if (is_alnum(d.cls)) break;
    pos_ = d.next;
  }
  if (pos_ >= text_.size()) return false;

  const size_t begin = pos_;
  size_t part_begin = begin;
  size_t end = begin;  // end of the last letter or digit
  CharClass last = CharClass::kOther;
  while (pos_ < text_.size()) {
    const Decoded d = decode_at(text_, pos_);
    if (is_alnum(d.cls)) {
      last = d.cls;
      pos_ = d.next;
      end = pos_;
      continue;
    }
    if (d.cls == CharClass::kInvisible) {
      pos_ = d.next;
      continue;
    }
    // A joiner only joins when a letter or digit follows it directly.
    if (d.next >= text_.size()) break;
    const Decoded after = decode_at(text_, d.next);
    bool joins = false;
    if (d.cls == CharClass::kHyphen) {
      joins = is_alnum(after.cls);
      if (joins) {
        token.parts.push_back({part_begin, end});
        part_begin = d.next;
      }
    } else if (d.cls == CharClass::kApostrophe) {
      joins = last == CharClass::kWord && after.cls == CharClass::kWord;
    } else if (d.cls == CharClass::kNumberJoiner) {
      joins = last == CharClass::kDigit && after.cls == CharClass::kDigit;
    }
    if (!joins) break;
    pos_ = d.next;
  }
  if (!token.parts.empty()) token.parts.push_back({part_begin, end});
  token.span = {begin, end};
  return true;
}

}  // namespace fundstelle::analysis
