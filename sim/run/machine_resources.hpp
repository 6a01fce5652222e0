#pragma once
// What this machine can give a run: memory not yet in use and free disk space. Read
// when a run starts (experiment/resource_check.hpp compares them with what it needs).
// Thread-safe (each call reads the kernel's figures afresh).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace alignsim::sim {

// MemAvailable of /proc/meminfo (memory the kernel can hand out without swapping), or
// less if this process's cgroup (v2: memory.max minus memory.current) allows less.
// nullopt where neither can be read.
[[nodiscard]] std::optional<std::uint64_t> available_memory_bytes();

// Free space an unprivileged writer may use (statvfs f_bavail x f_frsize) on the file
// system holding `directory`; nullopt if it cannot be read.
[[nodiscard]] std::optional<std::uint64_t> free_disk_bytes(const std::filesystem::path& directory);

// "6.4 GB", "512 MB", "12 kB": decimal units, 2 significant digits at least. Pure.
[[nodiscard]] std::string format_bytes(std::uint64_t bytes);

}  // namespace alignsim::sim
