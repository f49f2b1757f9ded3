// BulkArena: a reserved, huge-page-advised region handed out in order and reset when all of it is free.
#include "store/bulk_allocator.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <mutex>

namespace immstats::store {

namespace {

constexpr size_t kArenaBytes = size_t{1} << 30;      // virtual reservation; only touched pages use memory
constexpr size_t kLargestFromArena = size_t{64} << 20;  // bigger buffers (ingest's whole columns) map their own
constexpr size_t kAlign = 64;

struct Arena {
  std::mutex mu;
  bool enabled = false;
  uint8_t* base = nullptr;
  bool failed = false;
  size_t used = 0;
  size_t live = 0;
};

Arena& TheArena() {
  static Arena* a = new Arena();  // never destroyed: buffers may be freed during static destruction
  return *a;
}

size_t Rounded(size_t bytes) { return (bytes + kAlign - 1) / kAlign * kAlign; }

}  // namespace

void* BulkArena::Allocate(size_t bytes) {
#if defined(__SANITIZE_ADDRESS__)
  return nullptr;  // under AddressSanitizer every buffer gets its own checked allocation
#endif
  if (bytes == 0 || bytes > kLargestFromArena) return nullptr;
  Arena& a = TheArena();
  std::lock_guard lock(a.mu);
  if (!a.enabled) return nullptr;
  if (a.base == nullptr && !a.failed) {
    void* p = ::mmap(nullptr, kArenaBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
      a.failed = true;
      return nullptr;
    }
    ::madvise(p, kArenaBytes, MADV_HUGEPAGE);
    a.base = static_cast<uint8_t*>(p);
  }
  if (a.base == nullptr || a.used + Rounded(bytes) > kArenaBytes) return nullptr;
  void* p = a.base + a.used;
  a.used += Rounded(bytes);
  ++a.live;
  return p;
}

std::atomic<bool> BulkArena::warm_heap_{false};

void BulkArena::UseWarmHeap() {
  // Large blocks from the heap, not from their own mappings, and no trimming of the heap's top.
  ::mallopt(M_MMAP_THRESHOLD, 512 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
  warm_heap_ = true;
}

void BulkArena::Enable() {
  Arena& a = TheArena();
  std::lock_guard lock(a.mu);
  a.enabled = true;
}

bool BulkArena::Free(void* p, size_t bytes) {
  Arena& a = TheArena();
  std::lock_guard lock(a.mu);
  auto* q = static_cast<uint8_t*>(p);
  if (a.base == nullptr || q < a.base || q >= a.base + kArenaBytes) return false;
  if (q + Rounded(bytes) == a.base + a.used) a.used -= Rounded(bytes);  // the last one out: reuse its space
  if (--a.live == 0) a.used = 0;  // everything returned: start over (pages stay mapped for the next query)
  return true;
}

}  // namespace immstats::store
