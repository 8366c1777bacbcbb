#include "extract/metadata_values.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <vector>

namespace fundstelle::extract {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_zone = false;
  int zone_minutes = 0;  // offset east of UTC
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool valid(const DateTime& dt) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (dt.year < 1800 || dt.year > 2200 || dt.month < 1 || dt.month > 12 || dt.day < 1) return false;
  const int days = kDays[static_cast<size_t>(dt.month - 1)] + (dt.month == 2 && is_leap(dt.year));
  if (dt.day > days) return false;
  if (dt.hour > 23 || dt.minute > 59 || dt.second > 60) return false;
  return dt.zone_minutes > -16 * 60 && dt.zone_minutes < 16 * 60;
}

std::string format(const DateTime& dt) {
  char buffer[48];
  if (!dt.has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
    return buffer;
  }
  int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", dt.year, dt.month,
                        dt.day, dt.hour, dt.minute, dt.second);
  std::string out(buffer, static_cast<size_t>(n));
  if (dt.has_zone) {
    if (dt.zone_minutes == 0) {
      out += 'Z';
    } else {
      const int offset = dt.zone_minutes < 0 ? -dt.zone_minutes : dt.zone_minutes;
      n = std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", dt.zone_minutes < 0 ? '-' : '+',
                        offset / 60, offset % 60);
      out.append(buffer, static_cast<size_t>(n));
    }
  }
  return out;
}

// Reads exactly `count` digits at `pos`.
std::optional<int> digits(std::string_view s, size_t& pos, size_t count) {
  if (pos + count > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!is_digit(s[pos + i])) return std::nullopt;
    value = value * 10 + (s[pos + i] - '0');
  }
  pos += count;
  return value;
}

// "+01:00", "+0100", "+01", "Z" at `pos`; true if a zone was read.
bool parse_numeric_zone(std::string_view s, size_t& pos, DateTime& dt) {
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
    dt.has_zone = true;
    dt.zone_minutes = 0;
    return true;
  }
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return false;
  const int sign = s[pos] == '-' ? -1 : 1;
  size_t p = pos + 1;
  const auto hours = digits(s, p, 2);
  if (!hours) return false;
  int minutes = 0;
  if (p < s.size() && s[p] == ':') ++p;
  if (const auto m = digits(s, p, 2)) minutes = *m;
  pos = p;
  dt.has_zone = true;
  dt.zone_minutes = sign * (*hours * 60 + minutes);
  return true;
}

// "HH:MM[:SS][.fff]" or "HHMM[SS]" (after 'T') at `pos`.
bool parse_time(std::string_view s, size_t& pos, DateTime& dt, bool allow_compact) {
  size_t p = pos;
  const auto hour = digits(s, p, 2);
  if (!hour) return false;
  const bool colon = p < s.size() && s[p] == ':';
  if (!colon && !allow_compact) return false;
  if (colon) ++p;
  const auto minute = digits(s, p, 2);
  if (!minute) return false;
  int second = 0;
  if (colon ? (p < s.size() && s[p] == ':') : (p + 1 < s.size() && is_digit(s[p]))) {
    if (colon) ++p;
    const auto sec = digits(s, p, 2);
    if (!sec) return false;
    second = *sec;
  }
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {  // fractions of a second are dropped
    ++p;
    while (p < s.size() && is_digit(s[p])) ++p;
  }
  dt.has_time = true;
  dt.hour = *hour;
  dt.minute = *minute;
  dt.second = second;
  pos = p;
  return true;
}

std::optional<DateTime> parse_iso(std::string_view s) {
  DateTime dt;
  size_t pos = 0;
  const auto year = digits(s, pos, 4);
  if (!year) return std::nullopt;
  const bool dashes = pos < s.size() && s[pos] == '-';
  if (dashes) ++pos;
  const auto month = digits(s, pos, 2);
  if (!month) return std::nullopt;
  if (dashes) {
    if (pos >= s.size() || s[pos] != '-') return std::nullopt;
    ++pos;
  }
  const auto day = digits(s, pos, 2);
  if (!day) return std::nullopt;
  if (pos < s.size() && is_digit(s[pos])) return std::nullopt;
  dt.year = *year;
  dt.month = *month;
  dt.day = *day;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    size_t p = pos + 1;
    if (parse_time(s, p, dt, s[pos] != ' ')) {
      pos = p;
      while (pos < s.size() && s[pos] == ' ') ++pos;
      if (!parse_numeric_zone(s, pos, dt)) {
        if (s.substr(pos, 3) == "UTC" || s.substr(pos, 3) == "GMT") {
          dt.has_zone = true;
          pos += 3;
        }
      }
    }
  }
  // Anything after a complete date (a second date, "Uhr", garbage) is ignored.
  return dt;
}

int month_from_word(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kEnglish = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kGerman = {
      "januar", "februar", "m\xC3\xA4rz", "april",   "mai",      "juni",
      "juli",   "august",  "september",   "oktober", "november", "dezember"};
  std::string w;
  for (char c : word) w += lower(c);
  if (w.ends_with('.')) w.pop_back();
  if (w == "j\xC3\xA4nner" || w == "j\xC3\xA4n") return 1;
  if (w == "feber") return 2;
  if (w == "mrz" || w == "maerz") return 3;
  if (w == "sept") return 9;
  for (size_t i = 0; i < 12; ++i) {
    if (w == kEnglish[i] || w == kGerman[i]) return static_cast<int>(i) + 1;
  }
  if (w.size() == 3 || (w.size() == 4 && static_cast<unsigned char>(w[1]) >= 0x80)) {
    for (size_t i = 0; i < 12; ++i) {
      if (kEnglish[i].starts_with(w) || kGerman[i].starts_with(w)) return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int zone_from_word(std::string_view word, bool& known) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 16> kZones = {{
      {"UTC", 0},
      {"GMT", 0},
      {"UT", 0},
      {"Z", 0},
      {"EST", -300},
      {"EDT", -240},
      {"CST", -360},
      {"CDT", -300},
      {"MST", -420},
      {"MDT", -360},
      {"PST", -480},
      {"PDT", -420},
      {"CET", 60},
      {"CEST", 120},
      {"MEZ", 60},
      {"MESZ", 120},
  }};
  for (const Zone& zone : kZones) {
    if (word == zone.name) {
      known = true;
      return zone.minutes;
    }
  }
  known = false;
  return 0;
}

struct Token {
  enum Kind { kNumber, kWord, kOther } kind;
  std::string_view text;
  size_t begin;
};

// Free-form dates: "Mon, 20 Nov 2023 09:30:00 +0100", "20.11.2023, 09:30 Uhr",
// "20. November 2023", "November 20, 2023 9:30 am".
std::optional<DateTime> parse_free(std::string_view s) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < s.size();) {
    const size_t begin = i;
    if (is_digit(s[i])) {
      while (i < s.size() && is_digit(s[i])) ++i;
      tokens.push_back({Token::kNumber, s.substr(begin, i - begin), begin});
    } else if (is_alpha(s[i])) {
      while (i < s.size() && is_alpha(s[i])) ++i;
      tokens.push_back({Token::kWord, s.substr(begin, i - begin), begin});
    } else {
      ++i;
      if (!is_space(s[begin])) tokens.push_back({Token::kOther, s.substr(begin, 1), begin});
    }
    if (tokens.size() > 40) return std::nullopt;
  }
  auto number = [&](size_t i) {
    int value = 0;
    for (char c : tokens[i].text) value = value * 10 + (c - '0');
    return value;
  };
  auto is_number = [&](size_t i, size_t min_len, size_t max_len) {
    return i < tokens.size() && tokens[i].kind == Token::kNumber &&
           tokens[i].text.size() >= min_len && tokens[i].text.size() <= max_len;
  };
  auto is_char = [&](size_t i, char c) {
    return i < tokens.size() && tokens[i].kind == Token::kOther && tokens[i].text[0] == c;
  };

  DateTime dt;
  size_t after = 0;  // token index after the date
  bool found = false;
  for (size_t i = 0; i < tokens.size() && !found; ++i) {
    // d.m.yyyy
    if (is_number(i, 1, 2) && is_char(i + 1, '.') && is_number(i + 2, 1, 2) &&
        is_char(i + 3, '.') && is_number(i + 4, 4, 4)) {
      dt.day = number(i);
      dt.month = number(i + 2);
      dt.year = number(i + 4);
      after = i + 5;
      found = true;
      break;
    }
    if (tokens[i].kind != Token::kWord) continue;
    const int month = month_from_word(tokens[i].text);
    if (month == 0) continue;
    // d[.] Month yyyy
    size_t d = i;
    if (d > 0 && is_char(d - 1, '.')) --d;
    if (d > 0 && is_number(d - 1, 1, 2) && is_number(i + 1, 4, 4)) {
      dt.day = number(d - 1);
      dt.month = month;
      dt.year = number(i + 1);
      after = i + 2;
      found = true;
    } else if (d == i && d > 0 && is_number(d - 1, 1, 2) && is_number(i + 1, 2, 2) &&
               is_number(i + 2, 1, 2) && is_char(i + 3, ':')) {
      // RFC 822 (and so RSS 2.0) allows two-digit years: "Mon, 20 Nov 23 09:30:00 +0100".
      // Only before a time, where the two digits cannot be anything else; RFC 2822 pivot.
      dt.day = number(d - 1);
      dt.month = month;
      dt.year = number(i + 1) + (number(i + 1) < 50 ? 2000 : 1900);
      after = i + 2;
      found = true;
    } else if (is_number(i + 1, 1, 2)) {  // Month d[,] yyyy
      size_t y = i + 2;
      if (is_char(y, ',') || is_char(y, '.')) ++y;
      if (is_number(y, 4, 4)) {
        dt.day = number(i + 1);
        dt.month = month;
        dt.year = number(y);
        after = y + 1;
        found = true;
      }
    }
  }
  if (!found) return std::nullopt;

  // An optional time "h:mm[:ss]" (with am/pm) and zone after the date.
  for (size_t i = after; i + 2 < tokens.size(); ++i) {
    if (!(is_number(i, 1, 2) && is_char(i + 1, ':') && is_number(i + 2, 2, 2))) continue;
    dt.has_time = true;
    dt.hour = number(i);
    dt.minute = number(i + 2);
    size_t next = i + 3;
    if (is_char(next, ':') && is_number(next + 1, 2, 2)) {
      dt.second = number(next + 1);
      next += 2;
    }
    if (next < tokens.size() && tokens[next].kind == Token::kWord) {
      const std::string_view w = tokens[next].text;
      const bool pm = w == "pm" || w == "PM";
      if (pm || w == "am" || w == "AM") {
        if (dt.hour == 12) dt.hour = 0;
        if (pm) dt.hour += 12;
        ++next;
      }
    }
    if (next < tokens.size()) {
      if (tokens[next].kind == Token::kWord) {
        bool known = false;
        const int minutes = zone_from_word(tokens[next].text, known);
        if (known) {
          dt.has_zone = true;
          dt.zone_minutes = minutes;
        }
      } else if (is_char(next, '+') || is_char(next, '-')) {
        size_t pos = tokens[next].begin;
        DateTime zone;
        if (parse_numeric_zone(s, pos, zone)) {
          dt.has_zone = true;
          dt.zone_minutes = zone.zone_minutes;
        }
      }
    }
    break;
  }
  return dt;
}

}  // namespace

std::string normalize_iso_date(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 100) return {};
  std::optional<DateTime> dt;
  if (text.size() >= 8 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
      is_digit(text[3]) && (text[4] == '-' || is_digit(text[4]))) {
    dt = parse_iso(text);
  }
  if (!dt) dt = parse_free(text);
  if (!dt || !valid(*dt)) return {};
  return format(*dt);
}

std::string normalize_language_tag(std::string_view tag) {
  tag = trim(tag);
  size_t n = 0;
  while (n < tag.size() && ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z'))) {
    ++n;
  }
  if (n < 2 || n > 3) return {};
  if (n < tag.size() && tag[n] != '-' && tag[n] != '_') return {};
  std::string out;
  for (size_t i = 0; i < n; ++i) out += lower(tag[i]);
  return out;
}

std::string normalize_keyword_list(std::string_view list) {
  std::vector<std::string> seen;
  std::string out;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t end = list.find_first_of(",;", pos);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view item = trim(list.substr(pos, end - pos));
    pos = end + 1;
    if (item.empty()) continue;
    std::string key;
    for (char c : item) key += lower(c);
    bool duplicate = false;
    for (const std::string& s : seen) duplicate = duplicate || s == key;
    if (duplicate) continue;
    seen.push_back(std::move(key));
    if (!out.empty()) out += ", ";
    out.append(item);
  }
  return out;
}

void append_distinct(std::vector<std::string>& values, std::string value) {
  if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(std::move(value));
  }
}

std::string join_values(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

}  // namespace fundstelle::extract
