// A blocking multi-producer/multi-consumer queue with a capacity: the back-pressure that keeps
// the indexing pipeline's memory bounded whatever the input size. Items may weigh more than one
// unit (an article counts its passages), so that the capacity bounds memory, not a count.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace fundstelle::pipeline {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue holds `capacity` units; an item heavier than that still goes into an
  // empty queue. Returns false (dropping `item`) if the queue was closed.
  bool push(T item, size_t weight = 1) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.empty() || load_ + weight <= capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back({std::move(item), weight});
    load_ += weight;
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty; std::nullopt once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Weighed front = std::move(items_.front());
    items_.pop_front();
    load_ -= front.weight;
    // Several small items may fit where the popped one was: wake every waiting producer.
    not_full_.notify_all();
    return std::move(front.item);
  }

  // No more pushes; consumers drain what is left, then pop() returns std::nullopt.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  struct Weighed {
    T item;
    size_t weight;
  };
  std::deque<Weighed> items_;
  size_t load_ = 0;  // sum of the items' weights
  bool closed_ = false;
};

}  // namespace fundstelle::pipeline
