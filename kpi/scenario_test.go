package kpi_test

import (
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
)

// march is the worked month the tests and the example share: manager
// m-1 of a B2B services firm, March 2026 (1 March is a Sunday, so the
// month has 22 working days: 2-6, 9-13, 16-20, 23-27, 30-31).
func march() (kpi.Inputs, kpi.Period) {
	day := func(m time.Month, d int) clientele.Date { return clientele.NewDate(2026, m, d) }
	mar := func(d int) clientele.Date { return day(time.March, d) }
	act := func(k kpi.ActivityKind, on clientele.Date, client string) kpi.Activity {
		return kpi.Activity{Kind: k, On: on, ClientID: client}
	}
	call := func(d int, client string) kpi.Activity { return act(kpi.ActivityCall, mar(d), client) }
	meet := func(d int, client string) kpi.Activity { return act(kpi.ActivityMeeting, mar(d), client) }
	var log []kpi.Activity
	for range 5 {
		log = append(log, call(2, "p-1")) // 2 Mar: a call day
	}
	log = append(log, meet(3, "c-1"), meet(3, "c-2")) // 3 Mar: a meeting day
	for range 4 {
		log = append(log, call(4, "p-2")) // 4 Mar: 4 calls of 5 contacts = 80 %: a call day
	}
	log = append(log, meet(4, "c-3"),
		call(5, "p-3"), call(5, "p-4"), meet(5, "c-1"), // 5 Mar: 2 of 3 = 66.7 %: mixed
		meet(10, "c-1"), meet(10, "c-3"), meet(10, "c-4"),
		meet(17, "c-3"), meet(17, "c-5"),
		meet(24, "c-3"), meet(24, "c-6"),
		act(kpi.ActivityEvent, mar(12), ""),
		act(kpi.ActivityReferralRequest, mar(3), "c-1"),
		act(kpi.ActivityReferralRequest, mar(10), "c-4"),
		act(kpi.ActivityReferralRequest, mar(17), "c-5"),
		act(kpi.ActivityReferral, mar(18), "c-5"),
		act(kpi.ActivityProposal, mar(11), "c-3"),
		act(kpi.ActivityCall, day(time.February, 27), "p-9"), // outside March: ignored, counted
	)
	log[15].DecisionMaker = kpi.DecisionMakerAbsent // the 10 Mar meeting with c-1

	amount := decimal.RequireFromString
	stage := func(name string, on clientele.Date) kpi.StageEntry { return kpi.StageEntry{Stage: name, On: on} }
	deals := []kpi.Deal{
		{ID: "d-1", ClientID: "c-2", Amount: amount("40000"), WonOn: mar(20), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", day(time.February, 20)), stage("qualified_to_buy", mar(3)), stage("contract_sent", mar(10))}},
		{ID: "d-2", ClientID: "c-7", Amount: amount("25000"), WonOn: day(time.April, 2), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", mar(5)), stage("presentation_scheduled", mar(12)), stage("contract_sent", mar(26))}},
		{ID: "d-3", ClientID: "c-3", Amount: amount("10000"), ExpectedClose: day(time.April, 30), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", day(time.January, 10)), stage("qualified_to_buy", day(time.January, 20))}},
		{ID: "d-4", ClientID: "c-8", Amount: amount("5000"), LostOn: mar(15), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", day(time.February, 1))}},
		{ID: "d-5", ClientID: "c-9", Amount: amount("50000"), WonOn: day(time.January, 15), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", day(time.January, 5))}},
		{ID: "d-6", ClientID: "c-5", Amount: amount("70000"), WonOn: mar(25), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", mar(2)), stage("decision_maker_bought_in", mar(16))}},
		{ID: "d-7", ClientID: "c-6", Amount: amount("9000"), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", day(time.April, 3))}},
		{ID: "d-8", ClientID: "c-1", Amount: amount("8000"), ExpectedClose: mar(20), Stages: []kpi.StageEntry{
			stage("appointment_scheduled", mar(3)), stage("presentation_scheduled", mar(10))}},
	}
	contracts := []kpi.Contract{
		{ID: "k-1", ClientID: "c-9", SignedOn: day(time.January, 15), Amount: amount("50000")},
		{ID: "k-2", ClientID: "c-4", SignedOn: day(time.February, 10), Amount: amount("20000")},
		{ID: "k-3", ClientID: "c-2", SignedOn: mar(20), Amount: amount("40000")},
		{ID: "k-4", ClientID: "c-5", SignedOn: mar(25), Amount: amount("70000")},
		{ID: "k-5", ClientID: "c-4", SignedOn: mar(30), Amount: amount("30000")},
		{ID: "k-6", ClientID: "c-7", SignedOn: day(time.April, 2), Amount: amount("25000")},
	}
	period := kpi.Month(2026, time.March)
	plans := []kpi.Plan{
		{Period: kpi.Month(2026, time.February), Revenue: decimal.NewNullDecimal(amount("100000"))},
		{Period: period, Revenue: decimal.NewNullDecimal(amount("120000"))},
	}
	return kpi.Inputs{ManagerID: "m-1", Currency: "RUB", Activities: log, Deals: deals, Plans: plans, Contracts: contracts}, period
}
