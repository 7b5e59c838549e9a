// The table of Z3 functions shared by the loader (Z3Loader.c) and the generated trampolines
// (Z3Functions.c).
#ifndef KRIPKE_Z3_FUNCTIONS_H
#define KRIPKE_Z3_FUNCTIONS_H

// The trampolines take z3.h's names and must stay inside Kripke's binary: exported, they would
// interpose the functions libz3 exports (and calls itself) once it is loaded.
#define Z3_API __attribute__((visibility("hidden")))
#include "CZ3.h"
#include <stddef.h>

#define KRIPKE_Z3_HIDDEN __attribute__((visibility("hidden")))

/// How many Z3 functions the trampolines forward to.
KRIPKE_Z3_HIDDEN extern const size_t kripke_z3_function_count;
/// Their names, for dlsym.
KRIPKE_Z3_HIDDEN extern const char *const kripke_z3_function_names[];
/// Their addresses in libz3, filled by kripke_z3_load().
KRIPKE_Z3_HIDDEN extern void *kripke_z3_functions[];

#endif
