// AsylumRuns: sorted runs of asylum decision records written as fixed-size rows, merged through a small heap.
#include "derive/asylum_runs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "base/file_util.h"
#include "store/column_file.h"

namespace immstats::derive {

namespace {

constexpr size_t kRowsPerRead = 8192;  // per run while merging: 768 KiB of buffer each

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads one run's rows in order, a buffer at a time.
class RunReader {
 public:
  static Result<RunReader> Open(const std::filesystem::path& path) {
    RunReader r;
    r.path_ = path;
    r.file_.reset(std::fopen(path.c_str(), "rb"));
    if (!r.file_) return Status::IoError("cannot read " + path.string() + ": " + std::strerror(errno));
    r.buffer_.resize(kRowsPerRead);
    return r;
  }
  // The next row, or null at the end of the run.
  Result<const AsylumRow*> Next() {
    if (pos_ == filled_) {
      filled_ = std::fread(buffer_.data(), sizeof(AsylumRow), buffer_.size(), file_.get());
      pos_ = 0;
      if (filled_ == 0) {
        if (std::ferror(file_.get())) return Status::IoError("cannot read " + path_.string());
        return static_cast<const AsylumRow*>(nullptr);
      }
    }
    return &buffer_[pos_++];
  }

 private:
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<AsylumRow> buffer_;
  size_t pos_ = 0, filled_ = 0;
};

}  // namespace

bool DecidedBefore(const AsylumRow& a, const AsylumRow& b) {
  const int64_t da = a.decision_date == store::kNullDate ? INT64_MAX : a.decision_date;
  const int64_t db = b.decision_date == store::kNullDate ? INT64_MAX : b.decision_date;
  return da != db ? da < db : a.idnproceeding < b.idnproceeding;
}

AsylumRuns::~AsylumRuns() { (void)base::RemoveAll(dir_); }

Status AsylumRuns::Add(std::vector<AsylumRow>* rows) {
  std::sort(rows->begin(), rows->end(), DecidedBefore);
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(dir_));
  const auto path = dir_ / ("run-" + std::to_string(files_.size()));
  auto file = base::AppendFile::Create(path);
  if (!file.ok()) return file.status();
  IMMSTATS_RETURN_IF_ERROR(file->Write(std::string_view(reinterpret_cast<const char*>(rows->data()),
                                                        rows->size() * sizeof(AsylumRow))));
  IMMSTATS_RETURN_IF_ERROR(file->Close());
  files_.push_back(path);
  rows_ += rows->size();
  return Status::Ok();
}

Status AsylumRuns::Merge(size_t batch, const std::function<Status(const std::vector<AsylumRow>&)>& emit) {
  std::vector<RunReader> readers;
  readers.reserve(files_.size());
  struct Head {
    const AsylumRow* row;
    size_t run;
  };
  std::vector<Head> heap;  // a min-heap by DecidedBefore
  auto later = [](const Head& a, const Head& b) { return DecidedBefore(*b.row, *a.row); };
  for (const auto& path : files_) {
    auto r = RunReader::Open(path);
    if (!r.ok()) return r.status();
    readers.push_back(std::move(r).value());
    auto first = readers.back().Next();
    if (!first.ok()) return first.status();
    if (*first != nullptr) heap.push_back({*first, readers.size() - 1});
  }
  std::make_heap(heap.begin(), heap.end(), later);
  std::vector<AsylumRow> out;
  out.reserve(batch);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Head& top = heap.back();
    out.push_back(*top.row);
    auto next = readers[top.run].Next();
    if (!next.ok()) return next.status();
    if (*next == nullptr) {
      heap.pop_back();
    } else {
      top.row = *next;
      std::push_heap(heap.begin(), heap.end(), later);
    }
    if (out.size() == batch) {
      IMMSTATS_RETURN_IF_ERROR(emit(out));
      out.clear();
    }
  }
  if (!out.empty()) IMMSTATS_RETURN_IF_ERROR(emit(out));
  return Status::Ok();
}

}  // namespace immstats::derive
