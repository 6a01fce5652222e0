#pragma once
// An experiment design as the scenario declares it (the `sweep:` section or the
// --design/--factor options): which parameters vary (factors), how (distributions and
// ranges), and how points are placed (the design kind). Plain immutable data, checked
// once by the loader; sim/design.hpp turns it into points.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace alignsim::sim {

enum class DesignKind { grid, list, one_at_a_time, latin_hypercube, sobol, saltelli, morris };

// How a factor's values spread over its range. A unit value u in [0, 1] maps to a
// factor value by the inverse cumulative distribution (sim/factor_transform.hpp).
enum class Distribution {
  uniform,      // real: low + u (high - low)
  log_uniform,  // real, low > 0: uniform in log(value)
  normal,       // real: N(mean, sd) truncated to [low, high]
  integer,      // integer parameter: each of low..high equally likely
  categorical,  // choice or boolean parameter: each listed choice equally likely
};

struct Factor {
  std::string key;  // catalog key; never run.*
  Distribution distribution = Distribution::uniform;
  double low = 0.0;   // inclusive range, in the parameter's unit
  double high = 0.0;
  double mean = 0.0;  // normal only
  double sd = 0.0;    // normal only, > 0
  std::vector<std::string> choices;  // categorical: the words, in order ("false","true" for a boolean)
  SourceLocation where;              // where the factor was declared, for messages
};

struct SweepSpec {
  DesignKind kind = DesignKind::latin_hypercube;
  std::vector<Factor> factors;
  // latin_hypercube, sobol: number of points; saltelli: base sample N (points =
  // N (k + 2)); morris: trajectories (points = r (k + 1)). Unused by grid, list, oat.
  std::size_t samples = 0;
  // grid, one_at_a_time: levels per numeric factor (categorical factors use all their
  // choices); morris: grid levels p (even, >= 2).
  std::size_t levels = 0;
  // list: explicit points, values in factor order (choice index for categorical).
  std::vector<std::vector<double>> list;
  // Summary metrics to rank in a sensitivity analysis; empty means the command's default.
  std::vector<std::string> outputs;
  // Bootstrap resamples for Sobol index confidence intervals.
  std::size_t bootstrap = 1000;
  SourceLocation where;  // the `sweep:` key, or the --design option
};

[[nodiscard]] std::string design_kind_name(DesignKind kind);
[[nodiscard]] std::optional<DesignKind> design_kind_from_name(const std::string& name);
[[nodiscard]] std::string distribution_name(Distribution distribution);
[[nodiscard]] std::optional<Distribution> distribution_from_name(const std::string& name);
// "grid, list, one_at_a_time, ..." for messages.
[[nodiscard]] std::string design_kind_names();
[[nodiscard]] std::string distribution_names();

}  // namespace alignsim::sim
