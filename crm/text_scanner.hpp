#pragma once
// A left-to-right reader of fixed text forms, shared by the timestamp parser
// (civil_time.cpp) and the POSIX TZ rule parser (time_zone.cpp). Internal to crm/.
#include <cstddef>
#include <optional>
#include <string_view>

namespace alignsim::crm::detail {

// Reads the fixed forms of a timestamp or a TZ rule left to right; every read either consumes what
// it asked for or reports failure.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  [[nodiscard]] bool done() const { return pos_ == text_.size(); }
  [[nodiscard]] bool at_digit() const { return !done() && text_[pos_] >= '0' && text_[pos_] <= '9'; }
  bool eat(char c) {
    if (done() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  // Two letters in either case ("AM", "pm").
  bool eat_word(std::string_view upper) {
    if (text_.size() - pos_ < upper.size()) return false;
    for (std::size_t i = 0; i < upper.size(); ++i) {
      const char c = text_[pos_ + i];
      if (c != upper[i] && c != upper[i] - 'A' + 'a') return false;
    }
    pos_ += upper.size();
    return true;
  }
  // A number of min_digits to max_digits digits, or none when there are fewer.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    int value = 0;
    std::size_t count = 0;
    while (count < max_digits && at_digit()) {
      value = value * 10 + (text_[pos_++] - '0');
      ++count;
    }
    if (count < min_digits) return std::nullopt;
    return value;
  }
  void skip_digits() {
    while (at_digit()) ++pos_;
  }
  // The next character, or '\0' at the end.
  [[nodiscard]] char peek() const { return done() ? '\0' : text_[pos_]; }
  void skip() {
    if (!done()) ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};


}  // namespace alignsim::crm::detail
