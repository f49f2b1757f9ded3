// Lookup tables as tab-delimited Windows-1252 files with CRLF-free lines, like the core tables.
#include "synth/lookup_files.h"

#include <set>

#include "base/file_util.h"
#include "base/text_buffer.h"
#include "eoir/codes.h"

namespace immstats::synth {

namespace {

// Builds one lookup file row by row.
class LookupWriter {
 public:
  LookupWriter(std::string name, std::initializer_list<std::string_view> header) : name_(std::move(name)) {
    bool first = true;
    for (auto h : header) {
      if (!first) buf_.Append('\t');
      buf_.Append(h);
      first = false;
    }
    buf_.Append('\n');
  }
  LookupWriter& Row(std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (auto f : fields) {
      if (!first) buf_.Append('\t');
      buf_.Append(f);
      first = false;
    }
    buf_.Append('\n');
    ++rows_;
    return *this;
  }
  int64_t next_line() const { return rows_ + 2; }
  Status Write(const std::filesystem::path& dir, std::vector<LookupFile>* files) {
    files->push_back({"Lookup/" + name_, rows_});
    return base::WriteWholeFile(dir / "Lookup" / name_, buf_.str());
  }

 private:
  std::string name_;
  base::TextBuffer buf_;
  int64_t rows_ = 0;
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Status WriteLookupFiles(const std::filesystem::path& dir, const Roster& roster, bool quirks,
                        std::vector<LookupFile>* files, std::vector<LookupQuirk>* injected) {
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(dir / "Lookup"));
  {
    LookupWriter w("tblLookupNationality.csv", {"NAT_CODE", "NAT_NAME", "NAT_COUNTRY_NAME", "NAT_NACARA_COUNTRY"});
    static const std::set<std::string_view> kNacara = {"GT", "ES", "NU", "CU", "UR", "BZ", "UE", "RU", "PL"};
    for (const auto& n : eoir::Nationalities()) {
      std::string name = Upper(n.name);
      if (quirks && n.code == "CI") {  // Q3: a NUL byte after a name
        name.push_back('\0');
        injected->push_back({"Lookup/tblLookupNationality.csv", w.next_line(), "NAT_NAME", QuirkKind::kNulByte});
      }
      w.Row({n.code, name, n.name, kNacara.count(n.code) ? "1" : "0"});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookupBaseCity.csv",
                   {"BASE_CITY_CODE", "BASE_CITY_NAME", "BASE_CITY", "BASE_STATE", "strRegion", "blnActive"});
    for (const auto& c : eoir::Courts()) {
      w.Row({c.code, c.pseudo ? c.city : "IMMIGRATION COURT", c.city, c.state, c.region, "1"});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookupHloc.csv", {"HEARING_LOC_CODE", "HEARING_LOC_NAME", "HEARING_CITY", "HEARING_STATE",
                                         "HEARING_BASE_CITY", "Hear_Det_Type", "CircuitCourt"});
    for (const auto& loc : roster.locations) {
      const auto& court = eoir::Courts()[static_cast<size_t>(roster.courts[static_cast<size_t>(loc.court)].index)];
      w.Row({loc.code, loc.name, court.city, court.state, court.code, loc.detention ? "D" : "N", ""});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookupJudge.csv", {"JUDGE_CODE", "JUDGE_NAME"});
    for (const auto& pj : Roster::PseudoJudges()) w.Row({pj.code, pj.name});
    bool cp1252_done = false;
    for (const auto& j : roster.judges) {
      std::string name = j.name;
      if (quirks && !cp1252_done && name.rfind("Garcia", 0) == 0) {  // Q2: GarcÍa with a cp1252 byte
        name = "Garc\xED" "a" + name.substr(6);
        cp1252_done = true;
        injected->push_back({"Lookup/tblLookupJudge.csv", w.next_line(), "JUDGE_NAME", QuirkKind::kCp1252Byte});
      }
      w.Row({j.code, name});
      if (quirks && !j.alias_code.empty()) {
        injected->push_back({"Lookup/tblLookupJudge.csv", w.next_line(), "JUDGE_CODE", QuirkKind::kJudgeAlias});
        w.Row({j.alias_code, j.name});
      }
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookupJudgeBaseCity.csv", {"JUDGE_CODE", "BASE_CITY_CODE"});
    for (const auto& j : roster.judges) {
      const auto& court = eoir::Courts()[static_cast<size_t>(roster.courts[static_cast<size_t>(j.court)].index)];
      w.Row({j.code, court.code});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  auto pairs = [&](const char* name, std::string_view k, std::string_view v,
                   std::span<const eoir::CodeName> list) -> Status {
    LookupWriter w(name, {k, v});
    for (const auto& cn : list) w.Row({cn.code, cn.name});
    return w.Write(dir, files);
  };
  IMMSTATS_RETURN_IF_ERROR(pairs("tblLookupCaseType.csv", "strCode", "strDescription", eoir::CaseTypes()));
  IMMSTATS_RETURN_IF_ERROR(pairs("tblLookupCustodyStatus.csv", "strCode", "strDescription", eoir::CustodyCodes()));
  IMMSTATS_RETURN_IF_ERROR(pairs("tblDecCode.csv", "strCode", "strDescription", eoir::LegacyDecisionCodes()));
  IMMSTATS_RETURN_IF_ERROR(pairs("tblLanguage.csv", "strCode", "strDescription", eoir::Languages()));
  IMMSTATS_RETURN_IF_ERROR(pairs("tbllookupCal_Type.csv", "strCalType", "strDescription", eoir::CalendarTypes()));
  IMMSTATS_RETURN_IF_ERROR(pairs("tbllookupSchedule_Type.csv", "strCode", "strDescription", eoir::ScheduleTypes()));
  {
    LookupWriter w("tblLookupCourtDecision.csv", {"strCaseType", "strDecCode", "strDecDescription", "strDecType",
                                                  "strFinalDisposition", "blnActive"});
    for (const auto& d : eoir::CourtDecisions()) {
      const char type[2] = {d.dec_type, 0};
      w.Row({d.case_type, d.code, d.description, type, d.final_disposition, "1"});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookupCourtAppDecisions.csv", {"strCourtApplnDecCode", "strCourtApplnDecDesc", "Comments"});
    for (const auto& d : eoir::ApplicationDecisions()) w.Row({d.code, d.name, ""});
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookUp_Appln.csv", {"strcode", "strdescription", "strAllowedDecisionCodes",
                                           "strAllowedCaseTypes"});
    for (const auto& a : eoir::ApplicationTypes()) w.Row({a.code, a.description, a.allowed_decisions, "RMV,DEP,EXC,AOC,WHO"});
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblAdjournmentcodes.csv", {"strcode", "strDesciption", "Regd_By", "asy_clk_stat"});
    for (const auto& a : eoir::AdjournmentReasons()) {
      const bool alien = a.code <= "03" || a.code == "13";
      w.Row({a.code, a.name, alien ? "A" : "O", alien ? "S" : "R"});
    }
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookup_CasePriority.csv", {"strCode", "strDescription"});
    w.Row({"UC", "Unaccompanied Children"})
        .Row({"AWC/ATD", "Adults with Children on ATD"})
        .Row({"AWC/D", "Adults with Children Detained"})
        .Row({"RBC/D", "Recent Border Crossers Detained"})
        .Row({"CR", "Custody Review"});
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  {
    LookupWriter w("tblLookup_Juvenile.csv", {"idnJuvenile", "strCode", "strDescription"});
    w.Row({"1", "J", "Juvenile"})
        .Row({"2", "JA", "Juvenile Accompanied"})
        .Row({"4", "JN", "Juvenile No Longer"})
        .Row({"5", "UAC", "Unaccompanied Alien Child"})
        .Row({"6", "AJ", "Accompanied Juvenile"});
    IMMSTATS_RETURN_IF_ERROR(w.Write(dir, files));
  }
  return Status::Ok();
}

}  // namespace immstats::synth
