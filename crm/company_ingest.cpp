#include "crm/company_ingest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "crm/csv_table.hpp"
#include "crm/salted_ids.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::crm {
namespace {

std::string scenario_text(const IngestRequest& request, const IngestResult& result) {
  const std::filesystem::path base = std::filesystem::relative(std::filesystem::absolute(request.base_scenario),
                                                               std::filesystem::absolute(request.output_dir));
  const CompanyPatterns& p = result.patterns;
  std::ostringstream out;
  out << kCompanyScenarioHeader << " (docs/calibration.md): written by alignsim ingest from a "
      << result.crm << " export.\n"
      << "# The default what-if, run over the company's window with the reps and deal size its\n"
      << "# CRM shows; calibrate it to patterns.yaml next to this file.\n"
      << "extends: " << sim::detail::to_yaml_scalar(base.generic_string()) << "\n"
      << "name: company\n"
      << "description: " << sim::detail::to_yaml_scalar("The default what-if on the company's own CRM figures (" +
                                                         std::to_string(p.window_days) + " business days)") << "\n"
      << "run:\n  horizon_days: " << p.window_days << "\n"
      << "population:\n";
  if (p.reps > 0) out << "  reps: " << p.reps << "  # reps on the team (first to last touch of a lead), median over the last quarter\n";
  if (p.mean_deal_usd > 0) {
    out << "  deal_size_mean_usd: " << std::llround(p.mean_deal_usd) << "  # mean amount of the window's opportunities\n";
  }
  return out.str();
}

// One row per rep: its salted label, load and response (no CRM id, no name).
std::string reps_text(const CompanyPatterns& p, const SaltedIds& ids) {
  std::vector<std::pair<std::string, const RepFigures*>> rows;
  for (const RepFigures& f : p.reps_figures) rows.emplace_back(ids.label("rep-", f.id), &f);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string text = std::string(kCompanyRepsHeader) + "mqls_in_window,answered,within_1h_share,median_response_hours\n";
  for (const auto& [label, f] : rows) {
    // A share of a few hundred leads has 3 digits; a duration from whole seconds, 2 decimals of an hour.
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%.3f,", f->within_1h_share);
    std::string row = csv_cell(label) + "," + std::to_string(f->mqls) + "," + std::to_string(f->answered) + "," + numbers;
    if (!std::isnan(f->median_response_hours)) {
      std::snprintf(numbers, sizeof numbers, "%.2f", f->median_response_hours);
      row += numbers;
    }
    text += row + "\n";
  }
  return text;
}

}  // namespace

IngestResult ingest_crm_export(const IngestRequest& request) {
  const CrmMapping mapping = read_crm_mapping(request.mapping);
  std::error_code error;
  if (!std::filesystem::is_regular_file(request.base_scenario, error)) {
    throw UsageError("--base-scenario " + sim::quoted(request.base_scenario) +
                     ": no such scenario file (the company scenario extends it)");
  }
  if (!std::filesystem::is_directory(request.export_dir, error)) {
    throw ScenarioError(sim::quoted(request.export_dir) + ": not a directory (the CRM export's files are read from it)");
  }
  IngestResult result;
  result.crm = mapping.crm.empty() ? "CRM" : mapping.crm;
  result.records = read_crm_records(request.export_dir, mapping);
  result.patterns = company_patterns(result.records, request.patterns);
  std::filesystem::create_directories(request.output_dir, error);
  if (error) throw OutputError("cannot create " + sim::quoted(request.output_dir) + ": " + error.message());
  result.patterns_file = request.output_dir / "patterns.yaml";
  result.scenario_file = request.output_dir / "scenario.yaml";
  const std::string source = result.crm + " export (" + mapping.leads.file + ", " + mapping.opportunities.file + ", " +
                             mapping.activities.file + ")";
  sim::publish_text_file(result.patterns_file, company_pattern_text(result.patterns, source), kCompanyPatternsHeader,
               "a company patterns file");
  sim::publish_text_file(result.scenario_file, scenario_text(request, result), kCompanyScenarioHeader, "a company scenario");
  result.reps_file = request.output_dir / "reps.csv";
  sim::publish_text_file(result.reps_file, reps_text(result.patterns, SaltedIds(request.output_dir)), kCompanyRepsHeader,
               "a company reps table");
  return result;
}

}  // namespace alignsim::crm
