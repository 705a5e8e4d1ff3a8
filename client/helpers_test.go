package client

import "time"

// day is midnight UTC of a calendar date, for test fixtures.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
