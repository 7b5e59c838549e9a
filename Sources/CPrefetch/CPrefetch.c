// SwiftPM builds a C target only when it has a source file; CPrefetch.h holds all of it (inline).
#include "CPrefetch.h"
