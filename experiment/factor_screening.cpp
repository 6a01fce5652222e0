#include "experiment/factor_screening.hpp"

#include <algorithm>
#include <cmath>

#include <fstream>

#include "experiment/ensemble_effects.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {

std::vector<ScreenedFactor> screen_factors(const Wave& wave, std::size_t per_pattern, double threshold) {
  std::vector<ScreenedFactor> screened;
  if (wave.points.empty()) return screened;
  const std::size_t patterns = wave.simulated_means.front().size(), factors = wave.points.front().size();
  for (std::size_t p = 0; p < patterns; ++p) {
    std::vector<double> statistic;  // NaN where a point gives none: spearman leaves those pairs out
    for (const std::vector<double>& row : wave.simulated_means) statistic.push_back(row[p]);
    std::vector<ScreenedFactor> of_pattern;
    for (std::size_t f = 0; f < factors; ++f) {
      std::vector<double> values;
      for (const std::vector<double>& point : wave.points) values.push_back(point[f]);
      const double rho = spearman(values, statistic);
      if (std::isfinite(rho) && std::abs(rho) >= threshold) of_pattern.push_back({p, f, rho});
    }
    std::stable_sort(of_pattern.begin(), of_pattern.end(),
                     [](const auto& a, const auto& b) { return std::abs(a.rho) > std::abs(b.rho); });
    if (of_pattern.size() > per_pattern) of_pattern.resize(per_pattern);
    screened.insert(screened.end(), of_pattern.begin(), of_pattern.end());
  }
  return screened;
}

std::vector<std::size_t> screened_factor_set(const std::vector<ScreenedFactor>& screened) {
  std::vector<std::size_t> set;
  for (const ScreenedFactor& s : screened) {
    if (std::find(set.begin(), set.end(), s.factor) == set.end()) set.push_back(s.factor);
  }
  return set;
}

void write_factor_list(const std::filesystem::path& path, const std::vector<std::string>& keys,
                       const std::string& comment) {
  std::string text = std::string(kScreenedFactorsHeader) + " (docs/patterns.md): " + comment + "\n";
  for (const std::string& key : keys) text += key + "\n";
  sim::publish_text_file(path, text, kScreenedFactorsHeader, "a screened-factors file");
}

std::vector<std::string> read_factor_list(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("--factors-file " + sim::quoted(path) + " cannot be read");
  std::vector<std::string> keys;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    keys.push_back(line.substr(first, line.find_last_not_of(" \t") - first + 1));
  }
  if (keys.empty()) throw UsageError("--factors-file " + sim::quoted(path) + " names no parameter key");
  return keys;
}

}  // namespace alignsim::experiment
