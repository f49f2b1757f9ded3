// The generated world: every case's whole life, independent of the release date it is seen from.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "synth/roster.h"

namespace immstats::synth {

inline constexpr int32_t kNoDate = INT32_MIN;
inline constexpr int kMaxProceedings = 4;
inline constexpr int kMaxApplications = 16;  // per case
inline constexpr int kMaxHearings = 32;      // per case
inline constexpr int kMaxReps = 8;           // per case
inline constexpr int kCasesPerBlock = 4;     // families (lead + riders) live inside one block

struct Application {
  std::string_view code;
  int32_t received = kNoDate;
  char decision = 0;  // APPL_DEC once the proceeding completes; 0 = none
  char pending_decision = 0;  // what the row shows before completion (0 or 'R' reserved)
};

struct Hearing {
  int32_t date = kNoDate;   // ADJ_DATE (scheduled)
  int32_t input = kNoDate;  // when it was put on the calendar
  int16_t start = 0;        // minutes after midnight
  int16_t minutes = 0;
  char cal_type = 'M';
  char medium = 'P';
  int judge = -1;           // into Roster::judges; -1 with pseudo_judge >= 0
  int location = 0;         // into Roster::locations
  uint8_t adj_reason = 0;   // 1..15, 0 = none (the completing hearing)
  std::string_view schedule_type;
};

struct Proceeding {
  int32_t osc_date = kNoDate;
  int32_t input_date = kNoDate;
  int32_t comp_date = kNoDate;  // when the IJ entered a decision or completion; kNoDate if never
  int court = 0;                // into Roster::courts
  int location = 0;             // into Roster::locations
  int judge = 0;                // into Roster::judges
  std::string_view case_type = "RMV";
  char custody = 'N';
  char dec_code = 0;
  char other_comp = 0;
  char dec_type = 0;
  char absentia = 0;
  char transfer_status = 0;
  char appeal_reserved = 0;
  bool crim = false;
  bool reopened = false;        // started by a reopening or remand (not a venue change)
  std::vector<Application> apps;
  std::vector<Hearing> hearings;
};

struct Representation {
  char level = 'C';        // C = COURT, B = BOARD
  bool respondent = true;  // ALIEN (true) or INS (false)
  int proceeding = -1;     // -1: PARENT_TABLE A_TblCase; else index into proceedings
  int court = 0;
  int32_t e28 = kNoDate;
  int32_t e27 = kNoDate;
  bool prime = true;
};

struct CustodySpell {
  char custody = 'D';
  int32_t detained = kNoDate;
  int32_t released = kNoDate;
};

struct CaseLife {
  int64_t index = 0;       // global case index; IDNCASE = kCaseIdBase + index
  int32_t arrival = 0;     // first proceeding's INPUT_DATE
  int32_t purge_date = kNoDate;   // the record vanishes from releases after this date (Q23)
  bool orphan_children = false;   // when purged, its proceedings stay behind (Q12)
  int nationality = 0;     // into Roster::nationalities
  std::string_view language;
  char gender = 'M';
  char asylum_type = 0;    // C_ASY_TYPE: 'I', 'E' or 0
  char site_type = 'I';
  bool lpr = false;
  bool represented = false;
  int city = 0;            // into the address list
  int zip = 0;
  int new_city = -1;       // address after a change (revised record, Q23)
  int new_zip = 0;
  int32_t address_changed = kNoDate;
  int32_t entry_date = kNoDate;
  int birth_month = 0, birth_year = 0;
  std::string_view priority = "N/A";
  int64_t lead_index = -1; // for a rider: the lead's case index
  std::vector<Proceeding> proceedings;
  std::vector<Representation> reps;
  std::vector<CustodySpell> custody;
};

struct Address {
  std::string_view city;
  std::string_view state;
  int zip_base;
};
const std::vector<Address>& Addresses();

// Shapes the world for a seed and scale; thread-safe after construction.
class World {
 public:
  World(uint64_t seed, double scale, int32_t default_as_of);

  const Roster& roster() const { return roster_; }
  int64_t total_cases() const { return total_cases_; }  // arrivals up to the world horizon
  // Cases whose arrival is on or before `as_of` are a prefix [0, CasesArrivedBy(as_of)).
  int64_t CasesArrivedBy(int32_t as_of) const;
  int32_t horizon() const { return horizon_; }

  // Fills `out` (resized to kCasesPerBlock) with the lives of block `block`'s cases.
  void GenerateBlock(int64_t block, std::vector<CaseLife>* out) const;

 private:
  int32_t ArrivalOf(int64_t index, double jitter) const;
  void GenerateCase(int64_t index, CaseLife* life) const;
  void CopyAsRider(const CaseLife& lead, int64_t index, CaseLife* rider) const;

  uint64_t seed_;
  Roster roster_;
  int32_t first_day_;
  int32_t horizon_;
  std::vector<double> arrival_cdf_;  // per day from first_day_, normalised to 1 at horizon
  int64_t total_cases_;
};

}  // namespace immstats::synth
