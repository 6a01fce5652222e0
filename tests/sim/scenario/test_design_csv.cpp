// A list design from a CSV file (sim/scenario/design_csv.hpp): columns to factors, rows
// to points, and each kind of bad input named by file, line, column and key.
#include <gtest/gtest.h>

#include <string>

#include "sim/errors.hpp"
#include "sim/scenario/design_csv.hpp"

namespace alignsim::sim::detail {
namespace {

ParameterCatalog catalog() {
  std::vector<ParameterSpec> specs(5);
  specs[0] = {"a.rate", ValueKind::real, "", 0.5, 0.0, 1.0, {}, "a rate", "assumption"};
  specs[1] = {"a.count", ValueKind::integer, "", std::int64_t{3}, 1, 10, {}, "a count", "assumption"};
  specs[2] = {"a.on", ValueKind::boolean, "", false, 0, 0, {}, "a switch", "assumption"};
  specs[3] = {"a.rule", ValueKind::choice, "", std::string("x"), 0, 0, {"x", "y", "z"}, "a rule", "assumption"};
  specs[4] = {"run.seed", ValueKind::integer, "", std::int64_t{1}, 0, 1e9, {}, "seed", "run setting"};
  return ParameterCatalog(specs);
}

std::string error_of(const std::string& text) {
  try {
    static_cast<void>(read_design_csv_text("d.csv", text, catalog()));
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(DesignCsv, ColumnsAreFactorsAndRowsArePoints) {
  const SweepSpec sweep = read_design_csv_text(
      "d.csv", "\xEF\xBB\xBF" "a.rate,a.count,a.on,\"a.rule\"\r\n0.25, 4,true,z\r\n1,10,false,\"x\"\r\n\r\n", catalog());
  EXPECT_EQ(sweep.kind, DesignKind::list);
  ASSERT_EQ(sweep.factors.size(), 4u);
  EXPECT_EQ(sweep.factors[1].distribution, Distribution::integer);
  EXPECT_EQ(sweep.factors[2].distribution, Distribution::categorical);
  EXPECT_EQ(sweep.factors[3].choices, (std::vector<std::string>{"x", "y", "z"}));
  ASSERT_EQ(sweep.list.size(), 2u);
  EXPECT_EQ(sweep.list[0], (std::vector<double>{0.25, 4, 1, 2}));  // true is choice 1, z choice 2
  EXPECT_EQ(sweep.list[1], (std::vector<double>{1, 10, 0, 0}));
}

TEST(DesignCsv, BadInputNamesFileLineColumnAndKey) {
  EXPECT_NE(error_of("a.rate,a.count\n0.5,11\n").find("d.csv:2:5: a.count:"), std::string::npos)
      << error_of("a.rate,a.count\n0.5,11\n");
  EXPECT_NE(error_of("a.rate,a.nope\n0.5,1\n").find("d.csv:1:8: a.nope: not a model parameter"), std::string::npos);
  EXPECT_NE(error_of("a.rate,run.seed\n0.5,1\n").find("d.csv:1:8: run.seed"), std::string::npos);
  EXPECT_NE(error_of("a.rate,a.rate\n0.5,1\n").find("given twice"), std::string::npos);
  EXPECT_NE(error_of("a.rate,a.count\n0.5\n").find("d.csv:2:1: row: 1 values"), std::string::npos);
  EXPECT_NE(error_of("a.rule\nw\n").find("d.csv:2:1: a.rule:"), std::string::npos);
  EXPECT_NE(error_of("a.rate\n\"0.5\n").find("a quote is not closed"), std::string::npos);
  EXPECT_NE(error_of("a.rate\n").find("no design points"), std::string::npos);
  EXPECT_NE(error_of("").find("no header row"), std::string::npos);
}

}  // namespace
}  // namespace alignsim::sim::detail
