#include "experiment/run_bank.hpp"

#include <cmath>
#include <set>

#include "experiment/outcome_text.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

// A CSV cell: quoted when it holds a comma, quote or line break.
std::string cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The parameters that differ between the experiment's runs, in a fixed order.
std::vector<std::string> varying_keys(const Experiment& experiment, const RunTable& runs) {
  if (runs.design() != nullptr) {
    std::vector<std::string> keys;
    for (const sim::Factor& factor : runs.design()->spec().factors) keys.push_back(factor.key);
    return keys;
  }
  std::set<std::string> keys;
  for (const sim::VariantSpec& variant : experiment.spec.variants) {
    for (const auto& [key, value] : variant.overrides) keys.insert(key);
  }
  if (experiment.ensemble) keys.insert(experiment.ensemble->keys.begin(), experiment.ensemble->keys.end());
  return {keys.begin(), keys.end()};
}

}  // namespace

RunBank::RunBank(std::filesystem::path path, const Experiment& experiment, const RunTable& runs)
    : path_(std::move(path)), experiment_(experiment), runs_(runs), keys_(varying_keys(experiment, runs)) {
  sim::check_destination(path_, true);
  sim::refuse_unless_first_line_starts(path_, kRunBankHeader, "a run bank");
  temporary_.emplace(sim::temporary_path_for(path_));
  out_ = std::fopen(temporary_->path().c_str(), "wb");
  if (out_ == nullptr) throw OutputError("cannot write " + sim::quoted(temporary_->path()));
  std::fprintf(out_, "%s of scenario %s (docs/experiments.md): one row per run in run order\n", kRunBankHeader,
               experiment.spec.name.c_str());
  std::string header = runs.design() != nullptr ? "point" : "variant";
  for (const std::string& key : keys_) header += "," + cell(key);
  header += ",seed,replicate,failed";
  for (const sim::MetricSpec& metric : experiment.model->outputs().summary) header += "," + cell(metric.name);
  std::fprintf(out_, "%s\n", header.c_str());
}

RunBank::~RunBank() {
  if (out_ != nullptr) std::fclose(out_);
}

std::vector<std::string> RunBank::parameters_of(std::size_t entry, std::size_t replicate) const {
  std::vector<std::string> values;
  if (const sim::Design* design = runs_.design()) {
    const std::vector<double> point = design->point(entry);
    for (std::size_t f = 0; f < point.size(); ++f) {
      values.push_back(sim::value_to_text(sim::parameter_value_of(design->spec().factors[f], point[f])));
    }
    return values;
  }
  sim::Settings settings = experiment_.spec.variants.at(entry).resolved;
  if (experiment_.ensemble) {
    settings = settings_with_member(settings, *experiment_.ensemble, replicate % experiment_.ensemble->size(),
                                    experiment_.spec.variants[entry].overrides);
  }
  for (const std::string& key : keys_) values.push_back(sim::value_to_text(settings.at(key).value));
  return values;
}

void RunBank::add(std::size_t entry, std::size_t replicate, const sim::RunOutput& run) {
  std::string row = runs_.design() != nullptr ? std::to_string(entry) : cell(experiment_.spec.variants.at(entry).name);
  for (const std::string& value : parameters_of(entry, replicate)) row += "," + cell(value);
  row += "," + std::to_string(experiment_.spec.seed) + "," + std::to_string(replicate) + "," +
         (run.error.empty() ? "0" : "1");
  for (const double value : run.summary) row += "," + (std::isnan(value) ? std::string("nan") : round_trip_text(value));
  for (std::size_t k = run.summary.size(); k < experiment_.model->outputs().summary.size(); ++k) row += ",nan";
  if (std::fprintf(out_, "%s\n", row.c_str()) < 0) throw OutputError("cannot write " + sim::quoted(temporary_->path()));
}

void RunBank::publish() {
  const bool closed = std::fclose(out_) == 0;
  out_ = nullptr;
  if (!closed) throw OutputError("cannot write " + sim::quoted(temporary_->path()));
  sim::fsync_path(temporary_->path(), false);
  sim::publish(temporary_->path(), path_, true);
  temporary_->release();
}

}  // namespace alignsim::experiment
