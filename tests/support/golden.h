// Golden files of CLI and HTTP output under tests/cli/golden; IMMSTATS_UPDATE_GOLDEN=1 rewrites them.
#pragma once

#include <filesystem>
#include <string>

namespace immstats::testing {

std::filesystem::path GoldenDir();
// Compares `actual` with the golden file `name` (a failure says how to update it), or rewrites it when asked.
void ExpectGolden(const std::string& name, const std::string& actual);

}  // namespace immstats::testing
