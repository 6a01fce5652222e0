// A CRM export read whole: RFC 4180 syntax, encodings, and errors that name the line and
// column a user must look at.
#include "crm/csv_table.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

using Cells = std::vector<std::string>;
using Columns = std::vector<int>;

// The message read_csv_text throws for `text` (the test fails when nothing is thrown).
std::string error_of(const std::string& text, TextEncoding encoding = TextEncoding::utf8) {
  try {
    static_cast<void>(read_csv_text("t.csv", text, encoding));
  } catch (const ScenarioError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no error for: " << text;
  return "";
}

// Every message is one line that starts with the place it names.
void expect_error_at(const std::string& text, const std::string& prefix,
                     TextEncoding encoding = TextEncoding::utf8) {
  const std::string message = error_of(text, encoding);
  EXPECT_EQ(message.substr(0, prefix.size()), prefix) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(CsvTable, QuotedLineBreaksMakeARecordSpanLines) {
  const CsvTable table = read_csv_text("t.csv",
                                       "id,description,owner\n"
                                       "1,\"first line\nsecond, line\nthird \"\"line\"\"\",ann\n"
                                       "2,plain,bob\n");
  EXPECT_EQ(table.file, "t.csv");
  EXPECT_EQ(table.header, (Cells{"id", "description", "owner"}));
  ASSERT_EQ(table.records.size(), 2U);
  EXPECT_EQ(table.records[0].line, 2);
  EXPECT_EQ(table.records[0].cells, (Cells{"1", "first line\nsecond, line\nthird \"line\"", "ann"}));
  EXPECT_EQ(table.records[0].columns, (Columns{1, 3, 17}));  // "ann" starts on line 4, column 17
  EXPECT_EQ(table.records[1].line, 5);
  EXPECT_EQ(table.records[1].cells, (Cells{"2", "plain", "bob"}));
  EXPECT_EQ(table.records[1].columns, (Columns{1, 3, 9}));
}

TEST(CsvTable, DoubledQuotesAreOneQuote) {
  const CsvTable table = read_csv_text("t.csv", "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n");
  ASSERT_EQ(table.records.size(), 1U);
  EXPECT_EQ(table.records[0].cells, (Cells{"say \"hi\"", "\""}));
}

TEST(CsvTable, ByteOrderMarkIsDropped) {
  const CsvTable table = read_csv_text("t.csv", "\xEF\xBB\xBFname,age\nx,1\n");
  EXPECT_EQ(table.header, (Cells{"name", "age"}));
  EXPECT_EQ(table.column_of("name"), 0U);
  EXPECT_EQ(table.records.at(0).columns, (Columns{1, 3}));
  const CsvTable latin = read_csv_text("t.csv", "\xEF\xBB\xBFname\nx\n", TextEncoding::windows_1252);
  EXPECT_EQ(latin.header, (Cells{"name"}));
}

TEST(CsvTable, CrlfAndLfEndRecordsAndBlankLinesAreSkipped) {
  const CsvTable table = read_csv_text("t.csv", "a,b\r\nx,y\r\n\r\n\nz,\"w\r\nv\"\r\nlast,one");
  ASSERT_EQ(table.records.size(), 3U);
  EXPECT_EQ(table.records[0].cells, (Cells{"x", "y"}));
  EXPECT_EQ(table.records[0].line, 2);
  EXPECT_EQ(table.records[1].cells, (Cells{"z", "w\r\nv"}));  // quoted: kept exactly
  EXPECT_EQ(table.records[1].line, 5);
  EXPECT_EQ(table.records[2].cells, (Cells{"last", "one"}));  // no final newline
  EXPECT_EQ(table.records[2].line, 7);
}

TEST(CsvTable, ALoneCarriageReturnEndsALine) {
  const CsvTable table = read_csv_text("t.csv", "a\rx\ry\r");
  ASSERT_EQ(table.records.size(), 2U);
  EXPECT_EQ(table.records[1].cells, (Cells{"y"}));
  EXPECT_EQ(table.records[1].line, 3);
}

TEST(CsvTable, ShortRecordsArePaddedWithEmptyCells) {
  const CsvTable table = read_csv_text("t.csv", "a,b,c\n1\n2,,\n3,x\n");
  ASSERT_EQ(table.records.size(), 3U);
  EXPECT_EQ(table.records[0].cells, (Cells{"1", "", ""}));
  EXPECT_EQ(table.records[0].columns, (Columns{1, 2, 2}));  // padding starts where the record ends
  EXPECT_EQ(table.records[1].cells, (Cells{"2", "", ""}));
  EXPECT_EQ(table.records[1].columns, (Columns{1, 3, 4}));
  EXPECT_EQ(table.records[2].cells, (Cells{"3", "x", ""}));
}

TEST(CsvTable, UnquotedCellsAreTrimmedQuotedOnesKeptExactly) {
  const CsvTable table = read_csv_text("t.csv", " a ,\tb\t\n  x ,\" y \"  \n");
  EXPECT_EQ(table.header, (Cells{"a", "b"}));
  ASSERT_EQ(table.records.size(), 1U);
  EXPECT_EQ(table.records[0].cells, (Cells{"x", " y "}));
  EXPECT_EQ(table.records[0].columns, (Columns{3, 6}));
}

TEST(CsvTable, QuotedHeaderNamesAreTrimmedToo) {
  const CsvTable table = read_csv_text("t.csv", "\" Id \",\"Full, name\"\n");
  EXPECT_EQ(table.header, (Cells{"Id", "Full, name"}));
  EXPECT_TRUE(table.records.empty());
}

TEST(CsvTable, ColumnsCountCharactersNotBytes) {
  const CsvTable table = read_csv_text("t.csv", "a,b,c\n\xC3\xBC\xE2\x82\xAC,\xF0\x9F\x98\x80,z\n");
  EXPECT_EQ(table.records.at(0).columns, (Columns{1, 4, 6}));
  EXPECT_EQ(table.records.at(0).cells[1], "\xF0\x9F\x98\x80");
}

TEST(CsvTable, ColumnOfIsAnExactMatch) {
  const CsvTable table = read_csv_text("t.csv", "Id,Name,Owner Id\n");
  EXPECT_EQ(table.column_of("Id"), 0U);
  EXPECT_EQ(table.column_of("Name"), 1U);
  EXPECT_EQ(table.column_of("Owner Id"), 2U);
  EXPECT_EQ(table.column_of("name"), std::nullopt);
  EXPECT_EQ(table.column_of("Nam"), std::nullopt);
  EXPECT_EQ(table.column_of(""), std::nullopt);
}

TEST(CsvTable, UnclosedQuoteNamesTheOpeningQuote) {
  expect_error_at("a,b\nx,\"open\nmore\n", "t.csv:2:3: this quoted cell is never closed");
}

TEST(CsvTable, TextAfterAClosingQuoteIsAnError) {
  expect_error_at("a,b\n\"abc\"x,y\n", "t.csv:2:6: text after the closing quote");
  expect_error_at("a,b\n1, \"abc\" x\n", "t.csv:2:10: text after the closing quote");
}

TEST(CsvTable, TooManyCellsNamesTheFirstExtraCell) {
  const std::string message = error_of("a,b\n1,2,3\n");
  EXPECT_EQ(message.substr(0, 10), "t.csv:2:5:");
  EXPECT_NE(message.find("the header has 2 columns"), std::string::npos) << message;
  // After a cell that spans lines, the extra cell is on a later line than the record.
  expect_error_at("a,b\n\"x\ny\",2,3\n", "t.csv:3:6: this record has 3 cells, but the header has 2 columns");
}

TEST(CsvTable, EmptyHeaderNamesAreErrors) {
  expect_error_at("a,,c\n", "t.csv:1:3: column 2 of the header has no name");
  expect_error_at("a,b,\n1,2\n", "t.csv:1:5: column 3 of the header has no name");
  expect_error_at("a,\"  \"\n", "t.csv:1:3: column 2 of the header has no name");
}

TEST(CsvTable, DuplicatedHeaderNamesAreNamed) {
  expect_error_at("id,name, id\n", "t.csv:1:10: the column name \"id\" is already used by column 1");
}

TEST(CsvTable, NoHeaderIsAnError) {
  expect_error_at("", "t.csv:1:1: the text has no header row");
  expect_error_at("\n\r\n", "t.csv:1:1: the text has no header row");
  expect_error_at("\xEF\xBB\xBF", "t.csv:1:1: the text has no header row");
}

TEST(CsvTable, NulBytesAreErrors) {
  expect_error_at(std::string("a\nx\0y\n", 6), "t.csv:2:2: the text contains a NUL byte");
  expect_error_at(std::string("a\nx\0y\n", 6), "t.csv:2:2: the text contains a NUL byte",
                  TextEncoding::windows_1252);
}

TEST(CsvTable, Windows1252IsConvertedToUtf8) {
  const CsvTable table =
      read_csv_text("t.csv", "name,price\nCaf\xE9,\x80 5\n\xC0\xFF,\xA0\n", TextEncoding::windows_1252);
  ASSERT_EQ(table.records.size(), 2U);
  EXPECT_EQ(table.records[0].cells, (Cells{"Caf\xC3\xA9", "\xE2\x82\xAC 5"}));
  EXPECT_EQ(table.records[1].cells, (Cells{"\xC3\x80\xC3\xBF", "\xC2\xA0"}));
  // Columns count the original characters: one per byte.
  EXPECT_EQ(table.records[0].columns, (Columns{1, 6}));
}

TEST(CsvTable, Windows1252HighControlRangeUsesTheRealTable) {
  // Bytes 0x80-0x9F in order; the undefined ones (81 8D 8F 90 9D) are left out.
  const std::string bytes = "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E\x91\x92\x93\x94\x95\x96\x97"
                            "\x98\x99\x9A\x9B\x9C\x9E\x9F";
  const std::string expected = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
  const CsvTable table = read_csv_text("t.csv", "h\n" + bytes + "\n", TextEncoding::windows_1252);
  EXPECT_EQ(table.records.at(0).cells.at(0), expected);
}

TEST(CsvTable, UndefinedWindows1252BytesAreErrors) {
  for (const char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
    expect_error_at(std::string("a\nabc") + byte + "\n", "t.csv:2:4: byte 0x", TextEncoding::windows_1252);
  }
  EXPECT_EQ(error_of("a\n\x9D", TextEncoding::windows_1252).substr(0, 24), "t.csv:2:1: byte 0x9D is ");
}

TEST(CsvTable, Windows1252BytesAsUtf8AreAnErrorAtTheirColumn) {
  EXPECT_EQ(error_of("name\nCaf\xE9\n"),
            "t.csv:2:4: the text is not valid UTF-8 (save the export as UTF-8, or set `encoding: windows-1252` "
            "in the mapping)");
  expect_error_at("name\n\x80\n", "t.csv:2:1: the text is not valid UTF-8");
  // The column counts the valid characters before the bad byte, not bytes.
  expect_error_at("a\n\xC3\x89t\xC3\xA9\xFF\n", "t.csv:2:4: the text is not valid UTF-8");
}

TEST(CsvTable, InvalidUtf8FormsAreErrors) {
  const std::vector<std::string> invalid = {
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong
      "\xE0\x80\xAF",      // overlong three-byte form
      "\xF0\x80\x80\xAF",  // overlong four-byte form
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF4\x90\x80\x80",  // past U+10FFFF
      "\xF5\x80\x80\x80",  // bad lead byte
      "\xBF",              // a continuation byte alone
      "\xE2\x82",          // truncated at the end of the text
      "\xE2\x82x",         // truncated by an ASCII character
      "\xF0\x9F\x98",      // truncated four-byte sequence
  };
  for (const std::string& bad : invalid) expect_error_at("h\nab" + bad, "t.csv:2:3: the text is not valid UTF-8");
}

TEST(CsvTable, ValidUtf8EdgesAreAccepted) {
  const std::vector<std::string> valid = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                                          "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
  for (const std::string& good : valid) {
    EXPECT_EQ(read_csv_text("t.csv", "h\n" + good + "\n").records.at(0).cells.at(0), good);
  }
}

TEST(CsvTable, CsvCellQuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_cell("plain text"), "plain text");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_cell("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_cell(" padded"), "\" padded\"");
  EXPECT_EQ(csv_cell("tab\t"), "\"tab\t\"");
  EXPECT_EQ(csv_cell("in side"), "in side");
}

TEST(CsvTable, CsvCellRoundTripsThroughTheReader) {
  const std::vector<std::string> tricky = {
      "a,b", "\"", "\"\"", "\"quoted\"", "line\nbreak", "cr\r\nlf", "lone\rcr", " padded ", "\ttab",
      "",    ",",  "\n",   "\r\n",       "x\"y",        "ünïcödé, €", "  ",      "end,",    "12\" pipe"};
  std::string text = csv_cell("id") + "," + csv_cell("value, with comma") + "\r\n";
  for (std::size_t i = 0; i < tricky.size(); ++i) text += csv_cell(std::to_string(i)) + "," + csv_cell(tricky[i]) + "\n";
  const CsvTable table = read_csv_text("t.csv", text);
  EXPECT_EQ(table.header, (Cells{"id", "value, with comma"}));
  ASSERT_EQ(table.records.size(), tricky.size());
  for (std::size_t i = 0; i < tricky.size(); ++i) {
    EXPECT_EQ(table.records[i].cells, (Cells{std::to_string(i), tricky[i]})) << i;
  }
}

class CsvFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("csv_table_" + std::to_string(::getpid()) + ".csv")).string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void write(const std::string& bytes) const { std::ofstream(path_, std::ios::binary) << bytes; }
  std::string path_;
};

TEST_F(CsvFileTest, ReadsAFileAndNamesItInErrors) {
  write("Id,Amount\r\n7,\"1,200\"\r\n");
  const CsvTable table = read_csv_file(path_);
  EXPECT_EQ(table.file, path_);
  ASSERT_EQ(table.records.size(), 1U);
  EXPECT_EQ(table.records[0].cells, (Cells{"7", "1,200"}));
  write("Id\r\n\"7\r\n");
  try {
    static_cast<void>(read_csv_file(path_));
    ADD_FAILURE() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()).substr(0, path_.size() + 5), path_ + ":2:1:") << error.what();
  }
}

TEST_F(CsvFileTest, ReadsWindows1252Files) {
  write("Name\nCaf\xE9\n");
  EXPECT_EQ(read_csv_file(path_, TextEncoding::windows_1252).records.at(0).cells.at(0), "Caf\xC3\xA9");
}

TEST(CsvTable, AnUnreadableFileIsAScenarioError) {
  try {
    static_cast<void>(read_csv_file("/nonexistent/crm/export.csv"));
    ADD_FAILURE() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_STREQ(error.what(), "/nonexistent/crm/export.csv: cannot be read (No such file or directory)");
  }
  const std::string directory = std::filesystem::temp_directory_path().string();
  try {
    static_cast<void>(read_csv_file(directory));
    ADD_FAILURE() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), directory + ": cannot be read (Is a directory)");
  }
}

}  // namespace
}  // namespace alignsim::crm
