#pragma once
// Why a random number is drawn. Part of every draw's key (sim::DrawKey::purpose), so
// adding a draw for a new purpose never shifts the numbers of existing ones.
//
// Lead-related draws are keyed by (prospect, lead episode) rather than by the day: the
// k-th lead of a prospect sees the same numbers in every variant even when a what-if
// makes it happen on another day, which keeps variant differences paired. Rep draws are
// keyed by (rep, day); rep ids are stable (reps are only appended).
#include <cstdint>

namespace alignsim::model {

enum class Purpose : std::uint32_t {
  prospect_traits = 1,  // set-up: fit, deal size and first threshold from one call (models/prospect_traits.hpp)
  // 2 is retired (the deal size had its own call before issue 17); not reused, so old
  // and new keys can never be mistaken for each other in a reading of the code.
  engagement_threshold = 3,  // the next engagement after a lead episode ends
  // 4 is retired: an inquiry's arrival hour is the second uniform of its scoring call.
  scoring_noise = 5,  // an inquiry's score noise (first uniform) and arrival hour (second)
  followup_decision = 6,
  pickup_delay = 7,   // response: the time a free rep takes to see a task
  set_aside = 8,      // response: how long a task the rep sets aside waits to join the queue
  qualification = 9,
  sales_cycle = 10,
  win = 11,
  initial_trust = 12,
  random_routing = 13,
  fixed_response = 14,
  courtesy_response = 15,
  rep_experience = 16,
  rep_capacity = 17,
  rep_turnover = 18,
  own_lead_count = 19,
  own_lead_pick = 20,
  hoarding = 21,
  feedback_report = 22,
  churn_threshold = 23,
  framework_adoption = 24,
  triage = 25,        // response: urgent or set aside
};

[[nodiscard]] constexpr std::uint32_t id(Purpose p) noexcept { return static_cast<std::uint32_t>(p); }

// Reps draw from agent ids above every prospect id.
inline constexpr std::uint64_t kRepAgentOffset = std::uint64_t{1} << 40;

}  // namespace alignsim::model
