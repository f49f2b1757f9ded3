// Candidates per measure: the court definitions (TRAC, EOIR, EOIR legacy, TRAC outcomes), backlog and wait-time
// figures, CBP and OHSS encounters, ICE removal records and published tables, ICE Air legs and passengers.
#include "verify/candidates.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "facts/fact_request.h"
#include "geo/countries.h"

namespace immstats::verify {
namespace {

using query::ResultTable;
using query::Value;
using Row = std::vector<Value>;

bool Mentions(const claims::Claim& c, std::initializer_list<const char*> words) {
  const std::string lower = base::AsciiLower(c.sentence);
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return lower.find(w) != std::string::npos; });
}

// The claim's period as a query window: a fiscal year when it is one, else from/to (months for monthly sources).
struct Window {
  int fy = 0;
  std::string from, to;
  std::string note;     // how the period was widened to whole months
  std::string missing;  // non-empty: no window, and why
  std::string Args() const { return fy ? fmt::format("--fy {}", fy) : fmt::format("--from {} --to {}", from, to); }
};

Window WindowOf(const claims::Period& p, bool monthly) {
  Window w;
  if (!p.from || !p.to) {
    w.missing = !p.assumption.empty() ? "the period cannot be placed: " + p.assumption
                : p.text.empty()      ? "the sentence states no period (a fiscal year or months)"
                                      : "the period '" + p.text + "' has no end";
    return w;
  }
  if (p.fiscal_year != 0 && *p.from == base::FiscalYearStart(p.fiscal_year) &&
      *p.to == base::FiscalYearStart(p.fiscal_year + 1) - 1) {
    w.fy = p.fiscal_year;
    return w;
  }
  const base::CivilDate a = base::CivilFromDays(*p.from), b = base::CivilFromDays(*p.to);
  if (!monthly) {
    w.from = base::FormatIsoDate(*p.from);
    w.to = base::FormatIsoDate(*p.to);
    return w;
  }
  w.from = fmt::format("{:04}-{:02}", a.year, a.month);
  w.to = fmt::format("{:04}-{:02}", b.year, b.month);
  const bool whole = a.day == 1 && base::CivilFromDays(*p.to + 1).day == 1;
  if (!whole) w.note = "the source counts by month: checked over " + w.from + " to " + w.to + " (whole months)";
  return w;
}

size_t ColumnIndex(const ResultTable& t, std::string_view name) {
  return static_cast<size_t>(std::find(t.columns.begin(), t.columns.end(), name) - t.columns.begin());
}

// A cell as a number: counts as they are, rates as percentages.
std::optional<double> Num(const ResultTable& t, const Row& row, std::string_view column) {
  const size_t i = ColumnIndex(t, column);
  if (i >= row.size()) return std::nullopt;
  const Value& v = row[i];
  switch (v.kind) {
    case Value::Kind::kInt: return static_cast<double>(v.i);
    case Value::Kind::kRate: return 100.0 * v.d;
    case Value::Kind::kNumber: return v.d;
    default: return std::nullopt;
  }
}

std::optional<double> Sum(const ResultTable& t, const Row& row, std::initializer_list<const char*> columns) {
  double s = 0;
  for (const char* c : columns) {
    const auto v = Num(t, row, c);
    if (!v) return std::nullopt;
    s += *v;
  }
  return s;
}

std::optional<double> Ratio(std::optional<double> num, std::optional<double> den) {
  if (!num || !den || *den <= 0) return std::nullopt;
  return 100.0 * *num / *den;
}

// The subject's row and the all-nationality row of a court answer.
struct CourtRows {
  const Row* subject = nullptr;
  const Row* all = nullptr;
};
CourtRows FindRows(const ResultTable& t, bool filtered) {
  CourtRows r;
  const size_t cmp = ColumnIndex(t, "comparison");
  for (const Row& row : t.rows) {
    const bool is_comparison = cmp < row.size() && row[cmp].kind == Value::Kind::kBool && row[cmp].i != 0;
    if (is_comparison && r.all == nullptr) r.all = &row;
    if (!is_comparison && r.subject == nullptr) r.subject = &row;
  }
  if (!filtered) r.all = r.subject;
  return r;
}

// The EOIR nationality codes of the claim's subject (empty: all nationalities), or why there are none.
struct CourtSubject {
  std::vector<std::string> codes;
  std::string option;   // "--nationality HO " for the command
  std::string missing;
};
CourtSubject CourtSubjectOf(const claims::Claim& c) {
  CourtSubject s;
  if (c.subject.empty() || c.subject == "ALL") return s;
  const geo::Country* country = geo::Countries::Get().ByCode(c.subject);
  if (country == nullptr || country->eoir_codes.empty()) {
    s.missing = "EOIR has no nationality code for " + (country ? country->name : c.subject);
    return s;
  }
  s.codes = country->eoir_codes;
  for (const auto& code : s.codes) s.option += "--nationality " + code + " ";
  return s;
}

Candidate Unavailable(std::string source, std::string why) {
  Candidate c;
  c.source = std::move(source);
  c.unavailable = std::move(why);
  return c;
}

void CourtCandidates(StoreContext* ctx, const claims::Claim& claim, std::vector<Candidate>* out) {
  const std::string source = "EOIR court records";
  const CourtSubject subject = CourtSubjectOf(claim);
  if (!subject.missing.empty()) return out->push_back(Unavailable(source, subject.missing));
  auto court = ctx->Court();
  if (!court.ok()) {
    return out->push_back(Unavailable(source, court.status().message()));
  }
  api::Request r;
  r.receipt = true;
  r.typed.nationalities = subject.codes;
  std::string court_option;
  if (!claim.place.empty() && claim.place != "southwest_border" && claim.place != "northern_border") {
    r.typed.courts = {claim.place};  // resolved like --court: a code, or a name's words
    court_option = "--court '" + claim.place + "' ";
  }
  const std::string& m = claim.measure;
  std::string family_args;
  if (m == "backlog") {
    r.family = api::Family::kBacklog;
    if (claim.period.to) r.as_of = base::FormatIsoDate(*claim.period.to);
    family_args = "backlog " + subject.option + court_option + (r.as_of.empty() ? "" : "--as-of " + r.as_of + " ");
  } else {
    const Window w = WindowOf(claim.period, false);
    if (!w.missing.empty()) return out->push_back(Unavailable(source, w.missing));
    r.family = m == "wait_times" ? api::Family::kWaitTimes : api::Family::kAsylum;
    r.fy = w.fy;
    r.from = w.from;
    r.to = w.to;
    family_args = std::string(m == "wait_times" ? "wait-times " : "asylum ") + subject.option + court_option + w.Args() + " ";
  }
  auto t = api::Run(**court, r);
  if (!t.ok()) return out->push_back(Unavailable(source, t.status().message()));
  const CourtRows rows = FindRows(*t, !subject.codes.empty());
  if (rows.subject == nullptr) return out->push_back(Unavailable(source, "no records answer it in the store"));
  const Row& s = *rows.subject;
  const Row* all = rows.all;
  auto add = [&](std::string definition, std::string def_option, std::optional<double> count, std::optional<double> rate,
                 std::optional<double> num, std::optional<double> den, std::optional<double> all_count,
                 std::optional<double> all_rate) {
    Candidate c;
    c.source = source;
    c.definition = std::move(definition);
    c.count = count;
    c.rate = rate;
    c.numerator = num;
    c.denominator = den;
    c.all_count = all_count;
    c.all_rate = all_rate;
    c.command = "immstats " + family_args + def_option + "--receipt";
    c.receipt = t->receipt;
    if (r.family == api::Family::kAsylum && (!den || *den == 0) && (!count || *count == 0)) {
      c.unavailable = "no asylum decisions in the court records for that window (snapshot " + (*court)->info.id + ")";
    }
    out->push_back(std::move(c));
  };
  auto col = [&](const Row* row, const char* name) { return row ? Num(*t, *row, name) : std::nullopt; };
  auto eoir_decisions = [&](const Row* row) {
    return row ? Sum(*t, *row, {"grants_EOIR", "denials_EOIR", "other_EOIR"}) : std::nullopt;
  };
  auto legacy_decisions = [&](const Row* row) { return row ? Sum(*t, *row, {"grants_EOIR", "denials_EOIR"}) : std::nullopt; };
  const bool eoir_first = claim.attribution == "EOIR";
  const size_t first = out->size();
  if (m == "grant_rate" || m == "denial_rate") {
    const bool deny = m == "denial_rate";
    add("TRAC (grants and denials on the merits)", "--definition trac ", std::nullopt,
        col(&s, deny ? "denial_rate_TRAC" : "grant_rate_TRAC"), col(&s, deny ? "denials" : "grants"),
        col(&s, "decisions_TRAC"), col(all, "decisions_TRAC"), col(all, deny ? "denial_rate_TRAC" : "grant_rate_TRAC"));
    add("EOIR (every completion with an asylum decision code)", "--definition eoir ", std::nullopt,
        Ratio(col(&s, deny ? "denials_EOIR" : "grants_EOIR"), eoir_decisions(&s)),
        col(&s, deny ? "denials_EOIR" : "grants_EOIR"), eoir_decisions(&s), eoir_decisions(all),
        Ratio(col(all, deny ? "denials_EOIR" : "grants_EOIR"), eoir_decisions(all)));
    add("EOIR legacy (grants and denials only)", "--definition eoir-legacy ", std::nullopt,
        Ratio(col(&s, deny ? "denials_EOIR" : "grants_EOIR"), legacy_decisions(&s)),
        col(&s, deny ? "denials_EOIR" : "grants_EOIR"), legacy_decisions(&s), legacy_decisions(all),
        Ratio(col(all, deny ? "denials_EOIR" : "grants_EOIR"), legacy_decisions(all)));
    if (!deny && Mentions(claim, {"remain", "success", "relief", "allowed to stay"})) {
      add("TRAC outcomes (allowed to remain)", "--definition trac-outcomes ", std::nullopt, col(&s, "remain_rate"),
          Sum(*t, s, {"outcome_asylum_granted", "outcome_other_remain"}), col(&s, "completed_with_asylum"),
          col(all, "completed_with_asylum"), col(all, "remain_rate"));
    }
  } else if (m == "asylum_grants" || m == "asylum_denials" || m == "asylum_decisions") {
    const char* trac = m == "asylum_grants" ? "grants" : m == "asylum_denials" ? "denials" : "decisions_TRAC";
    add("TRAC", "--definition trac ", col(&s, trac), std::nullopt, std::nullopt, std::nullopt, col(all, trac), std::nullopt);
    if (m == "asylum_decisions") {
      add("EOIR (every completion with an asylum decision code)", "--definition eoir ", eoir_decisions(&s), std::nullopt,
          std::nullopt, std::nullopt, eoir_decisions(all), std::nullopt);
      add("TRAC outcomes (completed cases with an asylum application)", "--definition trac-outcomes ",
          col(&s, "completed_with_asylum"), std::nullopt, std::nullopt, std::nullopt, col(all, "completed_with_asylum"),
          std::nullopt);
    } else {
      const char* eoir = m == "asylum_grants" ? "grants_EOIR" : "denials_EOIR";
      add("EOIR", "--definition eoir ", col(&s, eoir), std::nullopt, std::nullopt, std::nullopt, col(all, eoir), std::nullopt);
    }
  } else if (m == "backlog") {
    const bool asylum_first = Mentions(claim, {"asylum"});
    const size_t before = out->size();
    add("pending cases (TRAC's backlog)", "", col(&s, "pending"), std::nullopt, std::nullopt, std::nullopt, col(all, "pending"),
        std::nullopt);
    add("pending cases with an asylum application", "", col(&s, "pending_asylum"), std::nullopt, std::nullopt,
        std::nullopt, col(all, "pending_asylum"), std::nullopt);
    if (asylum_first) std::swap((*out)[before], (*out)[before + 1]);
  } else if (m == "wait_times") {
    const bool mean_first = Mentions(claim, {"average", "mean"});
    const size_t before = out->size();
    add("median days from case start to decision", "", col(&s, "median_days"), std::nullopt, std::nullopt, std::nullopt,
        col(all, "median_days"), std::nullopt);
    add("mean days from case start to decision", "", col(&s, "mean_days"), std::nullopt, std::nullopt, std::nullopt,
        col(all, "mean_days"), std::nullopt);
    if (mean_first) std::swap((*out)[before], (*out)[before + 1]);
  }
  if (eoir_first && out->size() > first + 1 && (*out)[first + 1].definition.rfind("EOIR", 0) == 0) {
    std::swap((*out)[first], (*out)[first + 1]);
  }
}

// A non-court answer's one figure (`measure` column), or why there is none.
void FactCandidate(const Result<ResultTable>& t, const std::string& measure, Candidate* c) {
  if (!t.ok()) {
    c->unavailable = t.status().message();
    return;
  }
  c->receipt = t->receipt;
  const size_t pub = ColumnIndex(*t, "published");
  for (const Row& row : t->rows) {
    if (pub < row.size() && row[pub].kind == Value::Kind::kBool && row[pub].i == 0) {
      c->unavailable = t->notes.empty() ? "not published by this source" : t->notes.front();
      return;
    }
  }
  const auto counts = t->receipt.find("counts");
  if (t->rows.empty() || (counts != t->receipt.end() && counts->value("rows_matched", 0) == 0)) {
    c->unavailable = "no records for that period in snapshot " + t->receipt.value("snapshot", std::string("?"));
    return;
  }
  c->count = Num(*t, t->rows.front(), measure);
  if (!c->count) c->unavailable = "the answer has no " + measure + " figure";
}

void FactCandidates(StoreContext* ctx, const claims::Claim& claim, std::vector<Candidate>* out) {
  const std::string& m = claim.measure;
  const bool country = !claim.subject.empty() && claim.subject != "ALL";
  struct Plan {
    std::string family, source, label, definition;
    std::map<std::string, std::vector<std::string>> filters;
    double rounding = 0;
    bool fy_only = false;
  };
  std::vector<Plan> plans;
  std::map<std::string, std::vector<std::string>> base;
  std::string region;
  if (m == "encounters") {
    if (country) base["citizenship"] = {claim.subject};
    if (claim.place == "southwest_border") region = "southwest";
    if (claim.place == "northern_border") region = "northern";
    if (!region.empty()) base["region"] = {region};
    auto usbp = base;
    usbp["component"] = {"U.S. Border Patrol"};
    plans.push_back({"encounters", "cbp", "CBP encounter files", "all components (Border Patrol and ports of entry)", base});
    if (Mentions(claim, {"border patrol", "apprehen", "agents"})) {
      plans.push_back({"encounters", "cbp", "CBP encounter files", "U.S. Border Patrol only", usbp});
    }
    plans.push_back({"encounters", "ohss", "OHSS workbook", "Border Patrol encounters (rounded to 10)", base, 10});
    if (claim.attribution == "OHSS" || claim.attribution == "DHS") std::rotate(plans.begin(), plans.end() - 1, plans.end());
  } else if (m == "removals") {
    if (country) base["citizenship"] = {claim.subject};
    plans.push_back({"removals", "published", "ICE published removals", "ICE's table by country of citizenship", base,
                     0, true});
    plans.push_back({"removals", "records", "ICE removal records", "person-level records, the file's fiscal year", base});
  } else if (m == "flights" || m == "passengers") {
    if (country) base["country"] = {claim.subject};
    auto removal = base;
    removal["kind"] = {"removal"};
    plans.push_back({"flights", "", "ICE Air flight records", "every leg (removals and transfers)", base});
    plans.push_back({"flights", "", "ICE Air flight records", "removal legs only", removal});
    if (Mentions(claim, {"deport", "removal"})) std::swap(plans[0], plans[1]);
  }
  const Window w = WindowOf(claim.period, true);
  for (const Plan& p : plans) {
    Candidate c;
    c.source = p.label;
    c.definition = p.definition;
    c.rounding = p.rounding;
    if (!w.missing.empty()) {
      c.unavailable = w.missing;
      out->push_back(std::move(c));
      continue;
    }
    if (p.fy_only && w.fy == 0) {
      c.unavailable = "ICE publishes removals by fiscal year only";
      out->push_back(std::move(c));
      continue;
    }
    facts::FactRequest r;
    r.source = p.source;
    r.filters = p.filters;
    r.fy = w.fy;
    r.from = w.from;
    r.to = w.to;
    r.receipt = true;
    if (!w.note.empty()) c.notes.push_back(w.note);
    std::string args;
    if (!p.source.empty() && p.source != "cbp" && p.source != "records") args += "--source " + p.source + " ";
    for (const auto& [dim, values] : p.filters) {
      for (const auto& v : values) args += "--" + dim + " " + (v.find(' ') != std::string::npos ? "'" + v + "'" : v) + " ";
    }
    c.command = "immstats " + p.family + " " + args + w.Args() + " --receipt";
    const std::string measure = p.family == "encounters" ? "encounters"
                                : p.family == "removals" ? "removals"
                                : m == "passengers"      ? "passengers"
                                                         : "legs";
    if (p.family == "encounters") {
      FactCandidate(facts::RunEncounters(ctx->store(), r), measure, &c);
    } else if (p.family == "removals") {
      FactCandidate(facts::RunRemovals(ctx->store(), r), measure, &c);
    } else {
      FactCandidate(facts::RunFlights(ctx->store(), r), measure, &c);
    }
    out->push_back(std::move(c));
  }
}

}  // namespace

Result<std::shared_ptr<const api::LoadedSnapshot>> StoreContext::Court() {
  if (!court_) court_ = api::LoadSnapshot(dir_, "latest");
  return *court_;
}

std::vector<Candidate> CandidatesFor(StoreContext* ctx, const claims::Claim& claim) {
  std::vector<Candidate> out;
  const std::string& m = claim.measure;
  if (m == "grant_rate" || m == "denial_rate" || m == "asylum_grants" || m == "asylum_denials" ||
      m == "asylum_decisions" || m == "backlog" || m == "wait_times") {
    CourtCandidates(ctx, claim, &out);
  } else {
    FactCandidates(ctx, claim, &out);
  }
  return out;
}

}  // namespace immstats::verify
