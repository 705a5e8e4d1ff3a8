package postgres

import (
	"fmt"
	"strings"
)

// where builds a WHERE clause of ANDed conditions with numbered
// arguments.
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose placeholder is written "?" once.
func (w *where) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.Replace(cond, "?", fmt.Sprintf("$%d", len(w.args)), 1))
}

// keyset adds the page's start (IDs after after, in byte order) and
// returns the clause with ORDER BY and a LIMIT one more than the page,
// so the query tells whether a next page exists.
func (w *where) keyset(idColumn, after string, limit int) string {
	if after != "" {
		w.add(idColumn+" > ?", after)
	}
	clause := ""
	if len(w.conds) > 0 {
		clause = " WHERE " + strings.Join(w.conds, " AND ")
	}
	w.args = append(w.args, limit+1)
	return fmt.Sprintf("%s ORDER BY %s LIMIT $%d", clause, idColumn, len(w.args))
}

// nextPage trims a result of limit+1 rows to the page and returns the
// After of the following page: the last ID kept when a row was trimmed,
// else "" (the last page), as the MemStores do.
func nextPage[R any](rows []R, limit int, id func(R) string) ([]R, string) {
	if len(rows) <= limit {
		return rows, ""
	}
	rows = rows[:limit]
	return rows, id(rows[limit-1])
}
