// The Z3 C API (z3.h, from libz3-dev), with libz3 loaded at run time instead of linked.
//
// Kripke's binaries do not depend on libz3: only the symbolic commands need Z3, and the
// explorer must run on machines without it. Call kripke_z3_load() before any Z3 function;
// Sources/SMT does so when it creates a context.
#ifndef KRIPKE_CZ3_H
#define KRIPKE_CZ3_H

#include <z3.h>

/// Loads libz3 and resolves every Z3 function Kripke uses. Returns NULL on success, otherwise a
/// description of every file tried and why it failed (static storage: do not free it).
///
/// Tries `$KRIPKE_LIBZ3` alone when it is set and not empty (the path of a libz3), else
/// `libz3.so.4` then `libz3.so` (Linux), or `libz3.dylib` then `/opt/homebrew/lib/libz3.dylib`
/// (macOS). Thread-safe: the first call loads, later calls return its outcome.
const char *_Nullable kripke_z3_load(void);

#endif
