#pragma once
// Agent state as structure-of-arrays: one column per attribute, indexed by a dense id
// that is also the agent's stable id. Prospects are fixed within a run; reps are only
// ever appended (a rep who leaves is marked inactive, never erased), so ids stay valid.
#include <cstdint>
#include <vector>

#include "models/mechanisms/marketers.hpp"
#include "models/mechanisms/trust.hpp"
#include "models/response_queue.hpp"

namespace alignsim::model {

enum class Stage : std::uint8_t { dormant, lead, opportunity, customer, never_engages };

struct Prospects {
  std::vector<float> fit;             // latent fit phi in (0, 1)
  std::vector<float> deal_size_usd;   // value if won
  std::vector<float> engagement_multiplier;  // demand: relative engagement hazard
  std::vector<float> response_hours;  // hours to first contact of the current lead
  std::vector<std::uint32_t> rep;     // rep working the current lead or opportunity
  std::vector<std::uint16_t> episode; // leads so far (inquiries and own leads): keys the lead's draws
  std::vector<Stage> stage;
  std::vector<std::uint8_t> sales_sourced;  // prospecting: current lead found by the rep's own prospecting
  std::vector<std::uint8_t> hoarded;        // prospecting: ... and hidden from marketing
  std::vector<std::uint16_t> programme;     // marketers: the marketer whose programme reaches it (fixed)
  std::vector<std::int32_t> opened_day;     // the simulated day its current opportunity opened

  void resize(std::size_t n) {
    fit.resize(n);
    deal_size_usd.resize(n);
    engagement_multiplier.resize(n);
    response_hours.resize(n);
    rep.resize(n);
    episode.resize(n);
    stage.resize(n, Stage::dormant);
    sales_sourced.resize(n, 0);
    hoarded.resize(n, 0);
    programme.resize(n, 0);
    opened_day.resize(n, 0);
  }
  [[nodiscard]] std::size_t size() const noexcept { return fit.size(); }
};

struct Reps {
  std::vector<TrustState> trust;              // in marketing as a whole
  std::vector<std::vector<TrustState>> trust_in_marketer;  // [marketer][rep]: that marketer's record
  std::vector<ResponseQueue> response_queue;  // response: first responses waiting for the rep
  std::vector<double> free_at_hours;          // response: when the rep finishes the response in hand
  std::vector<std::int32_t> leads_waiting;    // routing, least-loaded: assigned, not yet contacted
  std::vector<double> experience_years;       // at hire
  std::vector<std::int32_t> hired_day;
  std::vector<double> capacity_multiplier;    // lead-handling speed relative to the average rep
  std::vector<std::int32_t> open_opportunities;
  std::vector<double> response_hours_today;    // rep hours of first responses started today (workday time use)
  std::vector<std::uint8_t> active;           // 0 once the rep has left
  std::vector<std::uint8_t> adopted_framework;  // enablement

  [[nodiscard]] std::size_t size() const noexcept { return trust.size(); }
  void append() {
    trust.emplace_back();
    for (auto& of_marketer : trust_in_marketer) of_marketer.emplace_back();
    response_queue.emplace_back();
    free_at_hours.push_back(0.0);
    leads_waiting.push_back(0);
    experience_years.push_back(0.0);
    hired_day.push_back(0);
    capacity_multiplier.push_back(1.0);
    open_opportunities.push_back(0);
    response_hours_today.push_back(0.0);
    active.push_back(1);
    adopted_framework.push_back(0);
  }
};

// What a marketer's programme produced over some stretch of time.
struct MarketerCounts {
  double inquiries = 0.0, mqls = 0.0, worked = 0.0;
  double bookings_usd = 0.0;  // won from its leads
  double spend_usd = 0.0;     // its share of the marketing budget, spent
};

// The marketers (models/mechanisms/marketers.hpp), one entry per marketer.
struct Marketers {
  std::vector<BarLearner> bar;                 // scoring bar and its learner
  std::vector<double> relevance_gain;          // content relevance gained in the field
  std::vector<std::uint8_t> mistakes_admitted; // after the first sync with admitted mistakes
  std::vector<double> lead_quality_since_sync; // sum of expected quality of its MQLs
  std::vector<std::int64_t> mqls_since_sync;
  std::vector<double> budget_share;            // of the marketing budget; sums to 1
  std::vector<double> adstock;                 // its programme's adstocked spend (USD/business day)
  std::vector<MarketerCounts> since_review;    // what its pay is judged on at the next review
  std::vector<MarketerCounts> in_horizon;      // the reported horizon so far (none of the warm-up)
  std::vector<MarketerCounts> at_period_start; // in_horizon when the reporting period began

  [[nodiscard]] std::size_t size() const noexcept { return bar.size(); }
  // Adds `amount` of one count to marketer m's review and horizon tallies.
  void count(std::uint32_t m, double MarketerCounts::*what, double amount = 1.0) {
    since_review[m].*what += amount;
    in_horizon[m].*what += amount;
  }
  // The warm-up ends (docs/model.md section 5): the horizon's tallies start afresh.
  void start_reporting() {
    in_horizon.assign(size(), {});
    at_period_start.assign(size(), {});
  }
  void resize(std::size_t n) {
    bar.resize(n);
    relevance_gain.resize(n, 0.0);
    mistakes_admitted.resize(n, 0);
    lead_quality_since_sync.resize(n, 0.0);
    mqls_since_sync.resize(n, 0);
    budget_share.resize(n, 0.0);
    adstock.resize(n, 0.0);
    since_review.resize(n);
    in_horizon.resize(n);
    at_period_start.resize(n);
  }
};

// Organisation-level state of marketing and the sales team (models/mechanisms/: feedback, content, syncs, budget).
struct Organisation {
  double scoring_noise_sd = 0.0;        // feedback: falls with feedback
  double content_relevance = 0.0;       // content: rises with sales input
  double trailing_bookings_per_day = 0.0;  // budget: smoothed bookings rate
  double bookings_today = 0.0;          // budget: input to the trailing rate tomorrow
  double marketing_budget_per_day = 0.0;   // budget
  double hiring_balance = 0.0;          // budget: fractional hires accumulated
  bool mistakes_admitted = false;       // syncs: after the first sync with admitted mistakes
  double lead_quality_since_sync = 0.0; // syncs: sum of expected quality of MQLs since the last sync
  std::int64_t mqls_since_sync = 0;
  std::vector<std::uint32_t> active_reps;  // ids of active reps, ascending
};

}  // namespace alignsim::model
