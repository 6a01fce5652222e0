// Crash safety and resource errors through the real executable: the run journal and
// --resume, failure isolation, the output lock, and disk, directory and permission
// problems. Mount-based tests need root (they mount small tmpfs filesystems) and fail,
// rather than skip, where mounting is not permitted.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/mount.h>

#include <chrono>
#include <cstring>
#include <fstream>

#include "experiment/run_identity.hpp"
#include "cli_runner.hpp"
#include "sim/durability/output_lock.hpp"
#include "sim/durability/run_journal.hpp"

namespace alignsim::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;
using testing::TempDir;
using testing::write_text;

// Twelve runs of y = 0.5 + N(0, 0.5^2); the numerical guard rejects y > 0.8, so some fail.
constexpr const char* kGuardScenario =
    "name: guarded\nmodel: guard_test\nrun:\n  replicates: 12\n  seed: 5\nnoise:\n  sd: 0.5\nguard:\n  max_y: 0.8\n";

std::vector<double> read_summary_y(const fs::path& file) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t d = H5Dopen2(f, "/summary/y", H5P_DEFAULT);
  std::vector<double> values(12);
  H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(d);
  H5Fclose(f);
  return values;
}

std::string identity_of(const fs::path& scenario) {
  experiment::ScenarioRequest request;
  request.file = scenario.string();
  return experiment::RunIdentity::of(experiment::load_experiment(request), {}, std::nullopt).text();
}

// Names in `dir` other than `keep`: leftovers a refused or failed run must not leave.
std::vector<std::string> other_files(const fs::path& dir, const std::set<std::string>& keep) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (keep.count(name) == 0 && name != ".stdout" && name != ".stderr") names.push_back(name);
  }
  return names;
}

class CliDurability : public ::testing::Test {
 protected:
  TempDir dir{"durability"};
  fs::path scenario = dir.path() / "guarded.yaml";
  void SetUp() override { write_text(scenario, kGuardScenario); }
};

TEST_F(CliDurability, FailedRunsAreRecordedCountedAndTheSweepGoesOn) {
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet"}, dir.path());
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("of 12 runs failed"), std::string::npos) << result.err;
  const std::vector<double> y = read_summary_y(dir.path() / "out.h5");
  const auto failed = std::count_if(y.begin(), y.end(), [](double v) { return std::isnan(v); });
  EXPECT_GT(failed, 0);
  EXPECT_LT(failed, 12);
  EXPECT_NE(result.err.find(std::to_string(failed) + " of 12"), std::string::npos) << result.err;
  EXPECT_TRUE(other_files(dir.path(), {"guarded.yaml", "out.h5"}).empty());
}

// A journal holding a (deliberately impossible) finished run 0 and a failed run 1: resume
// must reuse run 0 as recorded, recompute run 1 and everything after.
TEST_F(CliDurability, ResumeReusesFinishedRunsAndRetriesFailedOnes) {
  const auto reference = run_cli({"run", "guarded.yaml", "-o", "reference.h5", "--quiet"}, dir.path());
  ASSERT_EQ(reference.exit_code, 3) << reference.err;
  {
    auto journal = sim::RunJournal::create(dir.path() / ".out.h5.journal", identity_of(scenario),
                                           std::chrono::milliseconds(0));
    journal.record(0, 0, sim::RunOutput{{123.0}, {}, ""});
    journal.record(0, 1, sim::RunOutput{{0.0}, {}, "transient failure"});
  }
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--resume"}, dir.path());
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("1 finished runs reused, 1 failed runs to retry"), std::string::npos) << result.err;
  const std::vector<double> y = read_summary_y(dir.path() / "out.h5"), want = read_summary_y(dir.path() / "reference.h5");
  EXPECT_EQ(y[0], 123.0);  // reused, not recomputed
  for (std::size_t r = 1; r < 12; ++r) EXPECT_TRUE(y[r] == want[r] || (std::isnan(y[r]) && std::isnan(want[r]))) << r;
  EXPECT_FALSE(fs::exists(dir.path() / ".out.h5.journal"));
}

TEST_F(CliDurability, TornLastRecordIsIgnoredAndResumeMatchesAnUninterruptedRun) {
  ASSERT_EQ(run_cli({"run", "guarded.yaml", "-o", "reference.h5", "--quiet"}, dir.path()).exit_code, 3);
  const fs::path journal_path = dir.path() / ".out.h5.journal";
  { auto journal = sim::RunJournal::create(journal_path, identity_of(scenario), std::chrono::milliseconds(0)); }
  std::ofstream(journal_path, std::ios::app | std::ios::binary) << std::string("1NUR\x40\x00\x00\x00" "abc", 11);
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--resume"}, dir.path());
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("torn last record (11 bytes) cut off"), std::string::npos) << result.err;
  EXPECT_EQ(testing::read_text(dir.path() / "out.h5"), testing::read_text(dir.path() / "reference.h5"));
}

TEST_F(CliDurability, JournalWithoutResumeIsRefusedAndOverwriteStartsOver) {
  { auto journal = sim::RunJournal::create(dir.path() / ".out.h5.journal", identity_of(scenario), {}); }
  const auto refused = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet"}, dir.path());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--resume"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--overwrite"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out.h5"));
  write_text(dir.path() / ".out.h5.tmp-99999-0", "stale temporary of a killed run");
  EXPECT_EQ(run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet", "--overwrite"}, dir.path()).exit_code, 3);
  EXPECT_TRUE(other_files(dir.path(), {"guarded.yaml", "out.h5"}).empty());
}

TEST_F(CliDurability, JournalOfAnotherScenarioIsRefusedOnResume) {
  { auto journal = sim::RunJournal::create(dir.path() / ".out.h5.journal", identity_of(scenario), {}); }
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet", "--resume", "--seed", "6"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("belongs to another scenario"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("scenario_fnv1a64"), std::string::npos) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / ".out.h5.journal"));
}

TEST_F(CliDurability, ResumeOfACompletedRunChangesNothing) {
  ASSERT_EQ(run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet"}, dir.path()).exit_code, 3);
  const std::string before = testing::read_text(dir.path() / "out.h5");
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet", "--resume"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("already complete"), std::string::npos) << result.out;
  EXPECT_EQ(testing::read_text(dir.path() / "out.h5"), before);
}

TEST_F(CliDurability, OutputLockedByAnotherWriterFailsAtOnceTouchingNothing) {
  write_text(dir.path() / "out.h5", "previous results");
  const sim::OutputLock held(dir.path() / "out.h5");
  for (const char* flag : {"--overwrite", "--resume"}) {
    const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--quiet", flag}, dir.path());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("is being written by another alignsim process"), std::string::npos) << result.err;
  }
  EXPECT_EQ(testing::read_text(dir.path() / "out.h5"), "previous results");
  EXPECT_TRUE(other_files(dir.path(), {"guarded.yaml", "out.h5", ".out.h5.lock"}).empty());
}

TEST_F(CliDurability, MissingDirectoryIsAClearOutputError) {
  const auto result = run_cli({"run", "guarded.yaml", "-o", "no/such/dir/out.h5", "--quiet"}, dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "no"));
}

// A small tmpfs mounted at dir/name for one test; the test fails if mounting is refused.
class Mounted {
 public:
  Mounted(const fs::path& at, const std::string& options) : at_(at) {
    fs::create_directories(at_);
    mounted_ = ::mount("tmpfs", at_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    error_ = mounted_ ? "" : std::strerror(errno);
  }
  ~Mounted() {
    if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
  }
  void remount(const std::string& options, unsigned long flags) {
    ASSERT_EQ(::mount("tmpfs", at_.c_str(), "tmpfs", MS_REMOUNT | flags, options.c_str()), 0) << std::strerror(errno);
  }
  [[nodiscard]] bool ok() const { return mounted_; }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  fs::path at_;
  bool mounted_ = false;
  std::string error_;
};

TEST_F(CliDurability, UnwritableDirectoryIsAClearOutputError) {
  // As root, permission bits do not stop writes; a read-only filesystem does.
  Mounted readonly(dir.path() / "ro", "size=1m");
  ASSERT_TRUE(readonly.ok()) << "this test must mount a tmpfs (run as root): mount failed: " << readonly.error();
  write_text(dir.path() / "ro" / "out.h5", "previous results");
  readonly.remount("size=1m", MS_RDONLY);
  const auto result = run_cli({"run", "guarded.yaml", "-o", "ro/out.h5", "--quiet", "--overwrite"}, dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("is not writable"), std::string::npos) << result.err;
  EXPECT_EQ(testing::read_text(dir.path() / "ro" / "out.h5"), "previous results");
}

TEST_F(CliDurability, DiskFullIsAClearOutputErrorAndDamagesNothing) {
  Mounted small(dir.path() / "full", "size=2m");
  ASSERT_TRUE(small.ok()) << "this test must mount a 2 MiB tmpfs (run as root): mount failed: " << small.error();
  // An earlier results file (--overwrite replaces only alignsim's own files, docs/safety.md).
  const auto earlier = run_cli({"run", ALIGNSIM_SOURCE_DIR "/tests/golden/tiny.yaml", "-o", "full/out.h5", "--quiet",
                                "--replicates", "1", "--set", "population.prospects=200", "--set",
                                "budget.initial_marketing_usd_per_day=10"},
                               dir.path());
  ASSERT_EQ(earlier.exit_code, 0) << earlier.err;
  const std::string previous = testing::read_text(dir.path() / "full" / "out.h5");
  // ~200 runs x 120 periods of series: far more than 2 MiB even compressed.
  // --no-resource-check: the up-front estimate would refuse this (resource_limits.sh); here
  // the disk fills while the run writes.
  const auto result = run_cli({"run", ALIGNSIM_SOURCE_DIR "/tests/golden/tiny.yaml", "-o", "full/out.h5", "--quiet",
                               "--no-resource-check", "--overwrite", "--replicates", "100", "--set",
                               "run.horizon_days=120", "--set", "run.period_days=1", "--set", "population.prospects=200", "--set",
                               "budget.initial_marketing_usd_per_day=10"},  // calibrated per prospect: no caution
                              dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("No space left on device"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_EQ(testing::read_text(dir.path() / "full" / "out.h5"), previous);
  for (const auto& name : other_files(dir.path() / "full", {"out.h5"})) {
    // Finished runs may stay in the journal (the message says so); nothing else may.
    EXPECT_EQ(name, ".out.h5.journal") << "left behind: " << name;
    EXPECT_NE(result.err.find("--resume"), std::string::npos) << result.err;
  }
}

}  // namespace
}  // namespace alignsim::cli
