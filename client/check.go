package client

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// Limits on the text fields of records and configs, generous enough for
// any real value and small enough to keep a hostile input out of storage
// and logs.
const (
	// maxIDLen bounds an ID: the host's primary key.
	maxIDLen = 128
	// maxNameLen bounds a name that is a label, not prose: a segment, a
	// complaint cause.
	maxNameLen = 64
	// maxTextLen bounds a free-text field: a display name, a region.
	maxTextLen = 256
)

// checkID records a problem when id is blank, too long or not printable.
func checkID(p *validate.Problems, field, id string) { checkRequired(p, field, id, maxIDLen) }

// checkName records a problem when name is blank, too long or not
// printable.
func checkName(p *validate.Problems, field, name string) { checkRequired(p, field, name, maxNameLen) }

// checkRequired records a problem when s is blank, longer than limit
// bytes, or not printable UTF-8.
func checkRequired(p *validate.Problems, field, s string, limit int) {
	if strings.TrimSpace(s) == "" {
		p.Add(field, nil, "is required")
		return
	}
	checkText(p, field, s, limit)
}

// checkText records a problem when s is longer than limit bytes (printing
// its start only) or not printable UTF-8 (printing it quoted, so control
// characters show).
func checkText(p *validate.Problems, field, s string, limit int) {
	switch {
	case len(s) > limit:
		p.Addf(field, textStart(s)+"...", "is %d bytes long, the limit is %d", len(s), limit)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		p.Addf(field, fmt.Sprintf("%q", s), "must be printable UTF-8")
	}
}

// textStart returns about the first 16 bytes of s, cut at a character
// boundary.
func textStart(s string) string {
	n := min(16, len(s))
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// checkLabels records a problem for every blank, malformed or repeated
// label of a list (tags, segments).
func checkLabels(p *validate.Problems, field string, labels []string) {
	for i, l := range labels {
		f := fmt.Sprintf("%s[%d]", field, i)
		if strings.TrimSpace(l) == "" {
			p.Add(f, nil, "must not be empty")
			continue
		}
		checkText(p, f, l, maxTextLen)
		if slices.Index(labels, l) < i {
			p.Add(f, l, "is repeated")
		}
	}
}

// checkEach checks the records list[0..n-1] one by one, each into a
// scratch list, and merges the problems of a bad one under "list[i]": a
// good record, the usual case among a million, costs no field names.
func checkEach(p *validate.Problems, list string, n int, check func(q *validate.Problems, i int)) {
	var q validate.Problems // one for all: a fresh one per record would be a heap allocation each
	for i := range n {
		if check(&q, i); q.Len() > 0 {
			p.Merge(fmt.Sprintf("%s[%d]", list, i), q.Err(ErrInvalid))
			q = validate.Problems{}
		}
	}
}

// checkRepeats records a problem for every ID (the field idField of the
// records list[0..n-1]) that appears more than once, naming the repeat
// and the first occurrence. Empty IDs are left to the field checks.
func checkRepeats(p *validate.Problems, list, idField string, n int, id func(int) string) {
	for _, r := range repeats.Find(n, id) {
		p.Add(fmt.Sprintf("%s[%d].%s", list, r.At, idField), id(r.At), repeatReason(list, r.First, idField))
	}
}

// repeatReason says that a record repeats the ID of list[first].
func repeatReason(list string, first int, idField string) string {
	return fmt.Sprintf("repeats %s[%d]: each %s appears once", list, first, idField)
}
