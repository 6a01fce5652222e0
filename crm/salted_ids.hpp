#pragma once
// Identifiers from a CRM export, replaced by salted hashes where an output must tell
// records apart (issue 14 item 3): the ingest's per-rep table names each rep
// "rep-" + 12 hex digits of SipHash-2-4 (Aumasson & Bernstein 2012, a keyed
// pseudo-random function) of its CRM id under a secret 128-bit salt. The salt is made
// once per output directory (DIR/.ingest-salt, 16 random bytes, mode 0600) and reused, so
// an ingest rerun names the same reps the same way, while nobody without the salt can
// link a label to an id by hashing candidate ids. The salt never enters an output.
// Thread-safe after construction.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace alignsim::crm {

class SaltedIds {
 public:
  // Reads DIR/.ingest-salt, or makes it. Throws OutputError when it cannot be read or
  // made, or is not 16 bytes.
  explicit SaltedIds(const std::filesystem::path& output_dir);
  // For tests: a given salt.
  explicit SaltedIds(const std::array<std::uint8_t, 16>& salt) : salt_(salt) {}
  [[nodiscard]] std::string label(const std::string& prefix, const std::string& id) const;

 private:
  std::array<std::uint8_t, 16> salt_{};
};

// SipHash-2-4 of `data` under `key` (little-endian words, as the reference).
[[nodiscard]] std::uint64_t siphash24(const std::array<std::uint8_t, 16>& key, const std::string& data) noexcept;

}  // namespace alignsim::crm
