// Citizenship resolution, windows, receipts and sorting shared by encounters, removals and flights.
#include "facts/fact_common.h"

#include "geo/countries.h"
#include "immstats/version.h"
#include "query/slice.h"

namespace immstats::facts {

Result<std::vector<std::string>> ResolveCountries(const FactRequest& r) {
  std::vector<std::string> codes;
  const geo::Countries& countries = geo::Countries::Get();
  for (const char* option : {"citizenship", "nationality"}) {
    auto it = r.filters.find(option);
    if (it == r.filters.end()) continue;
    // "China, Peoples Republic of" is one name; "Nepal,Honduras" two: split on commas only if the whole is no name.
    std::vector<std::string> values;
    for (const auto& v : it->second) {
      const bool whole = std::string(option) == "citizenship" ? countries.ResolveCitizenship(v) != nullptr
                                                              : countries.ResolveNationality(v) != nullptr;
      if (whole || v.find(',') == std::string::npos) {
        values.push_back(v);
        continue;
      }
      size_t start = 0;
      while (start <= v.size()) {
        const size_t comma = std::min(v.find(',', start), v.size());
        std::string part = v.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(0, 1);
        if (!part.empty()) values.push_back(part);
        start = comma + 1;
      }
    }
    for (const auto& v : values) {
      const geo::Country* c = std::string(option) == "citizenship" ? countries.ResolveCitizenship(v)
                                                                   : countries.ResolveNationality(v);
      if (c == nullptr) {
        std::string msg = "unknown country '" + v + "' for --" + option;
        const auto s = countries.Suggest(v);
        if (!s.empty()) {
          msg += "; did you mean ";
          for (size_t i = 0; i < s.size(); ++i) msg += (i ? ", " : "") + s[i];
          msg += "?";
        }
        msg += " (a name, an ISO code such as NP, or an EOIR nationality code)";
        return Status::InvalidArgument(msg);
      }
      if (std::find(codes.begin(), codes.end(), c->code) == codes.end()) codes.push_back(c->code);
    }
  }
  return codes;
}

Result<Months> ResolveWindow(const FactRequest& r) {
  auto w = query::MakeWindow(r.from, r.to, r.fy, r.month);
  if (!w.ok()) return w.status();
  return Months{w->from, w->to};
}

Result<Dim> FindDim(const std::vector<DimDef>& defs, const std::string& name, const std::string& family) {
  std::string n = name;
  std::replace(n.begin(), n.end(), '-', '_');
  for (const DimDef& d : defs) {
    if (n == d.name) return Dim{d.name, d.column, d.kind};
  }
  std::string list;
  for (const DimDef& d : defs) list += (list.empty() ? "" : ", ") + std::string(d.name);
  return Status::InvalidArgument("unknown dimension '" + name + "' for " + family + "; it has: " + list);
}

nlohmann::ordered_json BaseReceipt(const store::SnapshotInfo& s, const std::string& table, const std::string& definition,
                                   const AggregateResult& r) {
  nlohmann::ordered_json j;
  j["immstats_version"] = kVersion;
  j["snapshot"] = s.id;
  j["snapshot_created"] = s.created;
  j["source"] = s.source();
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& f : s.sources) j["sources"].push_back({{"name", f.name}, {"size", f.size}, {"xxh64", f.xxh64}});
  j["table"] = table;
  j["definition"] = definition;
  j["counts"] = {{"rows_read", r.rows_read}, {"rows_matched", r.rows_matched}, {"groups", r.rows.size()}};
  return j;
}

nlohmann::ordered_json QueryJson(const std::string& family, const FactRequest& r, const Months& m) {
  nlohmann::ordered_json q;
  q["family"] = family;
  q["source"] = r.source;
  q["filters"] = nlohmann::ordered_json::object();
  for (const auto& [k, v] : r.filters) q["filters"][k] = v;
  q["window"] = DescribeMonths(m.from, m.to);
  q["by"] = r.by;
  return q;
}

Status Finish(query::ResultTable* t, const FactRequest& r) {
  if (!r.sort.empty() || r.limit > 0) {
    std::string field = r.sort;
    if (field.empty()) field = t->columns.back();
    IMMSTATS_RETURN_IF_ERROR(query::SortRows(t, field, r.limit));
  }
  return Status::Ok();
}

}  // namespace immstats::facts
