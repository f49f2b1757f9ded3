// Human names for codes, from the lookup tables stored with the snapshot (the release's own, spec §4 rule zero),
// and resolution of what a user typed (a code or a name) into codes, with suggestions when nothing matches.
#pragma once

#include <map>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"
#include "store/snapshot.h"

namespace immstats::query {

enum class CodeKind { kNationality, kCourt, kJudge, kHearingLocation, kCaseType, kCustody, kAsylumType };
const char* CodeKindName(CodeKind k);  // "nationality", "court", ...

class Names {
 public:
  static Result<Names> Load(const store::SnapshotInfo& snapshot);
  // The display name of a code; UNKNOWN(code) when the release's lookup does not list it; "" for a null code.
  std::string Name(CodeKind kind, std::string_view code) const;
  bool Known(CodeKind kind, std::string_view code) const;
  // What the user typed (case-insensitive code or name, e.g. "HO", "Honduras", "honduras") into codes.
  // No match: an error that lists the closest names, so the user can retype.
  Result<std::vector<std::string>> Resolve(CodeKind kind, std::string_view typed) const;
  // Pseudo courts (BIA, CIJ, HDQ, OIT, OIN, RIC) and pseudo judges are not ranked (Q20, Q21).
  bool IsPseudo(CodeKind kind, std::string_view code) const;
  // Every code of a kind with its display name, in code order (pickers in the dashboard).
  std::vector<std::pair<std::string, std::string>> List(CodeKind kind) const;

 private:
  struct Entry {
    std::string name;
    std::vector<std::string> aliases;  // other names that resolve to the code (country name, city)
  };
  std::map<CodeKind, std::map<std::string, Entry>> codes_;
};

// A judge-lookup name that is not a person (Q20): "<All Judges>", "Master Calendar 1", "Video Judge - Bal",
// "Former Immigration Judge", "Visiting Judge 12", "Status Docket", test entries. People are "Last, First"
// (visiting judges too: "Ayala, David (Visiting Judge)"), sometimes without the comma ("Petty Aaron R.").
bool IsPseudoJudgeName(std::string_view name);

// Levenshtein distance on upper-cased ASCII, for suggestions.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace immstats::query
