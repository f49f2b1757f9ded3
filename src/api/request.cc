// Request parameters, their validation, and the run of a court query from a request.
#include "api/request.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>

#include "base/civil_date.h"
#include "query/asylum.h"
#include "query/backlog.h"

namespace immstats::api {

namespace {

const std::vector<std::string>& CommonParams() {
  static const std::vector<std::string> names = {"snapshot", "nationality", "court", "judge", "hearing-location",
                                                 "case-type", "custody", "represented", "asylum-type", "by",
                                                 "format", "sort", "limit", "receipt"};
  return names;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

// "a,b" appended as two items; empty items are ignored.
void AppendList(std::vector<std::string>* out, std::string_view value) {
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    if (comma > start) out->emplace_back(value.substr(start, comma - start));
    start = comma + 1;
  }
}

template <typename T>
Status ParseNumber(std::string_view name, std::string_view value, T* out) {
  T v{};
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Status::InvalidArgument(std::string(name) + " '" + std::string(value) + "' is not a whole number");
  }
  *out = v;
  return Status::Ok();
}

Status ParseBool(std::string_view name, std::string_view value, bool* out) {
  if (value.empty() || value == "1" || value == "true" || value == "yes") {
    *out = true;
  } else if (value == "0" || value == "false" || value == "no") {
    *out = false;
  } else {
    return Status::InvalidArgument(std::string(name) + " takes 1 or 0, not '" + std::string(value) + "'");
  }
  return Status::Ok();
}

Status CheckOneOf(const char* option, const std::string& value, std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return Status::Ok();
    list += (list.empty() ? "" : " | ") + std::string(a);
  }
  return Status::InvalidArgument(std::string(option) + " takes " + list + ", not '" + value + "'");
}

Status CheckChoices(const Request& r) {
  if (r.family == Family::kAsylum) {
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("unit", r.unit, {"proceeding", "case-final"}));
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("nationality-from", r.nationality_from, {"case", "proceeding"}));
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("judge-from", r.judge_from, {"proceeding", "last-hearing"}));
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("cat-only", r.cat_only, {"deny", "other"}));
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("codes", r.codes, {"ASYL", "ASYL,ASYW,WCAT"}));
  } else if (r.family == Family::kBacklog) {
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("start", r.start, {"input", "osc"}));
  } else {
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("start", r.start, {"input", "osc", "case", "application"}));
    IMMSTATS_RETURN_IF_ERROR(CheckOneOf("universe", r.universe, {"trac", "completed"}));
  }
  return Status::Ok();
}

Result<query::OutputFormat> ParseFormat(std::string_view text) {
  if (text == "table") return query::OutputFormat::kTable;
  if (text == "csv") return query::OutputFormat::kCsv;
  if (text == "json") return query::OutputFormat::kJson;
  return Status::InvalidArgument("format takes table | csv | json, not '" + std::string(text) + "'");
}

Result<query::ResultTable> RunFamily(const LoadedSnapshot& s, const Request& r, const query::Filters& filters,
                                     const query::Window& window, const std::vector<query::Dim>& by) {
  switch (r.family) {
    case Family::kAsylum: {
      query::AsylumOptions o;
      o.filters = filters;
      o.window = window;
      o.by = by;
      auto defs = query::ParseDefinitions(r.definition);
      if (!defs.ok()) return defs.status();
      o.definitions = *defs;
      o.asylum_family = r.codes != "ASYL";
      o.case_final = r.unit == "case-final";
      o.nationality_from_proceeding = r.nationality_from == "proceeding";
      o.judge_from_last_hearing = r.judge_from == "last-hearing";
      o.cat_only_is_denial = r.cat_only == "deny";
      o.min_decisions = r.min_decisions;
      o.receipt = r.receipt;
      return query::RunAsylum(s.info, s.names, o);
    }
    case Family::kBacklog: {
      query::BacklogOptions o;
      o.filters = filters;
      o.by = by;
      o.start_osc = r.start == "osc";
      o.receipt = r.receipt;
      if (!r.as_of.empty()) {
        auto d = base::ParseIsoDate(r.as_of);
        if (!d) return Status::InvalidArgument("as-of '" + r.as_of + "' is not a date: write YYYY-MM-DD");
        o.as_of = *d;
      }
      return query::RunBacklog(s.info, s.names, o);
    }
    case Family::kWaitTimes: {
      query::WaitTimeOptions o;
      o.filters = filters;
      o.window = window;
      o.by = by;
      o.start = r.start == "osc" ? query::WaitStart::kOsc : r.start == "case" ? query::WaitStart::kCase
                : r.start == "application" ? query::WaitStart::kApplication : query::WaitStart::kInput;
      o.all_completed = r.universe == "completed";
      o.receipt = r.receipt;
      return query::RunWaitTimes(s.info, s.names, o);
    }
  }
  return Status::Internal("unknown query family");
}

}  // namespace

const char* FamilyName(Family f) {
  switch (f) {
    case Family::kAsylum: return "asylum";
    case Family::kBacklog: return "backlog";
    case Family::kWaitTimes: return "wait-times";
  }
  return "?";
}

std::vector<std::string> ParamNames(Family f) {
  std::vector<std::string> names = CommonParams();
  const auto add = [&names](std::initializer_list<const char*> more) { names.insert(names.end(), more.begin(), more.end()); };
  switch (f) {
    case Family::kAsylum:
      add({"from", "to", "fy", "month", "definition", "codes", "unit", "nationality-from", "judge-from", "cat-only",
           "min-decisions"});
      break;
    case Family::kBacklog:
      add({"as-of", "start"});
      break;
    case Family::kWaitTimes:
      add({"from", "to", "fy", "month", "start", "universe"});
      break;
  }
  return names;
}

Status SetParam(Request* r, std::string_view raw_name, std::string_view value) {
  std::string name(raw_name);
  std::replace(name.begin(), name.end(), '_', '-');
  const auto accepted = ParamNames(r->family);
  if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
    return Status::InvalidArgument("unknown parameter '" + std::string(raw_name) + "': " + FamilyName(r->family) +
                                   " takes " + Joined(accepted));
  }
  auto& t = r->typed;
  if (name == "snapshot") r->snapshot = value;
  else if (name == "nationality") AppendList(&t.nationalities, value);
  else if (name == "court") AppendList(&t.courts, value);
  else if (name == "judge") AppendList(&t.judges, value);
  else if (name == "hearing-location") AppendList(&t.hearing_locations, value);
  else if (name == "case-type") AppendList(&t.case_types, value);
  else if (name == "custody") t.custody = value;
  else if (name == "represented") t.represented = value;
  else if (name == "asylum-type") t.asylum_type = value;
  else if (name == "by") AppendList(&r->by, value);
  else if (name == "format") r->format = value;
  else if (name == "sort") r->sort = value;
  else if (name == "limit") return ParseNumber(name, value, &r->limit);
  else if (name == "receipt") return ParseBool(name, value, &r->receipt);
  else if (name == "from") r->from = value;
  else if (name == "to") r->to = value;
  else if (name == "fy") return ParseNumber(name, value, &r->fy);
  else if (name == "month") r->month = value;
  else if (name == "as-of") r->as_of = value;
  else if (name == "definition") r->definition = value;
  else if (name == "codes") r->codes = value;
  else if (name == "unit") r->unit = value;
  else if (name == "nationality-from") r->nationality_from = value;
  else if (name == "judge-from") r->judge_from = value;
  else if (name == "cat-only") r->cat_only = value;
  else if (name == "min-decisions") return ParseNumber(name, value, &r->min_decisions);
  else if (name == "start") r->start = value;
  else if (name == "universe") r->universe = value;
  return Status::Ok();
}

Result<std::shared_ptr<const LoadedSnapshot>> LoadSnapshot(const std::filesystem::path& store_dir, const std::string& id) {
  const store::Store s(store_dir);
  auto snap = s.Get(id);
  if (!snap.ok()) return snap.status();
  auto names = query::Names::Load(*snap);
  if (!names.ok()) return names.status();
  auto loaded = std::make_shared<LoadedSnapshot>();
  loaded->info = std::move(snap).value();
  loaded->names = std::move(names).value();
  return std::shared_ptr<const LoadedSnapshot>(std::move(loaded));
}

Result<query::ResultTable> Run(const LoadedSnapshot& s, const Request& r) {
  IMMSTATS_RETURN_IF_ERROR(CheckChoices(r));
  auto filters = query::ResolveFilters(s.names, r.typed);
  if (!filters.ok()) return filters.status();
  auto window = query::MakeWindow(r.from, r.to, r.fy, r.month);
  if (!window.ok()) return window.status();
  std::vector<query::Dim> by;
  for (const auto& b : r.by) {
    auto d = query::ParseDim(b);
    if (!d.ok()) return d.status();
    if (std::find(by.begin(), by.end(), *d) == by.end()) by.push_back(*d);
  }
  auto result = RunFamily(s, r, *filters, *window, by);
  if (!result.ok()) return result.status();
  IMMSTATS_RETURN_IF_ERROR(query::SortRows(&*result, r.sort, r.limit));
  return result;
}

Result<std::string> RunAndFormat(const LoadedSnapshot& snapshot, const Request& r) {
  auto format = ParseFormat(r.format);
  if (!format.ok()) return format.status();
  auto result = Run(snapshot, r);
  if (!result.ok()) return result.status();
  return query::Format(*result, *format);
}

}  // namespace immstats::api
