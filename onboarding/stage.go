package onboarding

import "github.com/clientele-go/clientele/internal/enum"

// Stage is one of the article's four training stages, in order. The zero
// value is unset and fails validation.
type Stage uint8

const (
	// StageIntroduction: the work and the company: policy, colleagues,
	// software accounts, client information and first tasks (a few days).
	StageIntroduction Stage = iota + 1
	// StageProduct: what is sold, the sales system, cold-call technique,
	// and the start of the client base (2 days, then prospecting at once).
	StageProduct
	// StageSalesTraining: sales training with a mentor (curator) and the
	// product knowledge test, checked over 3 to 4 weeks.
	StageSalesTraining
	// StageSupervisedWork: the normal work rhythm under an experienced
	// curator until performance shows readiness to work alone.
	StageSupervisedWork
)

// NumStages is the number of stages a plan has: the article's four.
const NumStages = 4

var stageNames = enum.Names{"", "introduction", "product", "sales_training", "supervised_work"}

// ParseStage returns the stage named s ("introduction", "product",
// "sales_training", "supervised_work").
func ParseStage(s string) (Stage, error) { return enum.Parse[Stage](stageNames, "stage", s) }

func (s Stage) String() string { return enum.String(stageNames, "Stage", s) }

// IsValid reports whether s is one of the four stages.
func (s Stage) IsValid() bool { return enum.Valid(stageNames, s) }

// Number returns the stage's position, 1 to 4; 0 for an unset or
// unknown stage.
func (s Stage) Number() int {
	if !s.IsValid() {
		return 0
	}
	return int(s)
}

// MarshalText implements encoding.TextMarshaler; an unset stage is an error.
func (s Stage) MarshalText() ([]byte, error) { return enum.Marshal(stageNames, "Stage", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Stage) UnmarshalText(b []byte) error { return enum.Unmarshal(stageNames, "stage", s, b) }
