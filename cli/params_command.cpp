// `alignsim params`: every parameter from the one catalog, as text or Markdown.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "models/registered_models.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

void print_text(const sim::ParameterCatalog& catalog) {
  for (const auto& p : catalog.all()) {
    std::printf("%s = %s%s%s\n", p.key.c_str(), sim::value_to_text(p.default_value).c_str(),
                p.unit.empty() ? "" : "  [", p.unit.empty() ? "" : (p.unit + "]").c_str());
    std::printf("    %s\n    allowed: %s; source: %s\n", p.meaning.c_str(), sim::allowed_description(p).c_str(),
                p.source.c_str());
  }
}

std::string escape_cell(std::string text) {
  for (std::size_t at = text.find('|'); at != std::string::npos; at = text.find('|', at + 2)) text.replace(at, 1, "\\|");
  return text;
}

void print_markdown(const sim::ParameterCatalog& catalog) {
  std::printf("| key | default | unit | allowed | meaning | source |\n|---|---|---|---|---|---|\n");
  for (const auto& p : catalog.all()) {
    std::printf("| `%s` | %s | %s | %s | %s | %s |\n", p.key.c_str(), sim::value_to_text(p.default_value).c_str(),
                escape_cell(p.unit).c_str(), escape_cell(sim::allowed_description(p)).c_str(),
                escape_cell(p.meaning).c_str(), escape_cell(p.source).c_str());
  }
}

}  // namespace

int params_command(const Arguments& args) {
  bool markdown = false;
  std::string model_name = model::registered_models().default_model().name;
  po::options_description description("Usage: alignsim params [--markdown]\n\n"
                                      "Lists every model parameter: key, default, unit, allowed values, meaning and "
                                      "source.\n\nOptions");
  description.add_options()("help,h", "show this help")("markdown", po::bool_switch(&markdown),
                                                        "print a Markdown table (used for docs/parameters.md)")(
      "model", po::value(&model_name), "the model whose parameters to list (default: sales_marketing)");
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
  if (markdown) {
    print_markdown(model->catalog());
  } else {
    print_text(model->catalog());
  }
  return kExitOk;
}

}  // namespace alignsim::cli
