#include "sim/io/hdf5_handle.hpp"

#include "sim/errors.hpp"

#include <algorithm>
#include <mutex>
#include <array>
#include <vector>

namespace alignsim::sim::hdf5 {
namespace {

// What H5Ewalk2 tells us about one entry. The walk only copies; message lookups happen
// afterwards so nothing inside the callback can disturb the stack being walked.
struct StackEntry {
  std::string function;
  std::string description;
  hid_t major = H5I_INVALID_HID;
  hid_t minor = H5I_INVALID_HID;
};

herr_t collect_entry(unsigned /*position*/, const H5E_error2_t* error, void* client_data) {
  auto& entries = *static_cast<std::vector<StackEntry>*>(client_data);
  entries.push_back(
      {error->func_name ? error->func_name : "?", error->desc ? error->desc : "", error->maj_num, error->min_num});
  return 0;
}

std::string message_text(hid_t message_id) {
  std::array<char, 256> buffer{};
  H5E_type_t type{};
  if (H5Eget_msg(message_id, &type, buffer.data(), buffer.size()) < 0) return "?";
  return buffer.data();
}

// `brief`: the description without the file driver's dump of its arguments
// (": time = ..., filename = ..., errno = ...", or ": name = ..."), which the cause and
// the file name in the message already say.
std::string format_entry(const StackEntry& entry, bool brief = false) {
  std::string description = entry.description;
  for (const char* dump : {": time = ", ": name = "}) {
    const std::size_t at = description.find(dump);
    if (brief && at != std::string::npos) description.resize(at);
  }
  // Some HDF5 descriptions embed newlines; keep the whole stack on one line.
  std::replace(description.begin(), description.end(), '\n', ' ');
  return entry.function + "(): " + description + " [" + message_text(entry.major) + " / " + message_text(entry.minor) +
         "]";
}

std::vector<StackEntry> collect_stack() {
  std::vector<StackEntry> entries;
  // Walking downward lists the API call first, then the internal cause, which reads like
  // a story: "H5Fcreate(): unable to create file" ... "open() failed: Permission denied".
  if (H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_entry, &entries) < 0) entries.clear();
  return entries;
}

std::string format_stack(const std::vector<StackEntry>& entries) {
  if (entries.empty()) return "(HDF5 reported no error details)";
  std::string text;
  for (const StackEntry& entry : entries) {
    if (!text.empty()) text += "; ";
    text += format_entry(entry);
  }
  return text;
}

// The operating system's words for the first failed system call HDF5 reports: its
// file drivers describe one as "... errno = 28, error message = 'No space left on
// device' ...". Empty when no entry has one (a format or filter error).
std::string operating_system_cause(const std::vector<StackEntry>& entries) {
  constexpr std::string_view kMarker = "error message = '";
  for (const StackEntry& entry : entries) {
    const std::size_t start = entry.description.find(kMarker);
    if (start == std::string::npos) continue;
    const std::size_t end = entry.description.find('\'', start + kMarker.size());
    if (end != std::string::npos) return entry.description.substr(start + kMarker.size(), end - start - kMarker.size());
  }
  return {};
}

}  // namespace

void disable_automatic_error_printing() {
  // When a close fails (disk full), HDF5 keeps the half-closed file in its tables and its
  // exit handler crashes flushing it again. Our files are temporaries that are deleted on
  // failure, so that final flush has nothing to save: skip the handler. Effective only
  // before HDF5's first use, which is why it sits here, at the start of every entry point.
  static std::once_flag skip_exit_handler;
  std::call_once(skip_exit_handler, [] { static_cast<void>(H5dont_atexit()); });
  // Debian's HDF5 is built thread-safe, and there every thread has its own error stack
  // whose automatic printing starts on: the runner's writer stage runs on whichever
  // oneTBB worker is free, so switching it off once left the workers printing HDF5's
  // 24-line diagnostic to stderr. Hence once per thread, from every entry point.
  thread_local bool quiet = false;
  if (quiet) return;
  // Failure here only means HDF5 may also print to stderr; not worth aborting for.
  quiet = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
}

std::string error_stack_text() { return format_stack(collect_stack()); }

void throw_error(std::string_view what) {
  // Read the stack first: any further HDF5 call would replace it.
  const std::vector<StackEntry> entries = collect_stack();
  const std::string action = "HDF5 failed while " + std::string(what);
  if (entries.empty()) throw OutputError(action + " (HDF5 reported no error details)");
  // The cause first, in words a user knows ("No space left on device"), then where HDF5
  // was: the API call and the innermost entry, not all ~25 entries between them.
  std::string detail = format_entry(entries.front(), true);
  if (entries.size() > 1) detail += "; " + format_entry(entries.back(), true);
  const std::string cause = operating_system_cause(entries);
  throw OutputError(cause.empty() ? action + ": " + detail : cause + " (" + action + ": " + detail + ")");
}

Datatype make_utf8_string_type() {
  Datatype type(H5Tcopy(H5T_C_S1), "copying the C string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "making the string type variable-length");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "setting the string type to UTF-8");
  check(H5Tset_strpad(type.get(), H5T_STR_NULLTERM), "making the string type NUL-terminated");
  return type;
}

}  // namespace alignsim::sim::hdf5
