// SliceScan: filter masks per dictionary entry, group keys, and row layout for court queries.
#include "query/scan.h"

#include <algorithm>

#include "base/civil_date.h"

namespace immstats::query {

namespace {

std::string FormatMonth(int64_t yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(yyyymm / 100), static_cast<int>(yyyymm % 100));
  return buf;
}

std::vector<std::string> One(const std::string& v) { return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v}; }

}  // namespace

Status SliceScan::Load(const store::TableReader& t, uint64_t lo, uint64_t hi, const Filters& f, const std::vector<Dim>& by,
                       const ScanColumns& columns, const int32_t* dates) {
  f_ = &f;
  by_ = by;
  dates_ = dates;
  auto wants = [&](Dim d) { return std::find(by.begin(), by.end(), d) != by.end(); };
  by_nat_ = wants(Dim::kNationality);
  comparison_ = !f.nationalities.empty();
  label_nat_ = comparison_ && !by_nat_;
  if (by_nat_ || comparison_) {
    // One column with the fallback already applied (spec 6.2: the chosen table's NAT, else the other's).
    IMMSTATS_RETURN_IF_ERROR(nat_.Load(t, columns.nationality_from_proceeding ? "nationality_by_proceeding" : "nationality",
                                       lo, hi, f.nationalities));
  }
  if (wants(Dim::kCourt) || !f.courts.empty()) IMMSTATS_RETURN_IF_ERROR(court_.Load(t, "court", lo, hi, f.courts));
  if (wants(Dim::kJudge) || !f.judges.empty()) {
    IMMSTATS_RETURN_IF_ERROR(judge_.Load(t, columns.judge_from_last_hearing ? "judge_last_hearing" : "judge", lo, hi,
                                         f.judges, &f.judge_aliases));
  }
  if (wants(Dim::kHearingLocation) || !f.hearing_locations.empty()) {
    IMMSTATS_RETURN_IF_ERROR(hloc_.Load(t, "hearing_loc", lo, hi, f.hearing_locations));
  }
  if (wants(Dim::kCustody) || !f.custody.empty()) IMMSTATS_RETURN_IF_ERROR(custody_.Load(t, "custody", lo, hi, One(f.custody)));
  if (wants(Dim::kCaseType) || !f.case_types.empty()) IMMSTATS_RETURN_IF_ERROR(case_type_.Load(t, "case_type", lo, hi, f.case_types));
  if (wants(Dim::kAsylumType) || !f.asylum_type.empty()) {
    IMMSTATS_RETURN_IF_ERROR(asy_type_.Load(t, "asylum_type", lo, hi, One(f.asylum_type)));
  }
  if (wants(Dim::kRepresented) || f.represented) IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s(columns.represented, &represented_, lo, hi));
  if ((wants(Dim::kFy) || wants(Dim::kMonth)) && dates == nullptr && hi > lo) {
    return Status::InvalidArgument("this query has no dates to group by fy or month: group by another dimension");
  }
  // Nationality ids over both columns' dictionaries, by value.
  if (nat_.loaded()) {
    std::map<std::string, uint32_t> ids;
    auto map_dict = [&](const CodeColumn& c, std::vector<uint32_t>* out) {
      for (const auto& v : c.Dictionary()) {
        auto [it, fresh] = ids.emplace(v, static_cast<uint32_t>(nat_values_.size()));
        if (fresh) nat_values_.push_back(v);
        out->push_back(it->second);
      }
    };
    map_dict(nat_, &nat_map_);
  }
  // Values per dimension; the last value of each stands for "none recorded" (and, for nationality, the one
  // before it for ALL).
  cells_ = 1;
  for (size_t d = 0; d < by_.size(); ++d) {
    uint64_t card = 1;
    switch (by_[d]) {
      case Dim::kNationality: card = nat_values_.size() + 2; nat_slot_ = d; break;
      case Dim::kCourt: card = court_.Dictionary().size() + 1; break;
      case Dim::kJudge: card = judge_.Dictionary().size() + 1; break;
      case Dim::kHearingLocation: card = hloc_.Dictionary().size() + 1; break;
      case Dim::kCustody: card = custody_.Dictionary().size() + 1; break;
      case Dim::kCaseType: card = case_type_.Dictionary().size() + 1; break;
      case Dim::kAsylumType: card = asy_type_.Dictionary().size() + 1; break;
      case Dim::kRepresented: card = 2; break;
      case Dim::kFy:
      case Dim::kMonth: {
        if (hi <= lo) break;
        int32_t first = dates[0], last = dates[0];
        for (uint64_t r = 0; r < hi - lo; ++r) {
          first = std::min(first, dates[r]);
          last = std::max(last, dates[r]);
        }
        auto index = [&](int32_t day) -> int64_t {
          if (by_[d] == Dim::kFy) return base::FiscalYearOf(day);
          const auto c = base::CivilFromDays(day);
          return int64_t{c.year} * 12 + c.month - 1;
        };
        int64_t& base = time_base_[by_[d] == Dim::kFy ? 0 : 1];
        base = index(first);
        card = static_cast<uint64_t>(index(last) - base + 1);
        break;
      }
    }
    card_[d] = card;
    stride_[d] = cells_;
    cells_ *= card;
    if (cells_ > (uint64_t{1} << 56)) return Status::InvalidArgument("too many --by dimensions for one query");
  }
  return Status::Ok();
}

bool SliceScan::Passes(size_t r) const {
  return !((court_.loaded() && !court_.Passes(r)) || (judge_.loaded() && !judge_.Passes(r)) ||
           (hloc_.loaded() && !hloc_.Passes(r)) || (custody_.loaded() && !custody_.Passes(r)) ||
           (case_type_.loaded() && !case_type_.Passes(r)) || (asy_type_.loaded() && !asy_type_.Passes(r)) ||
           (f_->represented && (represented_[r] != 0) != *f_->represented));
}

uint64_t SliceScan::Cell(size_t r, bool* nat_ok, uint64_t* comparison_cell, Periods* periods) const {
  *nat_ok = true;
  uint64_t nat_value = nat_values_.size();  // none recorded
  if (nat_.loaded()) {
    const uint32_t code = nat_.Code(r);
    if (code != store::kNullCode) nat_value = nat_map_[code];
    *nat_ok = !comparison_ || nat_.Passes(r);
  }
  auto dict_value = [](const CodeColumn& c, size_t row) {
    const uint32_t code = c.Code(row);
    return code == store::kNullCode ? c.Dictionary().size() : code;
  };
  uint64_t cell = 0, nat_part = 0;
  for (size_t d = 0; d < by_.size(); ++d) {
    uint64_t v = 0;
    switch (by_[d]) {
      case Dim::kNationality: v = nat_value; nat_part = v * stride_[d]; break;
      case Dim::kCourt: v = dict_value(court_, r); break;
      case Dim::kJudge: v = dict_value(judge_, r); break;
      case Dim::kHearingLocation: v = dict_value(hloc_, r); break;
      case Dim::kCustody: v = dict_value(custody_, r); break;
      case Dim::kCaseType: v = dict_value(case_type_, r); break;
      case Dim::kAsylumType: v = dict_value(asy_type_, r); break;
      case Dim::kRepresented: v = represented_[r] != 0; break;
      case Dim::kFy:
      case Dim::kMonth: {
        // Rows come in date order: the period of the previous row usually holds this one too.
        Period& p = (*periods)[by_[d] == Dim::kFy ? 0 : 1];
        const int32_t day = dates_[r];
        if (day < p.first || day > p.last) {
          if (by_[d] == Dim::kFy) {
            const int fy = base::FiscalYearOf(day);
            p = {base::FiscalYearStart(fy), base::FiscalYearStart(fy + 1) - 1, fy};
          } else {
            const auto c = base::CivilFromDays(day);
            p = {base::DaysFromCivil(c.year, c.month, 1),
                 base::DaysFromCivil(c.month == 12 ? c.year + 1 : c.year, c.month == 12 ? 1 : c.month + 1, 1) - 1,
                 int64_t{c.year} * 12 + c.month - 1};
          }
        }
        v = static_cast<uint64_t>(p.index - time_base_[by_[d] == Dim::kFy ? 0 : 1]);
        break;
      }
    }
    cell += v * stride_[d];
  }
  *comparison_cell = cell;
  if (nat_slot_ < kMaxDims) *comparison_cell = cell - nat_part + (nat_values_.size() + 1) * stride_[nat_slot_];
  return cell;
}

GroupKey SliceScan::KeyOf(uint64_t cell) const {
  GroupKey key{};
  key.fill(0);
  for (size_t d = 0; d < by_.size(); ++d) {
    const uint64_t v = cell / stride_[d] % card_[d];
    const bool none = v == card_[d] - 1;
    switch (by_[d]) {
      case Dim::kNationality:
        key[d] = v == nat_values_.size() + 1 ? kAllNationalities : v == nat_values_.size() ? -1 : static_cast<int64_t>(v);
        break;
      case Dim::kRepresented: key[d] = static_cast<int64_t>(v); break;
      case Dim::kFy: key[d] = time_base_[0] + static_cast<int64_t>(v); break;
      case Dim::kMonth: {
        const int64_t m = time_base_[1] + static_cast<int64_t>(v);
        key[d] = m / 12 * 100 + m % 12 + 1;
        break;
      }
      default: key[d] = none ? -1 : static_cast<int64_t>(v); break;
    }
  }
  return key;
}

void SliceScan::AddColumns(const Names& names, ResultTable* out) {
  nat_label_.clear();
  nat_label_name_.clear();
  for (const auto& code : f_->nationalities) {
    nat_label_ += (nat_label_.empty() ? "" : "+") + code;
    nat_label_name_ += (nat_label_name_.empty() ? "" : " + ") + names.Name(CodeKind::kNationality, code);
  }
  if (label_nat_) {
    out->columns.insert(out->columns.end(), {"nationality", "nationality_name"});
    out->table_columns.insert(out->table_columns.end(), {"nationality", "nationality_name"});
  }
  AppendDimColumns(by_, &out->columns, &out->table_columns);
  // Pseudo courts (BIA, CIJ, HDQ, OIT, OIN, RIC) and pseudo judges are shown but flagged: not for rankings.
  pseudo_column_ = std::find(by_.begin(), by_.end(), Dim::kCourt) != by_.end() ||
                   std::find(by_.begin(), by_.end(), Dim::kJudge) != by_.end();
  if (pseudo_column_) {
    out->columns.emplace_back("not_ranked");
    out->table_columns.emplace_back("not_ranked");
  }
  if (comparison_) out->columns.emplace_back("comparison");
}

void SliceScan::RowPrefix(const Names& names, const GroupKey& key, bool is_comparison, std::vector<Value>* row,
                          std::string* sort_key) const {
  *sort_key = is_comparison ? "1" : "0";
  if (label_nat_) {
    row->push_back(Value::Text(is_comparison ? "ALL" : nat_label_));
    row->push_back(Value::Text(is_comparison ? "All nationalities" : nat_label_name_));
  }
  for (size_t d = 0; d < by_.size(); ++d) {
    const int64_t v = key[d];
    auto code_and_name = [&](CodeKind kind, const std::string& code) {
      if (code.empty()) {
        row->insert(row->end(), {Value::Null(), Value::Text("(none recorded)")});
        return;
      }
      row->insert(row->end(), {Value::Text(code), Value::Text(names.Name(kind, code))});
    };
    switch (by_[d]) {
      case Dim::kNationality:
        if (v == kAllNationalities) row->insert(row->end(), {Value::Text("ALL"), Value::Text("All nationalities")});
        else code_and_name(CodeKind::kNationality, v < 0 ? std::string() : nat_values_[static_cast<size_t>(v)]);
        break;
      case Dim::kCourt: code_and_name(CodeKind::kCourt, court_.Value(v)); break;
      case Dim::kJudge: code_and_name(CodeKind::kJudge, judge_.Value(v)); break;
      case Dim::kHearingLocation: code_and_name(CodeKind::kHearingLocation, hloc_.Value(v)); break;
      case Dim::kCaseType: code_and_name(CodeKind::kCaseType, case_type_.Value(v)); break;
      case Dim::kCustody: row->push_back(v < 0 ? Value::Null() : Value::Text(custody_.Value(v))); break;
      case Dim::kAsylumType: {
        const std::string a = asy_type_.Value(v);
        row->push_back(a == "I" ? Value::Text("affirmative") : a == "E" ? Value::Text("defensive")
                       : a.empty() ? Value::Null() : Value::Text("UNKNOWN(" + a + ")"));
        break;
      }
      case Dim::kRepresented: row->push_back(Value::Bool(v != 0)); break;
      case Dim::kFy: row->push_back(Value::Int(v)); break;
      case Dim::kMonth: row->push_back(Value::Text(FormatMonth(v))); break;
    }
  }
  if (pseudo_column_) {
    bool pseudo = false;
    for (size_t d = 0; d < by_.size(); ++d) {
      if (by_[d] == Dim::kCourt) pseudo = pseudo || names.IsPseudo(CodeKind::kCourt, court_.Value(key[d]));
      if (by_[d] == Dim::kJudge) pseudo = pseudo || names.IsPseudo(CodeKind::kJudge, judge_.Value(key[d]));
    }
    row->push_back(Value::Bool(pseudo));
  }
  for (const auto& v : *row) {
    *sort_key += (v.kind == Value::Kind::kInt ? std::to_string(1000000000 + v.i)
                  : v.kind == Value::Kind::kBool ? std::to_string(v.i) : v.text) + '\x1f';
  }
  if (comparison_) row->push_back(Value::Bool(is_comparison));
}

Result<const store::Values<int32_t>*> SortedDates::Block(uint64_t b) {
  auto it = blocks_.find(b);
  if (it == blocks_.end()) {
    store::Values<int32_t> v;
    IMMSTATS_RETURN_IF_ERROR(t_.ReadDates(column_, &v, b * store::kRowsPerBlock, (b + 1) * store::kRowsPerBlock));
    it = blocks_.emplace(b, std::move(v)).first;
  }
  return &it->second;
}

template <typename Pred>
Result<uint64_t> SortedDates::PartitionPoint(Pred before) {
  const uint64_t rows = t_.rows();
  if (rows == 0) return uint64_t{0};
  const uint64_t nblocks = (rows + store::kRowsPerBlock - 1) / store::kRowsPerBlock;
  // The first block whose last value fails the predicate holds the partition point.
  uint64_t lo = 0, hi = nblocks;
  while (lo < hi) {
    const uint64_t mid = (lo + hi) / 2;
    auto blk = Block(mid);
    if (!blk.ok()) return blk.status();
    if (before((*blk)->back())) lo = mid + 1;
    else hi = mid;
  }
  if (lo == nblocks) return rows;
  auto blk = Block(lo);
  if (!blk.ok()) return blk.status();
  const auto& v = **blk;
  return lo * store::kRowsPerBlock + static_cast<uint64_t>(std::partition_point(v.begin(), v.end(), before) - v.begin());
}

Result<uint64_t> SortedDates::DecidedEnd() {
  return PartitionPoint([](int32_t d) { return d != store::kNullDate; });
}
Result<uint64_t> SortedDates::LowerBound(int32_t day) {
  return PartitionPoint([day](int32_t d) { return d != store::kNullDate && d < day; });
}
Result<uint64_t> SortedDates::UpperBound(int32_t day) {
  return PartitionPoint([day](int32_t d) { return d != store::kNullDate && d <= day; });
}
Result<int32_t> SortedDates::At(uint64_t row) {
  auto blk = Block(row / store::kRowsPerBlock);
  if (!blk.ok()) return blk.status();
  return (**blk)[row % store::kRowsPerBlock];
}

Result<SortedDates::Rows> SortedDates::WindowRows(const Window& w) {
  Rows rows;
  auto end = DecidedEnd();
  if (!end.ok()) return end.status();
  rows.decided_end = *end;
  auto lo = w.from ? LowerBound(*w.from) : Result<uint64_t>(uint64_t{0});
  if (!lo.ok()) return lo.status();
  auto hi = w.to ? UpperBound(*w.to) : Result<uint64_t>(rows.decided_end);
  if (!hi.ok()) return hi.status();
  rows.lo = *lo;
  rows.hi = *hi;
  return rows;
}

void SortedRowsInto(std::vector<std::pair<std::string, std::vector<Value>>> rows, ResultTable* out) {
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& r : rows) out->rows.push_back(std::move(r.second));
}

}  // namespace immstats::query
