#include "sim/design/sweep.hpp"

#include <array>
#include <optional>
#include <string>
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

// The name of `value` in a {value, name} table ("unknown" if absent: a caller bug).
template <class Table, class Value>
std::string name_in(const Table& table, Value value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return "unknown";
}

// The value named `name` in a {value, name} table.
template <class Table>
auto value_in(const Table& table, const std::string& name) -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [value, text] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <class Table>
std::string joined(const Table& table) {
  std::string text;
  for (const auto& [value, name] : table) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace

std::string design_kind_name(DesignKind kind) { return name_in(kDesignNames, kind); }

std::optional<DesignKind> design_kind_from_name(const std::string& name) {
  // Short forms accepted on the command line, where typing is costly.
  if (name == "lhs") return DesignKind::latin_hypercube;
  if (name == "oat") return DesignKind::one_at_a_time;
  return value_in(kDesignNames, name);
}

std::string distribution_name(Distribution distribution) { return name_in(kDistributionNames, distribution); }

std::optional<Distribution> distribution_from_name(const std::string& name) {
  if (name == "log") return Distribution::log_uniform;
  return value_in(kDistributionNames, name);
}

std::string design_kind_names() { return joined(kDesignNames); }
std::string distribution_names() { return joined(kDistributionNames); }

}  // namespace alignsim::sim
