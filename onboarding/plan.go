package onboarding

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
)

// Plan is how a company onboards a new account manager: the four stages
// in order, each with its target duration, its checklist and its exit
// gate, and the policies of the knowledge test, the mentor and the
// supervised work. It is a config: load it with clientele.LoadConfig,
// start from DefaultPlan (the article's), change any of it.
//
// The zero Plan has no stages: Validate refuses it, naming them as
// required, and so does every function that takes a plan.
type Plan struct {
	// Stages are the four stages, in the article's order.
	Stages []StagePlan `json:"stages"`
	// Test is the product knowledge test of stage 3.
	Test TestPolicy `json:"knowledge_test"`
	// Mentoring is who may mentor and when the mentor earns a bonus.
	Mentoring MentorPolicy `json:"mentoring"`
	// Supervision is how supervised work (stage 4) is reviewed, when the
	// trainee is ready to work alone, and when they should be.
	Supervision SupervisionPolicy `json:"supervision"`
}

// StagePlan is one stage of a plan.
//
// The zero StagePlan has no stage and no target: Plan.Validate names both.
type StagePlan struct {
	Stage Stage `json:"stage"`
	// TargetDays is the stage's target duration in working days (Monday
	// to Friday), 1..MaxTargetDays.
	TargetDays int `json:"target_days"`
	// Tasks is the stage's checklist.
	Tasks []Task `json:"tasks"`
	// Gate is what, beyond the required tasks, lets the trainee leave the
	// stage.
	Gate Gate `json:"gate"`
}

// Task is one item of a stage's checklist.
//
// The zero Task has no ID, title or owner: Plan.Validate names them.
type Task struct {
	// ID names the task in events (complete_task); unique in the plan.
	ID string `json:"id"`
	// Title says what the task is, for people.
	Title string `json:"title"`
	// Owner is who is responsible for it.
	Owner Owner `json:"owner"`
	// Required tasks must be done to pass the stage's gate.
	Required bool `json:"required"`
	// DueDay is the working day of the stage by which the task is due,
	// 1..the stage's target; 0 means the stage's last target day.
	DueDay int `json:"due_day,omitempty"`
}

// Gate is what a stage requires, beyond its required tasks, before the
// trainee passes to the next one.
//
// The zero Gate asks for the required tasks only.
type Gate struct {
	// Mentor: a mentor is assigned.
	Mentor bool `json:"mentor,omitempty"`
	// KnowledgeTest: the product knowledge test is passed. Only the sales
	// training stage holds the test.
	KnowledgeTest bool `json:"knowledge_test,omitempty"`
	// Readiness: supervised work shows readiness to work alone (see
	// SupervisionPolicy). Only the supervised work stage has it.
	Readiness bool `json:"readiness,omitempty"`
}

// Bounds of a plan: generous for any real onboarding, small enough to
// keep a hostile config cheap.
const (
	// MaxTargetDays bounds a stage's target: a working year.
	MaxTargetDays = 260
	// MaxTasks bounds a stage's checklist.
	MaxTasks = 200
)

// Validate reports every problem of the plan, naming each field.
func (pl Plan) Validate() error {
	var p validate.Problems
	pl.check(&p)
	return p.Err(ErrInvalid)
}

func (pl *Plan) check(p *validate.Problems) {
	if len(pl.Stages) != NumStages {
		p.Addf("stages", len(pl.Stages), "must list the %d stages (introduction, product, sales_training, supervised_work): got %d", NumStages, len(pl.Stages))
	}
	seen := make(map[string]taskAt)
	for i := range pl.Stages {
		pl.Stages[i].check(p, i, seen)
	}
	p.Merge("knowledge_test", pl.Test.Validate())
	p.Merge("mentoring", pl.Mentoring.Validate())
	p.Merge("supervision", pl.Supervision.Validate())
}

// taskAt is where a task ID first appears: stages[stage].tasks[task].
type taskAt struct{ stage, task int }

func (sp *StagePlan) check(p *validate.Problems, i int, seen map[string]taskAt) {
	at, want := "stages["+strconv.Itoa(i)+"]", Stage(i+1)
	if sp.Stage != want {
		p.Addf(at+".stage", sp.Stage, "must be %s: the stages come in the article's order", want)
	}
	if sp.TargetDays < 1 || sp.TargetDays > MaxTargetDays {
		p.Addf(at+".target_days", sp.TargetDays, "must be within 1..%d working days", MaxTargetDays)
	}
	if len(sp.Tasks) > MaxTasks {
		p.Addf(at+".tasks", len(sp.Tasks), "has more than %d tasks", MaxTasks)
		return
	}
	// Each names a task's fields only when it has a problem: a valid
	// plan, checked on every event, costs no field paths.
	p.Each(at+".tasks", len(sp.Tasks), func(q *validate.Problems, j int) {
		t := &sp.Tasks[j]
		if q.ID("id", t.ID) {
			if first, dup := seen[t.ID]; dup {
				q.Addf("id", t.ID, "repeats stages[%d].tasks[%d].id: each task ID appears once in the plan", first.stage, first.task)
			} else {
				seen[t.ID] = taskAt{i, j}
			}
		}
		q.Required("title", t.Title, validate.MaxTextLen)
		if !t.Owner.IsValid() {
			q.Add("owner", nil, "is required: hr, system_administrator, head_of_department, mentor or trainee")
		}
		if t.DueDay < 0 || (sp.TargetDays >= 1 && t.DueDay > sp.TargetDays) {
			q.Addf("due_day", t.DueDay, "must be within 0..%d, the stage's target days (0: the last)", max(sp.TargetDays, 0))
		}
	})
	if sp.Gate.KnowledgeTest && want != StageSalesTraining {
		p.Add(at+".gate.knowledge_test", true, "only the sales_training stage holds the knowledge test")
	}
	if sp.Gate.Readiness && want != StageSupervisedWork {
		p.Add(at+".gate.readiness", true, "only the supervised_work stage judges readiness")
	}
}

// stage returns the plan of stage s; the plan is valid.
func (pl *Plan) stage(s Stage) *StagePlan { return &pl.Stages[s-1] }

// task finds a task by ID and its stage.
func (pl *Plan) task(id string) (Task, Stage, bool) {
	for i := range pl.Stages {
		for _, t := range pl.Stages[i].Tasks {
			if t.ID == id {
				return t, pl.Stages[i].Stage, true
			}
		}
	}
	return Task{}, 0, false
}

// dueDay is the working day of the stage by which t is due.
func (t Task) dueDay(sp *StagePlan) int {
	if t.DueDay == 0 {
		return sp.TargetDays
	}
	return t.DueDay
}

// DefaultPlan returns the article's onboarding plan (DOMAIN.md,
// "Onboarding"). Its numbers and where they come from:
//
//   - Stage 1, introduction: 3 working days (the article: "a few days").
//     HR briefs the company and its policy and introduces the colleagues;
//     the system administrator opens the office suite, accounting system
//     and CRM accounts on day 1, as nothing can be done without them; the
//     head of department gives client information and the first tasks.
//   - Stage 2, product: 2 working days (the article's lesson: a telecom
//     company cut 10 days of training to 2 and sent newcomers prospecting
//     at once): products, the sales system, cold-call technique, and the
//     first prospect list, the start of the client base.
//   - Stage 3, sales training: 20 working days, the 4 weeks over which the
//     knowledge test's answers are checked ("3 to 4 weeks"). A mentor is
//     assigned first; the topics are the commercial offer, documents, CRM
//     entry, prospect research, inter-department procedures, client
//     segmentation, the price list and discount calculation; the gate is
//     the mentor and a passed test.
//   - Stage 4, supervised work: 105 working days, so that the four stages
//     add up to 3 + 2 + 20 + 105 = 130 working days, 26 weeks: the six
//     months after which the article says a new hire is useful. The gate
//     is readiness shown by the trainee's own performance.
//
// The policies' numbers are documented on DefaultTestPolicy,
// DefaultMentorPolicy and DefaultSupervisionPolicy.
func DefaultPlan() Plan {
	return Plan{
		Stages: []StagePlan{
			{Stage: StageIntroduction, TargetDays: 3, Tasks: []Task{
				{ID: "company_briefing", Title: "Briefing on the company and its current policy", Owner: OwnerHR, Required: true},
				{ID: "meet_colleagues", Title: "Meet the colleagues", Owner: OwnerHR, Required: true},
				{ID: "office_suite_account", Title: "Account for the office suite", Owner: OwnerSysAdmin, Required: true, DueDay: 1},
				{ID: "accounting_account", Title: "Account for the accounting system", Owner: OwnerSysAdmin, Required: true, DueDay: 1},
				{ID: "crm_account", Title: "Account for the CRM", Owner: OwnerSysAdmin, Required: true, DueDay: 1},
				{ID: "client_information", Title: "Information about the clients", Owner: OwnerHeadOfDepartment, Required: true},
				{ID: "first_tasks", Title: "The first, immediate tasks", Owner: OwnerHeadOfDepartment, Required: true},
			}},
			{Stage: StageProduct, TargetDays: 2, Tasks: []Task{
				{ID: "products", Title: "What the company sells: products and services", Owner: OwnerHeadOfDepartment, Required: true, DueDay: 1},
				{ID: "sales_system", Title: "The company's sales system", Owner: OwnerHeadOfDepartment, Required: true, DueDay: 1},
				{ID: "cold_call_technique", Title: "Cold-call technique", Owner: OwnerHeadOfDepartment, Required: true},
				{ID: "first_prospect_list", Title: "The first list of prospects: the start of the client base", Owner: OwnerTrainee, Required: true},
			}},
			{Stage: StageSalesTraining, TargetDays: 20, Gate: Gate{Mentor: true, KnowledgeTest: true}, Tasks: []Task{
				{ID: "commercial_offer", Title: "Drawing up a commercial offer", Owner: OwnerMentor, Required: true},
				{ID: "documents", Title: "Preparing the documents of a deal", Owner: OwnerMentor, Required: true},
				{ID: "crm_entry", Title: "Entering clients and deals in the CRM", Owner: OwnerMentor, Required: true},
				{ID: "prospect_research", Title: "Researching prospective clients", Owner: OwnerMentor, Required: true},
				{ID: "interdepartment_procedures", Title: "Procedures with the other departments", Owner: OwnerMentor, Required: true},
				{ID: "client_segmentation", Title: "Client segmentation", Owner: OwnerMentor, Required: true},
				{ID: "price_list_discounts", Title: "The price list and discount calculation", Owner: OwnerMentor, Required: true},
			}},
			{Stage: StageSupervisedWork, TargetDays: 105, Gate: Gate{Mentor: true, Readiness: true}},
		},
		Test:        DefaultTestPolicy(),
		Mentoring:   DefaultMentorPolicy(),
		Supervision: DefaultSupervisionPolicy(),
	}
}
