// Package wide is the library's fixed-width integer arithmetic: signed
// 128-bit and unsigned 256-bit integers on math/bits, the powers of ten
// a machine word holds, and division by a power of ten with the
// rounding modes decimal arithmetic uses.
//
// It exists so that the exact fast paths of the money code (exact sums,
// the solvency ratios, the discount engine's line pricing) share one
// tested toolkit instead of each growing its own. Every operation that
// can overflow reports it; none panics. Callers fall back to big or
// decimal arithmetic when a result does not fit.
//
// The package is internal plumbing; its API is not part of the
// library's.
package wide
