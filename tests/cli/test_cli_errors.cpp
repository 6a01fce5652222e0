// Bad input through the real executable: one message FILE:LINE:COL: key: problem
// (allowed), exit code 2, and no results file created or touched.
#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace alignsim::cli {
namespace {

using testing::run_cli;
using testing::TempDir;
using testing::write_text;

struct BadInputCase {
  const char* name;
  const char* file_text;       // written to bad.yaml (nullptr: no file)
  std::vector<std::string> extra_args;
  const char* expected_prefix;  // the start of the one-line message
  const char* expected_text;    // must also appear in the message
};

class CliBadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(CliBadInput, OneMessageExitTwoAndNoOutputTouched) {
  const auto& c = GetParam();
  TempDir dir(std::string("bad-") + c.name);
  if (c.file_text != nullptr) write_text(dir.path() / "bad.yaml", c.file_text);
  write_text(dir.path() / "cycle_a.yaml", "extends: cycle_b.yaml\n");
  write_text(dir.path() / "cycle_b.yaml", "extends: cycle_a.yaml\n");
  write_text(dir.path() / "existing.h5", "previous results");

  for (const char* output : {"new.h5", "existing.h5"}) {
    std::vector<std::string> args{"run", "bad.yaml", "-o", output, "--overwrite", "--quiet"};
    args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
    const auto result = run_cli(args, dir.path());
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(result.err.rfind(c.expected_prefix, 0), 0u) << "message was: " << result.err;
    EXPECT_NE(result.err.find(c.expected_text), std::string::npos) << "message was: " << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << "exactly one line: " << result.err;
    EXPECT_TRUE(result.out.empty());
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "new.h5"));
  EXPECT_EQ(testing::read_text(dir.path() / "existing.h5"), "previous results");
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryKindOfBadInput, CliBadInput,
    ::testing::Values(
        BadInputCase{"unknown_key", "demand:\n  inovation_rate: 0.1\n", {}, "bad.yaml:2:3: demand.inovation_rate:",
                     "did you mean 'demand.innovation_rate'"},
        BadInputCase{"unknown_section", "demmand:\n  enabled: true\n", {}, "bad.yaml:1:1: demmand:",
                     "did you mean 'demand'"},
        BadInputCase{"wrong_type", "demand:\n  innovation_rate: fast\n", {}, "bad.yaml:2:20: demand.innovation_rate:",
                     "not a number"},
        BadInputCase{"section_as_scalar", "demand: 3\n", {}, "bad.yaml:1:9: demand:", "mapping"},
        BadInputCase{"out_of_range", "demand:\n  innovation_rate: 5\n", {}, "bad.yaml:2:20: demand.innovation_rate:",
                     "out of range (a number in [0, 1])"},
        BadInputCase{"integer_expected", "run:\n  replicates: 2.5\n", {}, "bad.yaml:2:15: run.replicates:",
                     "integer"},
        BadInputCase{"duplicate_key", "run:\n  seed: 1\n  seed: 2\n", {}, "bad.yaml:3:3: run.seed:", "duplicate key"},
        BadInputCase{"missing_file", nullptr, {}, "bad.yaml:", "cannot read"},
        BadInputCase{"extends_missing", "extends: nowhere.yaml\n", {}, "bad.yaml:1:1: extends:", "nowhere.yaml"},
        BadInputCase{"extends_cycle", "extends: cycle_a.yaml\n", {}, "cycle_b.yaml:1:1: extends:", "cycle"},
        BadInputCase{"malformed_yaml", "demand: [1, 2\n", {}, "bad.yaml:", "invalid YAML"},
        BadInputCase{"empty_file", "", {}, "bad.yaml:", "empty"},
        BadInputCase{"comments_only", "# nothing here\n", {}, "bad.yaml:", "empty"},
        BadInputCase{"variant_sets_run", "variants:\n  - name: x\n    run:\n      seed: 3\n", {}, "bad.yaml:3:5: variants[0].run:",
                     "variant may not change run settings"},
        BadInputCase{"bad_set_value", "{}\n", {"--set", "demand.innovation_rate=abc"},
                     "<command line>:1:24: demand.innovation_rate:", "not a number"},
        BadInputCase{"bad_set_key", "{}\n", {"--set", "demand.inovation_rate=0.1"}, "<command line>:1:1: demand.inovation_rate:",
                     "did you mean"},
        BadInputCase{"bad_replicates", "{}\n", {"--replicates", "0"}, "<command line>:1:", "run.replicates"}),
    [](const ::testing::TestParamInfo<BadInputCase>& param_info) { return std::string(param_info.param.name); });

TEST(CliBadInput, UnknownOptionIsUsageErrorWithExitTwo) {
  TempDir dir("bad-option");
  const auto result = run_cli({"run", "--no-such-option"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no-such-option"), std::string::npos) << result.err;
}

TEST(CliBadInput, UnknownCommandExitsTwo) {
  TempDir dir("bad-command");
  EXPECT_EQ(run_cli({"fly"}, dir.path()).exit_code, 2);
}

TEST(CliOutput, ExistingResultsAreRefusedWithoutOverwrite) {
  TempDir dir("existing");
  write_text(dir.path() / "existing.h5", "previous results");
  const auto result = run_cli({"run", "-o", "existing.h5", "--quiet", "--replicates", "2",
                               "--set", "population.prospects=500", "--set", "run.horizon_days=20"},
                              dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--overwrite"), std::string::npos) << result.err;
  EXPECT_EQ(testing::read_text(dir.path() / "existing.h5"), "previous results");
}

}  // namespace
}  // namespace alignsim::cli
