// The importToList CSV writer: RFC 4180 quoting of commas, quotes, CR/LF and edge spaces, and
// nothing else changed.
#include "csv_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using marketo::internal::CsvCell;
using marketo::internal::CsvLine;

TEST(CsvWriter, PlainCellsPassUnchanged) {
  EXPECT_EQ(CsvCell("ada@example.com"), "ada@example.com");
  EXPECT_EQ(CsvCell("{{my.Discount}}"), "{{my.Discount}}");
  EXPECT_EQ(CsvCell("Müller"), "Müller");
  EXPECT_EQ(CsvCell(""), "");
}

TEST(CsvWriter, CommasQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(CsvCell("Acme, Inc."), "\"Acme, Inc.\"");
  EXPECT_EQ(CsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvCell("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(CsvCell("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(CsvCell("\""), "\"\"\"\"");
}

TEST(CsvWriter, EdgeSpacesAreQuotedSoTheySurvive) {
  EXPECT_EQ(CsvCell(" padded "), "\" padded \"");
  EXPECT_EQ(CsvCell("in side"), "in side");
}

TEST(CsvWriter, LineJoinsCellsWithCommas) {
  EXPECT_EQ(CsvLine({"Email Address", "First Name", "{{my.Code}}"}),
            "Email Address,First Name,{{my.Code}}");
  EXPECT_EQ(CsvLine({"a@x.com", "", "Acme, Inc."}), "a@x.com,,\"Acme, Inc.\"");
  EXPECT_EQ(CsvLine({"", ""}), ",");
}

TEST(CsvWriter, ALoneEmptyCellIsNotAnEmptyLine) { EXPECT_EQ(CsvLine({""}), "\"\""); }

}  // namespace
