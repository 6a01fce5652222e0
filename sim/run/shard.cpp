#include "sim/run/shard.hpp"

#include <charconv>

#include "sim/errors.hpp"

namespace alignsim::sim {
namespace {

bool parse_size(const std::string& text, std::size_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

}  // namespace

ShardSpec ShardSpec::parse(const std::string& text) {
  const std::size_t slash = text.find('/');
  ShardSpec shard;
  if (slash == std::string::npos || !parse_size(text.substr(0, slash), shard.index) ||
      !parse_size(text.substr(slash + 1), shard.count) || shard.count == 0 || shard.index >= shard.count) {
    throw UsageError("--shard '" + text + "': expected I/N with 0 <= I < N, e.g. --shard 0/4 (Slurm: " +
                     "--shard ${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT})");
  }
  return shard;
}

}  // namespace alignsim::sim
