// xlsx parts parsed with expat while they are inflated from the zip: workbook, rels, shared strings, styles, sheets.
#include "tabular/xlsx.h"

#include <expat.h>

#include <cmath>
#include <cstring>
#include <set>

namespace immstats::tabular {
namespace {

// Local name of a possibly prefixed XML name ("x:row" -> "row").
std::string_view Local(const char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** atts, std::string_view local) {
  for (int i = 0; atts[i] != nullptr; i += 2) {
    if (Local(atts[i]) == local) return atts[i + 1];
  }
  return nullptr;
}

// Runs expat over a zip part, calling the handlers as the bytes arrive.
class XmlPass {
 public:
  virtual ~XmlPass() = default;
  virtual void Start(std::string_view el, const char** atts) = 0;
  virtual void End(std::string_view el) = 0;
  virtual void Text(std::string_view) {}

  Status Run(const zip::ZipArchive& zip, const std::filesystem::path& file, const std::string& part) {
    const zip::ZipEntry* e = zip.Find(part);
    if (e == nullptr) {
      return Status::Corruption(file.string() + ": not a complete xlsx workbook: part '" + part +
                                "' is missing (save it again from a spreadsheet program)");
    }
    XML_Parser p = XML_ParserCreate(nullptr);
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p, [](void* self, const char* el, const char** atts) { static_cast<XmlPass*>(self)->Start(Local(el), atts); },
        [](void* self, const char* el) { static_cast<XmlPass*>(self)->End(Local(el)); });
    XML_SetCharacterDataHandler(p, [](void* self, const char* s, int len) {
      static_cast<XmlPass*>(self)->Text(std::string_view(s, static_cast<size_t>(len)));
    });
    Status st = zip.Read(*e, [&](std::span<const uint8_t> chunk) {
      if (XML_Parse(p, reinterpret_cast<const char*>(chunk.data()), static_cast<int>(chunk.size()), 0) ==
          XML_STATUS_ERROR) {
        return Status::Corruption(file.string() + ", part '" + part + "': XML error at line " +
                                  std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
                                  XML_ErrorString(XML_GetErrorCode(p)));
      }
      return Status::Ok();
    });
    if (st.ok() && XML_Parse(p, nullptr, 0, 1) == XML_STATUS_ERROR) {
      st = Status::Corruption(file.string() + ", part '" + part + "': XML ends early at line " +
                              std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
                              XML_ErrorString(XML_GetErrorCode(p)));
    }
    XML_ParserFree(p);
    return st;
  }
};

class WorkbookPass : public XmlPass {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  void Start(std::string_view el, const char** atts) override {
    if (el != "sheet") return;
    const char* name = Attr(atts, "name");
    const char* rid = Attr(atts, "id");
    if (name != nullptr && rid != nullptr) sheets.emplace_back(name, rid);
  }
  void End(std::string_view) override {}
};

class RelsPass : public XmlPass {
 public:
  std::map<std::string, std::string> targets;
  void Start(std::string_view el, const char** atts) override {
    if (el != "Relationship") return;
    const char* id = Attr(atts, "Id");
    const char* target = Attr(atts, "Target");
    if (id != nullptr && target != nullptr) targets[id] = target;
  }
  void End(std::string_view) override {}
};

class SharedStringsPass : public XmlPass {
 public:
  std::vector<std::string> strings;
  void Start(std::string_view el, const char**) override {
    if (el == "si") {
      in_si_ = true;
      current_.clear();
    } else if (el == "t" && in_si_ && !in_rph_) {
      in_t_ = true;
    } else if (el == "rPh") {
      in_rph_ = true;  // phonetic runs are not part of the value
    }
  }
  void End(std::string_view el) override {
    if (el == "si") {
      strings.push_back(current_);
      in_si_ = false;
    } else if (el == "t") {
      in_t_ = false;
    } else if (el == "rPh") {
      in_rph_ = false;
    }
  }
  void Text(std::string_view s) override {
    if (in_t_) current_.append(s);
  }

 private:
  bool in_si_ = false, in_t_ = false, in_rph_ = false;
  std::string current_;
};

bool FormatCodeIsDate(std::string_view code) {
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {  // colours and conditions, except elapsed-time brackets
      const size_t end = code.find(']', i);
      if (end == std::string_view::npos) return false;
      i = end;
      continue;
    }
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'd' || l == 'm' || l == 'y') return true;
  }
  return false;
}

class StylesPass : public XmlPass {
 public:
  std::map<int, bool> custom_is_date;
  std::vector<int> xf_format;
  void Start(std::string_view el, const char** atts) override {
    if (el == "numFmt") {
      const char* id = Attr(atts, "numFmtId");
      const char* code = Attr(atts, "formatCode");
      if (id != nullptr && code != nullptr) custom_is_date[std::atoi(id)] = FormatCodeIsDate(code);
    } else if (el == "cellXfs") {
      in_xfs_ = true;
    } else if (el == "xf" && in_xfs_) {
      const char* id = Attr(atts, "numFmtId");
      xf_format.push_back(id != nullptr ? std::atoi(id) : 0);
    }
  }
  void End(std::string_view el) override {
    if (el == "cellXfs") in_xfs_ = false;
  }

 private:
  bool in_xfs_ = false;
};

class SheetPass : public XmlPass {
 public:
  SheetPass(const std::vector<std::string>& shared, const std::vector<bool>& style_is_date, Sheet* sheet)
      : shared_(shared), style_is_date_(style_is_date), sheet_(sheet) {}
  Status error;

  void Start(std::string_view el, const char** atts) override {
    if (el == "row") {
      const char* r = Attr(atts, "r");
      row_ = r != nullptr ? std::atoi(r) : row_ + 1;
      col_ = -1;
    } else if (el == "c") {
      const char* ref = Attr(atts, "r");
      int col = col_ + 1, row = row_;
      if (ref != nullptr && !ParseCellRef(ref, &col, &row)) col = col_ + 1;
      col_ = col;
      const char* t = Attr(atts, "t");
      type_ = t != nullptr ? t : "n";
      const char* s = Attr(atts, "s");
      style_ = s != nullptr ? std::atoi(s) : 0;
      value_.clear();
      has_value_ = false;
    } else if (el == "v" || (el == "t" && type_ == "inlineStr")) {
      in_value_ = true;
      has_value_ = true;
    } else if (el == "mergeCell") {
      const char* ref = Attr(atts, "ref");
      if (ref == nullptr) return;
      std::string_view r(ref);
      const size_t colon = r.find(':');
      CellRange m;
      if (colon != std::string_view::npos && ParseCellRef(r.substr(0, colon), &m.first_col, &m.first_row) &&
          ParseCellRef(r.substr(colon + 1), &m.last_col, &m.last_row)) {
        sheet_->merged.push_back(m);
      }
    }
  }
  void End(std::string_view el) override {
    if (el == "v" || el == "t") {
      in_value_ = false;
    } else if (el == "c") {
      if (has_value_) Store();
    }
  }
  void Text(std::string_view s) override {
    if (in_value_) value_.append(s);
  }

 private:
  void Store() {
    if (row_ <= 0 || col_ < 0) return;
    Cell cell;
    if (type_ == "s") {
      const long idx = std::atol(value_.c_str());
      if (idx < 0 || static_cast<size_t>(idx) >= shared_.size()) {
        if (error.ok()) error = Status::Corruption("shared string " + value_ + " does not exist");
        return;
      }
      cell.kind = Cell::Kind::kText;
      cell.text = shared_[static_cast<size_t>(idx)];
    } else if (type_ == "str" || type_ == "inlineStr") {
      cell.kind = Cell::Kind::kText;
      cell.text = value_;
    } else if (type_ == "b") {
      cell.kind = Cell::Kind::kBool;
      cell.number = value_ == "1" ? 1 : 0;
    } else if (type_ == "e") {
      cell.kind = Cell::Kind::kError;
      cell.text = value_;
    } else {
      if (value_.empty()) return;
      cell.kind = Cell::Kind::kNumber;
      cell.text = value_;
      cell.number = std::strtod(value_.c_str(), nullptr);
      cell.is_date = style_ >= 0 && static_cast<size_t>(style_) < style_is_date_.size() && style_is_date_[style_];
    }
    auto& rows = sheet_->rows;
    if (rows.size() < static_cast<size_t>(row_)) rows.resize(static_cast<size_t>(row_));
    auto& row = rows[static_cast<size_t>(row_ - 1)];
    if (row.size() <= static_cast<size_t>(col_)) row.resize(static_cast<size_t>(col_) + 1);
    row[static_cast<size_t>(col_)] = std::move(cell);
  }

  const std::vector<std::string>& shared_;
  const std::vector<bool>& style_is_date_;
  Sheet* sheet_;
  int row_ = 0, col_ = -1, style_ = 0;
  std::string type_, value_;
  bool in_value_ = false, has_value_ = false;
};

bool BuiltinFormatIsDate(int id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

std::string PartPath(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  if (target.rfind("xl/", 0) == 0) return target;
  return "xl/" + target;
}

}  // namespace

bool ParseCellRef(std::string_view ref, int* col, int* row) {
  size_t i = 0;
  int c = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  int r = 0;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
  }
  *col = c - 1;
  *row = r;
  return r > 0;
}

int32_t ExcelSerialToDays(double serial) {
  // Serial 25569 is 1970-01-01 in the 1900 date system (which counts a 29 Feb 1900 that never was).
  return static_cast<int32_t>(std::floor(serial)) - 25569;
}

std::string Sheet::Text(int row, int col) const {
  if (row <= 0 || static_cast<size_t>(row) > rows.size()) return {};
  const auto& r = rows[static_cast<size_t>(row - 1)];
  if (col < 0 || static_cast<size_t>(col) >= r.size()) return {};
  return r[static_cast<size_t>(col)].text;
}

void Sheet::FillMerged() {
  for (const CellRange& m : merged) {
    if (m.first_row <= 0 || static_cast<size_t>(m.first_row) > rows.size()) continue;
    const auto& top = rows[static_cast<size_t>(m.first_row - 1)];
    if (static_cast<size_t>(m.first_col) >= top.size()) continue;
    const Cell source = top[static_cast<size_t>(m.first_col)];
    for (int r = m.first_row; r <= m.last_row && static_cast<size_t>(r) <= rows.size(); ++r) {
      auto& row = rows[static_cast<size_t>(r - 1)];
      if (row.size() <= static_cast<size_t>(m.last_col)) row.resize(static_cast<size_t>(m.last_col) + 1);
      for (int c = m.first_col; c <= m.last_col; ++c) {
        if (row[static_cast<size_t>(c)].empty()) row[static_cast<size_t>(c)] = source;
      }
    }
  }
}

Result<Workbook> Workbook::Open(const std::filesystem::path& path) {
  auto zip = zip::ZipArchive::Open(path);
  if (!zip.ok()) {
    return Status::Corruption(path.string() + " is not an xlsx workbook (" + zip.status().message() + ")");
  }
  Workbook wb(std::move(zip).value());
  wb.path_ = path;
  WorkbookPass workbook;
  IMMSTATS_RETURN_IF_ERROR(workbook.Run(wb.zip_, path, "xl/workbook.xml"));
  RelsPass rels;
  IMMSTATS_RETURN_IF_ERROR(rels.Run(wb.zip_, path, "xl/_rels/workbook.xml.rels"));
  for (const auto& [name, rid] : workbook.sheets) {
    auto it = rels.targets.find(rid);
    if (it == rels.targets.end()) {
      return Status::Corruption(path.string() + ": sheet '" + name + "' has no part (relationship " + rid + ")");
    }
    wb.sheet_names_.push_back(name);
    wb.sheet_part_[name] = PartPath(it->second);
  }
  if (wb.zip_.Find("xl/sharedStrings.xml") != nullptr) {
    SharedStringsPass sst;
    IMMSTATS_RETURN_IF_ERROR(sst.Run(wb.zip_, path, "xl/sharedStrings.xml"));
    wb.shared_strings_ = std::move(sst.strings);
  }
  if (wb.zip_.Find("xl/styles.xml") != nullptr) {
    StylesPass styles;
    IMMSTATS_RETURN_IF_ERROR(styles.Run(wb.zip_, path, "xl/styles.xml"));
    for (int fmt : styles.xf_format) {
      auto it = styles.custom_is_date.find(fmt);
      wb.style_is_date_.push_back(it != styles.custom_is_date.end() ? it->second : BuiltinFormatIsDate(fmt));
    }
  }
  return wb;
}

bool Workbook::HasSheet(std::string_view name) const { return sheet_part_.find(name) != sheet_part_.end(); }

Result<Sheet> Workbook::ReadSheet(std::string_view name) const {
  auto it = sheet_part_.find(name);
  if (it == sheet_part_.end()) {
    std::string have;
    for (const auto& n : sheet_names_) have += (have.empty() ? "" : ", ") + ("'" + n + "'");
    return Status::NotFound(path_.string() + ": no sheet named '" + std::string(name) + "' (the workbook has " +
                            have + ")");
  }
  Sheet sheet;
  sheet.name = std::string(name);
  SheetPass pass(shared_strings_, style_is_date_, &sheet);
  IMMSTATS_RETURN_IF_ERROR(pass.Run(zip_, path_, it->second));
  if (!pass.error.ok()) {
    return Status::Corruption(path_.string() + ", sheet '" + sheet.name + "': " + pass.error.message());
  }
  return sheet;
}

}  // namespace immstats::tabular
