package contract

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Renew starts a renewal: it returns c with EventRenew recorded on day
// and the successor, a draft for the term start..end with ID newID,
// linked to c (LinkRenewal). The successor keeps c's parties, type,
// value and terms, and starts with an empty document package, no
// obligations and no history: it is concluded like any new contract.
// c runs on to its own end. The lifecycle allows a renewal of an
// active, expired or completed contract.
func (c Contract) Renew(day clientele.Date, newID string, start, end clientele.Date) (renewed, successor Contract, err error) {
	successor = c.successor(newID, Link{Kind: LinkRenewal, ContractID: c.ID})
	successor.Start, successor.End, successor.Revision = start, end, 0
	successor.Documents, successor.Obligations = nil, nil
	if err := successor.Validate(); err != nil {
		return Contract{}, Contract{}, err
	}
	renewed, err = c.apply(Event{Kind: EventRenew, On: day, SuccessorID: newID})
	if err != nil {
		return Contract{}, Contract{}, err
	}
	return renewed, successor, nil
}

// Reregister returns the draft re-registration of c: the same
// relationship under newNumber with ID newID, linked to c
// (LinkReregistration), for the host to change the party details on.
// It starts with an empty document package and carries over the
// obligations still open on day. c is not changed: once the successor
// is signed, record that it replaces c with SupersededBy.
func (c Contract) Reregister(day clientele.Date, newID, newNumber string) (Contract, error) {
	if err := c.canBeReplaced(day); err != nil {
		return Contract{}, err
	}
	s := c.successor(newID, Link{Kind: LinkReregistration, ContractID: c.ID})
	s.Number, s.Documents, s.Revision, s.Obligations = newNumber, nil, 0, nil
	for i, o := range c.Obligations {
		if st, _ := c.ObligationOn(i, day, 0); st.Status.IsOpen() {
			s.Obligations = append(s.Obligations, o)
		}
	}
	if err := s.Validate(); err != nil {
		return Contract{}, err
	}
	return s, nil
}

// Amendment returns the draft of a new revision of the signed contract
// c, with ID newID and Revision one above c's, linked to c
// (LinkAmendment): change its terms, agree and sign it, then record
// that it replaces c with SupersededBy. The signed revision stays as
// it was; a Store refuses to change a signed contract's terms in place
// (ValidateChange).
func (c Contract) Amendment(day clientele.Date, newID string) (Contract, error) {
	if err := c.canBeReplaced(day); err != nil {
		return Contract{}, err
	}
	s := c.successor(newID, Link{Kind: LinkAmendment, ContractID: c.ID})
	s.Revision = c.Revision + 1
	if err := s.Validate(); err != nil {
		return Contract{}, err
	}
	return s, nil
}

// SupersededBy records on day that successor, a signed re-registration
// or amendment of c, replaces c: c ends early (EventSupersede) and its
// obligations due after day lapse. It refuses a successor that does
// not continue c or is not signed by day.
func (c Contract) SupersededBy(successor Contract, day clientele.Date) (Contract, error) {
	var p validate.Problems
	switch l := successor.Predecessor; {
	case l.ContractID != c.ID:
		p.Addf("successor.predecessor.contract_id", l.ContractID, "must be %q: the successor continues another contract", c.ID)
	case l.Kind != LinkReregistration && l.Kind != LinkAmendment:
		p.Add("successor.predecessor.kind", l.Kind, "must be reregistration or amendment: a renewal runs after its predecessor, it does not replace it")
	}
	if st := successor.StatusOn(day).State; st != StateSigned && st != StateActive {
		p.Addf("successor", successor.ID, "is %s on %s: only a signed successor replaces a contract", st, day)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Contract{}, err
	}
	return c.apply(Event{Kind: EventSupersede, On: day, SuccessorID: successor.ID,
		Reason: fmt.Sprintf("replaced by its %s %q", successor.Predecessor.Kind, successor.ID)})
}

// canBeReplaced refuses an amendment or re-registration of a contract
// that is not signed or active on day.
func (c Contract) canBeReplaced(day clientele.Date) error {
	if !day.IsValid() {
		return &TransitionError{ContractID: c.ID, Event: EventSupersede, On: day, Reason: "the day is not a valid date"}
	}
	r := c.replayTo(day)
	return r.allows(EventSupersede, day)
}

func (c Contract) successor(newID string, link Link) Contract {
	s := c.Clone()
	s.ID, s.Predecessor, s.Events, s.Version = newID, link, nil, 0
	return s
}

// ValidateChange checks an update of a stored contract, as every Store
// does before writing: the updated record is valid, its history only
// grows (the stored events stay, in order, at its start), and once the
// stored contract is signed its terms (number, client, type, value,
// currency, dates, payment terms, automatic renewal, revision,
// predecessor) stay as signed: change them with an Amendment.
// Documents, obligations, the manager and new events may change.
func ValidateChange(stored, updated Contract) error {
	var p validate.Problems
	p.Limit("problems", validate.MaxListed)
	updated.check(&p)
	if !historyKept(stored.Events, updated.Events) {
		p.Add("events", nil, "the recorded history must stay as stored; append new events only")
	}
	if !stored.isSigned() {
		return p.Err(ErrInvalid)
	}
	frozen := func(field string, was, now any) {
		if was != now {
			p.Addf(field, now, "the signed contract's terms stay as signed (was %s): record an Amendment", clientele.FormatValue(was))
		}
	}
	frozen("number", stored.Number, updated.Number)
	frozen("client_id", stored.ClientID, updated.ClientID)
	frozen("type", stored.Type, updated.Type)
	frozen("value", stored.Value.String(), updated.Value.String())
	frozen("currency", stored.Currency, updated.Currency)
	frozen("start", stored.Start, updated.Start)
	frozen("end", stored.End, updated.End)
	frozen("payment_terms", describeTerms(stored.PaymentTerms), describeTerms(updated.PaymentTerms))
	frozen("auto_renewal", describeRenewal(stored.AutoRenewal), describeRenewal(updated.AutoRenewal))
	frozen("revision", stored.Revision, updated.Revision)
	frozen("predecessor", stored.Predecessor, updated.Predecessor)
	return p.Err(ErrInvalid)
}

func (c Contract) isSigned() bool {
	for _, e := range c.Events {
		if e.Kind == EventSign {
			return true
		}
	}
	return false
}

// historyKept reports whether now starts with every event of was,
// unchanged; signature moments compare as instants, as a database may
// return them in another location.
func historyKept(was, now []Event) bool {
	if len(now) < len(was) {
		return false
	}
	for i, a := range was {
		b := now[i]
		sa, sb := a.Signature, b.Signature
		a.Signature, b.Signature = nil, nil
		if a != b || (sa == nil) != (sb == nil) || (sa != nil && (sa.By != sb.By || !sa.At.Equal(sb.At))) {
			return false
		}
	}
	return true
}

func describeTerms(t PaymentTerms) string {
	if t.Early == nil {
		return fmt.Sprintf("net %d", t.NetDays)
	}
	return fmt.Sprintf("%s/%d net %d, day count %d", t.Early.DiscountRate, t.Early.DiscountDays, t.NetDays, t.Early.DayCount)
}

func describeRenewal(a *AutoRenewal) string {
	if a == nil {
		return "none"
	}
	return fmt.Sprintf("every %d months, notice %d days", a.TermMonths, a.NoticeDays)
}
