package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/jackc/pgx/v5/pgconn"
)

// Sentinel errors of the adapter. A store method's error matches the
// domain package's sentinels (client.ErrNotFound, contract.ErrConflict,
// ...) exactly as its MemStore's does; the adapter's own failures match
// these instead, so a host tells "no such client" from "no database".
var (
	// ErrInvalid marks bad input to the adapter itself: a connection
	// string that does not parse.
	ErrInvalid = validate.Kind("postgres: invalid input", clientele.ErrInvalid)
	// ErrUnavailable marks a failure to reach or talk to the server: it
	// is down, refuses the connection, or the connection broke. The
	// driver's error is wrapped beside it. Retrying later may succeed.
	ErrUnavailable = errors.New("postgres: server unavailable")
	// ErrQuery marks a statement the server refused for another reason
	// than the domain's (a missing table before Migrate, a permission);
	// the server's *pgconn.PgError is wrapped beside it.
	ErrQuery = errors.New("postgres: statement failed")
	// ErrSchemaTooNew marks a database migrated by a newer version of
	// this package than the one running: it refuses to touch a schema it
	// does not know.
	ErrSchemaTooNew = errors.New("postgres: schema version newer than this code knows")
)

// failed wraps an error of the driver during op: a context's own error
// passes unchanged (so errors.Is(err, context.Canceled) holds), an error
// the server answered is ErrQuery, anything else ErrUnavailable.
func failed(ctx context.Context, op string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("postgres: %s: %w", op, ctxErr)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("postgres: %s: %w", op, err)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return fmt.Errorf("%w: %s: %w", ErrQuery, op, err)
	}
	return fmt.Errorf("%w: %s: %w", ErrUnavailable, op, err)
}

// uniqueViolation reports whether err is the server's refusal of a
// duplicate key.
func uniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}

// classify passes on an error a transaction's function returned (a
// domain error, or one failed wrapped already) and wraps the driver's
// own (a failed BEGIN or COMMIT).
func classify(ctx context.Context, op string, err error) error {
	for _, kind := range []error{ErrUnavailable, ErrQuery, clientele.ErrInvalid, clientele.ErrNotFound, clientele.ErrConflict} {
		if errors.Is(err, kind) {
			return err
		}
	}
	return failed(ctx, op, err)
}
