#include "sim/run/progress_line.hpp"

#include <cstdio>

namespace alignsim::sim {

ProgressLine::ProgressLine(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_print_(start_) {}

void ProgressLine::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most five times a second so progress output never costs throughput.
  if (done < total_ && now - last_print_ < std::chrono::milliseconds(200)) return;
  last_print_ = now;
  print(done);
}

void ProgressLine::finish() {
  if (!enabled_) return;
  print(total_);
  std::fputc('\n', stderr);
}

void ProgressLine::stop_at(std::size_t done) {
  if (!enabled_) return;
  print(done);
  std::fputc('\n', stderr);
}

void ProgressLine::print(std::size_t done) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
  std::fprintf(stderr, "\rruns %zu/%zu (%3.0f%%)  %.1f runs/s  ETA %.0f s   ", done, total_,
               total_ > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0, rate, eta);
  std::fflush(stderr);
}

}  // namespace alignsim::sim
