#pragma once
// A small RAII layer over the HDF5 C API.
//
// HighFive is not packaged in Debian 12 and nothing may be fetched at build time, so the
// results writer talks to the C API directly. This layer makes that safe: every
// identifier is owned by exactly one Handle that closes it, and every call goes through
// check()/check_id(), which turn a failure into alignsim::OutputError carrying HDF5's
// own error stack (walked with H5Ewalk2) instead of letting HDF5 print it to stderr.
//
// Thread safety: none. HDF5 (serial build) has one global state; call it from a single
// writer thread.
#include <hdf5.h>

#include <string>
#include <string_view>
#include <utility>

namespace alignsim::sim::hdf5 {

// Turns off HDF5's habit of printing its error stack to stderr on every failure; errors
// reach the user once, inside the exception. HDF5 here is a thread-safe build with one
// error stack per thread, so this acts on the calling thread (once; later calls are a
// thread_local check): call it at every entry point that may run on another thread.
// Also turns off HDF5's exit handler (see the definition for why), which works only
// before HDF5's first use: call it before any other HDF5 call.
void disable_automatic_error_printing();

// The current HDF5 error stack as text, API call first and innermost cause last, entries
// separated by "; ", each like
// "H5Dcreate2(): unable to create dataset [Dataset interface / Unable to initialize object]".
// Must be called before any other HDF5 call, which would clear the stack.
[[nodiscard]] std::string error_stack_text();

// Throws OutputError, cause first: "No space left on device (HDF5 failed while <what>:
// <API call entry>; <innermost entry>)" when HDF5 reports a failed system call, else
// "HDF5 failed while <what>: <API call entry>; <innermost entry>".
[[noreturn]] void throw_error(std::string_view what);

// HDF5 signals failure with a negative herr_t/htri_t/hid_t; these return the value when
// it is not negative and throw otherwise. `what` names the action, e.g.
// "creating dataset /summary/leads".
inline herr_t check(herr_t status, std::string_view what) {
  if (status < 0) throw_error(what);
  return status;
}
inline hid_t check_id(hid_t id, std::string_view what) {
  if (id < 0) throw_error(what);
  return id;
}

using CloseFunction = herr_t (*)(hid_t);

// Owns one HDF5 identifier and closes it with `close_function`. Move-only.
// Never wrap predefined identifiers (H5T_NATIVE_DOUBLE, H5P_DEFAULT, ...): they are not
// ours to close.
template <CloseFunction close_function>
class Handle {
 public:
  Handle() noexcept = default;
  // Takes ownership of a valid id; throws (after nothing was acquired) if id is negative.
  Handle(hid_t id, std::string_view what) : id_(check_id(id, what)) {}
  ~Handle() { reset(); }

  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }

  [[nodiscard]] hid_t get() const noexcept { return id_; }
  [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }

  // Closes and reports failure. Use where closing does I/O that must succeed (a file).
  void close(std::string_view what) {
    if (!valid()) return;
    check(close_function(std::exchange(id_, H5I_INVALID_HID)), what);
  }

  // Closes and ignores failure: for destructors and unwinding, where nothing can be done.
  void reset() noexcept {
    if (valid()) static_cast<void>(close_function(std::exchange(id_, H5I_INVALID_HID)));
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropertyList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

// A variable-length, UTF-8, NUL-terminated string type: what h5py and netCDF-4 read as
// `str`. Used for every string the writer stores.
[[nodiscard]] Datatype make_utf8_string_type();

}  // namespace alignsim::sim::hdf5
