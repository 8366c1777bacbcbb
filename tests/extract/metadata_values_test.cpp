#include "extract/metadata_values.hpp"

#include <gtest/gtest.h>

namespace fundstelle::extract {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(MetadataValuesTest, NormalizesDatesToIso8601) {
  const Case cases[] = {
      {"2023-11-20", "2023-11-20"},
      {"2023-11-20T09:30:00+01:00", "2023-11-20T09:30:00+01:00"},
      {"2023-11-20T09:30:00.000Z", "2023-11-20T09:30:00Z"},
      {"2023-11-20T09:30+0100", "2023-11-20T09:30:00+01:00"},
      {"2023-11-20T09:30:15-05:00", "2023-11-20T09:30:15-05:00"},
      {"2023-11-20 09:30:00", "2023-11-20T09:30:00"},
      {"2023-11-20T093000Z", "2023-11-20T09:30:00Z"},
      {"20231120", "2023-11-20"},
      {"  2023-11-20  ", "2023-11-20"},
      {"Mon, 20 Nov 2023 09:30:00 +0100", "2023-11-20T09:30:00+01:00"},
      {"Mon, 20 Nov 2023 09:30:00 GMT", "2023-11-20T09:30:00Z"},
      {"Mon, 6 Nov 2023 09:30 -0500", "2023-11-06T09:30:00-05:00"},
      {"20 Nov 2023 09:30:00 +0000", "2023-11-20T09:30:00Z"},
      {"Mon, 20 Nov 23 09:30:00 +0100", "2023-11-20T09:30:00+01:00"},  // RSS: 2-digit year
      {"Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07T00:00:01Z"},
      {"Tue, 02 Mar 99 12:00:00 EST", "1999-03-02T12:00:00-05:00"},
      {"Mo, 20 Dez 2023 09:30:00 +0100", "2023-12-20T09:30:00+01:00"},
      {"20. November 23:15 Uhr", ""},  // no year
      {"20.11.2023", "2023-11-20"},
      {"20.11.2023, 09:30 Uhr", "2023-11-20T09:30:00"},
      {"20. November 2023", "2023-11-20"},
      {"3. M\u00E4rz 2021", "2021-03-03"},
      {"November 20, 2023", "2023-11-20"},
      {"Nov 20, 2023 4:05 pm EST", "2023-11-20T16:05:00-05:00"},
      {"Updated 5:27 am CST, Wednesday, November 20, 2019", "2019-11-20"},
      {"2023-02-29", ""},  // no such day
      {"2024-02-29", "2024-02-29"},
      {"2023-13-01", ""},
      {"2023-11-20T25:00:00", ""},
      {"vor 3 Stunden", ""},
      {"", ""},
      {"12345", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(normalize_iso_date(c.input), c.expected) << c.input;
  }
}

TEST(MetadataValuesTest, NormalizesLanguageTags) {
  const Case cases[] = {
      {"de", "de"},      {"de-DE", "de"}, {"de_DE", "de"}, {"DE", "de"}, {" en-US ", "en"},
      {"gsw-CH", "gsw"}, {"deutsch", ""}, {"d", ""},       {"", ""},     {"1de", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(normalize_language_tag(c.input), c.expected) << c.input;
  }
}

TEST(MetadataValuesTest, NormalizesKeywordLists) {
  const Case cases[] = {
      {"OpenAI, Microsoft", "OpenAI, Microsoft"},
      {" OpenAI ,Microsoft,, openai ; KI ", "OpenAI, Microsoft, KI"},
      {"", ""},
      {" , ", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(normalize_keyword_list(c.input), c.expected) << c.input;
  }
}

}  // namespace
}  // namespace fundstelle::extract
