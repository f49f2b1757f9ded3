// `immstats check [FILE|-]`: the figures a news article states about immigration records, as structured claims.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "claims/extract.h"
#include "cli/commands.h"
#include "cli/progress.h"

namespace immstats::cli {
namespace {

struct CheckArgs {
  std::string file = "-";
  std::string date;
  std::string format = "table";
  bool no_verify = false;
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
  if (!a.no_verify) {
    std::fprintf(stderr,
                 "immstats check: checking figures against the store is not built yet (issue 7); "
                 "run with --no-verify to list the claims the article makes\n");
    return 2;
  }
  std::optional<int32_t> date;
  if (!a.date.empty()) {
    int32_t d = 0;
    if (!ParseDateOption("check", "--date", a.date, &d)) return 2;
    date = d;
  }
  const claims::Article article = claims::ReadArticle(input);
  const auto found = claims::ExtractClaims(article, date);
  const std::optional<int32_t> used = date ? date : article.date;
  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["article_date"] = used ? nlohmann::ordered_json(base::FormatIsoDate(*used)) : nlohmann::ordered_json();
    j["article_date_source"] = date ? "--date" : article.date_source;
    j["sentences"] = article.sentences.size();
    j["claims"] = nlohmann::ordered_json::array();
    for (const auto& c : found) j["claims"].push_back(claims::ClaimJson(c));
    fmt::print("{}\n", j.dump(2));
    return 0;
  }
  fmt::print("Article date: {} ({}); {} sentences, {} claims\n\n", used ? base::FormatIsoDate(*used) : "unknown",
             date ? "--date" : (article.date_source.empty() ? "none found: give --date" : article.date_source),
             article.sentences.size(), found.size());
  int n = 0;
  for (const auto& c : found) {
    std::string figures;
    for (const auto& fig : c.figures) figures += (figures.empty() ? "" : ", ") + fig.text + (fig.vague ? " (not checkable)" : "");
    fmt::print("{}. {}\n   measure: {}; subject: {}; period: {}{}\n   figures: {}{}{}\n", ++n, c.sentence, c.measure,
               c.subject.empty() ? "-" : c.subject + " (" + c.subject_text + ")",
               c.period.text.empty() ? "-" : c.period.text,
               c.period.from ? " = " + base::FormatIsoDate(*c.period.from) + " .. " +
                                   (c.period.to ? base::FormatIsoDate(*c.period.to) : std::string("(open)"))
                             : "",
               figures, c.comparison ? "; compared with " + c.comparison->text : "",
               c.attribution.empty() ? "" : "; attributed to " + c.attribution);
    if (!c.period.assumption.empty()) fmt::print("   assumption: {}\n", c.period.assumption);
    for (const auto& note : c.notes) fmt::print("   {}\n", note);
  }
  return 0;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Read a news article (plain text or HTML) and list the figures it states about immigration records:\n"
      "measure, nationality, place, period (relative ones resolved against the article's date), figures,\n"
      "comparisons and attribution. Checking them against the store is the next step of issue 7.\n\n"
      "Examples:\n"
      "  immstats check article.html --no-verify\n"
      "  curl -s URL | immstats check - --no-verify --format json");
  cmd->add_option("file", a->file, "The article: a .txt or .html file, or - for standard input")->capture_default_str();
  cmd->add_option("--date", a->date, "The article's publication date, YYYY-MM-DD (default: found in the article)");
  cmd->add_option("--format", a->format, "table | json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  cmd->add_flag("--no-verify", a->no_verify, "Only extract the claims (needs no store)");
  cmd->callback([a, exit_code] { *exit_code = Run(*a); });
}

}  // namespace immstats::cli
