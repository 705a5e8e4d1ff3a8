// Package segment places clients in rule segments: data a host
// configures, where a client is in every segment whose conditions (B2B,
// B2C, VIP, key account, new within N calendar days, dormant for N
// days, region, industry, tag or status, each negatable) all hold.
// [DefaultConfig] holds the everyday segments: new is a first order
// within 90 days (a quarter), dormant no order for 60 days (ERPNext's
// "Inactive Customers" default). [Assign] gives a verdict per condition,
// so a manager sees what stands between a client and a segment.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package segment
