#pragma once
// The little JSON the explorer sends its page: strings escaped, numbers that read back
// exactly (NaN and infinities as null). Written by hand: Debian 12's JSON libraries are
// not a build dependency, and the page only needs objects of strings and numbers.
// Pure functions; thread-safe.
#include <string>
#include <string_view>

namespace alignsim::explorer {

[[nodiscard]] std::string json_string(std::string_view text);
[[nodiscard]] std::string json_number(double value);

}  // namespace alignsim::explorer
