// Package rfm ranks every client that ordered on recency (calendar days
// since the last order, as of an explicit clientele.Date), frequency (orders) and
// monetary value (order total), from client.History values
// (client.Histories builds them from orders).
//
// Each measure is scored 1 to 5 from the client's midpoint percentile
// rank among the N clients scored: 1 + floor(5·(L + E/2)/N), with L
// clients worse and E equal, itself included. Without ties that is the
// quintile of the client's position; equal values score equal, and a tie
// is ranked at its middle, so the best value shared by many is not
// pushed down (seven clients with 3, 3, 3, 6, 12, 12 and 12 orders score
// F2, F3 and F4). The [Result] shows the band of values behind every
// score ("F4: 12 orders (3 clients)") and [Result.Explain] writes each
// client's arithmetic. Clients without orders are reported, not guessed.
//
// # Midpoint ranks, or pandas' qcut
//
// The midpoint score is the default because equal values score equal
// and every score can be explained from the counts above. Many teams'
// RFM is a pandas notebook instead, pd.qcut(x.rank(method="first"), q,
// labels=...): even bins by position, ties split by the order of the
// rows, quartiles or quintiles. Package [qcut] reproduces that scoring
// bit for bit, for any number of bins, so a team can check its notebook
// against the library, switch, and see which clients the two scorings
// place differently. Pick rfm.Classify for decisions a manager explains;
// pick qcut to match a notebook.
//
// A [Config] maps scores to named segments (champions, loyal, potential
// loyalist, new, promising, needs attention, about to sleep, at risk,
// cannot lose, hibernating, lost), first match wins; [Config.Validate]
// proves all 125 score combinations covered and no rule dead.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
//
// [qcut]: https://pkg.go.dev/github.com/clientele-go/clientele/client/rfm/qcut
package rfm
