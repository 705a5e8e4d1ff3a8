// Package solvency assesses whether a client can pay, and decides how
// much it may owe. It serves two of the account manager's duties in the
// article the library encodes: "assess and verify the client's solvency;
// forecast the solvency of prospective partners and regular clients" and
// "contact debtors to get debts repaid". The discount package prices a
// deferral; this package says whether to grant one, for how long and up
// to what amount.
//
// Every function is pure: it takes its inputs and an explicit as-of day
// (a clientele.Date), reads no clock, keeps no state and does no I/O. A
// compiled [Scorer] is immutable and safe for concurrent use. Nothing
// panics on business input, nor on any type's zero value; bad input is
// an error naming every offending field and value.
//
// # The pipeline
//
// A host describes a client with an [Input]: its kind (client.Kind), its
// latest financial [Statement] if it is a business, and its payment
// history (a []ledger.Invoice, read through ledger's StateOn, so that
// payment discipline, the exposure check and receivables ageing agree on
// what is owed and overdue). [Scorer.Assess] turns that into an
// [Assessment]:
//
//	Statement ──► Ratios, Altman Z-score ─┐
//	                                      ├─► Features ──► Scorecard ──► score, odds, PD, grade,
//	Invoices ───► Discipline ─────────────┘                              confidence, reason codes
//
// [DecideCredit] turns the grade into payment terms and a credit limit
// ([Credit]); [CheckOrder] checks each new order against the client's
// whole exposure and says allow, warn, hold or block ([Decision]);
// [Decision.Release] lets an actor whose release limit covers the order
// release a held or blocked one, and records the signature. [Scorer.Forecast] reads
// the trend of a client's scores over periods.
//
// An individual (client.KindIndividual) has no financial statements. It
// is scored on its payment behaviour alone, by a scorecard of payment
// factors, and the assessment says so (Basis payments_only and a note).
//
// # Unknown is not zero
//
// Any statement figure may be unknown: each is a decimal.NullDecimal,
// unknown when not Valid; in JSON an unknown amount is null or absent. A ratio that needs an unknown amount is undefined, not computed
// as if the amount were zero; the scorecard gives that factor its
// configured missing points, the confidence of the score drops by the
// factor's share of the points range, and a note names the missing input ("current_ratio is
// missing: current_liabilities is unknown"). A client with no invoice
// due yet has an unknown payment discipline, reported the same way.
//
// # Money and statistics
//
// Money (limits, exposures, overdue amounts, net working capital) is
// decimal.Decimal and exact. Percentages applied to money are decimal
// percent points: "150" is 150 %. Ratios, Z-scores, shares, days late,
// scorecard points, log-odds and probabilities are dimensionless
// statistics and are float64, like any statistics library's; a [Measure]
// holds one and is either a finite number or undefined with a [Cause]
// (unknown input, zero or negative denominator, not used by the model,
// out of range) and the field responsible. A Measure is never NaN or
// infinite, and no statistic is ever fed back into money: a credit limit
// is computed from the decimal inputs alone.
//
// Inputs carry ISO 4217 currency codes. A statement and its client's
// invoices share one currency; invoices of one history share one; a credit
// policy is in one currency, and orders, limits and invoices checked
// against it must be in it. Mixing currencies is an error.
//
// # Financial ratios
//
// [ComputeRatios] gives the classic ratios of one statement:
//
//	current ratio            current assets / current liabilities
//	quick ratio ex inventory (current assets − inventory) / current liabilities  (the "acid test")
//	quick ratio, liquid      (cash + marketable securities + receivables) / current liabilities
//	cash ratio               (cash + marketable securities) / current liabilities
//	net working capital      current assets − current liabilities (money, exact)
//	debt to equity           total liabilities / book equity; undefined when equity ≤ 0
//	equity to assets         book equity / total assets (autonomy; negative with a deficit)
//	interest coverage        EBIT / interest expense; undefined when no interest is paid
//	days sales outstanding   receivables / revenue × days in the revenue period
//
// Both quick ratios are given, named distinctly, because the literature
// uses "quick ratio" for either; the liquid-assets form is the stricter
// when current assets hold prepayments and other items.
//
// # Altman Z-scores
//
// Altman's Z-score (Altman 1968) combines five ratios by weights found by
// discriminant analysis on failed and surviving manufacturers:
//
//	X1 = working capital / total assets          (liquidity)
//	X2 = retained earnings / total assets        (cumulative profitability, age)
//	X3 = EBIT / total assets                     (earning power)
//	X4 = equity / total liabilities              (market value for Z, book value otherwise)
//	X5 = revenue / total assets                  (asset turnover)
//
//	model      weights X1..X5                       constant  distress   grey          safe
//	Z          1.2    1.4    3.3    0.6    1.0         0      < 1.81     1.81 – 2.99   > 2.99
//	Z'         0.717  0.847  3.107  0.420  0.998       0      < 1.23     1.23 – 2.90   > 2.90
//	Z″         6.56   3.26   6.72   1.05   —           0      < 1.10     1.10 – 2.60   > 2.60
//	Z″-EM      6.56   3.26   6.72   1.05   —           3.25   < 4.35     4.35 – 5.85   > 5.85
//
// Z is for listed manufacturers, Z' for private ones (re-estimated on book
// equity), Z″ for non-manufacturers (it drops X5, whose level depends on
// the industry), and Z″-EM for emerging-market companies: the Z″ sum plus
// 3.25, which places the score on Altman's bond-rating-equivalent scale;
// its cut-offs move by the same constant, so its zone is the one Z″ gives.
// Both cut-offs belong to the grey zone, decided exactly: near a
// cut-off the weighted sum of the statement's quotients is compared with
// it in decimal arithmetic, so a Z of exactly 1.81 is grey at any scale
// of the statement (its float sum can be 1.8099999999999998).
//
// The model is chosen in [Config] (Model), or by the default rule of
// [ChooseModel] from the client's [Facts] and statement:
//
//	emerging-market company                         Z″-EM
//	otherwise, not a manufacturer                   Z″
//	manufacturer with a market value of equity      Z   (listed)
//	manufacturer without one                        Z'  (private)
//
// X3 and X5 are a year's EBIT and sales, as in Altman's samples: a
// statement whose income figures cover another period (PeriodDays 91 for
// a quarter) has them scaled to 365 days first, or a quarter would read
// as a fifth of the earning power.
//
// Each [Altman] result carries the model and why it was chosen, X1 to X5,
// the score and the zone; a variable the model needs that is undefined
// makes the score undefined, with the reason ("market_equity is
// unknown"). The tests check the models against published worked
// examples: Evans (exinfm.com, Z = 2.86), a wizedu.com problem (Z =
// 2.70), the Seether, LLC problem of Ross, Westerfield and Jordan's
// Fundamentals of Corporate Finance (Z″), and hand-worked ones.
//
// # Z-score from ratios
//
// Textbook problems give the five ratios, not a statement.
// [ZScoreFromRatios] scores [AltmanRatios] directly with a coefficient
// set the caller picks ([Coefficients]); no statement check applies, so
// negative working capital, retained earnings, EBIT or book equity score
// as the equation says, and only non-finite ratios or ones beyond 10⁹
// are refused, each by field (x1 ... x5). The published sets are named:
// [CoefficientsZ1968Percent] (Altman 1968 as printed: .012, .014, .033,
// .006 on X1..X4 in percent, .999 on X5), [CoefficientsZ1968] (the same
// with fractions: 1.2, 1.4, 3.3, 0.6, 0.999), [CoefficientsZ] (the common
// 1.0 on X5, used by [ModelZ]), [CoefficientsZPrime],
// [CoefficientsZDoublePrime] and [CoefficientsZDoublePrimeEM], each with
// its cut-offs; [Model.Coefficients] gives the set a model uses, so the
// statement path is unchanged. Pick the set your source prints: the X5
// weight of 0.999 or 1.0 moves a score by 0.001 per unit of turnover,
// enough to change a zone at a cut-off. The ratios and weights are read
// as the decimals they print as and summed exactly, so a score of
// exactly 1.81 is grey, as on paper.
//
// # Payment discipline
//
// [PaymentDiscipline] reads an invoice history as of a date. Only
// invoices issued by then count, and a payment or write-off dated later
// has not happened yet, so a history can be replayed as of any past date.
// An invoice is evaluated once paid, written off or past due. It reports
// the share of evaluated invoices paid on time (by count and by amount),
// the average days late (unweighted, and weighted by amount like the
// "days beyond terms" of trade-credit bureaus; on-time invoices count as
// 0), the maximum days late, what is outstanding and overdue and the age
// of the oldest overdue invoice, the invoices written off, the average
// monthly purchases (over the last 365 days, or since the first invoice
// but never fewer than 30 days, so that a new client's first purchase is
// not stretched into a month's worth), and the trend: the amount-weighted
// days late of invoices due in the last 180 days against earlier ones,
// improving or deteriorating when they differ by more than 5 days (near
// the band, decided on the exact sums), stated
// only when each side has at least 3 invoices.
//
// It also gives a 0-100 payment discipline score, [Discipline.Score]:
//
//	D = 50 · s + 30 · max(0, 1 − w/60) + 20 · max(0, 1 − o/90) − 25 · k,   0 if negative
//
// where s is the on-time share by amount, w the amount-weighted days
// late, o the days the oldest open invoice is past due and k the number
// of write-offs; the weights and scales are configuration
// ([DisciplineScoring]). A client who always pays on time and owes
// nothing overdue scores 100; 60 days late on average loses the 30
// lateness points; an invoice 90 days overdue, the age at which
// receivables are commonly provisioned as doubtful, loses the 20 overdue
// points. The score is decided exactly like the ratios below: a history
// whose score is exactly 80 (2b paid on time, b paid 20 days late) scores
// 80, not 79.99999999999999, whatever the amounts' scale.
//
// # Feeding the client rating
//
// The client rating (package client) combines value, growth, loyalty and
// payment discipline, the last as a 0-100 number the host supplies. The
// payment discipline score is that number:
//
//	d, err := solvency.PaymentDiscipline(invoices, asOf, solvency.DefaultDisciplineConfig())
//	if err != nil { ... }
//	if score, ok := d.Score().Get(); ok {
//		// pass score as the rating's payment-discipline input
//	} else {
//		// no invoice due yet: there is no discipline to rate; treat it as
//		// the rating treats a missing input. d.Score().Reason() says why.
//	}
//
// An [Assessment] carries the same figure as a.Discipline.Score(), so a
// host that assesses solvency has it already.
//
// # The scorecard
//
// A scorecard ([ScorecardConfig]) gives points: base points plus, for each
// factor, the points of the bin the factor's value falls in. A numeric
// bin runs from From (included) to To (excluded); the lowest bin has no
// From and the highest no To, and each starts where the previous ends, so
// every value falls in exactly one bin: overlaps and gaps are
// configuration errors, all reported at once. Edges are decided exactly:
// a ratio, a share or an average is computed from the statement's or the
// invoices' decimals and reported as a float64 that compares with any
// edge of up to 12 significant digits as the exact quotient does, so a current ratio of 4,500,000.30 /
// 3,000,000.20 is 1.5 and in the 1.5 bin, as 0.15 / 0.1 is: statements
// that differ only by a common factor score the same. A longer edge is
// compared as a float. Points add up exactly too: every points value,
// the base and the grades' minimums are read as the decimals they are
// written as (up to 12 decimal places) and summed as whole units, so
// 619.4 + 0.3 + 0.3 is 620 and grade B, not 619.9999999999999 and C. A categorical factor (the Altman zone, the
// payment trend) has one bin per category. A value that
// is missing gets the factor's missing points and lowers the confidence;
// one that is undefined although its inputs are known (a zero
// denominator: no interest paid, no current liabilities) gets its
// undefined points, which may well be the best ones.
//
// Confidence is the share of the card's points range that rests on known
// data: each factor weighs the spread between its lowest and highest
// points, and the missing factors' spreads are subtracted from 1.
//
// Reason codes are the factors that cost the most points against the
// best bin attainable, largest loss first, ties in configuration order,
// at most four by default (the number US Regulation B deems enough to
// explain a credit decision, 12 CFR 1002.9, comment 9(b)(2)-1). Each
// carries the words configured for it, so a manager can tell the client
// why: "invoices often paid after the due date".
//
// A [Scorer] compiles the cards once: bins sorted into fixed arrays, the
// scaling constants computed. [Scorecard.ScoreInto] then scores a
// client's [Features] without allocating.
//
// # Points to double the odds
//
// The total is read as log-odds (Siddiqi 2006, ch. 6): a score s means
// good:bad odds of
//
//	odds = exp((s − Offset) / Factor),   Factor = PDO / ln 2,
//	Offset = AnchorScore − Factor · ln(AnchorOdds),
//
// and a probability of default p = 1 / (1 + odds). The default [Scaling]
// is 600 points at 50:1 with PDO 20: Factor = 20 / 0.693147 = 28.8539,
// Offset = 600 − 28.8539 · ln 50 = 600 − 28.8539 · 3.912023 = 487.1229.
// So 600 points are 50:1 (p = 1/51 = 1.96 %), 620 are 100:1 (0.99 %),
// 640 are 200:1, 580 are 25:1. PDO and odds must be positive.
//
// Two conventions state the same line. Siddiqi and optbinning give the
// anchor odds good:bad (the default, [OddsGoodBad]); R's scorecard
// package gives them bad:good, p/(1 − p), and writes the score as A −
// B·ln(bad:good), so its PDO points halve the bad:good odds: in bad:good
// terms the points to double the odds are −PDO. Set Scaling.Odds to
// [OddsBadGood] to reproduce such a card: [RScorecardScaling] is R's
// default, 600 points at 1/19 with PDO 50 (B = 72.1348, A = 387.6036),
// the same line as 600 points at 19:1 good:bad. [Scaling.GoodBad] and
// [Scaling.BadGood] restate a scaling in the other convention; an
// analyst picks the one the source they compare against uses.
//
// # Learning a scorecard
//
// The points of a scorecard may be written by a person (the defaults
// below) or learned from the host's own history of good and bad payers
// with package [github.com/clientele-go/clientele/client/solvency/learn]:
// binning, weight of evidence, a logistic regression and this scaling,
// returned as the same [ScorecardConfig].
//
// # Grades
//
// Grades come from score bands ([GradeBand]), best first; the defaults
// follow the probability of default on the default scaling:
//
//	A  640 and above   odds ≥ 200:1    PD ≤ 0.5 %
//	B  620 – 640       odds ≥ 100:1    PD ≤ 1 %
//	C  600 – 620       odds ≥ 50:1     PD ≤ 2 %
//	D  560 – 600       odds ≥ 12.5:1   PD ≤ 7.4 %
//	E  below 560                       PD > 7.4 %
//
// # The default scorecards
//
// [DefaultBusinessScorecard], for companies and entrepreneurs, 420 base
// points (columns: bins from low to high values, then the points of a
// missing and of an undefined value):
//
//	altman_zone              distress 0, grey 25, safe 45              missing 10, undefined 25
//	current_ratio            <1: 0, 1–1.5: 10, 1.5–2: 20, ≥2: 25       missing 5,  undefined 25
//	equity_to_assets         <0.1: 0, 0.1–0.3: 10, 0.3–0.5: 20, ≥0.5: 25  missing 5, undefined 0
//	interest_coverage        <1.5: 0, 1.5–3: 10, 3–6: 20, ≥6: 25       missing 5,  undefined 25
//	dso                      <30: 20, 30–60: 15, 60–90: 5, ≥90: 0      missing 5,  undefined 0
//	on_time_share_by_amount  <0.5: 0, 0.5–0.8: 15, 0.8–0.95: 30, ≥0.95: 40  missing 10
//	avg_days_late_weighted   <5: 30, 5–15: 20, 15–30: 10, ≥30: 0       missing 10
//	oldest_overdue_days      <1: 30, 1–30: 25, 30–90: 10, ≥90: 0       missing 15
//	written_off              0: 20, 1 or more: 0                       missing 10
//	payment_trend            improving 10, stable 10, deteriorating 0  missing 5
//
// Scores run from 420 to 690. The thresholds are the usual rules of
// thumb of credit analysis (a current ratio of 2, interest covered 3
// times, customers paying within 30 to 60 days), the statement side and
// the payment side weigh about equally (140 and 130 points of spread),
// and a business that is strong on paper but new to the seller (no
// payment history) scores 610, grade C. Fit points to your own defaults
// when you have them: a scorecard is configuration.
//
// [DefaultIndividualScorecard] scores individuals on payments alone, 430
// base points, twice the business card's payment points (on-time
// share 0/30/60/80, days late 60/40/20/0, oldest overdue 60/50/20/0,
// write-offs 40/0, trend 20/20/0): 430 to 690. A person with no history
// yet scores 530, grade E: prepayment.
//
// # Forecast
//
// [Scorer.Forecast] fits the ordinary least-squares line through a
// client's scores against the period number 0, 1, ..., n−1:
//
//	slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²,   intercept = ȳ − slope · x̄,
//
// calls the trend improving when the slope exceeds 5 points a period,
// deteriorating below −5, stable between (±5 included, decided exactly
// from the scores as written: 600.1, 605.1, 610.1 is a slope of exactly
// 5, stable), and projects the line one period
// ahead with the grade and probability of default it implies. Worked
// example: scores 600, 610, 615, 630 give x̄ = 1.5, ȳ = 613.75,
// Σ(x−x̄)(y−ȳ) = 47.5, Σ(x−x̄)² = 5, a slope of 9.5 (improving), an
// intercept of 599.5 and a projection of 637.5 (grade B). Fewer than 3
// periods give no trend. The periods must be equally spaced, each gap
// within a fifth of the usual one (months of 28 to 31 days pass): a
// missing quarter would count as one period and bend the line, so it is
// refused, naming the period end that jumps.
//
// # Credit decision
//
// [DecideCredit] applies a [CreditPolicy] to an assessment. The grade
// sets the terms: prepayment, or payment deferred up to N days with a
// share of the base limit. The base limit is a share of the average
// monthly purchases (from the invoices), of the annual revenue or of the
// book equity (from the statement), capped; the limit is rounded down to
// the currency's minor unit, never up. The defaults ([DefaultCreditPolicy]):
//
//	A  60 days   100 % of the base      base = 200 % of monthly purchases,
//	B  45 days    75 %                  at most 1,000,000
//	C  30 days    50 %
//	D  14 days    25 %
//	E  prepayment, no limit
//
// Two months of purchases at grade A cover what a client buying at its
// usual pace owes over 60-day terms; each lower grade's share matches its
// shorter terms. A base that is unknown (no invoice yet) or not positive
// (negative equity) gives no limit, with a note. An individual has no
// revenue or equity, so its limit always uses the monthly purchases.
//
// # Exposure check
//
// [CheckOrder] adds the outstanding receivables, the unbilled open
// orders and the new order, and compares the total with the limit: from
// 90 % of it the order warns, above it holds, above 150 % blocks. A
// prepayment grade holds every order until paid; a client without a limit
// is held. Overdue rules add their own outcome: by default any overdue
// invoice warns, more than 500 overdue by 31 days or more holds, anything
// overdue by 91 days or more blocks. The outcome is the most severe of
// the rules that fire, each listed with its figures.
//
// The check is on the whole exposure, never the document alone, so
// splitting an order into parts gets nothing past it: each part entered
// is an open order when the next is checked, and the part that crosses
// the limit is held. Checking the same order again (its ID among the open
// orders) counts it once and gives the same decision; a copy under a new
// ID counts twice; two open orders with one ID are refused.
//
// The open orders are the host's record, so the host checks an order and
// records it as open in one transaction per client: two parts checked at
// the same moment would each miss the other.
//
// Only an explicit authority releases a held or blocked order: the host
// authenticates a user and passes an authority.Signature (actor ID,
// role, time); the policy's [ReleaseLimits] state, as authority.Limits
// per role or per person, up to which order amount each may release a
// hold, and a block (by default a credit controller releases a hold of
// up to 100,000, a finance director a hold or a block of up to
// 1,000,000). A decision is released as CheckOrder made it: its outcome
// must be the most severe of its reasons, so a block relabelled as a
// hold still needs a block limit, and the signature's day may not
// predate it. The released decision keeps its reasons and records the
// [Bypass]: the signature and what was released.
//
// # Errors
//
// Bad input returns an error matching [ErrInvalid] (and
// clientele.ErrInvalid) with errors.Is; errors.As gives the
// *clientele.ValidationError with every problem as a
// *clientele.FieldError: an amount or percentage with more than 30
// decimal places or a scale above 10^30 (every decimal entering the
// package, from a statement, an invoice, an order, a policy or an
// assessment, is bounded before any arithmetic, and printed compactly),
// a negative asset, a paid date before the issue date, an unknown model name, bins
// that overlap or leave gaps, a PDO or odds not above zero, a currency
// that differs, forecast periods that are not equally spaced, a decision
// released with an outcome its reasons do not give. A release beyond the
// actor's limit is the *authority.LimitError of authority.Limits.Check,
// naming the limit, the amount and who can approve it; it matches
// authority.ErrLimitExceeded and clientele.ErrForbidden. Configs and
// policies load with clientele.LoadConfig, which refuses unknown fields.
//
// # Sources
//
//   - E. I. Altman, "Financial Ratios, Discriminant Analysis and the
//     Prediction of Corporate Bankruptcy", Journal of Finance 23(4), 1968,
//     pp. 589-609: the Z model and its cut-offs.
//   - E. I. Altman, "Predicting Financial Distress of Companies:
//     Revisiting the Z-Score and ZETA Models", NYU Stern, July 2000: Z',
//     Z″ and the emerging-market score; E. I. Altman and E. Hotchkiss,
//     Corporate Financial Distress and Bankruptcy, 3rd ed., Wiley 2006.
//   - N. Siddiqi, Credit Risk Scorecards, Wiley 2006, ch. 6: scaling by
//     points to double the odds (the 600 / 50:1 / 20 example).
//   - 12 CFR 1002.9 (Regulation B), official comment 9(b)(2)-1: up to four
//     principal reasons for a credit decision.
package solvency
