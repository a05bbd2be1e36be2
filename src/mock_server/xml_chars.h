// Streaming check of a request body against XML 1.0's Char production, before gSOAP parses it:
// the bytes must be UTF-8 without surrogates, U+FFFE/U+FFFF or C0 controls other than tab, LF
// and CR; character references must name such a character, and entity references must be one
// of the five predefined ones (gSOAP would turn others into a stray byte). CDATA sections,
// comments and processing instructions are skipped for references.
#ifndef MARKETO_MOCK_SERVER_XML_CHARS_H_
#define MARKETO_MOCK_SERVER_XML_CHARS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mock {

class XmlCharChecker {
 public:
  // Checks the next bytes; returns "" or why the body is not XML (then stays failed).
  const std::string& Feed(const char* p, std::size_t n);
  void Reset() { *this = XmlCharChecker(); }

 private:
  enum class Mode { kText, kReference, kCdata, kComment, kPi };

  void Byte(unsigned char c);
  void Char(std::uint32_t cp);
  void EndReference();
  // Shifts `c` into the window, dropping its oldest character.
  void Push(char c) {
    for (std::size_t i = 1; i < window_.size(); ++i) window_[i - 1] = window_[i];
    window_.back() = c;
  }
  // Whether the window ends with `tail` (at most 9 characters).
  bool EndsWith(std::string_view tail) const {
    return std::string_view(window_.data(), window_.size()).substr(window_.size() - tail.size()) ==
           tail;
  }
  void Fail(const std::string& why) {
    if (problem_.empty()) problem_ = why;
  }

  Mode mode_ = Mode::kText;
  // The last 9 characters (NUL before the first), to spot "<![CDATA[", "<!--", "<?"; an array
  // shifted per character, as this runs for every byte of every request.
  std::array<char, 9> window_{};
  std::string reference_;  // between '&' and ';'
  std::uint32_t cp_ = 0;   // code point being decoded
  int need_ = 0;           // continuation bytes still expected
  std::uint32_t min_ = 0;  // smallest code point the sequence may encode (no overlongs)
  std::string problem_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_XML_CHARS_H_
