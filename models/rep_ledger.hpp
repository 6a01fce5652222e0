#pragma once
// The per-agent outputs of one run: what each rep received, worked, qualified and won,
// and the funnel by the hours to an MQL's first response. The day's schedule
// (models/simulation*.cpp) calls one method per event; finish() lays the counts out as
// the agent tables of models/metric_catalog.hpp (AgentTable, RepColumn, FunnelColumn).
//
// Kept apart from the RunRecorder, whose totals it must match (per-run sums over reps
// equal the summary's worked, qualified, won and bookings; the funnel's sums its MQLs,
// worked and qualified from MQLs: tests/models/test_rep_ledger.cpp).
//
// Not thread-safe; one per run.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/metric_catalog.hpp"
#include "models/model_parameters.hpp"

namespace alignsim::model {

// What finish() needs of a rep beyond what the ledger counted.
struct RepAtEnd {
  double experience_years = 0.0;  // at the end of the run, or when the rep left
  double capacity_multiplier = 1.0;
  bool active = true;
  double trust = 0.0;
};

// Rows of /agents/reps a run with these parameters fills: every rep it can hire.
// population.reps at the start; turnover replaces each leaver at once, and at most A reps
// are active (A = max(population.reps, budget.max_reps) when headcount follows bookings,
// else population.reps), so leavers over the horizon are at most Binomial-like with
// mean L = A x daily leave probability x horizon days: the bound takes L + 8 sqrt(L) + 8,
// which a run exceeds with probability far below 1e-12; budget-driven hiring adds at
// most the growth to A and one full layoff-and-rehire cycle, 2 (A - population.reps).
// A run beyond the bound fails with a RunError (RepLedger::finish) rather than drop rows.
[[nodiscard]] std::size_t rep_rows_bound(const ModelParameters& p) noexcept;

class RepLedger {
 public:
  // `prospects` sizes the per-lead state (the response bucket of each prospect's current lead).
  explicit RepLedger(std::size_t prospects);

  // Rep ids are dense and hire-ordered: hired() is called with 0, 1, 2, ...
  void hired(std::uint32_t rep);
  void left(std::uint32_t rep, std::int64_t day);
  // An MQL routed to `rep`, worked or ignored; both start without a response ("never").
  void worked(std::uint32_t rep, std::uint32_t prospect);
  void ignored(std::uint32_t rep, std::uint32_t prospect);
  // The first response to the prospect's current MQL, `hours` after it arrived.
  void responded(std::uint32_t rep, std::uint32_t prospect, double hours);
  // A courtesy reply to an earlier, unworked lead of a prospect that has engaged again
  // since: it moves that lead (not the prospect's current one) out of "never".
  void responded_to_earlier_lead(std::uint32_t rep, double hours, bool routed_in_warm_up);
  // An opportunity opened by `rep`; `sales_sourced`: from its own prospecting, not an MQL.
  void qualified(std::uint32_t rep, std::uint32_t prospect, bool sales_sourced);
  void won(std::uint32_t rep, double deal_usd);
  // One rep's workday: hours of own prospecting out of its working hours.
  void workday(std::uint32_t rep, double prospecting_hours, double working_hours);
  // The warm-up ends (docs/model.md section 5): counts start afresh, like the run
  // recorder's; leads routed before are in no funnel row, but a later response still
  // gives them the bucket their qualification is counted in.
  void start_reporting();

  [[nodiscard]] std::size_t reps() const noexcept { return reps_.size(); }
  // The day the rep left, or -1.
  [[nodiscard]] std::int64_t left_day(std::uint32_t rep) const { return reps_.at(rep).left_day; }

  // The agent tables, [table][column][row]: `rep_rows` rows of reps (NaN past the last
  // hire), then the five response buckets. `at_end(rep)` gives what the simulation knows.
  // Throws alignsim::RunError if more reps were hired than `rep_rows` (the prepared run's
  // bound, sales_marketing_model.cpp); consumes the response-time samples.
  [[nodiscard]] std::vector<double> finish(std::size_t rep_rows, const std::function<RepAtEnd(std::uint32_t)>& at_end);

 private:
  struct RepCounts {
    std::int64_t worked = 0, ignored = 0, qualified = 0, won = 0;
    double bookings_usd = 0.0, prospecting_hours = 0.0, working_hours = 0.0;
    std::int64_t left_day = -1;
    std::vector<double> response_hours;
  };
  // The prospect's current MQL: its response bucket and whether it was worked.
  struct LeadState {
    std::uint8_t bucket = static_cast<std::uint8_t>(ResponseBucket::never);
    std::uint8_t worked = 0;
    std::uint8_t counted = 1;  // 0: routed in the warm-up, not in the funnel's leads and worked
  };

  void routed(std::uint32_t prospect, bool worked);
  [[nodiscard]] double& funnel(FunnelColumn column, std::size_t bucket) {
    return funnel_[static_cast<std::size_t>(column) * kBuckets + bucket];
  }

  static constexpr std::size_t kBuckets = static_cast<std::size_t>(ResponseBucket::count);
  std::vector<RepCounts> reps_;
  std::vector<LeadState> leads_;  // by prospect
  std::vector<double> funnel_;    // [column][bucket]
};

}  // namespace alignsim::model
