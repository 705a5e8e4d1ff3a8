package memstore

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkStore measures the core at the size of a small host's client
// list: 10,000 records, one read, one write and one page of 100.
func BenchmarkStore(b *testing.B) {
	ctx := context.Background()
	var s notes
	for i := range 10_000 {
		if _, err := s.Create(ctx, note{ID: fmt.Sprintf("n-%05d", i), Tags: []string{"a", "b"}}, nil); err != nil {
			b.Fatal(err)
		}
	}
	all := func(note) bool { return true }
	b.Run("Get", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Get(ctx, "n-05000"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Update", func(b *testing.B) {
		b.ReportAllocs()
		n, err := s.Get(ctx, "n-05001")
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if n, err = s.Update(ctx, n, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("List100", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := s.List(ctx, nil, "n-04000", 100, all); err != nil {
				b.Fatal(err)
			}
		}
	})
}
