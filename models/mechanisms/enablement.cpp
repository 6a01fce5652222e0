// M17 Sales enablement adoption: rules and parameters.
#include "models/mechanisms/enablement.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double framework_share(const std::vector<std::uint32_t>& active, const std::vector<std::uint8_t>& adopted) {
  std::size_t adopters = 0;
  for (std::uint32_t rep : active) adopters += adopted[rep];
  const auto count = static_cast<double>(active.size());
  return count > 0 ? static_cast<double>(adopters) / count : 0.0;
}

double adoption_probability(const EnablementParameters& e, std::int64_t day, double trust,
                            double peer_share) noexcept {
  const double trust_factor = trust / 0.5;
  return day == e.meeting_day ? std::min(1.0, e.meeting_adoption * trust_factor)
                              : 1.0 - std::exp(-e.peer_rate * peer_share * trust_factor);
}

double framework_win_multiplier(const EnablementParameters& e) noexcept { return 1.0 + e.win_uplift; }

double framework_cycle_multiplier(const EnablementParameters& e) noexcept { return 1.0 - e.cycle_reduction; }

namespace binding {

std::vector<Binding> enablement_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::enablement, {
      boolean("enablement.enabled", &EnablementParameters::enabled, &M::enablement, false,
              {"", "M17: marketing brings sales a selling framework, explained in a sales meeting", "seed 003"}),
      integer("enablement.meeting_day", &EnablementParameters::meeting_day, &M::enablement, 20, 0, 26000,
              {"business day", "M17: day of the sales meeting that introduces the framework", "seed 003"}),
      real("enablement.meeting_adoption", &EnablementParameters::meeting_adoption, &M::enablement, 0.3, 0, 1,
           {"", "M17: adoption probability at the meeting for a rep with trust 0.5 (scales with trust)", "seed 003"}),
      real("enablement.peer_rate", &EnablementParameters::peer_rate, &M::enablement, 0.03, 0, 1,
           {"1/business day", "M17: adoption hazard when all peers use it, for trust 0.5 (scales with trust)",
            "seed 003; Rogers 2003"}),
      real("enablement.win_uplift", &EnablementParameters::win_uplift, &M::enablement, 0.2, 0, 5,
           {"", "M17: relative rise in win probability for adopters", "seed 003"}),
      real("enablement.cycle_reduction", &EnablementParameters::cycle_reduction, &M::enablement, 0.15, 0, 0.9,
           {"", "M17: relative shortening of adopters' sales cycles", "seed 003"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
