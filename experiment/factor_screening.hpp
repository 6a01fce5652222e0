#pragma once
// Screening factors with a first wave (docs/patterns.md, "The shipped ensemble"): over a
// wave sampled across many factors, the factors each pattern's simulated statistic
// follows most (Spearman rank correlation of the factor's value with the statistic over
// the points that give one), the strongest `per_pattern` of each pattern with |rho| >=
// `threshold`. The statistic, not the implausibility: the implausibility is V-shaped
// around the observation, so a factor that moves the statistic strongly can show no rank
// correlation with it. What `alignsim calibrate --screen` reports and
// writes, so a calibration over the screened factors can follow.
// Pure functions; thread-safe.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "experiment/history_matching.hpp"

namespace alignsim::experiment {

struct ScreenedFactor {
  std::size_t pattern = 0;  // index into the wave's patterns
  std::size_t factor = 0;   // index into the wave's coordinates
  double rho = 0;           // Spearman correlation of the factor's value with the simulated statistic
};

// In pattern order, each pattern's factors strongest first.
[[nodiscard]] std::vector<ScreenedFactor> screen_factors(const Wave& wave, std::size_t per_pattern, double threshold);

// The distinct factors of a screening, in the order they first appear.
[[nodiscard]] std::vector<std::size_t> screened_factor_set(const std::vector<ScreenedFactor>& screened);

// The first line of a screened-factors file: a file starting otherwise is never replaced.
inline constexpr const char* kScreenedFactorsHeader = "# alignsim screened factors";

// Writes the keys, one per line after the header (and a comment naming where they came
// from), atomically. Throws OutputError.
void write_factor_list(const std::filesystem::path& path, const std::vector<std::string>& keys,
                       const std::string& comment);
// Reads such a file (or any list of keys, one per line; blank lines and '#' comments
// skipped). Throws UsageError when it cannot be read or holds no key.
[[nodiscard]] std::vector<std::string> read_factor_list(const std::filesystem::path& path);

}  // namespace alignsim::experiment
