// The progress line fundstelle-index draws on a terminal while it works.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace fundstelle {

// Counters the pipeline bumps from any thread; cheap (relaxed atomics).
struct ProgressCounters {
  std::atomic<uint64_t> input_bytes_done{0};  // bytes of input files read (as stored on disk)
  std::atomic<uint64_t> files_done{0};
  std::atomic<uint64_t> articles{0};
  std::atomic<uint64_t> text_bytes{0};  // decompressed bytes handed to extraction
};

// Redraws one status line on stderr twice a second until stopped: files, articles, articles/s,
// MB/s, a bar and the ETA when the total input size is known. Erases the line when stopped.
class ProgressLine {
 public:
  // `total_input_bytes` 0: unknown (no bar, no ETA).
  ProgressLine(const ProgressCounters& counters, uint64_t total_input_bytes);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void draw();

  const ProgressCounters& counters_;
  const uint64_t total_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace fundstelle
