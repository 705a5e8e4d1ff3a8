package contract

import (
	"slices"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Event is one recorded step of a contract's lifecycle. Which fields
// it carries depends on its Kind:
//
//   - EventSign: Signature (who signed, when; On is its day).
//   - EventTerminate: Reason and NoticeDays (0 ends it on the day).
//   - EventExtend: NewEnd, after the end in force.
//   - EventRenew, EventSupersede: SuccessorID, the contract that
//     continues or replaces this one.
//
// A field a kind does not use must be left zero. The zero Event is
// invalid: it has no kind and no day.
type Event struct {
	Kind EventKind      `json:"kind"`
	On   clientele.Date `json:"on"`
	// By is who recorded the event; optional (a signature names its
	// signer itself).
	By          authority.Actor      `json:"by,omitzero"`
	Signature   *authority.Signature `json:"signature,omitempty"`
	Reason      string               `json:"reason,omitempty"`
	NoticeDays  int                  `json:"notice_days,omitempty"`
	NewEnd      clientele.Date       `json:"new_end,omitzero"`
	SuccessorID string               `json:"successor_id,omitempty"`
}

// check reports the event's own problems; whether the lifecycle allows
// it is the replay's to say.
func (e Event) check(p *validate.Problems) {
	switch {
	case !checkEnum(p, "kind", e.Kind, "event"):
	case e.Kind.IsCalendar():
		p.Add("kind", e.Kind, "happens by the calendar and is never recorded")
	}
	p.Date("on", e.On, true)
	if e.By != (authority.Actor{}) {
		p.Merge("by", e.By.Validate())
	}
	only := func(field string, set bool, kinds ...EventKind) {
		if set && e.Kind.IsValid() && !slices.Contains(kinds, e.Kind) {
			p.Addf(field, nil, "is not used by the %s event: leave it empty", e.Kind)
		}
	}
	only("signature", e.Signature != nil, EventSign)
	only("reason", e.Reason != "", EventTerminate, EventSupersede)
	only("notice_days", e.NoticeDays != 0, EventTerminate)
	only("new_end", !e.NewEnd.IsZero(), EventExtend)
	only("successor_id", e.SuccessorID != "", EventRenew, EventSupersede)
	switch e.Kind {
	case EventSign:
		if e.Signature == nil {
			p.Add("signature", nil, "is required: a signing records who signed and when")
			break
		}
		p.Merge("signature", e.Signature.Validate())
		if at := clientele.DateOf(e.Signature.At); !e.Signature.At.IsZero() && e.On.IsValid() && at != e.On {
			p.Addf("on", e.On, "must be the signature's day %s", at)
		}
	case EventTerminate:
		p.Required("reason", e.Reason, validate.MaxTextLen)
		if e.NoticeDays < 0 || e.NoticeDays > MaxNoticeDays {
			p.Addf("notice_days", e.NoticeDays, "must be within 0..%d", MaxNoticeDays)
		}
	case EventExtend:
		p.Date("new_end", e.NewEnd, true)
	case EventRenew:
		p.ID("successor_id", e.SuccessorID)
	case EventSupersede:
		p.ID("successor_id", e.SuccessorID)
		p.Text("reason", e.Reason, validate.MaxTextLen)
	}
}

// LinkKind is how a contract continues another. The zero LinkKind means
// no link.
type LinkKind uint8

const (
	// LinkRenewal is a successor for a further term.
	LinkRenewal LinkKind = iota + 1
	// LinkReregistration is the same relationship under a new number or
	// changed party details.
	LinkReregistration
	// LinkAmendment is a new revision of a signed contract's terms; the
	// signed revision stays as it was.
	LinkAmendment
)

var linkKindNames = enum.Names{"", "renewal", "reregistration", "amendment"}

// ParseLinkKind returns the kind named s ("renewal", ...).
func ParseLinkKind(s string) (LinkKind, error) {
	return enum.Parse[LinkKind](linkKindNames, "link kind", s)
}

func (k LinkKind) String() string { return enum.String(linkKindNames, "LinkKind", k) }

// IsValid reports whether k is one of the named kinds.
func (k LinkKind) IsValid() bool { return enum.Valid(linkKindNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k LinkKind) MarshalText() ([]byte, error) { return enum.Marshal(linkKindNames, "LinkKind", k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *LinkKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(linkKindNames, "link kind", k, b)
}

// Link points from a contract to the one it continues. The zero Link
// is no link: an original contract.
type Link struct {
	Kind       LinkKind `json:"kind"`
	ContractID string   `json:"contract_id"`
}

func (l Link) check(p *validate.Problems, self string) {
	if l == (Link{}) {
		return
	}
	checkEnum(p, "predecessor.kind", l.Kind, "link kind")
	if p.ID("predecessor.contract_id", l.ContractID) && l.ContractID == self {
		p.Add("predecessor.contract_id", l.ContractID, "a contract cannot continue itself")
	}
}
