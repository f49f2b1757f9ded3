// Case lives: arrivals, proceedings, venue changes, closures, reopenings, applications, hearings, counsel.
#include "synth/world.h"

#include <algorithm>
#include <cmath>

#include "base/civil_date.h"
#include "base/rng.h"

namespace immstats::synth {

namespace {

using base::DaysFromCivil;
using base::Rng;

constexpr uint64_t kCaseStream = 0x43415345ULL;   // "CASE"
constexpr uint64_t kBlockStream = 0x424c4f43ULL;  // "BLOC"
constexpr double kRealCases = 12.8e6;             // cases in a 2026 release at scale 1.0

// Relative case arrivals per fiscal year (thousands), FY2001..FY2028; the shape of EOIR receipts.
constexpr int kFirstFy = 2001;
constexpr double kArrivalsByFy[] = {250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
                                    230, 260, 260, 300, 300, 350, 560, 400, 280, 700, 1300, 1600,
                                    900, 500, 500, 500};

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

int32_t Days(double d) { return static_cast<int32_t>(std::lround(d)); }

char PickChar(Rng& rng, std::string_view letters, std::initializer_list<double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = rng.Uniform() * total;
  size_t i = 0;
  for (double w : weights) {
    if (x < w) return letters[i];
    x -= w;
    ++i;
  }
  return letters.back();
}

int PickCourt(const Roster& roster, Rng& rng, int32_t day) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const int c = static_cast<int>(rng.PickCumulative(roster.court_cumulative));
    if (roster.courts[c].opened <= day) return c;
  }
  return static_cast<int>(rng.PickCumulative(roster.court_cumulative)) % 8;  // an old, large court
}

int PickJudge(const Roster& roster, Rng& rng, int court) {
  const auto& js = roster.courts[court].judges;
  return js[static_cast<size_t>(rng.Between(0, static_cast<int64_t>(js.size()) - 1))];
}

int PickLocation(const Roster& roster, Rng& rng, int court, char custody) {
  const auto& ls = roster.courts[court].locations;
  if (custody == 'D' && ls.size() > 1 && rng.Chance(0.7)) {
    return ls[static_cast<size_t>(rng.Between(1, static_cast<int64_t>(ls.size()) - 1))];
  }
  return ls[0];
}

}  // namespace

const std::vector<Address>& Addresses() {
  static const std::vector<Address> kList = {
      {"LOS ANGELES", "CA", 90001}, {"SAN DIEGO", "CA", 92101}, {"SAN JOSE", "CA", 95110},
      {"SAN FRANCISCO", "CA", 94102}, {"FRESNO", "CA", 93701}, {"HOUSTON", "TX", 77001},
      {"DALLAS", "TX", 75201}, {"SAN ANTONIO", "TX", 78201}, {"EL PASO", "TX", 79901},
      {"MCALLEN", "TX", 78501}, {"NEW YORK", "NY", 10001}, {"BROOKLYN", "NY", 11201},
      {"QUEENS", "NY", 11354}, {"NEWARK", "NJ", 7102}, {"ELIZABETH", "NJ", 7201},
      {"MIAMI", "FL", 33101}, {"ORLANDO", "FL", 32801}, {"TAMPA", "FL", 33601},
      {"ATLANTA", "GA", 30301}, {"CHARLOTTE", "NC", 28201}, {"CHICAGO", "IL", 60601},
      {"DETROIT", "MI", 48201}, {"BOSTON", "MA", 2108}, {"PHILADELPHIA", "PA", 19102},
      {"BALTIMORE", "MD", 21201}, {"SILVER SPRING", "MD", 20901}, {"ARLINGTON", "VA", 22201},
      {"DENVER", "CO", 80202}, {"PHOENIX", "AZ", 85001}, {"TUCSON", "AZ", 85701},
      {"LAS VEGAS", "NV", 89101}, {"SEATTLE", "WA", 98101}, {"PORTLAND", "OR", 97201},
      {"SALT LAKE CITY", "UT", 84101}, {"NEW ORLEANS", "LA", 70112}, {"MEMPHIS", "TN", 38103},
      {"NASHVILLE", "TN", 37201}, {"KANSAS CITY", "MO", 64101}, {"OMAHA", "NE", 68102},
      {"MINNEAPOLIS", "MN", 55401}, {"CLEVELAND", "OH", 44101}, {"SAN JUAN", "PR", 901},
      {"HONOLULU", "HI", 96813}, {"LOUISVILLE", "KY", 40202}, {"LITTLE ROCK", "AR", 72201}};
  return kList;
}

World::World(uint64_t seed, double scale, int32_t default_as_of)
    : seed_(seed), roster_(seed), first_day_(DaysFromCivil(kFirstFy - 1, 10, 1)) {
  const int n_fy = static_cast<int>(std::size(kArrivalsByFy));
  horizon_ = DaysFromCivil(kFirstFy + n_fy - 1, 9, 30);
  arrival_cdf_.resize(static_cast<size_t>(horizon_ - first_day_ + 1));
  double acc = 0;
  for (int32_t d = first_day_; d <= horizon_; ++d) {
    const int fy = base::FiscalYearOf(d);
    const int weekday = static_cast<int>(((d % 7) + 7 + 3) % 7);  // 0 = Monday (1970-01-01 was a Thursday)
    const double w = kArrivalsByFy[fy - kFirstFy] * (weekday >= 5 ? 0.1 : 1.0);
    acc += w;
    arrival_cdf_[static_cast<size_t>(d - first_day_)] = acc;
  }
  for (double& v : arrival_cdf_) v /= acc;
  const int32_t clamp = std::clamp(default_as_of, first_day_, horizon_);
  const double share = arrival_cdf_[static_cast<size_t>(clamp - first_day_)];
  total_cases_ = std::max<int64_t>(kCasesPerBlock * 2, std::llround(kRealCases * scale / share));
  total_cases_ = (total_cases_ + kCasesPerBlock - 1) / kCasesPerBlock * kCasesPerBlock;
}

int32_t World::ArrivalOf(int64_t index, double jitter) const {
  const double u = (static_cast<double>(index) + jitter) / static_cast<double>(total_cases_);
  const auto it = std::lower_bound(arrival_cdf_.begin(), arrival_cdf_.end(), u);
  return first_day_ + static_cast<int32_t>(std::min<ptrdiff_t>(it - arrival_cdf_.begin(),
                                                                 static_cast<ptrdiff_t>(arrival_cdf_.size()) - 1));
}

int64_t World::CasesArrivedBy(int32_t as_of) const {
  if (as_of < first_day_) return 0;
  if (as_of >= horizon_) return total_cases_;
  // Arrival is monotone in the index (jitter stays within a slot), so binary search on the index.
  int64_t lo = 0, hi = total_cases_;
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    Rng rng(base::StreamSeed(seed_, kCaseStream, static_cast<uint64_t>(mid)));
    if (ArrivalOf(mid, rng.Uniform()) <= as_of) lo = mid + 1; else hi = mid;
  }
  return lo;
}

void World::GenerateBlock(int64_t block, std::vector<CaseLife>* out) const {
  out->resize(kCasesPerBlock);
  const int64_t first = block * kCasesPerBlock;
  Rng brng(base::StreamSeed(seed_, kBlockStream, static_cast<uint64_t>(block)));
  int riders = 0;
  if (brng.Chance(0.12)) riders = static_cast<int>(brng.Between(1, kCasesPerBlock - 1));
  GenerateCase(first, &(*out)[0]);
  for (int i = 1; i < kCasesPerBlock; ++i) {
    if (i <= riders) {
      CopyAsRider((*out)[0], first + i, &(*out)[static_cast<size_t>(i)]);
    } else {
      GenerateCase(first + i, &(*out)[static_cast<size_t>(i)]);
    }
  }
}

void World::CopyAsRider(const CaseLife& lead, int64_t index, CaseLife* rider) const {
  Rng rng(base::StreamSeed(seed_, kCaseStream, static_cast<uint64_t>(index)));
  rng.Uniform();  // keep the arrival draw aligned with GenerateCase for CasesArrivedBy
  *rider = lead;
  rider->index = index;
  rider->lead_index = lead.index;
  rider->gender = rng.Chance(0.5) ? 'M' : 'F';
  rider->purge_date = kNoDate;
  rider->birth_year = lead.birth_year + static_cast<int>(rng.Between(10, 30));
  if (rng.Chance(0.8)) {  // riders usually have no application of their own
    for (auto& p : rider->proceedings) p.apps.clear();
    rider->asylum_type = 0;
  }
}

void World::GenerateCase(int64_t index, CaseLife* life) const {
  Rng rng(base::StreamSeed(seed_, kCaseStream, static_cast<uint64_t>(index)));
  CaseLife& c = *life;
  c.index = index;
  c.arrival = ArrivalOf(index, rng.Uniform());
  c.lead_index = -1;
  c.proceedings.clear();
  c.reps.clear();
  c.custody.clear();

  const int era = c.arrival < DaysFromCivil(2012, 10, 1) ? 0 : c.arrival < DaysFromCivil(2020, 10, 1) ? 1 : 2;
  c.nationality = static_cast<int>(rng.PickCumulative(roster_.nationality_cumulative[era]));
  const NationalityModel& nat = roster_.nationalities[static_cast<size_t>(c.nationality)];
  c.language = nat.language;
  if (nat.language == "SP" && (nat.code == "GT") && rng.Chance(0.25)) c.language = rng.Chance(0.5) ? "KIC" : "MAM";
  if (nat.language == "SP" && rng.Chance(0.03)) c.language = "ENG";
  c.gender = rng.Chance(0.62) ? 'M' : 'F';
  c.site_type = rng.Chance(0.7) ? 'I' : 'M';
  c.lpr = rng.Chance(0.04);
  const int arrival_year = base::CivilFromDays(c.arrival).year;
  c.birth_month = static_cast<int>(rng.Between(1, 12));
  c.birth_year = arrival_year - static_cast<int>(rng.Between(1, 60));

  // Custody at completion: detained throughout, released, or never detained.
  const char custody = PickChar(rng, "DRN", {era == 0 ? 0.16 : 0.12, 0.10, era == 0 ? 0.74 : 0.78});
  c.represented = rng.Chance(custody == 'D' ? 0.30 : (era == 2 ? 0.55 : 0.65));
  const bool files_asylum = rng.Chance(0.75 * nat.asylum_share * (custody == 'D' ? 0.6 : 1.0));
  c.asylum_type = 0;
  if (files_asylum) c.asylum_type = (custody != 'D' && rng.Chance(0.3)) ? 'I' : 'E';

  // Address (the city list also feeds the cp1252 and tab-shift quirks).
  const auto& addrs = Addresses();
  c.city = static_cast<int>(rng.Between(0, static_cast<int64_t>(addrs.size()) - 1));
  c.zip = addrs[static_cast<size_t>(c.city)].zip_base + static_cast<int>(rng.Between(0, 98));
  c.new_city = -1;
  c.address_changed = kNoDate;
  if (rng.Chance(0.15)) {
    c.new_city = static_cast<int>(rng.Between(0, static_cast<int64_t>(addrs.size()) - 1));
    c.new_zip = addrs[static_cast<size_t>(c.new_city)].zip_base + static_cast<int>(rng.Between(0, 98));
    c.address_changed = c.arrival + Days(rng.LogNormal(500, 0.8));
  }
  c.priority = "N/A";
  if (c.arrival >= DaysFromCivil(2014, 7, 1)) {
    const double u = rng.Uniform();
    if (u < 0.04) c.priority = "UC";
    else if (u < 0.07) c.priority = "AWC/ATD";
    else if (u < 0.08 && c.arrival >= DaysFromCivil(2018, 10, 1)) c.priority = "RBC/D";
  }
  c.purge_date = kNoDate;
  c.orphan_children = false;
  if (rng.Chance(0.002)) {
    c.purge_date = c.arrival + static_cast<int32_t>(rng.Between(30, std::max<int64_t>(31, horizon_ - c.arrival)));
    c.orphan_children = rng.Chance(0.05);
  }

  // Case type of the first proceeding; legacy DEP/EXC cases are pre-1997 charging documents reopened later.
  std::string_view case_type = "RMV";
  int32_t osc = c.arrival - Days(rng.LogNormal(20, 1.0));
  if (c.arrival < DaysFromCivil(2004, 10, 1) && rng.Chance(0.25)) {
    case_type = rng.Chance(0.8) ? "DEP" : "EXC";
    osc = DaysFromCivil(static_cast<int>(rng.Between(1988, 1996)), static_cast<int>(rng.Between(1, 12)), 15);
  } else {
    const double u = rng.Uniform();
    if (custody == 'D' && u < 0.03) case_type = "CFR";
    else if (u < 0.032) case_type = "WHO";
    else if (u < 0.034) case_type = "AOC";
    else if (custody == 'D' && u < 0.05) case_type = "RFR";
  }
  c.entry_date = rng.Chance(0.6) ? std::max(DaysFromCivil(1960, 1, 1), osc - Days(rng.LogNormal(200, 1.2))) : kNoDate;

  // Time to a merits decision.
  double median;
  if (custody == 'D') median = 45;
  else if (custody == 'R') median = 320;
  else if (arrival_year <= 2008) median = 420;
  else if (arrival_year <= 2016) median = 700;
  else if (arrival_year <= 2020) median = 900;
  else median = 1250;
  if (case_type == "CFR" || case_type == "RFR") median = 12;
  double remaining = std::max(3.0, rng.LogNormal(median, custody == 'D' ? 0.7 : 0.85));

  int court = PickCourt(roster_, rng, c.arrival);
  int32_t t = c.arrival;
  int hearings_left = kMaxHearings;
  int apps_left = kMaxApplications;
  const bool other_relief = !files_asylum && rng.Chance(0.22);
  const std::string_view other_code = c.lpr ? "42A" : (rng.Chance(0.6) ? "42B" : "245");
  const int32_t asylum_received = c.arrival + Days(rng.LogNormal(custody == 'D' ? 20 : 220, 0.8));

  for (int k = 0; k < kMaxProceedings; ++k) {
    c.proceedings.emplace_back();
    Proceeding& p = c.proceedings.back();
    p.osc_date = osc;
    p.input_date = t;
    p.court = court;
    p.custody = custody;
    p.case_type = case_type;
    p.judge = PickJudge(roster_, rng, court);
    p.location = PickLocation(roster_, rng, court, custody);
    p.crim = rng.Chance(custody == 'D' ? 0.25 : 0.03);
    p.reopened = k > 0 && c.proceedings[static_cast<size_t>(k - 1)].other_comp != 'C' &&
                 c.proceedings[static_cast<size_t>(k - 1)].other_comp != 'T';
    const bool last_slot = k == kMaxProceedings - 1;
    const double u = rng.Uniform();
    enum { kVenue, kAdmin, kMerits } fate = kMerits;
    if (!last_slot && u < 0.17) fate = kVenue;
    else if (!last_slot && u < 0.25 && case_type != "CFR" && case_type != "RFR") fate = kAdmin;
    double seg = remaining;
    if (fate != kMerits) seg = std::max(2.0, remaining * (0.1 + 0.5 * rng.Uniform()));
    p.comp_date = t + Days(seg);
    remaining -= seg;

    // Applications: the I-589 family (ASYL, ASYW, WCAT) or another form of relief.
    if (files_asylum && apps_left >= 3 && case_type != "CFR" && case_type != "RFR") {
      const int32_t recd = std::max(t, std::min(asylum_received, p.comp_date - 1));
      for (std::string_view code : {std::string_view("ASYL"), std::string_view("ASYW"), std::string_view("WCAT")}) {
        if (code == "WCAT" && rng.Chance(0.3)) continue;
        p.apps.push_back(Application{code, recd, 0, 0});
        --apps_left;
      }
    } else if (other_relief && apps_left >= 1 && case_type == "RMV") {
      p.apps.push_back(Application{other_code, t + Days(rng.LogNormal(180, 0.8)), 0, 0});
      --apps_left;
    }
    if (apps_left >= 1 && case_type == "RMV" && rng.Chance(0.06)) {
      p.apps.push_back(Application{"VD", t + Days(rng.LogNormal(150, 0.8)), 0, 0});
      --apps_left;
    }
    for (auto& a : p.apps) {
      a.received = std::min(a.received, p.comp_date);
      a.pending_decision = rng.Chance(0.04) ? 'R' : 0;
    }

    bool continues = false;
    int next_court = court;
    if (fate == kVenue) {
      p.other_comp = rng.Chance(0.69) ? 'C' : 'T';
      p.transfer_status = p.other_comp == 'C' ? 'V' : (rng.Chance(0.95) ? 'T' : 'C');
      for (auto& a : p.apps) a.decision = 'T';
      next_court = PickCourt(roster_, rng, p.comp_date);
      continues = true;
      t = p.comp_date + static_cast<int32_t>(rng.Between(1, 30));
    } else if (fate == kAdmin) {
      p.other_comp = PickChar(rng, "AFYMKPOB", {14, 10, 2.5, 1, 1, 0.5, 0.5, 0.5});
      for (auto& a : p.apps) a.decision = 'S';
      if (rng.Chance(0.35)) {
        continues = true;
        t = p.comp_date + Days(rng.LogNormal(700, 0.6));
        remaining = std::max(3.0, rng.LogNormal(300, 0.8));
      }
    } else {
      // A merits decision.
      const Judge& judge = roster_.judges[static_cast<size_t>(p.judge)];
      double p_absentia = custody == 'D' ? 0.01 : custody == 'R' ? 0.2 : (c.represented ? 0.08 : 0.45);
      if (case_type == "CFR" || case_type == "RFR") p_absentia = 0;
      const bool absentia = rng.Chance(p_absentia);
      p.absentia = absentia ? 'Y' : 'N';
      p.dec_type = PickChar(rng, "OW76", {48, 43, 7, 1.4});
      char asyl = 0;
      bool withholding = false, cat = false;
      if (case_type == "CFR" || case_type == "RFR") {
        p.dec_code = rng.Chance(0.7) ? 'A' : 'V';
      } else if (absentia) {
        asyl = 'A';
        for (auto& a : p.apps) a.decision = 'A';
      } else if (!p.apps.empty() && p.apps[0].code == "ASYL") {
        const double r = rng.Uniform();
        if (r < 0.08) asyl = 'W';
        else if (r < 0.11) asyl = 'M';
        else if (r < 0.125) asyl = 'O';
        else if (r < 0.155) asyl = 'A';
        else {
          const CourtModel& cm = roster_.courts[static_cast<size_t>(court)];
          const double logit = -0.3 + nat.grant_shift + judge.grant_shift + cm.grant_shift +
                               (c.represented ? 0.9 : -1.2) + (custody == 'D' ? -0.9 : 0.0) +
                               (c.asylum_type == 'I' ? 0.3 : 0.0);
          if (rng.Chance(Sigmoid(logit))) {
            asyl = rng.Chance(0.9) ? 'G' : PickChar(rng, "FCIP", {4, 2, 2, 2});
          } else {
            asyl = rng.Chance(0.95) ? 'D' : 'L';
          }
        }
        const bool granted = asyl == 'G' || asyl == 'F' || asyl == 'C' || asyl == 'I' || asyl == 'P';
        for (auto& a : p.apps) {
          if (a.code == "ASYL") a.decision = asyl;
          else if (a.code == "ASYW") {
            if (granted) a.decision = 'M';
            else if (asyl == 'D' || asyl == 'L') a.decision = rng.Chance(0.12) ? 'G' : 'D';
            else a.decision = asyl;
            withholding = a.decision == 'G';
          } else if (a.code == "WCAT") {
            if (granted) a.decision = 'M';
            else if ((asyl == 'D' || asyl == 'L') && !withholding) a.decision = rng.Chance(0.05) ? 'G' : 'D';
            else a.decision = (asyl == 'D' || asyl == 'L') ? 'M' : asyl;
            cat = a.decision == 'G' || asyl == 'L';
          } else {
            a.decision = rng.Chance(0.5) ? 'G' : 'D';
          }
        }
      } else {
        for (auto& a : p.apps) a.decision = rng.Chance(0.35) ? 'G' : 'D';
      }
      if (p.dec_code == 0) {
        const bool any_relief = std::any_of(p.apps.begin(), p.apps.end(), [](const Application& a) {
          return a.code != "VD" && a.code != "ASYW" && a.code != "WCAT" && (a.decision == 'G');
        });
        const bool asyl_granted = asyl == 'G' || asyl == 'F' || asyl == 'C' || asyl == 'I' || asyl == 'P';
        if (case_type == "AOC" || case_type == "WHO") {
          p.dec_code = asyl_granted ? 'G' : asyl == 'A' ? 'A' : asyl == 'W' ? 'W' : withholding ? 'Z' : 'D';
          if (case_type == "WHO" && asyl_granted) p.dec_code = 'G';
        } else {
          const char removal = case_type == "DEP" ? 'D' : case_type == "EXC" ? 'E' : 'X';
          if (absentia || asyl == 'A') p.dec_code = removal;
          else if (asyl_granted || any_relief) p.dec_code = 'R';
          else if (case_type == "RMV" && withholding) p.dec_code = 'E';
          else if (case_type == "RMV" && cat) p.dec_code = rng.Chance(0.5) ? 'Z' : 'H';
          else if (asyl == 'W') p.dec_code = PickChar(rng, "VXT", {60, 30, 10});
          else if (asyl == 'M' || asyl == 'O') p.dec_code = rng.Chance(0.5) ? 'T' : removal;
          else if (asyl == 'D') p.dec_code = rng.Chance(0.8) ? removal : 'V';
          else p.dec_code = PickChar(rng, std::string_view(case_type == "RMV" ? "XVTUO" : "XVTTT").substr(0, 5),
                                     {50, 25, 20, 3, 2});
          if (case_type != "RMV" && p.dec_code == 'X') p.dec_code = removal;
          if (case_type != "RMV" && (p.dec_code == 'U' || p.dec_code == 'O' || p.dec_code == 'E')) {
            p.dec_code = p.dec_code == 'E' && case_type == "EXC" ? 'E' : 'T';
          }
        }
      }
      if (!absentia) p.appeal_reserved = PickChar(rng, "AIB ", {30, 6, 4, 60});
      if (p.appeal_reserved == ' ') p.appeal_reserved = 0;
      if (!last_slot && rng.Chance(0.05)) {  // reopened or remanded later
        continues = true;
        t = p.comp_date + Days(rng.LogNormal(400, 0.6));
        remaining = std::max(3.0, rng.LogNormal(250, 0.8));
      }
    }

    // Hearings: masters from the first notice to the end, an individual hearing for a merits decision.
    const bool detained = custody == 'D';
    int32_t h = p.input_date + Days(rng.LogNormal(detained ? 14 : 110, 0.6));
    const double gap = detained ? 21 : 260;
    const bool has_merits_hearing = fate == kMerits && !p.apps.empty();
    while (hearings_left > 1) {
      const bool final_hearing = h >= p.comp_date - (has_merits_hearing ? 30 : 0);
      Hearing hr;
      hr.date = final_hearing ? p.comp_date : h;
      hr.cal_type = final_hearing && has_merits_hearing ? 'I' : 'M';
      hr.schedule_type = hr.cal_type == 'I' ? (p.apps.empty() || p.apps[0].code != "ASYL" ? "II" : "IA")
                                            : (p.hearings.empty() ? "MM" : detained ? "MD" : "MA");
      hr.input = std::max(p.input_date, hr.date - Days(rng.LogNormal(detained ? 10 : 70, 0.5)));
      hr.start = static_cast<int16_t>(8 * 60 + 15 * rng.Between(0, 32));
      hr.minutes = static_cast<int16_t>(hr.cal_type == 'I' ? rng.Between(60, 240) : rng.Between(15, 90));
      hr.judge = rng.Chance(0.9) ? p.judge : PickJudge(roster_, rng, court);
      hr.location = p.location;
      if (detained) hr.medium = PickChar(rng, "VPT", {60, 35, 5});
      else hr.medium = PickChar(rng, "PVHA", {80, 10, 5, c.arrival > DaysFromCivil(2020, 3, 1) ? 5.0 : 0.0});
      hr.adj_reason = final_hearing && fate == kMerits ? 0 : static_cast<uint8_t>(PickChar(
          rng, "\x01\x02\x03\x04\x05\x06\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", {20, 15, 8, 12, 6, 4, 2, 3, 2, 2, 3, 10, 8, 5}));
      p.hearings.push_back(hr);
      --hearings_left;
      if (final_hearing) break;
      h += Days(rng.LogNormal(gap, 0.5));
    }

    // Counsel: the respondent's attorney and DHS counsel.
    if (c.represented && (k == 0 || rng.Chance(0.4)) && static_cast<int>(c.reps.size()) < kMaxReps) {
      Representation r;
      r.respondent = true;
      r.proceeding = (k == 0 && rng.Chance(0.6)) ? -1 : k;
      r.court = court;
      r.e28 = p.input_date + Days(rng.LogNormal(80, 0.9));
      c.reps.push_back(r);
      if (rng.Chance(0.35) && static_cast<int>(c.reps.size()) < kMaxReps) {
        r.prime = false;
        r.e28 += Days(rng.LogNormal(120, 0.6));
        c.reps.push_back(r);
      }
    }
    if (rng.Chance(0.9) && static_cast<int>(c.reps.size()) < kMaxReps) {
      Representation r;
      r.respondent = false;
      r.proceeding = k;
      r.court = court;
      r.e28 = kNoDate;
      r.e27 = p.input_date + Days(rng.LogNormal(30, 0.8));  // written to INS_TA_DATE_ASSIGNED
      c.reps.push_back(r);
    }
    if (p.appeal_reserved != 0 && c.represented && rng.Chance(0.3) && static_cast<int>(c.reps.size()) < kMaxReps) {
      Representation r;
      r.level = 'B';
      r.respondent = true;
      r.proceeding = k;
      r.court = court;
      r.e27 = p.comp_date + Days(rng.LogNormal(20, 0.5));
      c.reps.push_back(r);
    }

    if (!continues) break;
    court = next_court;
  }

  // Custody history (one spell for detained cases; unreliable rows for some others, as in the real table).
  const int32_t end = c.proceedings.back().comp_date;
  if (custody == 'D') {
    c.custody.push_back({'D', c.arrival - static_cast<int32_t>(rng.Between(1, 10)), end + static_cast<int32_t>(rng.Between(0, 5))});
  } else if (custody == 'R') {
    const int32_t detained = c.arrival - static_cast<int32_t>(rng.Between(1, 10));
    c.custody.push_back({'R', detained, detained + Days(rng.LogNormal(30, 0.8))});
  } else if (rng.Chance(0.75)) {
    c.custody.push_back({'N', kNoDate, kNoDate});
  }
}

}  // namespace immstats::synth
