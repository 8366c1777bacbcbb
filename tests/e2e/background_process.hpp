// A program started by a test and stopped with it: its own process group (setsid), so that
// stopping it also stops anything it started; SIGTERM, then SIGKILL, on destruction.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace fundstelle::testing {

class BackgroundProcess {
 public:
  // Starts `args` (argv[0] is the program path) with stdout and stderr sent to /dev/null.
  explicit BackgroundProcess(const std::vector<std::string>& args);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // True while it runs; collects the exit status once it has ended.
  [[nodiscard]] bool running();
  // The exit code after it ended (128 + signal if killed), -1 while it runs.
  [[nodiscard]] int exit_code() const { return exit_code_; }
  void stop();

 private:
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice).
[[nodiscard]] int free_tcp_port();

// Waits up to `seconds` until something accepts connections on 127.0.0.1:`port`.
[[nodiscard]] bool wait_for_port(int port, double seconds);

}  // namespace fundstelle::testing
