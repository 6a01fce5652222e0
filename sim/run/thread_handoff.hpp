#pragma once
// ThreadSanitizer annotations for oneTBB hand-offs.
//
// Debian's oneTBB is not built with ThreadSanitizer, so TSan cannot see the
// synchronisation TBB performs when it hands a task to a worker and when a parallel
// algorithm returns. It then reports "races" on data the caller wrote before a
// parallel_for and the workers read, or the workers wrote and the caller reads after
// it returned. These functions declare exactly those happens-before edges, which TBB
// guarantees; they compile to nothing outside TSan builds. They are not a suppression:
// a race between two tasks that overlap in time is still reported.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace alignsim::sim {

// One token per parallel algorithm invocation (any object's address).
// Call in the caller before starting, and at the end of every task body.
inline void release_handoff([[maybe_unused]] const void* token) noexcept {
#if defined(__SANITIZE_THREAD__)
  __tsan_release(const_cast<void*>(token));
#endif
}

// Call at the start of every task body, and in the caller after the algorithm returned.
inline void acquire_handoff([[maybe_unused]] const void* token) noexcept {
#if defined(__SANITIZE_THREAD__)
  __tsan_acquire(const_cast<void*>(token));
#endif
}

}  // namespace alignsim::sim
