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
// at once, each a [FieldError] naming the field and the value.
//
// # Lifecycle
//
// A client moves prospect → active → dormant → lost, with reactivation
// straight back to active (see [Status] for the table). [Client.MoveTo]
// refuses any other move with a [*TransitionError] naming from and to.
//
// # Personal data
//
// The article makes a manager answerable for "unauthorised use of
// personal data". Names of individuals and every contact are held in
// [Personal] values, which print as [Redacted] through String, every fmt
// verb, encoding/json and log/slog; [Personal.Reveal] is the only way to
// read them, so every read is one searchable call. [AccessPolicy] decides
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
