#pragma once
// Reading and checking an experiment design: the `sweep:` section of a scenario file and
// the --design/--samples/--levels/--factor options. Errors use the loader's one format,
//   FILE:LINE:COL: key.path: what is wrong (what is allowed)
// with FILE "<command line>" for options (LINE: the position of that --factor, 0 for the
// other options). docs/experiments.md describes the section. Internal to the loader;
// thread-safe (no shared state).
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/design/sweep.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim {

// The command-line form of a design. Empty/nullopt fields keep the file's choice.
struct SweepOptions {
  std::string design;                   // --design NAME (lhs and oat are short forms)
  std::optional<std::int64_t> samples;  // --samples/--points N
  std::optional<std::int64_t> levels;   // --levels N
  std::vector<std::string> factors;     // --factor key=low:high[:uniform|log|integer] or key=a,b,c
  std::string design_csv;               // --design-csv FILE: a list design, one column per key (design_csv.hpp)

  [[nodiscard]] bool empty() const noexcept {
    return design.empty() && !samples && !levels && factors.empty() && design_csv.empty();
  }
};

namespace detail {

struct SweepContext {
  const ParameterCatalog& catalog;
  std::string file;
  std::vector<std::string> outputs;  // the model's summary metrics; empty: not checked
};

// The `sweep:` entry of one file (shape and values; design-level rules come later).
[[nodiscard]] SweepSpec read_sweep(const SweepContext& context, const MapEntry& entry);

// The file's sweep (if any) with the command-line options applied.
[[nodiscard]] std::optional<SweepSpec> apply_sweep_options(std::optional<SweepSpec> from_file,
                                                           const SweepOptions& options,
                                                           const ParameterCatalog& catalog);

// Rules between fields: enough factors and samples, Sobol dimensions, list rows, size.
void check_sweep(const SweepSpec& sweep);

// The section as YAML that reads back to the same spec (no trailing design points).
[[nodiscard]] std::string sweep_yaml(const SweepSpec& sweep);

}  // namespace detail
}  // namespace alignsim::sim
