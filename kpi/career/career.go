package career

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks a bad config or manager record; the error names every
// field and value. It matches clientele.ErrInvalid.
var ErrInvalid = validate.Kind("career: invalid input", clientele.ErrInvalid)

// The skills the article names, for hosts that keep its levels; a host's
// own config may use any skill names.
const (
	SkillComputer           = "computer_skills"
	SkillAccountingSoftware = "accounting_software"
	SkillConsulting         = "consulting"
	SkillPhoneEtiquette     = "phone_etiquette"
	SkillConflictResolution = "conflict_resolution"
	SkillNewClients         = "finding_new_clients"
	SkillNegotiation        = "negotiation"
	SkillOwnClientBase      = "own_client_base"
	SkillHigherEducation    = "higher_education"
	SkillEnglish            = "english"
	SkillSeniorClients      = "senior_clients"
)

// Level is one step of the career: the years of experience it takes and
// the skills it adds to the levels below. Levels are cumulative: level 3
// asks for the skills of levels 1, 2 and 3.
type Level struct {
	Title    string   `json:"title"`
	MinYears int      `json:"min_years"`
	Skills   []string `json:"skills"`
}

// Config is the career ladder, lowest level first: level n is
// Levels[n-1]. The zero Config is refused by Validate.
type Config struct {
	Levels []Level `json:"levels"`
}

// DefaultConfig returns the article's four levels: no experience with
// computer skills; 1+ year with accounting software, competent
// consulting, phone etiquette and conflict resolution; 2+ years finding
// and opening new clients, negotiating and bringing an own client base;
// the lead account manager at 3+ years with higher education, good
// English and clients in senior positions.
func DefaultConfig() Config {
	return Config{Levels: []Level{
		{Title: "account manager", MinYears: 0, Skills: []string{SkillComputer}},
		{Title: "experienced account manager", MinYears: 1,
			Skills: []string{SkillAccountingSoftware, SkillConsulting, SkillPhoneEtiquette, SkillConflictResolution}},
		{Title: "senior account manager", MinYears: 2, Skills: []string{SkillNewClients, SkillNegotiation, SkillOwnClientBase}},
		{Title: "lead account manager", MinYears: 3, Skills: []string{SkillHigherEducation, SkillEnglish, SkillSeniorClients}},
	}}
}

const (
	maxLevels = 20
	maxYears  = 60
	maxSkills = 100
)

// Validate reports every problem: no levels or too many, a missing
// title, years outside 0..60 or below the level beneath, blank or
// repeated skills.
func (c Config) Validate() error {
	var p validate.Problems
	switch {
	case len(c.Levels) == 0:
		p.Add("levels", nil, "is required: list the levels, lowest first")
	case len(c.Levels) > maxLevels:
		p.Addf("levels", len(c.Levels), "lists too many levels; the limit is %d", maxLevels)
	}
	for i, l := range c.Levels[:min(len(c.Levels), maxLevels)] {
		f := fmt.Sprintf("levels[%d]", i)
		p.Required(f+".title", l.Title, validate.MaxTextLen)
		switch {
		case l.MinYears < 0 || l.MinYears > maxYears:
			p.Addf(f+".min_years", l.MinYears, "must be within 0..%d", maxYears)
		case i > 0 && l.MinYears < c.Levels[i-1].MinYears:
			p.Addf(f+".min_years", l.MinYears, "is below the level beneath (%d): a higher level never asks for less experience", c.Levels[i-1].MinYears)
		}
		if len(l.Skills) > maxSkills {
			p.Addf(f+".skills", len(l.Skills), "lists too many skills; the limit is %d", maxSkills)
			continue
		}
		p.Labels(f+".skills", l.Skills)
	}
	return p.Err(ErrInvalid)
}

// Manager is what the classification reads: the manager's ID, the day
// their sales experience began, and the skills they hold (names from
// the config). The zero Manager is refused: ID and start are required.
type Manager struct {
	ID      string         `json:"id"`
	Started clientele.Date `json:"started"`
	Skills  []string       `json:"skills"`
}

// Next is what a manager lacks for the level above theirs.
type Next struct {
	Level int    `json:"level"`
	Title string `json:"title"`
	// MinYears is the experience the level asks for.
	MinYears int `json:"min_years"`
	// YearsOn is the day the experience suffices (on or before asOf when
	// it already does).
	YearsOn clientele.Date `json:"years_on"`
	// Missing lists the skills still to acquire, of that level and any
	// below it, in the config's order.
	Missing []string `json:"missing"`
}

// Assessment places a manager on the ladder and says, in words, why and
// what the next level takes. Level 0 means the requirements of level 1
// are not met yet.
type Assessment struct {
	Manager  string   `json:"manager"`
	Level    int      `json:"level"`
	Title    string   `json:"title"`
	Years    int      `json:"years"`
	HasNext  bool     `json:"has_next"`
	Next     Next     `json:"next"`
	Findings []string `json:"findings"`
}

// Classify places m on cfg's ladder as of asOf: the highest level whose
// years and whose skills, with every level's below it, m meets.
// Experience counts whole years from Started (a year from 29 February
// ends on 28 February, as AddMonths counts).
func Classify(cfg Config, m Manager, asOf clientele.Date) (Assessment, error) {
	var p validate.Problems
	p.Merge("config", cfg.Validate())
	p.ID("id", m.ID)
	okStart := p.Date("started", m.Started, true)
	okAsOf := p.Date("as_of", asOf, true)
	if okStart && okAsOf && m.Started.After(asOf) {
		p.Addf("started", m.Started, "is after the day of the assessment (%s)", asOf)
	}
	if len(m.Skills) > maxSkills*maxLevels {
		p.Addf("skills", len(m.Skills), "lists too many skills; the limit is %d", maxSkills*maxLevels)
	} else {
		p.Labels("skills", m.Skills)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Assessment{}, err
	}
	years := 0
	for years < maxYears && !m.Started.AddMonths(12*(years+1)).After(asOf) {
		years++
	}
	a := Assessment{Manager: m.ID, Years: years}
	var missing []string
	for i, l := range cfg.Levels {
		for _, s := range l.Skills {
			if !slices.Contains(m.Skills, s) {
				missing = append(missing, s)
			}
		}
		if len(missing) > 0 || years < l.MinYears {
			a.HasNext = true
			a.Next = Next{Level: i + 1, Title: l.Title, MinYears: l.MinYears, YearsOn: m.Started.AddMonths(12 * l.MinYears), Missing: missing}
			break
		}
		a.Level, a.Title = i+1, l.Title
	}
	a.describe()
	return a, nil
}

func (a *Assessment) describe() {
	if a.Level == 0 {
		a.Findings = append(a.Findings, fmt.Sprintf("Manager %s does not yet meet level 1 (%d years of experience).", a.Manager, a.Years))
	} else {
		a.Findings = append(a.Findings, fmt.Sprintf("Manager %s is at level %d, %s, with %d years of experience.", a.Manager, a.Level, a.Title, a.Years))
	}
	if !a.HasNext {
		a.Findings = append(a.Findings, "This is the top level.")
		return
	}
	n := a.Next
	var needs []string
	if a.Years < n.MinYears {
		needs = append(needs, "the experience, from "+n.YearsOn.String())
	}
	if len(n.Missing) > 0 {
		needs = append(needs, "the skills "+strings.Join(n.Missing, ", "))
	}
	a.Findings = append(a.Findings, fmt.Sprintf("Level %d (%s) needs %s.", n.Level, n.Title, strings.Join(needs, " and ")))
}
