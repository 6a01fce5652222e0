// Reading damaged journals (sim/durability/journal_scan.hpp): a torn tail is cut off,
// damage in the middle is skipped with every later record kept, and no length field is
// trusted further than the file and the record shape allow.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "sim/durability/run_journal.hpp"
#include "sim/errors.hpp"

namespace alignsim::sim {
namespace {

namespace fs = std::filesystem;

constexpr const char* kIdentity = "scenario_fnv1a64: 0123\nversion: test\n";
constexpr std::size_t kHeaderBytes = 8 + 4 + std::char_traits<char>::length(kIdentity) + 8;
// Two summary values and three series values: payload 28 + 5 * 8 bytes.
constexpr std::size_t kRecordBytes = 8 + (28 + 5 * 8) + 8;
const JournalRecordShape kShape{2, 3};

RunOutput output_of(std::size_t run) {
  const auto x = static_cast<double>(run);
  return {{x, x + 0.5}, {x, 2 * x, 3 * x}, ""};
}

class RunJournalReading : public ::testing::Test {
 protected:
  fs::path path = fs::temp_directory_path() / ("journal_test_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override {
    auto journal = RunJournal::create(path, kIdentity, std::chrono::milliseconds(0));
    for (std::size_t run = 0; run < 5; ++run) journal.record(run, 0, output_of(run));
  }
  void TearDown() override { fs::remove(path); }

  [[nodiscard]] static std::size_t record_offset(std::size_t run) { return kHeaderBytes + run * kRecordBytes; }
  void overwrite(std::size_t offset, const std::string& bytes) const {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(offset));
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  void flip(std::size_t offset) const {
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    const char c = static_cast<char>(in.get());
    overwrite(offset, std::string(1, static_cast<char>(c ^ 0x10)));
  }
  [[nodiscard]] RunJournal reopen() const {
    return RunJournal::open_existing(path, kIdentity, std::chrono::milliseconds(0), kShape);
  }
  static void expect_runs(const RunJournal& journal, const std::vector<std::size_t>& present) {
    for (std::size_t run = 0; run < 6; ++run) {
      const auto found = journal.completed(run, 0);
      const bool expected = std::count(present.begin(), present.end(), run) != 0;
      ASSERT_EQ(found.has_value(), expected) << "run " << run;
      if (found) {
        EXPECT_EQ(found->series, output_of(run).series) << "run " << run;
      }
    }
  }
};

TEST_F(RunJournalReading, WholeRecordsAreAllReadBack) {
  ASSERT_EQ(fs::file_size(path), record_offset(5));
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3, 4});
  EXPECT_EQ(journal.contents_at_open().scan.tail, JournalTail::none);
  EXPECT_TRUE(journal.contents_at_open().scan.skipped.empty());
}

TEST_F(RunJournalReading, TornTailIsCutOffAndReportedAsTorn) {
  fs::resize_file(path, record_offset(4) + 30);  // the last record cut short mid-payload
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3});
  EXPECT_EQ(journal.contents_at_open().scan.tail, JournalTail::torn);
  EXPECT_EQ(journal.contents_at_open().scan.tail_range.bytes, 30U);
  EXPECT_TRUE(describe_damage(journal.contents_at_open().scan).empty());  // a kill, not damage
  EXPECT_EQ(fs::file_size(path), record_offset(4));
}

TEST_F(RunJournalReading, CorruptLengthInTheMiddleIsSkippedAndLaterRecordsKept) {
  // A length of ~4 GiB: must neither be allocated nor end the journal.
  overwrite(record_offset(1) + 4, std::string("\xF0\xFF\xFF\xFF", 4));
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 2, 3, 4});
  const JournalScan& scan = journal.contents_at_open().scan;
  ASSERT_EQ(scan.skipped.size(), 1U);
  EXPECT_EQ(scan.skipped[0].offset, record_offset(1));
  EXPECT_EQ(scan.skipped[0].bytes, kRecordBytes);
  EXPECT_EQ(scan.tail, JournalTail::none);
  EXPECT_EQ(fs::file_size(path), record_offset(5)) << "nothing after the damage may be cut off";
  EXPECT_NE(describe_damage(scan).find("at byte " + std::to_string(record_offset(1))), std::string::npos);
}

TEST_F(RunJournalReading, FlippedByteInTheMiddleIsSkippedAndLaterRecordsKept) {
  flip(record_offset(2) + 8 + 40);  // inside run 2's summary values
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 3, 4});
  ASSERT_EQ(journal.contents_at_open().scan.skipped.size(), 1U);
  EXPECT_EQ(journal.contents_at_open().scan.skipped[0].offset, record_offset(2));
  EXPECT_EQ(fs::file_size(path), record_offset(5));
}

TEST_F(RunJournalReading, FlippedByteInTheLastRecordIsADamagedTailNotATornOne) {
  flip(record_offset(4) + 8 + 40);
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3});
  EXPECT_EQ(journal.contents_at_open().scan.tail, JournalTail::damaged);
  EXPECT_NE(describe_damage(journal.contents_at_open().scan).find("damaged last record"), std::string::npos);
  EXPECT_EQ(fs::file_size(path), record_offset(4));
}

TEST_F(RunJournalReading, RecordOfAnotherShapeIsDamage) {
  { auto journal = reopen(); journal.record(5, 0, {{1.0}, {}, ""}); }  // one summary value, no series
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3, 4});
  EXPECT_EQ(journal.contents_at_open().scan.tail, JournalTail::damaged);
}

TEST_F(RunJournalReading, RunsAppendedAfterSkippedDamageAreFoundOnTheNextResume) {
  flip(record_offset(1) + 2);  // the record magic
  {
    auto journal = reopen();
    expect_runs(journal, {0, 2, 3, 4});
    journal.record(1, 0, output_of(1));  // the lost run, computed again
  }
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3, 4});
  EXPECT_EQ(journal.contents_at_open().scan.skipped.size(), 1U);
}

TEST_F(RunJournalReading, GarbageBetweenRecordsIsSkipped) {
  {
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << std::string("1NUR\x10\x00\x00\x00garbage", 15);
  }
  { auto journal = reopen(); journal.record(5, 0, output_of(5)); }
  const RunJournal journal = reopen();
  expect_runs(journal, {0, 1, 2, 3, 4, 5});
  ASSERT_EQ(journal.contents_at_open().scan.skipped.size(), 0U) << "the first reopen cut the garbage tail off";
}

TEST_F(RunJournalReading, LengthFieldsAreBoundedBeforeAnythingIsAllocated) {
  std::string bytes(kHeaderBytes + 3 * kRecordBytes, '\0');
  std::ifstream(path, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::memcpy(bytes.data() + record_offset(0) + 4, "\xFF\xFF\xFF\xFF", 4);
  std::size_t largest_read = 0;
  const JournalBytes read = [&](std::uint64_t offset, char* buffer, std::size_t size) {
    largest_read = std::max(largest_read, size);
    if (offset > bytes.size() || size > bytes.size() - offset) return false;
    std::memcpy(buffer, bytes.data() + offset, size);
    return true;
  };
  std::size_t records = 0;
  const JournalScan scan = scan_journal_records(read, kHeaderBytes, bytes.size(), JournalRecordShape{},
                                                [&](const JournalRecordInfo&) { ++records; });
  EXPECT_EQ(records, 2U);
  EXPECT_LE(largest_read, std::size_t{1} << 16) << "a read larger than the file was attempted";
  ASSERT_EQ(scan.skipped.size(), 1U);
}

// A stretch full of record magics with plausible lengths: each false candidate must cost
// a few bytes, not its claimed length (else searching it is quadratic).
TEST_F(RunJournalReading, SearchingDamageReadsEachByteAFewTimesOnly) {
  std::string bytes(kHeaderBytes, '\0');
  std::ifstream(path, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  for (int i = 0; i < (1 << 18); ++i) bytes.append("1NUR\x00\x00\x08\x00", 8);  // 2 MiB, lengths of 512 KiB
  std::uint64_t bytes_read = 0;
  const JournalBytes read = [&](std::uint64_t offset, char* buffer, std::size_t size) {
    bytes_read += size;
    if (offset > bytes.size() || size > bytes.size() - offset) return false;
    std::memcpy(buffer, bytes.data() + offset, size);
    return true;
  };
  const JournalScan scan =
      scan_journal_records(read, kHeaderBytes, bytes.size(), JournalRecordShape{}, [](const JournalRecordInfo&) {});
  EXPECT_EQ(scan.tail, JournalTail::damaged);
  EXPECT_LE(bytes_read, 8 * bytes.size()) << "bytes read to search " << bytes.size() << " bytes";
}

TEST_F(RunJournalReading, CorruptHeaderLengthIsAClearErrorNotAnAllocation) {
  overwrite(8, std::string("\x00\x00\x00\x7F", 4));
  try {
    static_cast<void>(reopen());
    FAIL() << "a damaged header was accepted";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("damaged header"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace alignsim::sim
