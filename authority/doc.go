// Package authority says who acts, in which role, within which limit,
// and when: the one shape every Clientele package uses for an approval,
// a signature or a release.
//
// The article makes the account manager sign "only within one's
// authority". An [Actor] is the person (the host's user ID, never a name)
// and the role they act in; a [Signature] is an actor's act at a moment.
// [Limits] state, per role or per person, the largest amount each may
// commit on their own signature and who approves beyond it: a chain such
// as manager (5 %) → head of sales (10 %) → director (20 %) for a
// discount, or manager (100,000) → director (1,000,000) for a contract's
// value. [Limits.Check] answers within the limit with nil and beyond it
// with a [*LimitError] that names the limit, the amount and the lowest
// holder up the chain who can approve it.
//
// The host authenticates the actor and vouches for the role; the limits
// decide what the role may do. A person's own entry (Holder = their ID)
// wins over their role's, so one senior manager can hold a higher limit
// than the role.
package authority
