#include "sim/run/model_registry.hpp"

#include <algorithm>
#include <stdexcept>

namespace alignsim::sim {

ModelRegistry::ModelRegistry(std::vector<ModelDefinition> models) : models_(std::move(models)) {
  if (models_.empty()) throw std::invalid_argument("a model registry needs at least one model");
  for (std::size_t i = 0; i < models_.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (models_[i].name == models_[j].name) throw std::invalid_argument("model registered twice: " + models_[i].name);
    }
  }
}

const ModelDefinition* ModelRegistry::find(const std::string& name) const noexcept {
  const auto found = std::find_if(models_.begin(), models_.end(), [&](const auto& m) { return m.name == name; });
  return found == models_.end() ? nullptr : &*found;
}

std::vector<std::string> ModelRegistry::names() const {
  std::vector<std::string> names;
  for (const ModelDefinition& m : models_) names.push_back(m.name);
  return names;
}

}  // namespace alignsim::sim
