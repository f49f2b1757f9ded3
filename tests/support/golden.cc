// Golden-file comparison shared by the CLI tests.
#include "support/golden.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/release_files.h"

namespace immstats::testing {

std::filesystem::path GoldenDir() {
  const char* src = std::getenv("IMMSTATS_SOURCE_DIR");
  return std::filesystem::path(src != nullptr ? src : IMMSTATS_SOURCE_DIR_DEFAULT) / "tests" / "cli" / "golden";
}

void ExpectGolden(const std::string& name, const std::string& actual) {
  const auto path = GoldenDir() / name;
  if (std::getenv("IMMSTATS_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(ReadBytes(path), actual) << "golden " << path << " differs; rerun with IMMSTATS_UPDATE_GOLDEN=1 "
                                     << "if the change is intended";
}

}  // namespace immstats::testing
