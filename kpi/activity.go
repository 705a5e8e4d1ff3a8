package kpi

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// ActivityKind is what a manager did: the entries of the activity log the
// seven criteria count. The zero value is unset and refused.
type ActivityKind uint8

const (
	// ActivityCall is a telephone call to a client or a prospect
	// (criterion 2 counts the days made of calls).
	ActivityCall ActivityKind = iota + 1
	// ActivityMeeting is a meeting with a client (criteria 2, 4 and 5).
	ActivityMeeting
	// ActivityEvent is an event, conference or exhibition attended
	// (criterion 1); its client is optional.
	ActivityEvent
	// ActivityReferralRequest is asking a client for the contacts of
	// others who could use the services (criterion 3).
	ActivityReferralRequest
	// ActivityReferral is a referral obtained: a contact a client gave.
	ActivityReferral
	// ActivityProposal is a commercial proposal sent.
	ActivityProposal
)

var activityNames = enum.Names{"", "call", "meeting", "event", "referral_request", "referral", "proposal"}

// ParseActivityKind returns the kind named s ("call", "meeting", "event",
// "referral_request", "referral", "proposal").
func ParseActivityKind(s string) (ActivityKind, error) {
	return enum.Parse[ActivityKind](activityNames, "activity kind", s)
}

func (k ActivityKind) String() string { return enum.String(activityNames, "ActivityKind", k) }

// IsValid reports whether k is one of the named kinds.
func (k ActivityKind) IsValid() bool { return enum.Valid(activityNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k ActivityKind) MarshalText() ([]byte, error) {
	return enum.Marshal(activityNames, "ActivityKind", k)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *ActivityKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(activityNames, "activity kind", k, b)
}

// Presence says whether a decision maker attended a meeting. The zero
// value is unknown: most logs do not say, and criterion 5 then judges by
// contracts alone.
type Presence uint8

const (
	// PresenceUnknown: the log does not say.
	PresenceUnknown Presence = iota
	// DecisionMakerPresent: a person who can sign attended.
	DecisionMakerPresent
	// DecisionMakerAbsent: no one who can sign attended.
	DecisionMakerAbsent
)

var presenceNames = enum.Names{"", "present", "absent"}

// ParsePresence returns the presence named s ("present", "absent").
func ParsePresence(s string) (Presence, error) {
	return enum.Parse[Presence](presenceNames, "decision maker presence", s)
}

func (p Presence) String() string {
	if p == PresenceUnknown {
		return "unknown"
	}
	return enum.String(presenceNames, "Presence", p)
}

// IsValid reports whether p is unknown, present or absent.
func (p Presence) IsValid() bool { return p == PresenceUnknown || enum.Valid(presenceNames, p) }

// MarshalText implements encoding.TextMarshaler. It refuses unknown, the
// zero value: Activity's field is omitzero, so unknown is left out.
func (p Presence) MarshalText() ([]byte, error) {
	return enum.Marshal(presenceNames, "Presence", p)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (p *Presence) UnmarshalText(b []byte) error {
	return enum.Unmarshal(presenceNames, "decision maker presence", p, b)
}

// Activity is one entry of a manager's log: what, on which day, with
// which client (by ID), and for a meeting whether a decision maker
// attended, when known. The zero Activity is refused: its kind and day
// are required, and its client too unless it is an event.
type Activity struct {
	Kind          ActivityKind   `json:"kind"`
	On            clientele.Date `json:"on"`
	ClientID      string         `json:"client_id,omitempty"`
	DecisionMaker Presence       `json:"decision_maker,omitzero"`
}

func (a *Activity) check(p *validate.Problems) {
	switch {
	case a.Kind == 0:
		p.Add("kind", nil, "is required")
	case !a.Kind.IsValid():
		p.Add("kind", uint8(a.Kind), "is not a known activity kind")
	}
	p.Date("on", a.On, true)
	switch {
	case a.Kind == ActivityEvent && a.ClientID == "":
	default:
		checkID(p, "client_id", a.ClientID)
	}
	if !a.DecisionMaker.IsValid() {
		p.Add("decision_maker", uint8(a.DecisionMaker), "is not unknown, present or absent")
	} else if a.DecisionMaker != PresenceUnknown && a.Kind != ActivityMeeting {
		p.Add("decision_maker", a.DecisionMaker, "is recorded for meetings only")
	}
}

// plainID reports, cheaply, whether id is a short ID of visible ASCII
// characters (0x21-0x7e), which validate.ID would accept: the common case
// among millions of log entries, checked eight bytes at a time without
// the general rule's cost. An ID of 8 to 16 bytes, the usual length, is
// two overlapping words and no loop (the log's loop writes this case out
// itself, to make no call). Anything else goes to the general rule.
func plainID(id string) bool {
	if n := len(id); n >= 8 && n <= 16 {
		return plainWords(word(id[:8]), word(id[n-8:]))
	}
	return plainOtherID(id)
}

// plainOtherID is plainID for IDs shorter than 8 bytes or longer than 16.
func plainOtherID(id string) bool {
	n := len(id)
	switch {
	case n == 0 || n > validate.MaxIDLen:
		return false
	case n < 8:
		for i := 0; i < n; i++ {
			if c := id[i]; c <= ' ' || c >= 0x7f {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 < n; i += 8 {
		if !plainWord(word(id[i : i+8])) {
			return false
		}
	}
	return plainWord(word(id[n-8:]))
}

// word reads eight bytes of s, little-endian, in one load.
func word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainWord reports whether every byte of w is within 0x21-0x7e: no byte
// ≥ 0x80, none < 0x21 (w - 0x21 borrows into its high bit) and none 0x7f
// (w + 1 carries into its high bit).
func plainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return w&highs == 0 && (w-0x21*ones)&^w&highs == 0 && (w+ones)&highs == 0
}

// plainWords is plainWord(a) && plainWord(b) with one branch: a byte ≥
// 0x80 in either word sets a high bit of a|b, which then hides whatever
// the borrows and carries of the other two tests did.
func plainWords(a, b uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (a|b|(a-0x21*ones)&^a|(b-0x21*ones)&^b|(a+ones)|(b+ones))&highs == 0
}
