#pragma once
// One exception hierarchy for the whole project. Every error a user can cause derives
// from alignsim::Error; the CLI maps the subclasses to exit codes.
#include <stdexcept>
#include <string>

namespace alignsim {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad scenario input: what() is the full "FILE:LINE:COL: key.path: problem (allowed)" line.
class ScenarioError : public Error {
 public:
  using Error::Error;
};

// Bad command-line usage that is not about a scenario file.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Output could not be written (HDF5 failure, file exists, unwritable directory).
class OutputError : public Error {
 public:
  using Error::Error;
};

// A simulation run failed a numerical guard or an internal invariant.
class RunError : public Error {
 public:
  using Error::Error;
};

// SIGINT or SIGTERM stopped the work before it was done (sim/run/interruption.hpp).
// The CLI exits with 128 + signal(), as a shell reports a process the signal ended.
class Interrupted : public Error {
 public:
  Interrupted(int signal, const std::string& what) : Error(what), signal_(signal) {}
  [[nodiscard]] int signal() const noexcept { return signal_; }

 private:
  int signal_;
};

}  // namespace alignsim
