// Row formatting for the core tables and the quirk injection that goes with each column.
#include "synth/chunk_formatter.h"

#include <algorithm>
#include <string>

#include "base/civil_date.h"
#include "base/rng.h"
#include "eoir/codes.h"

namespace immstats::synth {

namespace {

using base::TextBuffer;

constexpr uint64_t kQuirkStream = 0x5155524bULL;  // "QURK"

// Realistic per-row rates (domain spec §5 figures where it gives them, else judgement); see docs/synth.md.
constexpr double kRateEmbeddedTab = 8e-6;
constexpr double kRateExtraEmpty = 3e-6;
constexpr double kRateHiddenShift = 2e-6;
constexpr double kRateShortRow = 3e-6;
constexpr double kRateSplitLine = 2e-6;
constexpr double kRateCp1252 = 1e-4;
constexpr double kRateNul = 2e-5;
constexpr double kRateNullToken = 5e-4;
constexpr double kRateBadDate = 3e-4;
constexpr double kRateDuplicate = 1e-5;
constexpr double kRateOrphanCase = 2e-5;
constexpr double kRateNaCode = 1e-4;
constexpr double kRateUnknownCode = 2e-4;
constexpr double kRateUnknownAppl = 4.5e-3;
constexpr double kRateUnknownApplDec = 1e-3;
constexpr double kRateCaseVariant = 1e-3;
constexpr double kRateParentCase = 0.01;
constexpr double kRateMixedCaseType = 2.5e-5;
constexpr double kRatePseudoJudge = 1e-4;
constexpr double kRatePseudoCourt = 5e-5;
constexpr double kRateDefunctNat = 2e-4;
constexpr double kRateZip = 0.02;
constexpr double kRateHhmm12 = 0.02;
constexpr double kRateHhmmZero = 0.003;

// Cities whose names carry a Windows-1252 letter (Ñ = 0xD1, É = 0xC9).
struct Cp1252City {
  const char* city;
  const char* state;
};
constexpr Cp1252City kCp1252Cities[] = {
    {"CATA\xD1O", "PR"}, {"PE\xD1UELAS", "PR"}, {"ESPA\xD1OLA", "NM"}, {"SAN JOS\xC9", "CA"}, {"CA\xD1ON CITY", "CO"}};

// One physical row under construction in a table buffer.
class RowBuilder {
 public:
  explicit RowBuilder(TextBuffer& buf) : buf_(buf), start_(buf.size()) {}
  TextBuffer& buf() { return buf_; }
  size_t start() const { return start_; }
  void Sep() {
    if (fields_++ > 0) buf_.Append('\t');
  }
  void Str(std::string_view s) { Sep(); buf_.Append(s); }
  void Padded(std::string_view s, size_t width) { Sep(); buf_.AppendPaddedCode(s, width); }
  void Char(char c) {
    Sep();
    if (c != 0) buf_.Append(c);
  }
  void Int(int64_t v) { Sep(); buf_.AppendInt(v); }
  void Date(int32_t d) {
    Sep();
    if (d != kNoDate) buf_.AppendEoirDateTime(d);
  }
  void Empty() { Sep(); }
  void Hhmm(int minutes) {
    Sep();
    buf_.AppendPadded(minutes / 60, 2);
    buf_.AppendPadded(minutes % 60, 2);
  }
  int fields() const { return fields_; }

 private:
  TextBuffer& buf_;
  size_t start_;
  int fields_ = 0;
};

// Byte offsets of field `k` (0-based) of the row text starting at `row_start`.
std::pair<size_t, size_t> FieldSpan(const std::string& s, size_t row_start, int k) {
  size_t b = row_start;
  for (int i = 0; i < k; ++i) b = s.find('\t', b) + 1;
  size_t e = s.find('\t', b);
  if (e == std::string::npos) e = s.size();
  return {b, e};
}

}  // namespace

// Per-chunk mutable state handed to every formatter.
struct ChunkFormatter::Ctx {
  ChunkOutput* out;
  const FormatSettings* settings;

  TableChunk& T(TableSlot t) { return out->tables[t]; }

  // The dice for one row: independent of thread, chunk and release date.
  base::Rng Dice(TableSlot t, int64_t key) const {
    return base::Rng(base::StreamSeed(settings->seed ^ kQuirkStream, t, static_cast<uint64_t>(key)));
  }
  bool Roll(base::Rng& dice, TableSlot t, double rate) const {
    if (!settings->quirks) return false;
    return dice.Chance(std::max(rate, settings->rate_floor[t]));
  }
  void Note(TableSlot t, QuirkKind kind, int column) {
    out->quirks.push_back(QuirkRecord{static_cast<uint8_t>(t), kind, static_cast<int16_t>(column), T(t).lines});
  }
  // Ends a row; returns the physical lines it took.
  void EndRow(TableSlot t, RowBuilder& row, int extra_lines = 0) {
    row.buf().Append('\n');
    TableChunk& tc = T(t);
    tc.rows += 1;
    tc.lines += 1 + extra_lines;
  }

  // IJ_CODE: a pseudo-judge now and then, or the judge's second code while it was in use (Q20).
  void JudgeCode(RowBuilder& row, base::Rng& dice, TableSlot t, int column, const Judge& judge, int32_t date) {
    if (Roll(dice, t, kRatePseudoJudge)) {
      const auto& pj = Roster::PseudoJudges();
      row.Str(pj[static_cast<size_t>(dice.Between(0, static_cast<int64_t>(pj.size()) - 1))].code);
      Note(t, QuirkKind::kPseudoJudge, column);
    } else if (settings->quirks && !judge.alias_code.empty() && date >= judge.alias_from &&
               date < judge.alias_until) {
      row.Str(judge.alias_code);
      Note(t, QuirkKind::kJudgeAlias, column);
    } else {
      row.Str(judge.code);
    }
  }

  // Row-level damage (Q4, Q5): at most one per row, applied to the finished row text.
  // Returns the number of extra physical lines created.
  int DamageRow(TableSlot t, RowBuilder& row, base::Rng& dice, int text_column, int shift_column) {
    if (!settings->quirks) return 0;
    std::string& s = row.buf().mutable_str();
    const double u = dice.Uniform();
    const double floor = settings->rate_floor[t];
    double acc = 0;
    auto hit = [&](double rate) {
      acc += std::max(rate, floor);
      return u < acc;
    };
    if (text_column >= 0 && hit(kRateEmbeddedTab)) {
      auto [b, e] = FieldSpan(s, row.start(), text_column);
      size_t at = s.find(' ', b);
      if (at == std::string::npos || at >= e) at = b + (e - b) / 2;
      if (at < e && s[at] == ' ') s[at] = '\t'; else s.insert(at, 1, '\t');
      Note(t, QuirkKind::kEmbeddedTab, text_column);
      return 0;
    }
    if (hit(kRateExtraEmpty)) {
      s.append(dice.Chance(0.5) ? "\t" : "\t\t");
      Note(t, QuirkKind::kExtraEmptyFields, -1);
      return 0;
    }
    if (shift_column >= 0 && hit(kRateHiddenShift)) {
      auto [b, e] = FieldSpan(s, row.start(), shift_column);
      s.erase(b, e - b + 1);  // the field and its tab
      s.push_back('\t');
      Note(t, QuirkKind::kHiddenShift, shift_column);
      return 0;
    }
    if (hit(kRateShortRow)) {
      const int keep = std::max(2, row.fields() - 1 - static_cast<int>(dice.Between(1, row.fields() / 2)));
      auto [b, e] = FieldSpan(s, row.start(), keep);
      (void)e;
      s.resize(b - 1);  // drop from the tab before field `keep`
      Note(t, QuirkKind::kShortRow, keep);
      return 0;
    }
    if (text_column >= 0 && hit(kRateSplitLine)) {
      auto [b, e] = FieldSpan(s, row.start(), text_column);
      size_t at = s.find(' ', b);
      if (at == std::string::npos || at >= e) at = b + (e - b) / 2;
      if (at < e && s[at] == ' ') s[at] = '\n'; else s.insert(at, 1, '\n');
      Note(t, QuirkKind::kSplitLine, text_column);
      return 1;
    }
    return 0;
  }
};

ChunkFormatter::ChunkFormatter(const World& world, const FormatSettings& settings)
    : world_(world), settings_(settings) {}

void ChunkFormatter::Append(const std::vector<CaseLife>& lives, ChunkOutput* out) const {
  if (out->tables.size() != kTableCount) out->tables.resize(kTableCount);
  Ctx ctx{out, &settings_};
  for (const CaseLife& c : lives) {
    if (c.arrival > settings_.as_of) continue;
    if (c.purge_date != kNoDate && c.purge_date <= settings_.as_of) continue;  // gone from the release (Q23)
    FormatCase(c, ctx);
  }
}

void ChunkFormatter::FormatCase(const CaseLife& c, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  const Roster& roster = world_.roster();
  int n_visible = 0;
  while (n_visible < static_cast<int>(c.proceedings.size()) &&
         c.proceedings[static_cast<size_t>(n_visible)].input_date <= as_of) {
    ++n_visible;
  }
  const Proceeding& latest = c.proceedings[static_cast<size_t>(n_visible - 1)];
  const int64_t idncase = kCaseIdBase + c.index;
  base::Rng dice = ctx.Dice(kCaseTable, idncase);
  // Q12: the case row is missing while its children stay.
  const bool orphan = ctx.Roll(dice, kCaseTable, kRateOrphanCase);

  ctx.out->cases += 1;
  for (int k = 0; k < n_visible; ++k) {
    ctx.out->proceedings += 1;
    if (c.proceedings[static_cast<size_t>(k)].comp_date > as_of) ctx.out->pending += 1;
  }

  if (!orphan) {
    TextBuffer& buf = ctx.T(kCaseTable).buf;
    const size_t notes_before = ctx.out->quirks.size();
    RowBuilder row(buf);
    const auto& addrs = Addresses();
    const bool moved = c.address_changed != kNoDate && c.address_changed <= as_of;
    const Address& here = addrs[static_cast<size_t>(moved ? c.new_city : c.city)];
    const int zip = moved ? c.new_zip : c.zip;
    row.Int(idncase);
    // ALIEN_CITY, ALIEN_STATE
    if (ctx.Roll(dice, kCaseTable, kRateCp1252)) {
      const auto& cc = kCp1252Cities[dice.Between(0, std::size(kCp1252Cities) - 1)];
      row.Str(cc.city);
      row.Str(cc.state);
      ctx.Note(kCaseTable, QuirkKind::kCp1252Byte, 1);
    } else if (ctx.Roll(dice, kCaseTable, kRateNullToken)) {
      row.Str(dice.Chance(0.5) ? "b6" : "N/A");
      row.Str(here.state);
      ctx.Note(kCaseTable, QuirkKind::kNullToken, 1);
    } else {
      row.Str(here.city);
      row.Str(here.state);
    }
    // ALIEN_ZIPCODE (Q26)
    if (ctx.Roll(dice, kCaseTable, kRateZip)) {
      row.Sep();
      const double u = dice.Uniform();
      if (u < 0.5) {
        row.buf().AppendPadded(zip, 5);
        row.buf().Append('-');
        row.buf().AppendPadded(dice.Between(0, 9999), 4);
      } else if (u < 0.7) {
        row.buf().Append('`');
        row.buf().AppendPadded(zip, 5);
      } else {
        row.buf().AppendInt(zip < 10000 ? zip : zip % 10000);  // leading zero lost (or a digit dropped)
      }
      ctx.Note(kCaseTable, QuirkKind::kZipFormat, 3);
    } else {
      row.Sep();
      row.buf().AppendPadded(zip, 5);
    }
    // UPDATED_ZIPCODE, UPDATED_CITY: the previous address once the case moved (a revised record, Q23).
    if (moved) {
      row.Sep();
      row.buf().AppendPadded(c.zip, 5);
      row.Str(addrs[static_cast<size_t>(c.city)].city);
    } else {
      row.Empty();
      row.Empty();
    }
    // NAT
    const std::string_view nat = roster.nationalities[static_cast<size_t>(c.nationality)].code;
    if (ctx.Roll(dice, kCaseTable, kRateNaCode)) {
      row.Str("NA");
      ctx.Note(kCaseTable, QuirkKind::kNaCode, 6);
    } else if (ctx.Roll(dice, kCaseTable, kRateDefunctNat)) {
      const auto& defunct = Roster::DefunctNationalities();
      row.Str(defunct[static_cast<size_t>(dice.Between(0, static_cast<int64_t>(defunct.size()) - 1))]);
      ctx.Note(kCaseTable, QuirkKind::kDefunctNat, 6);
    } else if (ctx.Roll(dice, kCaseTable, kRateUnknownCode)) {
      row.Str(dice.Chance(0.5) ? "QQ" : "ZZ");
      ctx.Note(kCaseTable, QuirkKind::kUnknownCode, 6);
    } else {
      row.Str(nat);
    }
    // LANG (char(3), right-padded: Q6 is systematic)
    if (ctx.Roll(dice, kCaseTable, kRateNul)) {
      row.Sep();
      row.buf().Append(c.language);
      row.buf().Append('\0');
      ctx.Note(kCaseTable, QuirkKind::kNulByte, 7);
    } else {
      row.Padded(c.language, 3);
    }
    row.Char(latest.custody);
    row.Char(c.site_type);
    // E_28_DATE: the latest court appearance filed (overwritten on re-filing), ATTY_NBR
    int32_t e28 = kNoDate;
    int attys = 0;
    for (const auto& r : c.reps) {
      if (r.respondent && r.level == 'C' && r.e28 != kNoDate && r.e28 <= as_of) {
        e28 = std::max(e28, r.e28);
        ++attys;
      }
    }
    if (e28 != kNoDate && ctx.Roll(dice, kCaseTable, kRateBadDate)) {
      row.Sep();
      row.buf().Append(dice.Chance(0.5) ? "1900-01-01 00:00:00.000" : "2925-03-14 00:00:00.000");
      ctx.Note(kCaseTable, QuirkKind::kBadDate, 10);
    } else {
      row.Date(e28);
    }
    row.Int(attys);
    row.Str(c.proceedings[0].case_type);
    row.Str(eoir::Courts()[static_cast<size_t>(roster.courts[static_cast<size_t>(latest.court)].index)].code);
    // LATEST_HEARING, LATEST_TIME, LATEST_CAL_TYPE
    const Hearing* last = nullptr;
    for (int k = 0; k < n_visible; ++k) {
      for (const auto& h : c.proceedings[static_cast<size_t>(k)].hearings) {
        if (h.input <= as_of && (last == nullptr || h.date >= last->date)) last = &h;
      }
    }
    if (last != nullptr) {
      row.Date(last->date);
      row.Hhmm(last->start);
      row.Char(last->cal_type);
    } else {
      row.Empty();
      row.Empty();
      row.Empty();
    }
    row.Empty();  // UP_BOND_DATE (legacy)
    row.Empty();  // UP_BOND_RSN
    row.Empty();  // CORRECTIONAL_FAC
    // RELEASE_MONTH, RELEASE_YEAR: legacy, blank; some old rows hold 00/0000 for "none" (Q7)
    if (ctx.Roll(dice, kCaseTable, kRateNullToken)) {
      row.Str("00");
      row.Str("0000");
      ctx.Note(kCaseTable, QuirkKind::kNullToken, 20);
      ctx.Note(kCaseTable, QuirkKind::kNullToken, 21);
    } else {
      row.Empty();
      row.Empty();
    }
    row.Empty();  // INMATE_HOUSING
    if (c.entry_date != kNoDate && ctx.Roll(dice, kCaseTable, kRateBadDate)) {
      row.Str(dice.Chance(0.5) ? "12" : "1900-01-01 00:00:00.000");
      ctx.Note(kCaseTable, QuirkKind::kBadDate, 23);
    } else {
      row.Date(c.entry_date);
    }
    // C_ASY_TYPE (J is undocumented: Q15)
    if (c.asylum_type != 0 && ctx.Roll(dice, kCaseTable, kRateUnknownCode)) {
      row.Str("J");
      ctx.Note(kCaseTable, QuirkKind::kUnknownCode, 24);
    } else {
      row.Char(c.asylum_type);
    }
    // C_BIRTHDATE: month/year for about 1/6 of cases; redacted (empty) from 2026 (Q24, systematic)
    const bool redacted_era = as_of + 1 >= base::DaysFromCivil(2026, 1, 1);  // release date >= 2026-01-01
    if (!redacted_era && c.index % 6 == 0) {
      row.Sep();
      row.buf().AppendPadded(c.birth_month, 2);
      row.buf().Append('/');
      row.buf().AppendPadded(c.birth_year, 4);
    } else {
      row.Empty();
    }
    row.Empty();  // C_RELEASE_DATE
    if (moved) row.Str(addrs[static_cast<size_t>(c.city)].state); else row.Empty();  // UPDATED_STATE
    row.Date(moved ? c.address_changed : kNoDate);  // ADDRESS_CHANGEDON
    row.Empty();  // ZBOND_MRG_FLAG
    if (ctx.Roll(dice, kCaseTable, kRateUnknownCode)) {
      row.Char(dice.Chance(0.5) ? 'N' : 'U');
      ctx.Note(kCaseTable, QuirkKind::kUnknownCode, 30);
    } else {
      row.Char(c.gender);
    }
    // DATE_DETAINED, DATE_RELEASED
    int32_t detained = kNoDate, released = kNoDate;
    for (const auto& s : c.custody) {
      if (s.detained != kNoDate && s.detained <= as_of) {
        detained = s.detained;
        released = s.released != kNoDate && s.released <= as_of ? s.released : kNoDate;
      }
    }
    row.Date(detained);
    row.Date(released);
    row.Int(c.lpr ? 1 : 0);
    // DETENTION_DATE, DETENTION_LOCATION, DCO_LOCATION, DETENTION_FACILITY_TYPE: empty from 2026 (Q24)
    if (!redacted_era && detained != kNoDate) {
      row.Date(detained);
      row.Str(roster.locations[static_cast<size_t>(latest.location)].code);
      row.Str(eoir::Courts()[static_cast<size_t>(roster.courts[static_cast<size_t>(latest.court)].index)].code);
      row.Str("IGSA");
    } else {
      row.Empty();
      row.Empty();
      row.Empty();
      row.Empty();
    }
    row.Str(c.priority);
    const int extra = ctx.DamageRow(kCaseTable, row, dice, /*text_column=*/1, /*shift_column=*/-1);
    const size_t row_begin = row.start();
    ctx.EndRow(kCaseTable, row, extra);
    // Q11: the same row again (only a row without other quirks, so that each line has one story).
    if (ctx.Roll(dice, kCaseTable, kRateDuplicate) && ctx.out->quirks.size() == notes_before) {
      const std::string copy = buf.str().substr(row_begin);
      ctx.Note(kCaseTable, QuirkKind::kDuplicatePk, 0);
      buf.Append(copy);
      ctx.T(kCaseTable).rows += 1;
      ctx.T(kCaseTable).lines += 1 + extra;
    }
  }

  FormatProceedings(c, n_visible, orphan, ctx);
  FormatHearings(c, n_visible, orphan, ctx);
  FormatReps(c, orphan, ctx);
  if (!orphan) {
    FormatCustody(c, ctx);
    FormatLeadRider(c, ctx);
  }
  if (settings_.all_tables && !orphan) FormatExtraTables(c, n_visible, ctx);
}


namespace {

std::string_view CourtCode(const Roster& roster, int court) {
  return eoir::Courts()[static_cast<size_t>(roster.courts[static_cast<size_t>(court)].index)].code;
}

constexpr std::string_view kPseudoCourts[] = {"BIA", "CIJ", "HDQ", "RIC", "OIT", "OIN"};

// CHG_STATUS: S 74%, O 21%, N 3%, W 1% (domain spec §3.6).
char PickStatus(base::Rng& rng) {
  const double u = rng.Uniform();
  return u < 0.75 ? 'S' : u < 0.96 ? 'O' : u < 0.99 ? 'N' : 'W';
}

}  // namespace

void ChunkFormatter::FormatProceedings(const CaseLife& c, int n_visible, bool orphan, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  const Roster& roster = world_.roster();
  const int64_t idncase = kCaseIdBase + c.index;
  const std::string_view nat = roster.nationalities[static_cast<size_t>(c.nationality)].code;
  TextBuffer& buf = ctx.T(kProceedingTable).buf;
  for (int k = 0; k < n_visible; ++k) {
    const Proceeding& p = c.proceedings[static_cast<size_t>(k)];
    const int64_t idn = kProceedingIdBase + c.index * kMaxProceedings + k;
    base::Rng dice = ctx.Dice(kProceedingTable, idn);
    const bool done = p.comp_date <= as_of;
    const Judge& judge = roster.judges[static_cast<size_t>(p.judge)];
    if (orphan) ctx.Note(kProceedingTable, QuirkKind::kOrphan, 1);
    const size_t notes_before = ctx.out->quirks.size();
    RowBuilder row(buf);
    row.Int(idn);
    row.Int(idncase);
    row.Date(p.osc_date);
    if (ctx.Roll(dice, kProceedingTable, kRateBadDate)) {
      row.Str(dice.Chance(0.5) ? "1900-01-01 00:00:00.000" : "0202-11-30 00:00:00.000");
      ctx.Note(kProceedingTable, QuirkKind::kBadDate, 3);
    } else {
      row.Date(p.input_date);
    }
    if (ctx.Roll(dice, kProceedingTable, kRatePseudoCourt)) {
      row.Str(kPseudoCourts[dice.Between(0, std::size(kPseudoCourts) - 1)]);
      ctx.Note(kProceedingTable, QuirkKind::kPseudoCourt, 4);
    } else {
      row.Str(CourtCode(roster, p.court));
    }
    row.Str(roster.locations[static_cast<size_t>(p.location)].code);
    ctx.JudgeCode(row, dice, kProceedingTable, 6, judge, p.input_date);
    const bool transferred_in = k > 0 && !p.reopened;
    const Proceeding* prev = k > 0 ? &c.proceedings[static_cast<size_t>(k - 1)] : nullptr;
    row.Date(transferred_in ? p.input_date : kNoDate);  // TRANS_IN_DATE
    if (transferred_in) {
      row.Str(roster.locations[static_cast<size_t>(prev->location)].code);
      row.Str(CourtCode(roster, prev->court));
      row.Str(roster.judges[static_cast<size_t>(prev->judge)].code);
      row.Int(k);
    } else {
      row.Empty();
      row.Empty();
      row.Empty();
      row.Empty();
    }
    // HEARING_DATE / HEARING_TIME: the last hearing entered (unreliable by design, as the codebook warns).
    const Hearing* last = nullptr;
    for (const auto& h : p.hearings) {
      if (h.input <= as_of) last = &h;
    }
    if (last != nullptr) {
      row.Date(last->date);
      row.Hhmm(last->start);
    } else {
      row.Empty();
      row.Empty();
    }
    row.Char(done ? p.dec_type : 0);
    row.Char(done ? p.dec_code : 0);
    const bool removal = done && (p.dec_code == 'X' || p.dec_code == 'D' || (p.dec_code == 'E' && p.case_type == "EXC"));
    if (removal) row.Str(nat); else row.Empty();  // DEPORTED_1
    row.Empty();                                  // DEPORTED_2
    row.Char(done ? p.other_comp : 0);
    row.Char(done ? p.appeal_reserved : 0);
    row.Char(done && p.dec_code != 0 && p.appeal_reserved == 0 ? 'N' : 0);  // APPEAL_NOT_FILED
    row.Date(done ? p.comp_date : kNoDate);
    row.Char(done && p.dec_code != 0 ? p.absentia : 0);
    const bool venue = done && (p.other_comp == 'C' || p.other_comp == 'T');
    row.Date(venue && p.other_comp == 'C' ? p.comp_date : kNoDate);  // VENUE_CHG_GRANTED
    if (venue && k + 1 < static_cast<int>(c.proceedings.size())) {
      row.Str(CourtCode(roster, c.proceedings[static_cast<size_t>(k + 1)].court));
    } else {
      row.Empty();
    }
    row.Date(done && p.appeal_reserved != 0 ? p.comp_date + 30 : kNoDate);  // DATE_APPEAL_DUE_STATUS
    row.Char(venue ? p.transfer_status : 0);
    row.Char(p.custody);
    // CASE_TYPE: BND is not in the lookup (Q15); a different type inside one case (Q18)
    if (ctx.Roll(dice, kProceedingTable, kRateUnknownCode)) {
      row.Str("BND");
      ctx.Note(kProceedingTable, QuirkKind::kUnknownCode, 28);
    } else if (k > 0 && ctx.Roll(dice, kProceedingTable, kRateMixedCaseType)) {
      row.Str(p.case_type == "WHO" ? "RMV" : "WHO");
      ctx.Note(kProceedingTable, QuirkKind::kMixedCaseType, 28);
    } else {
      row.Str(p.case_type);
    }
    if (ctx.Roll(dice, kProceedingTable, kRateNul)) {
      row.Sep();
      row.buf().Append(nat);
      row.buf().Append('\0');
      ctx.Note(kProceedingTable, QuirkKind::kNulByte, 29);
    } else {
      row.Str(nat);
    }
    row.Padded(c.language, 3);
    row.Empty();  // SCHEDULED_HEAR_LOC
    row.Empty();  // CORRECTIONAL_FAC
    row.Char(p.crim ? 'Y' : 'N');
    row.Empty();  // IHP
    row.Int(p.crim && dice.Chance(0.2) ? 1 : 0);  // AGGRAVATE_FELON
    if (p.custody != 'N' && !c.custody.empty() && c.custody[0].detained != kNoDate && c.custody[0].detained <= as_of) {
      row.Date(c.custody[0].detained);
      row.Date(c.custody[0].released <= as_of ? c.custody[0].released : kNoDate);
    } else {
      row.Empty();
      row.Empty();
    }
    const int extra = ctx.DamageRow(kProceedingTable, row, dice, -1, /*shift_column=*/5);
    const size_t row_begin = row.start();
    ctx.EndRow(kProceedingTable, row, extra);
    if (ctx.Roll(dice, kProceedingTable, kRateDuplicate / 5) && ctx.out->quirks.size() == notes_before && !orphan) {
      const std::string copy = buf.str().substr(row_begin);
      ctx.Note(kProceedingTable, QuirkKind::kDuplicatePk, 0);
      buf.Append(copy);
      ctx.T(kProceedingTable).rows += 1;
      ctx.T(kProceedingTable).lines += 1 + extra;
    }

    // Applications of this proceeding.
    TextBuffer& abuf = ctx.T(kApplnTable).buf;
    int app_slot = 0;
    for (int j = 0; j < k; ++j) app_slot += static_cast<int>(c.proceedings[static_cast<size_t>(j)].apps.size());
    for (const Application& a : p.apps) {
      const int64_t aid = kApplnIdBase + c.index * kMaxApplications + app_slot++;
      if (a.received > as_of) continue;
      base::Rng adice = ctx.Dice(kApplnTable, aid);
      if (orphan) ctx.Note(kApplnTable, QuirkKind::kOrphan, 2);
      RowBuilder arow(abuf);
      arow.Int(aid);
      arow.Int(idn);
      arow.Int(idncase);
      if (ctx.Roll(adice, kApplnTable, kRateUnknownAppl)) {
        arow.Str(adice.Chance(0.5) ? "ASY" : "42C");
        ctx.Note(kApplnTable, QuirkKind::kUnknownCode, 3);
      } else if (std::any_of(a.code.begin(), a.code.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }) &&
                 ctx.Roll(adice, kApplnTable, kRateCaseVariant)) {
        std::string lower(a.code);
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == a.code) lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
        arow.Str(lower);
        ctx.Note(kApplnTable, QuirkKind::kCaseVariant, 3);
      } else {
        arow.Str(a.code);
      }
      if (ctx.Roll(adice, kApplnTable, kRateBadDate)) {
        arow.Str("2925-01-01 00:00:00.000");
        ctx.Note(kApplnTable, QuirkKind::kBadDate, 4);
      } else {
        arow.Date(a.received);
      }
      const char dec = done ? a.decision : a.pending_decision;
      if (dec != 0 && ctx.Roll(adice, kApplnTable, kRateUnknownApplDec)) {
        arow.Char(adice.Chance(0.5) ? 'X' : 'Z');
        ctx.Note(kApplnTable, QuirkKind::kUnknownCode, 5);
      } else {
        arow.Char(dec);
      }
      const int aextra = ctx.DamageRow(kApplnTable, arow, adice, -1, -1);
      ctx.EndRow(kApplnTable, arow, aextra);
    }
  }
}

void ChunkFormatter::FormatHearings(const CaseLife& c, int n_visible, bool orphan, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  const Roster& roster = world_.roster();
  const int64_t idncase = kCaseIdBase + c.index;
  TextBuffer& buf = ctx.T(kScheduleTable).buf;
  int slot = 0;
  for (int k = 0; k < n_visible; ++k) {
    const Proceeding& p = c.proceedings[static_cast<size_t>(k)];
    const int64_t idn = kProceedingIdBase + c.index * kMaxProceedings + k;
    int32_t prev_date = kNoDate;
    for (size_t hi = 0; hi < p.hearings.size(); ++hi) {
      const Hearing& h = p.hearings[hi];
      const int64_t sid = kScheduleIdBase + c.index * kMaxHearings + slot++;
      if (h.input > as_of) continue;
      base::Rng dice = ctx.Dice(kScheduleTable, sid);
      if (orphan) ctx.Note(kScheduleTable, QuirkKind::kOrphan, 2);
      const bool held = h.date <= as_of;
      RowBuilder row(buf);
      row.Int(sid);
      row.Int(idn);
      row.Int(idncase);
      row.Date(p.osc_date);
      row.Int(k + 1);                         // GENERATION
      row.Int(static_cast<int64_t>(hi) + 1);  // SUB_GENERATION
      row.Char('A');                          // REC_TYPE
      row.Padded(c.language, 3);
      row.Str(roster.locations[static_cast<size_t>(h.location)].code);
      row.Str(CourtCode(roster, p.court));
      const Judge& judge = roster.judges[static_cast<size_t>(h.judge)];
      ctx.JudgeCode(row, dice, kScheduleTable, 10, judge, h.date);
      if (c.language != "ENG") row.Padded(c.language, 3); else row.Empty();  // INTERPRETER_CODE
      row.Date(h.input);
      row.Hhmm(static_cast<int>(7 * 60 + (sid % 600)));  // INPUT_TIME
      row.Date(held ? h.date : h.input);                // UPDATE_DATE
      row.Hhmm(static_cast<int>(8 * 60 + (sid % 540)));  // UPDATE_TIME
      row.Char(held ? 'F' : (hi == 0 ? 'W' : 'A'));     // ASSIGNMENT_PATH
      row.Char(h.cal_type);
      row.Date(h.date);
      // ADJ_TIME_START / ADJ_TIME_STOP (Q10)
      const int start = h.start;
      if (start >= 13 * 60 && ctx.Roll(dice, kScheduleTable, kRateHhmm12)) {
        row.Hhmm(start - 12 * 60);
        ctx.Note(kScheduleTable, QuirkKind::kHhmm12h, 19);
      } else {
        row.Hhmm(start);
      }
      if (ctx.Roll(dice, kScheduleTable, kRateHhmmZero)) {
        row.Str(dice.Chance(0.5) ? "0" : "0000");
        ctx.Note(kScheduleTable, QuirkKind::kHhmmZero, 20);
      } else {
        row.Hhmm(std::min(start + h.minutes, 23 * 60));
      }
      if (held && h.adj_reason != 0) {
        row.Sep();
        row.buf().AppendPadded(h.adj_reason, 2);
      } else {
        row.Empty();
      }
      if (ctx.Roll(dice, kScheduleTable, kRateCaseVariant)) {
        row.Char(static_cast<char>(std::tolower(static_cast<unsigned char>(h.medium))));
        ctx.Note(kScheduleTable, QuirkKind::kCaseVariant, 22);
      } else {
        row.Char(h.medium);
      }
      row.Empty();  // ADJ_MSG
      if (prev_date != kNoDate && held) row.Int(h.date - prev_date); else row.Empty();
      row.Int(sid / 7);  // LNGSESSNID
      row.Str(h.schedule_type);
      row.Char(hi == 0 ? '1' : '2');  // NOTICE_CODE
      row.Int(0);                     // BLNCLOCKOVERRIDE
      if (c.represented && (sid % 3) == 0) {
        // A GUID-shaped attorney id, stable per case.
        const uint64_t g = base::Mix64(static_cast<uint64_t>(c.index) ^ 0xA770A770ULL);
        static constexpr char kHex[] = "0123456789ABCDEF";
        row.Sep();
        for (int i = 0; i < 32; ++i) {
          if (i == 8 || i == 12 || i == 16 || i == 20) row.buf().Append('-');
          const uint64_t src = i < 16 ? g : base::Mix64(g);
          row.buf().Append(kHex[(src >> ((i % 16) * 4)) & 0xF]);
        }
      } else {
        row.Empty();
      }
      const int extra = ctx.DamageRow(kScheduleTable, row, dice, -1, -1);
      ctx.EndRow(kScheduleTable, row, extra);
      prev_date = h.date;
    }
  }
}

void ChunkFormatter::FormatReps(const CaseLife& c, bool orphan, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  const Roster& roster = world_.roster();
  const int64_t idncase = kCaseIdBase + c.index;
  TextBuffer& buf = ctx.T(kRepsTable).buf;
  for (size_t i = 0; i < c.reps.size(); ++i) {
    const Representation& r = c.reps[i];
    const int32_t seen = r.level == 'B' || !r.respondent ? r.e27 : r.e28;
    if (seen == kNoDate || seen > as_of) continue;
    if (r.proceeding >= 0 && c.proceedings[static_cast<size_t>(r.proceeding)].input_date > as_of) continue;
    const int64_t rid = kRepsIdBase + c.index * kMaxReps + static_cast<int64_t>(i);
    base::Rng dice = ctx.Dice(kRepsTable, rid);
    if (orphan) ctx.Note(kRepsTable, QuirkKind::kOrphan, 1);
    RowBuilder row(buf);
    row.Int(rid);
    row.Int(idncase);
    row.Str(r.level == 'B' ? "BOARD" : "COURT");
    row.Str(r.respondent ? "ALIEN" : "INS");
    std::string_view parent = r.level == 'B' ? "tblAppeal" : r.proceeding < 0 ? "A_TblCase" : "B_TblProceeding";
    if (ctx.Roll(dice, kRepsTable, kRateParentCase)) {
      parent = r.level == 'B' ? "tblappeal" : r.proceeding < 0 ? (dice.Chance(0.5) ? "A_Tblcase" : "a_tblcase")
                                                                : "b_tblproceeding";
      ctx.Note(kRepsTable, QuirkKind::kCaseVariant, 4);
    }
    row.Str(parent);
    if (r.proceeding < 0) row.Int(idncase);
    else row.Int(kProceedingIdBase + c.index * kMaxProceedings + r.proceeding);
    row.Str(CourtCode(roster, r.court));
    // INS_TA_DATE_ASSIGNED is text and not always a date.
    if (!r.respondent && ctx.Roll(dice, kRepsTable, kRateNullToken)) {
      row.Str("N/A");
      ctx.Note(kRepsTable, QuirkKind::kNullToken, 7);
    } else {
      row.Date(!r.respondent ? r.e27 : kNoDate);
    }
    row.Date(r.level == 'B' ? r.e27 : kNoDate);
    if (r.respondent && r.level == 'C' && ctx.Roll(dice, kRepsTable, kRateBadDate)) {
      row.Str("1900-01-01 00:00:00.000");
      ctx.Note(kRepsTable, QuirkKind::kBadDate, 9);
    } else {
      row.Date(r.respondent && r.level == 'C' ? r.e28 : kNoDate);
    }
    row.Int(r.prime ? 1 : 0);
    const int extra = ctx.DamageRow(kRepsTable, row, dice, -1, -1);
    ctx.EndRow(kRepsTable, row, extra);
  }
}

void ChunkFormatter::FormatCustody(const CaseLife& c, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  TextBuffer& buf = ctx.T(kCustodyTable).buf;
  for (size_t i = 0; i < c.custody.size(); ++i) {
    const CustodySpell& s = c.custody[i];
    if (s.detained != kNoDate && s.detained > as_of) continue;
    const int64_t id = kCaseIdBase + c.index * 4 + static_cast<int64_t>(i);
    base::Rng dice = ctx.Dice(kCustodyTable, id);
    RowBuilder row(buf);
    row.Int(id);
    row.Int(kCaseIdBase + c.index);
    row.Char(s.custody);
    row.Date(s.detained);
    if (s.released != kNoDate && s.released <= as_of && ctx.Roll(dice, kCustodyTable, kRateBadDate)) {
      row.Str("1900-01-01 00:00:00.000");
      ctx.Note(kCustodyTable, QuirkKind::kBadDate, 4);
    } else {
      row.Date(s.released != kNoDate && s.released <= as_of ? s.released : kNoDate);
    }
    const int extra = ctx.DamageRow(kCustodyTable, row, dice, -1, -1);
    ctx.EndRow(kCustodyTable, row, extra);
  }
}

void ChunkFormatter::FormatLeadRider(const CaseLife& c, Ctx& ctx) const {
  if (c.lead_index < 0) return;
  const int32_t as_of = settings_.as_of;
  const int64_t id = kCaseIdBase + c.index;
  base::Rng dice = ctx.Dice(kLeadRiderTable, id);
  int n_visible = 0;
  while (n_visible < static_cast<int>(c.proceedings.size()) &&
         c.proceedings[static_cast<size_t>(n_visible)].input_date <= as_of) {
    ++n_visible;
  }
  const int64_t lead_first = kProceedingIdBase + c.lead_index * kMaxProceedings;
  const int64_t rider_first = kProceedingIdBase + c.index * kMaxProceedings;
  const bool severed = dice.Chance(0.05);
  const int32_t severed_on = c.arrival + static_cast<int32_t>(dice.Between(30, 400));
  const bool show_severed = severed && severed_on <= as_of;
  RowBuilder row(ctx.T(kLeadRiderTable).buf);
  row.Int(id);
  row.Int(kCaseIdBase + c.lead_index);
  row.Int(id);
  row.Date(c.arrival);
  row.Date(show_severed ? severed_on : c.arrival);
  row.Date(show_severed ? severed_on : kNoDate);
  row.Int(lead_first);
  row.Int(lead_first + n_visible - 1);
  row.Int(rider_first);
  row.Int(rider_first + n_visible - 1);
  row.Int(show_severed ? 0 : 1);
  ctx.EndRow(kLeadRiderTable, row);
}


// The rest of §1.1 (`--tables all`): simpler content, derived from the same case lives.
void ChunkFormatter::FormatExtraTables(const CaseLife& c, int n_visible, Ctx& ctx) const {
  const int32_t as_of = settings_.as_of;
  const Roster& roster = world_.roster();
  const int64_t idncase = kCaseIdBase + c.index;
  static constexpr std::string_view kCharges[] = {"212a06Ai", "212a07AiI", "237a01B", "212a02AiI", "237a02Aiii"};
  for (int k = 0; k < n_visible; ++k) {
    const Proceeding& p = c.proceedings[static_cast<size_t>(k)];
    const int64_t idn = kProceedingIdBase + c.index * kMaxProceedings + k;
    const bool done = p.comp_date <= as_of;
    base::Rng dice = ctx.Dice(kChargesTable, idn);
    const int n_charges = 1 + static_cast<int>(dice.Between(0, 1));
    for (int j = 0; j < n_charges; ++j) {
      RowBuilder row(ctx.T(kChargesTable).buf);
      row.Int(idn * 2 + j);
      row.Int(idncase);
      row.Int(idn);
      row.Padded(kCharges[dice.Between(0, std::size(kCharges) - 1)], 12);
      row.Char(PickStatus(dice));
      ctx.EndRow(kChargesTable, row);
    }
    if (k == 0 && p.custody != 'N') {  // a bond redetermination
      base::Rng bdice = ctx.Dice(kBondTable, idn);
      const int32_t asked = p.input_date + static_cast<int32_t>(bdice.Between(3, 30));
      if (asked <= as_of) {
        const bool decided = asked + 7 <= as_of;
        const bool granted = bdice.Chance(0.45);
        RowBuilder row(ctx.T(kBondTable).buf);
        row.Int(idn);
        row.Int(idn);
        row.Int(idncase);
        row.Date(p.osc_date);
        row.Char('B');
        row.Int(1);
        row.Int(1);
        row.Date(asked);
        row.Hhmm(900);
        row.Date(asked);
        row.Hhmm(830);
        row.Str(CourtCode(roster, p.court));
        row.Empty();
        row.Str(roster.locations[static_cast<size_t>(p.location)].code);
        row.Str(roster.judges[static_cast<size_t>(p.judge)].code);
        row.Char(decided ? (granted ? 'G' : 'D') : 0);
        row.Date(decided ? asked + 7 : kNoDate);
        row.Int(5000 + 500 * bdice.Between(0, 30));
        row.Empty();
        row.Empty();
        row.Char('V');
        row.Date(asked);
        if (decided && !granted && ctx.Roll(bdice, kBondTable, 0.3)) {
          row.Int(0);  // Q25: zero although no bond was granted
          ctx.Note(kBondTable, QuirkKind::kZeroBond, 22);
        } else if (decided && granted) {
          row.Int(1500 + 500 * bdice.Between(0, 20));
        } else {
          row.Empty();
        }
        row.Empty();
        row.Empty();
        row.Empty();
        row.Empty();
        row.Empty();  // ADJ1_CAL_TYPE_TO_BE_REMOVED
        row.Str(bdice.Chance(0.75) ? "BB" : "BD");
        row.Char(bdice.Chance(0.5) ? 'O' : 'W');
        row.Char('A');
        row.Date(asked + 14);
        ctx.EndRow(kBondTable, row);
      }
    }
    base::Rng mdice = ctx.Dice(kMotionsTable, idn);
    if (mdice.Chance(0.1)) {
      const int32_t filed = p.input_date + static_cast<int32_t>(mdice.Between(10, 200));
      if (filed <= as_of) {
        RowBuilder row(ctx.T(kMotionsTable).buf);
        row.Int(idn);
        row.Int(idn);
        row.Int(idncase);
        row.Date(p.osc_date);
        row.Char('O');
        row.Int(1);
        row.Int(1);
        row.Date(filed);
        row.Date(filed);
        row.Date(filed);
        const bool decided = filed + 20 <= as_of;
        row.Date(decided ? filed + 20 : kNoDate);
        row.Char(decided ? (mdice.Chance(0.7) ? 'G' : 'D') : 0);
        row.Char('N');
        row.Str(mdice.Chance(0.6) ? "ALIEN" : "INS");
        row.Empty();
        row.Empty();
        row.Empty();
        row.Int(0);
        row.Empty();
        row.Empty();  // column20
        row.Empty();  // column21
        ctx.EndRow(kMotionsTable, row);
      }
    }
    if (done && p.appeal_reserved != 0) {
      base::Rng adice = ctx.Dice(kAppealTable, idn);
      const int32_t filed = p.comp_date + static_cast<int32_t>(adice.Between(5, 30));
      if (adice.Chance(0.5) && filed <= as_of) {
        const int32_t decided_on = filed + static_cast<int32_t>(adice.LogNormal(300, 0.6));
        const bool decided = decided_on <= as_of;
        RowBuilder row(ctx.T(kAppealTable).buf);
        row.Int(idn);
        row.Int(idncase);
        row.Int(idn);
        row.Str("IJ");
        row.Str("Case Appeal");
        row.Date(filed);
        row.Char(p.appeal_reserved);
        row.Date(c.represented ? filed : kNoDate);
        row.Date(decided ? decided_on : kNoDate);
        row.Str(decided ? (adice.Chance(0.8) ? "DIS" : adice.Chance(0.5) ? "SUS" : "REM") : "");
        row.Char(decided ? 'R' : 0);
        row.Str(p.case_type);
        row.Padded(c.language, 3);
        row.Str(roster.nationalities[static_cast<size_t>(c.nationality)].code);
        row.Empty();
        row.Char(p.custody);
        row.Char(adice.Chance(0.1) ? 'Y' : 'N');
        ctx.EndRow(kAppealTable, row);
        if (decided && adice.Chance(0.05)) {
          RowBuilder fed(ctx.T(kFedCourtsTable).buf);
          fed.Int(idn);
          fed.Int(idn);
          fed.Date(decided_on + 30);
          fed.Empty();
          fed.Empty();
          ctx.EndRow(kFedCourtsTable, fed);
        }
        if (adice.Chance(0.03)) {
          RowBuilder three(ctx.T(kThreeMemberTable).buf);
          three.Int(idn);
          three.Int(idn);
          three.Date(filed + 60);
          three.Date(decided ? decided_on : kNoDate);
          ctx.EndRow(kThreeMemberTable, three);
        }
        if (adice.Chance(0.1)) {
          RowBuilder pb(ctx.T(kProBonoTable).buf);
          pb.Int(idn);
          pb.Int(idn);
          pb.Date(filed + 10);
          pb.Str(adice.Chance(0.5) ? "ACCEPTED" : "DECLINED");
          ctx.EndRow(kProBonoTable, pb);
        }
      }
    }
  }
  base::Rng dice = ctx.Dice(kAttorneyTable, idncase);
  if (c.represented && !c.reps.empty() && c.reps[0].e28 != kNoDate && c.reps[0].e28 <= as_of) {
    const uint64_t g = base::Mix64(static_cast<uint64_t>(c.index) ^ 0xA770A770ULL);
    static constexpr char kHex[] = "0123456789ABCDEF";
    RowBuilder row(ctx.T(kAttorneyTable).buf);
    row.Sep();
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) row.buf().Append('-');
      const uint64_t src = i < 16 ? g : base::Mix64(g);
      row.buf().Append(kHex[(src >> ((i % 16) * 4)) & 0xF]);
    }
    row.Int(idncase);
    row.Str(CourtCode(roster, c.proceedings[0].court));
    row.Int(0);
    row.Int(0);
    row.Date(c.reps[0].e28);
    ctx.EndRow(kAttorneyTable, row);
  }
  if (c.priority == "UC") {
    RowBuilder row(ctx.T(kJuvenileTable).buf);
    row.Int(idncase);
    row.Int(idncase);
    row.Int(kProceedingIdBase + c.index * kMaxProceedings);
    static constexpr int kJuvenileIdn[] = {5, 5, 5, 5, 5, 5, 4, 4, 1, 6};
    row.Int(kJuvenileIdn[dice.Between(0, 9)]);
    row.Date(c.arrival);
    row.Date(c.arrival);
    ctx.EndRow(kJuvenileTable, row);
  }
  if (c.priority != "N/A") {
    RowBuilder row(ctx.T(kPriorityTable).buf);
    row.Int(idncase);
    row.Int(idncase);
    row.Str(c.priority);
    row.Date(c.arrival);
    row.Date(c.arrival);
    ctx.EndRow(kPriorityTable, row);
  }
  if (dice.Chance(0.05)) {
    RowBuilder row(ctx.T(kCaseIdentifierTable).buf);
    row.Int(idncase);
    row.Int(idncase);
    row.Str(dice.Chance(0.3) ? "NA" : dice.Chance(0.5) ? "DF" : "AB");  // NA = NACARA here (Q13)
    row.Date(c.arrival);
    ctx.EndRow(kCaseIdentifierTable, row);
  }
}

}  // namespace immstats::synth
