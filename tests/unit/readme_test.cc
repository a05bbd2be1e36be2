// The README's "Public API" table lists exactly the public headers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::set<std::string> HeadersInTree() {
  std::set<std::string> out;
  const fs::path root = fs::path(MARKETO_SOURCE_DIR) / "include";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".h") {
      out.insert(fs::relative(e.path(), root).generic_string());
    }
  }
  // Generated into the build tree and installed with the others.
  out.insert("marketo/version.h");
  return out;
}

std::set<std::string> HeadersInReadme() {
  std::ifstream in(std::string(MARKETO_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  const auto start = all.find("\n## Public API\n");
  const auto end = all.find("\n## ", start + 1);
  std::stringstream section(all.substr(start, end - start));
  std::set<std::string> out;
  const std::regex row(R"(^\| `(marketo/[a-z_/]+\.h)` \|)");
  std::string line;
  while (std::getline(section, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) out.insert(m[1]);
  }
  return out;
}

TEST(Readme, PublicApiTableListsEveryPublicHeader) {
  const auto tree = HeadersInTree();
  const auto readme = HeadersInReadme();
  for (const auto& h : tree) EXPECT_EQ(readme.count(h), 1u) << "README does not list " << h;
  for (const auto& h : readme) EXPECT_EQ(tree.count(h), 1u) << "README lists a missing " << h;
}

}  // namespace
