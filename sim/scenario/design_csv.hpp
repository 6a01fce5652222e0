#pragma once
// A list design read from a CSV file (issue 13 item 6): one column per catalog key (the
// header row), one row per design point, so a design made by SALib, scikit-learn or a
// spreadsheet runs as it is (`alignsim run SCENARIO --design-csv points.csv`). Values
// are checked against the catalog like scenario values; choices and booleans are words.
// The file may start with a UTF-8 byte-order mark and end lines with CRLF; a cell may be
// double-quoted ("" for a quote inside). Every error is one
// "FILE:LINE:COL: key: problem (allowed)" line (ScenarioError), nothing half-read.
// Internal to the scenario loader; thread-safe (no shared state).
#include <string>

#include "sim/design/sweep.hpp"
#include "sim/scenario/parameter.hpp"

namespace alignsim::sim::detail {

// A SweepSpec of kind list: one factor per column (reals uniform and integers integer
// over the catalog's range, choices and booleans categorical over their words), and the
// rows as points in column order.
[[nodiscard]] SweepSpec read_design_csv(const std::string& path, const ParameterCatalog& catalog);
[[nodiscard]] SweepSpec read_design_csv_text(const std::string& name, const std::string& text,
                                             const ParameterCatalog& catalog);

}  // namespace alignsim::sim::detail
