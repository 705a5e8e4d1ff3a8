// Package discount is the pricing engine behind a commercial offer: a
// price list, volume and deferred-payment pricing, client discounts
// (segment, VIP, loyalty, promotions and coupons), the manager's own
// discount within their authority, an explicit combination policy, and a
// quote that explains every cent.
//
// The article this library encodes asks an account manager to "work
// with the price list and correctly calculate the discount, taking into
// account the volume of goods ordered and deferred payment, when
// preparing an offer for a client", to "inform the client of the amount
// of discounts granted", to run loyalty programmes, and to sign only
// "within one's authority". Those are the four jobs of this package.
//
// # Quick start
//
// A host compiles its price list and rule set once, then quotes:
//
//	rules, err := clientele.LoadConfig[discount.Rules](file) // strict JSON, validated
//	engine, err := discount.Compile(priceList, rules)      // checks both together
//	quote, err := engine.Quote(discount.Request{
//		Date: clientele.NewDate(2026, 11, 26), Currency: "EUR",
//		Client: discount.ClientFacts{ID: "c-001", Segments: []string{"A", "AX"}},
//		Lines:  []discount.LineRequest{{SKU: "DRILL", Quantity: decimal.NewFromInt(45)}},
//		Payment: discount.PaymentTiming{Days: 30},
//	})
//
// [NewQuote] does both in one call. The client's facts are plain values:
// segments are strings such as "A", "AX", "champions" or "key" that the
// host takes from its segmentation (the client package), so this package
// depends on no other. An [Engine] is immutable and safe for concurrent
// use; the same engine and request always give an equal quote.
//
// # Money and percentages
//
// Money is [github.com/shopspring/decimal.Decimal], built from strings or
// integers, never from floats; nothing here touches shopspring's package
// settings. A price list has one ISO 4217 currency; its rules and every
// request must name the same one, or the call fails with [ErrCurrency].
// The currency's minor unit fixes where line totals are rounded (2
// decimals for EUR, 0 for JPY, 3 for KWD).
//
// Percentages are decimal percent points: "12.5" is 12.5 %, converted to
// the fraction 0.125 exactly. Discount rates lie within 0..100 %;
// payment adjustments are signed (−2 is a 2 % prepayment discount, +1.5
// a surcharge) and above −100 %.
//
// # The order of operations
//
// Every line is priced from its list price b through the same steps, in
// this order, on the unit price p, for a quantity q:
//
//  1. List price: p = b, from the price list valid on the quote date.
//     A price rule ([PriceRule]) may set another starting price b′:
//     a fixed price, or a margin over the list price or the cost
//     (b × (1 + m) or b + a; cost likewise), the first that applies by
//     priority; or the request may give the line a manual price, which
//     switches the rules off for it ([LineRequest.ManualPrice],
//     [LineRequest.IgnoreRules], [Request.IgnoreRules]). The steps below
//     start from b′ instead of b; Gross stays b × q, and the step from b
//     to b′ is the first adjustment.
//
//  2. Rule discounts: the volume, segment, VIP, loyalty and promotion
//     rules that match the line, combined by the rule set's policy:
//     first_match p = b × (1 − r₁) for the first rule by priority;
//     best_for_client p = b × (1 − max rᵢ); additive p = b × (1 − min(Σ rᵢ,
//     1)), a sum past 100 % stopping at 100 % with the excess shown as a
//     cap step; compounding p = b × Π (1 − rᵢ), in priority order. A rule
//     written as an amount ([AmountOff]) takes a off the unit price, or
//     A / q for an amount per line: under additive and compounding it
//     is subtracted where a rate would multiply (additive: b − Σ b × rᵢ
//     − Σ aⱼ), and best_for_client compares what each rule takes off a
//     unit (b × r against a). A price driven below zero stops at zero,
//     shown as a cap step.
//
//  3. Manager discount m, on the price the rules left: p = p × (1 − m).
//
//  4. Cap C on the total commercial discount: p = max(p, ⌈b × (1 − C)⌉).
//     Without a cap C is 100 %, which steps 2 and 3 never pass.
//
//  5. Floor F = max(⌈cost × (1 + min markup)⌉, the item's min price),
//     and never above b: p = max(p, min(F, b)). The floor wins over every
//     discount, and over a fixed, margin or manual price below it, and is
//     reported when it bites. The cap of step 4 is taken from b′, the
//     price the client was set, not from the list price.
//
//  6. Payment terms: p = p × f, with f from the deferral table or the
//     cost-of-money formula below.
//
//  7. Rounding, once: the net unit price u = round(p) to the currency's
//     minor unit plus Rules.ExtraUnitDecimals, then the line total
//     round(u × q) to the minor unit; on a line priced by graduated
//     bands or with an amount per line, round(p × q) (see Volume tiers).
//
//  8. Free items ([FreeItemRule]), once every paid line is priced: a
//     line of its own per rule and item given, at the list price with
//     the whole price taken off (kind free), so Gross, Discount and the
//     client's summary show the gift and Net is unchanged. Free units
//     count toward nothing: no volume, condition or other gift.
//
//  9. Taxes ([Taxes]), on the line after every step above: each
//     percentage tax on the line's untaxed amount (Net, or with
//     tax-included prices Net / (1 + Σ rates)), each fixed tax per unit
//     on top; rounded per line, or kept exact and rounded once per tax
//     over the quote (Odoo's round_per_line and round_globally). Totals:
//     Untaxed + Tax = Total.
//
//  10. Early payment, when the request carries invoice terms
//     ([Request].EarlyPayment): the discount d on the untaxed amount,
//     and by Odoo's mode on the taxes: included (paid early, d off the
//     percentage taxes too), excluded (never off the taxes), mixed (the
//     taxes computed on the base less d from the start). [Quote.Invoice]
//     makes the invoice, which [EarlyPaymentInvoice.Settle] settles to
//     the cent.
//
// ⌈x⌉ is x rounded up to the unit-price precision of step 7. Rounding is
// monotone and leaves a price on that grid unchanged, so a guard on the
// grid still holds after the unit price is rounded: a 25 % cap on 9.99 is
// 7.50, not 7.4925, which half-up rounding could turn into 7.49, 25.03 %
// off.
//
// Why this order. The manager negotiates from the price the policy
// gives, and authority limits concern the manager's own rate, so the
// manager comes after the rules. The cap bounds the whole concession
// (rules and manager), so it comes after both; the floor protects the
// margin whatever the concession, so it comes after the cap. Payment
// terms come after the floor because they are not a concession but the
// price of time: they never compete in first_match or best_for_client,
// never count toward the cap, and under the cost-of-money method the
// deferred price is worth today exactly the commercial price, the one
// the floor guards. A surcharge on the list price before the discounts
// (as a "volume → payment → client" order would give under additive
// combination) would charge a discounted client interest on money they
// do not owe. Under compounding the position changes only the
// explanation, not the price. Rounding comes last and once: every step
// before it is exact.
//
// # Explanations that add up
//
// Each step that changes a line is an [Adjustment]: its kind, the rule
// (ID and client-facing name), its rate, and its amount, the change it
// made to the line total, both totals rounded to the currency. The
// amounts therefore add up from the gross line (b × q, rounded) to the
// last step exactly; what rounding the unit price itself changes is shown
// as a last, separate rounding adjustment. So, for every line and the
// whole quote:
//
//	Gross + Σ adjustments = Net            Net = NetUnitPrice × Quantity, rounded (not graduated)
//	Totals.Net = Totals.Gross − Totals.Discount + Totals.Surcharge = Σ line Net
//
// Totals are sums of the rounded lines, so they never disagree with the
// lines by a cent — the 0.01 residues users of other systems report
// (Odoo's sale_loyalty leaving 0.01 after a 100 % coupon, [odoo/odoo
// 271032]; Invoice Ninja's −0.01 line after a 100 % discount,
// [invoiceninja 3195]) come from rounding a total apart from its lines.
// [Quote.Summary] is the client-facing list of what was granted, one
// entry per rule and step, adding up to Net − Gross.
//
// Every quote starts from the list price: nothing reprices a price that
// was already discounted, so a discount cannot be applied twice, the bug
// ERPNext users hit when a document was recomputed ([erpnext 47800],
// [erpnext 54894]). Rates and amounts stack by the one policy: 10 % and
// 100.00 off a 1,000.00 rate, additive, are 200.00 off, where ERPNext
// once applied only the amount ([erpnext 41211]). A price rule sets the
// price once, first by priority, never stacked on another (two margins
// overwrote each other silently in [erpnext 43048]; here two price
// rules with one priority on one item are refused).
//
// # Volume tiers
//
// A [VolumeRule] gives tiers by their lower bounds: "from 10: 5 %, from
// 50: 10 %". Each tier runs to the next bound and the last is open-ended,
// so gaps and overlaps cannot be written; bounds must strictly increase
// and rates must not decrease. The volume that selects a tier counts
// units ([BasisQuantity]) or the gross amount at list prices
// ([BasisAmount]), added up over the lines of one SKU ([PerItem]), of one
// item group across SKUs ([PerGroup]: three drills and two saws are five
// tools, the case [odoo/odoo 30036] asked of pricelists), or of every
// line in the rule's scope ([PerOrder]). A cumulative rule also counts
// what the client bought earlier in the rule's period, supplied by the
// host ([ClientFacts.Prior]).
//
// [AllUnits] prices every unit at the rate of the highest tier reached.
// [Graduated] prices each band at its own rate, like tax brackets: a band
// covers the volume above its bound up to the next one, so "from 10"
// discounts the 11th unit on. The Dolibarr example of cumulative tiered
// pricing ([dolibarr 32016]) — units 1–10 at 10, 11–20 at 8, 21+ at 6 —
// is a 10.00 list price with bands 0 %, 20 % and 40 % from 0, 10 and 20:
// 25 units cost 10×10 + 10×8 + 5×6 = 210, a blended rate of 16 %. Such
// a line's total is the bands' total rounded once, not the rounded
// blended unit price times the quantity: three units at 10.00, 9.00,
// 9.00 cost 28.00, shown at 9.33 each. Rounding the unit price first
// would let a larger order cost less: at 1.00, 50 % from 10, 111 units
// at 0.55 are 61.05 and 112 at 0.54 are 60.48; here they are 60.50 and
// 61.00.
//
// With non-decreasing rates, more volume never raises the unit price, in
// either mode and at any level (item, group, order, cumulative): a
// property test checks it over random rule sets. An all-units tier can
// still make a larger order cheaper in total than a smaller one (9 units
// at 100 = 900, 10 units at 80 = 800); graduated tiers cannot. ERPNext's
// min/max quantity bands let the price jump back at the upper bound (8
// units dearer than 5, [erpnext 18006]); a tier giving less than the one
// below it is refused here.
//
// # Units of measure
//
// An item may be sold in other units ([Unit]: a box of 10, at its own
// price or 10 × the piece's). A line names its unit; its quantity, list
// and net prices and hints are in that unit, while volume tiers,
// conditions and free items count the item's own units, and amounts per
// unit, fixed prices and fixed taxes scale by the factor (ERPNext's
// stock quantity and conversion factor). The floor of a box is the
// piece's floor times 10.
//
// # Combination policy and priorities
//
// A rule set names its [Policy]; a rule's priority orders it, lower
// first. Under [FirstMatch] the first matching rule by priority wins, as
// in an Odoo pricelist ([Odoo pricelists]); Odoo ranks rules by how
// specific they are and then by sequence, and its users kept filing the
// ties and orderings that went wrong ([odoo/odoo 12193], [odoo/odoo
// 198971]), so here the priority alone decides and is explicit. Two rules
// with the same priority that can apply to the same item are a
// configuration error ([ErrConflict]) when compiled, not a silent pick
// and not a failure at order time as ERPNext's MultiplePricingRuleConflict
// is ([erpnext test_pricing_rule], [erpnext 41636]). [Compile] also
// refuses, under first_match, a volume rule ahead of a richer rule: once
// its tier was reached it would replace the richer discount, and the
// client ordering more would pay more per unit.
//
// A rule matches a line when it covers the item, the client and the
// date, and a volume rule when a tier is reached, even a 0 % tier: under
// first_match such a match wins the line like any other. A loyalty
// programme (whose base tier starts at zero spend) and a volume rule
// whose tiers start "from 0: 0 %" match every line in their scope, so
// they belong after the rules they should not hide.
//
// A rule's condition ([Condition], Header.When) makes it depend on the
// rest of the order, as ERPNext's "apply rule on other" does: screws 20 %
// off when the order holds a drill, gloves 5.00 off once the tools reach
// 500.00 at list prices. Meeting a condition only switches a rule on, so
// under first_match a rule with a condition is held to the same check
// as a volume rule: it may not come before a richer rule on the same
// item.
//
// [BestForClient] keeps the largest discount; [Additive] adds the rates
// (ERPNext's "apply multiple pricing rules": 20 % and 10 % give 30 %);
// [Compounding] applies each to the price the previous one left (ERPNext's
// "apply discount on discounted rate": 28 %). The values are those of
// ERPNext's own tests, reproduced in this package's tests.
//
// # Payment terms
//
// [PaymentPricing] makes the price depend on when the client pays. The
// table method maps a delay, in days after delivery, to an adjustment:
// the first step whose UpToDays covers the delay; prepayment has its own
// entry. The cost-of-money method derives the adjustment from the
// company's annual cost of money r over a delay of d days on a B-day year
// (365 by default, or 360), so that a deferral costs the company nothing:
//
//	simple interest:  f = 1 + r × d / B        prepaid d days early: f = 1 / (1 + r × d / B)
//	present value:    f = (1 + r)^(d / B)      prepaid d days early: f = (1 + r)^(−d / B)
//
// At 12 % a year, 30 days after delivery, a 100.00 price becomes 100.99
// with simple interest (100 × 1.0098630…) and 100.94 by present value
// (100 × 1.12^(30/365) = 100.93582…); discounting the present-value price
// back at 12 % gives 100.00 exactly. The simple-interest factor is kept
// as the exact fraction (B + r × d) / B, divided only by the one rounding
// of step 7, so 301.50 at 12 % for 10 days on a 360-day year is 302.505
// exactly and 302.51 half-up; a present-value factor, irrational in
// general, is taken to 16 decimals, below 10^−6 of a cent on a billion.
//
// # Early-payment terms
//
// On the invoice side, [EarlyPaymentTerms] "d/D net N" give d percent
// off when paid within D days, the full amount due within N; [EarlyPaymentTerms.Apply]
// applies them to a ledger.Invoice (setting its due date) and
// [EarlyPaymentInvoice.Settle] settles it from ledger.Payments. Odoo's
// example ([Odoo cash discounts]): 100 € issued on 1 January at 2 %
// within 7 days, net 30, is settled by 98 € until 8 January, else 100 €
// by 31 January. Forgoing the discount is borrowing the discounted
// amount for N − D days at i = d / (1 − d), an implied annual cost of
//
//	simple   = i × B / (N − D)
//	compound = (1 + i)^(B / (N − D)) − 1
//
// For 2/10 net 30 on a 365-day year, i = 2/98: 37.24 % simple and 44.59 %
// compound (36.73 % simple on a 360-day year, as [mathcelebrity] gives;
// 2/20 net 40 paid on day 30 costs 109.05 % compound, the CFA exercise on
// [analystforum]). A fixed amount ("50.00 off/10 net 30") works the same
// way, d being the amount's share of the invoice. The discount is
// earned whole or not at all, Odoo's rule: once the payments made by the
// discount date add up to the discounted amount, the invoice is settled
// and the difference is the discount; a part payment alone earns
// nothing and settles its face value, as every payment after the
// discount date does; after the due date a payment is marked late.
//
// # The manager's authority
//
// Rules.Authority is an authority.Limits chain in percent points: per
// role or per manager, the largest discount they may give alone and who
// approves beyond it (manager 5 % → head of sales 15 % → director 25 % in
// [DefaultRules]). The manager is an authority.Actor ([ManagerDiscount].By).
// A manager discount within the limit needs nothing; above it the
// quote's [Approval] is pending, names the lowest holder up the chain
// whose limit covers the rate, and [Quote.Offerable] returns that
// limit's *authority.LimitError until [Engine.Approve] records the
// approver's authority.Signature (who, in which role, when) and the
// limit they approved under — checking that the approver is that holder
// or above it and not the manager who asked ([ErrNotAuthorized]), and
// that their limit covers the rate (else their *authority.LimitError).
// A discount above the top of the chain cannot be quoted at all.
//
// # Hints
//
// With Rules.HintWithin set, a quote says where ordering a little more
// reaches a better volume tier: "Order 5 more units of DRILL to get 10 %",
// when the missing volume is at most that share of the tier's bound. The
// tier hinted at is the next one whose rate is above the rate reached (0 %
// below the first tier): a tier giving the same is skipped. A
// hint is given only when the better tier would actually apply under the
// policy: not when a rule of better priority wins anyway under
// first_match, nor when the client already gets as much under
// best_for_client. An item in no group adds to no group's volume, so a
// per-group rule gives it no hint.
//
// # Errors
//
// Bad input never panics: it returns an error matching [ErrInvalid] that
// lists every problem at once, each a *clientele.FieldError naming the
// field as spelt in JSON and the offending value ("lines[1].sku = NAIL:
// not in price list pl-2026"). Unknown SKUs also match [ErrUnknownSKU],
// currency mistakes [ErrCurrency], conflicting rules [ErrConflict], with
// one prefix, "discount: invalid input", however many kinds apply; every
// kind matches its shared clientele sentinel. Decimals are
// bounded (15 integer digits, a fixed number of decimals per kind) before
// any arithmetic touches them, so a hostile "1e-9999" fails validation
// instead of exhausting memory, and errors print them compactly
// ("1e999999999"). IDs and text follow the library's one rule (no
// control characters, bounded length). Rule files and price lists load
// with clientele.LoadConfig, strictly: a misspelt field is an error, not
// a silently missing cap.
//
// Calendar days (validity periods, the quote date, invoice dates) are
// clientele.Date; the time of an approval is the time.Time of its
// authority.Signature.
//
// # Speed
//
// [Compile] sorts the rules once, indexes them by SKU and group, and gives
// each item the short list of rules that can apply to it, so a quote never
// scans every rule for every line.
//
// The arithmetic of a line runs on an exact fixed-point fast path: a
// value is an integer coefficient times a power of ten, as in a decimal,
// but the coefficient is a 256-bit integer on machine words instead of a
// big.Int allocated per operation. Nothing is approximated: the steps
// multiply coefficients, and rounding divides by a power of ten (and by
// a simple-interest divisor) and reads the remainder, so every amount is
// the decimal arithmetic's to the last digit. A line whose numbers do
// not fit (a coefficient past 256 bits) is priced with decimals instead;
// tests price random lines both ways and require equal quotes.
//
// The steps of the ERPNext and Odoo kinds stay on that path where they
// are products and differences: a fixed price, a margin, a manual
// price, an amount per unit, a unit's conversion factor, and the cap
// and floor below a price set. Four fall back to decimals, each for a
// reason: an amount per line is spread over the quantity by a division
// (A / q, to 25 decimals), so the rest of that line is priced with
// decimals; taxes and the early-payment split run after the lines, on
// decimals, only when the rule set has taxes or the request early
// terms; a free line is built with decimals; and a condition on other
// lines adds the lines up once per request. BenchmarkQuoteERPKinds
// prices the 100-line request with every kind mixed in, beside
// BenchmarkQuote100Lines50Rules without them.
//
// The amounts a quote hands out (each line's gross, net, net unit price
// and adjustment amounts, the running totals, blended volume rates and
// hints' missing amounts) are built as decimals without a heap
// allocation each: their big.Ints are carved out of chunks of 256, and
// graduated tiers, tier lookups and hint thresholds are worked out on
// machine words, so a 100-line quote allocates about twenty times in
// all where decimal.New alone would take some thirteen hundred. They are
// ordinary, immutable decimals, equal to decimal.New's field for field.
//
// A host pricing a batch asks [Engine.NewQuoter] for a [Quoter]: it
// prices one request after another into the memory of the quote it
// returned last (its lines and their adjustments), which then holds
// only until the next call ([Quote.Clone] keeps one); that cuts the
// bytes a quote allocates to about a quarter, and with them the garbage
// collector's work. A Quoter is for one goroutine; the Engine stays
// shared.
//
// The benchmarks price a 100-line request against 50 rules and a batch
// of 1,000 such requests, beside BenchmarkReferenceLineArithmetic: the
// bare decimal operations the same lines need, so one run gives what a
// priced line costs against the arithmetic alone.
//
// [Odoo pricelists]: https://www.odoo.com/documentation/latest/applications/sales/sales/products_prices/prices/pricing.html
// [Odoo cash discounts]: https://www.odoo.com/documentation/latest/applications/finance/accounting/customer_invoices/cash_discounts.html
// [odoo/odoo 12193]: https://github.com/odoo/odoo/pull/12193
// [odoo/odoo 198971]: https://github.com/odoo/odoo/pull/198971
// [odoo/odoo 271032]: https://github.com/odoo/odoo/pull/271032
// [odoo/odoo 30036]: https://github.com/odoo/odoo/issues/30036
// [erpnext test_pricing_rule]: https://github.com/frappe/erpnext/blob/develop/erpnext/accounts/doctype/pricing_rule/test_pricing_rule.py
// [erpnext 18006]: https://github.com/frappe/erpnext/issues/18006
// [erpnext 41211]: https://github.com/frappe/erpnext/pull/41211
// [erpnext 41636]: https://github.com/frappe/erpnext/issues/41636
// [erpnext 43048]: https://github.com/frappe/erpnext/issues/43048
// [erpnext 47800]: https://github.com/frappe/erpnext/issues/47800
// [erpnext 54894]: https://github.com/frappe/erpnext/pull/54894
// [invoiceninja 3195]: https://github.com/invoiceninja/invoiceninja/issues/3195
// [dolibarr 32016]: https://github.com/Dolibarr/dolibarr/issues/32016
// [mathcelebrity]: https://www.mathcelebrity.com/vendordiscount.php
// [analystforum]: https://www.analystforum.com/t/trade-credit-terms/78050
package discount
