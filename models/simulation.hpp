#pragma once
// One run of the sales-marketing model: a replicate of one variant.
//
// Process order within a business day (tick):
//   1. M1 demand: the engagement clock advances; engaged prospects make inquiries.
//   2. M2 scoring: inquiries become MQLs or return to nurture.
//   3. M3 routing, in order of arrival hour: each MQL goes to a rep.
//   4. M4 follow-up decision and M5 response delay: worked leads get a first-contact
//      time; ignored leads return to nurture.
//   5. First contacts due today: M6 qualification, M8 trust learning.
//   6. Decisions due today: M7 win or loss.
//   7. Stocks (customers, pipeline, trust) recorded.
#include <cstdint>
#include <memory>

#include "models/agents.hpp"
#include "models/engagement_clock.hpp"
#include "models/metrics.hpp"
#include "models/model_parameters.hpp"
#include "models/random_purposes.hpp"
#include "sim/random.hpp"

namespace alignsim::model {

// Not thread-safe; each run owns one. Different runs may execute concurrently.
class Simulation {
 public:
  Simulation(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate);

  // Runs the whole horizon once. Throws alignsim::RunError if a numerical guard trips.
  [[nodiscard]] sim::RunOutput run();

 private:
  struct Lead {
    std::uint32_t prospect;
    double arrival_hour;  // hour of the day the inquiry arrived, [0, 24)
  };

  void populate();
  void engage_prospects(std::int64_t day);
  void route_and_decide(std::int64_t day);
  void make_contacts(std::int64_t day);
  void decide_opportunities(std::int64_t day);
  void record_day(std::int64_t day);

  [[nodiscard]] double daily_engagement_hazard() const;
  [[nodiscard]] bool becomes_mql(std::uint32_t prospect) const;
  [[nodiscard]] std::uint32_t route(std::uint32_t prospect);
  [[nodiscard]] double response_delay_hours(std::uint32_t prospect, std::uint32_t rep, double arrival_abs_hours);
  void return_to_nurture(std::uint32_t prospect);
  // Key of a draw about the prospect's current lead; `index` separates two draws made
  // for the same purpose.
  [[nodiscard]] sim::DrawKey lead_key(std::uint32_t prospect, Purpose purpose, std::uint32_t index = 0) const;

  std::shared_ptr<const ModelParameters> p_;
  sim::RandomStreams random_;
  Prospects prospects_;
  Reps reps_;
  EngagementClock clock_;
  RunRecorder recorder_;

  std::vector<std::vector<std::uint32_t>> contacts_by_day_;  // event calendars
  std::vector<std::vector<std::uint32_t>> decisions_by_day_;
  std::vector<std::uint32_t> engaged_today_;
  std::vector<Lead> mqls_today_;

  std::int64_t ever_engaged_ = 0;
  std::int64_t customers_ = 0;
  std::int64_t open_pipeline_ = 0;
  std::uint32_t next_round_robin_ = 0;
};

// Convenience for the runner: builds and runs one simulation.
[[nodiscard]] sim::RunOutput run_model(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate);

}  // namespace alignsim::model
