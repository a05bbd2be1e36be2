// The sync report on disk: every write, flush and close checked, rows appended a batch at a time
// (one write(2) per flush, so an interrupt tears at most the batch being written), fsync'd at
// the end; and what --resume reads back from it.
#ifndef MARKETO_EXAMPLES_BULK_REPORT_FILE_H_
#define MARKETO_EXAMPLES_BULK_REPORT_FILE_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulk {

class ReportFile {
 public:
  ReportFile() = default;
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;
  ~ReportFile();

  // Creates or truncates `path` (append: keeps it and writes at its end). On failure returns
  // false with `error` naming the path and the reason.
  bool Open(const std::string& path, bool append, std::string& error);
  bool is_open() const { return fd_ >= 0; }

  void Add(std::string_view text) { pending_.append(text.data(), text.size()); }
  std::size_t buffered() const { return pending_.size(); }
  // Writes what Add() collected; false (with `error`) when the disk refuses it.
  bool Flush(std::string& error);
  // Flush, fsync (where the file supports it) and close.
  bool Close(std::string& error);

 private:
  int fd_ = -1;
  std::string path_;
  std::string pending_;
};

// What a previous run left in a report.
struct ResumePoint {
  std::size_t last_line = 0;  // every input line up to this one has its row
  off_t keep_bytes = 0;       // the report's complete rows; a torn last row is cut off
  bool has_header = false;
};

// Reads `path` (a report of this tool); false with `error` when it cannot be read or its rows
// are not the tool's.
bool ReadResumePoint(const std::string& path, ResumePoint& point, std::string& error);

// Cuts `path` to `bytes` (drops a torn last row before appending).
bool TruncateReport(const std::string& path, off_t bytes, std::string& error);

// The lines of the batches that were sent and whose rows are not yet in the report, kept next
// to the report as REPORT.inflight ("line,type" rows) while they are on the wire. A run killed
// before the rows were written leaves it behind; --resume reports those lines as UNKNOWN
// instead of sending them again.
std::string InflightPath(const std::string& report);

// Every "line,type" row of the journal; empty when there is none or it is torn (the tool
// replaces it by rename before a batch is sent, so it never leaves a torn one itself).
bool ReadInflight(const std::string& report, std::vector<std::pair<std::size_t, std::string>>& rows,
                  std::string& error);

// Writes all of `text` to `fd`; false with errno set.
bool WriteAll(int fd, std::string_view text);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_REPORT_FILE_H_
