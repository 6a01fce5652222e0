#pragma once
// The scenario loader's tests share this fixture: a small catalog with every value kind
// and a fresh directory per test (one executable, test_sim_scenario_loader, several files
// by concern). A named namespace, not an anonymous one: gtest requires one fixture class
// per test suite across the executable's files.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::sim::loader_test {

namespace fs = std::filesystem;

// A small catalog with every value kind, a nested section and the run.* keys the loader
// always needs. Sorted order (the catalog's order):
//   demand.channel.mix_share, demand.innovation_rate, demand.lead_volume, demand.seasonal,
//   followup.escalate, followup.routing, followup.sla_floor, run.horizon_days,
//   run.period_days, run.replicates, run.seed, scoring.method, scoring.threshold
inline ParameterSpec integer_spec(std::string key, std::int64_t value, double minimum, double maximum) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::integer;
  spec.default_value = value;
  spec.minimum = minimum;
  spec.maximum = maximum;
  return spec;
}

inline ParameterSpec real_spec(std::string key, double value, double minimum, double maximum) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::real;
  spec.default_value = value;
  spec.minimum = minimum;
  spec.maximum = maximum;
  return spec;
}

inline ParameterSpec boolean_spec(std::string key, bool value) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::boolean;
  spec.default_value = value;
  return spec;
}

inline ParameterSpec choice_spec(std::string key, std::string value, std::vector<std::string> choices) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::choice;
  spec.default_value = std::move(value);
  spec.choices = std::move(choices);
  return spec;
}

inline ParameterCatalog test_catalog() {
  return ParameterCatalog({
      integer_spec("run.horizon_days", 365, 1, 100000),
      integer_spec("run.period_days", 1, 1, 365),
      integer_spec("run.seed", 42, 0, 1e15),
      integer_spec("run.replicates", 10, 1, 100000),
      real_spec("demand.innovation_rate", 0.001, 0, 1),
      integer_spec("demand.lead_volume", 50, 0, 1000),
      boolean_spec("demand.seasonal", false),
      real_spec("demand.channel.mix_share", 0.5, 0, 1),
      real_spec("scoring.threshold", 60, 0, 100),
      choice_spec("scoring.method", "points", {"points", "model", "hybrid"}),
      real_spec("followup.sla_floor", 0.5, 0, 1),
      boolean_spec("followup.escalate", true),
      choice_spec("followup.routing", "round_robin", {"round_robin", "least_loaded"}),
  });
}

inline ::testing::AssertionResult starts_with(const std::string& text, const std::string& prefix) {
  if (text.rfind(prefix, 0) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\n  message: " << text << "\n expected: " << prefix << "...";
}

inline ::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\n  message: " << text << "\n  lacks: " << part;
}

// Each test gets its own fresh directory, removed afterwards.
class ScenarioLoader : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string test_name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() / ("alignsim_loader_" + std::to_string(::getpid()) + "_" + test_name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = dir_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

  ScenarioSpec load(const std::string& file, std::vector<std::string> sets = {}) const {
    return load_scenario(LoadRequest{fs::path(file), std::move(sets)}, catalog_);
  }

  // The ScenarioError message, checked to be one line; "" (and a failure) if none.
  std::string error_of(const LoadRequest& request) const {
    try {
      (void)load_scenario(request, catalog_);
    } catch (const ScenarioError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      return message;
    }
    ADD_FAILURE() << "expected a ScenarioError";
    return "";
  }
  std::string file_error(const std::string& text, std::vector<std::string> sets = {}) const {
    return error_of(LoadRequest{fs::path(write("s.yaml", text)), std::move(sets)});
  }
  std::string set_error(std::vector<std::string> sets) const { return error_of(LoadRequest{std::nullopt, std::move(sets)}); }

  fs::path dir_;
  ParameterCatalog catalog_ = test_catalog();
};


}  // namespace alignsim::sim::loader_test

namespace alignsim::sim {
// The loader's test files name the fixture and its checks without the namespace.
using loader_test::contains;
using loader_test::ScenarioLoader;
using loader_test::starts_with;
}  // namespace alignsim::sim
