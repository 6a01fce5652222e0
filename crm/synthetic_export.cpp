#include "crm/synthetic_export.hpp"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cmath>
#include <fstream>

#include "crm/export_layouts.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {
constexpr double kHoursPerDay = 24.0;

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw OutputError("cannot write " + sim::quoted(path));
  sim::fsync_path(path, false);
}

std::string readme(const model::CrmEventLog& log, const ExportClock& clock) {
  return "# alignsim synthetic CRM export\n"
         "A made-up company's CRM, simulated by alignsim (issue 14; docs/calibration.md). Every name,\n"
         "e-mail address and phone number in it is invented.\n"
         "time zone: " + clock.zone().name() + "\n"
         "history from: " + format_local(clock.local(0)) + " (the model's warm-up, " +
         std::to_string(log.warmup_days) + " business days)\n"
         "reported horizon from: " + format_local(clock.local(kHoursPerDay * static_cast<double>(log.warmup_days))) +
         " (" + std::to_string(log.horizon_days) + " business days)\n"
         "exported at: " + format_local(clock.export_local()) + "\n"
         "salesforce/: Lead.csv, Opportunity.csv, Task.csv (instants in UTC)\n"
         "hubspot/: contacts.csv, leads.csv, deals.csv, activities.csv (wall-clock times of the zone)\n";
}

// A new hidden directory next to `dir`, on the same filesystem so the final rename is atomic.
std::filesystem::path make_temporary_directory(const std::filesystem::path& dir) {
  std::string pattern = (sim::directory_of(dir) / ("." + dir.filename().string() + ".tmp-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw OutputError("cannot create a directory next to " + sim::quoted(dir) + ": " + sim::errno_text(errno));
  }
  // mkdtemp makes it private (0700); the export is an ordinary directory, like its files.
  using std::filesystem::perms;
  std::filesystem::permissions(pattern, perms::owner_all | perms::group_read | perms::group_exec | perms::others_read |
                                            perms::others_exec);
  return pattern;
}

void publish_directory(const std::filesystem::path& temporary, const std::filesystem::path& dir) {
  sim::fsync_path(temporary, true);
  // RENAME_NOREPLACE: a directory made at `dir` meanwhile is never replaced.
  if (renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, dir.c_str(), RENAME_NOREPLACE) != 0) {
    throw OutputError("cannot move the export into place at " + sim::quoted(dir) + ": " + sim::errno_text(errno));
  }
  sim::fsync_path(sim::directory_of(dir), true);
}

}  // namespace

ExportClock::ExportClock(const model::CrmEventLog& log, const SyntheticExportOptions& options)
    : zone_(options.time_zone) {
  const std::int64_t first_reported =
      days_from_civil(options.first_reported_day.year, options.first_reported_day.month, options.first_reported_day.day);
  day_zero_index_ = calendar_.business_day_index(first_reported * 86400) - log.warmup_days;
  end_hours_ = kHoursPerDay * static_cast<double>(log.warmup_days + log.horizon_days);
}

LocalSeconds ExportClock::local(double model_hours) const {
  const double day = std::floor(model_hours / kHoursPerDay);
  const auto seconds = static_cast<std::int64_t>(std::llround((model_hours - day * kHoursPerDay) * 3600.0));
  return calendar_.start_of_business_day(day_zero_index_ + static_cast<std::int64_t>(day)) + seconds;
}

LocalSeconds ExportClock::export_local() const { return local(end_hours_); }

void check_export_directory(const std::filesystem::path& dir) {
  if (dir.filename().empty() || dir.filename() == "." || dir.filename() == "..") {
    throw OutputError(sim::quoted(dir) + " is not a directory name");
  }
  std::error_code error;
  if (std::filesystem::symlink_status(dir, error).type() != std::filesystem::file_type::not_found) {
    throw OutputError(sim::quoted(dir) + " exists; the synthetic CRM goes into a new directory (it is left as it is)");
  }
  if (!std::filesystem::is_directory(sim::directory_of(dir), error)) {
    throw OutputError("the directory of " + sim::quoted(dir) + " does not exist");
  }
}

void write_synthetic_crm(const std::filesystem::path& dir, const model::CrmEventLog& log,
                         const SyntheticExportOptions& options) {
  check_export_directory(dir);
  std::error_code error;
  const ExportClock clock(log, options);
  const std::filesystem::path temporary = make_temporary_directory(dir);
  try {
    for (const auto& files : {detail::salesforce_files(log, clock), detail::hubspot_files(log, clock)}) {
      for (const detail::ExportFile& file : files) write_file(temporary / file.name, file.text);
    }
    write_file(temporary / "README.txt", readme(log, clock));
    sim::fsync_path(temporary / "salesforce", true);
    sim::fsync_path(temporary / "hubspot", true);
    publish_directory(temporary, dir);
  } catch (...) {
    std::filesystem::remove_all(temporary, error);
    throw;
  }
}

}  // namespace alignsim::crm
