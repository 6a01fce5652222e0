// `alignsim params`: every parameter from the one catalog, as text or Markdown.
#include <boost/program_options.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "models/registered_models.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

using Specs = std::vector<const sim::ParameterSpec*>;

void print_text(const Specs& specs) {
  for (const sim::ParameterSpec* p : specs) {
    std::printf("%s = %s%s%s\n", p->key.c_str(), sim::value_to_text(p->default_value).c_str(),
                p->unit.empty() ? "" : "  [", p->unit.empty() ? "" : (p->unit + "]").c_str());
    std::printf("    %s\n    allowed: %s; source: %s%s%s\n", p->meaning.c_str(), sim::allowed_description(*p).c_str(),
                p->source.c_str(), p->mechanism.empty() ? "" : "; mechanism: ", p->mechanism.c_str());
    if (p->plausible) {
      std::printf("    plausible: %s: %s\n", sim::plausible_description(*p).c_str(), p->plausible->rationale.c_str());
    }
  }
}

std::string escape_cell(std::string text) {
  for (std::size_t at = text.find('|'); at != std::string::npos; at = text.find('|', at + 2)) text.replace(at, 1, "\\|");
  return text;
}

void print_markdown(const Specs& specs) {
  std::printf("| key | default | unit | allowed | meaning | source | plausible range | mechanism |\n"
              "|---|---|---|---|---|---|---|---|\n");
  for (const sim::ParameterSpec* p : specs) {
    const std::string plausible =
        p->plausible ? sim::plausible_description(*p) + ": " + p->plausible->rationale : std::string();
    std::printf("| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", p->key.c_str(),
                sim::value_to_text(p->default_value).c_str(), escape_cell(p->unit).c_str(),
                escape_cell(sim::allowed_description(*p)).c_str(), escape_cell(p->meaning).c_str(),
                escape_cell(p->source).c_str(), escape_cell(plausible).c_str(), p->mechanism.c_str());
  }
}

// The parameters of `mechanism` (a tag such as M12; empty: all). An unknown tag is a
// usage error that lists the model's mechanisms.
Specs select(const sim::ParameterCatalog& catalog, const std::string& mechanism, const std::string& model_name) {
  Specs specs;
  for (const auto& p : catalog.all()) {
    if (mechanism.empty() || p.mechanism == mechanism) specs.push_back(&p);
  }
  if (!specs.empty()) return specs;
  std::set<std::string> tags;
  for (const auto& p : catalog.all()) {
    if (!p.mechanism.empty()) tags.insert(p.mechanism);
  }
  std::vector<std::string> ordered(tags.begin(), tags.end());
  std::sort(ordered.begin(), ordered.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;  // M2 before M10
  });
  std::string known;
  for (const auto& tag : ordered) known += (known.empty() ? "" : ", ") + tag;
  throw UsageError("--mechanism " + mechanism + ": no parameter of model '" + model_name + "' belongs to it (" +
                   (known.empty() ? "the model names no mechanisms" : "one of: " + known) + ")");
}

}  // namespace

int params_command(const Arguments& args) {
  bool markdown = false;
  std::string mechanism;
  std::string model_name = model::registered_models().default_model().name;
  po::options_description description("Usage: alignsim params [--markdown] [--mechanism M12]\n\n"
                                      "Lists every model parameter: key, default, unit, allowed values, meaning, "
                                      "source and mechanism (docs/model.md).\n\nOptions");
  description.add_options()("help,h", "show this help")("markdown", po::bool_switch(&markdown),
                                                        "print a Markdown table (used for docs/parameters.md)")(
      "model", po::value(&model_name), "the model whose parameters to list (default: sales_marketing)")(
      "mechanism", po::value(&mechanism), "list only the parameters of this mechanism (e.g. M12, docs/model.md)");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(description).run(), vm);
  if (vm.count("help") != 0) {
    std::cout << description << "\n";
    return kExitOk;
  }
  po::notify(vm);
  const sim::ModelDefinition* model = model::registered_models().find(model_name);
  if (model == nullptr) {
    std::string known;
    for (const auto& name : model::registered_models().names()) known += (known.empty() ? "" : ", ") + name;
    throw UsageError("unknown model '" + model_name + "' (one of: " + known + ")");
  }
  const Specs specs = select(model->catalog(), mechanism, model_name);
  if (markdown) {
    print_markdown(specs);
  } else {
    print_text(specs);
  }
  return kExitOk;
}

}  // namespace alignsim::cli
