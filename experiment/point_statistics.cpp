#include "experiment/point_statistics.hpp"

#include <algorithm>

#include "experiment/variant_statistics.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {
namespace {

// Points per block: about 1 MiB of read-back values of one metric, and about 1 MiB of
// table rows of all metrics together.
std::size_t points_per_block(std::size_t replicates, std::size_t cells_per_point) {
  constexpr std::size_t kDoubles = std::size_t{1} << 17;
  return std::max<std::size_t>(1, std::min(kDoubles / std::max<std::size_t>(1, replicates),
                                           kDoubles / std::max<std::size_t>(1, cells_per_point)));
}

}  // namespace

std::vector<std::vector<double>> write_point_statistics(sim::ResultsFile& results,
                                                        const std::vector<sim::MetricSpec>& metrics,
                                                        std::size_t points, std::size_t replicates,
                                                        const std::vector<std::size_t>& outputs) {
  const auto& columns = VariantStatistics::statistics_columns();
  results.create_table("statistics", columns, "statistic", metrics);
  std::vector<std::vector<double>> means(outputs.size());
  const std::size_t block = points_per_block(replicates, metrics.size() * columns.size());
  for (std::size_t first = 0; first < points; first += block) {
    const std::size_t count = std::min(block, points - first);
    std::vector<std::vector<double>> rows(metrics.size());
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      const std::vector<double> values = results.read_summary(m, first, count);
      for (std::size_t p = 0; p < count; ++p) {
        sim::RunningMoments moments;
        for (std::size_t r = 0; r < replicates; ++r) moments.add(values[p * replicates + r]);
        const auto ci = sim::clipped_to(sim::mean_confidence_interval(moments), metrics[m].lowest, metrics[m].highest);
        rows[m].insert(rows[m].end(), {moments.mean(), moments.sd(), ci.low, ci.high,
                                       static_cast<double>(moments.count()), static_cast<double>(moments.missing())});
        const auto output = std::find(outputs.begin(), outputs.end(), m);
        if (output != outputs.end()) means[static_cast<std::size_t>(output - outputs.begin())].push_back(moments.mean());
      }
    }
    results.write_table_rows("statistics", first, rows);
  }
  return means;
}

}  // namespace alignsim::experiment
