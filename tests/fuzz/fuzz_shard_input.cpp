#include "tests/fuzz/fuzz_shard_input.hpp"

#include <stdexcept>

#include "sim/errors.hpp"
#include "sim/io/shard_file.hpp"
#include "tests/fuzz/fuzz_scratch.hpp"

namespace alignsim::fuzz {

void read_shard_bytes(std::string_view bytes) {
  const std::filesystem::path file = scratch_dir() / "shard.h5";
  write_file(file, bytes);
  try {
    sim::ShardReader reader(file);
    if (!reader.run_table_problem().empty()) return;  // merge stops here with a message
    reader.verify();
    const sim::ShardHeader& header = reader.header();
    for (std::size_t row = 0; row < reader.stored_rows(); ++row) {
      const sim::RunOutput run = reader.read(header.index + row * header.count);
      if (run.summary.size() != header.summary_size || run.series.size() != header.series_size) {
        throw std::logic_error("a verified shard gave a run of the wrong size");
      }
    }
  } catch (const OutputError&) {
    // Rejected with a message: the expected outcome for a damaged or foreign file.
  }
}

}  // namespace alignsim::fuzz
