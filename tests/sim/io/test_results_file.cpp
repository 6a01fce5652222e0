#include "sim/io/results_file.hpp"

#include "sim/errors.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "tests/sim/io/hdf5_read_back.hpp"

#include <gtest/gtest.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iterator>
#include <thread>

namespace alignsim::sim {
namespace {

namespace fs = std::filesystem;
using namespace io_testing;  // NOLINT(google-build-using-namespace): the read-back helpers

// ---------------------------------------------------------------- a small layout

ResultsLayout small_layout() {
  ResultsLayout layout;
  layout.variant_names = {"base", "double_budget"};
  layout.variant_descriptions = {"as written", "twice the marketing budget"};
  layout.variant_overrides_yaml = {"{}", "marketing:\n  budget_usd: 20000\n"};
  layout.replicates = 3;
  layout.periods = 4;
  layout.period_days = 5;
  layout.metrics.summary = {{"leads", "leads", "leads generated"}, {"revenue", "USD", "revenue booked"}};
  layout.metrics.series = {{"backlog", "leads", "open leads at period end"}};
  return layout;
}

Provenance small_provenance() {
  // A seed above 2^63 shows the attribute is really unsigned; 17 days cut period 4 short.
  return {"0.1.0", "abc123", "small", "name: small\nhorizon_days: 17\n", (std::uint64_t{1} << 63) + 5, 17};
}

double summary_value(std::size_t variant, std::size_t replicate, std::size_t metric) {
  return 100.0 * static_cast<double>(variant) + 10.0 * static_cast<double>(replicate) + static_cast<double>(metric) +
         0.125;
}

double series_value(std::size_t variant, std::size_t replicate, std::size_t period) {
  return 1000.0 * static_cast<double>(variant) + 10.0 * static_cast<double>(replicate) + static_cast<double>(period) +
         0.5;
}

RunOutput small_run(std::size_t variant, std::size_t replicate) {
  RunOutput run;
  run.summary = {summary_value(variant, replicate, 0), summary_value(variant, replicate, 1)};
  for (std::size_t period = 0; period < 4; ++period) run.series.push_back(series_value(variant, replicate, period));
  return run;
}

void write_all_runs(ResultsFile& file) {
  for (std::size_t variant = 0; variant < 2; ++variant) {
    for (std::size_t replicate = 0; replicate < 3; ++replicate)
      file.write_run(variant, replicate, small_run(variant, replicate));
  }
}

// ---------------------------------------------------------------- fixture

class ResultsFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() /
                 ("alignsim_results_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(directory_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(directory_, ignored);
  }

  [[nodiscard]] fs::path path(const std::string& name) const { return directory_ / name; }
  [[nodiscard]] std::vector<std::string> directory_entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  void write_small_file(const fs::path& target) const {
    ResultsFile file(target, small_layout(), small_provenance(), false);
    write_all_runs(file);
    file.write_table("statistics", {"mean", "sd"}, "statistic", small_layout().metrics.summary,
                     {{1.0, 2.0, 3.0, 4.0}, {5.0, 6.0, 7.0, 8.0}});
    file.commit();
  }

  fs::path directory_;
};

// ---------------------------------------------------------------- round trip

TEST_F(ResultsFileTest, SummaryAndSeriesValuesRoundTripWhateverTheWriteOrder) {
  {
    ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
    for (std::size_t replicate = 3; replicate-- > 0;) {  // reverse order on purpose
      for (std::size_t variant = 2; variant-- > 0;) file.write_run(variant, replicate, small_run(variant, replicate));
    }
    file.commit();
  }
  const hdf5::File file = open_for_reading(path("out.h5"));
  const std::vector<double> revenue = read_doubles(file, "/summary/revenue");
  ASSERT_EQ(shape_of(open_dataset(file, "/summary/revenue")), (std::vector<hsize_t>{2, 3}));
  for (std::size_t v = 0; v < 2; ++v) {
    for (std::size_t r = 0; r < 3; ++r) EXPECT_EQ(revenue[v * 3 + r], summary_value(v, r, 1));
  }
  const std::vector<double> backlog = read_doubles(file, "/timeseries/backlog");
  ASSERT_EQ(shape_of(open_dataset(file, "/timeseries/backlog")), (std::vector<hsize_t>{2, 3, 4}));
  EXPECT_EQ(backlog[(1 * 3 + 2) * 4 + 3], 1023.5);  // variant 1, replicate 2, period 3
  EXPECT_EQ(backlog[0], 0.5);
  EXPECT_EQ(read_int64s(file, "/summary/replicate"), (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_EQ(read_int64s(file, "/timeseries/period"), (std::vector<std::int64_t>{5, 10, 15, 17}));
  EXPECT_EQ(read_strings(file, "/summary/variant"), (std::vector<std::string>{"base", "double_budget"}));
  EXPECT_EQ(read_strings(file, "/runs/error"), std::vector<std::string>(6, ""));
}

TEST_F(ResultsFileTest, ManyReplicatesInScatteredOrderWithGapsRoundTrip) {
  // 130 replicates span three 64-replicate write blocks, the last one partial.
  ResultsLayout layout = small_layout();
  layout.replicates = 130;
  const auto skipped = [](std::size_t variant, std::size_t replicate) {
    return replicate % 50 == 7 || (variant == 1 && replicate >= 128);
  };
  {
    ResultsFile file(path("out.h5"), layout, small_provenance(), false);
    for (std::size_t step = 0; step < 2 * 130; ++step) {
      const std::size_t index = step * 97 % (2 * 130);  // 97 is coprime to 260: a permutation
      const std::size_t variant = index % 2, replicate = index / 2;
      if (!skipped(variant, replicate)) file.write_run(variant, replicate, small_run(variant, replicate));
    }
    file.commit();
  }
  const hdf5::File file = open_for_reading(path("out.h5"));
  const std::vector<double> leads = read_doubles(file, "/summary/leads");
  const std::vector<double> backlog = read_doubles(file, "/timeseries/backlog");
  const std::vector<std::string> errors = read_strings(file, "/runs/error");
  std::size_t checked = 0;
  for (std::size_t v = 0; v < 2; ++v) {
    for (std::size_t r = 0; r < 130; ++r) {
      const std::size_t run = v * 130 + r;
      if (skipped(v, r)) {
        EXPECT_TRUE(std::isnan(leads[run])) << v << "," << r;
        EXPECT_EQ(errors[run].rfind("not written", 0), 0u) << v << "," << r;
        continue;
      }
      EXPECT_EQ(leads[run], summary_value(v, r, 0)) << v << "," << r;
      EXPECT_EQ(backlog[run * 4 + 3], series_value(v, r, 3)) << v << "," << r;
      EXPECT_EQ(errors[run], "") << v << "," << r;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 260u - 6u - 2u);
}

TEST_F(ResultsFileTest, RootAttributesCarryProvenance) {
  write_small_file(path("out.h5"));
  const hdf5::File file = open_for_reading(path("out.h5"));
  EXPECT_EQ(read_string_attribute(file.get(), "alignsim_version"), "0.1.0");
  EXPECT_EQ(read_string_attribute(file.get(), "git_revision"), "abc123");
  EXPECT_EQ(read_string_attribute(file.get(), "scenario_name"), "small");
  EXPECT_EQ(read_string_attribute(file.get(), "scenario_yaml"), "name: small\nhorizon_days: 17\n");
  EXPECT_EQ(read_number_attribute<std::uint64_t>(file.get(), "seed", H5T_NATIVE_UINT64), (std::uint64_t{1} << 63) + 5);
  EXPECT_EQ(read_number_attribute<std::int64_t>(file.get(), "horizon_days", H5T_NATIVE_INT64), 17);
  EXPECT_EQ(read_number_attribute<std::int64_t>(file.get(), "period_days", H5T_NATIVE_INT64), 5);
  EXPECT_EQ(read_number_attribute<std::int64_t>(file.get(), "replicates", H5T_NATIVE_INT64), 3);
  EXPECT_EQ(read_number_attribute<std::int64_t>(file.get(), "output_format_version", H5T_NATIVE_INT64), 2);
}

TEST_F(ResultsFileTest, MetricDatasetsCarryUnitsAndLongName) {
  write_small_file(path("out.h5"));
  const hdf5::File file = open_for_reading(path("out.h5"));
  const hdf5::Dataset revenue = open_dataset(file, "/summary/revenue");
  EXPECT_EQ(read_string_attribute(revenue.get(), "units"), "USD");
  EXPECT_EQ(read_string_attribute(revenue.get(), "long_name"), "revenue booked");
  const hdf5::Dataset backlog = open_dataset(file, "/timeseries/backlog");
  EXPECT_EQ(read_string_attribute(backlog.get(), "units"), "leads");
  EXPECT_EQ(read_string_attribute(open_dataset(file, "/timeseries/period").get(), "units"), "business days");
}

TEST_F(ResultsFileTest, VariantsGroupListsNamesDescriptionsAndOverrides) {
  write_small_file(path("out.h5"));
  const hdf5::File file = open_for_reading(path("out.h5"));
  EXPECT_EQ(read_strings(file, "/variants/name"), (std::vector<std::string>{"base", "double_budget"}));
  EXPECT_EQ(read_strings(file, "/variants/description"),
            (std::vector<std::string>{"as written", "twice the marketing budget"}));
  EXPECT_EQ(read_strings(file, "/variants/overrides_yaml"),
            (std::vector<std::string>{"{}", "marketing:\n  budget_usd: 20000\n"}));
}

TEST_F(ResultsFileTest, CoordinatesAreDimensionScalesAttachedAndLabelled) {
  write_small_file(path("out.h5"));
  const hdf5::File file = open_for_reading(path("out.h5"));
  const hdf5::Dataset backlog = open_dataset(file, "/timeseries/backlog");
  const char* names[] = {"/timeseries/variant", "/timeseries/replicate", "/timeseries/period"};
  for (unsigned axis = 0; axis < 3; ++axis) {
    const hdf5::Dataset scale = open_dataset(file, names[axis]);
    EXPECT_GT(H5DSis_scale(scale.get()), 0) << names[axis];
    EXPECT_GT(H5DSis_attached(backlog.get(), scale.get(), axis), 0) << names[axis];
    std::array<char, 32> label{};
    H5DSget_label(backlog.get(), axis, label.data(), label.size());
    EXPECT_EQ(fs::path(names[axis]).filename().string(), label.data());
  }
}

TEST_F(ResultsFileTest, ErrorStringsAreRecordedAndFailedRunsStayNaN) {
  {
    ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
    file.write_run(0, 0, small_run(0, 0));
    file.write_run(0, 1, RunOutput{{}, {}, "numerical guard: negative backlog"});
    RunOutput failed_with_values = small_run(1, 0);
    failed_with_values.error = "invariant broken";
    file.write_run(1, 0, failed_with_values);
    file.commit();  // (0, 2), (1, 1) and (1, 2) never written
  }
  const hdf5::File file = open_for_reading(path("out.h5"));
  const std::vector<std::string> errors = read_strings(file, "/runs/error");
  const std::string unwritten = "not written: the writer never received this run's results";
  EXPECT_EQ(errors, (std::vector<std::string>{"", "numerical guard: negative backlog", unwritten, "invariant broken",
                                              unwritten, unwritten}));
  const std::vector<double> leads = read_doubles(file, "/summary/leads");
  EXPECT_EQ(leads[0], summary_value(0, 0, 0));
  EXPECT_TRUE(std::isnan(leads[1]));
  EXPECT_EQ(leads[3], summary_value(1, 0, 0));
  EXPECT_TRUE(std::isnan(leads[5]));
  EXPECT_TRUE(std::isnan(read_doubles(file, "/timeseries/backlog")[4]));  // run (0, 1), period 0
}

// ---------------------------------------------------------------- the temporary file

TEST_F(ResultsFileTest, WritesOnlyATemporaryFileUntilCommit) {
  ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
  write_all_runs(file);
  EXPECT_FALSE(fs::exists(path("out.h5")));
  EXPECT_EQ(file.temporary_path().parent_path(), directory_);
  // ".out.h5.tmp-" and 16 random hex digits: a name nobody can plant a link at in advance.
  const std::string name = file.temporary_path().filename().string();
  EXPECT_EQ(name.rfind(".out.h5.tmp-", 0), 0u) << name;
  EXPECT_EQ(name.size(), std::string(".out.h5.tmp-").size() + 16) << name;
  EXPECT_TRUE(fs::exists(file.temporary_path()));
  file.commit();
  EXPECT_EQ(directory_entries(), (std::vector<std::string>{"out.h5"}));
}

TEST_F(ResultsFileTest, TemporaryFileDeletedWhenDestroyedWithoutCommit) {
  {
    ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
    file.write_run(0, 0, small_run(0, 0));
    ASSERT_EQ(directory_entries().size(), 1u);
  }
  EXPECT_TRUE(directory_entries().empty());
}

TEST_F(ResultsFileTest, TemporaryFileDeletedAfterAnException) {
  try {
    ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
    file.write_run(0, 0, RunOutput{{1.0}, {}, ""});  // too few values
    ADD_FAILURE() << "expected OutputError";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("has 1 summary and 0 series values; the layout needs 2 and 4"),
              std::string::npos)
        << error.what();
  }
  EXPECT_TRUE(directory_entries().empty());
}

TEST_F(ResultsFileTest, SameContentTwiceGivesIdenticalBytes) {
  write_small_file(path("first.h5"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // any stored time would now differ
  write_small_file(path("second.h5"));
  const std::string first = file_bytes(path("first.h5"));
  EXPECT_GT(first.size(), 1000u);
  EXPECT_TRUE(first == file_bytes(path("second.h5")));
}

TEST_F(ResultsFileTest, WritingFromAnotherThreadSilencesHdf5ThereToo) {
  ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
  bool printing = true;
  std::thread writer([&] {  // as the runner's writer stage does, on any oneTBB worker
    file.write_run(0, 0, small_run(0, 0));
    H5E_auto2_t print = nullptr;
    void* data = nullptr;
    H5Eget_auto2(H5E_DEFAULT, &print, &data);
    printing = print != nullptr;
  });
  writer.join();
  EXPECT_FALSE(printing);
}

// ---------------------------------------------------------------- refusals

TEST_F(ResultsFileTest, ExistingFileRefusedWithoutOverwriteAndLeftUntouched) {
  { std::ofstream(path("out.h5")) << "precious"; }
  expect_output_error([&] { ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false); },
                      {path("out.h5").string(), "already exists"});
  EXPECT_EQ(file_bytes(path("out.h5")), "precious");
  EXPECT_EQ(directory_entries(), (std::vector<std::string>{"out.h5"}));
}

TEST_F(ResultsFileTest, OverwriteReplacesExistingFile) {
  { std::ofstream(path("out.h5")) << "old"; }
  ResultsFile file(path("out.h5"), small_layout(), small_provenance(), true);
  write_all_runs(file);
  EXPECT_EQ(file_bytes(path("out.h5")), "old");  // untouched until commit
  file.commit();
  EXPECT_EQ(read_doubles(open_for_reading(path("out.h5")), "/summary/leads")[4], summary_value(1, 1, 0));
}

TEST_F(ResultsFileTest, FileAppearingDuringWriteIsNotReplacedWithoutOverwrite) {
  {
    ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
    write_all_runs(file);
    { std::ofstream(path("out.h5")) << "someone else's"; }
    expect_output_error([&] { file.commit(); }, {"appeared while results were being written"});
  }
  EXPECT_EQ(file_bytes(path("out.h5")), "someone else's");
  EXPECT_EQ(directory_entries(), (std::vector<std::string>{"out.h5"}));
}

TEST_F(ResultsFileTest, MissingDirectoryGivesClearError) {
  const fs::path missing = path("no_such_dir") / "out.h5";
  expect_output_error([&] { ResultsFile file(missing, small_layout(), small_provenance(), false); },
                      {"directory '" + path("no_such_dir").string() + "' does not exist"});
  EXPECT_TRUE(directory_entries().empty());
}

TEST_F(ResultsFileTest, DirectoryThatIsAFileGivesClearError) {
  { std::ofstream(path("plain_file")) << "x"; }
  expect_output_error(
      [&] { ResultsFile file(path("plain_file") / "out.h5", small_layout(), small_provenance(), false); },
      {"'" + path("plain_file").string() + "' is not a directory"});
}

TEST_F(ResultsFileTest, UnwritableDirectoryGivesClearError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write to any directory";
  fs::create_directory(path("locked"));
  fs::permissions(path("locked"), fs::perms::owner_read | fs::perms::owner_exec);
  expect_output_error([&] { ResultsFile file(path("locked") / "out.h5", small_layout(), small_provenance(), false); },
                      {"is not writable", "Permission denied"});
  EXPECT_TRUE(fs::is_empty(path("locked")));
}

TEST_F(ResultsFileTest, DuplicateOutOfRangeAndLateRunsRefused) {
  ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
  file.write_run(1, 2, small_run(1, 2));
  expect_output_error([&] { file.write_run(1, 2, small_run(1, 2)); },
                      {"run (variant 1, replicate 2) was already written"});
  expect_output_error([&] { file.write_run(2, 0, small_run(0, 0)); },
                      {"outside the layout (2 variants, 3 replicates)"});
  expect_output_error([&] { file.write_run(0, 3, small_run(0, 0)); }, {"run (variant 0, replicate 3)"});
  file.commit();
  expect_output_error([&] { file.write_run(0, 0, small_run(0, 0)); }, {"write_run() called after commit()"});
  expect_output_error([&] { file.commit(); }, {"commit() called after commit()"});
}

TEST_F(ResultsFileTest, BadLayoutRefusedBeforeTouchingDisk) {
  ResultsLayout clash = small_layout();
  clash.metrics.summary.push_back({"replicate", "1", "collides with the coordinate"});
  expect_output_error([&] { ResultsFile file(path("out.h5"), clash, small_provenance(), false); },
                      {"summary metric 'replicate'"});
  ResultsLayout mismatched = small_layout();
  mismatched.variant_descriptions.pop_back();
  expect_output_error([&] { ResultsFile file(path("out.h5"), mismatched, small_provenance(), false); },
                      {"2 variant names but 1 descriptions"});
  ResultsLayout slash = small_layout();
  slash.variant_names[1] = "a/b";
  expect_output_error([&] { ResultsFile file(path("out.h5"), slash, small_provenance(), false); },
                      {"variant name 'a/b' is not a valid HDF5 name"});
  ResultsLayout no_replicates = small_layout();
  no_replicates.replicates = 0;
  expect_output_error([&] { ResultsFile file(path("out.h5"), no_replicates, small_provenance(), false); },
                      {"0 replicates"});
  EXPECT_TRUE(directory_entries().empty());
}

TEST_F(ResultsFileTest, BadTablesRefused) {
  ResultsFile file(path("out.h5"), small_layout(), small_provenance(), false);
  const auto& metrics = small_layout().metrics.summary;
  expect_output_error(
      [&] {
        file.write_table("summary", {"mean"}, "statistic", metrics, {{1, 2}, {3, 4}});
      },
      {"group 'summary' was already written"});
  expect_output_error(
      [&] {
        file.write_table("statistics", {"mean"}, "statistic", metrics, {{1, 2}, {3}});
      },
      {"metric revenue: 1 values, expected variants x columns = 2"});
  expect_output_error(
      [&] {
        file.write_table("statistics", {"mean"}, "variant", metrics, {{1, 2}, {3, 4}});
      },
      {"column dimension of table statistics 'variant'"});
  file.write_table("statistics", {"mean"}, "statistic", metrics, {{1, 2}, {3, 4}});
  expect_output_error(
      [&] {
        file.write_table("statistics", {"mean"}, "statistic", metrics, {{1, 2}, {3, 4}});
      },
      {"group 'statistics' was already written"});
}

}  // namespace
}  // namespace alignsim::sim
