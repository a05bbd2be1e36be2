#include "report_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace bulk {
namespace {

std::string Why(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

ReportFile::~ReportFile() {
  if (fd_ >= 0) close(fd_);
}

bool ReportFile::Open(const std::string& path, bool append, std::string& error) {
  path_ = path;
  const int mode = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
  fd_ = open(path.c_str(), mode, 0666);
  if (fd_ < 0) error = Why("cannot write report file", path);
  return fd_ >= 0;
}

bool ReportFile::Flush(std::string& error) {
  if (fd_ < 0 || pending_.empty()) return true;
  const bool ok = WriteAll(fd_, pending_);
  pending_.clear();
  if (!ok) error = Why("cannot write report file", path_);
  return ok;
}

bool ReportFile::Close(std::string& error) {
  if (fd_ < 0) return true;
  bool ok = Flush(error);
  // A device or pipe cannot be synced (EINVAL); that is not a lost row.
  if (ok && fsync(fd_) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP) {
    error = Why("cannot sync report file", path_);
    ok = false;
  }
  if (close(fd_) != 0 && ok) {
    error = Why("cannot close report file", path_);
    ok = false;
  }
  fd_ = -1;
  return ok;
}

bool ReadResumePoint(const std::string& path, ResumePoint& point, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = Why("cannot read report file for --resume", path);
    return false;
  }
  point = {};
  std::string row;
  off_t offset = 0;
  while (std::getline(in, row)) {
    if (in.eof()) break;  // no '\n': a row torn by a hard kill, cut off below
    offset += static_cast<off_t>(row.size() + 1);
    if (offset == static_cast<off_t>(row.size() + 1) && row == "line,type,id,status,error") {
      point.has_header = true;
      point.keep_bytes = offset;
      continue;
    }
    std::size_t digits = 0;
    while (digits < row.size() && row[digits] >= '0' && row[digits] <= '9') ++digits;
    if (digits == 0 || digits > 18 || digits >= row.size() || row[digits] != ',') {
      error = "report file " + path + " has a row that is not this tool's: " + row.substr(0, 80);
      return false;
    }
    point.last_line = std::stoull(row.substr(0, digits));
    point.keep_bytes = offset;
  }
  return true;
}

std::string InflightPath(const std::string& report) { return report + ".inflight"; }

bool ReadInflight(const std::string& report, std::vector<std::pair<std::size_t, std::string>>& rows,
                  std::string& error) {
  rows.clear();
  const std::string path = InflightPath(report);
  if (access(path.c_str(), F_OK) != 0 && errno == ENOENT) return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = Why("cannot read", path);
    return false;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The tool replaces it whole by rename before each batch goes out; a torn one is not its own
  // (an older version's, cut before its batch was sent): nothing of it was sent.
  if (text.empty() || text.back() != '\n') return true;
  std::istringstream lines(text);
  std::string row;
  while (std::getline(lines, row)) {
    const auto comma = row.find(',');
    if (comma == 0 || comma == std::string::npos || comma > 18 ||
        row.find_first_not_of("0123456789") != comma) {
      error = path + " is not this tool's journal: " + row.substr(0, 80);
      return false;
    }
    rows.emplace_back(std::stoull(row.substr(0, comma)), row.substr(comma + 1));
  }
  return true;
}

bool TruncateReport(const std::string& path, off_t bytes, std::string& error) {
  if (truncate(path.c_str(), bytes) == 0) return true;
  error = Why("cannot truncate report file", path);
  return false;
}

}  // namespace bulk
