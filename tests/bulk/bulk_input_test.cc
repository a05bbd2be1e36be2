// The bulk tool's input kept exact (duplicate keys, numbers as written), its bounded line
// reader, and what --resume reads back from a report (issue 15, cases 3, 7, 12).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <variant>

#include "line_reader.h"
#include "mobject_jsonl.h"
#include "report_file.h"

namespace {

using ::testing::HasSubstr;

std::string Error(const std::string& line) {
  auto parsed = bulk::ParseMObjectLine(line);
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

marketo::MObject Object(const std::string& line) {
  auto parsed = bulk::ParseMObjectLine(line);
  if (auto* error = std::get_if<std::string>(&parsed)) ADD_FAILURE() << *error;
  return std::get<marketo::MObject>(parsed);
}

TEST(BulkExactInput, DuplicateKeysAreErrorsNamingTheKey) {
  EXPECT_EQ(Error(R"({"type":"Opportunity","type":"Program"})"), R"(duplicate key "type")");
  EXPECT_EQ(Error(R"({"type":"Opportunity","attributes":{"Name":"a","Name":"b"}})"),
            R"(duplicate key "Name")");
  // The same key in two objects is no duplicate.
  const auto m = Object(
      R"({"type":"Opportunity","attributes":{"Name":"a"},"externalKey":{"name":"Name","value":"x"}})");
  EXPECT_EQ(m.attributes.at(0).value, "a");
}

TEST(BulkExactInput, NumbersKeepTheirText) {
  const auto m =
      Object(R"({"type":"Opportunity","attributes":{"Big":12345678901234567890123,"Price":1.10,)"
             R"("Exp":1E5,"Neg":-0.0,"Int":9007199254740993,"Max":18446744073709551615}})");
  ASSERT_EQ(m.attributes.size(), 6u);
  EXPECT_EQ(m.attributes[0].value, "12345678901234567890123");
  EXPECT_EQ(m.attributes[1].value, "1.10");
  EXPECT_EQ(m.attributes[2].value, "1E5");
  EXPECT_EQ(m.attributes[3].value, "-0.0");
  EXPECT_EQ(m.attributes[4].value, "9007199254740993");
  EXPECT_EQ(m.attributes[5].value, "18446744073709551615");
}

TEST(BulkExactInput, ANumberIsNotAStringOrAnId) {
  EXPECT_EQ(Error(R"({"type":1.5})"), "type: expected a string");
  EXPECT_THAT(Error(R"({"type":"Opportunity","id":1.5})"), HasSubstr("id: expected an integer id"));
  EXPECT_EQ(Error(R"({"type":"Opportunity","attributes":{"A":[1.5]}})"),
            "attributes.A: expected a string or number");
  EXPECT_EQ(Error(R"({"type":"Opportunity"} x)"), "not valid JSON");
}

// A temporary file removed at the end of the test.
struct TempFile {
  std::string path = ::testing::TempDir() + "bulk_input_test_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name();
  explicit TempFile(const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
  ~TempFile() {
    std::remove(path.c_str());
    std::remove(bulk::InflightPath(path).c_str());
  }
};

TEST(BulkLineReader, BoundsTheLineAndSkipsTheRest) {
  const std::string big(200000, 'x');  // several 64 KiB reads
  TempFile f("short\n" + big + "\nlast without newline");
  const int fd = open(f.path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  bulk::LineReader reader(fd, 1000);
  std::string line;
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kTooLong);
  EXPECT_TRUE(line.empty());
  EXPECT_LT(line.capacity(), 2000u);  // the over-long part was never held
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kLine);
  EXPECT_EQ(line, "last without newline");
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kEnd);
  close(fd);
}

TEST(BulkLineReader, ExactlyTheBoundIsALine) {
  TempFile f(std::string(10, 'a') + "\n" + std::string(11, 'b') + "\n\n");
  const int fd = open(f.path.c_str(), O_RDONLY);
  bulk::LineReader reader(fd, 10);
  std::string line;
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kLine);
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kTooLong);
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kLine);  // the empty line
  EXPECT_EQ(line, "");
  EXPECT_EQ(reader.Next(line), bulk::LineReader::Result::kEnd);
  close(fd);
}

TEST(BulkResume, ReadsTheLastCompleteRowAndCutsATornOne) {
  const std::string complete =
      "line,type,id,status,error\n1,Opportunity,5,CREATED,\n3,,,REJECTED,x\n";
  TempFile f(complete + "4,Opportun");
  bulk::ResumePoint point;
  std::string error;
  ASSERT_TRUE(bulk::ReadResumePoint(f.path, point, error)) << error;
  EXPECT_TRUE(point.has_header);
  EXPECT_EQ(point.last_line, 3u);
  EXPECT_EQ(point.keep_bytes, static_cast<off_t>(complete.size()));
}

TEST(BulkResume, RefusesAFileThatIsNotAReport) {
  TempFile f("line,type,id,status,error\nName,Amount\n");
  bulk::ResumePoint point;
  std::string error;
  EXPECT_FALSE(bulk::ReadResumePoint(f.path, point, error));
  EXPECT_THAT(error, HasSubstr("not this tool's"));
}

TEST(BulkResume, ReadsTheInflightJournal) {
  TempFile f("");
  std::vector<std::pair<std::size_t, std::string>> rows;
  std::string error;
  ASSERT_TRUE(bulk::ReadInflight(f.path, rows, error)) << error;
  EXPECT_TRUE(rows.empty());  // none: nothing was in flight
  std::ofstream(bulk::InflightPath(f.path)) << "7,Opportunity\n8,Program\n";
  ASSERT_TRUE(bulk::ReadInflight(f.path, rows, error)) << error;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::pair<std::size_t, std::string>{8, "Program"}));
  // Torn while being written, i.e. before the batch was sent: nothing was in flight.
  std::ofstream(bulk::InflightPath(f.path)) << "7,Opportunity\n8,Prog";
  ASSERT_TRUE(bulk::ReadInflight(f.path, rows, error)) << error;
  EXPECT_TRUE(rows.empty());
}

TEST(BulkReportFile, AWriteErrorIsAnError) {
  bulk::ReportFile report;
  std::string error;
  ASSERT_TRUE(report.Open("/dev/full", false, error)) << error;
  report.Add("1,Opportunity,5,CREATED,\n");
  EXPECT_FALSE(report.Flush(error));
  EXPECT_THAT(error, HasSubstr("/dev/full: No space left on device"));
  EXPECT_TRUE(report.Close(error));  // nothing left to write; /dev/full cannot be synced
}

}  // namespace
