package contract

import (
	"fmt"
	"os"
	"strings"

	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTransitionTable pins the table the package doc prints: every
// allowed (state, event) pair and where it leads; every other pair is
// refused.
func TestTransitionTable(t *testing.T) {
	want := map[State]map[EventKind]State{
		StateDraft:  {EventAgree: StateAgreed, EventTerminate: StateTerminated},
		StateAgreed: {EventSign: StateSigned, EventTerminate: StateTerminated},
		StateSigned: {EventStart: StateActive, EventTerminate: StateTerminated, EventExtend: StateSigned,
			EventStopAutoRenewal: StateSigned, EventSupersede: StateSuperseded},
		StateActive: {EventEnd: StateExpired, EventComplete: StateCompleted, EventTerminate: StateTerminated,
			EventExtend: StateActive, EventRenew: StateActive, EventStopAutoRenewal: StateActive, EventSupersede: StateSuperseded},
		StateExpired:    {EventComplete: StateCompleted, EventRenew: StateExpired},
		StateCompleted:  {EventRenew: StateCompleted},
		StateTerminated: {},
		StateSuperseded: {},
	}
	for s := State(1); s < numStates; s++ {
		for k := EventKind(1); k < numEvents; k++ {
			next, ok := s.Next(k)
			w, allowed := want[s][k]
			assert.Equal(t, allowed, ok, "%s × %s", s, k)
			assert.Equal(t, w, next, "%s × %s", s, k)
		}
	}
	_, ok := State(0).Next(EventAgree)
	assert.False(t, ok, "the unset state allows nothing")
	_, ok = StateDraft.Next(EventKind(200))
	assert.False(t, ok, "an unknown event is allowed nowhere")
	assert.Equal(t, []EventKind{EventComplete, EventTerminate, EventExtend, EventRenew, EventStopAutoRenewal, EventSupersede}, StateActive.Events(),
		"the recordable events of an active contract; the end is the calendar's")
	assert.Empty(t, StateTerminated.Events())
	for _, s := range []State{StateCompleted, StateTerminated, StateSuperseded} {
		assert.True(t, s.IsFinal(), s.String())
	}
	assert.False(t, StateExpired.IsFinal(), "an expired contract may still be completed")
}

func TestEnumsText(t *testing.T) {
	enumtest.CheckText[State](t, ParseState)
	enumtest.CheckText[EventKind](t, ParseEventKind)
	enumtest.CheckText[DocumentKind](t, ParseDocumentKind)
	enumtest.CheckText[DocumentStatus](t, ParseDocumentStatus)
	enumtest.CheckText[Party](t, ParseParty)
	enumtest.CheckText[ObligationKind](t, ParseObligationKind)
	enumtest.CheckText[ObligationStatus](t, ParseObligationStatus)
	enumtest.CheckText[LinkKind](t, ParseLinkKind)
}

// TestDocPrintsTheTable: the table in doc.go is the one the code runs.
func TestDocPrintsTheTable(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("//\tstate \\ event  ")
	for k := EventKind(1); k < numEvents; k++ {
		name := k.String()
		if k.IsCalendar() {
			name = "[" + name + "]"
		}
		fmt.Fprintf(&b, " %-*s", width(k), name)
	}
	for s := State(1); s < numStates; s++ {
		fmt.Fprintf(&b, "\n//\t%-15s", s)
		for k := EventKind(1); k < numEvents; k++ {
			cell := "."
			if next, ok := s.Next(k); ok {
				cell = next.String()
			}
			fmt.Fprintf(&b, " %-*s", width(k), cell)
		}
	}
	table := b.String()
	lines := strings.Split(table, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	assert.Contains(t, string(src), strings.Join(lines, "\n"), "doc.go must print:\n%s", strings.Join(lines, "\n"))
}

// width is a column's width in the printed table: the widest of the
// event's name and the states it leads to.
func width(k EventKind) int {
	w := len(k.String())
	if k.IsCalendar() {
		w += 2
	}
	for s := State(1); s < numStates; s++ {
		if next, ok := s.Next(k); ok {
			w = max(w, len(next.String()))
		}
	}
	return w
}
