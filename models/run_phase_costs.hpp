#pragma once
// Where one run's time goes, by phase of the day's schedule: what the benchmark turns
// into costs per event (issue 17 item 4: ns per prospect set up, per inquiry, per MQL,
// per opportunity). Measured only when a run is given somewhere to put them
// (run_model_measured); an ordinary run reads no clock.
//
// The per-event phases are timed on reported days only, so that they divide by the
// reported totals of the run's summary (inquiries, MQLs, qualified); the warm-up is
// timed as a whole.
#include <chrono>

namespace alignsim::model {

struct RunPhaseCosts {
  double setup_seconds = 0;          // the population's traits and calendar, marketers, reps
  double warmup_seconds = 0;         // every phase of the warm-up's days
  double demand_seconds = 0;         // engagement clock, inquiries, scoring, back to nurture: per inquiry
  double leads_seconds = 0;          // routing, follow-up, response queues, contacts, rep workdays: per MQL
  double opportunities_seconds = 0;  // decisions on open opportunities, wins and losses: per opportunity
  double other_seconds = 0;          // budget, churn, turnover, adoption, reviews, syncs, recording
  double output_seconds = 0;         // the run's output: series, summary, agent tables
  [[nodiscard]] double total_seconds() const noexcept {
    return setup_seconds + warmup_seconds + demand_seconds + leads_seconds + opportunities_seconds + other_seconds +
           output_seconds;
  }
};

// Adds the time since its last lap to a phase of `costs`; with no costs, does nothing
// and reads no clock.
class PhaseStopwatch {
 public:
  using Phase = double RunPhaseCosts::*;
  explicit PhaseStopwatch(RunPhaseCosts* costs) noexcept : costs_(costs) {
    if (costs_ != nullptr) last_ = std::chrono::steady_clock::now();
  }
  void lap(Phase phase) noexcept {
    if (costs_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    costs_->*phase += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  RunPhaseCosts* costs_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace alignsim::model
