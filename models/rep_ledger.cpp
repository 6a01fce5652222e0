#include "models/rep_ledger.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "models/mechanisms/turnover.hpp"
#include <string>

#include "sim/errors.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double share(double part, double whole) { return whole > 0.0 ? part / whole : kNaN; }

}  // namespace

std::size_t rep_rows_bound(const ModelParameters& p) noexcept {
  const double initial = static_cast<double>(std::max<std::int64_t>(p.population.reps, 0));
  const double most_active =
      p.budget.headcount_follows_bookings ? std::max(initial, static_cast<double>(p.budget.max_reps)) : initial;
  const double leavers =
      most_active * daily_leave_probability(p.reps) * static_cast<double>(std::max<std::int64_t>(p.run.horizon_days, 0));
  const double turnover_hires = leavers > 0.0 ? std::ceil(leavers + 8.0 * std::sqrt(leavers) + 8.0) : 0.0;
  const double budget_hires = 2.0 * (most_active - initial);
  return std::max<std::size_t>(1, static_cast<std::size_t>(initial + turnover_hires + budget_hires));
}

RepLedger::RepLedger(std::size_t prospects)
    : leads_(prospects), funnel_(static_cast<std::size_t>(FunnelColumn::count) * kBuckets, 0.0) {}

void RepLedger::hired(std::uint32_t rep) {
  if (rep != reps_.size()) throw RunError("rep " + std::to_string(rep) + " hired out of order");
  reps_.emplace_back();
}

void RepLedger::left(std::uint32_t rep, std::int64_t day) { reps_.at(rep).left_day = day; }

void RepLedger::routed(std::uint32_t prospect, bool worked) {
  LeadState& lead = leads_[prospect];
  lead = {static_cast<std::uint8_t>(ResponseBucket::never), static_cast<std::uint8_t>(worked ? 1 : 0), 1};
  funnel(FunnelColumn::leads, lead.bucket) += 1.0;
  if (worked) funnel(FunnelColumn::worked, lead.bucket) += 1.0;
}

void RepLedger::worked(std::uint32_t rep, std::uint32_t prospect) {
  ++reps_[rep].worked;
  routed(prospect, true);
}

void RepLedger::ignored(std::uint32_t rep, std::uint32_t prospect) {
  ++reps_[rep].ignored;
  routed(prospect, false);
}

// Moves the lead from "never" to the bucket of its response.
void RepLedger::responded(std::uint32_t rep, std::uint32_t prospect, double hours) {
  reps_[rep].response_hours.push_back(hours);
  LeadState& lead = leads_[prospect];
  const auto bucket = static_cast<std::uint8_t>(response_bucket(hours));
  if (lead.counted == 0) {  // routed in the warm-up: not in the funnel's leads
    lead.bucket = bucket;
    return;
  }
  funnel(FunnelColumn::leads, lead.bucket) -= 1.0;
  funnel(FunnelColumn::leads, bucket) += 1.0;
  if (lead.worked != 0) {
    funnel(FunnelColumn::worked, lead.bucket) -= 1.0;
    funnel(FunnelColumn::worked, bucket) += 1.0;
  }
  lead.bucket = bucket;
}

void RepLedger::responded_to_earlier_lead(std::uint32_t rep, double hours, bool routed_in_warm_up) {
  reps_[rep].response_hours.push_back(hours);
  if (routed_in_warm_up) return;
  funnel(FunnelColumn::leads, static_cast<std::uint8_t>(ResponseBucket::never)) -= 1.0;
  funnel(FunnelColumn::leads, static_cast<std::uint8_t>(response_bucket(hours))) += 1.0;
}

void RepLedger::start_reporting() {
  for (RepCounts& r : reps_) {
    const std::int64_t left = r.left_day;
    r = RepCounts{};
    r.left_day = left;
  }
  for (LeadState& lead : leads_) lead.counted = 0;
  std::fill(funnel_.begin(), funnel_.end(), 0.0);
}

void RepLedger::qualified(std::uint32_t rep, std::uint32_t prospect, bool sales_sourced) {
  ++reps_[rep].qualified;
  if (!sales_sourced) funnel(FunnelColumn::qualified, leads_[prospect].bucket) += 1.0;
}

void RepLedger::won(std::uint32_t rep, double deal_usd) {
  ++reps_[rep].won;
  reps_[rep].bookings_usd += deal_usd;
}

void RepLedger::workday(std::uint32_t rep, double prospecting_hours, double working_hours) {
  reps_[rep].prospecting_hours += prospecting_hours;
  reps_[rep].working_hours += working_hours;
}

std::vector<double> RepLedger::finish(std::size_t rep_rows, const std::function<RepAtEnd(std::uint32_t)>& at_end) {
  if (reps_.size() > rep_rows) {
    throw RunError(std::to_string(reps_.size()) + " reps were hired in this run, more than the " +
                   std::to_string(rep_rows) +
                   " rows of /agents/reps its settings allow (population.reps, reps.annual_turnover, "
                   "budget.max_reps): raise budget.max_reps or lower reps.annual_turnover");
  }
  constexpr auto kColumns = static_cast<std::size_t>(RepColumn::count);
  std::vector<double> values(kColumns * rep_rows, kNaN);
  const auto cell = [&](RepColumn column, std::size_t rep) -> double& {
    return values[static_cast<std::size_t>(column) * rep_rows + rep];
  };
  for (std::size_t rep = 0; rep < reps_.size(); ++rep) {
    RepCounts& r = reps_[rep];
    const RepAtEnd end = at_end(static_cast<std::uint32_t>(rep));
    cell(RepColumn::experience_years, rep) = end.experience_years;
    cell(RepColumn::capacity_multiplier, rep) = end.capacity_multiplier;
    cell(RepColumn::active_at_end, rep) = end.active ? 1.0 : 0.0;
    cell(RepColumn::leads_received, rep) = static_cast<double>(r.worked + r.ignored);
    cell(RepColumn::leads_worked, rep) = static_cast<double>(r.worked);
    cell(RepColumn::leads_ignored, rep) = static_cast<double>(r.ignored);
    // The summary's median (the same quantile rule), over this rep's responses.
    cell(RepColumn::median_response_hours, rep) = sim::quantile(std::move(r.response_hours), 0.5);
    cell(RepColumn::qualified, rep) = static_cast<double>(r.qualified);
    cell(RepColumn::won, rep) = static_cast<double>(r.won);
    cell(RepColumn::bookings_usd, rep) = r.bookings_usd;
    cell(RepColumn::own_prospecting_share, rep) = share(r.prospecting_hours, r.working_hours);
    cell(RepColumn::trust_at_end, rep) = end.trust;
    r.response_hours = {};
  }
  values.insert(values.end(), funnel_.begin(), funnel_.end());
  return values;
}

}  // namespace alignsim::model
