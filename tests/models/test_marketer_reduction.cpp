// Reduction test (issue 12): marketers as agents with one marketer, no adaptation and
// fully pooled trust are the aggregate marketing actor. The means of the key totals over
// 400 replicates must lie within 3 standard errors (of the difference of two means) of
// the figures recorded from the aggregate model (tests/models/reduction/). Several
// marketers with fully pooled trust and no differences between them must too: the split
// alone changes nothing a rep or a prospect sees.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "model_test_support.hpp"
#include "models/metric_catalog.hpp"

namespace alignsim::model {
namespace {

struct Reference {
  double mean = 0.0, standard_error = 0.0;
};

std::map<std::string, Reference> recorded() {
  std::ifstream in(std::string(ALIGNSIM_SOURCE_DIR) + "/tests/models/reduction/aggregate_reference.txt");
  std::map<std::string, Reference> figures;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    Reference r;
    fields >> name >> r.mean >> r.standard_error;
    figures[name] = r;
  }
  return figures;
}

void expect_matches_aggregate(const std::vector<std::string>& extra_sets) {
  sim::LoadRequest request;
  request.file = std::string(ALIGNSIM_SOURCE_DIR) + "/tests/models/reduction/aggregate.yaml";
  request.set_overrides = extra_sets;
  const auto scenario = sim::load_scenario(request, model_catalog());
  const auto p = std::make_shared<const ModelParameters>(model_parameters_from(scenario.variants[0].resolved));
  const auto figures = recorded();
  ASSERT_GE(figures.size(), 10U);
  const auto& layout = model_output_layout().summary;
  constexpr int kReplicates = 400;
  std::vector<double> sum(layout.size(), 0.0), sum_sq(layout.size(), 0.0);
  for (int r = 0; r < kReplicates; ++r) {
    const auto out = run_model(p, static_cast<std::uint32_t>(r));
    for (std::size_t m = 0; m < layout.size(); ++m) {
      sum[m] += out.summary[m];
      sum_sq[m] += out.summary[m] * out.summary[m];
    }
  }
  std::size_t checked = 0;
  for (std::size_t m = 0; m < layout.size(); ++m) {
    const auto found = figures.find(layout[m].name);
    if (found == figures.end()) continue;
    ++checked;
    const double mean = sum[m] / kReplicates;
    const double variance = (sum_sq[m] - kReplicates * mean * mean) / (kReplicates - 1);
    const double se = std::sqrt(std::max(0.0, variance) / kReplicates);
    const double tolerance = 3.0 * std::hypot(se, found->second.standard_error);
    EXPECT_NEAR(mean, found->second.mean, tolerance) << layout[m].name;
  }
  EXPECT_EQ(checked, figures.size()) << "a recorded metric is no longer in the output";
}

TEST(MarketerReduction, OneMarketerWithoutAdaptationIsTheAggregateModel) {
  expect_matches_aggregate({"marketers.count=1", "marketers.adaptation=false", "marketers.trust_pooling=1"});
}

TEST(MarketerReduction, AlikeMarketersWithPooledTrustAreTheAggregateModel) {
  expect_matches_aggregate({"marketers.count=4", "marketers.adaptation=false", "marketers.trust_pooling=1"});
}

}  // namespace
}  // namespace alignsim::model
