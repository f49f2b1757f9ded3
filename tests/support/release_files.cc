// Implementations of the test helpers.
#include "support/release_files.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace immstats::testing {

ScratchDir::ScratchDir(std::string_view name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::filesystem::path base = tmp != nullptr ? tmp : std::filesystem::temp_directory_path();
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string unique = std::string(name) + "-" + (info != nullptr ? info->name() : "x") + "-" +
                       std::to_string(::getpid());
  path_ = base / ("immstats-test-" + unique);
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ReadLines(const std::filesystem::path& file) {
  const std::string bytes = ReadBytes(file);
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string::npos) end = bytes.size();
    lines.emplace_back(bytes, pos, end - pos);
    pos = end + 1;
  }
  return lines;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  size_t pos = 0;
  for (;;) {
    const size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      fields.emplace_back(line.substr(pos));
      return fields;
    }
    fields.emplace_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

std::string ImmstatsBinary() {
  const char* bin = std::getenv("IMMSTATS_BIN");
  return "'" + std::string(bin != nullptr ? bin : IMMSTATS_BIN_DEFAULT) + "'";
}

int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buf;
  output->clear();
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) output->append(buf.data(), n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace immstats::testing
