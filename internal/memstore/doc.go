// Package memstore is the one in-memory keeper of versioned records
// under the domain packages' MemStores (client, contract, onboarding,
// contract/receivables). Each of them used to repeat the same lines; the
// rules they share live here once:
//
//   - records are kept by ID under a read-write mutex, safe for
//     concurrent use;
//   - a record is copied on the way in and on the way out, so a caller
//     changing a value it holds changes nothing stored;
//   - optimistic concurrency: Create stores version 1, every accepted
//     write stores the version it was given plus one, and a write that
//     carries another version than the stored one fails with the
//     package's conflict error, so no update is lost;
//   - a canceled context is reported before anything else happens;
//   - List pages by keyset in ascending byte order of the IDs (the IDs
//     are kept sorted: a page costs O(log n + page), Create and Delete
//     O(n)), at most the caller's limit a page, with the ID to continue
//     after when more records match.
//
// # Kinds
//
// A [Store] knows nothing of the records it keeps: a [Kind], a stateless
// type each package declares (an empty struct with methods), tells it a
// record's ID and version, how to copy one and which errors to return,
// so each package keeps its own StoreError, sentinels and messages. The
// Store calls the Kind's methods on its zero value; no reflection, no
// function fields, and so the zero Store is an empty store, ready to use.
//
// # What stays in the packages
//
// Validation stays with the record's package and is handed in as a
// function that runs after the context check and before the lock, as
// the packages always ordered it. A rule that needs the stored record
// (the contract's ValidateChange) runs under the lock after the version
// check. A write the version rule does not fit (receivables' idempotent
// payment recording) uses [Store.Replace] and decides for itself.
package memstore
