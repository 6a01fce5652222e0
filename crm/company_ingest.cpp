#include "crm/company_ingest.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::crm {
namespace {

void publish_text(const std::filesystem::path& path, const std::string& text, const std::string& header,
                  const std::string& what) {
  sim::check_destination(path, true);
  sim::refuse_unless_first_line_starts(path, header, what);
  sim::TemporaryFileGuard temporary(sim::temporary_path_for(path));
  {
    std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw OutputError("cannot write " + sim::quoted(temporary.path()));
  }
  sim::fsync_path(temporary.path(), false);
  sim::publish(temporary.path(), path, true);
  temporary.release();
}

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

}  // namespace

IngestResult ingest_crm_export(const IngestRequest& request) {
  const CrmMapping mapping = read_crm_mapping(request.mapping);
  std::error_code error;
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
  publish_text(result.patterns_file, company_pattern_text(result.patterns, source), kCompanyPatternsHeader,
               "a company patterns file");
  publish_text(result.scenario_file, scenario_text(request, result), kCompanyScenarioHeader, "a company scenario");
  return result;
}

}  // namespace alignsim::crm
