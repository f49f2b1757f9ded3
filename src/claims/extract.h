// Claims in an article: sentences that state a figure about immigration records, parsed into measure, subject,
// place, period, figures, comparison and attribution (rule-based, English; docs/check.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/article.h"

namespace immstats::claims {

struct Figure {
  enum class Kind { kCount, kPercent, kRatio } kind = Kind::kCount;
  double value = 0;         // the count, or the percentage (0-100)
  int64_t numerator = 0;    // kRatio: "1,234 of 5,000"
  int64_t denominator = 0;
  std::string text;         // as written
  std::string qualifier;    // "about", "more than", "as many as", "hundreds" ...
  bool exact = true;        // false for approximate or bound qualifiers
  bool vague = false;       // "hundreds", "thousands": no number to check
  std::string bound;        // "lower" (more than, at least, over) or "upper" (as many as, fewer than, up to)
  size_t begin = 0, end = 0;  // bytes of `text` within Claim::sentence
};

struct Period {
  std::string text;                     // as written ("fiscal 2023", "last March")
  std::optional<int32_t> from, to;      // inclusive days
  int fiscal_year = 0;                  // when the period is one fiscal year
  std::string assumption;               // how a relative period was resolved
};

struct Claim {
  std::string sentence;
  size_t offset = 0;                    // of the sentence in the article text
  std::string measure;                  // asylum_grants, asylum_denials, asylum_decisions, grant_rate, denial_rate, encounters,
                                        // removals, backlog, wait_times, flights, passengers
  std::string subject;                  // canonical country code, ALL, or empty
  std::string subject_text;             // as written ("Hondurans")
  std::string place;                    // southwest_border, northern_border, or a court's city as written ("New York")
  Period period;
  std::vector<Figure> figures;          // the claim's own figures, in order
  std::optional<Figure> comparison;     // the all-nationality figure it is compared with
  std::string attribution;              // TRAC, ICE, CBP, EOIR, DHS, OHSS
  bool checkable = true;                // false when every figure is vague or the period cannot be placed
  std::vector<std::string> notes;       // e.g. the article's own arithmetic
};

// Every claim of the article; `date` (days) resolves relative periods, else the article's own date. A sentence
// joining two statements (", and", "; ", ", while") gives one claim per statement when each states a figure and
// a measure; a statement without its own period, subject or attribution takes the sentence's.
std::vector<Claim> ExtractClaims(const Article& article, std::optional<int32_t> date);
std::vector<Claim> ExtractSentenceClaims(const std::string& sentence, std::optional<int32_t> date);
// The claim of one sentence, if it states one.
std::optional<Claim> ExtractClaim(const std::string& sentence, std::optional<int32_t> date);

nlohmann::ordered_json ClaimJson(const Claim& c);

}  // namespace immstats::claims
