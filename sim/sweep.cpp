#include "sim/sweep.hpp"

#include <array>
#include <utility>

namespace alignsim::sim {
namespace {

constexpr std::array<std::pair<DesignKind, const char*>, 7> kDesignNames{{
    {DesignKind::grid, "grid"},
    {DesignKind::list, "list"},
    {DesignKind::one_at_a_time, "one_at_a_time"},
    {DesignKind::latin_hypercube, "latin_hypercube"},
    {DesignKind::sobol, "sobol"},
    {DesignKind::saltelli, "saltelli"},
    {DesignKind::morris, "morris"},
}};

constexpr std::array<std::pair<Distribution, const char*>, 5> kDistributionNames{{
    {Distribution::uniform, "uniform"},
    {Distribution::log_uniform, "log_uniform"},
    {Distribution::normal, "normal"},
    {Distribution::integer, "integer"},
    {Distribution::categorical, "categorical"},
}};

template <class Table>
std::string joined(const Table& table) {
  std::string text;
  for (const auto& [value, name] : table) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace

std::string design_kind_name(DesignKind kind) {
  for (const auto& [value, name] : kDesignNames) {
    if (value == kind) return name;
  }
  return "unknown";
}

std::optional<DesignKind> design_kind_from_name(const std::string& name) {
  // Short forms accepted on the command line, where typing is costly.
  if (name == "lhs") return DesignKind::latin_hypercube;
  if (name == "oat") return DesignKind::one_at_a_time;
  for (const auto& [value, text] : kDesignNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string distribution_name(Distribution distribution) {
  for (const auto& [value, name] : kDistributionNames) {
    if (value == distribution) return name;
  }
  return "unknown";
}

std::optional<Distribution> distribution_from_name(const std::string& name) {
  if (name == "log") return Distribution::log_uniform;
  for (const auto& [value, text] : kDistributionNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string design_kind_names() { return joined(kDesignNames); }
std::string distribution_names() { return joined(kDistributionNames); }

}  // namespace alignsim::sim
