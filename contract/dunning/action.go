package dunning

import "github.com/clientele-go/clientele/internal/enum"

// Action is what a dunning level does about a debt, mildest first.
type Action uint8

const (
	// ActionReminder: a friendly reminder that an invoice is past due.
	ActionReminder Action = iota + 1
	// ActionCall: the manager calls the client.
	ActionCall
	// ActionFormalClaim: a formal written claim (a pre-trial claim
	// letter), with interest and fees stated.
	ActionFormalClaim
	// ActionLegal: the debt goes to court or to a collection agency.
	ActionLegal
)

var actionNames = enum.Names{"", "reminder", "call", "formal_claim", "legal"}

// ParseAction returns the action named s ("reminder", "call",
// "formal_claim", "legal").
func ParseAction(s string) (Action, error) { return enum.Parse[Action](actionNames, "action", s) }

func (a Action) String() string { return enum.String(actionNames, "Action", a) }

// IsValid reports whether a is one of the named actions.
func (a Action) IsValid() bool { return enum.Valid(actionNames, a) }

// MarshalText implements encoding.TextMarshaler; an unset action is an error.
func (a Action) MarshalText() ([]byte, error) { return enum.Marshal(actionNames, "Action", a) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (a *Action) UnmarshalText(b []byte) error { return enum.Unmarshal(actionNames, "action", a, b) }

// words is the action as a phrase in a sentence.
func (a Action) words() string {
	switch a {
	case ActionReminder:
		return "a reminder"
	case ActionCall:
		return "a call"
	case ActionFormalClaim:
		return "a formal claim"
	case ActionLegal:
		return "legal action"
	}
	return a.String()
}
