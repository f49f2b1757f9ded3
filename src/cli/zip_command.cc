// `immstats zip list|test`: look inside a zip as published (Deflate64 included) without extracting it.
#include <chrono>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "zip/zip_reader.h"

namespace immstats::cli {

namespace {

struct ZipArgs {
  std::string path;
  std::string entry;
  bool quiet = false;
};

int Report(const Status& st, const char* what) {
  std::fprintf(stderr, "immstats zip %s: %s\n", what, st.message().c_str());
  return st.ExitCode();
}

int List(const ZipArgs& args) {
  auto zip = zip::ZipArchive::Open(args.path);
  if (!zip.ok()) return Report(zip.status(), "list");
  fmt::print("{:>14} {:>14} {:<10} {}\n", "size", "compressed", "method", "name");
  for (const auto& e : zip->entries()) {
    fmt::print("{:>14} {:>14} {:<10} {}\n", GroupThousands(static_cast<int64_t>(e.uncompressed_size)),
               GroupThousands(static_cast<int64_t>(e.compressed_size)), zip::MethodName(e.method), e.name);
  }
  return 0;
}

int Test(const ZipArgs& args) {
  auto zip = zip::ZipArchive::Open(args.path);
  if (!zip.ok()) return Report(zip.status(), "test");
  const auto start = std::chrono::steady_clock::now();
  uint64_t total = 0, done = 0;
  for (const auto& e : zip->entries()) total += e.uncompressed_size;
  Progress progress("zip test", args.quiet, "bytes");
  int tested = 0;
  for (const auto& e : zip->entries()) {
    if (e.is_directory() || (!args.entry.empty() && e.name != args.entry)) continue;
    const Status st = zip->Read(e, [&](std::span<const uint8_t> chunk) {
      done += chunk.size();
      progress.Update(static_cast<int64_t>(done), static_cast<int64_t>(total), static_cast<int64_t>(done));
      return Status::Ok();
    });
    if (!st.ok()) {
      progress.Finish();
      return Report(st, "test");
    }
    ++tested;
  }
  progress.Finish();
  if (!args.entry.empty() && tested == 0) {
    return Report(Status::NotFound("no entry named '" + args.entry + "' in " + args.path +
                                   " (immstats zip list shows the names)"), "test");
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{} entries OK: {} decompressed in {:.2f} s ({:.0f} MB/s); sizes and CRC-32 checked\n", tested,
             HumanBytes(static_cast<int64_t>(done)), secs, secs > 0 ? static_cast<double>(done) / 1e6 / secs : 0.0);
  return 0;
}

}  // namespace

void AddZipCommand(CLI::App& app, int* exit_code) {
  CLI::App* zip = app.add_subcommand("zip", "Look inside a zip as published (stored, Deflate, Deflate64, Zip64)");
  zip->require_subcommand(1);
  auto args = std::make_shared<ZipArgs>();
  CLI::App* list = zip->add_subcommand("list", "List the entries with sizes and compression methods\n\n"
                                               "Example:  immstats zip list 'EOIR Case Data.zip'");
  list->add_option("zip", args->path, "The zip file")->required()->check(CLI::ExistingFile);
  list->callback([args, exit_code] { *exit_code = List(*args); });
  CLI::App* test = zip->add_subcommand("test", "Decompress every entry in memory and check sizes and CRC-32\n\n"
                                               "Example:  immstats zip test 'EOIR Case Data.zip'");
  test->add_option("zip", args->path, "The zip file")->required()->check(CLI::ExistingFile);
  test->add_option("--entry", args->entry, "Only this entry (its name as listed)");
  test->add_flag("--quiet", args->quiet, "No progress output");
  test->callback([args, exit_code] { *exit_code = Test(*args); });
}

}  // namespace immstats::cli
