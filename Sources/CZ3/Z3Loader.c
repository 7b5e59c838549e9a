// Opens libz3 with dlopen and resolves the functions the trampolines (Z3Functions.c) forward to.
#include "Z3Functions.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The files tried, in order, when KRIPKE_LIBZ3 is not set.
static const char *const default_files[] = {
#if defined(__APPLE__)
    "libz3.dylib", "/opt/homebrew/lib/libz3.dylib",
#else
    "libz3.so.4", "libz3.so",
#endif
};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/// Whether every function was resolved; written once, under load_once.
static bool loaded;
/// What was tried and why it failed; written once, under load_once.
static char failure[4096];
/// How many files were tried.
static int attempts;

/// Appends to `failure`, cutting what does not fit.
static void note(const char *format, ...) {
    size_t used = strlen(failure);
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(failure + used, sizeof failure - used, format, arguments);
    va_end(arguments);
}

/// Opens `file` and resolves every function; on failure notes why and returns false.
static bool open_library(const char *file) {
    const char *separator = attempts++ == 0 ? "" : ", ";
    void *handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        size_t length = strlen(file);
        // glibc starts the reason with the file name; it is already in the note.
        if (strncmp(reason, file, length) == 0 && strncmp(reason + length, ": ", 2) == 0) reason += length + 2;
        note("%s%s (%s)", separator, file, reason);
        return false;
    }
    for (size_t index = 0; index < kripke_z3_function_count; index++) {
        kripke_z3_functions[index] = dlsym(handle, kripke_z3_function_names[index]);
        if (kripke_z3_functions[index] == NULL) {
            note("%s%s (it lacks %s: not Z3, or too old a Z3)", separator, file, kripke_z3_function_names[index]);
            dlclose(handle);
            return false;
        }
    }
    return true;   // the handle stays open for the life of the process
}

static void load(void) {
    const char *chosen = getenv("KRIPKE_LIBZ3");
    if (chosen != NULL && chosen[0] != '\0') {
        note("tried only KRIPKE_LIBZ3=");
        loaded = open_library(chosen);
        return;
    }
    note("tried ");
    for (size_t index = 0; index < sizeof default_files / sizeof *default_files && !loaded; index++) {
        loaded = open_library(default_files[index]);
    }
}

const char *kripke_z3_load(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : failure;
}
