// Builds the tests' small store once per process.
#include "support/test_store.h"

#include <gtest/gtest.h>

#include "support/release_files.h"

namespace immstats::testing {

const std::filesystem::path& ServerTestStore() {
  static ScratchDir* dir = new ScratchDir("server-store");  // lives until the process ends
  static const std::filesystem::path store = [] {
    const std::string d = dir->path().string();
    std::string out;
    const int rc = RunCommand(ImmstatsBinary() + " synth eoir --out '" + d + "/rel' --scale 0.001 --seed 1 --quiet && " +
                                  ImmstatsBinary() + " ingest eoir '" + d + "/rel' --store '" + d +
                                  "/store' --release-id api --quiet 2>&1",
                              &out);
    EXPECT_EQ(rc, 0) << out;
    return dir->path() / "store";
  }();
  return store;
}

std::string RunCli(const std::string& args, int* exit_code) {
  std::string out;
  *exit_code = RunCommand(ImmstatsBinary() + " " + args + " --store '" + ServerTestStore().string() + "' 2>/dev/null", &out);
  return out;
}

std::string WithoutCreated(std::string s) {
  for (const std::string key : {"\"snapshot_created\": \"", "\"created\": \""}) {
    for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + 1)) {
      const size_t end = s.find('"', at + key.size());
      s.replace(at + key.size(), end - at - key.size(), "<created>");
    }
  }
  return s;
}

}  // namespace immstats::testing
