// Checking an article's claims against the store: each claim mapped to the queries that could answer it (every
// definition or source that publishes the measure), run, and given a verdict with the definition that reproduces
// it, our figure, the command that reproduces it and its receipt (docs/check.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/article.h"
#include "claims/extract.h"
#include "verify/compare.h"

namespace immstats::verify {

// One figure of a claim against our figure under the chosen definition.
struct FigureCheck {
  std::string text;     // as written
  std::string role;     // "figure" or "comparison" (the all-nationality figure)
  std::string ours;     // our figure, formatted like the article's ("24.7%", "2,475,669"); empty if none
  Verdict verdict = Verdict::kCannotCheck;
  std::string reason;
  size_t begin = 0, end = 0;  // bytes within the claim's sentence
};

// Another definition or source that answers the same measure, and how the first figure fares under it.
struct Alternative {
  std::string definition;
  std::string ours;
  Verdict verdict = Verdict::kCannotCheck;
};

struct ClaimCheck {
  claims::Claim claim;
  Verdict verdict = Verdict::kCannotCheck;
  std::string reason;       // for "cannot check": why, and which source does publish it
  std::string source;       // what answered: "EOIR court records", "CBP encounter files" ...
  std::string definition;   // the definition or cut that reproduces it (or came nearest)
  std::string command;      // the immstats command that gives our figure, with its receipt
  std::vector<std::string> notes;  // window adjustments, the article's own arithmetic
  std::vector<FigureCheck> figures;
  std::vector<Alternative> alternatives;
  nlohmann::ordered_json receipt;  // of the query that answered (never empty for matches, close or differs)
};

struct ArticleCheck {
  claims::Article article;
  std::optional<int32_t> date;  // used to resolve relative periods
  std::string date_source;      // "--date", "meta", "dateline" ... or empty
  bool verified = false;        // false: claims extracted only (--no-verify)
  std::string store;            // the store folder checked against
  std::vector<ClaimCheck> claims;
};

// Reads the claims of `article` and, when `store_dir` is given, checks each against the latest snapshot of every
// source in it. `date` overrides the article's own date.
ArticleCheck CheckArticle(const claims::Article& article, std::optional<int32_t> date,
                          const std::optional<std::filesystem::path>& store_dir);

// The report as JSON (claims, verdicts, receipts, a summary, and the article as segments with each figure marked),
// as an aligned text report for people, and as a standalone HTML page with each figure highlighted.
nlohmann::ordered_json CheckJson(const ArticleCheck& check);
std::string CheckTable(const ArticleCheck& check);
std::string CheckHtml(const ArticleCheck& check);

}  // namespace immstats::verify
