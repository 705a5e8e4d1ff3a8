// Package client holds the client record and the rules an account manager
// applies to it: who the client is and where it stands, how the base
// divides into segments, how useful each client is, what it complains
// about, and who may see its personal data.
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
// # Value segmentation: ABC, key clients, XYZ, ABC-XYZ
//
// Training stage 3 of the article asks a new manager to learn "how to
// divide clients into segments". [abc.Classify] ranks clients by their revenue or
// profit over a period ([abc.Totals]) and cuts the ranking where the
// cumulative share reaches 80 % (class A) and 95 % (B); the rest is C
// (the classic 80/15/5 split, configurable in [abc.Config]).
// [abc.Boundary] decides the client whose share crosses a threshold.
// [keyclients.Find] applies the article's rule, "in many companies a few key
// clients bring more than 50 % of the profit", as the smallest set of top
// clients whose profit exceeds the share; [keyclients.Result.MarkKeyAccounts]
// flags them on the records. Loss-making clients are allowed when ranking
// by profit: always C, never key clients, and left out of the total the
// shares divide (net figures are reported beside).
//
// [xyz.Classify] classes clients by the coefficient of variation of their
// per-period order values (X ≤ 10 %, Y ≤ 25 %, Z above; population or
// sample deviation), and refuses to guess with fewer than 6 periods or
// with no demand at all; [xyz.OrderSeries] builds the series from orders over
// [xyz.MonthlyPeriods]. [abcxyz.Combine] combines both into the nine-cell matrix with
// a configurable treatment per cell (AX: key-account care ... CZ: minimal
// service).
//
// Every class decision is exact: money is converted once to integer units
// and compared as integers, never as floats, so a client at exactly 80 %
// or a CV of exactly 10 % is classified by the rule, not by a rounding
// error. float64 appears only in displayed shares and statistics.
//
// # Behaviour segmentation: RFM and rule segments
//
// [rfm.Classify] ranks every client that ordered on recency (whole days since the
// last order, as of an explicit date), frequency (orders) and monetary
// value (order total) ([Histories] builds the facts from orders). Each
// measure is scored 1 to 5 from the client's midpoint percentile rank
// among the N clients scored: 1 + floor(5·(L + E/2)/N), with L clients
// worse and E equal, itself included. Without ties that is the quintile
// of the client's position; equal values score equal, and a tie is
// ranked at its middle, so the best value shared by many is not pushed
// down (seven clients with 3, 3, 3, 6, 12, 12 and 12 orders score F2, F3
// and F4). The result shows the band of values behind every score ("F4:
// 12 orders (3 clients)") and explains each client's arithmetic. Clients
// without orders are reported, not guessed. An [rfm.Config] maps scores
// to named segments (champions, loyal, potential loyalist, new,
// promising, needs attention, about to sleep, at risk, cannot lose,
// hibernating, lost), first match wins; Validate proves all 125 score
// combinations covered and no rule dead. [segment.Assign] places clients
// in every segment whose conditions (B2B, B2C, VIP, key account, new
// within N days, dormant for N days, region, industry, tag or status,
// each negatable) all hold, with a verdict per condition.
//
// # Rating and complaints
//
// The article asks the manager to "assess each client's usefulness to the
// company". [rating.Rate] scores it 0-100 from profit share, revenue growth,
// loyalty (tenure and repeat orders) and the payment-discipline score the
// solvency package computes, with weights in percent points; each factor
// reports its sub-score, weight and contribution, and a missing factor's
// weight is shared out, not counted as zero. [complaint.Analyze] gives
// the causes of a period's complaints in Pareto order, the open count,
// nearest-rank median and 90th-percentile resolution times, and the
// clients who complain repeatedly.
//
// # Personal data
//
// The article makes a manager answerable for "unauthorised use of
// personal data". Names and tax numbers of individuals and
// entrepreneurs, and every contact, are held in [Personal] values, which
// print as [Redacted] through String, every fmt verb, encoding/json and
// log/slog; [Personal.Reveal] is the only way to read them, so every read
// is one searchable call. [AccessPolicy] decides
// who may read or change a record: by default the assigned manager, a
// lead account manager for key accounts, the head of department for
// everyone; anyone else gets [ErrForbidden].
//
// # Storage
//
// [Store] is five methods, context first. Writes carry the record's
// Version and fail with [ErrConflict] when someone else wrote first, so
// no update is lost: re-read, re-apply, retry. [All] ranges over a
// filtered base page by page. Package clienttest checks any
// implementation: run clienttest.Run against your own store.
package client
