// M15 Budget follows revenue: rules and parameters.
#include "models/mechanisms/budget.hpp"

#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double steady_state_trailing_bookings(const BudgetParameters& b) noexcept {
  return b.marketing_fraction > 0 ? b.initial_marketing_usd_per_day / b.marketing_fraction : 0.0;
}

void update_budget(const BudgetParameters& b, Organisation& org) noexcept {
  org.trailing_bookings_per_day += (org.bookings_today - org.trailing_bookings_per_day) / b.trailing_days;
  org.bookings_today = 0.0;
  org.marketing_budget_per_day =
      b.follows_revenue ? b.marketing_fraction * org.trailing_bookings_per_day : b.initial_marketing_usd_per_day;
}

void hold_budget(Organisation& org) noexcept { org.bookings_today = 0.0; }

double demand_budget_factor(const BudgetParameters& b, double budget_per_day) noexcept {
  const double initial = b.initial_marketing_usd_per_day;
  return initial > 0 ? std::pow(budget_per_day / initial, b.demand_elasticity) : 1.0;
}

double adstocked_spend(double retention, double previous_adstock, double spend_today) noexcept {
  return (1.0 - retention) * spend_today + retention * previous_adstock;
}

double hill_saturation(double adstocked, double half_saturation, double shape) noexcept {
  if (!(adstocked > 0.0)) return 0.0;
  return 1.0 / (1.0 + std::pow(half_saturation / adstocked, shape));
}

double calibrated_programme_spend(const BudgetParameters& b, std::size_t programmes) noexcept {
  return b.initial_marketing_usd_per_day * (1.0 / static_cast<double>(programmes));
}

double programme_response(const BudgetParameters& b, double adstocked, double calibrated) noexcept {
  if (b.response == BudgetResponse::elasticity) {
    return calibrated > 0 ? std::pow(adstocked / calibrated, b.demand_elasticity) : 1.0;
  }
  const double reference = hill_saturation(calibrated, b.hill_half_saturation_usd_per_day, b.hill_shape);
  return reference > 0 ? hill_saturation(adstocked, b.hill_half_saturation_usd_per_day, b.hill_shape) / reference
                       : 1.0;
}

double hiring_drift(const BudgetParameters& b, double trailing_bookings_per_day, std::size_t active_reps) noexcept {
  const double desired = b.sales_fraction * trailing_bookings_per_day / b.rep_cost_usd_per_day;
  return (desired - static_cast<double>(active_reps)) / b.hiring_delay_days;
}

namespace binding {

std::vector<Binding> budget_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::budget, {
      boolean("budget.follows_revenue", &BudgetParameters::follows_revenue, &M::budget, true,
              {"", "M15: marketing budget is a fraction of trailing bookings", "seed 001 (Mary's budget); Forrester 1968"}),
      real("budget.initial_marketing_usd_per_day", &BudgetParameters::initial_marketing_usd_per_day, &M::budget,
           1000, 0, 1.0e9, {"USD/business day", "M15: marketing budget at the start", kAssumption}),
      real("budget.marketing_fraction", &BudgetParameters::marketing_fraction, &M::budget, 0.1, 0, 1,
           {"", "M15: marketing budget as a share of trailing bookings", "Gartner 2024 (8-11% of revenue)"}),
      real("budget.trailing_days", &BudgetParameters::trailing_days, &M::budget, 65, 1, 2600,
           {"business days", "M15: smoothing time of trailing bookings (65 = a quarter)", "seed 001"}),
      real("budget.demand_elasticity", &BudgetParameters::demand_elasticity, &M::budget, 0.5, 0, 3,
           {"", "M15: engagement hazard scales as (budget / initial budget)^elasticity", kAssumption}),
      choice("budget.response", &BudgetParameters::response, &M::budget, "elasticity", {"elasticity", "hill"},
             {"", "M15: how a programme's inquiries respond to its adstocked spend, relative to the initial budget "
                  "split equally: elasticity = (spend / that)^demand_elasticity, hill = Hill(spend) / Hill(that)",
              "Jin et al. 2017 (Google); Robyn; PyMC-Marketing"}),
      real("budget.hill_half_saturation_usd_per_day", &BudgetParameters::hill_half_saturation_usd_per_day, &M::budget,
           1000, 1e-6, 1.0e9,
           {"USD/business day", "M15: with budget.response hill, a programme's adstocked spend at which its "
                                "response is half its maximum (K of x^s / (x^s + K^s))", kAssumption}),
      real("budget.hill_shape", &BudgetParameters::hill_shape, &M::budget, 1.0, 0.1, 10,
           {"", "M15: with budget.response hill, the slope s of x^s / (x^s + K^s) (s <= 1 concave, s > 1 S-shaped)",
            "Jin et al. 2017 (Google)"}),
      real("budget.adstock_retention", &BudgetParameters::adstock_retention, &M::budget, 0.0, 0, 0.99,
           {"", "M15: share of a programme's adstocked spend carried into the next business day "
                "(a = (1 - r) spend + r a yesterday; 0 = no carry-over)", "Jin et al. 2017 (Google); Robyn"}),
      boolean("budget.headcount_follows_bookings", &BudgetParameters::headcount_follows_bookings, &M::budget, false,
              {"", "M15: rep headcount follows trailing bookings with a hiring delay", "Forrester 1968"}),
      real("budget.sales_fraction", &BudgetParameters::sales_fraction, &M::budget, 0.25, 0, 1,
           {"", "M15: share of trailing bookings spent on rep headcount", kAssumption}),
      real("budget.rep_cost_usd_per_day", &BudgetParameters::rep_cost_usd_per_day, &M::budget, 600, 1, 1.0e7,
           {"USD/business day", "M15: fully loaded cost of one rep", kAssumption}),
      real("budget.hiring_delay_days", &BudgetParameters::hiring_delay_days, &M::budget, 60, 1, 2600,
           {"business days", "M15: time constant of headcount adjustment", "Forrester 1968"}),
      integer("budget.max_reps", &BudgetParameters::max_reps, &M::budget, 5000, 1, 100000,
              {"reps", "M15: headcount cap (a guard against runaway growth)", "guard"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
