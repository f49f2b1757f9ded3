// Outcome classes of the derived records: application decisions (spec §4.6) and proceeding outcomes (§4.4, §7.1).
#pragma once

#include <cstdint>
#include <string_view>

namespace immstats::derive {

// Normalised application-decision classes, in the precedence order of spec §6.2 (lower wins).
enum ApplClass : uint8_t {
  kGrant = 0,       // G F C I P
  kDeny = 1,        // D
  kCatOnly = 2,     // L
  kAbandoned = 3,   // A
  kWithdrawn = 4,   // W
  kOther = 5,       // O, and codes the release's lookup does not know (counted as unknown)
  kNotAdj = 6,      // M
  kProcedural = 7,  // S T: not a decision
  kPending = 8,     // R, NULL
  kNoApplication = 15,
};
ApplClass ClassOfApplDecision(std::string_view appl_dec, bool* unknown);
const char* ApplClassName(ApplClass c);

// What the proceeding's DEC_CODE means, from the release's tblLookupCourtDecision description.
enum DecisionOutcome : uint8_t {
  kNoDecision = 0,
  kRemovalOrder = 1,         // remove, deport, exclude, deny (asylum-only), DHS decision affirmed
  kVoluntaryDeparture = 2,
  kReliefGranted = 3,        // relief, any grant, withholding or CAT granted, DHS decision vacated
  kOtherClosure = 4,         // terminated, dismissed, withdrawn, other, or a code the lookup does not know
};
DecisionOutcome ClassifyDecisionLabel(std::string_view description);

// What the proceeding's OTHER_COMP means.
enum AdminCompletion : uint8_t { kNoAdmin = 0, kVenueOrTransfer = 1, kAdminClosure = 2 };
AdminCompletion ClassifyAdminLabel(std::string_view description);

// Non-asylum applications whose grant lets the person remain (spec §7.1 "other relief").
bool IsOtherReliefApplication(std::string_view appl_code);

}  // namespace immstats::derive
