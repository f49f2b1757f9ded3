// Generates small releases once per test binary and hands out their paths.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "immstats/synth.h"

namespace immstats::testing {

struct GeneratedRelease {
  SynthSummary summary;
  nlohmann::json truth;
  std::filesystem::path dir;  // folder holding the tables
};

// Generates (once, cached by key) a release with these options under a per-process temp folder.
const GeneratedRelease& CachedRelease(const std::string& key, SynthOptions options);
// The header columns of `table` as written in the release.
std::vector<std::string> HeaderOf(const GeneratedRelease& r, const std::string& table);

}  // namespace immstats::testing
