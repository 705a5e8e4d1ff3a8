package validate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/repeats"
)

// The library's one set of limits on text: an ID, a name, a free text.
// Generous enough for any real value, small enough to keep a hostile
// input out of storage and logs.
const (
	// MaxIDLen bounds an ID (a client, a rule, an invoice, an actor, a
	// role): the host's primary key.
	MaxIDLen = 128
	// MaxNameLen bounds a name that is a label, not prose: a segment, a
	// complaint cause.
	MaxNameLen = 64
	// MaxTextLen bounds a free-text field: a display name, a region, a
	// rule's name.
	MaxTextLen = 256
)

// ID records a problem when id is blank, longer than MaxIDLen bytes, or
// not printable UTF-8 (control characters included), and reports whether
// it is fine. Every ID the library accepts passes this one rule.
func (p *Problems) ID(field, id string) bool { return p.Required(field, id, MaxIDLen) }

// OptionalID is ID for an ID that may be empty.
func (p *Problems) OptionalID(field, id string) bool {
	return id == "" || p.Required(field, id, MaxIDLen)
}

// Name records a problem when name is blank, longer than MaxNameLen
// bytes or not printable.
func (p *Problems) Name(field, name string) bool { return p.Required(field, name, MaxNameLen) }

// Required records a problem when s is blank, longer than limit bytes,
// or not printable UTF-8.
func (p *Problems) Required(field, s string, limit int) bool {
	if strings.TrimSpace(s) == "" {
		p.Add(field, nil, "is required")
		return false
	}
	return p.Text(field, s, limit)
}

// Text records a problem when s is longer than limit bytes (printing its
// start only) or not printable UTF-8 (printing it quoted, so control
// characters show), and reports whether it is fine.
func (p *Problems) Text(field, s string, limit int) bool {
	switch {
	case len(s) > limit:
		p.Addf(field, TextStart(s)+"...", "is %d bytes long, the limit is %d", len(s), limit)
		return false
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		p.Add(field, fmt.Sprintf("%q", s), "must be printable UTF-8")
		return false
	}
	return true
}

// TextStart returns about the first 16 bytes of s, cut at a character
// boundary.
func TextStart(s string) string {
	n := min(16, len(s))
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Labels records a problem for every blank, malformed or repeated label
// of a list (tags, segments), in time linear in the list's length.
func (p *Problems) Labels(field string, labels []string) {
	seen := make(map[string]struct{}, len(labels))
	for i, l := range labels {
		f := fmt.Sprintf("%s[%d]", field, i)
		if strings.TrimSpace(l) == "" {
			p.Add(f, nil, "must not be empty")
			continue
		}
		p.Text(f, l, MaxTextLen)
		if _, dup := seen[l]; dup {
			p.Add(f, l, "is repeated")
		} else {
			seen[l] = struct{}{}
		}
	}
}

// Each checks the records list[0..n-1] one by one, each into a scratch
// list, and merges the problems of a bad one under "list[i]": a good
// record, the usual case among a million, costs no field names.
func (p *Problems) Each(list string, n int, check func(q *Problems, i int)) {
	var q Problems // one for all: a fresh one per record would be a heap allocation each
	for i := range n {
		if check(&q, i); q.Len() > 0 {
			p.Merge(fmt.Sprintf("%s[%d]", list, i), q.Err(clientele.ErrInvalid))
			q = Problems{}
		}
	}
}

// Repeats records a problem for every ID (the field idField of the
// records list[0..n-1]) that appears more than once, naming the repeat
// and the first occurrence. Empty IDs are left to the field checks.
func (p *Problems) Repeats(list, idField string, n int, id func(int) string) {
	if n <= shortList {
		// A few open orders, say: comparing every pair costs less than
		// hashing and sorting, and allocates nothing.
		for i := 1; i < n; i++ {
			for j := 0; j < i; j++ {
				if s := id(i); s != "" && s == id(j) {
					p.Add(fmt.Sprintf("%s[%d].%s", list, i, idField), s, RepeatReason(list, j, idField))
					break
				}
			}
		}
		return
	}
	for _, r := range repeats.Find(n, id) {
		p.Add(fmt.Sprintf("%s[%d].%s", list, r.At, idField), id(r.At), RepeatReason(list, r.First, idField))
	}
}

// shortList is the longest list Repeats checks pair by pair.
const shortList = 16

// RepeatReason says that a record repeats the ID of list[first].
func RepeatReason(list string, first int, idField string) string {
	return fmt.Sprintf("repeats %s[%d]: each %s appears once", list, first, idField)
}
