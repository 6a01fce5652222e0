#include "models/analytic/analytic_models.hpp"

#include <cmath>
#include <memory>
#include <numbers>
#include <string>

#include "sim/errors.hpp"
#include "sim/random/random.hpp"

namespace alignsim::model::analytic {

using sim::DrawKey;
using sim::ModelDefinition;
using sim::OutputLayout;
using sim::ParameterCatalog;
using sim::ParameterSpec;
using sim::RandomStreams;
using sim::RunOutput;
using sim::Settings;
using sim::ValueKind;
using sim::get_integer;
using sim::get_real;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr const char* kSource = "test function definition";

ParameterSpec real(const std::string& key, double value, double low, double high, const std::string& meaning) {
  return {key, ValueKind::real, "", value, low, high, {}, meaning, kSource};
}

ParameterSpec integer(const std::string& key, std::int64_t value, double low, double high, const std::string& meaning) {
  return {key, ValueKind::integer, "", value, low, high, {}, meaning, "convention"};
}

// The run.* settings every scenario has; a test function has one period of one day.
std::vector<ParameterSpec> run_parameters() {
  return {integer("run.horizon_days", 1, 1, 1, "one evaluation"),
          integer("run.period_days", 1, 1, 1, "one period"),
          integer("run.seed", 20261125, 0, 9.0e15, "root seed of the noise and of randomised designs"),
          integer("run.replicates", 1, 1, 65536, "evaluations per design point"),
          real("noise.sd", 0.0, 0.0, 1.0e9, "standard deviation of Gaussian noise added to y")};
}

// The noise every test function may add: N(0, sd^2), keyed by the root seed and replicate.
struct Noise {
  std::uint64_t seed = 0;
  double sd = 0.0;

  explicit Noise(const Settings& s)
      : seed(static_cast<std::uint64_t>(get_integer(s, "run.seed"))), sd(get_real(s, "noise.sd")) {}
  [[nodiscard]] double draw(std::uint32_t replicate) const {
    if (sd == 0.0) return 0.0;
    const RandomStreams streams(seed, replicate);
    return streams.normal(DrawKey{0, 0, 0, 0}, 0.0, sd);
  }
};

const OutputLayout& y_layout(const std::string& meaning) {
  static const OutputLayout ishigami{{{"y", "value", "Ishigami function value (dimensionless; not a share)"}}, {}};
  static const OutputLayout g{{{"y", "value", "Sobol G-function value (dimensionless; not a share)"}}, {}};
  static const OutputLayout guard{{{"y", "value", "x1 plus noise (dimensionless; not a share)"}}, {}};
  if (meaning == "guard_test") return guard;
  return meaning == "ishigami" ? ishigami : g;
}

RunOutput output_of(double y) { return RunOutput{{y}, {}, ""}; }

const std::vector<double>& g_defaults() {
  static const std::vector<double> a{0, 1, 4.5, 9, 99, 99, 99, 99};
  return a;
}

const ParameterCatalog& ishigami_catalog() {
  static const ParameterCatalog catalog = [] {
    std::vector<ParameterSpec> specs = run_parameters();
    for (int i = 1; i <= 3; ++i) {
      specs.push_back(real("x.x" + std::to_string(i), 0.0, -kPi, kPi, "input x" + std::to_string(i)));
    }
    specs.push_back(real("ishigami.a", 7.0, -1e6, 1e6, "weight of sin^2 x2"));
    specs.push_back(real("ishigami.b", 0.1, -1e6, 1e6, "weight of x3^4 sin x1"));
    return ParameterCatalog(std::move(specs));
  }();
  return catalog;
}

const ParameterCatalog& sobol_g_catalog() {
  static const ParameterCatalog catalog = [] {
    std::vector<ParameterSpec> specs = run_parameters();
    for (std::size_t i = 1; i <= g_defaults().size(); ++i) {
      specs.push_back(real("x.x" + std::to_string(i), 0.5, 0.0, 1.0, "input x" + std::to_string(i)));
      specs.push_back(real("g.a" + std::to_string(i), g_defaults()[i - 1], 0.0, 1e6,
                           "importance of x" + std::to_string(i) + " (0: most important)"));
    }
    return ParameterCatalog(std::move(specs));
  }();
  return catalog;
}

const ParameterCatalog& guard_test_catalog() {
  static const ParameterCatalog catalog = [] {
    std::vector<ParameterSpec> specs = run_parameters();
    specs.push_back(real("x.x1", 0.5, 0.0, 1.0, "input x1"));
    specs.push_back(real("guard.max_y", 1.0e9, -1.0e9, 1.0e9, "largest y the numerical guard accepts"));
    return ParameterCatalog(std::move(specs));
  }();
  return catalog;
}

// The function's inputs, read from the settings once; y(x) without noise.
struct GuardTest {
  double x1, max_y;
  explicit GuardTest(const Settings& s) : x1(get_real(s, "x.x1")), max_y(get_real(s, "guard.max_y")) {}
  [[nodiscard]] double operator()(double noise) const {
    const double y = x1 + noise;
    if (!(y <= max_y)) {
      throw RunError("numerical guard: y = " + std::to_string(y) + " exceeds guard.max_y = " + std::to_string(max_y));
    }
    return y;
  }
};

struct Ishigami {
  double x1, x2, x3, a, b;
  explicit Ishigami(const Settings& s)
      : x1(get_real(s, "x.x1")), x2(get_real(s, "x.x2")), x3(get_real(s, "x.x3")), a(get_real(s, "ishigami.a")),
        b(get_real(s, "ishigami.b")) {}
  [[nodiscard]] double operator()(double noise) const {
    const double y = std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
    return y + noise;
  }
};

struct SobolG {
  std::vector<double> x, a;
  explicit SobolG(const Settings& s) {
    for (std::size_t i = 1; i <= g_defaults().size(); ++i) {
      x.push_back(get_real(s, "x.x" + std::to_string(i)));
      a.push_back(get_real(s, "g.a" + std::to_string(i)));
    }
  }
  [[nodiscard]] double operator()(double noise) const {
    double y = 1.0;
    for (std::size_t i = 0; i < x.size(); ++i) y *= (std::fabs(4.0 * x[i] - 2.0) + a[i]) / (1.0 + a[i]);
    return y + noise;
  }
};

// A test function prepared for one variant or design point.
template <typename Function>
class PreparedFunction final : public sim::PreparedRun {
 public:
  explicit PreparedFunction(const Settings& s) : function_(s), noise_(s) {}
  [[nodiscard]] RunOutput run(std::uint32_t replicate) const override {
    return output_of(function_(noise_.draw(replicate)));
  }

 private:
  Function function_;
  Noise noise_;
};

template <typename Function>
std::shared_ptr<const sim::PreparedRun> prepare(const Settings& s) {
  return std::make_shared<const PreparedFunction<Function>>(s);
}

}  // namespace

ModelDefinition ishigami_model() {
  return {"ishigami", "Ishigami test function (3 inputs; analytic Sobol indices)", ishigami_catalog,
          [] { return std::cref(y_layout("ishigami")); }, prepare<Ishigami>, {"y"}};
}

ModelDefinition sobol_g_model() {
  return {"sobol_g", "Sobol G-function test function (8 inputs; analytic Sobol indices)", sobol_g_catalog,
          [] { return std::cref(y_layout("sobol_g")); }, prepare<SobolG>, {"y"}};
}

ModelDefinition guard_test_model() {
  return {"guard_test", "x1 plus noise with a numerical guard on y (tests failure isolation)", guard_test_catalog,
          [] { return std::cref(y_layout("guard_test")); }, prepare<GuardTest>, {"y"}};
}

// With x_i uniform on [-pi, pi]: V1 = b pi^4 / 5 + b^2 pi^8 / 50 + 1/2, V2 = a^2 / 8,
// V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13.
AnalyticIndices ishigami_indices(double a, double b) {
  const double pi4 = std::pow(kPi, 4), pi8 = pi4 * pi4;
  const double v1 = b * pi4 / 5.0 + b * b * pi8 / 50.0 + 0.5, v2 = a * a / 8.0;
  const double v13 = b * b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// V_i = 1 / (3 (1 + a_i)^2); V = prod (1 + V_i) - 1; S_Ti = V_i prod_{j != i} (1 + V_j) / V.
AnalyticIndices sobol_g_indices(const std::vector<double>& a) {
  std::vector<double> vi;
  double product = 1.0;
  for (double ai : a) {
    vi.push_back(1.0 / (3.0 * (1.0 + ai) * (1.0 + ai)));
    product *= 1.0 + vi.back();
  }
  const double v = product - 1.0;
  AnalyticIndices out;
  for (double x : vi) {
    out.first_order.push_back(x / v);
    out.total.push_back(x * product / (1.0 + x) / v);
  }
  return out;
}

}  // namespace alignsim::model::analytic
