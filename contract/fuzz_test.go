package contract

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzContract builds a contract whose automatic renewal and history
// come from data: any bytes give some contract, valid or not.
func fuzzContract(data []byte) Contract {
	c := draft()
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(int8(b))
	}
	if term := next(); term%3 != 0 {
		c.AutoRenewal = &AutoRenewal{TermMonths: term % 14, NoticeDays: next()}
	}
	on := day("2026-01-10")
	for len(data) > 0 && len(c.Events) < 12 {
		e := Event{Kind: EventKind(uint8(next()) % 12), On: on.AddDays(next())}
		switch e.Kind {
		case EventSign:
			s := signature(anna, e.On.String())
			if e.On.IsValid() {
				e.Signature = &s
			}
		case EventTerminate:
			e.Reason, e.NoticeDays = "fuzz", next()
		case EventExtend:
			e.NewEnd = c.End.AddDays(next() * 10)
		case EventRenew, EventSupersede:
			e.SuccessorID = "k-next"
		}
		c.Events = append(c.Events, e)
		if e.On.IsValid() {
			on = e.On
		}
	}
	return c
}

// FuzzLifecycle: no history panics or hangs StatusOn, EventsOn or the
// report; a history Validate accepts is exactly one Apply accepts event
// by event, and its status on any day is a named state.
func FuzzLifecycle(f *testing.F) {
	f.Add([]byte{0, 1, 5, 2, 5, 6, 200, 10})
	f.Add([]byte{1, 30, 1, 5, 2, 5, 9, 100, 7, 30, 0})
	f.Add([]byte{12, 0, 1, 1, 2, 1, 6, 1, 40})
	p, err := Compile(DefaultConfig())
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		c := fuzzContract(data)
		days := []clientele.Date{day("2025-12-31"), day("2026-03-01"), day("2027-01-01"), day("2031-06-15"), {}}
		for _, d := range days {
			c.StatusOn(d)
			c.EventsOn(d)
			c.ObligationOn(0, d, 7)
		}
		_, _ = p.Obligations([]Contract{c}, day("2026-06-01"), 30)
		if c.Validate() != nil {
			return
		}
		replayed := c
		replayed.Events = nil
		for _, e := range c.Events {
			var err error
			replayed, err = replayed.apply(e)
			require.NoError(t, err, "Validate accepted the history, so Apply accepts each event")
		}
		for _, d := range days[:4] {
			st := c.StatusOn(d)
			assert.True(t, st.State.IsValid(), "%s: %+v", d, st)
			assert.NotEmpty(t, st.Reason)
			assert.Equal(t, st.State, c.statusOn(d, false).State, "the quiet run agrees")
		}
	})
}
