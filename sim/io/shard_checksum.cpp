#include "sim/io/shard_checksum.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>
#include <string_view>
#include <vector>

#include "sim/durability/atomic_file.hpp"
#include "sim/durability/checksum.hpp"
#include "sim/errors.hpp"
#include "sim/io/shard_file.hpp"

namespace alignsim::sim {
namespace {

std::uint64_t mix(std::uint64_t state, std::uint64_t value) {
  std::array<char, 8> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  return fnv1a64(std::string_view(bytes.data(), bytes.size()), state);
}

// Length first, so "ab" + "c" and "a" + "bc" differ.
std::uint64_t mix(std::uint64_t state, const std::string& text) { return fnv1a64(text, mix(state, text.size())); }

constexpr std::string_view kTrailerMagic = "alignsim";
constexpr std::size_t kTrailerBytes = 16;

// FNV-1a 64 of the first `length` bytes of `in`, read 1 MiB at a time.
std::uint64_t checksum_of(std::ifstream& in, std::uintmax_t length) {
  std::vector<char> buffer(std::size_t{1} << 20);
  std::uint64_t state = kFnvOffsetBasis;
  while (length > 0 && in) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(length, buffer.size()));
    in.read(buffer.data(), static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in.gcount());
    state = fnv1a64(std::string_view(buffer.data(), got), state);
    length -= got;
    if (got < want) break;
  }
  return state;
}

std::string trailer_for(std::uint64_t sum) {
  std::string trailer(kTrailerMagic);
  for (std::size_t i = 0; i < 8; ++i) trailer.push_back(static_cast<char>((sum >> (8 * i)) & 0xFF));
  return trailer;
}

}  // namespace

void seal_with_trailer(const std::filesystem::path& file) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  std::ifstream in(file, std::ios::binary);
  if (error || !in) throw OutputError("cannot read " + quoted(file) + " back to checksum it");
  const std::uint64_t sum = checksum_of(in, size);
  in.close();
  std::ofstream out(file, std::ios::binary | std::ios::app);
  const std::string trailer = trailer_for(sum);
  out.write(trailer.data(), static_cast<std::streamsize>(trailer.size()));
  out.close();
  if (!out) throw OutputError("cannot append the checksum to " + quoted(file) + " (disk full?)");
}

std::string trailer_problem(const std::filesystem::path& file) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  std::ifstream in(file, std::ios::binary);
  if (error || !in) return "it cannot be read";
  std::string trailer(kTrailerBytes, '\0');
  if (size >= kTrailerBytes) {
    in.seekg(static_cast<std::streamoff>(size - kTrailerBytes));
    in.read(trailer.data(), static_cast<std::streamsize>(trailer.size()));
  }
  if (size < kTrailerBytes || !in || trailer.compare(0, kTrailerMagic.size(), kTrailerMagic) != 0) {
    return "it has no checksum trailer";
  }
  in.seekg(0);
  return trailer_for(checksum_of(in, size - kTrailerBytes)) == trailer ? ""
                                                                        : "its bytes do not match the checksum at its end";
}

std::uint64_t shard_header_checksum(const ShardHeader& header, std::size_t rows) {
  std::uint64_t state = kFnvOffsetBasis;
  for (const std::string* text : {&header.identity, &header.version, &header.git_revision, &header.scenario_name,
                                  &header.scenario_yaml}) {
    state = mix(state, *text);
  }
  for (const std::size_t size : {header.index, header.count, header.entries, header.replicates, header.summary_size,
                                 header.series_size, rows}) {
    state = mix(state, static_cast<std::uint64_t>(size));
  }
  // Only when present, so shards of models without agent tables keep their checksums.
  if (header.agents_size > 0) state = mix(state, static_cast<std::uint64_t>(header.agents_size));
  return state;
}

std::uint64_t shard_rows_checksum(const ShardRows& rows) {
  std::uint64_t state = mix(kFnvOffsetBasis, static_cast<std::uint64_t>(rows.count));
  for (const std::int64_t run : rows.runs) state = mix(state, static_cast<std::uint64_t>(run));
  for (const double value : rows.summary) state = mix(state, std::bit_cast<std::uint64_t>(value));
  for (const double value : rows.series) state = mix(state, std::bit_cast<std::uint64_t>(value));
  for (const double value : rows.agents) state = mix(state, std::bit_cast<std::uint64_t>(value));
  for (const std::string& error : rows.errors) state = mix(state, error);
  return state;
}

}  // namespace alignsim::sim
