#include "sim/design/factor_transform.hpp"

#include <algorithm>
#include <cmath>

#include "sim/stats/statistics.hpp"

namespace alignsim::sim {
namespace {

double truncated_normal(const Factor& f, double u) noexcept {
  const double low = normal_cdf((f.low - f.mean) / f.sd);
  const double high = normal_cdf((f.high - f.mean) / f.sd);
  const double value = f.mean + f.sd * normal_quantile(low + u * (high - low));
  // Rounding in the tails can step just outside the range; the range is a promise.
  return std::clamp(std::isfinite(value) ? value : (u < 0.5 ? f.low : f.high), f.low, f.high);
}

// floor(u * n) as an index in [0, n): u = 1 belongs to the last cell.
double cell(double u, double n) noexcept { return std::min(std::floor(u * n), n - 1.0); }

}  // namespace

double normal_cdf(double x) noexcept { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double factor_value_from_unit(const Factor& f, double u) noexcept {
  u = std::clamp(u, 0.0, 1.0);
  switch (f.distribution) {
    case Distribution::uniform: return std::clamp(f.low + u * (f.high - f.low), f.low, f.high);
    case Distribution::log_uniform:
      return std::clamp(std::exp(std::log(f.low) + u * (std::log(f.high) - std::log(f.low))), f.low, f.high);
    case Distribution::normal: return truncated_normal(f, u);
    case Distribution::integer: return f.low + cell(u, f.high - f.low + 1.0);
    case Distribution::categorical: return cell(u, static_cast<double>(f.choices.size()));
  }
  return f.low;
}

ParameterValue parameter_value_of(const Factor& factor, double value) {
  switch (factor.distribution) {
    case Distribution::integer: return static_cast<std::int64_t>(std::llround(value));
    case Distribution::categorical: {
      const auto index = static_cast<std::size_t>(std::clamp(value, 0.0, double(factor.choices.size() - 1)));
      const std::string& word = factor.choices[index];
      // A boolean parameter is a two-choice factor whose words are "false" and "true".
      if (factor.choices.size() == 2 && factor.choices[0] == "false" && factor.choices[1] == "true") {
        return word == "true";
      }
      return word;
    }
    default: return value;
  }
}

double factor_value_of(const Factor& factor, const ParameterValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  const std::string word = value_to_text(value);
  const auto found = std::find(factor.choices.begin(), factor.choices.end(), word);
  return found == factor.choices.end() ? -1.0 : static_cast<double>(found - factor.choices.begin());
}

Settings settings_at(const Settings& base, const std::vector<Factor>& factors, const std::vector<double>& values) {
  Settings settings = base;
  for (std::size_t f = 0; f < factors.size(); ++f) {
    settings.insert_or_assign(factors[f].key, SettingValue{parameter_value_of(factors[f], values[f]), factors[f].where});
  }
  return settings;
}

}  // namespace alignsim::sim
