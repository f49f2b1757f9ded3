// Reference code lists of the EOIR release (domain spec §4, Appendices A and B), as the generator writes them.
#pragma once

#include <span>
#include <string_view>

namespace immstats::eoir {

struct CodeName {
  std::string_view code;
  std::string_view name;
};

struct Court {
  std::string_view code;   // BASE_CITY_CODE
  std::string_view city;
  std::string_view state;
  std::string_view region;  // Eastern / Western
  bool pseudo = false;      // BIA, CIJ, HDQ, RIC, OIT, OIN: not a trial court (Q21)
};

// A DEC_CODE / OTHER_COMP meaning within one case type (tblLookupCourtDecision).
struct CourtDecision {
  std::string_view case_type;
  std::string_view code;
  std::string_view description;
  char dec_type;  // 'C' decodes DEC_CODE, 'O' decodes OTHER_COMP
  std::string_view final_disposition;
};

struct ApplicationType {
  std::string_view code;  // case-sensitive (212a, 212L, d11)
  std::string_view description;
  std::string_view allowed_decisions;
};

std::span<const CodeName> Nationalities();        // Appendix A, 251 codes incl. ?? and NA
std::span<const Court> Courts();                  // Appendix B, trial courts then pseudo courts
std::span<const CodeName> CaseTypes();            // §4.2 (BND is deliberately absent: Q15)
std::span<const CodeName> CustodyCodes();         // D, R, N
std::span<const CourtDecision> CourtDecisions();  // per (case type, code)
std::span<const ApplicationType> ApplicationTypes();  // the 40 codes of §4.5
std::span<const CodeName> ApplicationDecisions();     // the 14 codes of §4.6
std::span<const CodeName> LegacyDecisionCodes();      // tblDecCode
std::span<const CodeName> Languages();
std::span<const CodeName> AdjournmentReasons();
std::span<const CodeName> CalendarTypes();
std::span<const CodeName> ScheduleTypes();

}  // namespace immstats::eoir
