#pragma once
// Agent state as structure-of-arrays: one column per attribute, indexed by a dense id
// that is also the agent's stable id (the populations are fixed within a run).
#include <cstdint>
#include <vector>

#include "models/trust_learner.hpp"

namespace alignsim::model {

enum class Stage : std::uint8_t { dormant, mql_worked, opportunity, customer, never_engages };

struct Prospects {
  std::vector<float> fit;             // latent fit phi in (0, 1)
  std::vector<float> deal_size_usd;   // value if won
  std::vector<float> engagement_multiplier;  // M1 relative hazard
  std::vector<float> response_hours;  // hours to first contact of the current lead
  std::vector<std::uint32_t> rep;     // rep working the current lead
  std::vector<std::uint16_t> episode; // engagements so far: keys the lead's random draws
  std::vector<Stage> stage;

  void resize(std::size_t n) {
    fit.resize(n);
    deal_size_usd.resize(n);
    engagement_multiplier.resize(n);
    response_hours.resize(n);
    rep.resize(n);
    episode.resize(n);
    stage.resize(n, Stage::dormant);
  }
  [[nodiscard]] std::size_t size() const noexcept { return fit.size(); }
};

struct Reps {
  std::vector<TrustState> trust;
  std::vector<double> free_at_hours;        // M5: when the rep's lead queue empties
  std::vector<std::int32_t> leads_waiting;  // M3 least-loaded: assigned, not yet contacted

  void resize(std::size_t n) {
    trust.resize(n);
    free_at_hours.resize(n, 0.0);
    leads_waiting.resize(n, 0);
  }
  [[nodiscard]] std::size_t size() const noexcept { return trust.size(); }
};

}  // namespace alignsim::model
