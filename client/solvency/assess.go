package solvency

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// Scorer is a validated, compiled [Config]: it assesses clients, and is
// immutable and safe for concurrent use. Build it once with [NewScorer]
// and reuse it. The zero Scorer has no config: Assess and Forecast
// return an ErrInvalid error saying so, and its scorecards are the zero
// Scorecard.
type Scorer struct {
	cfg                  Config
	business, individual *Scorecard
}

// NewScorer validates the config and compiles its scorecards.
func NewScorer(cfg Config) (*Scorer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Scorer{
		cfg:        cfg,
		business:   compileScorecard(cfg.Business, cfg.Scaling, cfg.Grades, cfg.MaxReasons),
		individual: compileScorecard(cfg.Individual, cfg.Scaling, cfg.Grades, cfg.MaxReasons),
	}, nil
}

// Scorecard returns the compiled scorecard for a client kind: the
// individual one for individuals, the business one otherwise.
func (s *Scorer) Scorecard(k client.Kind) *Scorecard {
	switch {
	case s.business == nil:
		return &Scorecard{}
	case k == client.KindIndividual:
		return s.individual
	}
	return s.business
}

// errZeroScorer is what the zero Scorer answers: it has nothing to score
// with.
func (s *Scorer) errZeroScorer() error {
	if s.business != nil {
		return nil
	}
	var p validate.Problems
	p.Add("scorer", nil, "is the zero Scorer; build one with NewScorer")
	return p.Err(ErrInvalid)
}

// Input is what the host knows about one client.
//
// The zero Input has no kind: Assess refuses it and names the field.
type Input struct {
	Kind client.Kind `json:"kind"`
	// Facts drive the default Altman model choice.
	Facts Facts `json:"facts,omitzero"`
	// Statement is the latest financial statement of a company or
	// entrepreneur, nil if the client supplied none. An individual has
	// none.
	Statement *Statement `json:"statement,omitempty"`
	// Invoices is the payment history, in one currency (the statement's,
	// if there is one).
	Invoices []ledger.Invoice `json:"invoices"`
}

// Assessment is the solvency verdict on one client as of a date, with
// everything that made it.
//
// The zero Assessment is no verdict: its Result has no grade.
type Assessment struct {
	AsOf  clientele.Date `json:"as_of"`
	Kind  client.Kind    `json:"kind"`
	Basis Basis          `json:"basis"`
	// Currency is the statement's and the invoices' currency ("" for a
	// client with neither).
	Currency   string     `json:"currency,omitempty"`
	Ratios     Ratios     `json:"ratios,omitzero"`
	Altman     Altman     `json:"altman,omitzero"`
	Discipline Discipline `json:"discipline"`
	// Result is the score, grade, probability of default, confidence,
	// factor contributions and reason codes.
	Result ScoreResult `json:"result"`
	// AnnualRevenue (revenue scaled to 365 days) and Equity are the
	// statement figures a credit limit may be based on.
	AnnualRevenue decimal.NullDecimal `json:"annual_revenue,omitzero"`
	Equity        decimal.NullDecimal `json:"equity,omitzero"`
	// Notes say in words what was missing, stale or assumed.
	Notes []string `json:"notes,omitempty"`
}

// Assess validates the input and assesses the client as of asOf: ratios
// and Z-score from the statement, payment discipline from the invoices,
// then the scorecard of the client's kind. Missing data is never taken as
// zero: the factors it feeds are scored as missing, the confidence drops,
// and a note says what is missing.
func (s *Scorer) Assess(in Input, asOf clientele.Date) (Assessment, error) {
	if err := s.errZeroScorer(); err != nil {
		return Assessment{}, err
	}
	if err := s.validateInput(&in, asOf); err != nil {
		return Assessment{}, err
	}
	a := Assessment{AsOf: asOf, Kind: in.Kind, Basis: BasisStatementsAndPayments}
	a.Discipline = measureDiscipline(in.Invoices, asOf, &s.cfg.Discipline)
	a.Currency = a.Discipline.Currency
	switch {
	case in.Kind == client.KindIndividual:
		a.Basis = BasisPaymentsOnly
		a.Notes = append(a.Notes, "individual: no financial statements, scored on payment behaviour alone")
	case in.Statement == nil:
		a.Notes = append(a.Notes, "no financial statement: the ratios and the Z-score are missing")
	default:
		st := in.Statement
		a.Currency = st.Currency
		a.Ratios = computeRatios(st)
		m, why := s.cfg.Model, whyExplicit
		if m == 0 {
			m, why = ChooseModel(*st, in.Facts)
		}
		a.Altman = zscore(st, m, why)
		a.AnnualRevenue, a.Equity = st.annualRevenue(), st.Equity
		if age := asOf.Sub(st.PeriodEnd); age > s.cfg.StatementMaxAgeDays {
			a.Notes = append(a.Notes, fmt.Sprintf("statement for the period ending %s is %d days old (more than %d): stale",
				st.PeriodEnd, age, s.cfg.StatementMaxAgeDays))
		}
	}
	f := NewFeatures(a.Ratios, a.Altman, a.Discipline)
	sc := s.Scorecard(in.Kind)
	sc.ScoreInto(&a.Result, &f)
	d := &a.Discipline
	switch {
	case d.Evaluated == 0:
		a.Notes = append(a.Notes, "no invoice has fallen due or been settled yet: payment discipline unknown")
	case !d.Trend.IsValid():
		a.Notes = append(a.Notes, fmt.Sprintf("payment trend unknown: it needs %d invoices due in the last %d days and %d earlier, there are %d and %d",
			s.cfg.Discipline.TrendMinInvoices, s.cfg.Discipline.RecentDays, s.cfg.Discipline.TrendMinInvoices, d.RecentInvoices, d.EarlierInvoices))
	}
	// Name the input behind every missing statement factor.
	if in.Statement != nil {
		for _, fs := range a.Result.Factors {
			if fs.Status == FactorMissing && !fs.Feature.FromPayments() {
				a.Notes = append(a.Notes, fs.Feature.String()+" is missing: "+a.statementSource(fs.Feature).Reason())
			}
		}
	}
	return a, nil
}

// statementSource returns the measure a statement feature was read from.
func (a *Assessment) statementSource(f Feature) Measure {
	if m, ok := a.Ratios.ofFeature(f); ok {
		return m
	}
	return a.Altman.Score // the Altman zone
}

func (s *Scorer) validateInput(in *Input, asOf clientele.Date) error {
	var p validate.Problems
	asOfOK := p.Date("as_of", asOf, true)
	if !in.Kind.IsValid() {
		p.Add("kind", in.Kind, "unknown kind (want individual, entrepreneur or company)")
	}
	p.Merge("", ledger.ValidateInvoices(in.Invoices))
	if st := in.Statement; st != nil {
		if in.Kind == client.KindIndividual {
			p.Add("statement", nil, "an individual has no financial statements")
		}
		st.check(&p, "statement")
		if asOfOK && st.PeriodEnd.IsValid() && st.PeriodEnd.After(asOf) {
			p.Addf("statement.period_end", st.PeriodEnd, "is after the as-of date %s", asOf)
		}
		for i := range in.Invoices {
			if c := in.Invoices[i].Currency; c != st.Currency {
				p.Addf("invoices["+strconv.Itoa(i)+"].currency", c, "differs from the statement's currency %s", st.Currency)
				break
			}
		}
	}
	return p.Err(ErrInvalid)
}

// String is a one-line verdict without personal data, e.g.
// "grade B: score 628.4, PD 0.85%, confidence 100%; Z″ 3.12 safe; on time 92% by amount".
func (a Assessment) String() string {
	var b strings.Builder
	r := a.Result
	fmt.Fprintf(&b, "grade %s: score %.1f, PD %.2f%%, confidence %.0f%%", r.Grade, r.Score, 100*r.PD, 100*r.Confidence)
	switch {
	case a.Basis == BasisPaymentsOnly:
		b.WriteString("; payments only")
	case a.Altman.Score.Defined:
		fmt.Fprintf(&b, "; %s %.2f %s", a.Altman.Model.Title(), a.Altman.Score.Value, a.Altman.Zone)
	case a.Altman.Model.IsValid():
		fmt.Fprintf(&b, "; %s undefined (%s)", a.Altman.Model.Title(), a.Altman.Score.Reason())
	}
	if v, ok := a.Discipline.OnTimeShareByAmount.Get(); ok {
		fmt.Fprintf(&b, "; on time %.0f%% by amount", 100*v)
	}
	if len(r.Reasons) > 0 {
		b.WriteString("; reasons: ")
		for i, rc := range r.Reasons {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(rc.Feature.String())
		}
	}
	return b.String()
}

// Basis says what an assessment rests on. The zero Basis is unset.
type Basis uint8

const (
	// BasisStatementsAndPayments: a business client, scored on its
	// statements (when supplied) and its payments.
	BasisStatementsAndPayments Basis = iota + 1
	// BasisPaymentsOnly: an individual, who has no statements, scored on
	// payment behaviour alone.
	BasisPaymentsOnly
)

var basisNames = enum.Names{"", "statements_and_payments", "payments_only"}

// ParseBasis returns the basis named s.
func ParseBasis(s string) (Basis, error) { return enum.Parse[Basis](basisNames, "basis", s) }

func (b Basis) String() string { return enum.String(basisNames, "Basis", b) }

// IsValid reports whether b is one of the named bases.
func (b Basis) IsValid() bool { return enum.Valid(basisNames, b) }

// MarshalText implements encoding.TextMarshaler; an unset basis is an error.
func (b Basis) MarshalText() ([]byte, error) { return enum.Marshal(basisNames, "Basis", b) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (b *Basis) UnmarshalText(t []byte) error { return enum.Unmarshal(basisNames, "basis", b, t) }
