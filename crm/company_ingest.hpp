#pragma once
// `alignsim ingest EXPORT_DIR --mapping FILE -o DIR` (issue 14 item 1): a company's CRM
// export in, through its mapping; out, in DIR, the company's patterns (patterns.yaml,
// company_patterns.hpp), the company scenario (scenario.yaml: the default what-if with
// the window as its horizon and the company's reps and deal size), ready for
// `alignsim calibrate DIR/scenario.yaml --patterns DIR/patterns.yaml`, and reps.csv: each
// rep's load and response under a salted label (salted_ids.hpp), never its CRM id.
//
// Nothing from the export reaches DIR but the numbers: no identifier, name, address or
// free text (the mapping never reads those columns; identifiers stay in memory). Each
// file is published atomically and replaces only a file alignsim ingest wrote, so a
// malformed export (an error) leaves DIR as it was. Thread-safe (no shared state).
#include <filesystem>
#include <string>

#include "crm/company_patterns.hpp"

namespace alignsim::crm {

struct IngestRequest {
  std::filesystem::path export_dir;
  std::string mapping;
  std::filesystem::path output_dir = "company";
  std::filesystem::path base_scenario = "scenarios/whatif.yaml";
  PatternOptions patterns;
};

struct IngestResult {
  std::string crm;  // the mapping's name for the CRM
  CrmRecords records;
  CompanyPatterns patterns;
  std::filesystem::path patterns_file, scenario_file, reps_file;
};

// Throws ScenarioError for a bad mapping or export (file, line, column, value), OutputError
// when DIR cannot be written or holds a file of that name alignsim did not write.
[[nodiscard]] IngestResult ingest_crm_export(const IngestRequest& request);

inline constexpr const char* kCompanyPatternsHeader = "# alignsim company patterns";
inline constexpr const char* kCompanyScenarioHeader = "# alignsim company scenario";
inline constexpr const char* kCompanyRepsHeader = "rep_salted_label,";

}  // namespace alignsim::crm
