#pragma once
// Internal to models/: how a catalog entry binds to a ModelParameters field. Each
// helper builds one ParameterSpec (the single definition: key, unit, default, range,
// meaning, source) together with the assignment into the struct.
#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "models/mechanisms/mechanism.hpp"
#include "models/model_parameters.hpp"
#include "sim/scenario/parameter.hpp"

namespace alignsim::model::binding {

using sim::ParameterSpec;
using sim::ParameterValue;
using sim::ValueKind;

struct Binding {
  ParameterSpec spec;
  std::function<void(ModelParameters&, const ParameterValue&)> assign;
};

struct Doc {
  const char* unit;
  const char* meaning;
  const char* source;
};

template <typename Section, typename Field>
inline auto assigner(Section ModelParameters::*section, Field Section::*field) {
  return [section, field](ModelParameters& p, const ParameterValue& v) {
    if constexpr (std::is_same_v<Field, double>) {
      p.*section.*field = std::get<double>(v);
    } else if constexpr (std::is_same_v<Field, bool>) {
      p.*section.*field = std::get<bool>(v);
    } else {
      p.*section.*field = static_cast<Field>(std::get<std::int64_t>(v));
    }
  };
}

template <typename Section>
inline Binding real(const char* key, double Section::*field, Section ModelParameters::*section, double def, double lo,
             double hi, Doc doc) {
  return {{key, ValueKind::real, doc.unit, def, lo, hi, {}, doc.meaning, doc.source}, assigner(section, field)};
}

template <typename Section, typename Field>
inline Binding integer(const char* key, Field Section::*field, Section ModelParameters::*section, std::int64_t def,
                double lo, double hi, Doc doc) {
  return {{key, ValueKind::integer, doc.unit, def, lo, hi, {}, doc.meaning, doc.source}, assigner(section, field)};
}

template <typename Section>
inline Binding boolean(const char* key, bool Section::*field, Section ModelParameters::*section, bool def, Doc doc) {
  return {{key, ValueKind::boolean, doc.unit, def, 0, 1, {}, doc.meaning, doc.source}, assigner(section, field)};
}

// `Choice` is an enum whose values are the positions of `choices`.
template <typename Section, typename Choice>
inline Binding choice(const char* key, Choice Section::*field, Section ModelParameters::*section, const char* def,
                      std::vector<std::string> choices, Doc doc) {
  static_assert(std::is_enum_v<Choice>);
  auto assign = [section, field, choices](ModelParameters& p, const ParameterValue& v) {
    const auto& word = std::get<std::string>(v);
    const auto at = std::find(choices.begin(), choices.end(), word);
    if (at == choices.end()) throw std::logic_error("unvalidated choice: " + word);
    p.*section.*field = static_cast<Choice>(at - choices.begin());
  };
  return {{key, ValueKind::choice, doc.unit, std::string(def), 0, 0, std::move(choices), doc.meaning, doc.source},
          std::move(assign)};
}

inline constexpr const char* kAssumption = "modelling assumption; calibrated in scenarios/baseline.yaml";

// Stamps each binding with the mechanism whose file declares it (the catalog records
// each parameter's mechanism: `alignsim params --mechanism`).
inline std::vector<Binding> of_mechanism(Mechanism mechanism, std::vector<Binding> bindings) {
  for (Binding& b : bindings) b.spec.mechanism = mechanism_tag(mechanism);
  return bindings;
}

}  // namespace alignsim::model::binding
