// Classification rules for application decisions, DEC_CODE and OTHER_COMP labels.
#include "derive/classes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace immstats::derive {

namespace {

bool Contains(const std::string& upper, std::string_view word) { return upper.find(word) != std::string::npos; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ApplClass ClassOfApplDecision(std::string_view d, bool* unknown) {
  *unknown = false;
  if (d.empty()) return kPending;
  if (d.size() == 1) {
    switch (d[0]) {
      case 'G': case 'F': case 'C': case 'I': case 'P': return kGrant;
      case 'D': return kDeny;
      case 'L': return kCatOnly;
      case 'A': return kAbandoned;
      case 'W': return kWithdrawn;
      case 'O': return kOther;
      case 'M': return kNotAdj;
      case 'S': case 'T': return kProcedural;
      case 'R': return kPending;
      default: break;
    }
  }
  *unknown = true;
  return kOther;
}

const char* ApplClassName(ApplClass c) {
  switch (c) {
    case kGrant: return "GRANT";
    case kDeny: return "DENY";
    case kCatOnly: return "CAT_ONLY";
    case kAbandoned: return "ABANDONED";
    case kWithdrawn: return "WITHDRAWN";
    case kOther: return "OTHER";
    case kNotAdj: return "NOT_ADJ";
    case kProcedural: return "PROCEDURAL";
    case kPending: return "PENDING";
    case kNoApplication: return "NONE";
  }
  return "NONE";
}

DecisionOutcome ClassifyDecisionLabel(std::string_view description) {
  const std::string u = Upper(description);
  if (u.empty()) return kOtherClosure;
  if (Contains(u, "GRANT") || Contains(u, "RELIEF") || Contains(u, "VACATE")) return kReliefGranted;
  if (Contains(u, "VOLUNTARY")) return kVoluntaryDeparture;
  if (Contains(u, "REMOV") || Contains(u, "DEPORT") || Contains(u, "EXCLU") || Contains(u, "DENY") ||
      Contains(u, "DENIED") || Contains(u, "AFFIRM")) {
    return kRemovalOrder;
  }
  return kOtherClosure;
}

AdminCompletion ClassifyAdminLabel(std::string_view description) {
  const std::string u = Upper(description);
  if (Contains(u, "VENUE") || Contains(u, "TRANSFER")) return kVenueOrTransfer;
  return kAdminClosure;
}

bool IsOtherReliefApplication(std::string_view code) {
  static constexpr std::array<std::string_view, 8> kNotRelief = {"ASYL", "ASYW", "WCAT", "VD", "WD", "WDL", "UNK", "PRMF"};
  return std::find(kNotRelief.begin(), kNotRelief.end(), code) == kNotRelief.end();
}

}  // namespace immstats::derive
