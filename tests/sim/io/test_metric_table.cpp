// The table writer alone, on a bare HDF5 file: whole and streamed tables, their
// coordinates and per-metric attributes, and the refusals; plus a table through the
// results file front.
#include "sim/io/metric_table.hpp"

#include <gtest/gtest.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <cmath>

#include "sim/io/results_file.hpp"
#include "tests/sim/io/hdf5_read_back.hpp"

namespace alignsim::sim {
namespace {

using namespace io_testing;  // NOLINT(google-build-using-namespace): the read-back helpers

std::vector<MetricSpec> two_metrics() {
  MetricSpec leads{"leads", "leads", "leads generated"};
  leads.label = "Leads";
  leads.key_outcome_rank = 2;
  leads.headline_rank = 1;
  leads.better = Better::higher;
  return {leads, {"revenue", "USD", "revenue booked"}};
}

class MetricTableTest : public ScratchHdf5File {
 protected:
  // Rows named r0, r1, ...: a string row coordinate like /sensitivity's.
  MetricTableShape shape(const std::string& group, std::size_t rows) {
    std::vector<std::string> names;
    for (std::size_t r = 0; r < rows; ++r) names.push_back("r" + std::to_string(r));
    return {group, "row", rows,
            [this, names](hid_t g) { return hdf5::write_string_coordinate(g, "row", names, string_type_); },
            "statistic", {"mean", "sd"}, two_metrics()};
  }
};

TEST_F(MetricTableTest, WholeTableHoldsValuesCoordinatesAndPresentation) {
  MetricTableWriter(file_.get(), shape("statistics", 2), string_type_, MetricTableWriter::Storage::whole,
                    {{1, 2, 3, 4}, {5, 6, 7, 8}});
  const hdf5::File file = reopen();
  EXPECT_EQ(shape_of(open_dataset(file, "/statistics/revenue")), (std::vector<hsize_t>{2, 2}));
  EXPECT_EQ(read_doubles(file, "/statistics/revenue"), (std::vector<double>{5, 6, 7, 8}));
  EXPECT_EQ(read_strings(file, "/statistics/statistic"), (std::vector<std::string>{"mean", "sd"}));
  EXPECT_EQ(read_strings(file, "/statistics/row"), (std::vector<std::string>{"r0", "r1"}));
  const hdf5::Dataset leads = open_dataset(file, "/statistics/leads");
  EXPECT_EQ(read_string_attribute(leads.get(), "units"), "leads");
  EXPECT_EQ(read_string_attribute(leads.get(), "long_name"), "leads generated");
  EXPECT_EQ(read_string_attribute(leads.get(), "label"), "Leads");
  EXPECT_EQ(read_number_attribute<std::int64_t>(leads.get(), "key_outcome_rank", H5T_NATIVE_INT64), 2);
  EXPECT_EQ(read_number_attribute<std::int64_t>(leads.get(), "headline_rank", H5T_NATIVE_INT64), 1);
  EXPECT_EQ(read_string_attribute(leads.get(), "better"), "higher");
  // An unlabelled metric shows its name.
  EXPECT_EQ(read_string_attribute(open_dataset(file, "/statistics/revenue").get(), "label"), "revenue");
  EXPECT_EQ(read_string_attribute(open_dataset(file, "/statistics/revenue").get(), "better"), "neither");
  const hdf5::Dataset scale = open_dataset(file, "/statistics/row");
  EXPECT_GT(H5DSis_attached(leads.get(), scale.get(), 0), 0);
}

TEST_F(MetricTableTest, StreamedTableFillsInBlocksAndLeavesUnwrittenRowsNaN) {
  {
    MetricTableWriter table(file_.get(), shape("points", 3), string_type_, MetricTableWriter::Storage::streamed);
    table.write_rows(1, {{10, 11}, {20, 21}});  // row 1 only
    table.write_rows(2, {{12, 13}, {22, 23}});
    expect_output_error([&] { table.write_rows(2, {{1, 2, 3, 4}, {1, 2, 3, 4}}); },
                        {"table points: rows outside the table"});
    expect_output_error([&] { table.write_rows(0, {{1, 2}}); }, {"table points: wrong number of metrics"});
  }
  const hdf5::File file = reopen();
  const std::vector<double> leads = read_doubles(file, "/points/leads");
  ASSERT_EQ(leads.size(), 6u);
  EXPECT_TRUE(std::isnan(leads[0]) && std::isnan(leads[1]));
  EXPECT_EQ(leads[2], 10);
  EXPECT_EQ(leads[5], 13);
  EXPECT_EQ(read_string_attribute(open_dataset(file, "/points/revenue").get(), "units"), "USD");
}

TEST_F(MetricTableTest, RefusalsNameTheTableAndWhatIsWrong) {
  const std::set<std::string> used{"summary"};
  expect_output_error([&] { check_table_layout(shape("summary", 2), used); }, {"group 'summary' was already written"});
  expect_output_error([&] { check_table_layout(shape("a/b", 2), used); }, {"table group 'a/b' is not a valid HDF5 name"});
  MetricTableShape clash = shape("statistics", 2);
  clash.column_dimension = "row";
  expect_output_error([&] { check_table_layout(clash, used); }, {"column dimension of table statistics 'row'"});
  MetricTableShape no_columns = shape("statistics", 2);
  no_columns.column_names.clear();
  expect_output_error([&] { check_table_layout(no_columns, used); }, {"table statistics has no columns"});
  expect_output_error([&] { check_table_values(shape("statistics", 2), used, {{1, 2, 3, 4}, {1}}); },
                      {"metric revenue: 1 values, expected variants x columns = 4"});
  expect_output_error([&] { check_table_values(shape("statistics", 2), used, {{1, 2, 3, 4}}); },
                      {"table statistics has 2 metrics but 1 value arrays"});
  expect_output_error([&] { check_matrix(shape("sensitivity", 2), used, {{1, 2, 3, 4}, {1}}); },
                      {"matrix sensitivity: wrong size"});
  expect_output_error([&] { check_matrix(shape("summary", 2), used, {}); },
                      {"group 'summary' is not a valid name or was already written"});
}

// ---------------------------------------------------------------- through the results file

TEST(ResultsFileTables, TableAndMatrixRoundTripWithTheirCoordinates) {
  const fs::path path = fs::temp_directory_path() / ("alignsim_tables_" + std::to_string(::getpid()) + ".h5");
  fs::remove(path);
  ResultsLayout layout;
  layout.variant_names = {"base", "other"};
  layout.variant_descriptions = {"", ""};
  layout.variant_overrides_yaml = {"{}", "{}"};
  layout.replicates = 1;
  layout.periods = 1;
  layout.period_days = 5;
  layout.metrics.summary = two_metrics();
  {
    ResultsFile file(path, layout, Provenance{}, false);
    file.write_table("statistics", {"mean", "sd"}, "statistic", layout.metrics.summary, {{1, 2, 3, 4}, {5, 6, 7, 8}});
    file.write_matrix("sensitivity", "factor", {"a", "b", "c"}, "index", {"S1"}, layout.metrics.summary,
                      {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
    file.commit();
  }
  const hdf5::File file = open_for_reading(path);
  EXPECT_EQ(read_doubles(file, "/statistics/revenue"), (std::vector<double>{5, 6, 7, 8}));
  EXPECT_EQ(read_strings(file, "/statistics/variant"), (std::vector<std::string>{"base", "other"}));
  EXPECT_EQ(read_strings(file, "/statistics/statistic"), (std::vector<std::string>{"mean", "sd"}));
  EXPECT_EQ(shape_of(open_dataset(file, "/sensitivity/leads")), (std::vector<hsize_t>{3, 1}));
  EXPECT_EQ(read_strings(file, "/sensitivity/factor"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(read_string_attribute(open_dataset(file, "/sensitivity/leads").get(), "label"), "Leads");
  fs::remove(path);
}

}  // namespace
}  // namespace alignsim::sim
