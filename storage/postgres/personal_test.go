package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/storage/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPersonalColumnsAreTheCommentedOnes: the exported list and the
// schema's "personal data" comments name the same columns.
func TestPersonalColumnsAreTheCommentedOnes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	rows, err := db.Pool().Query(ctx, `SELECT c.relname || '.' || a.attname
		FROM pg_description d
		JOIN pg_class c ON c.oid = d.objoid
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
		WHERE c.relnamespace = current_schema()::regnamespace AND d.description LIKE 'personal data%'
		ORDER BY 1`)
	require.NoError(t, err)
	var commented []string
	for rows.Next() {
		var col string
		require.NoError(t, rows.Scan(&col))
		commented = append(commented, col)
	}
	require.NoError(t, rows.Err())
	assert.ElementsMatch(t, postgres.PersonalColumns(), commented)
	for _, col := range commented {
		assert.True(t, strings.HasPrefix(col, "clients."), col)
	}
}
