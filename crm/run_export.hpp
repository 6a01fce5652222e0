#pragma once
// `alignsim run SCENARIO --export-crm DIR`: one replicate of one variant of a loaded
// experiment, run again with its CRM events logged (the same run as in the results file:
// runs are keyed by seed, variant and replicate, and logging draws nothing), written as
// the synthetic CRM (synthetic_export.hpp). Over an ensemble the replicate runs its member.
// Thread-safe (no shared state).
#include <cstdint>
#include <filesystem>
#include <string>

#include "crm/synthetic_export.hpp"
#include "experiment/experiment.hpp"

namespace alignsim::crm {

struct CrmExportRequest {
  std::filesystem::path directory;
  std::string variant;         // empty: the scenario's first variant (its baseline)
  std::uint32_t replicate = 0;
  SyntheticExportOptions layout;
};

// Throws UsageError for a model other than the sales-marketing model, an unknown variant
// or a sweep, OutputError when DIR exists or cannot be written.
void export_synthetic_crm(const experiment::Experiment& experiment, const CrmExportRequest& request);

}  // namespace alignsim::crm
