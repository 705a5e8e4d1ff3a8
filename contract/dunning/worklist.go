package dunning

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/validate"
)

// Task is one line of a manager's collection worklist: a debtor and the
// dunning decision about it.
type Task struct {
	Debtor   receivables.Debtor `json:"debtor"`
	Decision Decision           `json:"decision"`
}

// Worklist is the debtor list of the books on day (largest overdue
// amount first, then the oldest debt) with the next dunning step of
// each; done holds the steps taken, by client ID. It is what the
// article's "contact debtors to get debts repaid" starts from each
// morning.
func Worklist(day clientele.Date, books []*receivables.Book, managers receivables.Managers, done map[string][]Step, cfg Config) ([]Task, error) {
	var p validate.Problems
	p.Merge("config", cfg.Validate())
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	debtors, err := receivables.Debtors(day, books, managers)
	if err != nil {
		return nil, err
	}
	byClient := map[string][]*receivables.Book{}
	for _, b := range books {
		byClient[b.ClientID()] = append(byClient[b.ClientID()], b)
	}
	tasks := make([]Task, 0, len(debtors))
	for _, d := range debtors {
		var invs []receivables.InvoiceStatus
		for _, b := range byClient[d.ClientID] {
			more, err := b.Invoices(day)
			if err != nil {
				return nil, err
			}
			invs = append(invs, more...)
		}
		dec, err := Next(Debt{ClientID: d.ClientID, Invoices: invs, Done: done[d.ClientID]}, day, cfg)
		if err != nil {
			return nil, err
		}
		tasks = append(tasks, Task{Debtor: d, Decision: dec})
	}
	return tasks, nil
}
