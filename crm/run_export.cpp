#include "crm/run_export.hpp"

#include <memory>

#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

const sim::VariantSpec& variant_named(const experiment::Experiment& experiment, const std::string& name) {
  const auto& variants = experiment.spec.variants;
  if (name.empty()) return variants.front();
  for (const sim::VariantSpec& v : variants) {
    if (v.name == name) return v;
  }
  std::string known;
  for (const sim::VariantSpec& v : variants) known += (known.empty() ? "" : ", ") + v.name;
  throw UsageError("--export-variant " + name + ": the scenario has no such variant (it has: " + known + ")");
}

}  // namespace

void export_synthetic_crm(const experiment::Experiment& experiment, const CrmExportRequest& request) {
  if (experiment.model->name != "sales_marketing") {
    throw UsageError("--export-crm needs the sales-marketing model; this scenario runs '" + experiment.model->name + "'");
  }
  if (experiment.spec.sweep) throw UsageError("--export-crm exports a variant's run: not with a sweep");
  const sim::VariantSpec& variant = variant_named(experiment, request.variant);
  if (request.replicate >= static_cast<std::uint64_t>(experiment.spec.replicates)) {
    throw UsageError("--export-replicate " + std::to_string(request.replicate) + ": the run has replicates 0 to " +
                     std::to_string(experiment.spec.replicates - 1));
  }
  sim::Settings settings = variant.resolved;
  if (experiment.ensemble) {
    const std::size_t member = request.replicate % experiment.ensemble->size();
    settings = experiment::settings_with_member(settings, *experiment.ensemble, member, variant.overrides);
  }
  auto parameters = std::make_shared<const model::ModelParameters>(model::model_parameters_from(settings));
  model::CrmEventLog log;
  (void)model::run_model_logging_crm(std::move(parameters), request.replicate, log);
  write_synthetic_crm(request.directory, log, request.layout);
}

}  // namespace alignsim::crm
