// WarmCache: a map of open readers by path and file identity, and an LRU of decoded blocks by reader and block.
#include "store/warm_cache.h"

#include <sys/stat.h>

#include <atomic>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace immstats::store {

namespace {

struct FileIdentity {
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};

struct OpenReader {
  FileIdentity identity;
  std::shared_ptr<const ColumnReader> reader;
};

struct BlockKey {
  uint64_t reader;
  size_t block;
  bool operator==(const BlockKey&) const = default;
};
struct BlockKeyHash {
  size_t operator()(const BlockKey& k) const { return std::hash<uint64_t>()(k.reader * 1000003u + k.block); }
};
struct Block {
  BlockKey key;
  std::shared_ptr<const std::vector<uint8_t>> bytes;
};

struct State {
  std::atomic<bool> enabled{false};
  size_t capacity = 0;
  std::mutex mu;
  std::map<std::filesystem::path, OpenReader> readers;
  uint64_t next_id = 1;
  std::list<Block> lru;  // most recent first
  std::unordered_map<BlockKey, std::list<Block>::iterator, BlockKeyHash> blocks;
  size_t bytes = 0;
};

State& TheState() {
  static State* s = new State();  // never destroyed: readers may be used during static destruction
  return *s;
}

}  // namespace

void WarmCache::Enable(size_t block_bytes) {
  State& s = TheState();
  std::lock_guard lock(s.mu);
  s.capacity = block_bytes;
  s.enabled = true;
}

bool WarmCache::enabled() { return TheState().enabled.load(std::memory_order_relaxed); }

Result<std::shared_ptr<const ColumnReader>> WarmCache::Reader(const std::filesystem::path& path) {
  State& s = TheState();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::IoError("cannot read " + path.string() + ": the snapshot changed or was removed");
  const FileIdentity id{st.st_dev, st.st_ino, st.st_size, static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  {
    std::lock_guard lock(s.mu);
    const auto it = s.readers.find(path);
    if (it != s.readers.end() && it->second.identity == id) return it->second.reader;
  }
  auto opened = ColumnReader::Open(path);
  if (!opened.ok()) return opened.status();
  auto reader = std::make_shared<ColumnReader>(std::move(opened).value());
  std::lock_guard lock(s.mu);
  reader->cache_id_ = s.next_id++;
  s.readers[path] = OpenReader{id, reader};
  return std::shared_ptr<const ColumnReader>(std::move(reader));
}

bool WarmCache::CopyBlock(uint64_t cache_id, size_t block, void* dst, size_t bytes) {
  State& s = TheState();
  std::shared_ptr<const std::vector<uint8_t>> found;
  {
    std::lock_guard lock(s.mu);
    const auto it = s.blocks.find({cache_id, block});
    if (it == s.blocks.end()) return false;
    s.lru.splice(s.lru.begin(), s.lru, it->second);
    found = it->second->bytes;
  }
  if (found->size() > bytes) return false;
  std::memcpy(dst, found->data(), found->size());  // outside the lock: other threads copy their own blocks
  return true;
}

void WarmCache::KeepBlock(uint64_t cache_id, size_t block, const void* data, size_t bytes) {
  State& s = TheState();
  if (bytes > s.capacity / 8) return;
  const auto* p = static_cast<const uint8_t*>(data);
  auto copy = std::make_shared<const std::vector<uint8_t>>(p, p + bytes);
  std::lock_guard lock(s.mu);
  const BlockKey key{cache_id, block};
  if (s.blocks.count(key) != 0) return;
  s.lru.push_front(Block{key, std::move(copy)});
  s.blocks[key] = s.lru.begin();
  s.bytes += bytes;
  while (s.bytes > s.capacity && !s.lru.empty()) {
    s.bytes -= s.lru.back().bytes->size();
    s.blocks.erase(s.lru.back().key);
    s.lru.pop_back();
  }
}

}  // namespace immstats::store
