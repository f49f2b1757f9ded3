// Reading published files (gzip, BOM, Windows-1252), rejects files and snapshot bookkeeping for the sources.
#include "sources/source_files.h"

#include <xxhash.h>

#include <cctype>
#include <cstdio>

#include "base/civil_date.h"
#include "base/mapped_file.h"
#include "ingest/column_rules.h"
#include "ingest/ingest.h"
#include "tabular/gzip.h"

namespace immstats::sources {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      n = 1;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      n = 3;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

Result<store::SourceFileInfo> HashSourceFile(const std::filesystem::path& path) {
  auto m = base::MappedFile::Open(path);
  if (!m.ok()) return m.status();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH64(m->bytes().data(), m->bytes().size(), 0)));
  return store::SourceFileInfo{path.filename().string(), m->bytes().size(), hex};
}

Result<SourceText> ReadSourceText(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("no file at " + path.string() + ": give the file as downloaded");
  }
  SourceText out;
  out.name = path.filename().string();
  auto info = HashSourceFile(path);
  if (!info.ok()) return info.status();
  out.info = std::move(info).value();
  auto bytes = tabular::ReadFileMaybeGzip(path);
  if (!bytes.ok()) return bytes.status();
  out.text = std::move(bytes).value();
  if (out.text.rfind("\xEF\xBB\xBF", 0) == 0) out.text.erase(0, 3);
  if (!IsValidUtf8(out.text)) {
    std::string utf8;
    ingest::Cp1252ToUtf8(out.text, &utf8);
    out.text = std::move(utf8);
    out.was_cp1252 = true;
  }
  return out;
}

Result<RejectsFile> RejectsFile::Open(const std::filesystem::path& dir, const std::string& table) {
  RejectsFile r;
  const auto path = dir / (table + ".rejects.tsv");
  r.out_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*r.out_) return Status::IoError("cannot write " + path.string() + ": check the folder's permissions and free space");
  *r.out_ << "file\tline\tbyte_offset\tcolumn\tkind\treason\traw\n";
  return r;
}

void RejectsFile::Add(const std::string& file, int64_t line, uint64_t offset, std::string_view column,
                      std::string_view kind, std::string_view reason, std::string_view raw) {
  std::string escaped;
  for (char c : raw.substr(0, 4096)) {
    if (c == '\t') {
      escaped += "\\t";
    } else if (c == '\n') {
      escaped += "\\n";
    } else if (c == '\r') {
      escaped += "\\r";
    } else if (c == '\\') {
      escaped += "\\\\";
    } else {
      escaped.push_back(c);
    }
  }
  *out_ << file << '\t' << line << '\t' << offset << '\t' << column << '\t' << kind << '\t' << reason << '\t'
        << escaped << '\n';
}

void QuarantineRecord(RejectsFile* rejects, ingest::TableReconciliation* tr, const std::string& file,
                      std::string_view text, const tabular::DelimitedReader& reader, std::string_view column,
                      std::string_view kind, std::string_view reason) {
  ++tr->quarantined[std::string(kind)];
  const size_t end = std::min(text.find('\n', reader.offset()), text.size());
  rejects->Add(file, reader.line(), reader.offset(), column, kind, reason, text.substr(reader.offset(), end - reader.offset()));
}

std::string DefaultSnapshotId(const char* source) {
  // UTC date and time: several ingests of one source on one day stay distinct and sort in order.
  std::string ts = base::UtcTimestampNow();  // 2026-11-29T10:40:08Z
  std::string id = std::string(source) + "-";
  for (char c : ts) {
    if (std::isdigit(static_cast<unsigned char>(c))) id.push_back(c);
    if (c == 'T') id.push_back('-');
  }
  return id;
}

Result<store::SnapshotWriter> BeginSourceSnapshot(const SourceIngestOptions& options, const char* source,
                                                  std::string* id) {
  if (options.files.empty()) return Status::InvalidArgument("no file given: name at least one file to ingest");
  *id = options.snapshot_id.empty() ? DefaultSnapshotId(source) : options.snapshot_id;
  if (options.snapshot_id.empty()) {
    // Two ingests within one second: number the later ones.
    std::error_code ec;
    const std::string base = *id;
    for (int n = 2; std::filesystem::exists(options.store / "snapshots" / *id, ec); ++n) {
      *id = base + "-" + std::to_string(n);
    }
  }
  auto writer = store::SnapshotWriter::Begin(options.store, *id);
  if (!writer.ok()) return writer.status();
  writer->SetAttribute("source", source);
  return writer;
}

Result<SourceIngestResult> PublishSourceSnapshot(store::SnapshotWriter* writer, const std::string& store_dir,
                                                 const std::string& id, ingest::Reconciliation rec,
                                                 std::vector<std::string> unmapped) {
  writer->SetReconciliation(ingest::ReconciliationJson(rec, -1));
  IMMSTATS_RETURN_IF_ERROR(writer->Publish());
  auto info = store::Store(store_dir).Get(id);
  if (!info.ok()) return info.status();
  return SourceIngestResult{std::move(rec), std::move(info).value(), std::move(unmapped)};
}

void FiscalMonthToCalendar(int fiscal_year, int fiscal_month, int* year, int* month) {
  *month = (fiscal_month + 8) % 12 + 1;  // 1 -> 10, 3 -> 12, 4 -> 1
  *year = *month >= 10 ? fiscal_year - 1 : fiscal_year;
}

std::string SnakeCase(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

}  // namespace immstats::sources
