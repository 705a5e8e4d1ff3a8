package kpi

import "github.com/clientele-go/clientele/internal/enum"

// Criterion is one of the article's seven criteria of an account
// manager's effectiveness, in the article's order. The zero value is
// unset.
type Criterion uint8

const (
	// CriterionEvents: attends events, conferences, exhibitions, a source
	// of new clients. Measured in events per working days.
	CriterionEvents Criterion = iota + 1
	// CriterionOrganisation: organises calls and meetings competently,
	// alternating call days and meeting days. Measured as the share of
	// active days that are clean call days or clean meeting days.
	CriterionOrganisation
	// CriterionReferrals: asks clients for referrals instead of waiting
	// for recommendations. Measured as referral requests per meeting, in
	// percent.
	CriterionReferrals
	// CriterionMeetings: meetings per working day (about 20 for everyday
	// consumer goods, 1-2 for B2B services).
	CriterionMeetings
	// CriterionDecisionMaker: reaches the decision maker. Measured as the
	// prospects met who signed, in percent (1 in 10 for consulting).
	CriterionDecisionMaker
	// CriterionPlan: fulfils the plan, and over-fulfils it, without
	// shifting contracts into the next period. Measured as plan
	// fulfilment in percent.
	CriterionPlan
	// CriterionFunnel: builds an opportunity funnel where at least 1
	// prospect in 10 signs. Measured as deals won per deal entering the
	// funnel, in percent.
	CriterionFunnel
)

// Criteria returns the seven criteria in the article's order (a copy: no
// caller can change the list another reads).
func Criteria() [7]Criterion {
	return [7]Criterion{CriterionEvents, CriterionOrganisation, CriterionReferrals,
		CriterionMeetings, CriterionDecisionMaker, CriterionPlan, CriterionFunnel}
}

var criterionNames = enum.Names{"", "events", "organisation", "referrals", "meetings", "decision_maker", "plan", "funnel"}

// criterionTitles are the criteria as a head of sales names them.
var criterionTitles = [...]string{"", "Events attended", "Call and meeting days", "Referral requests",
	"Meetings", "Decision makers reached", "Plan fulfilment", "Opportunity funnel"}

// ParseCriterion returns the criterion named s ("events",
// "organisation", "referrals", "meetings", "decision_maker", "plan",
// "funnel").
func ParseCriterion(s string) (Criterion, error) {
	return enum.Parse[Criterion](criterionNames, "criterion", s)
}

func (c Criterion) String() string { return enum.String(criterionNames, "Criterion", c) }

// Title is the criterion as a person reads it ("Decision makers
// reached"); empty for an unset or unknown criterion.
func (c Criterion) Title() string {
	if !c.IsValid() {
		return ""
	}
	return criterionTitles[c]
}

// IsValid reports whether c is one of the seven criteria.
func (c Criterion) IsValid() bool { return enum.Valid(criterionNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset criterion is an error.
func (c Criterion) MarshalText() ([]byte, error) { return enum.Marshal(criterionNames, "Criterion", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *Criterion) UnmarshalText(b []byte) error {
	return enum.Unmarshal(criterionNames, "criterion", c, b)
}

// Status is how a measured value stands against its benchmark. The zero
// value is unset.
type Status uint8

const (
	// StatusNotMeasured: the period gave nothing to measure (no meetings
	// to ask for referrals at, no plan, no deal entering the funnel); the
	// criterion is left out of the overall score.
	StatusNotMeasured Status = iota + 1
	// StatusBelow: under the target.
	StatusBelow
	// StatusMeets: at or over the target, under the exceeding mark.
	StatusMeets
	// StatusExceeds: at or over the exceeding mark.
	StatusExceeds
)

var statusNames = enum.Names{"", "not_measured", "below", "meets", "exceeds"}

// ParseStatus returns the status named s ("not_measured", "below",
// "meets", "exceeds").
func ParseStatus(s string) (Status, error) { return enum.Parse[Status](statusNames, "kpi status", s) }

func (s Status) String() string { return enum.String(statusNames, "Status", s) }

// IsValid reports whether s is one of the named statuses.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s Status) MarshalText() ([]byte, error) { return enum.Marshal(statusNames, "Status", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statusNames, "kpi status", s, b)
}
