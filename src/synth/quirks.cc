// Names, spec rules and expected ingest handling of each quirk kind.
#include "synth/quirks.h"

#include <array>

namespace immstats::synth {

const QuirkInfo& InfoOf(QuirkKind kind) {
  static constexpr std::array<QuirkInfo, static_cast<size_t>(QuirkKind::kCount)> kInfo = {{
      {"cp1252_byte", "Q2", "repaired"},
      {"nul_byte", "Q3", "repaired"},
      {"embedded_tab", "Q4", "repaired"},
      {"extra_empty_fields", "Q4", "repaired"},
      {"hidden_shift", "Q4", "quarantined"},
      {"short_row", "Q5", "repaired"},
      {"split_line", "Q5", "repaired"},
      {"null_token", "Q7", "repaired"},
      {"bad_date", "Q8", "repaired"},
      {"hhmm_12h", "Q10", "repaired"},
      {"hhmm_zero", "Q10", "repaired"},
      {"duplicate_pk", "Q11", "quarantined"},
      {"orphan", "Q12", "flagged"},
      {"na_code", "Q13", "kept"},
      {"case_variant", "Q14", "repaired"},
      {"unknown_code", "Q15", "flagged"},
      {"column_alias", "Q16", "header"},
      {"mixed_case_type", "Q18", "kept"},
      {"judge_alias", "Q20", "kept"},
      {"pseudo_judge", "Q20", "kept"},
      {"pseudo_court", "Q21", "kept"},
      {"defunct_nat", "Q22", "kept"},
      {"zip_format", "Q26", "repaired"},
      {"zero_bond", "Q25", "repaired"},
  }};
  return kInfo[static_cast<size_t>(kind)];
}

}  // namespace immstats::synth
