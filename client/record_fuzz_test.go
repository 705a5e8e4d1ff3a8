package client

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzRecord: any JSON record either fails Validate with ErrInvalid,
// every problem naming its field and the value printed for a personal
// field (person name, tax number) never in clear, or is valid and then
// stores: ValidateNew agrees with its version, Create then Get gives
// back the same record at version 1, and the same record validates the
// same way twice.
func FuzzRecord(f *testing.F) {
	f.Add([]byte(`{"id":"c-1","kind":"company","display_name":"Acme","legal":{"name":"Acme Ltd"},"status":"active","status_since":"2026-01-05"}`))
	f.Add([]byte(`{"id":"c-2","kind":"individual","person_name":"Jane Roe Secretname","person_tax_number":"123456789012","status":"prospect"}`))
	f.Add([]byte(`{"id":"","kind":"individual","person_name":"Jane Roe Secretname","person_tax_number":"bad tax Secretnumber","status":"lost","version":3}`))
	f.Add([]byte(`{"id":"c-3","kind":"company","tags":["a","a",""],"segments":["A"],"contacts":{"emails":["not an email"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Client
		if json.Unmarshal(data, &c) != nil {
			return
		}
		err := c.Validate()
		assert.Equal(t, err == nil, c.Validate() == nil, "the same record validates the same way")
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			var ve *clientele.ValidationError
			require.ErrorAs(t, err, &ve)
			for _, fe := range ve.Fields {
				assert.NotEmpty(t, fe.Field, "every problem names its field: %v", fe)
			}
			for _, fe := range ve.Fields {
				if !strings.HasPrefix(fe.Field, "person_") {
					continue
				}
				// The value printed for a problem with a personal field
				// never shows it in clear.
				shown := clientele.FormatValue(fe.Value)
				for _, secret := range []string{c.PersonName.Reveal(), c.PersonTaxNumber.Reveal()} {
					if len(secret) >= 4 {
						assert.NotContains(t, shown, secret, "%s: personal data is redacted", fe.Field)
					}
				}
			}
			return
		}
		newErr := ValidateNew(c)
		if c.Version != 0 {
			require.ErrorIs(t, newErr, ErrInvalid, "a stored version is refused on Create")
			assert.True(t, strings.Contains(newErr.Error(), "version"))
			return
		}
		require.NoError(t, newErr)
		s := NewMemStore()
		ctx := context.Background()
		created, err := s.Create(ctx, c)
		require.NoError(t, err)
		assert.Equal(t, int64(1), created.Version)
		got, err := s.Get(ctx, c.ID)
		require.NoError(t, err)
		assert.Equal(t, created, got)
		c.Version = 1
		assert.Equal(t, c, got, "the store keeps the record as given")
	})
}
