// M13 Regular syncs and transparency: rules and parameters.
#include "models/mechanisms/syncs.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

bool is_sync_day(const SyncParameters& s, std::int64_t day) noexcept {
  return s.enabled && (day + 1) % s.interval_days == 0;
}

void note_mql_for_sync(Organisation& org, double quality) noexcept {
  org.lead_quality_since_sync += quality;
  ++org.mqls_since_sync;
}

double bad_news_weight(const TrustParameters& t, const SyncParameters& s, bool mistakes_admitted) noexcept {
  return mistakes_admitted ? std::min(t.bad_news_weight, s.admitted_bad_news_weight) : t.bad_news_weight;
}

void hold_sync(const SyncParameters& s, double boost, Organisation& org, std::vector<TrustState>& trust) noexcept {
  if (s.admit_mistakes) org.mistakes_admitted = true;
  share_at_sync(s, boost, org.lead_quality_since_sync, org.mqls_since_sync, org.active_reps, trust);
  org.lead_quality_since_sync = 0.0;
  org.mqls_since_sync = 0;
}

void share_at_sync(const SyncParameters& s, double boost, double quality_sum, std::int64_t mqls,
                   const std::vector<std::uint32_t>& reps, std::vector<TrustState>& trust) noexcept {
  if (mqls > 0 && s.shared_data_weight > 0) {
    const double quality = quality_sum / static_cast<double>(mqls);
    const double weight = std::min(1.0, s.shared_data_weight * boost);
    for (std::uint32_t rep : reps) {
      auto& t = trust[rep];
      move_trust(t, t.trust + weight * (quality - t.trust));
    }
  }
  if (s.team_averaging > 0) {
    const double mean = mean_trust(reps, trust);
    const double weight = std::min(1.0, s.team_averaging * boost);
    for (std::uint32_t rep : reps) {
      auto& t = trust[rep];
      move_trust(t, (1.0 - weight) * t.trust + weight * mean);
    }
  }
}

namespace binding {

std::vector<Binding> syncs_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::syncs, {
      boolean("syncs.enabled", &SyncParameters::enabled, &M::syncs, false,
              {"", "M13: regular sales-marketing syncs", "seeds 002, 003, 004"}),
      integer("syncs.interval_days", &SyncParameters::interval_days, &M::syncs, 10, 1, 260,
              {"business days", "M13: days between syncs", "seed 004"}),
      real("syncs.shared_data_weight", &SyncParameters::shared_data_weight, &M::syncs, 0.3, 0, 1,
           {"", "M13: pull of shared outcome data of all leads on each rep's trust at a sync",
            "seed 004 step 2 (same data and tools)"}),
      boolean("syncs.admit_mistakes", &SyncParameters::admit_mistakes, &M::syncs, false,
              {"", "M13: marketing admits bad batches, so bad leads weigh less on trust", "seed 002"}),
      real("syncs.admitted_bad_news_weight", &SyncParameters::admitted_bad_news_weight, &M::syncs, 0.7, 0.1, 10,
           {"", "M13: EWMA weight multiplier of a bad lead once marketing admits its mistakes", "seed 002"}),
      real("syncs.team_averaging", &SyncParameters::team_averaging, &M::syncs, 0.2, 0, 1,
           {"", "M13: weight of the team's mean trust in each rep's trust at a sync", "seed 003"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
