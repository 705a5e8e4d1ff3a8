package kpi

import "github.com/clientele-go/clientele/internal/validate"

// stageNames finds a configured stage by the name a deal's stage entry
// gives, comparing the name only with the stages of its length: the
// default stages' names all differ in length, so a lookup is one
// comparison of bytes, where Config.stageIndex compares the name with
// each stage in turn, 200,000 deals of a team's year times their two to
// five stages. It is built once per evaluator from a validated config:
// names of at most validate.MaxNameLen bytes.
// The zero stageNames finds nothing.
type stageNames struct {
	names []string
	// first holds 1 + the first stage whose name has each length, next
	// 1 + the next stage whose name has the same length; 0 for none.
	first [validate.MaxNameLen + 1]int32
	next  []int32
}

func newStageNames(stages []Stage) stageNames {
	s := stageNames{names: make([]string, len(stages)), next: make([]int32, len(stages))}
	for i := len(stages) - 1; i >= 0; i-- { // backwards, so each length's stages chain in order
		name := stages[i].Name
		s.names[i] = name
		if len(name) <= validate.MaxNameLen {
			s.next[i] = s.first[len(name)]
			s.first[len(name)] = int32(i + 1)
		}
	}
	return s
}

// index returns the position of the first stage named name, or -1, as
// Config.stageIndex does.
func (s *stageNames) index(name string) int {
	if len(name) > validate.MaxNameLen {
		return -1
	}
	for i := int(s.first[len(name)]) - 1; i >= 0; i = int(s.next[i]) - 1 {
		if s.names[i] == name {
			return i
		}
	}
	return -1
}
