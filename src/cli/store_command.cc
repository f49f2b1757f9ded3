// `immstats store list|info|verify|remove`: the snapshots in the store and their health.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "store/snapshot.h"

namespace immstats::cli {

namespace {

struct StoreArgs {
  std::string store;
  std::string id = "latest";
};

store::Store OpenStore(const StoreArgs& a) {
  return store::Store(a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store));
}

int Fail(const Status& st, const char* what) {
  std::fprintf(stderr, "immstats store %s: %s\n", what, st.message().c_str());
  return st.ExitCode();
}

}  // namespace

void AddStoreCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("store", "The snapshots in the store: list, info, verify, remove");
  cmd->require_subcommand(1);
  auto args = std::make_shared<StoreArgs>();
  cmd->add_option("--store", args->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");

  CLI::App* list = cmd->add_subcommand("list", "One line per snapshot, oldest first");
  list->fallthrough();
  list->callback([args, exit_code] {
    const auto s = OpenStore(*args);
    auto all = s.List();
    if (!all.ok()) {
      *exit_code = Fail(all.status(), "list");
      return;
    }
    if (all->empty()) fmt::print("The store {} holds no snapshot yet (immstats ingest eoir ...).\n", s.dir().string());
    for (const auto& snap : *all) {
      uint64_t rows = 0;
      for (const auto& t : snap.tables) rows += t.rows;
      fmt::print("{:<24} {}  {} tables  {} rows  immstats {}\n", snap.id, snap.created, snap.tables.size(),
                 GroupThousands(static_cast<int64_t>(rows)), snap.immstats_version);
    }
    *exit_code = 0;
  });

  CLI::App* info = cmd->add_subcommand("info", "Tables, rows, columns and sources of one snapshot");
  info->fallthrough();
  info->add_option("id", args->id, "Snapshot id, or latest")->capture_default_str();
  info->callback([args, exit_code] {
    auto snap = OpenStore(*args).Get(args->id);
    if (!snap.ok()) {
      *exit_code = Fail(snap.status(), "info");
      return;
    }
    fmt::print("snapshot  {}\nfolder    {}\ncreated   {}\nimmstats  {} (store format {})\n", snap->id,
               snap->dir.string(), snap->created, snap->immstats_version, snap->format_version);
    fmt::print("sources\n");
    for (const auto& s : snap->sources) fmt::print("  {}  {} bytes  xxh64 {}\n", s.name, GroupThousands(static_cast<int64_t>(s.size)), s.xxh64);
    for (const auto& [k, v] : snap->attributes) fmt::print("{:<9} {}\n", k == "data_through" ? "data to" : k, v);
    fmt::print("tables\n");
    size_t name_width = 22;
    for (const auto& t : snap->tables) name_width = std::max(name_width, t.name.size());
    for (const auto& t : snap->tables) {
      fmt::print("  {:<{}} {:>14} rows  {} columns\n", t.name, name_width, GroupThousands(static_cast<int64_t>(t.rows)),
                 t.columns.size());
    }
    *exit_code = 0;
  });

  CLI::App* verify = cmd->add_subcommand("verify", "Re-check every block checksum of a snapshot");
  verify->fallthrough();
  verify->add_option("id", args->id, "Snapshot id, or latest")->capture_default_str();
  verify->callback([args, exit_code] {
    std::vector<std::string> problems;
    const Status st = OpenStore(*args).Verify(args->id, &problems);
    if (!st.ok()) {
      *exit_code = Fail(st, "verify");
      return;
    }
    if (problems.empty()) {
      fmt::print("OK: every block of snapshot '{}' matches its checksum\n", args->id);
      *exit_code = 0;
      return;
    }
    for (const auto& p : problems) fmt::print(stderr, "damaged: {}\n", p);
    fmt::print(stderr, "{} damaged column(s): remove the snapshot and ingest the release again\n", problems.size());
    *exit_code = 5;
  });

  CLI::App* remove = cmd->add_subcommand("remove", "Delete one snapshot (the others are untouched)");
  remove->fallthrough();
  remove->add_option("id", args->id, "Snapshot id")->required();
  remove->callback([args, exit_code] {
    const Status st = OpenStore(*args).Remove(args->id);
    if (!st.ok()) {
      *exit_code = Fail(st, "remove");
      return;
    }
    fmt::print("Removed snapshot '{}'\n", args->id);
    *exit_code = 0;
  });
}

}  // namespace immstats::cli
