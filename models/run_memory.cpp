#include "models/run_memory.hpp"

#include <algorithm>
#include <vector>

#include "models/agents.hpp"
#include "models/engagement_clock.hpp"
#include "models/mechanisms/marketers.hpp"
#include "models/metric_catalog.hpp"
#include "models/rep_ledger.hpp"

namespace alignsim::model {
namespace {

constexpr std::uint64_t kFixedBytes = 1U << 20;  // the Simulation object, clocks' bucket arrays
// A rep's columns (agents.hpp Reps, plus its id in the active list), with vector growth.
constexpr std::uint64_t kBytesPerRep = 2 * (sizeof(TrustState) + 8 + 4 + 8 + 4 + 8 + 4 + 4 + 1 + 1 + 4);
constexpr std::uint64_t kBytesPerDay = 2 * 24;
// One more engagement clock's bucket vectors (engagement_clock.hpp), for each programme
// when programmes respond to their own spend.
constexpr std::uint64_t kBytesPerProgrammeClock = EngagementClock::bucket_vectors() * sizeof(std::vector<double>);
constexpr std::uint64_t kBytesPerLedgerRow = 96;  // RepLedger's counts of one rep, with vector growth
constexpr auto kRepColumnCount = static_cast<std::uint64_t>(RepColumn::count);  // the contact and decision calendars' day vectors

}  // namespace

std::uint64_t run_memory_bytes(const ModelParameters& p) noexcept {
  const auto prospects = static_cast<std::uint64_t>(std::max<std::int64_t>(p.population.prospects, 0));
  // Hiring can grow the team up to the cap when headcount follows bookings.
  const std::int64_t reps = p.budget.headcount_follows_bookings ? std::max(p.population.reps, p.budget.max_reps)
                                                                : p.population.reps;
  const std::int64_t period_days = std::max<std::int64_t>(1, p.run.period_days);
  const auto periods =
      static_cast<std::uint64_t>(std::max<std::int64_t>(1, (p.run.horizon_days + period_days - 1) / period_days));
  // The recorder's series and the run's output copy of them.
  const std::uint64_t series = 2 * model_output_layout().series.size() * periods * sizeof(double);
  const auto rep_count = static_cast<std::uint64_t>(std::max<std::int64_t>(reps, 0));
  // The calendars cover the warm-up and the horizon; the series only the horizon.
  const auto days = static_cast<std::uint64_t>(std::max<std::int64_t>(simulated_days(p.run), 0));
  // The rep ledger (rep_ledger.hpp): counts per rep row and the agent tables' output
  // values (its 2 bytes per prospect are in kPeakBytesPerProspect).
  const auto rep_rows = static_cast<std::uint64_t>(rep_rows_bound(p));
  const std::uint64_t ledger = rep_rows * (kBytesPerLedgerRow + 8 * kRepColumnCount);
  const std::uint64_t programme_clocks =
      programmes_respond_to_own_spend(p)
          ? static_cast<std::uint64_t>(std::max<std::int64_t>(p.marketers.count, 0)) * kBytesPerProgrammeClock
          : 0;
  return kFixedBytes + prospects * kPeakBytesPerProspect + rep_count * kBytesPerRep + days * kBytesPerDay + series +
         ledger + programme_clocks;
}

}  // namespace alignsim::model
