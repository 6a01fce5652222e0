#pragma once
// The identity of each mechanism family of docs/model.md ("7. Submodels"): its number
// and its file in this folder. The tag ("M" and the number) is made here from the
// number, so each tag is written out only in the .cpp file that holds the mechanism (its
// rules and parameters) and `grep -rw` of a tag in models/ finds that one file
// (tests/models/mechanism_homes.sh).
#include <cstdint>
#include <string>

namespace alignsim::model {

enum class Mechanism : std::uint8_t {
  none = 0,        // not a mechanism: run settings, population, rep heterogeneity
  demand = 1,      // demand.hpp
  scoring,         // scoring.hpp
  routing,         // routing.hpp
  followup,        // followup.hpp
  response,        // response.hpp
  qualification,   // qualification.hpp
  close,           // close.hpp
  trust,           // trust.hpp
  prospecting,     // prospecting.hpp
  feedback,        // feedback.hpp
  content,         // content.hpp
  incentives,      // incentives.hpp
  syncs,           // syncs.hpp
  turnover,        // turnover.hpp (turnover and cross-team onboarding)
  budget,          // budget.hpp
  churn,           // churn.hpp
  enablement,      // enablement.hpp
  marketers,       // marketers.hpp
};

inline constexpr int kMechanismCount = 18;

// "M" followed by the number (the heading of docs/model.md); empty for none.
[[nodiscard]] inline std::string mechanism_tag(Mechanism m) {
  return m == Mechanism::none ? std::string() : "M" + std::to_string(static_cast<int>(m));
}

}  // namespace alignsim::model
