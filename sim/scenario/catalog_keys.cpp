#include "sim/scenario/catalog_keys.hpp"

#include <algorithm>

namespace alignsim::sim::detail {

std::string join_key(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string parent_key(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? std::string() : key.substr(0, dot);
}

std::vector<std::string> split_text(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> child_names(const ParameterCatalog& catalog, const std::string& section) {
  std::vector<std::string> names;
  const std::string prefix = section.empty() ? "" : section + ".";
  for (const ParameterSpec& spec : catalog.all()) {
    if (spec.key.rfind(prefix, 0) != 0) continue;
    const std::string rest = spec.key.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('.'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

std::vector<std::string> keys_and_sections(const ParameterCatalog& catalog) {
  std::vector<std::string> all;
  for (const ParameterSpec& spec : catalog.all()) {
    for (std::string section = parent_key(spec.key); !section.empty(); section = parent_key(section)) {
      if (std::find(all.begin(), all.end(), section) == all.end()) all.push_back(section);
    }
    all.push_back(spec.key);
  }
  return all;
}

std::string list_names(const std::vector<std::string>& names, std::size_t cap) {
  const std::size_t shown = cap == 0 ? names.size() : std::min(cap, names.size());
  std::string text;
  for (std::size_t i = 0; i < shown; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > shown) text += " and " + std::to_string(names.size() - shown) + " more; `alignsim params` lists all";
  return text;
}


}  // namespace alignsim::sim::detail
