package clientele

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkLoadConfig loads a list of 1,000 and of 10,000 entries: the
// strict scan and the decoder are linear, so ten times the entries cost
// about ten times the time.
func BenchmarkLoadConfig(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		var doc bytes.Buffer
		doc.WriteString(`{"limits": [`)
		for i := range n {
			if i > 0 {
				doc.WriteByte(',')
			}
			fmt.Fprintf(&doc, `{"holder": "h-%d", "max": "%d.50"}`, i, i)
		}
		doc.WriteString(`], "name": "chain"}`)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(doc.Len()))
			for b.Loop() {
				if _, err := LoadConfig[nestedConfig](bytes.NewReader(doc.Bytes())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
