package postgres

import (
	"time"

	"github.com/clientele-go/clientele"
	"github.com/jackc/pgx/v5/pgtype"
)

// sqlDate is d as a PostgreSQL date; the unset Date is NULL.
func sqlDate(d clientele.Date) pgtype.Date {
	if d.IsZero() {
		return pgtype.Date{}
	}
	y, m, day := d.Date()
	return pgtype.Date{Time: time.Date(y, m, day, 0, 0, 0, 0, time.UTC), Valid: true}
}

// fromSQLDate is the Date of a PostgreSQL date; NULL is the unset Date.
func fromSQLDate(d pgtype.Date) clientele.Date {
	if !d.Valid {
		return clientele.Date{}
	}
	return clientele.DateOf(d.Time)
}

// nilIfEmpty keeps a list read back as nil when empty, as a record
// written with a nil list compares equal to it.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// notNil stores a nil list as an empty array.
func notNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
