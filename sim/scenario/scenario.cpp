#include "sim/scenario/scenario.hpp"

#include <stdexcept>

namespace alignsim::sim {
namespace {
template <typename T>
const T& get_typed(const Settings& s, const std::string& key) {
  const auto it = s.find(key);
  if (it == s.end()) throw std::logic_error("setting not resolved: " + key);
  const T* value = std::get_if<T>(&it->second.value);
  if (value == nullptr) throw std::logic_error("setting has another type: " + key);
  return *value;
}
}  // namespace

double get_real(const Settings& s, const std::string& key) { return get_typed<double>(s, key); }
std::int64_t get_integer(const Settings& s, const std::string& key) { return get_typed<std::int64_t>(s, key); }
bool get_boolean(const Settings& s, const std::string& key) { return get_typed<bool>(s, key); }
const std::string& get_choice(const Settings& s, const std::string& key) { return get_typed<std::string>(s, key); }

}  // namespace alignsim::sim
