// Scenario loading: missing, endless, malformed, binary and mutated files, and extends chains.
#include "tests/sim/scenario/scenario_loader_fixture.hpp"

namespace alignsim::sim {
namespace {

namespace fs = std::filesystem;

// ---- files and extends ----------------------------------------------------------------------

TEST_F(ScenarioLoader, MissingTopFileIsReportedWithLineZero) {
  EXPECT_EQ(error_of(LoadRequest{fs::path(path("missing.yaml")), {}}),
            path("missing.yaml") + ":0:0: cannot read the file: No such file or directory (a readable YAML scenario file)");
}

TEST_F(ScenarioLoader, DirectoryIsNotAScenarioFile) {
  EXPECT_TRUE(starts_with(error_of(LoadRequest{dir_, {}}), dir_.string() + ":0:0: cannot read the file: it is a directory"));
}

TEST_F(ScenarioLoader, EndlessFileStopsAtTheSizeLimit) {
  EXPECT_EQ(error_of(LoadRequest{fs::path("/dev/zero"), {}}),
            "/dev/zero:0:0: the file is larger than 16 MiB (scenario files are small YAML text files)");
}

TEST_F(ScenarioLoader, MissingExtendsTargetPointsAtTheExtendsKey) {
  EXPECT_EQ(file_error("name: x\nextends: nope/base.yaml\n"),
            path("s.yaml") + ":2:1: extends: cannot read '" + path("nope/base.yaml") +
                "': No such file or directory (a readable YAML file; a relative path starts at this file's directory)");
}

TEST_F(ScenarioLoader, ProblemsInAnExtendedFileNameThatFile) {
  const std::string parent = write("sub/parent.yaml", "demand:\n  lead_volume: -1\n");
  EXPECT_TRUE(starts_with(file_error("extends: sub/parent.yaml\n"), parent + ":2:16: demand.lead_volume: '-1' is out of range"));
}

TEST_F(ScenarioLoader, ExtendsCycleNamesTheChain) {
  const std::string a = write("a.yaml", "extends: b.yaml\n");
  const std::string b = write("b.yaml", "demand: {}\nextends: ./sub/../a.yaml\n");
  EXPECT_EQ(error_of(LoadRequest{fs::path(a), {}}),
            b + ":2:1: extends: the files extend each other in a cycle: " + a + " -> " + b + " -> " + a +
                " (extends must form a chain that ends in a file without extends)");
  const std::string self = write("self.yaml", "extends: self.yaml\n");
  EXPECT_TRUE(starts_with(error_of(LoadRequest{fs::path(self), {}}),
                          self + ":1:1: extends: the files extend each other in a cycle: " + self + " -> " + self));
}

TEST_F(ScenarioLoader, MalformedYamlIsWrappedWithItsPosition) {
  EXPECT_EQ(file_error("demand: {innovation_rate: 0.1\n"),
            path("s.yaml") + ":2:1: invalid YAML: end of map flow not found (valid YAML; check brackets, quotes, colons "
                             "and indentation)");
  EXPECT_TRUE(starts_with(file_error("demand:\n  lead_volume: 1\n bad: [\n"), path("s.yaml") + ":3:"));
  // yaml-cpp alone would read the rest of the file into the open quote.
  EXPECT_EQ(file_error("name: \"unterminated\nrun: {seed: 1}\n"),
            path("s.yaml") + ":1:7: quoted text is not closed before the end of the file (close it with the same quote mark)");
  EXPECT_TRUE(starts_with(file_error("demand: {lead_volume: 1}\n\"open key\n"), path("s.yaml") + ":2:1: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: a\n    description: \"never closed"),
                          path("s.yaml") + ":3:18: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("name: 'unterminated\nrun: {seed: 1}\n"), path("s.yaml") + ":1:7: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("demand: *nowhere\n"), path("s.yaml") + ":1:9: invalid YAML: the referenced anchor is not defined"));
}

TEST_F(ScenarioLoader, EmptyOrCommentOnlyFiles) {
  const std::string expected =
      path("s.yaml") + ":0:0: the file is empty or holds only comments (a mapping of scenario keys, e.g. 'run: {seed: 1}')";
  EXPECT_EQ(file_error(""), expected);
  EXPECT_EQ(file_error("# nothing\n\n   # here either\n"), expected);
  EXPECT_EQ(file_error("\n  \n"), expected);
}

TEST_F(ScenarioLoader, TopLevelMustBeAMapping) {
  EXPECT_EQ(file_error("- a\n- b\n"),
            path("s.yaml") + ":1:1: the top level is a list, not a mapping (a mapping of scenario keys, e.g. 'run: {seed: 1}')");
  EXPECT_TRUE(starts_with(file_error("# comment\njust some text\n"), path("s.yaml") + ":2:1: the top level is a single value, not a mapping"));
}

TEST_F(ScenarioLoader, OnlyOneYamlDocumentPerFile) {
  EXPECT_EQ(file_error("demand: {}\n---\nrun: {seed: 2}\n"),
            path("s.yaml") + ":2:1: a second YAML document starts here (one YAML document per scenario file; use extends "
                             "to combine files)");
  EXPECT_TRUE(starts_with(file_error("demand: {}\n...\nrun: {seed: 2}\n"),
                          path("s.yaml") + ":3:1: text after the document end marker '...'"));
  // A single document may still start with "---" and end with "...".
  EXPECT_EQ(load(write("ok.yaml", "# header\n--- # the scenario\ndemand: {lead_volume: 4}\n...\n# end\n")).variants[0].resolved.at("demand.lead_volume").value,
            ParameterValue(std::int64_t{4}));
}

TEST_F(ScenarioLoader, DeepNestingGivesAClearErrorInsteadOfAStackOverflow) {
  EXPECT_TRUE(starts_with(file_error("demand: " + std::string(100000, '[') + "\n"),
                          path("s.yaml") + ":2:1: nesting is too deep (scenario files nest only a few levels)"));
  std::string block_lists;
  for (int i = 0; i < 100000; ++i) block_lists += "- ";
  EXPECT_TRUE(contains(file_error(block_lists + "x\n"), ": nesting is too deep"));
  std::string flow_maps;
  for (int i = 0; i < 100000; ++i) flow_maps += "{a: ";
  EXPECT_TRUE(contains(file_error(flow_maps + "\n"), ": nesting is too deep"));
  EXPECT_TRUE(contains(set_error({"demand.lead_volume=" + std::string(100000, '[')}), "<command line>:1:20: demand.lead_volume: nesting is too deep"));
  // Nesting the catalog does not have is simply the wrong type, found without descending.
  EXPECT_TRUE(starts_with(file_error("demand: {lead_volume: " + std::string(200, '[') + std::string(200, ']') + "}\n"),
                          path("s.yaml") + ":1:23: demand.lead_volume: a list where a single value is expected"));
}

TEST_F(ScenarioLoader, BinaryOrWronglyEncodedFiles) {
  const std::string hint = " (scenario files are UTF-8 YAML text; is this the right file?)";
  EXPECT_EQ(file_error(std::string("demand: {}\nab\0cd", 16)), path("s.yaml") + ":2:3: the file contains a NUL byte" + hint);
  EXPECT_EQ(file_error("name: caf\xE9\n"), path("s.yaml") + ":1:10: the file is not valid UTF-8" + hint);
  EXPECT_EQ(file_error("name: a\x01" "b\n"), path("s.yaml") + ":1:8: the file contains control character \\x01" + hint);
  EXPECT_EQ(file_error("\xFF\xFE" "d\0e\0m\0"), path("s.yaml") + ":1:1: the file is not valid UTF-8" + hint);  // UTF-16
  EXPECT_EQ(file_error("name: caf\xC3\xA9\xC3\n"), path("s.yaml") + ":1:12: the file is not valid UTF-8" + hint);
}

// Deterministic pseudo-random bytes for the robustness tests (splitmix64).
struct ByteSource {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

TEST_F(ScenarioLoader, GarbageBytesGiveAScenarioError) {
  ByteSource bytes{7};
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(bytes.next() & 0xFF);
  EXPECT_TRUE(starts_with(file_error(garbage), path("s.yaml") + ":1:"));
}

// Random edits of a valid file must load or fail with a one-line ScenarioError naming the
// file: never another exception, a crash or a hang.
TEST_F(ScenarioLoader, MutatedInputNeverLeaksAnotherException) {
  const std::string valid = R"(name: fuzz
run: {horizon_days: 500, seed: 1}
demand:
  innovation_rate: 0.002
  channel: {mix_share: 0.25}
variants:
  - name: a
    followup: {sla_floor: 0.8, routing: least_loaded}
)";
  const std::string alphabet = "[]{}:,-?&*!|>'\"#%@` \n\t.0123456789abcdefxyz~\\\xC3\xA9\xFF";
  ByteSource bytes{42};
  for (int round = 0; round < 400; ++round) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(bytes.next() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = bytes.next() % (text.size() + 1);
      const char c = alphabet[bytes.next() % alphabet.size()];
      switch (bytes.next() % 3) {
        case 0: text.insert(at, 1, c); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = c; break;
      }
    }
    const std::string file = write("fuzz.yaml", text);
    try {
      (void)load(file, {"run.seed=" + text.substr(bytes.next() % text.size(), 3)});
    } catch (const ScenarioError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_TRUE(message.rfind(file + ":", 0) == 0 || message.rfind("<command line>:1:", 0) == 0) << message;
    } catch (const std::exception& other) {
      ADD_FAILURE() << "round " << round << " leaked " << other.what() << " for:\n" << text;
    }
  }
}

}  // namespace
}  // namespace alignsim::sim
