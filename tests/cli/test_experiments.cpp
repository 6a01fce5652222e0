// Experiments end to end through the real executable: Sobol indices of analytic test
// functions (same design -> runner -> results -> statistics -> sensitivity path as the
// model), thread-count independence of a sweep file, adaptive replication, `compare`,
// and the loader's error format for the sweep section.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>

#include "cli_runner.hpp"
#include "models/analytic/analytic_models.hpp"

namespace alignsim::cli::testing {
namespace {

const std::string kData = std::string(ALIGNSIM_SOURCE_DIR) + "/tests/cli/data/";

// /sensitivity/METRIC [factor, statistic] as read back from a results file.
std::vector<double> read_matrix(const std::filesystem::path& file, const std::string& path, std::size_t& columns) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t d = H5Dopen2(f, path.c_str(), H5P_DEFAULT);
  const hid_t space = H5Dget_space(d);
  hsize_t dims[2] = {0, 0};
  H5Sget_simple_extent_dims(space, dims, nullptr);
  std::vector<double> values(dims[0] * dims[1]);
  H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Sclose(space);
  H5Dclose(d);
  H5Fclose(f);
  columns = dims[1];
  return values;
}

void expect_indices(const std::filesystem::path& file, const model::analytic::AnalyticIndices& analytic) {
  std::size_t columns = 0;
  const std::vector<double> m = read_matrix(file, "sensitivity/y", columns);
  ASSERT_EQ(columns, 6u);  // S1, S1 low, S1 high, ST, ST low, ST high
  ASSERT_EQ(m.size() / columns, analytic.first_order.size());
  for (std::size_t i = 0; i < analytic.first_order.size(); ++i) {
    EXPECT_NEAR(m[i * columns + 0], analytic.first_order[i], 0.02) << "S1 of x" << i + 1;
    EXPECT_NEAR(m[i * columns + 3], analytic.total[i], 0.02) << "ST of x" << i + 1;
  }
}

// Stated sample size: Saltelli N = 8192 base rows, 8192 (k + 2) runs.
TEST(Experiments, IshigamiSobolIndicesWithinTwoHundredthsAtN8192) {
  TempDir dir("ishigami");
  const auto r = run_cli({"run", kData + "ishigami_saltelli.yaml", "-o", "i.h5", "--quiet"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Sensitivity of y (saltelli)"), std::string::npos);
  expect_indices(dir.path() / "i.h5", model::analytic::ishigami_indices(7.0, 0.1));
}

TEST(Experiments, SobolGFunctionIndicesWithinTwoHundredthsAtN8192) {
  TempDir dir("sobolg");
  const auto r = run_cli({"run", kData + "sobol_g_saltelli.yaml", "-o", "g.h5", "--quiet"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_indices(dir.path() / "g.h5", model::analytic::sobol_g_indices({0, 1, 4.5, 9, 99, 99, 99, 99}));
}

TEST(Experiments, SweepFileIsByteIdenticalOnOneAndTwoThreads) {
  TempDir dir("sweep-threads");
  const std::vector<std::string> common{"run", kData + "ishigami_saltelli.yaml", "--samples", "64", "--set",
                                        "noise.sd=0.5", "--replicates", "3", "--quiet"};
  auto one = common, two = common;
  one.insert(one.end(), {"-o", "one.h5", "--threads", "1"});
  two.insert(two.end(), {"-o", "two.h5", "--threads", "2"});
  const auto a = run_cli(one, dir.path()), b = run_cli(two, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out.substr(0, a.out.find("Results:")), b.out.substr(0, b.out.find("Results:")));
  EXPECT_EQ(read_text(dir.path() / "one.h5"), read_text(dir.path() / "two.h5"));
}

TEST(Experiments, AdaptiveReplicationStopsWhenEveryPointMeetsTheTarget) {
  TempDir dir("adaptive");
  const std::vector<std::string> common{"run",      kData + "ishigami_saltelli.yaml", "--design", "lhs",
                                        "--samples", "8",  "--set", "noise.sd=1", "--replicates", "4",
                                        "--target-ci", "y=0.5", "--max-replicates", "256", "--quiet"};
  auto one = common, two = common;
  one.insert(one.end(), {"-o", "one.h5", "--threads", "1"});
  two.insert(two.end(), {"-o", "two.h5", "--threads", "2"});
  const auto a = run_cli(one, dir.path()), b = run_cli(two, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find("target met at every point"), std::string::npos) << a.out;
  EXPECT_EQ(read_text(dir.path() / "one.h5"), read_text(dir.path() / "two.h5"));
  std::size_t columns = 0;
  const std::vector<double> stats = read_matrix(dir.path() / "one.h5", "statistics/y", columns);
  for (std::size_t p = 0; p < 8; ++p) {
    const double half_width = (stats[p * columns + 3] - stats[p * columns + 2]) / 2;
    EXPECT_LT(half_width, 0.5) << "point " << p;
  }
}

TEST(Experiments, CompareRefusesScenariosWithDifferentRunSettings) {
  TempDir dir("compare");
  write_text(dir.path() / "a.yaml", "model: ishigami\nrun: {replicates: 5}\n");
  write_text(dir.path() / "b.yaml", "model: ishigami\nrun: {replicates: 6}\nx: {x1: 1}\n");
  const auto r = run_cli({"compare", "a.yaml", "b.yaml", "--quiet"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "b.yaml:2:19: run.replicates: 6 differs from 5 in a.yaml (compared scenarios must share every "
                   "run.* setting)\n");
}

TEST(Experiments, CompareReportsPairedDifferenceAndNarrowing) {
  TempDir dir("compare-ok");
  write_text(dir.path() / "a.yaml", "model: ishigami\nnoise: {sd: 1}\nrun: {replicates: 20}\n");
  write_text(dir.path() / "b.yaml", "extends: a.yaml\nname: shifted\nx: {x1: 1}\n");
  const auto r = run_cli({"compare", "a.yaml", "b.yaml", "--quiet"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("shifted vs a"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("narrowing"), std::string::npos);
  // The noise is common to both (same streams), so every pair differs by exactly
  // sin(1) = 0.841: no paired interval, hence no narrowing factor (not a huge number).
  EXPECT_NE(r.out.find("+0.841 [+0.841, +0.841]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("n/a\n"), std::string::npos) << r.out;
}

TEST(Experiments, SweepErrorsNameFileLineColumnAndKey) {
  TempDir dir("sweep-errors");
  write_text(dir.path() / "s.yaml",
             "model: ishigami\nsweep:\n  design: latin_hypercube\n  samples: 4\n  factors:\n"
             "    - {key: x.x1, low: 0, high: 9}\n");
  const auto r = run_cli({"run", "s.yaml", "--quiet"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "s.yaml:6:33: sweep.factors[0].high: '9' is out of range (a number in [-3.141592653589793, "
                   "3.141592653589793])\n");
  write_text(dir.path() / "t.yaml", "sweep:\n  design: lhs_typo\n  factors:\n    - {key: scoring.threshold, low: 0, high: 1}\n");
  const auto t = run_cli({"run", "t.yaml", "--quiet"}, dir.path());
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("t.yaml:2:11: sweep.design: 'lhs_typo' is not a design (one of: grid, list"), std::string::npos)
      << t.err;
  const auto c = run_cli({"run", "--design", "lhs", "--samples", "4", "--factor", "scoring.threshold=0.2"}, dir.path());
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("<command line>:1:"), std::string::npos) << c.err;
}

}  // namespace
}  // namespace alignsim::cli::testing
