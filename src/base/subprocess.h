// Runs an external program (7z, unzip) without a shell, reporting failure as a Status.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "immstats/status.h"

namespace immstats::base {

struct ProcessResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, merged
};

// Runs argv[0] (searched on PATH) in `cwd`. Fails only when the program cannot be started.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd);

}  // namespace immstats::base
