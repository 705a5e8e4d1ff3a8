package client_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/complaint"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/segment"
	"github.com/clientele-go/clientele/internal/validate"
)

// TestNameLimitIsOneRule: segment names (RFM and rule segments) and
// complaint causes are names, 64 bytes at most; IDs 128.
func TestNameLimitIsOneRule(t *testing.T) {
	long := strings.Repeat("n", validate.MaxNameLen+1)
	rfmCfg := rfm.Config{Rules: []rfm.Rule{{Segment: long}}}
	rules := segment.Config{Segments: []segment.Rule{{Name: long, Conditions: []segment.Condition{{Kind: segment.VIP}}}}}
	causes := complaint.Config{Causes: []string{long}, RepeatThreshold: 2}
	for _, err := range []error{rfmCfg.Validate(), rules.Validate(), causes.Validate()} {
		assert.ErrorContains(t, err, "= nnnnnnnnnnnnnnnn...: is 65 bytes long, the limit is 64")
	}
	var p validate.Problems
	p.ID("id", strings.Repeat("i", validate.MaxIDLen))
	p.Name("name", strings.Repeat("n", validate.MaxNameLen))
	require.Zero(t, p.Len(), "exactly at the limit is fine")
}

func TestTooLongTextIsCutAtACharacter(t *testing.T) {
	// 15 ASCII bytes, then two-byte letters: byte 16 falls inside one.
	name := strings.Repeat("a", 15) + strings.Repeat("ж", 40)
	var p validate.Problems
	p.Name("name", name)
	err := p.Err(client.ErrInvalid)
	require.Error(t, err)
	assert.True(t, utf8.ValidString(err.Error()), "the quoted start is valid UTF-8: %q", err.Error())
	assert.Contains(t, err.Error(), "name = aaaaaaaaaaaaaaa...: is 95 bytes long")
}
