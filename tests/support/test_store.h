// One small store per test binary: a generated release (scale 0.001, seed 1) ingested by the immstats binary.
#pragma once

#include <filesystem>
#include <string>

namespace immstats::testing {

// The store folder (built on first use; snapshot id "api").
const std::filesystem::path& ServerTestStore();
// Runs `immstats ARGS --store <the store>` and returns its stdout; *exit_code gets the exit code.
std::string RunCli(const std::string& args, int* exit_code);
// The receipt's and store listing's creation times are the only fields that differ between two ingests.
std::string WithoutCreated(std::string s);

}  // namespace immstats::testing
