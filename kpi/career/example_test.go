package career_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi/career"
)

func ExampleClassify() {
	a, err := career.Classify(career.DefaultConfig(), career.Manager{
		ID:      "m-7",
		Started: clientele.MustParseDate("2023-09-01"),
		Skills: []string{career.SkillComputer, career.SkillAccountingSoftware, career.SkillConsulting,
			career.SkillPhoneEtiquette, career.SkillConflictResolution, career.SkillNegotiation},
	}, clientele.MustParseDate("2026-03-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range a.Findings {
		fmt.Println(f)
	}
	// Output:
	// Manager m-7 is at level 2, experienced account manager, with 2 years of experience.
	// Level 3 (senior account manager) needs the skills finding_new_clients, own_client_base.
}
