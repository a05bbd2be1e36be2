// Reads lines from a file descriptor with a bound on their length: the part of a line past the
// bound is skipped as it is read, never held, so one huge line cannot grow memory.
#ifndef MARKETO_EXAMPLES_BULK_LINE_READER_H_
#define MARKETO_EXAMPLES_BULK_LINE_READER_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace bulk {

class LineReader {
 public:
  enum class Result { kLine, kTooLong, kEnd, kError };

  LineReader(int fd, std::size_t max_line)
      : fd_(fd), max_line_(max_line), buffer_(std::size_t{64} * 1024) {}

  // The next line without its '\n' (kLine), or kTooLong (line is empty, the rest was skipped),
  // kEnd, or kError (errno is set). A last line without '\n' is still a line.
  Result Next(std::string& line);

 private:
  bool Fill();

  int fd_;
  std::size_t max_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
};

// Opens the input ("-" is stdin) for reading: a file that cannot be read or a directory is an
// error (returned in `error`, -1). `id` receives its device and inode.
int OpenInput(const std::string& path, std::pair<dev_t, ino_t>& id, std::string& error);

// True when `path` names the file `id` (through any link or spelling). A path that does not
// exist yet is not it.
bool IsSameFile(const std::string& path, const std::pair<dev_t, ino_t>& id);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_LINE_READER_H_
