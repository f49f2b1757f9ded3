// `immstats synth eoir`: writes a generated EOIR release and prints what it holds.
#include <cstdio>
#include <map>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/progress.h"
#include "immstats/synth.h"

namespace immstats::cli {

namespace {

struct SynthArgs {
  SynthOptions options;
  std::string quirks = "realistic";
  std::string zip = "none";
  std::string tables = "core";
  bool json = false;
  bool quiet = false;
};

nlohmann::ordered_json SummaryJson(const SynthArgs& args, const SynthSummary& s) {
  nlohmann::ordered_json j;
  j["release_dir"] = s.release_dir.string();
  j["zip"] = s.zip_path.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.zip_path.string());
  j["truth"] = s.truth_path.string();
  j["top_folder"] = s.top_folder;
  j["scale"] = args.options.scale;
  j["seed"] = args.options.seed;
  j["as_of"] = args.options.as_of;
  j["quirks"] = args.quirks;
  j["tables"] = nlohmann::ordered_json::object();
  for (const auto& t : s.tables) {
    j["tables"][t.name] = {{"file", t.file.string()}, {"rows", t.rows}, {"lines", t.lines}, {"bytes", t.bytes}};
  }
  j["proceedings"] = s.proceedings;
  j["pending_proceedings"] = s.pending_proceedings;
  j["quirk_counts"] = s.quirk_counts;
  j["bytes"] = s.total_bytes;
  j["seconds"] = s.seconds;
  return j;
}

void PrintSummary(const SynthArgs& args, const SynthSummary& s) {
  const double mbps = s.seconds > 0 ? static_cast<double>(s.total_bytes) / 1e6 / s.seconds : 0;
  fmt::print("Wrote an EOIR release: scale {}, seed {}, as of {}, quirks {}, in {:.1f} s ({} of tables, {:.0f} MB/s)\n",
             args.options.scale, args.options.seed, args.options.as_of, args.quirks, s.seconds,
             HumanBytes(s.total_bytes), mbps);
  if (!s.zip_path.empty()) fmt::print("  zip     {} ({})\n", s.zip_path.string(), args.zip);
  if (!s.release_dir.empty()) fmt::print("  folder  {}\n", s.release_dir.string());
  fmt::print("  truth   {}\n\n", s.truth_path.string());
  fmt::print("  {:<22} {:>14} {:>12}\n", "table", "rows", "size");
  for (const auto& t : s.tables) {
    fmt::print("  {:<22} {:>14} {:>12}\n", t.name, GroupThousands(t.rows), HumanBytes(t.bytes));
  }
  if (s.proceedings > 0) {
    fmt::print("\n  proceedings pending on {}: {} of {} ({:.1f}%)\n", args.options.as_of,
               GroupThousands(s.pending_proceedings), GroupThousands(s.proceedings),
               100.0 * static_cast<double>(s.pending_proceedings) / static_cast<double>(s.proceedings));
  }
  int64_t total = 0;
  for (const auto& [k, n] : s.quirk_counts) total += n;
  fmt::print("  quirks injected: {}", GroupThousands(total));
  if (total > 0) fmt::print(" ({})", JoinCounts(s.quirk_counts));
  fmt::print("\n");
}

}  // namespace

void AddSynthCommand(CLI::App& app, int* exit_code) {
  CLI::App* synth = app.add_subcommand("synth", "Generate data in the shape of a real release (for demos, tests, benchmarks)");
  synth->require_subcommand(1);
  auto args = std::make_shared<SynthArgs>();
  CLI::App* eoir = synth->add_subcommand(
      "eoir",
      "Write an EOIR case-data release: tab-delimited tables with the real columns, a Lookup/ folder,\n"
      "Count.txt, the data quirks of real releases, and synth-truth.json listing every injected quirk.\n\n"
      "Examples:\n"
      "  immstats synth eoir --out demo                         # ~13k cases, realistic quirks\n"
      "  immstats synth eoir --out clean --quirks none          # the same world, no quirks\n"
      "  immstats synth eoir --out big --scale 1 --zip deflate64  # a full-size zip as EOIR ships it\n"
      "  immstats synth eoir --out later --as-of 2026-11-01     # the same world a month later");
  eoir->add_option("--out", args->options.out_dir, "Folder to write into (new or empty)")->required();
  eoir->add_option("--scale", args->options.scale, "Size: 1.0 = a 2026 release (~12.8M cases, ~16.7M proceedings)")
      ->capture_default_str();
  eoir->add_option("--seed", args->options.seed, "Seed of the generated world; same seed and scale, same bytes")
      ->capture_default_str();
  eoir->add_option("--as-of", args->options.as_of, "Release date YYYY-MM-DD: the world as seen that day")
      ->capture_default_str();
  eoir->add_option("--quirks", args->quirks, "Data quirks: realistic (as in real releases) or none")
      ->check(CLI::IsMember({"none", "realistic"}))
      ->capture_default_str();
  eoir->add_option("--zip", args->zip, "Write one zip as EOIR does: none, deflate or deflate64 (needs 7z)")
      ->check(CLI::IsMember({"none", "deflate", "deflate64"}))
      ->capture_default_str();
  eoir->add_option("--tables", args->tables, "core (case, proceeding, application, schedule, reps, custody, "
                                             "lead/rider) or all (adds the other tables of the release)")
      ->check(CLI::IsMember({"core", "all"}))
      ->capture_default_str();
  eoir->add_option("--top-folder", args->options.top_folder,
                   "Top folder name (default: picked from the seed among the names real releases used)");
  eoir->add_option("--threads", args->options.threads, "Worker threads (0 = all cores); output does not depend on it")
      ->capture_default_str();
  eoir->add_flag("--json", args->json, "Print the summary as one JSON object");
  eoir->add_flag("--quiet", args->quiet, "No progress output");
  eoir->callback([args, exit_code] {
    SynthOptions& o = args->options;
    o.quirks = args->quirks == "none" ? SynthOptions::Quirks::kNone : SynthOptions::Quirks::kRealistic;
    o.zip = args->zip == "deflate" ? SynthOptions::Zip::kDeflate
            : args->zip == "deflate64" ? SynthOptions::Zip::kDeflate64 : SynthOptions::Zip::kNone;
    o.tables = args->tables == "all" ? SynthOptions::Tables::kAll : SynthOptions::Tables::kCore;
    Progress progress("synth eoir", args->quiet || args->json);
    o.on_progress = [&progress](const SynthProgress& p) { progress.Update(p.cases_done, p.cases_total, p.bytes_written); };
    auto result = GenerateEoirRelease(o);
    progress.Finish();
    if (!result.ok()) {
      std::fprintf(stderr, "immstats synth eoir: %s\n", result.status().message().c_str());
      *exit_code = result.status().ExitCode();
      return;
    }
    if (args->json) {
      fmt::print("{}\n", SummaryJson(*args, *result).dump(2));
    } else {
      PrintSummary(*args, *result);
    }
    *exit_code = 0;
  });
}

}  // namespace immstats::cli
