#include "line_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bulk {

bool LineReader::Fill() {
  for (;;) {
    const ssize_t n = read(fd_, buffer_.data(), buffer_.size());
    if (n >= 0) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
      eof_ = n == 0;
      return true;
    }
    if (errno != EINTR) return false;
  }
}

LineReader::Result LineReader::Next(std::string& line) {
  line.clear();
  bool too_long = false, any = false;
  for (;;) {
    if (begin_ == end_) {
      if (eof_) break;
      if (!Fill()) return Result::kError;
      if (eof_) break;
    }
    any = true;
    const char* start = buffer_.data() + begin_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    const std::size_t take = nl ? static_cast<std::size_t>(nl - start) : end_ - begin_;
    if (!too_long && line.size() + take <= max_line_) {
      line.append(start, take);
    } else if (!too_long) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    begin_ += take;
    if (nl) {
      ++begin_;
      return too_long ? Result::kTooLong : Result::kLine;
    }
  }
  if (!any) return Result::kEnd;
  return too_long ? Result::kTooLong : Result::kLine;
}

}  // namespace bulk

namespace bulk {

int OpenInput(const std::string& path, std::pair<dev_t, ino_t>& id, std::string& error) {
  const int fd = path == "-" ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) {
    error = "cannot read input file " + path + ": " + std::strerror(errno);
    if (fd > STDIN_FILENO) close(fd);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "input " + path + " is a directory, not a JSONL file";
    if (fd > STDIN_FILENO) close(fd);
    return -1;
  }
  id = {st.st_dev, st.st_ino};
  return fd;
}

bool IsSameFile(const std::string& path, const std::pair<dev_t, ino_t>& id) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && st.st_dev == id.first && st.st_ino == id.second;
}

}  // namespace bulk
