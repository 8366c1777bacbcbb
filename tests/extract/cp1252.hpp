// Test helper: windows-1252 (Latin-1 superset) bytes written as readable UTF-8 literals, so
// charset tests say to_cp1252("Grüße") instead of "Gr\xFC\xDF" "e".
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace fundstelle::test {

// Encodes the UTF-8 `text` as windows-1252; characters it cannot hold become '?'.
inline std::string to_cp1252(std::string_view text) {
  struct Special {
    char32_t cp;
    char byte;
  };
  static constexpr std::array<Special, 10> kSpecials = {{{U'€', '\x80'},
                                                         {U'‚', '\x82'},
                                                         {U'„', '\x84'},
                                                         {U'…', '\x85'},
                                                         {U'‘', '\x91'},
                                                         {U'’', '\x92'},
                                                         {U'“', '\x93'},
                                                         {U'”', '\x94'},
                                                         {U'–', '\x96'},
                                                         {U'—', '\x97'}}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += length;
    char byte = '?';
    if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) byte = static_cast<char>(cp);
    for (const Special& special : kSpecials) {
      if (special.cp == cp) byte = special.byte;
    }
    out += byte;
  }
  return out;
}

}  // namespace fundstelle::test
