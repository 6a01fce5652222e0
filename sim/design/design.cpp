#include "sim/design/design.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/design/design_purposes.hpp"
#include "sim/design/factor_transform.hpp"

namespace alignsim::sim {
namespace {

std::size_t numeric_levels(const SweepSpec& spec) { return std::max<std::size_t>(spec.levels, 1); }

std::size_t levels_for(const SweepSpec& spec, const Factor& factor) {
  return factor.distribution == Distribution::categorical ? factor.choices.size() : numeric_levels(spec);
}

// Bits of each Feistel half: the permutation works on 2^(2 h) >= n values.
unsigned half_bits_for(std::uint64_t n) {
  unsigned bits = 0;
  while (bits < 64 && (std::uint64_t{1} << bits) < n) ++bits;
  return std::max(1u, (bits + 1) / 2);
}

}  // namespace

std::size_t design_size(const SweepSpec& spec) {
  const std::size_t k = spec.factors.size();
  switch (spec.kind) {
    case DesignKind::grid: {
      std::size_t points = 1;
      for (const Factor& f : spec.factors) points *= levels_for(spec, f);
      return points;
    }
    case DesignKind::list: return spec.list.size();
    case DesignKind::one_at_a_time: {
      std::size_t points = 1;
      for (const Factor& f : spec.factors) points += levels_for(spec, f);
      return points;
    }
    case DesignKind::latin_hypercube:
    case DesignKind::sobol: return spec.samples;
    case DesignKind::saltelli: return spec.samples * (k + 2);
    case DesignKind::morris: return spec.samples * (k + 1);
  }
  return 0;
}

Design::Design(SweepSpec spec, const Settings& base, std::uint64_t seed)
    : spec_(std::move(spec)), streams_(seed, 0), size_(design_size(spec_)) {
  const std::size_t k = spec_.factors.size();
  if (k == 0) throw std::invalid_argument("a design needs at least one factor");
  if (spec_.kind == DesignKind::sobol) sobol_.emplace_back(k);
  if (spec_.kind == DesignKind::saltelli) sobol_.emplace_back(2 * k);
  if (spec_.kind == DesignKind::morris && (spec_.levels < 2 || spec_.levels % 2 != 0)) {
    throw std::invalid_argument("Morris designs need an even number of levels >= 2");
  }
  for (const Factor& f : spec_.factors) {
    const auto found = base.find(f.key);
    base_values_.push_back(found == base.end() ? f.low : factor_value_of(f, found->second.value));
  }
}

std::vector<double> Design::point(std::size_t index) const {
  if (index >= size_) throw std::out_of_range("design point index beyond the design");
  switch (spec_.kind) {
    case DesignKind::grid: return grid_point(index);
    case DesignKind::list: return spec_.list[index];
    case DesignKind::one_at_a_time: return one_at_a_time_point(index);
    case DesignKind::latin_hypercube: return from_unit(latin_hypercube_point(index));
    case DesignKind::sobol: return from_unit(sobol_.front().point(index));
    case DesignKind::saltelli: return from_unit(saltelli_point(index));
    case DesignKind::morris: return from_unit(morris_point(index));
  }
  return {};
}

std::vector<double> Design::from_unit(const std::vector<double>& unit) const {
  std::vector<double> values(unit.size());
  for (std::size_t f = 0; f < unit.size(); ++f) values[f] = factor_value_from_unit(spec_.factors[f], unit[f]);
  return values;
}

std::size_t Design::levels_of(std::size_t factor) const noexcept { return levels_for(spec_, spec_.factors[factor]); }

// Level l of n: evenly spaced from low to high for numeric factors (the middle if n is
// 1), the centre of choice l's cell for categorical ones.
double Design::level_unit(std::size_t factor, std::size_t level) const noexcept {
  const std::size_t n = levels_of(factor);
  if (spec_.factors[factor].distribution == Distribution::categorical) return (double(level) + 0.5) / double(n);
  return n == 1 ? 0.5 : double(level) / double(n - 1);
}

std::vector<double> Design::grid_point(std::size_t index) const {
  std::vector<double> values(factor_count());
  for (std::size_t f = factor_count(); f-- > 0;) {
    const std::size_t n = levels_of(f);
    values[f] = factor_value_from_unit(spec_.factors[f], level_unit(f, index % n));
    index /= n;
  }
  return values;
}

std::vector<double> Design::one_at_a_time_point(std::size_t index) const {
  std::vector<double> values = base_values_;
  if (index == 0) return values;
  std::size_t rest = index - 1;
  for (std::size_t f = 0; f < factor_count(); ++f) {
    if (rest < levels_of(f)) {
      values[f] = factor_value_from_unit(spec_.factors[f], level_unit(f, rest));
      return values;
    }
    rest -= levels_of(f);
  }
  return values;
}

// A keyed pseudo-random permutation of 0..n-1 (n = samples): a four-round Feistel network
// on 2h bits, walked until it lands below n. It needs no table, so a Latin hypercube of
// any size is generated point by point.
std::uint64_t Design::permuted(std::size_t factor, std::uint64_t value) const noexcept {
  const std::uint64_t n = spec_.samples;
  const unsigned h = half_bits_for(n);
  const std::uint64_t mask = (std::uint64_t{1} << h) - 1;
  const double scale = std::ldexp(1.0, static_cast<int>(h));
  do {
    std::uint64_t left = value >> h, right = value & mask;
    for (std::uint32_t round = 0; round < 4; ++round) {
      const DrawKey key{right, static_cast<std::uint32_t>(factor), kPurposeLhsPermutation, round};
      const auto f = static_cast<std::uint64_t>(streams_.uniform(key) * scale) & mask;
      const std::uint64_t next = left ^ f;
      left = right;
      right = next;
    }
    value = left << h | right;
  } while (value >= n);
  return value;
}

std::vector<double> Design::latin_hypercube_point(std::size_t index) const {
  std::vector<double> unit(factor_count());
  for (std::size_t f = 0; f < factor_count(); ++f) {
    const double jitter = streams_.uniform(DrawKey{index, static_cast<std::uint32_t>(f), kPurposeLhsJitter, 0});
    unit[f] = (static_cast<double>(permuted(f, index)) + jitter) / static_cast<double>(spec_.samples);
  }
  return unit;
}

std::vector<double> Design::saltelli_point(std::size_t index) const {
  const std::size_t k = factor_count();
  const std::size_t row = index / (k + 2), column = index % (k + 2);
  const std::vector<double> ab = sobol_.front().point(row);
  std::vector<double> a(ab.begin(), ab.begin() + static_cast<std::ptrdiff_t>(k));
  if (column == 1) return {ab.begin() + static_cast<std::ptrdiff_t>(k), ab.end()};
  if (column >= 2) a[column - 2] = ab[k + column - 2];
  return a;
}

// Start levels of a trajectory, each uniform over the p levels 0..p-1.
std::vector<std::size_t> Design::morris_start(std::size_t trajectory) const {
  std::vector<std::size_t> start(factor_count());
  for (std::size_t f = 0; f < factor_count(); ++f) {
    const double u = streams_.uniform(DrawKey{trajectory, static_cast<std::uint32_t>(f), kPurposeMorrisStart, 0});
    start[f] = std::min(static_cast<std::size_t>(u * double(spec_.levels)), spec_.levels - 1);
  }
  return start;
}

// The order factors move in: a Fisher-Yates shuffle driven by the trajectory's draws.
std::vector<std::size_t> Design::morris_order(std::size_t trajectory) const {
  std::vector<std::size_t> order(factor_count());
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = order.size(); i-- > 1;) {
    const double u = streams_.uniform(DrawKey{trajectory, static_cast<std::uint32_t>(i), kPurposeMorrisOrder, 0});
    std::swap(order[i], order[std::min(static_cast<std::size_t>(u * double(i + 1)), i)]);
  }
  return order;
}

// Moving up by delta = p / (2 (p - 1)) is p/2 levels; a start in the upper half moves down.
MorrisStep Design::morris_step(std::size_t trajectory, std::size_t step) const {
  const std::size_t factor = morris_order(trajectory).at(step - 1);
  const std::size_t p = spec_.levels;
  const double delta = double(p) / (2.0 * double(p - 1));
  return {factor, morris_start(trajectory)[factor] < p / 2 ? delta : -delta};
}

std::vector<double> Design::morris_point(std::size_t index) const {
  const std::size_t k = factor_count(), trajectory = index / (k + 1), step = index % (k + 1);
  const std::size_t p = spec_.levels;
  const std::vector<std::size_t> start = morris_start(trajectory);
  const std::vector<std::size_t> order = morris_order(trajectory);
  std::vector<std::size_t> level = start;
  for (std::size_t s = 0; s < step; ++s) {
    const std::size_t f = order[s];
    level[f] = start[f] < p / 2 ? start[f] + p / 2 : start[f] - p / 2;
  }
  std::vector<double> unit(k);
  for (std::size_t f = 0; f < k; ++f) unit[f] = double(level[f]) / double(p - 1);
  return unit;
}

}  // namespace alignsim::sim
