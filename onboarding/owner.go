package onboarding

import "github.com/clientele-go/clientele/internal/enum"

// Owner is who is responsible for a checklist task, as the article
// assigns them. The zero value is unset and fails validation.
type Owner uint8

const (
	// OwnerHR is the HR specialist: the company and policy briefing.
	OwnerHR Owner = iota + 1
	// OwnerSysAdmin is the system administrator: accounts for the office
	// suite, the accounting system and the CRM.
	OwnerSysAdmin
	// OwnerHeadOfDepartment is the head of the department: client
	// information and the first tasks.
	OwnerHeadOfDepartment
	// OwnerMentor is the mentor (curator), or the head of sales training
	// the newcomer where there is none.
	OwnerMentor
	// OwnerTrainee is the new account manager.
	OwnerTrainee
)

var ownerNames = enum.Names{"", "hr", "system_administrator", "head_of_department", "mentor", "trainee"}

// ParseOwner returns the owner named s ("hr", "system_administrator",
// "head_of_department", "mentor", "trainee").
func ParseOwner(s string) (Owner, error) { return enum.Parse[Owner](ownerNames, "task owner", s) }

func (o Owner) String() string { return enum.String(ownerNames, "Owner", o) }

// IsValid reports whether o is one of the named owners.
func (o Owner) IsValid() bool { return enum.Valid(ownerNames, o) }

// MarshalText implements encoding.TextMarshaler; an unset owner is an error.
func (o Owner) MarshalText() ([]byte, error) { return enum.Marshal(ownerNames, "Owner", o) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (o *Owner) UnmarshalText(b []byte) error { return enum.Unmarshal(ownerNames, "task owner", o, b) }
