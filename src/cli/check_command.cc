// `immstats check [FILE|-]`: the figures a news article states about immigration records, each checked against
// the store (or only listed, with --no-verify).
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/progress.h"
#include "store/snapshot.h"
#include "verify/verify.h"

namespace immstats::cli {
namespace {

struct CheckArgs {
  std::string file = "-";
  std::string date;
  std::string format = "table";
  std::string store;
  bool no_verify = false;
  bool fail_on_differs = false;
};

int Run(const CheckArgs& a) {
  std::string input;
  std::FILE* f = a.file == "-" ? stdin : std::fopen(a.file.c_str(), "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "immstats check: cannot read %s: give a text or HTML file, or - for standard input\n",
                 a.file.c_str());
    return 3;
  }
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) input.append(buf, n);
  if (f != stdin) std::fclose(f);
  std::optional<int32_t> date;
  if (!a.date.empty()) {
    int32_t d = 0;
    if (!ParseDateOption("check", "--date", a.date, &d)) return 2;
    date = d;
  }
  std::optional<std::filesystem::path> store_dir;
  if (!a.no_verify) store_dir = a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store);
  if (store_dir) {
    auto listed = store::Store(*store_dir).List();
    if (!listed.ok() || listed->empty()) {
      std::fprintf(stderr,
                   "immstats check: the store %s holds no snapshot, so no figure can be checked: ingest the sources "
                   "(`immstats ingest eoir|cbp|ohss|ice|iceair`), give --store, or list the claims with --no-verify\n",
                   store_dir->string().c_str());
    }
  }
  const verify::ArticleCheck check = verify::CheckArticle(claims::ReadArticle(input), date, store_dir);
  if (a.format == "json") {
    fmt::print("{}\n", verify::CheckJson(check).dump(2));
  } else if (a.format == "html") {
    std::fputs(verify::CheckHtml(check).c_str(), stdout);
  } else {
    std::fputs(verify::CheckTable(check).c_str(), stdout);
  }
  if (a.fail_on_differs) {
    for (const auto& c : check.claims) {
      if (c.verdict == verify::Verdict::kDiffers) return 1;
    }
  }
  return 0;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Read a news article (plain text or HTML), find each figure it states about immigration records (measure,\n"
      "nationality, place, period, figures, comparison, attribution) and check it against the store: 'matches'\n"
      "(with the definition that reproduces it), 'close' (within a stated tolerance), 'differs' (with our figure\n"
      "and its receipt) or 'cannot check' (no source loaded, or the figure is not published for that subject).\n"
      "Relative periods ('last March', 'so far this fiscal year') are resolved against the article's date.\n\n"
      "Examples:\n"
      "  immstats check article.html\n"
      "  immstats check article.txt --date 2024-11-15 --format html > report.html\n"
      "  curl -s URL | immstats check - --format json\n"
      "  immstats check article.html --no-verify      # only list the claims (needs no store)\n\n"
      "Exit codes: 0 checked (whatever the verdicts), 1 a claim differs and --fail-on-differs, 2 bad option,\n"
      "3 unreadable file.");
  cmd->add_option("file", a->file, "The article: a .txt or .html file, or - for standard input")->capture_default_str();
  cmd->add_option("--date", a->date, "The article's publication date, YYYY-MM-DD (default: found in the article)");
  cmd->add_option("--format", a->format, "table | json | html")->check(CLI::IsMember({"table", "json", "html"}))
      ->capture_default_str();
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_flag("--no-verify", a->no_verify, "Only extract the claims (needs no store)");
  cmd->add_flag("--fail-on-differs", a->fail_on_differs, "Exit 1 when any claim differs from the records");
  cmd->callback([a, exit_code] { *exit_code = Run(*a); });
}

}  // namespace immstats::cli
