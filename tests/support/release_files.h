// Test helpers: read generated release files as raw lines and fields, make scratch folders.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace immstats::testing {

// A fresh empty folder under the test's temporary directory, removed on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view name);
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Every physical line of a file, without the '\n' (bytes kept as they are, NULs included).
std::vector<std::string> ReadLines(const std::filesystem::path& file);
// Splits on TAB only.
std::vector<std::string> SplitTabs(std::string_view line);
// The whole file's bytes.
std::string ReadBytes(const std::filesystem::path& file);
// The path of the immstats binary under test (IMMSTATS_BIN from CTest).
std::string ImmstatsBinary();
// Runs a shell command, returning its exit code and stdout.
int RunCommand(const std::string& command, std::string* output);

}  // namespace immstats::testing
