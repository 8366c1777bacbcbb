#include "cli/pager.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/terminal.hpp"

namespace fundstelle::cli {

bool should_page(const std::string& text, bool terminal, size_t rows, bool disabled) {
  if (disabled || !terminal || rows == 0) return false;
  size_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines >= rows;
}

std::string pager_command() {
  const char* pager = std::getenv("PAGER");
  return pager != nullptr && *pager != '\0' ? pager : "less -R";
}

void write_paged(const std::string& text, bool disabled) {
  const std::string command = pager_command();
  if (command == "cat" || !should_page(text, stdout_is_terminal(), terminal_rows(), disabled)) {
    std::cout << text << std::flush;
    return;
  }
  // less: keep colours (R), leave the text on screen after quitting (X).
  setenv("LESS", "RX", 0);
  std::cout.flush();
  FILE* pager = popen(command.c_str(), "w");
  if (pager == nullptr) {
    std::cout << text << std::flush;
    return;
  }
  // Quitting the pager early must not kill us with SIGPIPE.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), pager);
  pclose(pager);
  std::signal(SIGPIPE, previous);
}

}  // namespace fundstelle::cli
