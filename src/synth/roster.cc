// Builds the roster deterministically from the seed: judge propensities spread like published rates.
#include "synth/roster.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/civil_date.h"
#include "base/rng.h"
#include "eoir/codes.h"

namespace immstats::synth {

namespace {

constexpr const char* kLastNames[] = {
    "Abbott", "Alvarez", "Baker", "Bennett", "Brooks", "Burke", "Castillo", "Chen", "Clark", "Cohen",
    "Collins", "Cruz", "Daniels", "Diaz", "Dunn", "Ellis", "Evans", "Fischer", "Flores", "Foster",
    "Garcia", "Gordon", "Grant", "Gupta", "Hall", "Hayes", "Herrera", "Hughes", "Jensen", "Johnson",
    "Kaplan", "Keller", "Kim", "Larson", "Lee", "Lopez", "Marsh", "Martin", "Mendez", "Meyer",
    "Miller", "Moreno", "Murphy", "Nguyen", "Novak", "Ortiz", "Patel", "Perez", "Quinn", "Ramos",
    "Reed", "Rivera", "Rossi", "Russo", "Santos", "Schultz", "Shah", "Shaw", "Silva", "Sullivan",
    "Tanaka", "Torres", "Turner", "Vargas", "Wagner", "Walsh", "Weiss", "Wright", "Young", "Zimmerman"};
constexpr const char* kFirstNames[] = {
    "Alan", "Ana", "Brian", "Carmen", "Daniel", "Denise", "Edward", "Elena", "Frank", "Grace",
    "Helen", "Irene", "James", "Joan", "Karen", "Laura", "Mark", "Maria", "Nancy", "Oscar",
    "Paul", "Rachel", "Robert", "Sarah", "Thomas", "Victoria", "William", "Yvonne"};

struct NatSeed {
  const char* code;
  double w0, w1, w2;
  double asylum_share;
  double grant_shift;
  const char* language;
};

// Arrival weights per era, asylum filing shares and grant shifts chosen so that nationality rates spread
// roughly as published ones do (a few percent for Mexico, over half for Eritrea or Afghanistan).
constexpr NatSeed kNatSeeds[] = {
    {"MX", 60, 35, 15, 0.15, -2.4, "SP"}, {"GT", 8, 15, 14, 0.55, -1.2, "SP"}, {"HO", 6, 14, 14, 0.55, -1.3, "SP"},
    {"ES", 10, 13, 9, 0.60, -0.9, "SP"},  {"CH", 5, 3, 4, 0.80, 0.9, "MAN"},   {"IN", 1, 3, 4, 0.75, 0.2, "PUN"},
    {"VE", 0.5, 2, 10, 0.75, 0.5, "SP"},  {"CU", 3, 2, 6, 0.50, 0.1, "SP"},    {"HA", 4, 2, 3, 0.50, -0.5, "CRE"},
    {"CO", 2, 1, 5, 0.60, 0.0, "SP"},     {"EC", 2, 2, 6, 0.50, -0.7, "SP"},   {"NU", 1, 1, 5, 0.60, -0.2, "SP"},
    {"BR", 1, 1, 3, 0.30, -0.9, "POR"},   {"DR", 2, 1, 1, 0.20, -1.3, "SP"},   {"PE", 1, 1, 2, 0.40, -0.8, "SP"},
    {"RU", 0.5, 0.5, 2, 0.80, 1.3, "RUS"}, {"UE", 0.3, 0.3, 1, 0.60, 0.8, "UKR"}, {"TU", 0.2, 0.3, 1.5, 0.80, 1.0, "TUR"},
    {"MR", 0.2, 0.3, 1.5, 0.80, 0.4, "ARA"}, {"SG", 0.1, 0.2, 1, 0.80, -0.4, "WOL"}, {"NP", 0.2, 0.5, 0.6, 0.80, 0.4, "NEP"},
    {"AF", 0.1, 0.2, 1, 0.90, 1.6, "PAS"}, {"CM", 0.3, 0.3, 0.6, 0.80, 0.6, "FRE"}, {"ER", 0.1, 0.3, 0.3, 0.90, 1.9, "TIG"},
    {"ET", 0.3, 0.3, 0.3, 0.80, 1.0, "AMH"}, {"BG", 0.2, 0.4, 0.5, 0.80, 0.3, "BEN"}, {"PK", 0.4, 0.3, 0.3, 0.70, 0.2, "URD"},
    {"GO", 0.1, 0.1, 0.6, 0.80, 0.7, "GEO"}, {"UZ", 0.1, 0.1, 0.6, 0.80, 0.5, "UZB"}, {"KG", 0.05, 0.1, 0.4, 0.80, 0.5, "KYR"},
    {"JM", 1, 0.6, 0.3, 0.15, -1.2, "ENG"}, {"RP", 0.8, 0.5, 0.3, 0.20, -0.8, "TAG"}, {"VM", 0.5, 0.3, 0.2, 0.20, -0.6, "VIE"},
    {"AL", 0.6, 0.3, 0.2, 0.80, 0.6, "ALB"}, {"EG", 0.2, 0.3, 0.3, 0.80, 1.0, "ARE"}, {"SO", 0.3, 0.3, 0.2, 0.85, 0.7, "SOM"},
    {"MO", 0.1, 0.1, 0.2, 0.60, -0.2, "ARA"}, {"BL", 0.2, 0.1, 0.2, 0.40, -0.5, "SP"}, {"PM", 0.1, 0.1, 0.1, 0.30, -0.7, "SP"},
    {"NA", 0.02, 0.01, 0.01, 0.20, -0.5, "ENG"}};

double Logit(double p) { return std::log(p / (1 - p)); }

}  // namespace

const std::vector<PseudoJudge>& Roster::PseudoJudges() {
  static const std::vector<PseudoJudge> kList = {{"AAA", "<All Judges>"}, {"MCA", "Master Calendar"},
                                                  {"VID", "Video Judge"}, {"FIJ", "Former IJ"},
                                                  {"CLK", "Clerical"}};
  return kList;
}

const std::vector<std::string_view>& Roster::DefunctNationalities() {
  static const std::vector<std::string_view> kList = {"UR", "YO", "YS", "CZ", "GC", "CB", "CG", "BS", "HL",
                                                       "UV", "DM", "SC", "??", "UN", "NN", "SS", "XX", "IU"};
  return kList;
}

Roster::Roster(uint64_t seed) {
  base::Rng rng(base::StreamSeed(seed, 0x524f53544552ULL));  // "ROSTER"
  std::set<std::string> used_codes;
  for (const auto& pj : PseudoJudges()) used_codes.insert(std::string(pj.code));
  auto fresh_code = [&](char first) {
    for (;;) {
      std::string code;
      code += first;
      code += static_cast<char>('A' + rng.Between(0, 25));
      code += static_cast<char>('A' + rng.Between(0, 25));
      if (used_codes.insert(code).second) return code;
    }
  };

  const auto all_courts = eoir::Courts();
  std::set<std::string> hloc_codes;
  for (const auto& c : all_courts) hloc_codes.insert(std::string(c.code));
  for (size_t ci = 0; ci < all_courts.size(); ++ci) {
    if (all_courts[ci].pseudo) continue;
    CourtModel court;
    court.index = static_cast<int>(ci);
    // A heavy-tailed size: a few courts (NYC, LOS, MIA, HOU...) carry much of the load.
    court.weight = std::exp(1.1 * rng.Normal());
    court.grant_shift = 0.5 * rng.Normal();
    const int year_opened = rng.Chance(0.75) ? 1995 : static_cast<int>(rng.Between(2001, 2023));
    court.opened = base::DaysFromCivil(year_opened, 10, 1);
    const int n_judges = std::max(3, static_cast<int>(court.weight * 9));
    const int court_slot = static_cast<int>(courts.size());
    for (int j = 0; j < n_judges; ++j) {
      Judge judge;
      judge.code = fresh_code(static_cast<char>('A' + rng.Between(0, 25)));
      if (judge.code[0] == 'V') judge.code[0] = 'W';  // V.. is kept for visiting judges
      judge.name = std::string(kLastNames[rng.Between(0, std::size(kLastNames) - 1)]) + ", " +
                   kFirstNames[rng.Between(0, std::size(kFirstNames) - 1)];
      // Judge effect: wide enough that judge grant rates run from under 5% to over 90%.
      judge.grant_shift = 1.5 * rng.Normal();
      judge.court = court_slot;
      if (rng.Chance(0.04)) {  // about 20 judges with a second code at scale 1 (Q20)
        judge.alias_code = fresh_code(judge.code[0]);
        judge.alias_from = base::DaysFromCivil(static_cast<int>(rng.Between(2008, 2022)), 1, 1);
        judge.alias_until = judge.alias_from + static_cast<int32_t>(rng.Between(180, 720));
      }
      court.judges.push_back(static_cast<int>(judges.size()));
      judges.push_back(std::move(judge));
    }
    if (rng.Chance(0.3)) {  // a visiting judge
      Judge v;
      v.code = fresh_code('V');
      v.name = std::string(kLastNames[rng.Between(0, std::size(kLastNames) - 1)]) + ", " +
               kFirstNames[rng.Between(0, std::size(kFirstNames) - 1)] + " (Visiting)";
      v.grant_shift = 1.5 * rng.Normal();
      v.court = court_slot;
      court.judges.push_back(static_cast<int>(judges.size()));
      judges.push_back(std::move(v));
    }
    const std::string_view ccode = all_courts[ci].code;
    const int n_locs = 1 + static_cast<int>(rng.Between(0, 3));
    for (int l = 0; l < n_locs; ++l) {
      HearingLocation loc;
      loc.court = court_slot;
      if (l == 0) {
        loc.code = std::string(ccode);
        loc.name = std::string(all_courts[ci].city) + " IMMIGRATION COURT";
      } else {
        // Two letters of the court and one more character; the space is searched from a random start so
        // that courts sharing a prefix (NYC, NYD, NYV, NYB) can never exhaust it.
        static constexpr std::string_view kThird = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const size_t first = static_cast<size_t>(rng.Between(0, static_cast<int64_t>(kThird.size()) - 1));
        for (size_t k = 0; k < kThird.size(); ++k) {
          loc.code = std::string(ccode.substr(0, 2)) + kThird[(first + k) % kThird.size()];
          if (hloc_codes.insert(loc.code).second) break;
        }
        loc.detention = true;
        loc.name = std::string(all_courts[ci].city) + " DETENTION FACILITY " + std::to_string(l);
      }
      court.locations.push_back(static_cast<int>(locations.size()));
      locations.push_back(std::move(loc));
    }
    courts.push_back(std::move(court));
  }
  double acc = 0;
  for (const auto& c : courts) court_cumulative.push_back(acc += c.weight);

  // Nationalities: the seeded list, then every other code of Appendix A with a small weight.
  std::set<std::string_view> seeded;
  for (const auto& s : kNatSeeds) {
    NationalityModel n;
    n.code = s.code;
    n.weight[0] = s.w0;
    n.weight[1] = s.w1;
    n.weight[2] = s.w2;
    n.asylum_share = s.asylum_share;
    n.grant_shift = s.grant_shift;
    n.language = s.language;
    seeded.insert(n.code);
    nationalities.push_back(n);
  }
  const auto& defunct = DefunctNationalities();
  for (const auto& cn : eoir::Nationalities()) {
    if (seeded.count(cn.code) != 0) continue;
    if (std::find(defunct.begin(), defunct.end(), cn.code) != defunct.end()) continue;
    NationalityModel n;
    n.code = cn.code;
    const double w = 0.05 * std::exp(rng.Normal());
    n.weight[0] = n.weight[1] = n.weight[2] = w;
    n.asylum_share = 0.3 + 0.5 * rng.Uniform();
    n.grant_shift = Logit(0.2 + 0.6 * rng.Uniform()) * 0.8;
    n.language = "ENG";
    nationalities.push_back(n);
  }
  for (int era = 0; era < 3; ++era) {
    double a = 0;
    for (const auto& n : nationalities) nationality_cumulative[era].push_back(a += n.weight[era]);
  }
}

}  // namespace immstats::synth
