#ifndef KRIPKE_CPREFETCH_H
#define KRIPKE_CPREFETCH_H

/// Asks the CPU to bring the cache line holding `address` into every cache level, for a read
/// that comes soon; never faults, and changes nothing the program can observe but time. Swift has
/// no prefetch intrinsic, so the visited table's lookups call this one (`FingerprintView.prefetch`).
///
///     kripke_prefetch(table + home);   // ... other work ...; then probe table[home]
static inline void kripke_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
