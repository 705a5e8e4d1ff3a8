// Package clientele holds the vocabulary every Clientele package shares:
// the calendar [Date], the input problem [FieldError] and its list
// [ValidationError], the sentinels every package's errors match
// ([ErrInvalid], [ErrNotFound], [ErrConflict], [ErrForbidden]), and
// [LoadConfig], the one strict JSON loader for every config and rule file.
//
// The rules themselves live in the domain packages (client, its analyses
// under client/, discount); the acting person and their limits live in
// authority, invoices and payments in ledger. ARCHITECTURE.md at the
// module root says what may import what.
//
// # The article
//
// The packages cite "the article": ग्राहक सेवा व्यवस्थापक जॉब वर्णन. मुख्य
// खाते व्यवस्थापक नोकरीचे वर्णन ("Client service manager job
// description. Key account manager job description"), a Marathi text
// that is itself a translation of a Russian trade article on the account
// manager's job description. Its original publication is not known. Its
// duties and numbers are the rules; a published source is cited for
// every formula it only names.
//
// # Errors
//
// Every error a Clientele package returns for bad input matches
// [ErrInvalid] with errors.Is, whatever the package, and lists every
// problem found as a [*ValidationError] of [*FieldError]s. A package's own
// sentinels (client.ErrNotFound, discount.ErrUnknownSKU, ...) wrap the
// shared sentinel of their kind, so a host may handle the kind once
// (errors.Is(err, clientele.ErrNotFound)) or the package's case
// (errors.Is(err, client.ErrNotFound)). A message carries one prefix, the
// package's: "discount: invalid input: lines[0].sku = X: ...".
//
// # Dates
//
// A [Date] is a calendar day with no time of day and no time zone: a due
// date, an order day, the as-of day of a calculation. The library never
// converts between time zones. [DateOf] takes the calendar day a
// time.Time shows in its own location, so a host that means "the 5th in
// Moscow" passes a time in Moscow's location (or a Date). Day differences
// ([Date.Sub]) are whole calendar days, whatever the time of day or
// daylight saving: every package ages invoices, ranks recency and checks
// validity with the same arithmetic. Working days are Monday to Friday
// ([WorkingDays], [WorkingDay]); holidays are the host's calendar.
package clientele
