#pragma once
// One definition per parameter: the catalog is the single source for validation,
// `alignsim params`, defaults and docs. The catalog is generic; models/ fills it.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace alignsim::sim {

enum class ValueKind { real, integer, boolean, choice };

// A validated value. Reals are double, integers int64, choices are the chosen word.
using ParameterValue = std::variant<double, std::int64_t, bool, std::string>;

// How a plausible range is spread when a design or history matching samples it.
enum class RangeShape { uniform, log_uniform };

// The values the evidence leaves plausible for a numeric parameter (issue 13): what
// designs over assumptions and history matching sample, with why.
struct PlausibleRange {
  double low = 0;
  double high = 0;
  RangeShape shape = RangeShape::uniform;
  std::string rationale;  // one line
};

struct ParameterSpec {
  std::string key;      // dotted path, e.g. "demand.innovation_rate"
  ValueKind kind = ValueKind::real;
  std::string unit;     // e.g. "1/business day", "hours", "" for dimensionless
  ParameterValue default_value;
  double minimum = 0;   // inclusive bounds for real and integer kinds
  double maximum = 0;
  std::vector<std::string> choices;  // allowed words for the choice kind
  std::string meaning;  // one line
  std::string source;   // where the default comes from (paper, seed text, or "assumption")
  std::string mechanism{};  // the model's mechanism this parameter belongs to (e.g. "M12"); empty: none
  std::optional<PlausibleRange> plausible{};  // numeric parameters the model gives a range
};

// Thread-safe for concurrent reads once built.
class ParameterCatalog {
 public:
  explicit ParameterCatalog(std::vector<ParameterSpec> specs);

  [[nodiscard]] const ParameterSpec* find(const std::string& key) const noexcept;
  [[nodiscard]] const std::vector<ParameterSpec>& all() const noexcept { return specs_; }
  // Every key path prefix that names a section ("demand", "run", ...).
  [[nodiscard]] bool is_section(const std::string& prefix) const noexcept;

 private:
  std::vector<ParameterSpec> specs_;
};

// Text forms used in messages, `alignsim params` and the resolved YAML.
[[nodiscard]] std::string value_to_text(const ParameterValue& value);
// A real or integer value as a double (a real or integer parameter's value).
[[nodiscard]] double numeric_value(const ParameterValue& value);
[[nodiscard]] std::string kind_name(ValueKind kind);
// "a number in [0, 1]", "one of: round_robin, least_loaded", ...
[[nodiscard]] std::string allowed_description(const ParameterSpec& spec);
// "0.1 to 1 (uniform)", "100 to 1e+04 (log-uniform)"; empty without a range.
[[nodiscard]] std::string plausible_description(const ParameterSpec& spec);

}  // namespace alignsim::sim
