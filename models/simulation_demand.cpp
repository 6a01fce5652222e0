// The demand part of the day's schedule: the engagement clocks advance, engaged
// prospects make inquiries, and scoring makes some of them MQLs (models/mechanisms/
// demand, scoring). A large market's shared clock is split into shards that run in
// parallel (models/demand_shards.hpp explains why the outcome is the serial one).
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <limits>
#include <string>

#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/content.hpp"
#include "models/mechanisms/demand.hpp"
#include "models/mechanisms/scoring.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"
#include "sim/random/normal_quantile.hpp"
#include "sim/run/thread_handoff.hpp"

namespace alignsim::model {
namespace {
constexpr double kHoursPerDay = 24.0;

// Out of line, so that start_inquiry stays small enough to inline into both loops.
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] void throw_too_many_leads(std::uint32_t prospect) {
  throw RunError("prospect " + std::to_string(prospect) + " had more than 65,535 leads");
}
}  // namespace

void Simulation::set_up_demand_clocks(const std::vector<double>& first_threshold) {
  const std::size_t n = first_threshold.size();
  clock_per_programme_ = programmes_respond_to_own_spend(*p_);
  if (clock_per_programme_) programme_clocks_.resize(static_cast<std::size_t>(p_->marketers.count));
  const std::size_t wanted =
      clock_per_programme_ ? 1 : (requested_demand_shards_ > 0 ? requested_demand_shards_ : demand_shard_count(n));
  const DemandShardLayout layout = demand_shard_layout(n, wanted);
  demand_shard_shift_ = layout.shift;
  demand_shards_.resize(layout.shards);
  shard_inquiries_.resize(layout.shards);
  // Each prospect's first threshold on its programme's clock, or its shard of the shared one.
  for (std::uint32_t i = 0; i < n; ++i) {
    demand_clock_of(i).add(i, 0, first_threshold[i], prospects_.engagement_multiplier[i]);
  }
}

double Simulation::daily_engagement_hazard(std::int64_t day, double budget_factor) const {
  const auto& d = p_->demand;
  if (!d.enabled) return 0.0;
  const double lift = content_lift_today(p_->content.engagement_effect);
  const double hazard = model::daily_engagement_hazard(d, adopters(d, ever_engaged_, customers_),
                                                       static_cast<double>(p_->population.prospects), budget_factor,
                                                       lift);
  check_engagement_hazard(day, hazard, budget_factor, lift);
  return hazard;
}

void Simulation::advance_demand_shards(double hazard) {
  if (demand_shards_.size() == 1) {
    demand_shards_.front().advance(hazard, due_today_);
    return;
  }
  timed_due_today_.clear();
  for (auto& shard : demand_shards_) shard.advance(hazard, timed_due_today_);
  merge_timed_dues();
}

void Simulation::merge_timed_dues() {
  std::sort(timed_due_today_.begin(), timed_due_today_.end());  // one clock's order
  for (const auto& due : timed_due_today_) due_today_.push_back({due.prospect, due.tag});
}

Simulation::InquiryStart Simulation::start_inquiry(const EngagementClock::Due& due) {
  const std::uint32_t prospect = due.prospect;
  // Stale entry: a rep's own prospecting took the prospect out of the pool meanwhile.
  if (prospects_.stage[prospect] != Stage::dormant || prospects_.episode[prospect] != due.tag) return {};
  InquiryStart start{.taken = true, .first_engagement = prospects_.episode[prospect] == 0};
  if (prospects_.episode[prospect] == std::numeric_limits<std::uint16_t>::max()) [[unlikely]] {
    throw_too_many_leads(prospect);
  }
  ++prospects_.episode[prospect];
  prospects_.stage[prospect] = Stage::lead;
  // One call for the inquiry: its score's noise and, for an MQL, the hour it arrives.
  const auto [score_uniform, hour_uniform] = random_.uniform_pair(lead_key(prospect, Purpose::scoring_noise));
  start.mql = becomes_mql(prospect, score_uniform);
  start.hour = kHoursPerDay * hour_uniform;
  return start;
}

void Simulation::admit_mql(std::int64_t day, std::uint32_t prospect, double hour) {
  recorder_.mql(day);
  note_marketer_mql(prospect);
  mqls_today_.push_back({prospect, hour});
}

void Simulation::engage_prospects(std::int64_t day) {
  due_today_.clear();
  mqls_today_.clear();
  if (clock_per_programme_) {
    advance_programme_clocks(day);
  } else {
    const double hazard = daily_engagement_hazard(day, demand_budget_factor(p_->budget, org_.marketing_budget_per_day));
    // The CRM log records every inquiry in the dues' order: it takes the serial step.
    if (demand_shards_.size() > 1 && crm_ == nullptr) {
      engage_in_shards(day, hazard);
      return;
    }
    advance_demand_shards(hazard);
  }
  for (const auto& due : due_today_) {
    const InquiryStart inquiry = start_inquiry(due);
    if (!inquiry.taken) continue;
    const std::uint32_t prospect = due.prospect;
    if (inquiry.first_engagement) ++ever_engaged_;
    recorder_.inquiry(day);
    marketers_.count(marketer_of(prospect), &MarketerCounts::inquiries);
    if (crm_ != nullptr) {
      crm_->lead_created(prospect, prospects_.episode[prospect], prospects_.programme[prospect],
                         static_cast<double>(day) * kHoursPerDay + inquiry.hour, inquiry.mql, false, -1);
      if (!inquiry.mql) crm_->lead_ended(prospect, LeadEnd::not_mql, crm_->leads.back().created_hours);
    }
    if (!inquiry.mql) {
      return_to_nurture(prospect);
      continue;
    }
    admit_mql(day, prospect, inquiry.hour);
  }
}

void Simulation::engage_shard(double hazard, std::size_t shard) {
  ShardInquiries& out = shard_inquiries_[shard];
  out.clear(marketers_.size());
  demand_shards_[shard].advance(hazard, out.due);
  for (const auto& due : out.due) {
    try {
      const InquiryStart inquiry = start_inquiry({due.prospect, due.tag});
      if (!inquiry.taken) continue;
      out.first_engagements += inquiry.first_engagement ? 1 : 0;
      ++out.inquiries;
      out.inquiries_by_marketer[marketer_of(due.prospect)] += 1.0;
      if (inquiry.mql) {
        out.mqls.push_back({due, inquiry.hour});
      } else {
        return_to_nurture(due.prospect);  // the prospect's columns and this shard's clock only
      }
    } catch (const RunError& error) {  // rethrown by the caller, the earliest shard's first
      out.failed = true;
      out.failed_at = due;
      out.failure = error.what();
      return;
    }
  }
}

void Simulation::engage_in_shards(std::int64_t day, double hazard) {
  const char handoff = 0;
  sim::release_handoff(&handoff);
  oneapi::tbb::parallel_for(std::size_t{0}, demand_shards_.size(), [&](std::size_t shard) {
    sim::acquire_handoff(&handoff);
    engage_shard(hazard, shard);
    sim::release_handoff(&handoff);
  });
  sim::acquire_handoff(&handoff);
  // A failure the serial step would have met first: the earliest in the dues' order.
  const ShardInquiries* failed = nullptr;
  for (const auto& shard : shard_inquiries_) {
    if (shard.failed && (failed == nullptr || shard.failed_at < failed->failed_at)) failed = &shard;
  }
  if (failed != nullptr) throw RunError(failed->failure);
  // Counts are whole numbers: summed shard by shard they are the serial step's, exactly.
  std::int64_t inquiries = 0;
  for (const auto& shard : shard_inquiries_) {
    ever_engaged_ += shard.first_engagements;
    inquiries += shard.inquiries;
    for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
      if (shard.inquiries_by_marketer[m] > 0.0) {
        marketers_.count(m, &MarketerCounts::inquiries, shard.inquiries_by_marketer[m]);
      }
    }
  }
  recorder_.inquiries(day, inquiries);
  // The MQLs in one clock's order (each shard's list is in it already).
  merged_mqls_.clear();
  for (const auto& shard : shard_inquiries_) merged_mqls_.insert(merged_mqls_.end(), shard.mqls.begin(), shard.mqls.end());
  std::sort(merged_mqls_.begin(), merged_mqls_.end());
  for (const ShardMql& mql : merged_mqls_) admit_mql(day, mql.due.prospect, mql.hour);
}

bool Simulation::becomes_mql(std::uint32_t prospect, double uniform) const {
  const auto& s = p_->scoring;
  if (!s.enabled) return uniform < s.fixed_mql_probability;
  const double score = prospects_.fit[prospect] + org_.scoring_noise_sd * sim::standard_normal_quantile(uniform);
  return scores_as_mql(score, marketers_.bar[marketer_of(prospect)].bar);
}

}  // namespace alignsim::model
