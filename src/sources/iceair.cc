// ICE Air files into `iceair.legs` (one row per day, leg and kind, with passengers and both airports' countries),
// `iceair.airports` (every airport dictionary merged) and `iceair.mission_stops` (mission id -> stops).
#include <algorithm>
#include <map>
#include <set>

#include "base/civil_date.h"
#include "geo/countries.h"
#include "sources/fact_table.h"
#include "sources/sources.h"
#include "tabular/delimited.h"

namespace immstats::sources {
namespace {

struct Airport {
  std::map<std::string, std::string> fields;  // name, city, state, country, latitude, longitude
  int priority = 99;                          // lower wins: yaml dictionaries, then CSV lists, then the global database
};

struct Leg {
  std::string file, kind, pickup, dropoff;
  int64_t line = 0, passengers = 0;
  int32_t day = 0;
};

struct Stop {
  std::string mission, role, airport;
  int64_t seq = 0;
};

// YAML values as these files write them: quoted or plain; ".nan" and "" mean missing.
std::string YamlValue(std::string_view v) {
  std::string s = tabular::TrimField(v);
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  if (s == ".nan" || s == "nan" || s == "null" || s == "~") return {};
  return s;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    pos = end + 1;
  }
  return out;
}

std::string FieldKey(std::string_view yaml_key) {
  const std::string k = tabular::TrimField(yaml_key);
  if (k == "AirportName") return "name";
  if (k == "City") return "city";
  if (k == "State") return "state";
  if (k == "Country") return "country";
  if (k == "LatitudeDecimalDegrees" || k == "Latitude") return "latitude";
  if (k == "LongitudeDecimalDegrees" || k == "Longitude") return "longitude";
  return {};
}

class IceAirIngest {
 public:
  explicit IceAirIngest(RejectsFile* rejects) : rejects_(rejects) {}

  Status File(const std::filesystem::path& path, const SourceText& src) {
    const auto lines = Lines(src.text);
    std::string_view first;
    for (auto l : lines) {
      if (!tabular::TrimField(l).empty() && l[0] != '#' && l != "---") {
        first = l;
        break;
      }
    }
    if (first.find("MissionDate") != std::string_view::npos && first.find("PULOC") != std::string_view::npos) {
      return LegFile(src);
    }
    if (first.find("ICAOCode|") != std::string_view::npos) return AirportTable(src, '|', 3);
    if (first.find("AirportCode") != std::string_view::npos) return AirportTable(src, ',', 2);
    if (!first.empty() && first.back() == ':') {
      const std::string stem = path.filename().string();
      if (stem.find("puloc") != std::string::npos || stem.find("PULOC") != std::string::npos) {
        return MissionStops(src, lines, "pickup");
      }
      if (stem.find("droploc") != std::string::npos || stem.find("DropLoc") != std::string::npos) {
        return MissionStops(src, lines, "dropoff");
      }
      return AirportDict(src, lines);
    }
    return Status::InvalidArgument(src.name + ", line 1: not an ICE Air file immstats knows (flight legs with "
                                   "MissionDate,R-T,PULOC,DropLoc,AlienMasterID; an airport dictionary (YAML or CSV "
                                   "with AirportCode, or the pipe-delimited global airport database); or a mission "
                                   "stop list named pulocsdict/droplocsdict)");
  }

  Status Finish(store::SnapshotWriter* writer) {
    const geo::Countries& countries = geo::Countries::Get();
    std::map<std::string, std::string> airport_country;  // ICAO -> canonical code
    std::set<std::string> used;                          // airports of the legs and missions
    for (const Leg& leg : legs_) used.insert({leg.pickup, leg.dropoff});
    for (const Stop& s : stops_) used.insert(s.airport);
    FactTable at("iceair.airports");
    const size_t a_code = at.AddColumn("airport", FactTable::Type::kString);
    std::map<std::string, size_t> a_cols;
    for (const char* f : {"name", "city", "state", "country"}) a_cols[f] = at.AddColumn(f, FactTable::Type::kString);
    const size_t a_country = at.AddColumn("country_code", FactTable::Type::kString);
    for (const char* f : {"latitude", "longitude"}) a_cols[f] = at.AddColumn(f, FactTable::Type::kString);
    for (const auto& [code, a] : airports_) {
      at.NewRow();
      at.SetString(a_code, code);
      for (const auto& [k, v] : a.fields) {
        if (a_cols.count(k) && !v.empty()) at.SetString(a_cols[k], v);
      }
      auto it = a.fields.find("country");
      if (it != a.fields.end() && !it->second.empty()) {
        if (const geo::Country* c = countries.ByName(it->second)) {
          at.SetString(a_country, c->code);
          airport_country[code] = c->code;
        } else if (used.count(code)) {  // the global database names thousands of airports no flight used
          unmapped.insert("iceair airport " + code + ": " + it->second);
        }
      }
    }
    IMMSTATS_RETURN_IF_ERROR(at.Write(writer));

    FactTable lt("iceair.legs");
    const size_t l_file = lt.AddColumn("file", FactTable::Type::kString);
    const size_t l_line = lt.AddColumn("line", FactTable::Type::kInt);
    const size_t l_date = lt.AddColumn("date", FactTable::Type::kDate);
    const size_t l_fy = lt.AddColumn("fiscal_year", FactTable::Type::kInt);
    const size_t l_month = lt.AddColumn("month_start", FactTable::Type::kDate);
    const size_t l_kind = lt.AddColumn("kind", FactTable::Type::kString);
    const size_t l_pu = lt.AddColumn("pickup_airport", FactTable::Type::kString);
    const size_t l_do = lt.AddColumn("dropoff_airport", FactTable::Type::kString);
    const size_t l_puc = lt.AddColumn("pickup_country", FactTable::Type::kString);
    const size_t l_doc = lt.AddColumn("dropoff_country", FactTable::Type::kString);
    const size_t l_pax = lt.AddColumn("passengers", FactTable::Type::kInt);
    std::set<std::string> unknown_airports;
    for (const Leg& leg : legs_) {
      lt.NewRow();
      lt.SetString(l_file, leg.file);
      lt.SetInt(l_line, leg.line);
      lt.SetDate(l_date, leg.day);
      lt.SetInt(l_fy, base::FiscalYearOf(leg.day));
      lt.SetDate(l_month, base::FirstOfMonth(leg.day));
      lt.SetString(l_kind, leg.kind);
      lt.SetString(l_pu, leg.pickup);
      lt.SetString(l_do, leg.dropoff);
      for (const auto& [code, col] : {std::pair{leg.pickup, l_puc}, std::pair{leg.dropoff, l_doc}}) {
        auto it = airport_country.find(code);
        if (it != airport_country.end()) {
          lt.SetString(col, it->second);
        } else {
          unknown_airports.insert(code);
        }
      }
      lt.SetInt(l_pax, leg.passengers);
    }
    IMMSTATS_RETURN_IF_ERROR(lt.Write(writer));
    if (!unknown_airports.empty() && !legs_.empty()) {
      std::string list;
      for (const auto& a : unknown_airports) list += (list.empty() ? "" : " ") + a;
      rec.schema_notes.push_back(std::to_string(unknown_airports.size()) +
                                 " airport(s) of the legs have no country in the dictionaries given: " + list);
    }

    FactTable st("iceair.mission_stops");
    const size_t s_mission = st.AddColumn("mission", FactTable::Type::kString);
    const size_t s_role = st.AddColumn("role", FactTable::Type::kString);
    const size_t s_seq = st.AddColumn("stop", FactTable::Type::kInt);
    const size_t s_airport = st.AddColumn("airport", FactTable::Type::kString);
    const size_t s_country = st.AddColumn("country", FactTable::Type::kString);
    for (const Stop& s : stops_) {
      st.NewRow();
      st.SetString(s_mission, s.mission);
      st.SetString(s_role, s.role);
      st.SetInt(s_seq, s.seq);
      st.SetString(s_airport, s.airport);
      auto it = airport_country.find(s.airport);
      if (it != airport_country.end()) st.SetString(s_country, it->second);
    }
    return st.Write(writer);
  }

  ingest::Reconciliation rec;
  std::set<std::string> unmapped;

 private:
  void MergeAirport(const std::string& code, std::map<std::string, std::string> fields, int priority) {
    Airport& a = airports_[code];
    for (auto& [k, v] : fields) {
      if (v.empty()) continue;
      auto it = a.fields.find(k);
      if (it == a.fields.end() || it->second.empty() || priority < a.priority) a.fields[k] = v;
    }
    a.priority = std::min(a.priority, priority);
  }

  Status LegFile(const SourceText& src) {
    tabular::DelimitedReader reader(src.text, {','});
    std::vector<std::string> header, f;
    reader.Next(&header);
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < header.size(); ++i) col[tabular::TrimField(header[i])] = i;
    for (const char* need : {"MissionDate", "R-T", "PULOC", "DropLoc", "AlienMasterID"}) {
      if (!col.count(need)) {
        return Status::InvalidArgument(src.name + ", line 1: no '" + std::string(need) +
                                       "' column (a leg file has MissionDate, R-T, PULOC, DropLoc, AlienMasterID)");
      }
    }
    ingest::TableReconciliation tr;
    tr.name = "iceair.legs:" + src.name;
    tr.file = src.name;
    while (reader.Next(&f)) {
      if (IsBlankRecord(f)) continue;
      ++tr.read;
      auto quarantine = [&](std::string_view column, std::string_view kind, std::string_view reason) {
        QuarantineRecord(rejects_, &tr, src.name, src.text, reader, column, kind, reason);
      };
      if (f.size() != header.size()) {
        quarantine("", "short_row", "fields differ from the header");
        continue;
      }
      const auto day = base::ParseIsoDate(tabular::TrimField(f[col["MissionDate"]]));
      if (!day) {
        quarantine("MissionDate", "bad_date", "not a date YYYY-MM-DD");
        continue;
      }
      std::string pax = tabular::TrimField(f[col["AlienMasterID"]]);
      if (pax.size() > 2 && pax.compare(pax.size() - 2, 2, ".0") == 0) pax.resize(pax.size() - 2);
      if (pax.empty() || !std::all_of(pax.begin(), pax.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        quarantine("AlienMasterID", "bad_count", "not a whole number of passengers");
        continue;
      }
      Leg leg;
      leg.file = src.name;
      leg.line = reader.line();
      leg.day = *day;
      leg.kind = tabular::TrimField(f[col["R-T"]]);
      leg.pickup = tabular::TrimField(f[col["PULOC"]]);
      leg.dropoff = tabular::TrimField(f[col["DropLoc"]]);
      leg.passengers = std::stoll(pax);
      legs_.push_back(std::move(leg));
      ++tr.loaded;
    }
    tr.physical_lines = reader.line();
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  // "KIWA:" then "  AirportName: ..." lines (UWCHR's airport_dict.yaml).
  Status AirportDict(const SourceText& src, const std::vector<std::string_view>& lines) {
    ingest::TableReconciliation tr;
    tr.name = "iceair.airports:" + src.name;
    tr.file = src.name;
    std::string code;
    std::map<std::string, std::string> fields;
    auto flush = [&] {
      if (!code.empty()) {
        MergeAirport(code, fields, 0);
        ++tr.read;
        ++tr.loaded;
      }
      fields.clear();
    };
    for (auto l : lines) {
      if (l.empty() || l[0] == '#' || l == "---") continue;
      if (l[0] != ' ') {
        flush();
        code = YamlValue(l.substr(0, l.find(':')));
        continue;
      }
      const size_t colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string key = FieldKey(l.substr(0, colon));
      if (!key.empty()) fields[key] = YamlValue(l.substr(colon + 1));
    }
    flush();
    tr.physical_lines = static_cast<int64_t>(lines.size());
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  Status AirportTable(const SourceText& src, char delimiter, int priority) {
    tabular::DelimitedReader reader(src.text, {delimiter});
    std::vector<std::string> header, f;
    reader.Next(&header);
    int code_col = -1;
    std::vector<std::pair<size_t, std::string>> keys;
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string h = tabular::TrimField(header[i]);
      if (h == "AirportCode" || h == "ICAOCode") code_col = static_cast<int>(i);
      const std::string k = FieldKey(h);
      if (!k.empty()) keys.emplace_back(i, k);
    }
    if (code_col < 0) return Status::InvalidArgument(src.name + ", line 1: no AirportCode or ICAOCode column");
    ingest::TableReconciliation tr;
    tr.name = "iceair.airports:" + src.name;
    tr.file = src.name;
    while (reader.Next(&f)) {
      if (IsBlankRecord(f)) continue;
      ++tr.read;
      if (f.size() != header.size()) {
        ++tr.quarantined["short_row"];
        rejects_->Add(src.name, reader.line(), reader.offset(), "", "short_row", "fields differ from the header", "");
        continue;
      }
      std::map<std::string, std::string> fields;
      for (const auto& [i, k] : keys) {
        std::string v = YamlValue(f[i]);
        if (v == "N/A") v.clear();
        // The global database writes names and countries in capitals: keep them, the crosswalk normalises.
        fields[k] = v;
      }
      MergeAirport(tabular::TrimField(f[static_cast<size_t>(code_col)]), std::move(fields), priority);
      ++tr.loaded;
    }
    tr.physical_lines = reader.line();
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  // "47112:" then "- KMIA" lines: the mission's pickup or dropoff airports in order.
  Status MissionStops(const SourceText& src, const std::vector<std::string_view>& lines, const char* role) {
    ingest::TableReconciliation tr;
    tr.name = std::string("iceair.mission_stops:") + src.name;
    tr.file = src.name;
    std::string mission;
    int64_t seq = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string l = tabular::TrimField(lines[i]);
      if (l.empty() || l[0] == '#' || l == "---") continue;
      if (l[0] == '-') {
        if (mission.empty()) {
          ++tr.quarantined["stop_without_mission"];
          rejects_->Add(src.name, static_cast<int64_t>(i + 1), 0, "", "stop_without_mission",
                        "a stop before any mission id", l);
          continue;
        }
        stops_.push_back(Stop{mission, role, YamlValue(std::string_view(l).substr(1)), ++seq});
        ++tr.loaded;
        ++tr.read;
      } else if (l.back() == ':') {
        mission = YamlValue(std::string_view(l).substr(0, l.size() - 1));
        seq = 0;
      }
    }
    tr.physical_lines = static_cast<int64_t>(lines.size());
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  RejectsFile* rejects_;
  std::map<std::string, Airport> airports_;
  std::vector<Leg> legs_;
  std::vector<Stop> stops_;
};

}  // namespace

Result<SourceIngestResult> IngestIceAir(const SourceIngestOptions& options) {
  std::string id;
  auto writer = BeginSourceSnapshot(options, kIceAir, &id);
  if (!writer.ok()) return writer.status();
  auto rejects = RejectsFile::Open(writer->temp_dir(), "iceair");
  if (!rejects.ok()) return rejects.status();
  IceAirIngest ingest(&*rejects);
  ingest.rec.source = "iceair";
  int done = 0;
  for (const auto& path : options.files) {
    if (options.on_file) options.on_file(path.filename().string(), done, static_cast<int>(options.files.size()));
    auto src = ReadSourceText(path);
    if (!src.ok()) return src.status();
    writer->AddSource(src->info);
    IMMSTATS_RETURN_IF_ERROR(ingest.File(path, *src));
    ++done;
  }
  IMMSTATS_RETURN_IF_ERROR(ingest.Finish(&*writer));
  return PublishSourceSnapshot(&*writer, options.store.string(), id, std::move(ingest.rec),
                               std::vector<std::string>(ingest.unmapped.begin(), ingest.unmapped.end()));
}

}  // namespace immstats::sources
