// Package contract holds the contract between the company and a client:
// its terms, its lifecycle from draft to completion, signing within
// authority, the document package and the obligations of both parties.
// It serves the account manager's duties in the article the library
// encodes: work "the full document package: initial conclusion of a
// contract, or its extension / re-registration", sign "only within
// one's authority", and "monitor that every party's obligations are
// fulfilled within the agreed period, not only sign the contract".
//
// Invoices, payments, services rendered and paid, receivables ageing,
// debtors, dunning, penalty interest and the dispute pack live in the
// sub-packages contract/receivables and contract/dunning; they read a
// contract's [PaymentTerms] (the one shape of a net period and an
// early-payment discount, discount.EarlyPaymentTerms).
//
// Every function is pure: it takes its inputs and an explicit day (a
// clientele.Date), reads no clock and does no I/O. A compiled [Policy]
// is immutable and safe for concurrent use. Nothing panics on business
// input, nor on any type's zero value; bad input is a
// *clientele.ValidationError naming every offending field and value.
//
// # The record
//
// A [Contract] is a value: its parties (client and manager IDs), its
// type, value and currency, its start and end days, its payment terms,
// an optional [AutoRenewal], its document package, the [Obligation]s of
// both parties, and its history as a list of recorded [Event]s. Methods
// that change a contract return a changed copy.
//
// # The lifecycle
//
//	draft ─agree─► agreed ─sign─► signed ─[start]─► active ─complete─► completed
//	                                                  │  ▲                  ▲
//	                                                [end] └─ extend, renew   │
//	                                                  ▼                     │
//	                                               expired ─────complete────┘
//
//	terminate  (draft, agreed, signed, active) ──► terminated
//	supersede  (signed, active)                ──► superseded
//
// The state is never stored. [Contract.StatusOn] computes it for any day
// from the contract's dates and the events recorded up to that day, and
// says why in words ([Status]): a signed contract is active from its
// start date (or from the signing, if later) and expires the day after
// the end in force; an extension moves that end (the agreed End and every
// earlier end stay in the history); an automatic renewal moves it by its
// term at each end unless a party recorded [EventStopAutoRenewal] at
// least NoticeDays before it (a later notice stops the renewal after the
// next one); a termination takes effect when its notice runs out, and
// the contract runs on until then. Two events happen by the calendar
// alone and are never recorded: start and end.
//
// The transition table, state × event → next state ("." : refused).
// Calendar events in brackets.
//
//	state \ event   agree  sign   [start] [end]   complete  terminate  extend renew     stop_auto_renewal supersede
//	draft           agreed .      .       .       .         terminated .      .         .                 .
//	agreed          .      signed .       .       .         terminated .      .         .                 .
//	signed          .      .      active  .       .         terminated signed .         signed            superseded
//	active          .      .      .       expired completed terminated active active    active            superseded
//	completed       .      .      .       .       .         .          .      completed .                 .
//	expired         .      .      .       .       completed .          .      expired   .                 .
//	terminated      .      .      .       .       .         .          .      .         .                 .
//	superseded      .      .      .       .       .         .          .      .         .                 .
//
// [Contract.Apply] records an event and refuses, with a typed
// [*TransitionError] (From, Event, On and a Reason where the table is not
// the whole story), an event the table does not allow in the state on
// the event's day, an event dated before the last recorded one, and any
// event while a termination's notice runs. It returns the changed
// contract and leaves the one it is called on as it was, sharing no list
// or pointer with it: this is the library's one shape for applying an
// event to a lifecycle (onboarding.Onboarding.Apply is the same), so a
// refused event cannot leave a half-applied record and the stored
// version stays at hand for a retry after ErrConflict. [Contract.Can] and
// [Contract.EventsOn] answer what may be recorded on a day; [State.Next]
// and [State.Events] read the table itself.
//
// # Successors: renewal, re-registration, amendment
//
// A renewal ([Contract.Renew]) is a new contract for a further term,
// linked to its predecessor ([LinkRenewal]); the predecessor runs on to
// its own end. A re-registration ([Contract.Reregister]) is the same
// relationship under a new number or with changed party details; an
// amendment ([Contract.Amendment]) is a new revision of a signed
// contract's terms. Both are drafts linked to the old contract
// ([LinkReregistration], [LinkAmendment]) and, once signed, replace it
// ([Contract.SupersededBy]): the old contract becomes superseded, the
// obligations due after that day lapse, and its signed terms stay
// exactly as they were signed. A Store enforces that: [ValidateChange]
// refuses to change a signed contract's terms in place, or to rewrite
// its recorded history.
//
// # Signing within authority and the document package
//
// Contract types are configuration ([Config], loaded with
// clientele.LoadConfig[contract.Config] and compiled once by [Compile]):
// each [TypeConfig] names the documents its package requires and the
// chain of signing limits on the contract's value, as authority.Limits
// (per role or per person, and who approves beyond). [DefaultConfig]
// has the article's two kinds of deal, supply and services.
//
// [Policy.Sign] signs an agreed contract only when every required
// document is verified and the value is within the signer's limit for
// the type. Otherwise it returns a [*SigningError] giving every reason at
// once: the state, each missing document with how far it got
// (requested, received but not verified, rejected with its reason), and
// the *authority.LimitError from Limits.Check, which names the limit,
// the amount and who can approve (errors.As finds it). The signer and
// the moment are recorded as the EventSign's authority.Signature.
// [Policy.CheckSigning] asks the same question without signing.
//
// # Obligations
//
// Each [Obligation] is what one party (company or client) must do —
// deliver, pay, provide documents, render a service — by a due day,
// with an amount where one applies (decimal.NullDecimal). Its status on
// a day ([Contract.ObligationOn], an [ObligationCheck]) is pending, due
// soon (within the policy's window, due day included: 7 days by
// default), overdue by so many days, fulfilled on time or late by so
// many days, or lapsed: released by the other party, or due after the
// contract ended early. What fell due before a termination stays owed:
// [Policy.Obligations] reports a terminated contract's open obligations
// like any other, with the contract's state beside them. The report
// lists what is overdue (the longest first) and what falls due in the
// next N days (the soonest first), and sums them per contract and per
// manager.
//
// # Storage
//
// [Store] keeps contracts (context first, optimistic Version with
// ErrConflict, keyset paging by ID); [MemStore] is the in-memory one,
// safe for concurrent use, copying values in and out; the conformance
// suite contract/contracttest checks any implementation.
package contract
