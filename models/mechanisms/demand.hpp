#pragma once
// The interface of demand.cpp, the home of this mechanism (headed by its number).
// Demand generation (docs/model.md; Bass 1969): when dormant accounts make an
// inquiry.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// Relative engagement hazard of an account with fit phi; mean 1 at phi = 0.5.
[[nodiscard]] double engagement_multiplier(double fit, double fit_weight) noexcept;

// Who counts as an adopter for word of mouth: customers, or every account that ever
// engaged (classic Bass on inquiries).
[[nodiscard]] double adopters(const DemandParameters& d, std::int64_t ever_engaged, std::int64_t customers) noexcept;

// Today's engagement hazard of an account of multiplier 1 (1/business day): Bass
// innovation plus imitation in proportion to the adopters' share, scaled by the
// budget's factor (budget.hpp) and the content's lift (content.hpp). 0 when off. The
// engagement clock turns it into due dates exactly (models/engagement_clock.hpp).
[[nodiscard]] double daily_engagement_hazard(const DemandParameters& d, double adopters, double prospects,
                                             double budget_factor, double content_lift) noexcept;

// The largest daily engagement hazard a run accepts (1/business day). The baseline's is
// about 0.002; at 50 every dormant account engages on every day with certainty, so a
// hazard beyond this is a feedback loop that ran away (revenue raises the budget, the
// budget raises demand: issue 16), not a market.
inline constexpr double kMaxDailyEngagementHazard = 1e3;

// Throws alignsim::RunError if `hazard` is not a number or exceeds the maximum, naming
// the factor and the parameters that drove it.
void check_engagement_hazard(std::int64_t day, double hazard, double budget_factor, double content_lift);

}  // namespace alignsim::model
