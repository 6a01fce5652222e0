#include "experiment/ensemble_effects.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace alignsim::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kDrivers = 2;
// A weaker rank association than this (rho^2) is not named as a driver: with tens of
// members, chance alone gives rho^2 of a few hundredths.
constexpr double kWeakestDriver = 0.1;

std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    for (std::size_t t = i; t <= j; ++t) ranks[order[t]] = 0.5 * double(i + j) + 1.0;
    i = j + 1;
  }
  return ranks;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = double(a.size());
  const double mean_a = std::accumulate(a.begin(), a.end(), 0.0) / n, mean_b = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - mean_a) * (b[i] - mean_b);
    aa += (a[i] - mean_a) * (a[i] - mean_a);
    bb += (b[i] - mean_b) * (b[i] - mean_b);
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : kNaN;
}

}  // namespace

double quantile(std::vector<double> values, double q) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = q * double(values.size() - 1);
  const auto lower = static_cast<std::size_t>(std::floor(h));
  const std::size_t upper = std::min(lower + 1, values.size() - 1);
  return values[lower] + (h - double(lower)) * (values[upper] - values[lower]);
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (std::isfinite(a[i]) && std::isfinite(b[i])) x.push_back(a[i]), y.push_back(b[i]);
  }
  if (x.size() < 3) return kNaN;
  return pearson(average_ranks(x), average_ranks(y));
}

EnsembleEffects::EnsembleEffects(std::size_t variants, std::size_t metrics, const Ensemble& ensemble)
    : variants_(variants), metrics_(metrics), members_(ensemble.size()), ensemble_(ensemble),
      sums_(variants * metrics * ensemble.size()), base_of_replicate_(metrics, kNaN) {}

void EnsembleEffects::add(std::size_t variant, std::size_t replicate, const sim::RunOutput& run) {
  const std::size_t member = replicate % members_;
  if (variant == 0) {
    replicates_seen_ = std::max(replicates_seen_, replicate + 1);
    for (std::size_t k = 0; k < metrics_; ++k) base_of_replicate_[k] = k < run.summary.size() ? run.summary[k] : kNaN;
    return;
  }
  for (std::size_t k = 0; k < metrics_ && k < run.summary.size(); ++k) {
    const double value = run.summary[k], base = base_of_replicate_[k];
    if (!std::isfinite(value) || !std::isfinite(base)) continue;  // a failed run of the pair
    Sums& sums = sums_[at(variant, k, member)];
    sums.variant += value;
    sums.base += base;
    ++sums.count;
  }
}

std::vector<double> EnsembleEffects::member_effects(std::size_t variant, std::size_t metric, bool relative) const {
  std::vector<double> effects;
  for (std::size_t m = 0; m < members_; ++m) {
    const Sums& sums = sums_[at(variant, metric, m)];
    if (sums.count == 0) effects.push_back(kNaN);
    else if (relative) effects.push_back(sums.base != 0 ? sums.variant / sums.base - 1 : kNaN);
    else effects.push_back((sums.variant - sums.base) / double(sums.count));
  }
  return effects;
}

EffectRange EnsembleEffects::range(std::size_t variant, std::size_t metric, bool relative) const {
  const std::vector<double> effects = member_effects(variant, metric, relative);
  EffectRange out;
  out.low = quantile(effects, 0.05);
  out.high = quantile(effects, 0.95);
  out.members = static_cast<std::size_t>(std::count_if(effects.begin(), effects.end(), [](double e) { return std::isfinite(e); }));
  std::vector<std::pair<std::size_t, double>> strength;
  for (std::size_t key = 0; key < ensemble_.keys.size(); ++key) {
    std::vector<double> values;
    for (const std::vector<double>& member : ensemble_.values) values.push_back(member[key]);
    const double rho = spearman(effects, values);
    if (std::isfinite(rho) && rho * rho >= kWeakestDriver) strength.emplace_back(key, rho * rho);
  }
  std::stable_sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (strength.size() > kDrivers) strength.resize(kDrivers);
  out.drivers = std::move(strength);
  return out;
}

const std::vector<std::string>& EnsembleEffects::table_columns() {
  static const std::vector<std::string> columns{"relative_p05", "relative_p95", "difference_p05", "difference_p95",
                                                "members",      "driver_1",     "driver_1_rho2",  "driver_2",
                                                "driver_2_rho2"};
  return columns;
}

std::vector<std::vector<double>> EnsembleEffects::table(const std::vector<sim::MetricSpec>& metrics) const {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> values(metrics_);
  for (std::size_t m = 0; m < metrics_; ++m) {
    for (std::size_t v = 0; v < variants_; ++v) {
      const EffectRange relative = range(v, m, true), difference = range(v, m, false);
      std::vector<double> row{relative.low, relative.high, difference.low, difference.high,
                              static_cast<double>(difference.members)};
      const EffectRange& shown = metrics.at(m).unit == "1" ? difference : relative;
      for (std::size_t d = 0; d < kDrivers; ++d) {
        const bool has = d < shown.drivers.size();
        row.push_back(has ? static_cast<double>(shown.drivers[d].first) : nan);
        row.push_back(has ? shown.drivers[d].second : nan);
      }
      values[m].insert(values[m].end(), row.begin(), row.end());
    }
  }
  return values;
}

std::size_t EnsembleEffects::replicates_per_member() const noexcept { return members_ > 0 ? replicates_seen_ / members_ : 0; }

}  // namespace alignsim::experiment
