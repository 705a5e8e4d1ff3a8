// Package kpi measures an account manager's effectiveness on the seven
// criteria of the article the library follows (the repository's
// DOMAIN.md, "Seven criteria of an account manager's effectiveness"),
// against benchmarks by business model, and explains every verdict in
// words a head of sales could read to the manager.
//
// # Inputs and the call
//
// A host supplies plain values per manager ([Inputs]): the activity log
// (calls, meetings with whether a decision maker attended when known,
// events attended, referral requests and referrals obtained, proposals),
// deals with their stage history, the plan per period and the signed
// contracts. Managers and clients are referred to by ID, never by name
// (the manager's ID is that of their authority.Actor). Days are
// clientele.Date. Then
//
//	card, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, kpi.Month(2026, time.March))
//
// returns a [Scorecard]: each criterion's measured value, target,
// attainment, status ([StatusBelow], [StatusMeets], [StatusExceeds], or
// [StatusNotMeasured] when the period gave nothing to measure) and score,
// the plan and funnel in detail, the overall score, and the findings.
// A [Finding] is data (its [FindingKind], the client or deal it names,
// its counts, days and amounts) and [Finding.String] writes its sentence
// when asked, so a team's evaluation writes no sentence nobody reads;
// [Scorecard.Summary] writes them all as text, [Texts] a list of them. [EvaluateTeam] ranks many
// managers over one period; [EvaluateTrend] follows one manager across
// periods. [Period] is calendar-correct: [Week] (ISO, Monday to Sunday),
// [Month], [Quarter], [Year], and [Period.Next] for the period after.
//
// Activities dated outside the period are validated, then ignored and
// counted ([Scorecard.OutsidePeriod]), so a host may pass a year's log
// and evaluate each month. Deals and contracts outside the period are
// read for what they say about it: a contract signed before the period
// tells that a client already signed; a deal won just after it may have
// been held back.
//
// # The seven criteria
//
//  1. Events, conferences, exhibitions attended, a source of new
//     clients: events per PerWorkingDays working days (default 1 per 20,
//     about a month; the article gives no figure, this is the library's).
//  2. Competent alternation of call days and meeting days ("one day calls
//     and base expansion, the next day meetings"): the share of the days
//     with calls or meetings that are clean call days or clean meeting
//     days. A day is of one kind when that kind makes at least
//     [Config].CleanDayShare percent (default 80) of its calls and
//     meetings. Default target 60 %, exceeding at 80 % (the library's).
//  3. Asking clients for referrals instead of waiting for
//     recommendations: referral requests per meeting, in percent (default
//     20 %, exceeding at 40 %: the library's); referrals obtained are
//     reported beside.
//  4. Meetings per working day: the article's "about 20 a day is a great
//     figure" for everyday consumer goods (target 20, exceeding at 25) and
//     "1-2 a day" for B2B services (target 1, exceeding at 2; consulting
//     too).
//  5. Reaching the decision maker: "meetings held but no contract signed
//     most likely means the right person was not reached; for consulting
//     one contract per 10 prospective clients is the norm". Measured: of
//     the prospects met in the period (clients with no contract before
//     it), the share that signed in it, against 10 %. Findings name every
//     client met [Config].DecisionMakerMeetings times (default 3) or more
//     with no contract by the period's end ([Unreached]), with the
//     meetings the log says a decision maker attended or missed.
//  6. Over-fulfilling the plan, without shifting contracts into the next
//     month: revenue signed in the period as a percentage of the revenue
//     plan (or of the contracts plan when there is no revenue plan),
//     target 100 %, exceeding at 110 % (the library's). Deferred-deal
//     detection: a deal that had reached [Config].ReadyStage (default
//     contract_sent) by the period's end and was won within the first
//     [Config].DeferWindowDays (default 5) days of the next period is
//     flagged ([DeferredDeal]) while the plan was already met, or would
//     have been exceeded with the deals held back; the revenue shifted is
//     summed. A deal that would only have brought the plan up to exactly
//     100 % is a late deal, not a held one. The flags do not change the
//     score: they are findings for the conversation.
//  7. An opportunity funnel where "at least 1 client in 10 signs": of the
//     deals worked in the period (entered by its end, not closed before its
//     start), the share won in it, against 10 %. The stage table counts
//     the deals that reached each stage or a later one by the period's
//     end, with each row's conversion from the row before. The weighted
//     pipeline sums the amounts of the deals open at the end times their
//     stage's probability, exactly, rounded once, half-up, to the
//     currency's minor unit. A deal with no stage change for
//     [Config].StaleDays (default 30) days is stale.
//
// In service markets effectiveness shows in repeat requests: with
// [Config].RepeatRequests (the B2B services and consulting profiles), the
// scorecard reports, of the clients who signed in the period, the share
// who had signed before it.
//
// The default stages and probabilities are HubSpot's default sales
// pipeline (appointment scheduled 20 %, qualified to buy 40 %,
// presentation scheduled 60 %, decision maker bought in 80 %, contract
// sent 90 %); won and lost are the deal's dates, not stages. Salesforce,
// HubSpot and Odoo track stages, probabilities and targets; none detects
// a manager holding deals back, or says which prospects never reached a
// decision maker.
//
// # Numbers
//
// Counts are integers and every ratio is decided exactly: a status
// compares the measured numerator with target × denominator in decimals,
// so 19.998 %, shown as 20.00, is below a 20 % target. Measured values,
// attainments (measured as a percentage of the target) and scores are
// then rounded half-up to two decimals. A criterion's score is its
// attainment capped at [Config].ScoreCap (default 150), so one criterion
// far over target cannot hide the others; the overall score is the
// weighted mean of the measured criteria's scores (weights in the
// config, equal by default: the article ranks none above another). A
// zero denominator (no meeting to ask for referrals at, no plan, no
// deal) leaves the criterion not measured and out of the mean, never a
// NaN.
//
// # Configuration and bad input
//
// [Config] is a benchmark profile and the measurement rules, loaded with
// clientele.LoadConfig; [DefaultConfig] gives the article's three
// profiles ([ModelConsumerGoods], [ModelB2BServices], [ModelConsulting]),
// and a host adds its own by writing a Config with its own profile name.
// A period ending before it starts, stage probabilities outside 0-100 %,
// weights summing to zero, a deal whose stage history goes back in time,
// an unknown stage, a deal both won and lost: each is an error matching
// [ErrInvalid] that names the field and the value, all problems at once
// (the first 100, and how many more).
//
// # Speed
//
// One manager's inputs are read in one pass per list; a team evaluation
// reuses the scratch space from manager to manager, so its allocations
// grow with managers and deals, not with activities. A team of more than
// 16 managers is shared among up to GOMAXPROCS goroutines, each with its
// own scratch, 16 managers at a time; the ranking and the errors are the
// same as with one. The usual record takes a cheap check and only a
// suspicious one the full validation, so a valid record builds no field
// name; criteria measured from counts, a revenue plan, the weighted
// pipeline and the score against its cap are computed in int64, equal
// digit for digit to the decimal path kept for values past int64.
// BENCHMARKS.md records the year of 1,000 managers (5,000,000
// activities, 200,000 deals) beside a plain loop that only counts the
// same activities: about 9x its time on one core, 6.4x with two, where
// merely reading what an evaluation must read (each entry's client ID,
// each deal and contract) already takes 1.9-3.1x.
//
// Career levels are in the sub-package career.
package kpi
