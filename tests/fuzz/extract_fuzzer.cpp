// libFuzzer target: arbitrary bytes -> Article, through every reader. Must never crash, hang,
// leak or trip a sanitizer; any Result is acceptable.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extractor.hpp"
#include "passages/passage_splitter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the file name, so content sniffing and every reader get exercised.
  static constexpr std::string_view kNames[] = {"page.html", "article.xml", "notes.txt", "blob"};
  const std::string_view name = kNames[data[0] % 4];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto article = fundstelle::extract::extract_article(name, bytes);
  if (article.ok()) {
    const auto passages = fundstelle::passages::split_passages(article.value());
    (void)passages;
  }
  return 0;
}
