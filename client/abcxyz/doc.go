// Package abcxyz combines an ABC and an XYZ result into the nine-cell
// matrix, AX (valuable and steady) to CZ (little value, erratic), with a
// configurable treatment per cell ([DefaultConfig]: AX key-account care
// ... CZ minimal service). [Combine] lists the clients found in only one
// of the two results, and those without an XYZ class, rather than
// dropping them.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package abcxyz
