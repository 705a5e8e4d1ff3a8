package kpi

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// FindingKind says which conclusion a Finding states, and so which of
// its fields carry what. The zero value is unset.
type FindingKind uint8

const (
	// FindingVerdict: a criterion's measured value against its target.
	// Word is the unit, Status the verdict; Amounts are measured,
	// target, exceeding mark and attainment.
	FindingVerdict FindingKind = iota + 1
	// FindingNoWorkingDay: a rate could not be measured. Word is what was
	// counted ("events").
	FindingNoWorkingDay
	// FindingEvents: Counts are the events and the working days.
	FindingEvents
	// FindingNoMeeting: no meeting to ask for referrals at.
	FindingNoMeeting
	// FindingReferrals: Counts are the referral requests, the meetings and
	// the referrals obtained.
	FindingReferrals
	// FindingMeetings: Counts are the meetings and the working days.
	FindingMeetings
	// FindingNoContact: no call or meeting in the period.
	FindingNoContact
	// FindingDays: Counts are the days with calls or meetings, the call
	// days and the meeting days; Amounts[0] is the clean-day share.
	FindingDays
	// FindingAlternate: the advice to alternate call and meeting days.
	FindingAlternate
	// FindingNoProspect: no prospect was met.
	FindingNoProspect
	// FindingProspectsSigned: Counts are the prospects who signed and the
	// prospects met.
	FindingProspectsSigned
	// FindingUnreached: client Subject met Counts[0] times from Days[0]
	// to Days[1] with no contract; Counts[1] and Counts[2] are the
	// meetings with a decision maker recorded present and absent.
	FindingUnreached
	// FindingMoreUnreached: Counts are the unreached clients not named
	// one by one and the config's DecisionMakerMeetings.
	FindingMoreUnreached
	// FindingNoPlan: Counts[0] contracts signed for Amounts[0]; no plan.
	FindingNoPlan
	// FindingPlan: Counts[0] contracts signed for Amounts[0] against the
	// plan (Word "revenue": Amounts[1]; Word "contracts": Counts[1]),
	// Amounts[2] percent fulfilled, Amounts[3] over the plan.
	FindingPlan
	// FindingDeferred: deal Subject of client Client, ready on Days[0],
	// won on Days[1] within the first Counts[0] days of the next period,
	// Amounts[0] shifted; Word is "met" when the plan was already met,
	// "exceeded" when the deal would have exceeded it.
	FindingDeferred
	// FindingDeferredTotal: Counts[0] deals, Amounts[0] in all, deferred.
	FindingDeferredTotal
	// FindingNoFunnel: no deal in the funnel.
	FindingNoFunnel
	// FindingFunnel: Counts are the deals worked, won, lost and open;
	// Amounts[0] is the weighted pipeline.
	FindingFunnel
	// FindingOverdue: Counts[0] open deals past their expected close.
	FindingOverdue
	// FindingStale: deal Subject of client Client, Amounts[0], at stage
	// Word since Days[0], Counts[0] days.
	FindingStale
	// FindingMoreStale: Counts[0] stale deals not named one by one.
	FindingMoreStale
	// FindingNoRepeat: no client signed in the period.
	FindingNoRepeat
	// FindingRepeat: Counts[0] of the Counts[1] clients who signed had
	// signed before; Amounts[0] is that rate in percent.
	FindingRepeat
	// FindingOutsidePeriod: Counts[0] activities outside the period.
	FindingOutsidePeriod
)

var findingNames = enum.Names{"", "verdict", "no_working_day", "events", "no_meeting", "referrals", "meetings",
	"no_contact", "days", "alternate", "no_prospect", "prospects_signed", "unreached", "more_unreached",
	"no_plan", "plan", "deferred", "deferred_total", "no_funnel", "funnel", "overdue", "stale", "more_stale",
	"no_repeat", "repeat", "outside_period"}

// ParseFindingKind returns the kind named s ("verdict", "unreached",
// "stale", ...).
func ParseFindingKind(s string) (FindingKind, error) {
	return enum.Parse[FindingKind](findingNames, "finding kind", s)
}

func (k FindingKind) String() string { return enum.String(findingNames, "FindingKind", k) }

// IsValid reports whether k is one of the named kinds.
func (k FindingKind) IsValid() bool { return enum.Valid(findingNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k FindingKind) MarshalText() ([]byte, error) {
	return enum.Marshal(findingNames, "FindingKind", k)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *FindingKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(findingNames, "finding kind", k, b)
}

// Finding is one conclusion of a scorecard as data: its kind, whom it
// names and its figures (FindingKind documents which field holds what).
// The evaluation records findings and String writes them in words on
// demand, so a team of a thousand scorecards costs no sentence nobody
// reads. The zero Finding is unset and writes as "".
type Finding struct {
	Kind FindingKind `json:"kind"`
	// Status is a verdict's status.
	Status Status `json:"status,omitzero"`
	// Subject is the client or deal the finding names.
	Subject string `json:"subject,omitempty"`
	// ClientID is the client of the deal named.
	ClientID string `json:"client_id,omitempty"`
	// Word is the unit, the noun, the stage or the plan's kind.
	Word string `json:"word,omitempty"`
	// Currency is the ISO 4217 code of the amounts written as money.
	Currency string             `json:"currency,omitempty"`
	Counts   [4]int             `json:"counts"`
	Days     [2]clientele.Date  `json:"days"`
	Amounts  [4]decimal.Decimal `json:"amounts"`
}

// String writes the finding as a head of sales reads it to the manager.
func (f Finding) String() string {
	n := f.Counts
	switch f.Kind {
	case FindingVerdict:
		sep := " "
		if f.Word == "%" {
			sep = ""
		}
		return f.Amounts[0].StringFixed(2) + sep + f.Word + " against a target of " + f.Amounts[1].String() +
			" (exceeds at " + f.Amounts[2].String() + "): " + statusWords[f.Status] + ", " + f.Amounts[3].StringFixed(2) + "% of the target."
	case FindingNoWorkingDay:
		return "The period has no working day to measure " + f.Word + " by."
	case FindingEvents:
		return "Attended " + plural(n[0], "event", "events") + " (conferences, exhibitions) in " + plural(n[1], "working day", "working days") + "."
	case FindingNoMeeting:
		return "No meeting was held to ask for referrals at."
	case FindingReferrals:
		return "Asked for referrals " + plural(n[0], "time", "times") + " at " + plural(n[1], "meeting", "meetings") +
			" and obtained " + plural(n[2], "referral", "referrals") + "."
	case FindingMeetings:
		return "Held " + plural(n[0], "meeting", "meetings") + " in " + plural(n[1], "working day", "working days") + "."
	case FindingNoContact:
		return "No calls or meetings were logged in the period."
	case FindingDays:
		return "Of " + plural(n[0], "day", "days") + " with calls or meetings, " + strconv.Itoa(n[1]) + " were call days, " +
			strconv.Itoa(n[2]) + " meeting days and " + strconv.Itoa(n[0]-n[1]-n[2]) + " mixed; a day counts as one kind when that kind makes at least " +
			f.Amounts[0].String() + "% of its calls and meetings."
	case FindingAlternate:
		return "Alternate the days: one day calls and base expansion, the next day meetings."
	case FindingNoProspect:
		return "No prospect was met in the period."
	case FindingProspectsSigned:
		return strconv.Itoa(n[0]) + " of " + plural(n[1], "prospect", "prospects") + " met in the period signed a contract."
	case FindingUnreached:
		return f.unreached()
	case FindingMoreUnreached:
		return plural(n[0], "more client was", "more clients were") + " met " + strconv.Itoa(n[1]) +
			" times or more without a contract (Scorecard.Unreached lists them all)."
	case FindingNoPlan:
		return f.signed() + "; no plan was set for the period."
	case FindingPlan:
		return f.plan()
	case FindingDeferred:
		why := "while the plan was already met"
		if f.Word != "met" {
			why = "while with it the plan would have been exceeded"
		}
		return "Deal " + f.Subject + " (client " + f.ClientID + ") was ready to sign on " + f.Days[0].String() + " but was signed on " +
			f.Days[1].String() + ", in the first " + strconv.Itoa(n[0]) + " days of the next period, " + why + ": " + f.money(0) + " shifted."
	case FindingDeferredTotal:
		return plural(n[0], "deal", "deals") + ", " + f.money(0) + " in all, held back into the next period: a manager who shifts contracts does not benefit the firm."
	case FindingNoFunnel:
		return "No deal was in the funnel during the period."
	case FindingFunnel:
		return "Of " + plural(n[0], "deal", "deals") + " worked in the period, " + strconv.Itoa(n[1]) + " were won, " +
			strconv.Itoa(n[2]) + " lost and " + strconv.Itoa(n[3]) + " are open, weighing " + f.money(0) + " by their stages' probabilities."
	case FindingOverdue:
		return plural(n[0], "open deal is", "open deals are") + " past the expected close date."
	case FindingStale:
		return "Deal " + f.Subject + " (client " + f.ClientID + ", " + f.money(0) + ") has stood at " + f.Word +
			" since " + f.Days[0].String() + ", " + strconv.Itoa(n[0]) + " days: stale."
	case FindingMoreStale:
		return plural(n[0], "more deal is", "more deals are") + " stale (Funnel.Stale lists them all)."
	case FindingNoRepeat:
		return "Repeat requests: no client signed in the period."
	case FindingRepeat:
		return "Repeat requests: " + strconv.Itoa(n[0]) + " of " + plural(n[1], "client", "clients") +
			" who signed in the period had signed before (" + f.Amounts[0].StringFixed(2) + "%); in service markets effectiveness shows in repeat requests."
	case FindingOutsidePeriod:
		return plural(n[0], "activity", "activities") + " dated outside the period ignored."
	}
	return ""
}

func (f *Finding) unreached() string {
	n := f.Counts
	s := "Client " + f.Subject + ": " + strconv.Itoa(n[0]) + " meetings from " + f.Days[0].String() + " to " + f.Days[1].String() +
		" and no contract: the decision maker was most likely not reached"
	switch present, absent := n[1], n[2]; {
	case present > 0:
		return s + ", although a decision maker attended " + strconv.Itoa(present) + " of them."
	case absent == n[0]:
		return s + "; no decision maker attended any of them."
	case absent > 0:
		return s + "; " + strconv.Itoa(absent) + " of them recorded no decision maker."
	}
	return s + "."
}

func (f *Finding) signed() string {
	return "Signed " + plural(f.Counts[0], "contract", "contracts") + " for " + f.money(0)
}

func (f *Finding) plan() string {
	target := strconv.Itoa(f.Counts[1]) + " contracts"
	if f.Word == "revenue" {
		target = f.money(1)
	}
	s := f.signed() + " against a plan of " + target + ": " + f.Amounts[2].StringFixed(2) + "% fulfilled"
	if f.Amounts[3].Sign() > 0 {
		s += ", " + f.money(3) + " over the plan"
	}
	return s + "."
}

// money writes amount i with the currency's minor unit, half-up.
func (f *Finding) money(i int) string {
	return f.Amounts[i].StringFixed(minorUnits(f.Currency)) + " " + f.Currency
}

// Texts writes each finding of fs in words, in order.
func Texts(fs []Finding) []string {
	out := make([]string, len(fs))
	for i := range fs {
		out[i] = fs[i].String()
	}
	return out
}
