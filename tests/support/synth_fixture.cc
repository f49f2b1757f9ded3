// Cached generation of test releases; failures abort the test with the generator's message.
#include "support/synth_fixture.h"

#include <unistd.h>

#include <mutex>

#include <gtest/gtest.h>

#include "support/release_files.h"

namespace immstats::testing {

namespace {
std::filesystem::path ProcessTemp() {
  static const std::filesystem::path dir = [] {
    const char* tmp = std::getenv("TEST_TMPDIR");
    std::filesystem::path base = tmp != nullptr ? tmp : std::filesystem::temp_directory_path();
    auto p = base / ("immstats-fixture-" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
  }();
  return dir;
}

// Removes the per-process folder at exit; holds its own copy of the path (statics die in reverse order).
struct Cleanup {
  std::filesystem::path dir;
  ~Cleanup() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};
}  // namespace

const GeneratedRelease& CachedRelease(const std::string& key, SynthOptions options) {
  static std::mutex mu;
  static std::map<std::string, GeneratedRelease> cache;
  static Cleanup cleanup{ProcessTemp()};
  std::lock_guard lock(mu);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  options.out_dir = ProcessTemp() / key;
  auto result = GenerateEoirRelease(options);
  if (!result.ok()) {
    ADD_FAILURE() << "generation failed: " << result.status().ToString();
    std::abort();
  }
  GeneratedRelease r;
  r.summary = *result;
  r.truth = nlohmann::json::parse(ReadBytes(result->truth_path));
  r.dir = result->release_dir;
  return cache.emplace(key, std::move(r)).first->second;
}

std::vector<std::string> HeaderOf(const GeneratedRelease& r, const std::string& table) {
  const auto lines = ReadLines(r.dir / (table + ".csv"));
  if (lines.empty()) return {};
  return SplitTabs(lines[0]);
}

}  // namespace immstats::testing
