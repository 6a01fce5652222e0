#pragma once
// What `alignsim calibrate` leaves besides its waves' results files (docs/patterns.md,
// "alignsim calibrate"): calibration.h5, self-describing, with the factors, the
// patterns, every wave's box, points, parameter values, implausibilities and what ruled
// them out, and the plausible ensemble; and ensemble.yaml, the ensemble alone in a form
// small enough to review and keep in git, which `--ensemble` options read. Both are
// written under a temporary name and published atomically, and hold no timestamps, so
// the same calibration gives byte-identical files.
//
// Thread safety: none (HDF5); call from one thread.
#include <filesystem>
#include <string>
#include <vector>

#include "experiment/calibration_wave.hpp"
#include "experiment/history_matching.hpp"

namespace alignsim::experiment {

struct CalibrationRecord {
  std::string scenario;        // the scenario's name
  std::string patterns_file;   // as given
  std::vector<CalibrationFactor> factors;
  std::vector<PatternTarget> targets;
  HistoryMatchingPlan plan;
  std::size_t replicates = 0;  // per point and variant
  HistoryMatch match;
};

// The marker of ensemble.yaml's first line: a file starting otherwise is never replaced.
inline constexpr const char* kEnsembleHeader = "# alignsim calibration ensemble";

// Writes calibration.h5 (replacing only an earlier alignsim calibration file). Throws OutputError.
void write_calibration_file(const std::filesystem::path& path, const CalibrationRecord& record);

// Writes ensemble.yaml: the factors' keys and one row of parameter values per plausible
// point, printed so they read back exactly. Throws OutputError, also when the name holds
// a file that is not an earlier ensemble.
void write_ensemble_file(const std::filesystem::path& path, const CalibrationRecord& record);

}  // namespace alignsim::experiment
