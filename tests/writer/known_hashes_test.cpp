#include "writer/known_hashes.hpp"

#include <gtest/gtest.h>

namespace fundstelle::writer {
namespace {

TEST(KnownHashesTest, RemembersUntilForgottenOrDisplaced) {
  KnownHashes known(4);  // 16 slots
  EXPECT_FALSE(known.known_or_remember(42));
  EXPECT_TRUE(known.known_or_remember(42));
  EXPECT_FALSE(known.known_or_remember(0));  // 0 is a hash like any other
  EXPECT_TRUE(known.known_or_remember(0));
  // A hash in the same slot displaces it: its item is then written again.
  EXPECT_FALSE(known.known_or_remember(42 + 16));
  EXPECT_FALSE(known.known_or_remember(42));
  known.forget();
  EXPECT_FALSE(known.known_or_remember(0));
}

}  // namespace
}  // namespace fundstelle::writer
