// `alignsim ingest EXPORT_DIR --mapping FILE [-o DIR]` (issue 14 item 1): a company's CRM
// export to its patterns and scenario (crm/company_ingest.hpp), then the summary of
// what was done with every row: read, used, skipped by reason (with the first such row),
// and each pattern measured. Exit 2 for a bad mapping or export, before DIR is touched.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "crm/company_ingest.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

// `digits` significant digits, but whole numbers as they are (a count of 29,989, a
// standard error of 173): no more precision than the sampling error allows, no exponents.
std::string shown(double value, int digits) {
  char text[32];
  if (std::fabs(value) >= std::pow(10.0, digits)) std::snprintf(text, sizeof text, "%.0f", value);
  else std::snprintf(text, sizeof text, "%.*g", digits, value);
  return text;
}

void print_rows(const crm::RowCounts& rows) {
  std::printf("  %-28s %7zu read, %7zu used", rows.file.c_str(), rows.read, rows.used);
  std::size_t skipped = 0;
  for (const auto& [reason, n] : rows.skipped) skipped += n;
  std::printf(", %zu skipped\n", skipped);
  for (const auto& [reason, n] : rows.skipped) {
    std::printf("      %7zu %s (first: %s)\n", n, reason.c_str(), rows.first_where.at(reason).c_str());
  }
}

void print_summary(const crm::IngestResult& r, const crm::PatternOptions& options) {
  const crm::CompanyPatterns& p = r.patterns;
  std::printf("%s export: rows\n", r.crm.c_str());
  print_rows(r.records.lead_rows);
  print_rows(r.records.opportunity_rows);
  print_rows(r.records.activity_rows);
  std::printf("  first touch taken from the earliest call or e-mail: %zu leads; first touched by another rep than "
              "the lead's owner: %zu; opportunities with no lead: %zu\n",
              r.records.first_touch_derived, r.records.owner_changed, r.records.opportunities_without_lead);
  std::printf("\nwindow: the last %lld business days before the export; %zu MQLs younger than %lld business days "
              "are censored (counted in no response share)\n\n",
              static_cast<long long>(p.window_days), p.censored_mqls, static_cast<long long>(options.follow_up_days));
  std::printf("  %-32s %-30s %12s %12s %8s\n", "pattern", "model metric", "observed", "std error", "n");
  for (const crm::CompanyStatistic& s : p.statistics) {
    const std::string metric = s.growth ? "growth of " + s.metric : s.per.empty() ? s.metric : s.metric + " per " + s.per;
    std::printf("  %-32s %-30s %12s %12s %8zu\n", s.name.c_str(), metric.c_str(), shown(s.observed, 4).c_str(),
                shown(s.standard_error, 2).c_str(), s.n);
  }
  std::printf("\nset from the data: %lld reps (on the team from first to last touch of a lead; median over the last quarter), mean deal $%.0f; shown only: "
              "across reps the CV of MQLs received %.2f and of median response hours %.2f\n",
              static_cast<long long>(p.reps), p.mean_deal_usd, p.rep_load_cv, p.rep_response_cv);
  std::printf("wrote %s, %s and %s (each rep under a salted label)\n", r.patterns_file.c_str(), r.scenario_file.c_str(),
              r.reps_file.c_str());
}

}  // namespace

int ingest_command(const Arguments& args) {
  crm::IngestRequest request;
  std::vector<std::string> positional;
  std::string output = request.output_dir.string(), base = request.base_scenario.string();
  po::options_description description(
      "Usage: alignsim ingest EXPORT_DIR --mapping MAPPING.yaml [options]\n\n"
      "Reads a CRM export (CSV files) through a mapping (mappings/salesforce.yaml, mappings/hubspot.yaml)\n"
      "and writes the company's patterns and scenario for alignsim calibrate (docs/calibration.md).\n"
      "Only the mapped columns are read; no name, address, identifier or free text is written.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("mapping", po::value(&request.mapping), "the CRM mapping (YAML)")
      ("output,o", po::value(&output)->default_value(output), "directory for patterns.yaml and scenario.yaml")
      ("base-scenario", po::value(&base)->default_value(base), "the scenario the company scenario extends")
      ("window-days", po::value(&request.patterns.window_days)->default_value(request.patterns.window_days),
       "measure over at most the last N business days (a multiple of 5; less if the history is shorter)")
      ("follow-up-days", po::value(&request.patterns.follow_up_days)->default_value(request.patterns.follow_up_days),
       "MQLs younger than N business days at the export are censored");
  if (!parse_command_line(args, description, "export", po::value(&positional)->composing(), 1)) return kExitOk;
  if (positional.size() != 1) throw UsageError("expected 'alignsim ingest EXPORT_DIR --mapping MAPPING.yaml'");
  if (request.mapping.empty()) throw UsageError("--mapping is required (mappings/salesforce.yaml, mappings/hubspot.yaml)");
  if (request.patterns.window_days < 5 || request.patterns.follow_up_days < 0) {
    throw UsageError("--window-days must be at least 5 and --follow-up-days at least 0");
  }
  request.export_dir = positional[0];
  request.output_dir = output;
  request.base_scenario = base;
  print_summary(crm::ingest_crm_export(request), request.patterns);
  return kExitOk;
}

}  // namespace alignsim::cli
