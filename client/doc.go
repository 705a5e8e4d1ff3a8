// Package client holds the client record and the rules an account manager
// applies to it: who the client is and where it stands, how the base
// divides into segments, how useful each client is, what it complains
// about, and who may see its personal data. The record, its lifecycle,
// its storage and the order facts are here; the analyses are in the
// sub-packages listed under Analyses.
//
// All calculations are pure functions of their inputs and an explicit
// as-of date: no clock, no globals, no I/O. They are safe for concurrent
// use and give the same answer for the same input. Records live in a
// host's own database behind the small [Store] interface; [MemStore] is
// the in-memory implementation.
//
// # The record
//
// A [Client] is an individual (B2C), a private entrepreneur or a company
// (both B2B, see [Kind.IsBusiness]). It has an ID chosen by the host, a
// display name, legal details for businesses, contacts, the assigned
// account manager, a VIP flag, a key-account flag, industry, region, tags
// and the segments last assigned. [Client.Validate] reports every problem
// at once, each a [clientele.FieldError] naming the field and the value.
//
// # Lifecycle
//
// A client moves prospect → active → dormant → lost, with reactivation
// straight back to active (see [Status] for the table). [Client.MoveTo]
// refuses any other move with a [*TransitionError] naming from and to.
//
// # Order facts
//
// An [Order] is who ordered, on which day and how much; a [History]
// sums one client's orders (how many, first and last day, total), and
// [Histories] builds them from orders, so that a client who never
// ordered is reported rather than dropped. RFM, the rule segments and
// the rating all read histories.
//
// Every day here is a [clientele.Date] (an order's, a history's, the
// record's Since and StatusSince, an analysis's as-of day), and every age
// is whole calendar days, asOf.Sub(day), the arithmetic solvency ages
// invoices with: an order on the 1st is one day old on the 2nd, whatever
// the hours. Only a complaint keeps time.Time moments, its resolution
// time being measured in hours.
//
// # Analyses
//
// The analyses an account manager runs on the base live in their own
// packages, each with its rule, its numbers and its ErrInvalid:
//
//   - abc: ABC by revenue or profit share (A up to 80 %, B up to 95 %).
//   - keyclients: the few clients that bring more than 50 % of the profit.
//   - xyz: XYZ by the steadiness of monthly orders (X ≤ 10 %, Y ≤ 25 %),
//     and the order series it needs.
//   - abcxyz: the nine-cell matrix with a treatment per cell.
//   - rfm: recency, frequency and monetary scores and their segments.
//   - segment: rule segments (B2B, VIP, new, dormant, region, ...).
//   - rating: a client's 0-100 usefulness to the company.
//   - complaint: complaints and the analysis of their causes.
//   - solvency: whether the client can pay, and how much it may owe.
//
// # Personal data
//
// The article makes a manager answerable for "unauthorised use of
// personal data". Names and tax numbers of individuals and
// entrepreneurs, and every contact, are held in [Personal] values, which
// print as [Redacted] through String, every fmt verb, encoding/json and
// log/slog. Printers that walk a value by reflection instead (fmt's %p
// and %w, a host's unexported fields, testify's diffs) see only an
// address, never the text. [Personal.Reveal] is the only way to read
// them, so every read is one searchable call. [AccessPolicy] decides
// who may read or change a record: by default the assigned manager, a
// lead account manager for key accounts, the head of department for
// everyone; anyone else gets [ErrForbidden]. It fails closed: an actor
// without an ID or a role is refused, so is everyone under a policy that
// fails Validate, and the zero policy grants nothing.
//
// # Storage
//
// [Store] is five methods, context first. Writes carry the record's
// Version and fail with [ErrConflict] when someone else wrote first, so
// no update is lost: re-read, re-apply, retry. [All] ranges over a
// filtered base page by page. Package clienttest checks any
// implementation: run clienttest.Run against your own store.
package client
