#pragma once
// The interface of budget.cpp, the home of this mechanism (headed by its number).
// Budget follows revenue (docs/model.md; seed 001; Forrester 1968): marketing spend
// and headcount track bookings.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstddef>

#include "models/agents.hpp"
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Trailing bookings the initial budget implies: the run starts in steady state.
[[nodiscard]] double steady_state_trailing_bookings(const BudgetParameters& b) noexcept;

// Start of a business day: yesterday's bookings enter the trailing rate (exponential
// smoothing) and set today's marketing budget (fixed when it does not follow revenue).
void update_budget(const BudgetParameters& b, Organisation& org) noexcept;

// A business day of the warm-up (docs/model.md section 5): budget and trailing bookings
// stay at the initial steady state while the empty pipeline fills, since bookings from
// a half-empty pipeline would understate the going concern's and cut its budget.
void hold_budget(Organisation& org) noexcept;

// Relative demand from today's budget: (budget / initial)^elasticity (1 without an
// initial budget).
[[nodiscard]] double demand_budget_factor(const BudgetParameters& b, double budget_per_day) noexcept;

// A programme's response to its spend, the adstock-and-saturation form of marketing-mix
// models (Jin et al. 2017; Robyn; PyMC-Marketing), so that a company's own mix results
// can set it. Spend is USD per business day.
//
// Geometric adstock, normalised so that constant spend x gives adstock x:
// a_t = (1 - retention) x_t + retention a_{t-1}.
[[nodiscard]] double adstocked_spend(double retention, double previous_adstock, double spend_today) noexcept;
// Hill saturation x^s / (x^s + K^s) (K: half saturation, s: shape), in [0, 1]; 1/2 at
// x = K. Written as 1 / (1 + (K/x)^s), which neither overflows nor divides 0 by 0.
[[nodiscard]] double hill_saturation(double adstocked, double half_saturation, double shape) noexcept;
// A programme's spend in the calibrated state: the initial budget split equally.
[[nodiscard]] double calibrated_programme_spend(const BudgetParameters& b, std::size_t programmes) noexcept;
// The programme's demand factor relative to the calibrated state (1 there, so a scenario
// that keeps the initial budget and equal shares keeps its calibration): elasticity,
// (a / calibrated)^demand_elasticity; hill, Hill(a) / Hill(calibrated). 1 when the
// calibrated spend (or its Hill value) is 0, as demand_budget_factor without a budget.
[[nodiscard]] double programme_response(const BudgetParameters& b, double adstocked, double calibrated) noexcept;

// Fractional hires to add today (negative: lay-offs): headcount moves toward what
// trailing bookings pay for, closing the gap with time constant hiring_delay_days.
[[nodiscard]] double hiring_drift(const BudgetParameters& b, double trailing_bookings_per_day,
                                  std::size_t active_reps) noexcept;

}  // namespace alignsim::model
