// An allocator for column buffers: no zero-fill on resize (the decoder writes every value), and memory from a
// process-wide arena backed by transparent huge pages, because first-touch page faults (one per 4 KiB) dominate
// short queries. The arena hands memory out in order and starts over when everything it gave is freed.
#pragma once

#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace immstats::store {

// The arena: Allocate returns nullptr when a request does not fit or the arena is off (the caller maps its own
// memory then). It suits short queries (everything freed at the end, then reused); ingest leaves it off, because
// buffers freed out of order are not reused until all are free.
class BulkArena {
 public:
  static void Enable();
  // For long-running processes that answer many queries at once (the server): every buffer comes from malloc,
  // which is told to keep freed memory, so that the next query reuses warm pages instead of faulting in new ones.
  static void UseWarmHeap();
  static bool warm_heap() { return warm_heap_.load(std::memory_order_relaxed); }
  static void* Allocate(size_t bytes);
  static bool Free(void* p, size_t bytes);  // false: not arena memory

 private:
  static std::atomic<bool> warm_heap_;
};

template <typename T>
class BulkAllocator {
 public:
  using value_type = T;
  BulkAllocator() = default;
  template <typename U>
  BulkAllocator(const BulkAllocator<U>&) noexcept {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (void* a = BulkArena::Allocate(bytes)) return static_cast<T*>(a);
    if (bytes >= kHugeThreshold && !BulkArena::warm_heap()) {
      void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) throw std::bad_alloc();
      ::madvise(p, bytes, MADV_HUGEPAGE);
      return static_cast<T*>(p);
    }
    void* p = std::malloc(bytes == 0 ? 1 : bytes);
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    const size_t bytes = n * sizeof(T);
    if (BulkArena::Free(p, bytes)) return;
    if (bytes >= kHugeThreshold && !BulkArena::warm_heap()) {
      ::munmap(p, bytes);
    } else {
      std::free(p);
    }
  }
  // Default-initialise (no zeroing) when resized without a value.
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const BulkAllocator<U>&) const noexcept { return true; }

 private:
  static constexpr size_t kHugeThreshold = size_t{1} << 20;
};

// What the table reader fills: a vector whose resize leaves values to the decoder.
template <typename T>
using Values = std::vector<T, BulkAllocator<T>>;

}  // namespace immstats::store
