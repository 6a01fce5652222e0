#include "models/calibration_cautions.hpp"

#include <cstdio>
#include <string>

#include "models/mechanisms/mechanism.hpp"

namespace alignsim::model {
namespace {

std::string dollars(double value) {
  char text[32];
  std::snprintf(text, sizeof text, value >= 10 ? "$%.0f" : "$%.3g", value);
  return text;
}

// The budget (models/mechanisms/budget.cpp) starts at the initial budget and then
// follows trailing bookings, which grow with the market, and demand follows the budget
// (elasticity). A budget that is not scaled
// with population.prospects therefore drives demand per prospect far from the baseline's:
// seen when 10^6-prospect benchmarks kept $1,000/day and the loop ran away.
void check_budget_per_prospect(const ModelParameters& p, std::vector<sim::SettingCaution>& cautions) {
  const BudgetParameters& budget = p.budget;
  if (!p.demand.enabled || !budget.follows_revenue || budget.demand_elasticity <= 0.0) return;
  const double per_prospect = budget.initial_marketing_usd_per_day / static_cast<double>(p.population.prospects);
  const double ratio = per_prospect / kCalibratedBudgetPerProspect;
  constexpr double kRounding = 1e-9;  // so that exactly 5x or 1/5 counts as inside
  const double spread = kBudgetPerProspectTolerance * (1 + kRounding);
  if (ratio <= spread && ratio * spread >= 1.0) return;
  char factor[32];
  std::snprintf(factor, sizeof factor, ratio >= 1 ? "%.3g times" : "1/%.3g of", ratio >= 1 ? ratio : 1.0 / ratio);
  cautions.push_back(
      {"budget.initial_marketing_usd_per_day",
       dollars(budget.initial_marketing_usd_per_day) + " per day for " + std::to_string(p.population.prospects) +
           " prospects is " + dollars(per_prospect) + " per prospect, " + factor + " the calibrated " +
           dollars(kCalibratedBudgetPerProspect) +
           "; as the budget follows bookings (" + mechanism_tag(Mechanism::budget) + ") demand per prospect will drift far from the baseline's. "
           "Scale the budget with population.prospects (as scenarios/bench/ do) unless that drift is the question"});
}

}  // namespace

std::vector<sim::SettingCaution> calibration_cautions(const ModelParameters& parameters) {
  std::vector<sim::SettingCaution> cautions;
  check_budget_per_prospect(parameters, cautions);
  return cautions;
}

}  // namespace alignsim::model
