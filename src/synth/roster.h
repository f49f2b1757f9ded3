// The fixed cast of a generated world: courts with their judges and hearing locations, nationalities.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace immstats::synth {

struct Judge {
  std::string code;        // 3 letters, or V.. for a visiting judge
  std::string name;        // "Last, First"
  std::string alias_code;  // a second IJ_CODE used in [alias_from, alias_until) (Q20); empty when none
  int32_t alias_from = 0;
  int32_t alias_until = 0;
  double grant_shift = 0;  // logit shift of the asylum grant probability
  int court = 0;
};

struct HearingLocation {
  std::string code;
  std::string name;
  int court = 0;
  bool detention = false;
};

struct CourtModel {
  int index = 0;             // into eoir::Courts()
  double weight = 0;         // share of case arrivals
  double grant_shift = 0;
  std::vector<int> judges;   // into Roster::judges
  std::vector<int> locations;  // into Roster::locations
  int32_t opened = 0;        // day number the court starts receiving cases
};

struct NationalityModel {
  std::string_view code;
  double weight[3] = {0, 0, 0};  // arrival weight in eras 2001-12, 2013-20, 2021-
  double asylum_share = 0.4;     // chance a case files asylum
  double grant_shift = 0;
  std::string_view language;
};

struct PseudoJudge {
  std::string_view code;
  std::string_view name;
};

class Roster {
 public:
  explicit Roster(uint64_t seed);

  std::vector<CourtModel> courts;           // trial courts only
  std::vector<double> court_cumulative;     // pick weights over `courts`
  std::vector<Judge> judges;
  std::vector<HearingLocation> locations;
  std::vector<NationalityModel> nationalities;
  std::vector<double> nationality_cumulative[3];
  static const std::vector<PseudoJudge>& PseudoJudges();
  // Codes kept for Q22: successor/defunct states and placeholders.
  static const std::vector<std::string_view>& DefunctNationalities();
};

}  // namespace immstats::synth
