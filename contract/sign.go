package contract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/validate"
)

// SigningError explains why a contract may not be signed: every reason
// at once, so the manager sees the whole way to a signature. It matches
// ErrIncompletePackage when documents are missing, the
// *authority.LimitError (errors.As) and authority.ErrLimitExceeded when
// the value is beyond the signer's limit, and the *TransitionError when
// the contract is not agreed on the day. Policy.CheckSigning and
// Policy.Sign return one only with at least one reason set.
type SigningError struct {
	ContractID string
	Signer     authority.Actor
	// Transition is set when the contract is not in a state to be
	// signed on the day (it must be agreed).
	Transition *TransitionError
	// Missing lists every required document not verified, in the order
	// the type requires them.
	Missing []MissingDocument
	// Limit is set when the value is beyond the signer's authority; it
	// names the limit, the amount and who can approve.
	Limit *authority.LimitError
}

// Reasons returns each reason for the refusal in words.
func (e *SigningError) Reasons() []string {
	var out []string
	if e.Transition != nil {
		out = append(out, fmt.Sprintf("the contract is %s on %s, and only an agreed contract is signed", e.Transition.From, e.Transition.On))
	}
	if len(e.Missing) > 0 {
		docs := make([]string, len(e.Missing))
		for i, m := range e.Missing {
			docs[i] = m.String()
		}
		out = append(out, "the document package is incomplete: "+strings.Join(docs, ", "))
	}
	if e.Limit != nil {
		out = append(out, e.Limit.Error())
	}
	return out
}

func (e *SigningError) Error() string {
	return fmt.Sprintf("contract %q: %q may not sign: %s", e.ContractID, e.Signer.ID, strings.Join(e.Reasons(), "; "))
}

// Unwrap exposes each reason to errors.Is and errors.As.
func (e *SigningError) Unwrap() []error {
	var errs []error
	if e.Transition != nil {
		errs = append(errs, e.Transition)
	}
	if len(e.Missing) > 0 {
		errs = append(errs, ErrIncompletePackage)
	}
	if e.Limit != nil {
		errs = append(errs, e.Limit)
	}
	return errs
}

// CheckSigning says whether by may sign c on day, without signing: nil
// when they may, else a *SigningError giving every reason (not agreed
// on the day, documents missing, value beyond the signer's limit for
// the contract's type), or ErrInvalid for a record that fails
// Policy.Check or a malformed signer.
func (p *Policy) CheckSigning(c Contract, by authority.Actor, day clientele.Date) error {
	if err := p.Check(c); err != nil {
		return err
	}
	if err := by.Validate(); err != nil {
		return err
	}
	var q validate.Problems
	if !q.Date("day", day, true) {
		return q.Err(ErrInvalid)
	}
	t, _ := p.lookup(c.Type)
	se := &SigningError{ContractID: c.ID, Signer: by, Missing: MissingDocuments(c.Documents, t.RequiredDocuments)}
	if err := c.replayTo(day).allows(EventSign, day); err != nil {
		se.Transition = err.(*TransitionError)
	}
	if err := t.Signing.Check(by, c.Value); err != nil {
		errors.As(err, &se.Limit)
	}
	if se.Transition == nil && len(se.Missing) == 0 && se.Limit == nil {
		return nil
	}
	return se
}

// Sign records sig on c after CheckSigning allows the signer on the
// signature's day, and returns the signed contract; c itself is not
// changed. The signature (signer, moment) stays in the history as the
// EventSign's Signature.
func (p *Policy) Sign(c Contract, sig authority.Signature) (Contract, error) {
	if err := sig.Validate(); err != nil {
		return Contract{}, err
	}
	day := clientele.DateOf(sig.At)
	if err := p.CheckSigning(c, sig.By, day); err != nil {
		return Contract{}, err
	}
	return c.apply(Event{Kind: EventSign, On: day, Signature: &sig})
}
