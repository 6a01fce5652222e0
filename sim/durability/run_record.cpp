#include "sim/durability/run_record.hpp"

#include <cstring>

#include "sim/errors.hpp"

namespace alignsim::sim {
namespace {

constexpr std::size_t kFixedBytes = 8 + 8 + 4 + 4 + 4;

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
T take(std::string_view bytes, std::size_t& at) {
  T value{};
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

std::vector<double> take_doubles(std::string_view bytes, std::size_t& at, std::size_t count) {
  std::vector<double> values(count);
  if (count > 0) std::memcpy(values.data(), bytes.data() + at, count * sizeof(double));
  at += count * sizeof(double);
  return values;
}

}  // namespace

std::string encode_run_record(std::uint64_t entry, std::uint64_t replicate, const RunOutput& output) {
  std::string out;
  out.reserve(kFixedBytes + (output.summary.size() + output.series.size() + output.agents.size()) * sizeof(double) +
              output.error.size());
  put(out, entry);
  put(out, replicate);
  put(out, static_cast<std::uint32_t>(output.summary.size()));
  put(out, static_cast<std::uint32_t>(output.series.size()));
  put(out, static_cast<std::uint32_t>(output.error.size()));
  out.append(reinterpret_cast<const char*>(output.summary.data()), output.summary.size() * sizeof(double));
  out.append(reinterpret_cast<const char*>(output.series.data()), output.series.size() * sizeof(double));
  out += output.error;
  out.append(reinterpret_cast<const char*>(output.agents.data()), output.agents.size() * sizeof(double));
  return out;
}

RunRecord decode_run_record(std::string_view bytes) {
  if (bytes.size() < kFixedBytes) throw OutputError("a run record is shorter than its header");
  std::size_t at = 0;
  RunRecord record;
  record.entry = take<std::uint64_t>(bytes, at);
  record.replicate = take<std::uint64_t>(bytes, at);
  const std::size_t summary = take<std::uint32_t>(bytes, at), series = take<std::uint32_t>(bytes, at),
                    error = take<std::uint32_t>(bytes, at);
  const std::size_t counted = kFixedBytes + (summary + series) * sizeof(double) + error;
  if (bytes.size() < counted || (bytes.size() - counted) % sizeof(double) != 0) {
    throw OutputError("a run record's length does not match its counts");
  }
  record.output.summary = take_doubles(bytes, at, summary);
  record.output.series = take_doubles(bytes, at, series);
  record.output.error.assign(bytes.substr(at, error));
  at += error;
  record.output.agents = take_doubles(bytes, at, (bytes.size() - counted) / sizeof(double));
  return record;
}

}  // namespace alignsim::sim
