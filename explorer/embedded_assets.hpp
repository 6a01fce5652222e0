#pragma once
// The page `alignsim serve` shows (explorer/page/), embedded in the binary at build
// time by cmake/EmbedFiles.cmake: request path ("/index.html") -> bytes. Only these
// paths are ever served; no request path reaches the file system. Thread-safe.
#include <map>
#include <string>
#include <string_view>

namespace alignsim::explorer {

[[nodiscard]] const std::map<std::string, std::string_view>& embedded_assets();

}  // namespace alignsim::explorer
