// A source of bytes read front to back: a file, a decompressed file, an archive member. Lets
// readers of huge inputs (MediaWiki dumps) stream instead of loading everything.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace fundstelle::sources {

class ByteStream {
 public:
  virtual ~ByteStream() = default;

  // Reads up to `size` bytes into `buffer`; returns the number read, 0 at the end. Throws
  // std::runtime_error with the position and reason if the input is broken (e.g. a truncated
  // .bz2), so that callers can report where it broke.
  virtual size_t read(char* buffer, size_t size) = 0;

  // Bytes delivered so far (decompressed), for error positions and progress.
  [[nodiscard]] virtual size_t position() const = 0;
};

// A ByteStream over an in-memory string, for tests and small inputs.
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string data) : data_(std::move(data)) {}
  size_t read(char* buffer, size_t size) override {
    const size_t n = std::min(size, data_.size() - pos_);
    data_.copy(buffer, n, pos_);
    pos_ += n;
    return n;
  }
  [[nodiscard]] size_t position() const override { return pos_; }

 private:
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace fundstelle::sources
