#include "experiment/target_ci.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "sim/errors.hpp"

namespace alignsim::experiment {

std::optional<TargetCi> parse_target_ci(const ExperimentOptions& options, const sim::OutputLayout& outputs,
                                        std::size_t initial_replicates) {
  if (options.target_ci.empty()) return std::nullopt;
  const auto equals = options.target_ci.find('=');
  const std::string form = "--target-ci METRIC=HALFWIDTH, e.g. bookings_usd=50000";
  if (equals == std::string::npos) throw UsageError("--target-ci '" + options.target_ci + "': missing '=' (" + form + ")");
  const std::string name = options.target_ci.substr(0, equals), number = options.target_ci.substr(equals + 1);
  TargetCi target;
  bool found = false;
  for (std::size_t m = 0; m < outputs.summary.size() && !found; ++m) {
    if (outputs.summary[m].name == name) {
      target.metric = m;
      found = true;
    }
  }
  if (!found) throw UsageError("--target-ci: '" + name + "' is not a summary metric of this model");
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), target.half_width);
  if (error != std::errc() || end != number.data() + number.size() || !(target.half_width > 0) ||
      !std::isfinite(target.half_width)) {
    throw UsageError("--target-ci: '" + number + "' is not a positive number (" + form + ")");
  }
  if (options.max_replicates < 2 || static_cast<std::size_t>(options.max_replicates) < initial_replicates ||
      options.max_replicates > 65536) {
    throw UsageError("--max-replicates " + std::to_string(options.max_replicates) +
                     ": must be at least 2, at least run.replicates (" + std::to_string(initial_replicates) +
                     ") and at most 65536");
  }
  target.max_replicates = static_cast<std::size_t>(options.max_replicates);
  return target;
}

}  // namespace alignsim::experiment
