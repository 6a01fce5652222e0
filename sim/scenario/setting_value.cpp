#include "sim/scenario/setting_value.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>

#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {
namespace {

ValueOrProblem rejected(std::string problem) { return {std::nullopt, std::move(problem)}; }

std::string quoted_text_problem(const std::string& text, const std::string& expected) {
  return quote_for_message(text) + " is quoted text, not " + expected + "; remove the quotes";
}

// YAML allows a leading '+'; std::from_chars does not.
std::string_view without_plus_sign(std::string_view text) {
  const bool plus_then_digit = text.size() > 1 && text[0] == '+' && text[1] != '+' && text[1] != '-';
  return plus_then_digit ? text.substr(1) : text;
}

// The YAML spellings of NaN and infinity (".nan", "-.inf") and those std::from_chars takes
// ("nan", "inf", "infinity"): none is a usable parameter value.
bool is_non_finite_word(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == ".nan" || lower == ".inf" || lower == "nan" || lower == "inf" || lower == "infinity";
}

ValueOrProblem parse_real(const ScalarText& scalar) {
  if (scalar.quoted) return rejected(quoted_text_problem(scalar.text, "a number"));
  const std::string shown = quote_for_message(scalar.text);
  if (is_non_finite_word(scalar.text)) return rejected(shown + " is not a finite number");
  const std::string_view text = without_plus_sign(scalar.text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return rejected(shown + " cannot be stored as a finite number");
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return rejected(shown + " is not a number");
  }
  return {value, ""};
}

ValueOrProblem parse_integer(const ScalarText& scalar) {
  if (scalar.quoted) return rejected(quoted_text_problem(scalar.text, "an integer"));
  const std::string shown = quote_for_message(scalar.text);
  const std::string_view text = without_plus_sign(scalar.text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return rejected(shown + " does not fit in a 64-bit integer");
  if (error != std::errc() || end != text.data() + text.size()) {
    const bool is_number = parse_real(scalar).value.has_value();
    return rejected(shown + (is_number ? " is not a whole number" : " is not an integer"));
  }
  return {value, ""};
}

// Only true and false: YAML 1.1's yes/no/on/off are a classic source of surprises.
ValueOrProblem parse_boolean(const ScalarText& scalar) {
  if (scalar.quoted) return rejected(quoted_text_problem(scalar.text, "a boolean"));
  if (scalar.text == "true") return {true, ""};
  if (scalar.text == "false") return {false, ""};
  return rejected(quote_for_message(scalar.text) + " is not a boolean");
}

ValueOrProblem parse_choice(const ParameterSpec& spec, const ScalarText& scalar) {
  const bool listed = std::find(spec.choices.begin(), spec.choices.end(), scalar.text) != spec.choices.end();
  if (!listed) return rejected(quote_for_message(scalar.text) + " is not one of the choices");
  return {scalar.text, ""};
}

bool within_range(const ParameterSpec& spec, const ParameterValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real >= spec.minimum && *real <= spec.maximum;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    const auto as_real = static_cast<double>(*integer);
    return as_real >= spec.minimum && as_real <= spec.maximum;
  }
  return true;
}

}  // namespace

ValueOrProblem parse_setting(const ParameterSpec& spec, const ScalarText& scalar) {
  ValueOrProblem parsed;
  switch (spec.kind) {
    case ValueKind::real: parsed = parse_real(scalar); break;
    case ValueKind::integer: parsed = parse_integer(scalar); break;
    case ValueKind::boolean: parsed = parse_boolean(scalar); break;
    case ValueKind::choice: parsed = parse_choice(spec, scalar); break;
  }
  if (parsed.value && !within_range(spec, *parsed.value)) {
    return rejected(quote_for_message(scalar.text) + " is out of range");
  }
  return parsed;
}

std::string single_value_problem(const YAML::Node& node) {
  if (node.IsNull()) return "no value given";
  if (!node.IsScalar()) return node_kind_name(node) + " where a single value is expected";
  // "?" is a plain scalar, "!" a quoted one; explicit tags (!!str, !!float) are not read.
  if (node.Tag() != "?" && node.Tag() != "!") return "the YAML tag " + quote_for_message(node.Tag()) + " is not supported";
  return "";
}

ScalarText scalar_text(const YAML::Node& node) { return ScalarText{node.Scalar(), node.Tag() == "!"}; }

}  // namespace alignsim::sim::detail
