package onboarding

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/require"
)

// Any input loads as a valid plan or is refused; nothing panics.
func FuzzLoadPlan(f *testing.F) {
	b, err := json.Marshal(DefaultPlan())
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"stages":[{"stage":"introduction","target_days":1e9,"tasks":[{"id":"a","title":"t","owner":"hr","due_day":-1}]}]}`))
	f.Add([]byte(`{"knowledge_test":{"pass_mark":"1e-999999999"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pl, err := clientele.LoadConfig[Plan](bytes.NewReader(data))
		if err != nil {
			return
		}
		require.NoError(t, pl.Validate())
		o := fresh(t)
		o, err = o.Apply(pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
		require.NoError(t, err, "a valid plan starts an onboarding")
		_, err = o.StatusOn(pl, day("2026-03-02"))
		require.NoError(t, err)
	})
}

// Any event is applied or refused with the record unchanged; an applied
// one adds one timeline entry and leaves a record whose status can be
// read on its day. Nothing panics.
func FuzzApply(f *testing.F) {
	for _, s := range []string{
		`{"kind":"score_test","on":"2026-03-20","by":{"id":"t-9","role":"trainer"},"answers":[{"question":"q","score":11,"max":10}]}`,
		`{"kind":"review_period","on":"2026-03-26","by":{"id":"h","role":"r"},"review":{"from":"2026-03-20","to":"2026-03-26","results":{"meetings":5}}}`,
		`{"kind":"assign_mentor","on":"9999-12-31","by":{"id":"h","role":"r"},"mentor":{"actor":{"id":"m-17","role":"x"},"selling_since":"0001-01-01"}}`,
		`{"kind":"extend","on":"2026-03-20","by":{"id":"h","role":"r"},"days":260,"reason":"r"}`,
		`{"kind":"record_results","on":"2026-03-21","by":{"id":"h","role":"r"},"results":{"calls":1000000}}`,
		`{"kind":"pass_gate","on":"2026-03-20","by":{"id":"h","role":"r"}}`,
		`{"kind":"complete_task","on":"2026-03-20","by":{"id":"h","role":"r"},"task_id":"documents"}`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	pl := DefaultPlan()
	sales, supervised := inSalesTraining(f, pl), inSupervisedWork(f, pl)
	f.Fuzz(func(t *testing.T, data []byte, late bool) {
		var e Event
		if json.Unmarshal(data, &e) != nil {
			return
		}
		o := sales.Clone()
		if late {
			o = supervised.Clone()
		}
		before := o.Clone()
		next, err := o.Apply(pl, e)
		require.Equal(t, before, o, "Apply changes no record it is called on")
		if err != nil {
			require.Zero(t, next, "a refused event returns the zero Onboarding")
			return
		}
		require.Len(t, next.Log, len(before.Log)+1)
		require.NoError(t, next.Validate())
		_, err = next.StatusOn(pl, e.On)
		require.NoError(t, err)
	})
}

// Any record a host's storage hands back is read or refused; nothing
// panics, whatever the record claims.
func FuzzRecord(f *testing.F) {
	pl := DefaultPlan()
	full, err := json.Marshal(inSupervisedWork(f, pl))
	require.NoError(f, err)
	f.Add(full)
	f.Add([]byte(`{"id":"o","trainee":{"id":"m","role":"r"},"state":"sales_training"}`))
	f.Add([]byte(`{"id":"o","trainee":{"id":"m","role":"r"},"state":"supervised_work","stages":[{"stage":"supervised_work","started":"9999-12-31"}],"attempts":[{"number":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o Onboarding
		if json.Unmarshal(data, &o) != nil {
			return
		}
		_ = o.Validate()
		_, _ = o.StatusOn(pl, day("9999-12-31"))
		for k := EventStart; k <= EventDismiss; k++ {
			_, _ = o.Apply(pl, Event{Kind: k, On: day("9999-12-31"), By: head, Reason: "r", Days: 1, TaskID: "documents"})
		}
	})
}
