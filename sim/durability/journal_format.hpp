#pragma once
// The run journal's byte layout, shared by its writer (run_journal.cpp) and its reader
// (journal_scan.cpp); run_journal.hpp describes it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/durability/checksum.hpp"

namespace alignsim::sim::journal_format {

inline constexpr char kMagic[8] = {'A', 'S', 'J', 'R', 'N', 'L', '0', '1'};
inline constexpr std::uint32_t kMaxIdentityBytes = 1U << 24;
inline constexpr std::uint32_t kRecordMagic = 0x52554E31;  // "1NUR" little-endian: a run record
inline constexpr std::size_t kFrameBytes = 4 + 4;          // magic, payload length
inline constexpr std::size_t kChecksumBytes = 8;

// Thread-safe (pure): covers the length field and the payload.
[[nodiscard]] inline std::uint64_t record_checksum(std::uint32_t length, std::string_view payload) noexcept {
  return fnv1a64(payload, fnv1a64(std::string_view(reinterpret_cast<const char*>(&length), sizeof length)));
}

}  // namespace alignsim::sim::journal_format
