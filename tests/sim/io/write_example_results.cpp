// Writes a small results file whose every value follows a formula, so that
// check_results_xarray.py can open it with xarray and check dims, coordinates and numbers
// without a simulation. Usage: write_example_results OUTPUT.h5 [--overwrite]
//
// The formulas (check_results_xarray.py repeats them):
//   summary[m] of (variant v, replicate r)        = 100 v + 10 r + m + 0.5
//   series[m] of (v, r) in period p                = 1000 v + 100 r + 10 m + p + 0.25
//   statistics / paired_differences [m][v, column] = +/- (100 m + 10 v + column)
// Run (variant 1, replicate 2) fails and carries only an error message.
#include "sim/errors.hpp"
#include "sim/io/results_file.hpp"

#include <iostream>
#include <string>

namespace {

using alignsim::sim::MetricSpec;
using alignsim::sim::OutputLayout;
using alignsim::sim::Provenance;
using alignsim::sim::ResultsFile;
using alignsim::sim::ResultsLayout;
using alignsim::sim::RunOutput;

constexpr std::size_t kFailedVariant = 1;
constexpr std::size_t kFailedReplicate = 2;

ResultsLayout example_layout() {
  ResultsLayout layout;
  layout.variant_names = {"base", "faster_follow_up"};
  layout.variant_descriptions = {"the scenario as written", "follow up on new leads within one day"};
  layout.variant_overrides_yaml = {"{}", "follow_up:\n  delay_days: 1\n"};
  layout.replicates = 3;
  layout.periods = 4;
  layout.period_days = 5;
  layout.metrics =
      OutputLayout{{{"leads_converted", "leads", "leads converted to customers over the horizon"},
                    {"revenue", "USD", "revenue booked over the horizon"},
                    {"median_response_hours", "hours", "median time from lead arrival to first contact"}},
                   {{"open_leads", "leads", "leads open at the end of the period"},
                    {"pipeline_value", "USD", "expected value of open opportunities at the end of the period"}}};
  return layout;
}

Provenance example_provenance() {
  // A horizon of 18 business days cuts the 4th 5-day period short: period ends 5, 10, 15, 18.
  return {"0.1.0-example",
          "0000000000000000000000000000000000000000",
          "example",
          "name: example\nhorizon_days: 18\nperiod_days: 5\n",
          42,
          18};
}

RunOutput example_run(const ResultsLayout& layout, std::size_t variant, std::size_t replicate) {
  RunOutput run;
  if (variant == kFailedVariant && replicate == kFailedReplicate) {
    run.error = "numerical guard: negative backlog on day 7";
    return run;
  }
  const auto v = static_cast<double>(variant), r = static_cast<double>(replicate);
  for (std::size_t m = 0; m < layout.metrics.summary.size(); ++m) {
    run.summary.push_back(100 * v + 10 * r + static_cast<double>(m) + 0.5);
  }
  for (std::size_t m = 0; m < layout.metrics.series.size(); ++m) {
    for (std::size_t p = 0; p < layout.periods; ++p) {
      run.series.push_back(1000 * v + 100 * r + 10 * static_cast<double>(m) + static_cast<double>(p) + 0.25);
    }
  }
  return run;
}

std::vector<std::vector<double>> example_table(const ResultsLayout& layout, std::size_t columns, double sign) {
  std::vector<std::vector<double>> values(layout.metrics.summary.size());
  for (std::size_t m = 0; m < values.size(); ++m) {
    for (std::size_t v = 0; v < layout.variant_names.size(); ++v) {
      for (std::size_t c = 0; c < columns; ++c) values[m].push_back(sign * static_cast<double>(100 * m + 10 * v + c));
    }
  }
  return values;
}

void write_example(const std::string& path, bool overwrite) {
  const ResultsLayout layout = example_layout();
  ResultsFile file(path, layout, example_provenance(), overwrite);
  for (std::size_t v = 0; v < layout.variant_names.size(); ++v) {
    for (std::size_t r = 0; r < layout.replicates; ++r) file.write_run(v, r, example_run(layout, v, r));
  }
  const std::vector<std::string> columns = {"mean", "sd", "ci95_low", "ci95_high", "n"};
  file.write_table("statistics", columns, "statistic", layout.metrics.summary,
                   example_table(layout, columns.size(), 1.0));
  file.write_table("paired_differences", columns, "statistic", layout.metrics.summary,
                   example_table(layout, columns.size(), -1.0));
  file.commit();
}

}  // namespace

int main(int argc, char** argv) {
  const bool overwrite = argc == 3 && std::string(argv[2]) == "--overwrite";
  if (argc != 2 && !overwrite) {
    std::cerr << "usage: write_example_results OUTPUT.h5 [--overwrite]\n";
    return 2;
  }
  try {
    write_example(argv[1], overwrite);
  } catch (const alignsim::Error& error) {
    std::cerr << "write_example_results: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
