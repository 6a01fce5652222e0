#include "cli/key_outcomes.hpp"

#include "models/metrics.hpp"

namespace alignsim::cli {
namespace {

const std::vector<KeyOutcome>& sales_key_outcomes() {
  using model::Summary;
  static const std::vector<KeyOutcome> outcomes{
      {static_cast<std::size_t>(Summary::mqls), "MQLs"},
      {static_cast<std::size_t>(Summary::share_mqls_ignored), "share of MQLs ignored", 3},
      {static_cast<std::size_t>(Summary::median_response_hours), "median response time", 4},
      {static_cast<std::size_t>(Summary::win_rate), "win rate"},
      {static_cast<std::size_t>(Summary::wins), "deals won", 2},
      {static_cast<std::size_t>(Summary::bookings_usd), "bookings", 1},
      {static_cast<std::size_t>(Summary::mean_rep_trust_end), "mean rep trust (0-1)"},
      // One line per alignment mechanism (M9-M17), so every what-if shows its lever.
      {static_cast<std::size_t>(Summary::prospecting_time_share), "rep time on own prospecting"},
      {static_cast<std::size_t>(Summary::hoarded_leads), "own leads hidden from marketing"},
      {static_cast<std::size_t>(Summary::scoring_noise_end), "lead-scoring noise (sd)"},
      {static_cast<std::size_t>(Summary::content_relevance_end), "content relevance (0-1)"},
      {static_cast<std::size_t>(Summary::marketing_budget_share_of_revenue), "marketing budget / revenue"},
      {static_cast<std::size_t>(Summary::reps_end), "reps at the end"},
      {static_cast<std::size_t>(Summary::customers_end), "customers at the end"},
      {static_cast<std::size_t>(Summary::retention), "customer retention"},
      {static_cast<std::size_t>(Summary::framework_adoption_end), "reps using the selling framework"},
  };
  return outcomes;
}

}  // namespace

// The sales model's executive summary; any other model shows every summary metric.
std::vector<KeyOutcome> key_outcomes(const experiment::Experiment& loaded) {
  if (loaded.model->name == "sales_marketing") return sales_key_outcomes();
  std::vector<KeyOutcome> outcomes;
  const auto& summary = loaded.model->outputs().summary;
  for (std::size_t m = 0; m < summary.size(); ++m) outcomes.push_back({m, summary[m].name});
  return outcomes;
}

}  // namespace alignsim::cli
