#include "progress.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace fundstelle {

ProgressLine::ProgressLine(const ProgressCounters& counters, uint64_t total_input_bytes)
    : counters_(counters), total_(total_input_bytes) {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stop_; })) {
      draw();
    }
  });
}

ProgressLine::~ProgressLine() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);  // the summary follows on a clean line
  std::fflush(stderr);
}

void ProgressLine::draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const auto articles = counters_.articles.load(std::memory_order_relaxed);
  const auto done = counters_.input_bytes_done.load(std::memory_order_relaxed);
  const double mb = static_cast<double>(counters_.text_bytes.load(std::memory_order_relaxed)) / 1e6;
  std::string line = "\r\033[K";
  char buffer[160];
  if (total_ > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(fraction * kWidth);
    line += "[" + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(kWidth - filled), '.') + "] ";
    std::snprintf(buffer, sizeof buffer, "%3.0f%% ", fraction * 100);
    line += buffer;
    if (fraction > 0.01) {
      const double eta = seconds * (1 - fraction) / fraction;
      std::snprintf(buffer, sizeof buffer, "ETA %dm%02ds · ", static_cast<int>(eta) / 60,
                    static_cast<int>(eta) % 60);
      line += buffer;
    }
  }
  std::snprintf(buffer, sizeof buffer, "%llu files · %llu articles · %.0f articles/s · %.2f MB/s",
                static_cast<unsigned long long>(counters_.files_done.load()),
                static_cast<unsigned long long>(articles),
                seconds > 0 ? static_cast<double>(articles) / seconds : 0.0,
                seconds > 0 ? mb / seconds : 0.0);
  line += buffer;
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace fundstelle
