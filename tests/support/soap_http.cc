#include "soap_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace marketo_test {
namespace {

bool WaitFor(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, events, 0};
    const int r = poll(&p, 1, static_cast<int>(left.count()));
    if (r > 0) return true;
    if (r < 0 && errno != EINTR) return false;
  }
}

// Parses status line + headers once the blank line arrived; returns header length or 0.
std::size_t ParseHead(const std::string& raw, HttpResponse* r) {
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  std::size_t pos = raw.find("\r\n");
  const std::string status_line = raw.substr(0, pos);
  if (status_line.rfind("HTTP/1.", 0) == 0 && status_line.size() >= 12) {
    r->status = std::atoi(status_line.c_str() + 9);
  }
  while (pos < end) {
    const std::size_t next = raw.find("\r\n", pos + 2);
    const std::string line = raw.substr(pos + 2, next - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(value.begin());
      r->headers[name] = value;
    }
    pos = next;
  }
  return end + 4;
}

}  // namespace

std::string HmacSha1Hex(const std::string& key, const std::string& message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len);
  std::string out;
  char hex[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", mac[i]);
    out += hex;
  }
  return out;
}

std::string W3cTimestamp(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);  // ...+0100
  std::string s = buf;
  s.insert(s.size() - 2, ":");  // Marketo wants the colon in the offset
  return s;
}

std::string AuthHeaderXml(const std::string& user_id, const std::string& key,
                          const std::string& timestamp) {
  return "<ns1:AuthenticationHeader><mktowsUserId>" + user_id +
         "</mktowsUserId><requestSignature>" + HmacSha1Hex(key, timestamp + user_id) +
         "</requestSignature><requestTimestamp>" + timestamp +
         "</requestTimestamp></ns1:AuthenticationHeader>";
}

std::string SoapEnvelope(const std::string& header_xml, const std::string& body_xml) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:ns1=\"http://www.marketo.com/mktows/\">";
  if (!header_xml.empty()) s += "<SOAP-ENV:Header>" + header_xml + "</SOAP-ENV:Header>";
  return s + "<SOAP-ENV:Body>" + body_xml + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
}

std::string SignedEnvelope(const std::string& body_xml) {
  return SoapEnvelope(
      AuthHeaderXml(kMockUserId, kMockEncryptionKey, W3cTimestamp(std::time(nullptr))), body_xml);
}

namespace {

struct Url {
  std::string hostport, host, path;
  int port = 80;
};

bool ParseUrl(const std::string& url, Url* out) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return false;
  const std::string rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  out->hostport = rest.substr(0, slash);
  out->path = slash == std::string::npos ? "/" : rest.substr(slash);
  const auto colon = out->hostport.rfind(':');
  out->host = out->hostport.substr(0, colon);
  out->port = colon == std::string::npos ? 80 : std::atoi(out->hostport.c_str() + colon + 1);
  return true;
}

// A non-blocking socket connecting to `url` (loopback only); -1 with `error` set on failure.
int Connect(const Url& url, std::string* error) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    *error = "socket failed";
    return -1;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(url.port));
  inet_pton(AF_INET, url.host == "localhost" ? "127.0.0.1" : url.host.c_str(), &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
    *error = std::string("connect: ") + std::strerror(errno);
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, const std::string& data, std::chrono::steady_clock::time_point deadline,
             std::string* error) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    if (!WaitFor(fd, POLLOUT, deadline)) {
      *error = "timeout while sending";
      return false;
    }
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      *error = std::string("send: ") + std::strerror(errno);
      return false;
    }
    if (n > 0) sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads until the body announced by Content-Length is complete, the peer closes, an error or
// the deadline; fills the head fields of `r`. Returns the raw bytes and the head's length.
std::string Receive(int fd, std::chrono::steady_clock::time_point deadline, HttpResponse* r,
                    std::size_t* head_len, long long* content_length) {
  std::string raw;
  for (;;) {
    if (*head_len != 0 && *content_length >= 0 &&
        raw.size() - *head_len >= static_cast<std::size_t>(*content_length)) {
      break;
    }
    if (!WaitFor(fd, POLLIN, deadline)) {
      r->error = "timeout";
      break;
    }
    char buf[8192];
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n == 0) break;  // orderly close
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      r->error = errno == ECONNRESET ? "connection reset" : std::strerror(errno);
      break;
    }
    raw.append(buf, static_cast<std::size_t>(n));
    if (*head_len == 0 && (*head_len = ParseHead(raw, r)) != 0) {
      const auto it = r->headers.find("content-length");
      if (it != r->headers.end()) *content_length = std::atoll(it->second.c_str());
    }
  }
  return raw;
}

}  // namespace

HttpResponse PostSoap(const std::string& url, const std::string& operation, const std::string& body,
                      std::chrono::milliseconds timeout) {
  HttpResponse r;
  Url u;
  if (!ParseUrl(url, &u)) {
    r.error = "only http:// URLs are supported";
    return r;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const int fd = Connect(u, &r.error);
  if (fd < 0) return r;
  const std::string req = "POST " + u.path + " HTTP/1.1\r\nHost: " + u.hostport +
                          "\r\nContent-Type: text/xml;charset=UTF-8\r\nSOAPAction: "
                          "\"http://www.marketo.com/mktows/" +
                          operation + "\"\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\nConnection: close\r\n\r\n" + body;
  if (!SendAll(fd, req, deadline, &r.error)) {
    close(fd);
    return r;
  }
  std::size_t head_len = 0;
  long long content_length = -1;
  const std::string raw = Receive(fd, deadline, &r, &head_len, &content_length);
  close(fd);
  if (head_len == 0) {
    if (r.error.empty()) r.error = "no complete HTTP head";
    r.body = raw;
    return r;
  }
  r.body = raw.substr(head_len);
  r.complete = content_length < 0 ? r.error.empty()
                                  : r.body.size() >= static_cast<std::size_t>(content_length);
  if (!r.complete && r.error.empty()) r.error = "body shorter than Content-Length";
  return r;
}

}  // namespace marketo_test
