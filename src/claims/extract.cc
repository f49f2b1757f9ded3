// The rule-based claim extractor: figures, measure, subject, place, period, comparison, attribution.
#include "claims/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "geo/countries.h"

namespace immstats::claims {
namespace {

using base::AsciiLower;

bool Has(const std::string& lower, std::string_view word) { return lower.find(word) != std::string::npos; }

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The words before position `at` (lower case), up to `n` characters.
std::string Before(const std::string& lower, size_t at, size_t n) {
  const size_t b = at > n ? at - n : 0;
  return lower.substr(b, at - b);
}

const std::array<const char*, 12> kMonthNames = {"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};

// "march" -> 3 at the start of `s` (full names and three-letter forms); 0 if none. `len` gets the length.
int MonthAt(std::string_view s, size_t* len) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonthNames[m];
    if (s.substr(0, full.size()) == full && (s.size() == full.size() || !IsWordChar(s[full.size()]))) {
      *len = full.size();
      return m + 1;
    }
  }
  for (int m = 0; m < 12; ++m) {
    const std::string_view abbr = std::string_view(kMonthNames[m]).substr(0, 3);
    if (s.substr(0, 3) == abbr && (s.size() == 3 || s[3] == '.' || !IsWordChar(s[3]))) {
      *len = (s.size() > 3 && s[3] == '.') ? 4 : 3;
      return m + 1;
    }
  }
  return 0;
}

int32_t MonthEnd(int y, int m) {
  return m == 12 ? base::DaysFromCivil(y + 1, 1, 1) - 1 : base::DaysFromCivil(y, m + 1, 1) - 1;
}

// A 4-digit year at `s`, 0 if none.
int YearAt(std::string_view s) {
  if (s.size() < 4) return 0;
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return 0;
  }
  if (s.size() > 4 && std::isdigit(static_cast<unsigned char>(s[4]))) return 0;
  if (s.size() > 7 && s[4] == ',' && std::isdigit(static_cast<unsigned char>(s[5])) &&
      std::isdigit(static_cast<unsigned char>(s[6])) && std::isdigit(static_cast<unsigned char>(s[7]))) {
    return 0;  // "2023,669": a number with separators, not a year
  }
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  return (y >= 1990 && y <= 2100) ? y : 0;
}

struct Span {
  size_t begin = 0, end = 0;
};

// Fiscal years, month ranges, single months, calendar years and relative periods.
Period FindPeriod(const std::string& s, const std::string& lower, std::optional<int32_t> date, std::vector<Span>* used) {
  Period p;
  auto fiscal = [&](int fy, size_t b, size_t e) {
    p.fiscal_year = fy;
    p.from = base::DaysFromCivil(fy - 1, 10, 1);
    p.to = base::DaysFromCivil(fy, 9, 30);
    p.text = s.substr(b, e - b);
    used->push_back({b, e});
  };
  // FY2023, FY 2023, fiscal 2023, fiscal year 2023, the 2023 fiscal year
  for (const char* key : {"fiscal year ", "fiscal ", "fy ", "fy"}) {
    for (size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
      if (at > 0 && IsWordChar(lower[at - 1])) continue;
      const int y = YearAt(std::string_view(lower).substr(at + std::string_view(key).size()));
      if (y != 0) {
        fiscal(y, at, at + std::string_view(key).size() + 4);
        return p;
      }
    }
  }
  for (size_t at = lower.find(" fiscal year"); at != std::string::npos; at = lower.find(" fiscal year", at + 1)) {
    if (at >= 4) {
      const int y = YearAt(std::string_view(lower).substr(at - 4));
      if (y != 0) {
        const size_t b = (at >= 8 && lower.compare(at - 8, 4, "the ") == 0) ? at - 8 : at - 4;
        fiscal(y, b, at + 12);
        return p;
      }
    }
  }
  const std::optional<int32_t> today = date;
  const auto now = today ? base::CivilFromDays(*today) : base::CivilDate{0, 0, 0};
  // so far this fiscal year / last fiscal year / this fiscal year
  std::string_view phrase;
  for (std::string_view ph : {"last fiscal year", "this fiscal year", "the current fiscal year"}) {
    if (phrase.empty() && Has(lower, ph)) phrase = ph;
  }
  if (!phrase.empty()) {
    const bool last = phrase == "last fiscal year";
    const size_t b = lower.find(phrase);
    const size_t e = b + phrase.size();
    p.text = s.substr(b, e - b);
    used->push_back({b, e});
    if (!today) {
      p.assumption = "relative period and no article date: give --date";
      return p;
    }
    const int fy = now.month >= 10 ? now.year + 1 : now.year;
    if (last) {
      p.fiscal_year = fy - 1;
      p.from = base::DaysFromCivil(fy - 2, 10, 1);
      p.to = base::DaysFromCivil(fy - 1, 9, 30);
      p.assumption = "last fiscal year before the article's date: FY" + std::to_string(fy - 1);
    } else {
      p.from = base::DaysFromCivil(fy - 1, 10, 1);
      p.to = *today;
      p.assumption = "FY" + std::to_string(fy) + " from 1 October to the article's date";
    }
    return p;
  }
  // between|from MONTH [YEAR] and|to|through MONTH YEAR
  for (size_t i = 0; i < lower.size(); ++i) {
    if (i > 0 && IsWordChar(lower[i - 1])) continue;
    size_t l1 = 0;
    const int m1 = MonthAt(std::string_view(lower).substr(i), &l1);
    if (m1 == 0) continue;
    size_t j = i + l1;
    int y1 = 0;
    if (j + 5 <= lower.size() && lower[j] == ' ' && (y1 = YearAt(std::string_view(lower).substr(j + 1))) != 0) j += 5;
    if (lower.compare(j, 1, ",") == 0) ++j;
    size_t conj = 0;
    for (const char* c : {" and ", " to ", " through ", " until ", "-", " - ", "–"}) {
      if (lower.compare(j, std::strlen(c), c) == 0) conj = std::strlen(c);
    }
    if (conj > 0) {
      size_t l2 = 0;
      const int m2 = MonthAt(std::string_view(lower).substr(j + conj), &l2);
      if (m2 != 0) {
        size_t k = j + conj + l2;
        int y2 = 0;
        if (k + 5 <= lower.size() && lower[k] == ' ' && (y2 = YearAt(std::string_view(lower).substr(k + 1))) != 0) k += 5;
        const size_t b = (i >= 8 && lower.compare(i - 8, 8, "between ") == 0) ? i - 8 : (i >= 5 && lower.compare(i - 5, 5, "from ") == 0) ? i - 5 : i;
        p.text = s.substr(b, k - b);
        used->push_back({b, k});
        if (y2 == 0) {
          if (!today) {
            p.assumption = "months without a year and no article date: give --date";
            return p;
          }
          // The latest such range that ends before the article's date.
          y2 = now.year;
          if (m2 > now.month || (m2 == now.month)) --y2;
          p.assumption = "the months before the article's date";
        }
        if (y1 == 0) y1 = m1 <= m2 ? y2 : y2 - 1;
        p.from = base::DaysFromCivil(y1, m1, 1);
        p.to = MonthEnd(y2, m2);
        if (m1 == 10 && m2 == 9 && y2 == y1 + 1) p.fiscal_year = y2;
        return p;
      }
    }
    // A single month: "in March 2023", "last March"
    if (y1 != 0) {
      p.text = s.substr(i, j - i);
      used->push_back({i, j});
      p.from = base::DaysFromCivil(y1, m1, 1);
      p.to = MonthEnd(y1, m1);
      return p;
    }
    if (i >= 5 && lower.compare(i - 5, 5, "last ") == 0) {
      p.text = s.substr(i - 5, j - i + 5);
      used->push_back({i - 5, j});
      if (!today) {
        p.assumption = "relative month and no article date: give --date";
        return p;
      }
      const int y = m1 < now.month ? now.year : now.year - 1;
      p.from = base::DaysFromCivil(y, m1, 1);
      p.to = MonthEnd(y, m1);
      p.assumption = "the last " + std::string(kMonthNames[m1 - 1]) + " before the article's date: " + std::to_string(y);
      return p;
    }
  }
  if (const size_t at = lower.find("last month"); at != std::string::npos) {
    p.text = s.substr(at, 10);
    used->push_back({at, at + 10});
    if (!today) {
      p.assumption = "relative month and no article date: give --date";
      return p;
    }
    const int y = now.month == 1 ? now.year - 1 : now.year;
    const int m = now.month == 1 ? 12 : now.month - 1;
    p.from = base::DaysFromCivil(y, m, 1);
    p.to = MonthEnd(y, m);
    p.assumption = "the calendar month before the article's date";
    return p;
  }
  // this year / last year / in 2023
  for (const char* rel : {"so far this year", "this year", "last year"}) {
    const size_t at = lower.find(rel);
    if (at == std::string::npos) continue;
    p.text = s.substr(at, std::strlen(rel));
    used->push_back({at, at + std::strlen(rel)});
    if (!today) {
      p.assumption = "relative year and no article date: give --date";
      return p;
    }
    const bool last = std::string_view(rel) == "last year";
    const int y = last ? now.year - 1 : now.year;
    p.from = base::DaysFromCivil(y, 1, 1);
    p.to = last ? base::DaysFromCivil(y, 12, 31) : *today;
    p.assumption = last ? "calendar year " + std::to_string(y) : "calendar " + std::to_string(y) + " to the article's date";
    return p;
  }
  for (const char* key : {"in ", "during ", "since "}) {
    for (size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
      if (at > 0 && IsWordChar(lower[at - 1])) continue;
      const int y = YearAt(std::string_view(lower).substr(at + std::strlen(key)));
      if (y == 0) continue;
      p.text = s.substr(at, std::strlen(key) + 4);
      used->push_back({at, at + std::strlen(key) + 4});
      p.from = base::DaysFromCivil(y, 1, 1);
      if (std::string_view(key) == "since ") {
        p.to = today;
        p.assumption = today ? "from 1 January " + std::to_string(y) + " to the article's date"
                             : "open-ended period and no article date: give --date";
      } else {
        p.to = base::DaysFromCivil(y, 12, 31);
        p.assumption = "calendar year " + std::to_string(y);
      }
      return p;
    }
  }
  return p;
}

bool Overlaps(const std::vector<Span>& used, size_t b, size_t e) {
  return std::any_of(used.begin(), used.end(), [&](const Span& u) { return b < u.end && e > u.begin; });
}

struct FoundFigure {
  Figure f;
  size_t begin = 0, end = 0;
};

std::vector<FoundFigure> FindFigures(const std::string& s, const std::string& lower, const std::vector<Span>& used) {
  std::vector<FoundFigure> out;
  static const std::array<const char*, 6> kVague = {"hundreds", "thousands", "tens of thousands", "dozens", "millions",
                                                    "scores"};
  for (const char* v : kVague) {
    for (size_t at = lower.find(v); at != std::string::npos; at = lower.find(v, at + 1)) {
      if ((at > 0 && IsWordChar(lower[at - 1])) ||
          (std::string_view(v) == "thousands" && at >= 8 && lower.compare(at - 8, 8, "tens of ") == 0)) {
        continue;
      }
      FoundFigure ff;
      ff.f.kind = Figure::Kind::kCount;
      ff.f.vague = true;
      ff.f.exact = false;
      ff.f.qualifier = v;
      ff.f.text = s.substr(at, std::strlen(v));
      ff.begin = ff.f.begin = at;
      ff.end = ff.f.end = at + std::strlen(v);
      out.push_back(ff);
    }
  }
  size_t i = 0;
  while (i < s.size()) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && (IsWordChar(s[i - 1]) || s[i - 1] == '$'))) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string digits;
    bool decimal = false;
    while (j < s.size()) {
      const char c = s[j];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits.push_back(c);
      } else if (c == ',' && j + 3 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])) &&
                 std::isdigit(static_cast<unsigned char>(s[j + 2])) && std::isdigit(static_cast<unsigned char>(s[j + 3])) &&
                 (j + 4 >= s.size() || !std::isdigit(static_cast<unsigned char>(s[j + 4])))) {
        // a thousands separator
      } else if (c == '.' && !decimal && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        decimal = true;
        digits.push_back('.');
      } else {
        break;
      }
      ++j;
    }
    const size_t begin = i;
    i = j;
    if (Overlaps(used, begin, j)) continue;  // part of a period
    const std::string raw = s.substr(begin, j - begin);
    const std::string label = Before(lower, begin, 8);
    auto ends_with = [&label](std::string_view w) {
      return label.size() >= w.size() && label.compare(label.size() - w.size(), w.size(), w) == 0;
    };
    if (ends_with("title ") || ends_with("no. ") || ends_with("section ")) {
      continue;  // "Title 42", "No. 5", "Section 212": names, not figures
    }
    if (raw.find(',') == std::string::npos && !decimal && raw.size() == 4 && YearAt(raw) != 0) continue;  // a year
    // A day after a month name ("March 5") is no figure.
    {
      size_t w = begin;
      while (w > 0 && s[w - 1] == ' ') --w;
      size_t ws = w;
      while (ws > 0 && std::isalpha(static_cast<unsigned char>(s[ws - 1]))) --ws;
      size_t len = 0;
      if (ws < w && MonthAt(std::string_view(lower).substr(ws, w - ws), &len) != 0 && len == w - ws) continue;
    }
    double value = std::strtod(digits.c_str(), nullptr);
    size_t end = j;
    std::string rest = lower.substr(j, 16);
    for (const auto& [word, mult] : {std::pair<const char*, double>{" million", 1e6}, {" billion", 1e9}, {" thousand", 1e3}}) {
      if (rest.rfind(word, 0) == 0) {
        value *= mult;
        end += std::strlen(word);
        rest = lower.substr(end, 16);
      }
    }
    FoundFigure ff;
    ff.begin = begin;
    ff.f.value = value;
    if (rest.rfind("%", 0) == 0 || rest.rfind(" percent", 0) == 0 || rest.rfind(" per cent", 0) == 0) {
      ff.f.kind = Figure::Kind::kPercent;
      end += rest[0] == '%' ? 1 : (rest.rfind(" percent", 0) == 0 ? 8 : 9);
    } else {
      // "1,234 of 5,000", "12 out of 40"
      for (const char* of : {" of ", " out of "}) {
        if (rest.rfind(of, 0) != 0) continue;
        size_t k = end + std::strlen(of);
        std::string d2;
        while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || (s[k] == ',' && k + 1 < s.size() &&
                                                                                    std::isdigit(static_cast<unsigned char>(s[k + 1]))))) {
          if (s[k] != ',') d2.push_back(s[k]);
          ++k;
        }
        if (!d2.empty() && !Overlaps(used, end, k) && !(d2.size() == 4 && YearAt(d2) != 0 && s.substr(end + std::strlen(of), k - end - std::strlen(of)).find(',') == std::string::npos)) {
          ff.f.kind = Figure::Kind::kRatio;
          ff.f.numerator = static_cast<int64_t>(value);
          ff.f.denominator = std::stoll(d2);
          end = k;
        }
        break;
      }
    }
    ff.end = end;
    ff.f.begin = begin;
    ff.f.end = end;
    ff.f.text = s.substr(begin, end - begin);
    // Qualifiers just before the number.
    const std::string before = Before(lower, begin, 24);
    for (const auto& [q, exact] : {std::pair<const char*, bool>{"as many as ", false}, {"more than ", false},
                                   {"fewer than ", false}, {"less than ", false}, {"at least ", false}, {"over ", false},
                                   {"nearly ", false}, {"almost ", false}, {"about ", false}, {"roughly ", false},
                                   {"approximately ", false}, {"around ", false}, {"some ", false}, {"up to ", false}}) {
      const std::string_view qv = q;
      if (before.size() >= qv.size() && before.compare(before.size() - qv.size(), qv.size(), qv) == 0) {
        ff.f.qualifier = std::string(qv.substr(0, qv.size() - 1));
        ff.f.exact = exact;
        // Bounds are checked as bounds ("more than 2 million" holds or not); approximations within a tolerance.
        if (ff.f.qualifier == "more than" || ff.f.qualifier == "at least" || ff.f.qualifier == "over") {
          ff.f.bound = "lower";
        } else if (ff.f.qualifier == "as many as" || ff.f.qualifier == "fewer than" || ff.f.qualifier == "less than" ||
                   ff.f.qualifier == "up to") {
          ff.f.bound = "upper";
        }
      }
    }
    i = end;
    out.push_back(ff);
  }
  std::sort(out.begin(), out.end(), [](const FoundFigure& a, const FoundFigure& b) { return a.begin < b.begin; });
  return out;
}

std::string FindMeasure(const std::string& lower, bool has_percent) {
  const bool asylum = Has(lower, "asylum");
  if (asylum || Has(lower, "immigration judge") || Has(lower, "immigration court")) {
    if (Has(lower, "denial rate") || (Has(lower, "denied") && has_percent)) return "denial_rate";
    if (Has(lower, "grant rate") || Has(lower, "success rate") || Has(lower, "approval rate") || has_percent ||
        (Has(lower, " of ") && (Has(lower, "won") || Has(lower, "granted")))) {
      return "grant_rate";
    }
    if (Has(lower, "backlog") || Has(lower, "pending")) return "backlog";
    if (Has(lower, "granted") || Has(lower, "won asylum") || Has(lower, "grants") || Has(lower, "approved")) return "asylum_grants";
    if ((Has(lower, "wait") || Has(lower, "median")) && Has(lower, "days")) return "wait_times";
    if (Has(lower, "denied") || Has(lower, "denials") || Has(lower, "rejected")) return "asylum_denials";
    if (Has(lower, "decision") || Has(lower, "decided") || Has(lower, "ruled on")) return "asylum_decisions";
    if (Has(lower, "wait") || Has(lower, "days")) return "wait_times";
  }
  if (Has(lower, "backlog") || Has(lower, "pending cases")) return "backlog";
  if (Has(lower, "wait") && Has(lower, "days")) return "wait_times";
  const bool flight = Has(lower, "flight") || Has(lower, "flew") || Has(lower, "ice air");
  if (flight && (Has(lower, "passenger") || Has(lower, "carried") || Has(lower, "people") || Has(lower, "deportees"))) {
    return "passengers";
  }
  if (Has(lower, "flight") || Has(lower, "ice air")) return "flights";
  for (const char* w : {"encounter", "apprehen", "crossing", "crossed the border", "caught", "arrests at the border",
                        "stopped at the border", "border arrests", "expulsions", "expelled"}) {
    if (Has(lower, w)) return "encounters";
  }
  if (Has(lower, "border patrol") && (Has(lower, "arrest") || Has(lower, "detained"))) return "encounters";
  for (const char* w : {"deport", "removal", "removed", "returned to", "repatriat"}) {
    if (Has(lower, w)) return "removals";
  }
  return {};
}

std::string FindAttribution(const std::string& s) {
  static const std::array<std::pair<const char*, const char*>, 14> kWho = {{
      {"Transactional Records Access Clearinghouse", "TRAC"}, {"TRAC", "TRAC"},
      {"Executive Office for Immigration Review", "EOIR"}, {"EOIR", "EOIR"},
      {"Office of Homeland Security Statistics", "OHSS"}, {"OHSS", "OHSS"},
      {"Immigration and Customs Enforcement", "ICE"}, {"ICE", "ICE"},
      {"Customs and Border Protection", "CBP"}, {"CBP", "CBP"}, {"Border Patrol", "CBP"},
      {"Department of Homeland Security", "DHS"}, {"Homeland Security", "DHS"}, {"DHS", "DHS"},
  }};
  size_t best = std::string::npos;
  std::string who;
  for (const auto& [name, code] : kWho) {
    for (size_t at = s.find(name); at != std::string::npos; at = s.find(name, at + 1)) {
      const size_t e = at + std::strlen(name);
      if ((at > 0 && IsWordChar(s[at - 1])) || (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e])) && s[e] != 's')) continue;
      if (at < best) {
        best = at;
        who = code;
      }
      break;
    }
  }
  return who;
}

// The subject: "all nationalities"/"overall" = ALL, else a demonym or a country name (the first in the sentence,
// outside the comparison clause).
void FindSubject(const std::string& s, size_t limit, Claim* c) {
  const geo::Countries& countries = geo::Countries::Get();
  size_t i = 0;
  while (i < limit) {
    if (!std::isupper(static_cast<unsigned char>(s[i])) || (i > 0 && IsWordChar(s[i - 1]))) {
      ++i;
      continue;
    }
    // The longest run of up to four capitalised words (and "of", "and", "the") that names a country.
    std::vector<size_t> ends;
    size_t j = i;
    for (int w = 0; w < 5 && j < s.size(); ++w) {
      size_t k = j;
      while (k < s.size() && (IsWordChar(s[k]) || s[k] == '\'' || s[k] == '-' || s[k] == '.')) ++k;
      if (k == j) break;
      ends.push_back(k);
      if (k >= s.size() || s[k] != ' ') break;
      j = k + 1;
      if (j < s.size() && !std::isupper(static_cast<unsigned char>(s[j])) && s.compare(j, 3, "of ") != 0 &&
          s.compare(j, 4, "and ") != 0) {
        break;
      }
    }
    for (auto e = ends.rbegin(); e != ends.rend(); ++e) {
      std::string words = s.substr(i, *e - i);
      while (!words.empty() && (words.back() == '.' || words.back() == '\'')) words.pop_back();
      if (words.size() > 2 && words.compare(words.size() - 2, 2, "'s") == 0) words.resize(words.size() - 2);
      const geo::Country* country = countries.ByDemonym(words);
      if (country == nullptr && words != "US" && words != "U.S" && words != "America" && words != "American") {
        country = countries.ByName(words);
      }
      if (country != nullptr && country->code != "US") {
        c->subject = country->code;
        c->subject_text = words;
        return;
      }
    }
    i = ends.empty() ? i + 1 : ends.front();
  }
}

// A court named as a place: "the New York immigration court", "Houston's immigration court", "the immigration
// court in San Francisco". The city as written, or empty.
std::string FindCourt(const std::string& s, const std::string& lower) {
  auto capitalized = [&](size_t b, size_t e) {
    if (b >= e || !std::isupper(static_cast<unsigned char>(s[b]))) return false;
    const std::string w = s.substr(b, e - b);
    size_t len = 0;
    for (const char* stop : {"The", "A", "An", "In", "At", "Each", "Every", "U.S.", "US", "Federal", "Fiscal", "Judges",
                             "Immigration", "Asylum"}) {
      if (w == stop) return false;
    }
    return !(MonthAt(AsciiLower(w), &len) != 0 && len == w.size());
  };
  for (size_t at = lower.find("immigration court"); at != std::string::npos; at = lower.find("immigration court", at + 1)) {
    size_t e = at + 17;
    if (e < s.size() && s[e] == 's') ++e;
    if (s.compare(e, 4, " in ") == 0) {  // after: "immigration court in San Francisco"
      size_t b = e + 4, end = b;
      for (int w = 0; w < 3; ++w) {
        size_t k = end;
        while (k < s.size() && (IsWordChar(s[k]) || s[k] == '.' || s[k] == '-')) ++k;
        if (!capitalized(end, k)) break;
        end = k;
        if (end >= s.size() || s[end] != ' ') break;
        if (end + 1 < s.size() && !std::isupper(static_cast<unsigned char>(s[end + 1]))) break;
        ++end;
      }
      while (end > b && (s[end - 1] == ' ' || s[end - 1] == '.')) --end;
      if (end > b) return s.substr(b, end - b);
    }
    // before: "the New York immigration court", "Houston's immigration court"
    size_t end = at;
    while (end > 0 && s[end - 1] == ' ') --end;
    size_t b = end;
    for (int w = 0; w < 3 && b > 0; ++w) {
      size_t k = b;
      while (k > 0 && (IsWordChar(s[k - 1]) || s[k - 1] == '\'' || s[k - 1] == '.' || s[k - 1] == '-')) --k;
      if (!capitalized(k, b)) break;
      b = k;
      if (b == 0 || s[b - 1] != ' ') break;
      --b;
    }
    while (b < end && s[b] == ' ') ++b;
    std::string city = s.substr(b, end - b);
    if (city.size() > 2 && city.compare(city.size() - 2, 2, "'s") == 0) city.resize(city.size() - 2);
    if (!city.empty()) return city;
  }
  return {};
}

}  // namespace

std::optional<Claim> ExtractClaim(const std::string& sentence, std::optional<int32_t> date) {
  const std::string lower = AsciiLower(sentence);
  Claim c;
  c.sentence = sentence;
  std::vector<Span> used;
  c.period = FindPeriod(sentence, lower, date, &used);
  auto figures = FindFigures(sentence, lower, used);
  if (figures.empty()) return std::nullopt;
  const bool has_percent = std::any_of(figures.begin(), figures.end(), [](const FoundFigure& f) {
    return f.f.kind == Figure::Kind::kPercent || f.f.kind == Figure::Kind::kRatio;
  });
  c.measure = FindMeasure(lower, has_percent);
  if (c.measure.empty()) return std::nullopt;
  // The comparison clause: "compared with 18% across all nationalities", "against 30% overall".
  size_t comparison_at = std::string::npos;
  for (const char* k : {"compared with", "compared to", "against", "versus", "than the", "while the national", "nationwide average"}) {
    const size_t at = lower.find(k);
    if (at != std::string::npos && at < comparison_at) comparison_at = at;
  }
  const bool all_subject = Has(lower, "all nationalities") || Has(lower, "all asylum seekers") || Has(lower, "overall") ||
                           Has(lower, "all applicants") || Has(lower, "nationwide average") || Has(lower, "national average");
  for (const auto& ff : figures) {
    if (comparison_at != std::string::npos && ff.begin > comparison_at && all_subject && !c.comparison) {
      c.comparison = ff.f;
    } else {
      c.figures.push_back(ff.f);
    }
  }
  FindSubject(sentence, comparison_at == std::string::npos ? sentence.size() : comparison_at, &c);
  if (c.subject.empty() && all_subject) {
    c.subject = "ALL";
    c.subject_text = Has(lower, "all nationalities") ? "all nationalities" : "overall";
  }
  if (c.figures.empty() && c.comparison) {
    c.figures.push_back(*c.comparison);
    c.comparison.reset();
  }
  if (Has(lower, "southern border") || Has(lower, "southwest border") || Has(lower, "southwestern border") ||
      Has(lower, "u.s.-mexico border") || Has(lower, "mexican border")) {
    c.place = "southwest_border";
  } else if (Has(lower, "northern border") || Has(lower, "canadian border")) {
    c.place = "northern_border";
  } else {
    c.place = FindCourt(sentence, lower);
  }
  c.attribution = FindAttribution(sentence);
  c.checkable = std::any_of(c.figures.begin(), c.figures.end(), [](const Figure& f) { return !f.vague; });
  // The article's own arithmetic: a rate stated beside its numerator and denominator.
  const Figure* ratio = nullptr;
  const Figure* pct = nullptr;
  for (const auto& f : c.figures) {
    if (f.kind == Figure::Kind::kRatio && ratio == nullptr) ratio = &f;
    if (f.kind == Figure::Kind::kPercent && pct == nullptr) pct = &f;
  }
  if (ratio != nullptr && pct != nullptr && ratio->denominator > 0) {
    const double computed = 100.0 * static_cast<double>(ratio->numerator) / static_cast<double>(ratio->denominator);
    char buf[160];
    const bool ok = std::fabs(computed - pct->value) <= 0.5 + 1e-9;
    std::snprintf(buf, sizeof buf, "article arithmetic: %s is %.1f%%, the article says %s: %s", ratio->text.c_str(),
                  computed, pct->text.c_str(), ok ? "consistent" : "inconsistent");
    c.notes.emplace_back(buf);
  }
  return c;
}

std::vector<Claim> ExtractSentenceClaims(const std::string& sentence, std::optional<int32_t> date) {
  auto whole = ExtractClaim(sentence, date);
  if (!whole) return {};
  std::vector<Span> clauses;  // the statements joined in the sentence
  size_t start = 0;
  for (size_t i = 0; i < sentence.size(); ++i) {
    for (const char* join : {", and ", "; ", ", while ", ", whereas ", ", but "}) {
      const size_t n = std::strlen(join);
      if (sentence.compare(i, n, join) != 0) continue;
      clauses.push_back({start, i});
      start = i + n;
      i = start - 1;
      break;
    }
  }
  if (clauses.empty()) return {std::move(*whole)};
  clauses.push_back({start, sentence.size()});
  std::vector<Claim> parts;
  for (const Span& span : clauses) {
    const std::string text = sentence.substr(span.begin, span.end - span.begin);
    auto part = ExtractClaim(text, date);
    if (!part) {
      if (!FindFigures(text, AsciiLower(text), {}).empty()) return {std::move(*whole)};  // a figure without a measure
      continue;
    }
    part->sentence = sentence;
    for (Figure& f : part->figures) {
      f.begin += span.begin;
      f.end += span.begin;
    }
    if (part->comparison) {
      part->comparison->begin += span.begin;
      part->comparison->end += span.begin;
    }
    if (!part->period.from && part->period.assumption.empty()) part->period = whole->period;
    if (part->subject.empty()) {
      part->subject = whole->subject;
      part->subject_text = whole->subject_text;
    }
    if (part->attribution.empty()) part->attribution = whole->attribution;
    if (part->place.empty()) part->place = whole->place;
    parts.push_back(std::move(*part));
  }
  if (parts.size() < 2) return {std::move(*whole)};
  return parts;
}

std::vector<Claim> ExtractClaims(const Article& article, std::optional<int32_t> date) {
  std::vector<Claim> out;
  for (const Sentence& s : article.sentences) {
    for (Claim& c : ExtractSentenceClaims(s.text, date ? date : article.date)) {
      c.offset = s.offset;
      out.push_back(std::move(c));
    }
  }
  return out;
}

nlohmann::ordered_json ClaimJson(const Claim& c) {
  nlohmann::ordered_json j;
  j["sentence"] = c.sentence;
  j["measure"] = c.measure;
  j["subject"] = c.subject.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.subject);
  j["subject_text"] = c.subject_text;
  j["place"] = c.place.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.place);
  nlohmann::ordered_json p;
  p["text"] = c.period.text;
  p["from"] = c.period.from ? nlohmann::ordered_json(base::FormatIsoDate(*c.period.from)) : nlohmann::ordered_json();
  p["to"] = c.period.to ? nlohmann::ordered_json(base::FormatIsoDate(*c.period.to)) : nlohmann::ordered_json();
  p["fiscal_year"] = c.period.fiscal_year ? nlohmann::ordered_json(c.period.fiscal_year) : nlohmann::ordered_json();
  p["assumption"] = c.period.assumption;
  j["period"] = p;
  auto fig = [](const Figure& f) {
    nlohmann::ordered_json o;
    o["text"] = f.text;
    o["kind"] = f.kind == Figure::Kind::kPercent ? "percent" : f.kind == Figure::Kind::kRatio ? "ratio" : "count";
    if (f.kind == Figure::Kind::kRatio) {
      o["numerator"] = f.numerator;
      o["denominator"] = f.denominator;
    } else {
      o["value"] = f.value;
    }
    o["qualifier"] = f.qualifier;
    if (!f.bound.empty()) o["bound"] = f.bound;
    o["checkable"] = !f.vague;
    return o;
  };
  j["figures"] = nlohmann::ordered_json::array();
  for (const auto& f : c.figures) j["figures"].push_back(fig(f));
  j["comparison"] = c.comparison ? fig(*c.comparison) : nlohmann::ordered_json();
  j["attribution"] = c.attribution.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.attribution);
  j["checkable"] = c.checkable;
  j["notes"] = c.notes;
  return j;
}

}  // namespace immstats::claims
