// Package onboarding brings a new account manager to full strength
// through the four training stages the article describes (DOMAIN.md,
// "Onboarding"), and plans the interviews that find them.
//
// # The four stages
//
//  1. Introduction to the work and the company, a few days (3 working days
//     by default): HR briefs the company and its current policy and
//     introduces the colleagues; the system administrator opens the office
//     suite, accounting system and CRM accounts (due on day 1); the head of
//     department gives client information and the first tasks.
//  2. What is sold, and the start of the client base: 2 working days.
//     The article's lesson: a telecom company trained newcomers for 10
//     days before their first cold call and many quit; it cut training to
//     2 days (products, the sales system, cold-call technique) and sent
//     them prospecting at once.
//  3. Sales training with a mentor (curator), 20 working days: the
//     mentor is assigned first; the commercial offer, documents, CRM
//     entry, prospect research, inter-department procedures, client
//     segmentation, the price list and discount calculation; and the
//     product knowledge test, scored by the trainer, HR or the general
//     director, its answers checked over 3 to 4 weeks. A failure leaves
//     one more, final chance.
//  4. Inclusion in the normal work rhythm under an experienced curator,
//     until the manager's own performance shows readiness to work alone.
//     A new hire is useful after about six months: 3 + 2 + 20 + 105 = 130
//     working days, 26 weeks.
//
// # The plan
//
// A [Plan] is configuration: the four stages in order, each with a target
// in working days (Monday to Friday, [clientele.WorkingDays]), a checklist of
// [Task]s with their [Owner] and an optional due day, which tasks are
// required, and the [Gate] (a mentor, the knowledge test, readiness);
// then the [TestPolicy], the [MentorPolicy] and the
// [SupervisionPolicy]. [DefaultPlan] is the article's; a host changes any
// of it and loads its own with clientele.LoadConfig[onboarding.Plan],
// which refuses unknown fields and reports every problem at once. Where
// the article gives no number the default says where its own comes from:
// the 80 % pass mark is Odoo's survey default, the mentor's 12 months
// are the article's second career level, weekly reviews of 5 meetings
// are its B2B figure of 1-2 meetings a day.
//
// # The lifecycle
//
// One trainee's [Onboarding] changes only through [Onboarding.Apply],
// one [Event] at a time, which returns the next record and leaves the one
// it is called on as it was:
//
//	next, err := o.Apply(plan, e)
//	if err != nil {
//		return err // o is unchanged
//	}
//	o, err = store.Update(ctx, next)
//
// Events are: start, complete_task, assign_mentor,
// record_results, score_test, review_period, extend, pass_gate,
// fail_gate, dismiss. The [Transitions] table says which event may
// happen in which [State]; [Onboarding.Can] and [Onboarding.Events]
// read it, [Onboarding.Check] tries an event without applying it. An
// event the table lacks, or a gate not met, is a *[TransitionError]
// whose [Blocker]s say what is missing ("required task crm_account
// (Account for the CRM, owner system_administrator) is not done"). Bad
// input (a score above the question's maximum, the trainee as their own
// mentor, a mentor with too little experience, a date before the last
// event, a review period of the wrong length) is ErrInvalid's
// *clientele.ValidationError naming each field and value. Every accepted
// event adds a timeline [Entry] that says what it did in words.
//
// Applying an event returns a value, as contract.Contract.Apply does,
// rather than changing the record in place: a refused event cannot leave
// a half-applied record, the stored version stays at hand for a retry
// after ErrConflict, and the result shares no slice with the record it
// came from, so changing one never changes the other. On an error the
// result is the zero Onboarding.
//
// # The knowledge test
//
// The examiner scores each question ([Answer]); an [Attempt] passes when
// its points × 100 reach the pass mark × its maximum, compared exactly,
// the mark itself passing. A failed attempt with a retry left keeps the
// trainee in stage 3 ("one more, final chance left"); a failure with no
// retry left ends the onboarding as not passed, with every score in the
// reason. The review window (21 to 28 days from the start of stage 3 by
// default) is tracked: the status says when the result is due and when it
// is overdue.
//
// # Mentor and supervised work
//
// A [Mentor] must not be the trainee and must have sold for the plan's
// minimum months on the day of assignment. While mentored, the trainee's
// [Results] (calls made, applications received, meetings, contracts) are
// recorded; the mentor earns the bonus ([BonusCheck]) when they reach the
// plan's targets within the set period from the assignment. In stage 4,
// each review covers one period against the targets; readiness
// ([Readiness]) is the configured number of back-to-back periods on
// target, and [Productivity] compares the day of readiness with the
// expected six months: ahead, on track or behind, by how many days.
//
// # The status on a day
//
// [Onboarding.StatusOn] gives the current stage, working days in the
// stage against its target, overdue tasks, what blocks the next stage,
// the test, the mentor's bonus, readiness, the pace to full productivity
// and the timeline, with a Summary that reads as sentences.
//
// # Hiring figures
//
// [PlanHiring] turns a show-up rate (the article's "1 of 5 invited
// comes") and a target of real interviews a day (5) into invitations and
// résumés to review, rounding up, with an optional safety margin. The
// article's 15-20 invitations match a show-up of 1 of 4 to 1 of 3; its
// 1 of 5 gives 25. The planner shows the arithmetic rather than hiding
// the difference.
//
// # Storage
//
// [Store] keeps onboardings with optimistic versions (ErrConflict on a
// stale write); [MemStore] is the in-memory one; the sub-package
// onboardingtest is the conformance suite any Store must pass.
//
// # Zero values
//
// The zero Plan, Onboarding, Event and HiringInput are refused with
// errors naming what is missing; the zero MemStore is an empty store.
// Every function is pure and deterministic: the day is always an
// argument, never the clock.
package onboarding
