// M3 Routing: rules and parameters.
#include "models/mechanisms/routing.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

std::uint32_t round_robin_rep(const std::vector<std::uint32_t>& active, std::uint32_t& next) noexcept {
  next = next % static_cast<std::uint32_t>(active.size());  // the team may have shrunk
  return active[next++];
}

std::uint32_t least_loaded_rep(const std::vector<std::uint32_t>& active,
                               const std::vector<std::int32_t>& leads_waiting) noexcept {
  return *std::min_element(active.begin(), active.end(),
                           [&](std::uint32_t a, std::uint32_t b) { return leads_waiting[a] < leads_waiting[b]; });
}

std::uint32_t random_rep(const std::vector<std::uint32_t>& active, double u) noexcept {
  const auto count = static_cast<std::uint32_t>(active.size());
  return active[std::min(count - 1, static_cast<std::uint32_t>(u * count))];
}

namespace binding {

std::vector<Binding> routing_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::routing, {
      choice("routing.policy", &RoutingParameters::policy, &M::routing, "round_robin",
             {"round_robin", "least_loaded", "random"},
             {"", "M3: how MQLs are assigned to reps", "HBR 2011"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
