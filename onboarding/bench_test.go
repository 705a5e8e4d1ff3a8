package onboarding

import (
	"testing"
)

// A record at the end of a six-month onboarding: the four stages'
// tasks, a mentor, two test attempts, weekly results and 20 weekly
// reviews (about 70 log entries): the size a status or an event works on.
func benchRecord(b *testing.B, pl Plan) Onboarding {
	o := inSalesTraining(b, pl)
	must(b, &o, pl, assignMentor("2026-03-03", "2020-01-01"))
	for i := range 8 {
		must(b, &o, pl, Event{Kind: EventRecordResults, On: day("2026-03-04").AddDays(2 * i), By: senior, Results: &Results{Calls: 20, Applications: 1}})
	}
	must(b, &o, pl, scoreEvent("2026-03-19", Answer{"q", 5, 10}), scoreEvent("2026-03-20", Answer{"q", 9, 10}))
	doStage(b, &o, pl, "2026-03-20")
	for i := range 20 {
		must(b, &o, pl, review(day("2026-03-20").AddDays(7*i).String(), 3+i%4))
	}
	return o
}

// BenchmarkApply records one result on a full record: the event's and
// the plan's validation, a clone of the record, the log entry.
func BenchmarkApply(b *testing.B) {
	pl := DefaultPlan()
	base := benchRecord(b, pl)
	e := Event{Kind: EventRecordResults, On: day("2026-08-10"), By: senior, Results: &Results{Meetings: 2}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := base.Apply(pl, e); err != nil { // base is not changed
			b.Fatal(err)
		}
	}
}

// BenchmarkStatusOn reads the full record's status with its summary.
func BenchmarkStatusOn(b *testing.B) {
	pl := DefaultPlan()
	o := benchRecord(b, pl)
	asOf := day("2026-08-10")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := o.StatusOn(pl, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
