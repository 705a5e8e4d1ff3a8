package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
	"github.com/stretchr/testify/assert"
)

func TestEnumsRoundTripText(t *testing.T) {
	enumtest.CheckText[Stage](t, ParseStage)
	enumtest.CheckText[State](t, ParseState)
	enumtest.CheckText[Owner](t, ParseOwner)
	enumtest.CheckText[EventKind](t, ParseEventKind)
	enumtest.CheckText[Pace](t, ParsePace)
	enumtest.CheckText[BlockerCode](t, ParseBlockerCode)
}

func TestStageAndStateAgree(t *testing.T) {
	for st := StageIntroduction; st <= StageSupervisedWork; st++ {
		assert.Equal(t, st, stateOf(st).Stage())
		assert.Equal(t, st.String(), stateOf(st).String(), "an in-stage state is named as its stage")
		assert.Equal(t, int(st), st.Number())
	}
	for _, s := range []State{StatePending, StateCompleted, StateNotPassed, StateDismissed} {
		assert.Zero(t, s.Stage())
	}
	assert.Zero(t, Stage(9).Number())
}
