#include "sim/io/shard_checksum.hpp"

#include <array>
#include <bit>
#include <string_view>

#include "sim/durability/checksum.hpp"
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

}  // namespace

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
  return state;
}

std::uint64_t shard_rows_checksum(const ShardRows& rows) {
  std::uint64_t state = mix(kFnvOffsetBasis, static_cast<std::uint64_t>(rows.count));
  for (const std::int64_t run : rows.runs) state = mix(state, static_cast<std::uint64_t>(run));
  for (const double value : rows.summary) state = mix(state, std::bit_cast<std::uint64_t>(value));
  for (const double value : rows.series) state = mix(state, std::bit_cast<std::uint64_t>(value));
  for (const std::string& error : rows.errors) state = mix(state, error);
  return state;
}

}  // namespace alignsim::sim
