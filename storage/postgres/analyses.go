package postgres

import (
	"context"
	"iter"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"
)

// Sale is one row of the orders table: a client.Order and the profit
// it brought, which ABC by profit ranks on (zero where the host does not
// know it).
type Sale struct {
	client.Order
	Profit decimal.Decimal
}

// CopySales loads sales into the orders table with COPY, the fastest
// bulk path, and returns how many rows it wrote. It writes all or none.
// The sales are the host's facts: the analyses below check what they
// read as their in-memory inputs are checked (client.History, xyz.Series,
// abc.Totals validation).
func (db *DB) CopySales(ctx context.Context, sales iter.Seq[Sale]) (int64, error) {
	if err := start(ctx, db, "copy sales"); err != nil {
		return 0, err
	}
	next, stop := iter.Pull(sales)
	defer stop()
	src := &saleSource{next: next}
	n, err := db.pool.CopyFrom(ctx, pgx.Identifier{"orders"}, []string{"client_id", "day", "amount", "profit"}, src)
	if err != nil {
		return 0, failed(ctx, "copy sales", err)
	}
	return n, nil
}

// saleSource feeds COPY one sale at a time.
type saleSource struct {
	next func() (Sale, bool)
	cur  Sale
}

func (s *saleSource) Next() bool {
	var ok bool
	s.cur, ok = s.next()
	return ok
}

func (s *saleSource) Values() ([]any, error) {
	return []any{s.cur.ClientID, sqlDate(s.cur.Date), s.cur.Amount, s.cur.Profit}, nil
}

func (s *saleSource) Err() error { return nil }

// stream runs one query and yields each row through scan, stopping at the
// first error (yielded) or when the caller stops.
func stream[T any](ctx context.Context, db *DB, op, query string, args []any, scan func(pgx.Rows) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if err := start(ctx, db, op); err != nil {
			yield(zero, err)
			return
		}
		rows, err := db.pool.Query(ctx, query, args...)
		if err != nil {
			yield(zero, failed(ctx, op, err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				yield(zero, failed(ctx, op, err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(zero, failed(ctx, op, err))
		}
	}
}

// Totals streams each client's revenue and profit over the days
// [from, to), in client ID byte order: abc.Classify's input, summed by
// the server in one query (exact numeric sums) and never held whole by
// the adapter.
func (db *DB) Totals(ctx context.Context, from, to clientele.Date) iter.Seq2[abc.Totals, error] {
	return stream(ctx, db, "totals", `SELECT client_id, sum(amount), sum(profit) FROM orders
		WHERE day >= $1 AND day < $2 GROUP BY client_id ORDER BY client_id`,
		[]any{sqlDate(from), sqlDate(to)}, func(r pgx.Rows) (abc.Totals, error) {
			var t abc.Totals
			err := r.Scan(&t.ClientID, &t.Revenue, &t.Profit)
			return t, err
		})
}

// Histories streams one client.History per client in the clients
// table, in client ID byte order, from the orders dated on or before
// asOf (every order when asOf is unset): rfm.Classify's input, as
// client.Histories builds it from the client IDs and the orders. A
// client without orders has Orders 0 and a zero Total. One query.
func (db *DB) Histories(ctx context.Context, asOf clientele.Date) iter.Seq2[client.History, error] {
	return stream(ctx, db, "histories", `SELECT c.id, count(o.day), min(o.day), max(o.day), coalesce(sum(o.amount), 0)
		FROM clients c LEFT JOIN orders o ON o.client_id = c.id AND ($1::date IS NULL OR o.day <= $1)
		GROUP BY c.id ORDER BY c.id`,
		[]any{sqlDate(asOf)}, func(r pgx.Rows) (client.History, error) {
			var (
				h           client.History
				first, last pgtype.Date
			)
			err := r.Scan(&h.ClientID, &h.Orders, &first, &last, &h.Total)
			h.FirstOrder, h.LastOrder = fromSQLDate(first), fromSQLDate(last)
			return h, err
		})
}

// periodSum is one client's order value in one period of a series.
type periodSum struct {
	clientID string
	period   int // index of the first period ending after the orders' day
	total    decimal.NullDecimal
}

// OrderSeries streams the XYZ series of every client with an order
// before the end of the last period, in client ID byte order, exactly as
// xyz.OrderSeries builds them from the same orders: per period the sum of
// the orders inside it, zero for a period without; with
// xyz.SeriesFromFirstOrder a series starts at the period of the client's
// first order (at the first period for a client with an order before the
// window; an order in a gap between periods starts it at the next
// period), with xyz.SeriesFromWindowStart at the first period. The server
// groups the orders by client and period in one query (width_bucket over
// the period ends); the adapter holds one client's series at a time.
// Errors: xyz.ErrInvalid for periods xyz.OrderSeries refuses.
func (db *DB) OrderSeries(ctx context.Context, periods []xyz.Period, seriesStart xyz.SeriesStart) iter.Seq2[xyz.Series, error] {
	return func(yield func(xyz.Series, error) bool) {
		// xyz.OrderSeries checks the periods and the rule; with no order it
		// checks nothing else.
		if _, err := xyz.OrderSeries(nil, periods, seriesStart); err != nil {
			yield(xyz.Series{}, err)
			return
		}
		starts := make([]pgtype.Date, len(periods))
		ends := make([]pgtype.Date, len(periods))
		for i, p := range periods {
			starts[i], ends[i] = sqlDate(p.Start), sqlDate(p.End)
		}
		// k = the number of period ends on or before the day: the index of
		// the first period ending after it. The sum counts only orders on or
		// after that period's start (not before the window, not in a gap).
		sums := stream(ctx, db, "order series", `SELECT client_id, k, sum(amount) FILTER (WHERE day >= ($1::date[])[k + 1])
			FROM (SELECT client_id, day, amount, width_bucket(day, $2::date[]) AS k FROM orders WHERE day < $3) o
			GROUP BY client_id, k ORDER BY client_id, k`,
			[]any{starts, ends, ends[len(ends)-1]}, func(r pgx.Rows) (periodSum, error) {
				var s periodSum
				err := r.Scan(&s.clientID, &s.period, &s.total)
				return s, err
			})
		var (
			cur    string
			first  int
			values []decimal.Decimal
		)
		flush := func() bool {
			if cur == "" {
				return true
			}
			return yield(xyz.Series{ClientID: cur, FirstPeriod: first, Values: values[first:]}, nil)
		}
		for s, err := range sums {
			if err != nil {
				yield(xyz.Series{}, err)
				return
			}
			if s.clientID != cur {
				if !flush() {
					return
				}
				cur, values = s.clientID, make([]decimal.Decimal, len(periods))
				first = len(periods)
				if seriesStart == xyz.SeriesFromWindowStart {
					first = 0
				}
			}
			first = min(first, s.period)
			if s.total.Valid && s.total.Decimal.Sign() != 0 {
				values[s.period] = s.total.Decimal
			}
		}
		flush()
	}
}
