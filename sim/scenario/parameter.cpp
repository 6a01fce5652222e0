#include "sim/scenario/parameter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace alignsim::sim {

ParameterCatalog::ParameterCatalog(std::vector<ParameterSpec> specs) : specs_(std::move(specs)) {
  std::sort(specs_.begin(), specs_.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  for (std::size_t i = 1; i < specs_.size(); ++i) {
    if (specs_[i].key == specs_[i - 1].key) {
      throw std::logic_error("parameter defined twice: " + specs_[i].key);
    }
  }
}

const ParameterSpec* ParameterCatalog::find(const std::string& key) const noexcept {
  const auto it = std::lower_bound(specs_.begin(), specs_.end(), key,
                                   [](const ParameterSpec& s, const std::string& k) { return s.key < k; });
  return (it != specs_.end() && it->key == key) ? &*it : nullptr;
}

bool ParameterCatalog::is_section(const std::string& prefix) const noexcept {
  const std::string with_dot = prefix + ".";
  return std::any_of(specs_.begin(), specs_.end(),
                     [&](const ParameterSpec& s) { return s.key.rfind(with_dot, 0) == 0; });
}

std::string value_to_text(const ParameterValue& value) {
  struct Visitor {
    std::string operator()(double v) const {
      // Shortest text that reads back to the same double.
      char buffer[32];
      for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
        if (std::strtod(buffer, nullptr) == v) break;
      }
      return buffer;
    }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

std::string kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::real: return "number";
    case ValueKind::integer: return "integer";
    case ValueKind::boolean: return "boolean";
    case ValueKind::choice: return "choice";
  }
  return "unknown";
}

std::string allowed_description(const ParameterSpec& spec) {
  switch (spec.kind) {
    case ValueKind::real:
      return "a number in [" + value_to_text(spec.minimum) + ", " + value_to_text(spec.maximum) + "]";
    case ValueKind::integer:
      return "an integer in [" + value_to_text(static_cast<std::int64_t>(spec.minimum)) + ", " +
             value_to_text(static_cast<std::int64_t>(spec.maximum)) + "]";
    case ValueKind::boolean: return "true or false";
    case ValueKind::choice: {
      std::string words;
      for (const auto& c : spec.choices) words += (words.empty() ? "" : ", ") + c;
      return "one of: " + words;
    }
  }
  return "";
}

double numeric_value(const ParameterValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  return static_cast<double>(std::get<std::int64_t>(value));
}

std::string plausible_description(const ParameterSpec& spec) {
  if (!spec.plausible) return "";
  const PlausibleRange& r = *spec.plausible;
  return value_to_text(r.low) + " to " + value_to_text(r.high) +
         (r.shape == RangeShape::log_uniform ? " (log-uniform)" : " (uniform)");
}

}  // namespace alignsim::sim
