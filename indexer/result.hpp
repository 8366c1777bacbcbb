// A per-item outcome: either a value or the reason it could not be produced.
// Used for failures that concern one input (a malformed page, an empty body), which are
// reported and counted; environment failures (missing index, lock) throw instead.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace fundstelle {

struct Error {
  std::string reason;  // human-readable, names the offending part (offset, element, ...)
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Preconditions: ok() for value(), !ok() for error().
  [[nodiscard]] T& value() { return std::get<T>(state_); }
  [[nodiscard]] const T& value() const { return std::get<T>(state_); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace fundstelle
