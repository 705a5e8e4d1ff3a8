// Package rating scores a client's usefulness to the company, which the
// article asks the manager to assess, 0-100 from profit share, revenue
// growth, loyalty (tenure and repeat orders) and the payment-discipline
// score the solvency package computes. [DefaultConfig] weighs them 40,
// 20, 20 and 20 percent points: the article defines a key client by its
// profit share, so value weighs most, and full marks on value come at a
// 10 % share (five key clients at 10 % bring the article's "more than
// 50 %"). Each factor reports its sub-score, weight and contribution;
// a missing factor's weight is shared out, not counted as zero.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package rating
