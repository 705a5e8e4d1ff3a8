package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/clientele-go/clientele/kpi/career"
)

// novemberLog is Anna's activity log for November up to today: each
// string is a day, the kind of entry, then one entry per client. A
// meeting's client may carry ":present" or ":absent" when the log says
// whether someone who can sign attended; an event names no client.
var novemberLog = []string{
	"02 call vostok neva ural oka don kama", "03 meeting don vostok", "03 referral_request vostok",
	"05 meeting vostok", "06 call neva ural baikal retail-0042 kama", "09 meeting kama:absent neva",
	"10 call ural oka don baikal", "10 referral vostok", "11 meeting ural:present neva",
	"12 meeting neva vostok", "13 call vostok kama", "13 meeting oka retail-0042", // 13th: mixed
	"16 meeting kama:absent ural", "17 call neva oka don baikal vostok", "18 event", // a trade fair
	"19 meeting oka retail-0042", "19 referral_request oka", "20 call ural kama don",
	"23 meeting kama ural:present", "23 proposal ural", "24 call vostok neva oka",
	"25 meeting ural:present vostok", "26 meeting neva don", "26 referral_request don",
}

// activities parses novemberLog with the kpi package's own names.
func activities() ([]kpi.Activity, error) {
	var out []kpi.Activity
	for _, line := range novemberLog {
		f := strings.Fields(line)
		kind, err := kpi.ParseActivityKind(f[1])
		if err != nil {
			return nil, err
		}
		day, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, err
		}
		on := clientele.NewDate(2026, time.November, day)
		if len(f) == 2 {
			out = append(out, kpi.Activity{Kind: kind, On: on})
		}
		for _, c := range f[2:] {
			id, presence, _ := strings.Cut(c, ":")
			a := kpi.Activity{Kind: kind, On: on, ClientID: id}
			if presence != "" {
				if a.DecisionMaker, err = kpi.ParsePresence(presence); err != nil {
					return nil, err
				}
			}
			out = append(out, a)
		}
	}
	return out, nil
}

// deals are Anna's opportunities with their stage history: November's
// four orders (data.go's amounts), Ural's next big order, the Kama prospect, a win-back
// attempt at Baikal that has not moved since September, and a lost
// retail quote.
func deals() []kpi.Deal {
	date := clientele.MustParseDate
	deal := func(id, clientID string, amount int64, history ...string) kpi.Deal {
		d := kpi.Deal{ID: id, ClientID: clientID, Amount: decimal.New(amount, 3)}
		for i := 0; i < len(history); i += 2 {
			d.Stages = append(d.Stages, kpi.StageEntry{Stage: history[i], On: date(history[i+1])})
		}
		return d
	}
	won := func(d kpi.Deal, on string) kpi.Deal { d.WonOn = date(on); return d }
	kama := deal("d-105", "kama", 60, "appointment_scheduled", "2026-11-06",
		"qualified_to_buy", "2026-11-09", "presentation_scheduled", "2026-11-16")
	kama.ExpectedClose = date("2026-11-20")
	ural := deal("d-106", "ural", 180, "qualified_to_buy", "2026-11-11", "presentation_scheduled", "2026-11-16",
		"decision_maker_bought_in", "2026-11-23", "contract_sent", "2026-11-25")
	ural.ExpectedClose = date("2026-12-03")
	retail := deal("d-108", "retail-0042", 2, "presentation_scheduled", "2026-11-13")
	retail.LostOn = date("2026-11-19")
	return []kpi.Deal{
		won(deal("d-101", "vostok", 102, "qualified_to_buy", "2026-10-20", "contract_sent", "2026-11-02"), "2026-11-05"),
		won(deal("d-102", "neva", 70, "presentation_scheduled", "2026-11-02", "contract_sent", "2026-11-09"), "2026-11-12"),
		won(deal("d-103", "don", 28, "contract_sent", "2026-10-28"), "2026-11-03"),
		won(deal("d-104", "oka", 11, "contract_sent", "2026-11-10"), "2026-11-15"),
		kama, ural, deal("d-107", "baikal", 15, "qualified_to_buy", "2026-09-15"), retail,
	}
}

// monthScorecard scores Anna's November so far on the article's seven
// criteria, says what the figures mean, and places her on the career
// ladder.
func (d *day) monthScorecard() error {
	// A tools wholesaler sells to companies that buy again and again:
	// 1-2 meetings a day with a purchasing department, effectiveness shown
	// in repeat orders. That is the B2B services profile; the consumer
	// goods profile's 20 shop visits a day describes a retail rep.
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	november := kpi.Month(2026, time.November)
	log, err := activities()
	if err != nil {
		return err
	}
	in := kpi.Inputs{
		ManagerID: "m-anna", Currency: "EUR", Activities: log, Deals: deals(),
		// The month so far: 19 weekdays from 2 to 26 November, less
		// National Unity Day (4 November), a public holiday.
		WorkingDays: 18,
		Plans:       []kpi.Plan{{Period: november, Revenue: decimal.NewNullDecimal(decimal.New(200, 3))}},
	}
	// Every order is a signed supply contract; the year's contracts say
	// which clients had signed before November (prospects, repeat orders).
	for _, o := range d.orders {
		in.Contracts = append(in.Contracts, kpi.Contract{
			ID: o.ClientID + "-" + o.Date.String(), ClientID: o.ClientID, SignedOn: o.Date, Amount: o.Amount})
	}
	card, err := kpi.Evaluate(cfg, in, november)
	if err != nil {
		return err
	}

	d.section(fmt.Sprintf("KPI scorecard, November 2026 to the 26th (%s profile, %d working days)",
		card.Profile, card.WorkingDays))
	w := d.table()
	fmt.Fprintln(w, "criterion\tmeasured\ttarget\tstatus\tscore")
	for _, r := range card.Criteria {
		fmt.Fprintf(w, "%s\t%s %s\t%s\t%s\t%s\n", r.Criterion.Title(), r.Measured.StringFixed(2), r.Unit,
			r.Target, r.Status, r.Score.StringFixed(2))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Overall score %s: the mean of the seven, each capped at %s.\n",
		card.Overall.Decimal.StringFixed(2), cfg.ScoreCap)
	fmt.Fprintln(d.out, "What the figures say:")
	var findings []string
	for _, r := range card.Criteria {
		findings = append(findings, kpi.Texts(r.Findings[1:])...)
	}
	for _, f := range append(findings, kpi.Texts(card.Findings)...) {
		d.bullet(f)
	}

	level, err := career.Classify(career.DefaultConfig(), career.Manager{
		ID: "m-anna", Started: clientele.MustParseDate("2023-03-01"),
		Skills: []string{career.SkillComputer, career.SkillAccountingSoftware, career.SkillConsulting,
			career.SkillPhoneEtiquette, career.SkillConflictResolution, career.SkillNewClients,
			career.SkillNegotiation, career.SkillOwnClientBase, career.SkillHigherEducation, career.SkillEnglish},
	}, today)
	if err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Career:")
	for _, f := range level.Findings {
		fmt.Fprintln(d.out, "  "+f)
	}
	return nil
}
