package kpi

// plannedPeriod is the period of a valid plan and the plan's index.
type plannedPeriod struct {
	period Period
	at     int
}

// maxScannedPlans is how many plans' periods firstPlan compares one by
// one: a year's 13 monthly and yearly plans, or a few years', cost less
// to scan than a map costs to hash into and clear for every manager.
// Plans past it go to the map, so a long list still costs linear time.
const maxScannedPlans = 32

// firstPlan returns the index of the first valid plan of period and
// true, or records plan at as that first plan and returns false. The
// first maxScannedPlans periods are in e.planned, any others in
// e.plans; findPlan empties the one, reset the other.
func (e *evaluator) firstPlan(period Period, at int) (int, bool) {
	for i := range e.planned {
		if e.planned[i].period == period {
			return e.planned[i].at, true
		}
	}
	if len(e.planned) < maxScannedPlans {
		e.planned = append(e.planned, plannedPeriod{period: period, at: at})
		return 0, false
	}
	if first, ok := e.plans[period]; ok {
		return first, true
	}
	e.plans[period] = at
	return 0, false
}
