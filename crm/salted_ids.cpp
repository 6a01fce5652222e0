#include "crm/salted_ids.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

std::uint64_t word(const std::uint8_t* p) {
  std::uint64_t w = 0;
  for (int i = 7; i >= 0; --i) w = (w << 8U) | p[i];
  return w;
}

struct SipState {
  std::uint64_t v0, v1, v2, v3;
  void round() {
    v0 += v1, v1 = rotl(v1, 13), v1 ^= v0, v0 = rotl(v0, 32);
    v2 += v3, v3 = rotl(v3, 16), v3 ^= v2;
    v0 += v3, v3 = rotl(v3, 21), v3 ^= v0;
    v2 += v1, v1 = rotl(v1, 17), v1 ^= v2, v2 = rotl(v2, 32);
  }
  void absorb(std::uint64_t m) {
    v3 ^= m;
    round(), round();
    v0 ^= m;
  }
};

std::array<std::uint8_t, 16> read_or_make_salt(const std::filesystem::path& path) {
  std::array<std::uint8_t, 16> salt{};
  const int existing = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (existing >= 0) {
    // One byte more than a salt, so a longer file is seen as one.
    std::array<std::uint8_t, 17> read_bytes{};
    const ssize_t got = read(existing, read_bytes.data(), read_bytes.size());
    close(existing);
    if (got != static_cast<ssize_t>(salt.size())) throw OutputError(sim::quoted(path) + " is not a 16-byte salt");
    std::copy_n(read_bytes.begin(), salt.size(), salt.begin());
    return salt;
  }
  if (errno != ENOENT) throw OutputError("cannot read " + sim::quoted(path) + ": " + sim::errno_text(errno));
  if (getrandom(salt.data(), salt.size(), 0) != static_cast<ssize_t>(salt.size())) {
    throw OutputError("cannot draw a random salt: " + sim::errno_text(errno));
  }
  const int made = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (made < 0) throw OutputError("cannot create " + sim::quoted(path) + ": " + sim::errno_text(errno));
  const bool written = write(made, salt.data(), salt.size()) == static_cast<ssize_t>(salt.size()) && fsync(made) == 0;
  close(made);
  if (!written) throw OutputError("cannot write " + sim::quoted(path));
  return salt;
}

}  // namespace

std::uint64_t siphash24(const std::array<std::uint8_t, 16>& key, const std::string& data) noexcept {
  const std::uint64_t k0 = word(key.data()), k1 = word(key.data() + 8);
  SipState s{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL,
             k1 ^ 0x7465646279746573ULL};
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
  const std::size_t n = data.size(), whole = n - n % 8;
  for (std::size_t i = 0; i < whole; i += 8) s.absorb(word(bytes + i));
  std::uint64_t last = static_cast<std::uint64_t>(n & 0xFFU) << 56U;
  for (std::size_t i = whole; i < n; ++i) last |= static_cast<std::uint64_t>(bytes[i]) << (8 * (i - whole));
  s.absorb(last);
  s.v2 ^= 0xFF;
  for (int r = 0; r < 4; ++r) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

SaltedIds::SaltedIds(const std::filesystem::path& output_dir) : salt_(read_or_make_salt(output_dir / ".ingest-salt")) {}

std::string SaltedIds::label(const std::string& prefix, const std::string& id) const {
  char text[24];
  std::snprintf(text, sizeof text, "%012llx", static_cast<unsigned long long>(siphash24(salt_, id) >> 16U));
  return prefix + text;
}

}  // namespace alignsim::crm
