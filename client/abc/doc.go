// Package abc segments clients by their share of the total value they
// bring: rank them by revenue or profit over a period ([Totals]), add up
// their shares from the largest down, and cut the ranking where the
// cumulative share reaches 80 % (class A) and 95 % (B); the rest is C.
// That is the classic 80/15/5 split of ABC practice, configurable in
// [Config]; [Boundary] decides the client whose share crosses a
// threshold. Training stage 3 of the article asks a new manager to learn
// "how to divide clients into segments": this is the first division.
//
// Loss-making clients are allowed when ranking by profit: always C, and
// left out of the total the shares divide (the net figure is reported
// beside in [Result.Losses]).
//
// Every class decision is exact: money is converted once to integer
// units and compared as integers, never as floats, so a client at
// exactly 80 % is classified by the rule, not by a rounding error.
// float64 appears only in displayed shares.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package abc
