package authority

import (
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// The roles the article names, for hosts that keep its department
// structure; a host may use any role names of its own.
const (
	// RoleManager is an account manager.
	RoleManager = "manager"
	// RoleLeadManager is a lead (key) account manager.
	RoleLeadManager = "lead_manager"
	// RoleHeadOfDepartment heads the account-management department.
	RoleHeadOfDepartment = "head_of_department"
)

// ErrInvalid marks a malformed actor, signature or limit list; it
// matches clientele.ErrInvalid.
var ErrInvalid = validate.Kind("authority: invalid input", clientele.ErrInvalid)

// Actor is a person acting in the host's system: their ID (the host's
// user ID, never a name: actors appear in records and error messages)
// and the role they act in. The zero Actor is nobody: Validate refuses
// it, and no limit or grant covers it.
type Actor struct {
	ID   string `json:"id"`
	Role string `json:"role"`
}

// Validate reports a missing or malformed ID or role.
func (a Actor) Validate() error {
	var p validate.Problems
	a.check(&p, "")
	return p.Err(ErrInvalid)
}

func (a Actor) check(p *validate.Problems, prefix string) {
	p.ID(validate.Path(prefix, "id"), a.ID)
	p.ID(validate.Path(prefix, "role"), a.Role)
}

// Signature is an actor's act at a moment: an approval, a signing, a
// release. The zero Signature is unsigned: Validate refuses it.
type Signature struct {
	By Actor     `json:"by"`
	At time.Time `json:"at"`
}

// Validate reports a missing or malformed actor or a missing time.
func (s Signature) Validate() error {
	var p validate.Problems
	s.check(&p, "")
	return p.Err(ErrInvalid)
}

func (s Signature) check(p *validate.Problems, prefix string) {
	s.By.check(p, validate.Path(prefix, "by"))
	if s.At.IsZero() {
		p.Add(validate.Path(prefix, "at"), nil, "is required: a signature records when it was given")
	}
}
