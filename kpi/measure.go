package kpi

import (
	"fmt"
	"github.com/clientele-go/clientele"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// maxListedFindings is how many flagged clients or deals a criterion's
// findings name one by one; the structured lists hold them all.
const maxListedFindings = 10

// judge turns a measured ratio num/den (already in the benchmark's unit)
// into a Result, and records its verdict finding when measured. The status is decided exactly, by comparing num with
// target × den, with no rounding; Measured, Attainment and Score are
// then rounded half-up to two decimals. A zero den leaves the criterion
// not measured.
func (e *evaluator) judge(c Criterion, num, den decimal.Decimal, unit string) Result {
	e.scoreOK[c] = false
	b := e.cfg.Benchmarks.Of(c)
	r := Result{Criterion: c, Unit: unit, Target: b.Target, Exceeds: b.Exceeds, Weight: b.Weight, Status: StatusNotMeasured}
	if den.Sign() == 0 {
		return r
	}
	r.Measured = num.DivRound(den, 2)
	targetTimesDen := b.Target.Mul(den)
	switch {
	case num.Cmp(b.Exceeds.Mul(den)) >= 0:
		r.Status = StatusExceeds
	case num.Cmp(targetTimesDen) >= 0:
		r.Status = StatusMeets
	default:
		r.Status = StatusBelow
	}
	r.Attainment = num.Mul(hundred).DivRound(targetTimesDen, 2)
	r.Score = decimal.Min(r.Attainment, e.cfg.ScoreCap)
	e.scoreH[c], e.scoreOK[c] = hundredthsOf(r.Score)
	e.found = append(e.found, Finding{Kind: FindingVerdict, Status: r.Status, Word: unit,
		Amounts: [4]decimal.Decimal{r.Measured, b.Target, b.Exceeds, r.Attainment}})
	return r
}

var statusWords = [...]string{StatusBelow: "below the target", StatusMeets: "meets the target", StatusExceeds: "exceeds the target"}

// rate judges a count per working days (events, meetings).
func (e *evaluator) rate(c Criterion, count, workingDays int, noun string) Result {
	per := e.cfg.Benchmarks.Of(c).PerWorkingDays
	r := e.judgeCounts(c, int64(count)*int64(per), int64(workingDays), e.rateUnit[c])
	if r.Status == StatusNotMeasured {
		e.found = append(e.found, Finding{Kind: FindingNoWorkingDay, Word: noun})
	}
	return r
}

// rateUnit is the unit of a count per working days.
func rateUnit(noun string, per int) string {
	if per != 1 {
		return fmt.Sprintf("%s per %d working days", noun, per)
	}
	return noun + " per working day"
}

// percent judges part as a percentage of whole.
func (e *evaluator) percent(c Criterion, part, whole decimal.Decimal) Result {
	return e.judge(c, part.Mul(hundred), whole, "%")
}

// percentCounts judges the count part as a percentage of the count whole.
func (e *evaluator) percentCounts(c Criterion, part, whole int) Result {
	return e.judgeCounts(c, int64(part)*100, int64(whole), "%")
}

func count(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// plural writes "1 event", "2 events".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// shareNeed decides whether a day's calls and meetings make it a clean
// day: the larger kind must make at least CleanDayShare percent of the
// day's contacts. need[t] caches, for t contacts, the least count that
// does (ceil(share × t / 100), exact), so the days of a thousand
// managers cost a few decimal operations in all.
type shareNeed struct {
	share decimal.Decimal
	need  []int64 // 0 = not computed yet; the need is at least 1
}

const maxCachedContacts = 1 << 12

// at returns the least count of the larger kind that makes a day of t
// contacts clean, from the cache when it holds it.
func (s *shareNeed) at(t int64) int64 {
	if t < int64(len(s.need)) && s.need[t] != 0 {
		return s.need[t]
	}
	n := s.share.Mul(decimal.NewFromInt(t)).Shift(-2).Ceil().IntPart()
	if t < maxCachedContacts {
		if t >= int64(len(s.need)) {
			s.need = slices.Grow(s.need, int(t)+1-len(s.need))[:t+1]
		}
		s.need[t] = n
	}
	return n
}

// organisation is criterion 2: of the days with calls or meetings, the
// share that are call days or meeting days.
func (e *evaluator) organisation() Result {
	var active, callDays, meetingDays int
	for i := range e.days {
		calls, meetings := e.days[i][ActivityCall], e.days[i][ActivityMeeting]
		if calls == 0 && meetings == 0 {
			continue
		}
		active++
		// The cached need is read in the loop; at fills what is missing.
		t, need := int64(calls)+int64(meetings), int64(0)
		if t < int64(len(e.need)) {
			need = e.need[t]
		}
		if need == 0 {
			need = e.at(t)
		}
		if int64(max(calls, meetings)) >= need {
			if calls >= meetings {
				callDays++
			} else {
				meetingDays++
			}
		}
	}
	clean := callDays + meetingDays
	r := e.percentCounts(CriterionOrganisation, clean, active)
	if active == 0 {
		e.found = append(e.found, Finding{Kind: FindingNoContact})
		return r
	}
	e.found = append(e.found, Finding{Kind: FindingDays, Counts: [4]int{active, callDays, meetingDays},
		Amounts: [4]decimal.Decimal{e.cfg.CleanDayShare}})
	if r.Status == StatusBelow {
		e.found = append(e.found, Finding{Kind: FindingAlternate})
	}
	return r
}

// decisionMaker is criterion 5: the prospects met who signed, and the
// clients met N or more times with no contract, listed in the order the
// log first shows them; the findings name the ones met most.
func (e *evaluator) decisionMaker(s *Scorecard) Result {
	var prospects, signed, unreached int
	for i := range e.clients {
		m := &e.clients[i]
		if m.meetings == 0 {
			continue // signed, never met
		}
		has := !m.signed.IsZero()
		if !has || !m.signed.Before(e.period.From) {
			prospects++
			if has {
				signed++
			}
		}
		m.unreached = !has && m.meetings >= e.cfg.DecisionMakerMeetings
		if m.unreached {
			unreached++
		}
	}
	s.Unreached = make([]Unreached, 0, unreached)
	for i := range e.clients {
		if m := &e.clients[i]; m.unreached {
			s.Unreached = append(s.Unreached, Unreached{ClientID: m.client, Meetings: m.meetings,
				First: m.first, Last: m.last, Present: m.present, Absent: m.absent})
		}
	}
	r := e.percentCounts(CriterionDecisionMaker, signed, prospects)
	if prospects == 0 {
		e.found = append(e.found, Finding{Kind: FindingNoProspect})
	} else {
		e.found = append(e.found, Finding{Kind: FindingProspectsSigned, Counts: [4]int{signed, prospects}})
	}
	e.mostMet = mostMet(s.Unreached, maxListedFindings, e.mostMet[:0])
	for _, u := range e.mostMet {
		e.found = append(e.found, Finding{Kind: FindingUnreached, Subject: u.ClientID,
			Counts: [4]int{u.Meetings, u.Present, u.Absent}, Days: [2]clientele.Date{u.First, u.Last}})
	}
	if more := len(s.Unreached) - maxListedFindings; more > 0 {
		e.found = append(e.found, Finding{Kind: FindingMoreUnreached, Counts: [4]int{more, e.cfg.DecisionMakerMeetings}})
	}
	return r
}

// mostMet returns the n clients of list met most often (ties by client
// ID), most first, without sorting the whole list, in top (emptied),
// the evaluator's scratch. A client that beats the last of a full top
// is inserted where it belongs, the ones after it shifted down by one.
func mostMet(list []Unreached, n int, top []Unreached) []Unreached {
	for i := range list {
		u := &list[i]
		j := len(top)
		switch {
		case j < n:
			top = append(top, Unreached{})
		case n == 0 || !metBefore(u, &top[n-1]):
			continue
		default:
			j = n - 1
		}
		for ; j > 0 && metBefore(u, &top[j-1]); j-- {
			top[j] = top[j-1]
		}
		top[j] = *u
	}
	return top
}

// metBefore orders unreached clients: met more often first, then by
// client ID.
func metBefore(a, b *Unreached) bool {
	return a.Meetings > b.Meetings || a.Meetings == b.Meetings && a.ClientID < b.ClientID
}
