// Package onboardingtest checks that an onboarding.Store implementation
// behaves as the onboarding package documents, in the spirit of
// testing/slogtest. A host runs it against its own store:
//
//	func TestPostgresStore(t *testing.T) {
//		onboardingtest.Run(t, func() onboarding.Store { return newTestStore(t) })
//	}
//
// newStore must return an empty store each time it is called; every
// subtest starts from a fresh one.
package onboardingtest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/storetest"
	"github.com/clientele-go/clientele/onboarding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite as subtests of t.
func Run(t *testing.T, newStore func() onboarding.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s onboarding.Store)
	}{
		{"GetMissingIsNotFound", testGetMissing},
		{"CreateThenGetRoundTrips", testRoundTrip},
		{"CreateRefusesDuplicateID", testDuplicateCreate},
		{"CreateRefusesInvalidRecords", testCreateInvalid},
		{"UpdateBumpsVersion", testUpdateBumpsVersion},
		{"UpdateRefusesStaleVersion", testStaleUpdate},
		{"UpdateMissingIsNotFound", testUpdateMissing},
		{"UpdateRefusesInvalidRecords", testUpdateInvalid},
		{"DeleteChecksVersion", testDelete},
		{"ValuesAreCopiedInAndOut", testCopies},
		{"ConcurrentEventsLoseNothing", testConcurrentUpdates},
		{"ConcurrentCreatesOfOneIDHaveOneWinner", testConcurrentCreates},
		{"ListFilters", testListFilters},
		{"ListPagesInIDOrder", testPaging},
		{"ListRefusesBadPages", testBadPages},
		{"AnyValidIDRoundTripsAndLists", testOddIDs},
		{"CanceledContextIsReported", testCanceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore())
		})
	}
}

var (
	plan    = onboarding.DefaultPlan()
	head    = authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}
	trainer = authority.Actor{ID: "t-9", Role: onboarding.RoleTrainer}
	day     = clientele.MustParseDate
)

// sample returns an onboarding in sales training with every kind of fact
// recorded (stages, tasks, a mentor, results, a scored attempt, the log),
// built through Apply, so a round trip that drops a field shows.
func sample(t *testing.T, id, trainee, mentor string) onboarding.Onboarding {
	t.Helper()
	o, err := onboarding.New(id, authority.Actor{ID: trainee, Role: authority.RoleManager})
	require.NoError(t, err)
	apply := func(e onboarding.Event) {
		t.Helper()
		next, err := o.Apply(plan, e)
		require.NoError(t, err)
		o = next
	}
	apply(onboarding.Event{Kind: onboarding.EventStart, On: day("2026-03-02"), By: head})
	for i, st := range plan.Stages[:2] {
		on := day("2026-03-03").AddDays(i)
		for _, task := range st.Tasks {
			apply(onboarding.Event{Kind: onboarding.EventCompleteTask, On: on, By: head, TaskID: task.ID})
		}
		apply(onboarding.Event{Kind: onboarding.EventPassGate, On: on, By: head})
	}
	apply(onboarding.Event{Kind: onboarding.EventExtend, On: day("2026-03-04"), By: head, Days: 2, Reason: "holidays"})
	apply(onboarding.Event{Kind: onboarding.EventAssignMentor, On: day("2026-03-05"), By: head,
		Mentor: &onboarding.Mentor{Actor: authority.Actor{ID: mentor, Role: authority.RoleLeadManager}, SellingSince: day("2020-01-15")}})
	apply(onboarding.Event{Kind: onboarding.EventRecordResults, On: day("2026-03-10"), By: head,
		Results: &onboarding.Results{Calls: 30, Applications: 1, Meetings: 2}})
	apply(onboarding.Event{Kind: onboarding.EventScoreTest, On: day("2026-03-20"), By: trainer,
		Answers: []onboarding.Answer{{Question: "features", Score: 5, Max: 10}, {Question: "delivery_time", Score: 2, Max: 5}}})
	return o
}

func create(t *testing.T, s onboarding.Store, o onboarding.Onboarding) onboarding.Onboarding {
	t.Helper()
	got, err := s.Create(context.Background(), o)
	require.NoError(t, err)
	return got
}

// assertSame compares records field by field; decimals are compared by
// value, since a database may return 58.33 with another exponent.
func assertSame(t *testing.T, want, got onboarding.Onboarding) {
	t.Helper()
	require.Len(t, got.Attempts, len(want.Attempts), "attempts")
	want, got = want.Clone(), got.Clone()
	for i := range want.Attempts {
		w, g := &want.Attempts[i], &got.Attempts[i]
		assert.True(t, w.Percent.Equal(g.Percent), "attempts[%d].percent: want %s, got %s", i, w.Percent, g.Percent)
		assert.True(t, w.PassMark.Equal(g.PassMark), "attempts[%d].pass_mark: want %s, got %s", i, w.PassMark, g.PassMark)
		w.Percent, w.PassMark = g.Percent, g.PassMark
	}
	assert.Equal(t, want, got)
}

func testGetMissing(t *testing.T, s onboarding.Store) {
	_, err := s.Get(context.Background(), "nobody")
	assert.ErrorIs(t, err, onboarding.ErrNotFound)
}

func testRoundTrip(t *testing.T, s onboarding.Store) {
	pending, err := onboarding.New("o-0", authority.Actor{ID: "m-0", Role: authority.RoleManager})
	require.NoError(t, err)
	for _, want := range []onboarding.Onboarding{sample(t, "o-1", "m-1", "s-1"), pending} {
		created := create(t, s, want)
		assert.Equal(t, int64(1), created.Version, "a created onboarding has version 1")
		got, err := s.Get(context.Background(), want.ID)
		require.NoError(t, err)
		want.Version = 1
		assertSame(t, want, got)
		assertSame(t, want, created)
	}
	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	st, err := got.StatusOn(plan, day("2026-03-20"))
	require.NoError(t, err, "a stored record still works with the plan")
	assert.Equal(t, onboarding.StageSalesTraining, st.Stage)
}

func testDuplicateCreate(t *testing.T, s onboarding.Store) {
	create(t, s, sample(t, "o-1", "m-1", "s-1"))
	_, err := s.Create(context.Background(), sample(t, "o-1", "m-2", "s-1"))
	assert.ErrorIs(t, err, onboarding.ErrAlreadyExists)
	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assert.Equal(t, "m-1", got.Trainee.ID, "a refused create overwrites nothing")
}

func testCreateInvalid(t *testing.T, s onboarding.Store) {
	bad := sample(t, "o-1", "m-1", "s-1")
	bad.Trainee.ID = ""
	_, err := s.Create(context.Background(), bad)
	assert.ErrorIs(t, err, onboarding.ErrInvalid)

	versioned := sample(t, "o-2", "m-1", "s-1")
	versioned.Version = 3
	_, err = s.Create(context.Background(), versioned)
	assert.ErrorIs(t, err, onboarding.ErrInvalid, "a new onboarding carries version 0")

	both := sample(t, "o-3", "m-1", "s-1")
	both.State, both.Version = 0, 3
	_, err = s.Create(context.Background(), both)
	var ve *clientele.ValidationError
	if assert.ErrorAs(t, err, &ve, "bad input is a *clientele.ValidationError (onboarding.ValidateNew returns one)") {
		var fields []string
		for _, f := range ve.Fields {
			fields = append(fields, f.Field)
		}
		assert.Subset(t, fields, []string{"state", "version"}, "a version is reported beside the record's other problems")
	}
	for _, id := range []string{"o-1", "o-2", "o-3"} {
		_, err = s.Get(context.Background(), id)
		assert.ErrorIs(t, err, onboarding.ErrNotFound, "a refused create stores nothing")
	}
}

func testUpdateBumpsVersion(t *testing.T, s onboarding.Store) {
	o, err := create(t, s, sample(t, "o-1", "m-1", "s-1")).Apply(plan, onboarding.Event{Kind: onboarding.EventCompleteTask, On: day("2026-03-21"), By: head, TaskID: "documents"})
	require.NoError(t, err)
	updated, err := s.Update(context.Background(), o)
	require.NoError(t, err)
	assert.Equal(t, int64(2), updated.Version)
	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assert.Equal(t, int64(2), got.Version)
	assert.Equal(t, "documents", got.TasksDone[len(got.TasksDone)-1].TaskID)
	assert.Len(t, got.Log, len(o.Log))
}

func testStaleUpdate(t *testing.T, s onboarding.Store) {
	stored := create(t, s, sample(t, "o-1", "m-1", "s-1"))

	first, err := stored.Apply(plan, onboarding.Event{Kind: onboarding.EventCompleteTask, On: day("2026-03-21"), By: head, TaskID: "documents"})
	require.NoError(t, err)
	_, err = s.Update(context.Background(), first)
	require.NoError(t, err)

	second, err := stored.Apply(plan, onboarding.Event{Kind: onboarding.EventCompleteTask, On: day("2026-03-21"), By: head, TaskID: "crm_entry"})
	require.NoError(t, err)
	_, err = s.Update(context.Background(), second)
	assert.ErrorIs(t, err, onboarding.ErrConflict, "a write based on version 1 after version 2 was stored")

	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assert.Equal(t, "documents", got.TasksDone[len(got.TasksDone)-1].TaskID, "the stale write changed nothing")
}

func testUpdateMissing(t *testing.T, s onboarding.Store) {
	o := sample(t, "ghost", "m-1", "s-1")
	o.Version = 1
	_, err := s.Update(context.Background(), o)
	assert.ErrorIs(t, err, onboarding.ErrNotFound)
}

func testUpdateInvalid(t *testing.T, s onboarding.Store) {
	o := create(t, s, sample(t, "o-1", "m-1", "s-1"))
	o.State = onboarding.State(99)
	_, err := s.Update(context.Background(), o)
	assert.ErrorIs(t, err, onboarding.ErrInvalid)
	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version)
	assert.Equal(t, onboarding.StateSalesTraining, got.State)
}

func testDelete(t *testing.T, s onboarding.Store) {
	o := create(t, s, sample(t, "o-1", "m-1", "s-1"))
	assert.ErrorIs(t, s.Delete(context.Background(), "o-1", o.Version+1), onboarding.ErrConflict)
	_, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err, "a stale delete removes nothing")

	require.NoError(t, s.Delete(context.Background(), "o-1", o.Version))
	_, err = s.Get(context.Background(), "o-1")
	assert.ErrorIs(t, err, onboarding.ErrNotFound)
	assert.ErrorIs(t, s.Delete(context.Background(), "o-1", o.Version), onboarding.ErrNotFound)

	again := create(t, s, sample(t, "o-1", "m-1", "s-1"))
	assert.Equal(t, int64(1), again.Version, "a deleted ID can be created again")
}

func testCopies(t *testing.T, s onboarding.Store) {
	in := sample(t, "o-1", "m-1", "s-1")
	created := create(t, s, in)
	in.TasksDone[0].TaskID = "changed-after-create"
	in.Attempts[0].Answers[0].Score = 9
	created.Log[0].Note = "changed-on-returned-copy"
	created.Mentors[0].Mentor.Actor.ID = "changed-on-returned-copy"

	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	want := sample(t, "o-1", "m-1", "s-1")
	want.Version = 1
	assertSame(t, want, got)

	got.Reviews = append(got.Reviews, onboarding.ReviewRecord{})
	got.Attempts[0].Answers[0].Question = "changed-on-read-copy"
	listed, err := s.List(context.Background(), onboarding.Filter{}, onboarding.Page{Limit: 1})
	require.NoError(t, err)
	require.Len(t, listed.Onboardings, 1)
	listed.Onboardings[0].Results[0].Results.Calls = 999

	again, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assertSame(t, want, again)
}

// testConcurrentUpdates has writers each record their own results with a
// read-apply-write loop that retries on ErrConflict. Optimistic
// concurrency must keep every record: a lost update shows as a missing
// one.
func testConcurrentUpdates(t *testing.T, s onboarding.Store) {
	ctx := context.Background()
	base := create(t, s, sample(t, "o-1", "m-1", "s-1"))

	const writers, each = 8, 5
	errs := storetest.Concurrently(writers, func(w int) error {
		for i := range each {
			if err := recordCalls(ctx, s, "o-1", 100*w+i+1); err != nil {
				return err
			}
		}
		return nil
	})
	for _, err := range errs {
		require.NoError(t, err)
	}
	got, err := s.Get(ctx, "o-1")
	require.NoError(t, err)
	assert.Len(t, got.Results, len(base.Results)+writers*each, "every writer's results survive")
	assert.Equal(t, int64(1+writers*each), got.Version)
}

func recordCalls(ctx context.Context, s onboarding.Store, id string, calls int) error {
	for {
		o, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		runtime.Gosched()
		if o, err = o.Apply(plan, onboarding.Event{Kind: onboarding.EventRecordResults, On: day("2026-03-21"), By: head,
			Results: &onboarding.Results{Calls: calls}}); err != nil {
			return err
		}
		_, err = s.Update(ctx, o)
		if !errors.Is(err, onboarding.ErrConflict) {
			return err
		}
	}
}

func testConcurrentCreates(t *testing.T, s onboarding.Store) {
	o := sample(t, "o-1", "m-1", "s-1")
	errs := storetest.Concurrently(8, func(int) error {
		_, err := s.Create(context.Background(), o.Clone())
		return err
	})
	storetest.AssertOneWinner(t, errs, onboarding.ErrAlreadyExists)
}

func seed(t *testing.T, s onboarding.Store) {
	t.Helper()
	create(t, s, sample(t, "o-01", "m-1", "s-1"))
	create(t, s, sample(t, "o-02", "m-2", "s-2"))
	create(t, s, sample(t, "o-03", "m-3", "s-1"))
	pending, err := onboarding.New("o-04", authority.Actor{ID: "m-4", Role: authority.RoleManager})
	require.NoError(t, err)
	create(t, s, pending)
	dismissed, err := sample(t, "o-05", "m-5", "s-2").Apply(plan, onboarding.Event{Kind: onboarding.EventDismiss, On: day("2026-03-25"), By: head, Reason: "left for another company"})
	require.NoError(t, err)
	create(t, s, dismissed)
}

func ids(os []onboarding.Onboarding) []string {
	out := make([]string, len(os))
	for i, o := range os {
		out[i] = o.ID
	}
	return out
}

func testListFilters(t *testing.T, s onboarding.Store) {
	seed(t, s)
	cases := []struct {
		filter onboarding.Filter
		want   []string
	}{
		{onboarding.Filter{}, []string{"o-01", "o-02", "o-03", "o-04", "o-05"}},
		{onboarding.Filter{TraineeID: "m-2"}, []string{"o-02"}},
		{onboarding.Filter{MentorID: "s-1"}, []string{"o-01", "o-03"}},
		{onboarding.Filter{State: onboarding.StateSalesTraining}, []string{"o-01", "o-02", "o-03"}},
		{onboarding.Filter{State: onboarding.StatePending}, []string{"o-04"}},
		{onboarding.Filter{MentorID: "s-2", State: onboarding.StateDismissed}, []string{"o-05"}},
		{onboarding.Filter{TraineeID: "m-9"}, nil},
	}
	for _, tc := range cases {
		res, err := s.List(context.Background(), tc.filter, onboarding.Page{Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, tc.want, nilIfEmpty(ids(res.Onboardings)), "filter %+v", tc.filter)
		assert.Empty(t, res.Next, "a single page has no next")
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func testPaging(t *testing.T, s onboarding.Store) {
	seed(t, s)
	seen := storetest.EveryPage(t, 2, 10, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(context.Background(), onboarding.Filter{}, onboarding.Page{After: after, Limit: limit})
		return ids(res.Onboardings), res.Next, err
	})
	assert.Equal(t, []string{"o-01", "o-02", "o-03", "o-04", "o-05"}, seen, "each onboarding once, in ID order")

	res, err := s.List(context.Background(), onboarding.Filter{MentorID: "s-1"}, onboarding.Page{Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, []string{"o-01"}, ids(res.Onboardings))
	assert.Equal(t, "o-01", res.Next)

	var all []string
	for o, err := range onboarding.All(context.Background(), s, onboarding.Filter{State: onboarding.StateSalesTraining}) {
		require.NoError(t, err)
		all = append(all, o.ID)
	}
	assert.Equal(t, []string{"o-01", "o-02", "o-03"}, all)
}

func testBadPages(t *testing.T, s onboarding.Store) {
	for _, limit := range []int{0, -1, onboarding.MaxPageLimit + 1} {
		_, err := s.List(context.Background(), onboarding.Filter{}, onboarding.Page{Limit: limit})
		assert.ErrorIs(t, err, onboarding.ErrInvalid, "limit %d", limit)
	}
	_, err := s.List(context.Background(), onboarding.Filter{State: onboarding.State(42)}, onboarding.Page{Limit: 1})
	assert.ErrorIs(t, err, onboarding.ErrInvalid)
}

func testCanceled(t *testing.T, s onboarding.Store) {
	ctx := storetest.Canceled()
	o := sample(t, "o-1", "m-1", "s-1")
	_, err := s.Get(ctx, "o-1")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Create(ctx, o)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.List(ctx, onboarding.Filter{}, onboarding.Page{Limit: 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Get(context.Background(), "o-1")
	assert.ErrorIs(t, err, onboarding.ErrNotFound, "a canceled create stores nothing")
	created := create(t, s, o)
	_, err = s.Update(ctx, created)
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, s.Delete(ctx, "o-1", created.Version), context.Canceled)
	got, err := s.Get(context.Background(), "o-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version, "a canceled update or delete changes nothing")
}

func testOddIDs(t *testing.T, s onboarding.Store) {
	ctx := context.Background()
	want := storetest.OddIDs()
	for i, id := range want {
		create(t, s, sample(t, id, fmt.Sprintf("m-%d", i), "s-1"))
	}
	for _, id := range want {
		got, err := s.Get(ctx, id)
		if assert.NoError(t, err, "get %q", id) {
			assert.Equal(t, id, got.ID)
		}
	}
	slices.Sort(want)
	listed := storetest.EveryPage(t, 3, len(want)+1, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(ctx, onboarding.Filter{}, onboarding.Page{After: after, Limit: limit})
		return ids(res.Onboardings), res.Next, err
	})
	assert.Equal(t, want, listed, "List returns every onboarding once, in byte order of the IDs")

	require.NoError(t, s.Delete(ctx, ".hidden", 1))
	_, err := s.Get(ctx, ".hidden")
	assert.ErrorIs(t, err, onboarding.ErrNotFound)
	got, err := s.Get(ctx, "Vostok")
	require.NoError(t, err, "deleting one ID leaves the others")
	assert.Equal(t, "Vostok", got.ID)
}
