// Package fuzztest reads a fuzz target's input as a stream of small
// numbers, the way the library's fuzz targets decode clients, debts and
// complaints from the fuzzer's bytes.
package fuzztest

// Bytes hands out a fuzzer's input one byte at a time. Past the end it
// hands out zeros, so a decoder never checks the length and every input,
// however short, decodes to something.
type Bytes []byte

// Next returns the next byte as an int (0-255), or 0 once the input is
// used up.
func (b *Bytes) Next() int {
	if len(*b) == 0 {
		return 0
	}
	v := (*b)[0]
	*b = (*b)[1:]
	return int(v)
}
