// Umbrella header for the Z3 C API (from the system package libz3-dev).
#include <z3.h>
