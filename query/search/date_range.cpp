#include "search/date_range.hpp"

#include <cctype>

namespace fundstelle::query {
namespace {

bool digits(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

bool is_iso_date_prefix(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!digits(text.substr(0, 4))) return false;
  if (text.size() >= 7) {
    const std::string_view month = text.substr(5, 2);
    if (text[4] != '-' || !digits(month) || number(month) < 1 || number(month) > 12) return false;
  }
  if (text.size() == 10) {
    const std::string_view day = text.substr(8, 2);
    if (text[7] != '-' || !digits(day) || number(day) < 1 || number(day) > 31) return false;
  }
  return true;
}

std::string since_bound(std::string_view date) { return std::string(date); }

// '~' sorts after every character an ISO 8601 date can continue with (digits, '-', 'T', ':',
// '+', 'Z'), so the bound covers the whole period the prefix names.
std::string until_bound(std::string_view date) { return std::string(date) + "~"; }

}  // namespace fundstelle::query
