#include "pipeline/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace fundstelle::pipeline {
namespace {

using namespace std::chrono_literals;

// Pushes `weight` on another thread and reports whether it got in before `patience` ran out.
class BackgroundPush {
 public:
  BackgroundPush(BoundedQueue<int>& queue, int item, size_t weight)
      : thread_([&queue, item, weight, this] {
          accepted_ = queue.push(item, weight);
          done_ = true;
        }) {}
  ~BackgroundPush() { thread_.join(); }
  [[nodiscard]] bool done_within(std::chrono::milliseconds patience) const {
    const auto until = std::chrono::steady_clock::now() + patience;
    while (!done_ && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
    return done_;
  }
  [[nodiscard]] bool accepted() const { return accepted_; }

 private:
  std::atomic<bool> done_ = false;
  std::atomic<bool> accepted_ = false;
  std::thread thread_;
};

TEST(BoundedQueueTest, KeepsOrder) {
  BoundedQueue<int> queue(3);
  EXPECT_TRUE(queue.push(1));
  EXPECT_TRUE(queue.push(2));
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), 2);
}

TEST(BoundedQueueTest, ProducerWaitsWhileTheWeightWouldExceedTheCapacity) {
  BoundedQueue<int> queue(10);
  ASSERT_TRUE(queue.push(1, 6));
  BackgroundPush second(queue, 2, 5);  // 6 + 5 > 10
  EXPECT_FALSE(second.done_within(50ms));
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_TRUE(second.done_within(5s));
  EXPECT_TRUE(second.accepted());
  EXPECT_EQ(queue.pop(), 2);
}

TEST(BoundedQueueTest, LightItemsFillTheCapacity) {
  BoundedQueue<int> queue(10);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(queue.push(i, 1));
  BackgroundPush eleventh(queue, 10, 1);
  EXPECT_FALSE(eleventh.done_within(50ms));
  EXPECT_EQ(queue.pop(), 0);
  EXPECT_TRUE(eleventh.done_within(5s));
}

TEST(BoundedQueueTest, AnItemHeavierThanTheCapacityGoesIntoAnEmptyQueue) {
  BoundedQueue<int> queue(4);
  BackgroundPush heavy(queue, 7, 100);
  EXPECT_TRUE(heavy.done_within(5s));  // would otherwise wait for ever
  EXPECT_EQ(queue.pop(), 7);
}

TEST(BoundedQueueTest, CloseWakesWaitingProducersAndDrains) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.push(1));
  BackgroundPush blocked(queue, 2, 1);
  EXPECT_FALSE(blocked.done_within(50ms));
  queue.close();
  EXPECT_TRUE(blocked.done_within(5s));
  EXPECT_FALSE(blocked.accepted());
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

}  // namespace
}  // namespace fundstelle::pipeline
