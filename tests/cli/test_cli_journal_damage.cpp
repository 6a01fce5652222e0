// A damaged journal through the real executable (docs/reproducibility.md, "Damaged
// journals"): a corrupt length field or a flipped byte in the middle skips that one
// record, keeps every later one, says so with the byte offset, recomputes only the lost
// run, and the resumed file is byte-identical to an uninterrupted run. Never bad_alloc.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "cli_runner.hpp"
#include "experiment/run_identity.hpp"
#include "experiment/run_table.hpp"
#include "sim/durability/run_journal.hpp"
#include "sim/durability/run_record.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;

// Twelve runs of the guard test model; some fail its numerical guard (failed records too).
constexpr const char* kScenario =
    "name: guarded\nmodel: guard_test\nrun:\n  replicates: 12\n  seed: 5\nnoise:\n  sd: 0.5\nguard:\n  max_y: 0.8\n";
constexpr std::size_t kRuns = 12;

class CliJournalDamage : public ::testing::Test {
 protected:
  testing::TempDir dir{"journal-damage"};
  fs::path journal_path = dir.path() / ".out.h5.journal";
  std::vector<std::size_t> record_offsets;  // of each record's frame, in file order

  void SetUp() override {
    testing::write_text(dir.path() / "guarded.yaml", kScenario);
    ASSERT_EQ(run_cli({"run", "guarded.yaml", "-o", "reference.h5", "--quiet"}, dir.path()).exit_code, 3);
    // The journal a run killed just before publishing would leave: every run recorded.
    experiment::ScenarioRequest request;
    request.file = (dir.path() / "guarded.yaml").string();
    const experiment::Experiment loaded = experiment::load_experiment(request);
    const experiment::RunTable runs(loaded);
    const std::string identity = experiment::RunIdentity::of(loaded, {}, std::nullopt).text();
    auto journal = sim::RunJournal::create(journal_path, identity, std::chrono::milliseconds(0));
    std::size_t offset = 8 + 4 + identity.size() + 8;
    for (std::size_t r = 0; r < kRuns; ++r) {
      const sim::RunOutput output = sim::run_isolated(runs.summary_size(), runs.series_size(),
                                                      [&](std::size_t e, std::size_t rep) { return runs.run(e, rep); },
                                                      0, r);
      record_offsets.push_back(offset);
      offset += 8 + sim::encode_run_record(0, r, output).size() + 8;
      journal.record(0, r, output);
    }
    ASSERT_EQ(fs::file_size(journal_path), offset);
  }
  void overwrite(std::size_t offset, const std::string& bytes) const {
    std::fstream file(journal_path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(offset));
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  // --quiet hides the resume note, never the damage warning.
  void expect_resume_recovers(std::size_t damaged_record) const {
    const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--resume", "--quiet"}, dir.path());
    EXPECT_EQ(result.exit_code, 3) << result.err;  // the guard's failed runs, as in the reference
    EXPECT_EQ(result.err.find("bad_alloc"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("warning: journal"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("damaged stretch at byte " + std::to_string(record_offsets[damaged_record])),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("the records after it kept"), std::string::npos) << result.err;
    EXPECT_EQ(testing::read_text(dir.path() / "out.h5"), testing::read_text(dir.path() / "reference.h5"))
        << "the resumed file differs from the uninterrupted run";
    EXPECT_FALSE(fs::exists(journal_path));
  }
};

TEST_F(CliJournalDamage, CorruptLengthFieldIsSkippedNotAllocated) {
  overwrite(record_offsets[3] + 4, std::string("\xF0\xFF\xFF\xFF", 4));  // ~4 GiB
  expect_resume_recovers(3);
}

TEST_F(CliJournalDamage, EveryRecordAfterTheDamageIsReused) {
  overwrite(record_offsets[5] + 8 + 30, "\x5A");
  const auto result = run_cli({"run", "guarded.yaml", "-o", "out.h5", "--resume"}, dir.path());
  std::smatch counts;
  ASSERT_TRUE(std::regex_search(result.err, counts, std::regex("(\\d+) finished runs reused, (\\d+) failed runs")))
      << result.err;
  EXPECT_EQ(std::stoul(counts[1]) + std::stoul(counts[2]), kRuns - 1) << result.err;
  EXPECT_EQ(result.err.find("torn"), std::string::npos) << result.err;
}

TEST_F(CliJournalDamage, FlippedByteInTheMiddleRecoversByteIdentically) {
  overwrite(record_offsets[1] + 8 + 20, "\xA5");
  expect_resume_recovers(1);
}

}  // namespace
}  // namespace alignsim::cli
