package contract

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// MaxDueSoonDays bounds the due-soon window: a year.
const MaxDueSoonDays = 366

// Config is the contract policy a host configures: the contract types
// it concludes and the due-soon window of its obligations. Load it
// with clientele.LoadConfig[contract.Config], check it with Validate,
// and Compile it once into a Policy. The zero Config is invalid: it
// has no type.
type Config struct {
	// DueSoonDays is how many days before its due date an open
	// obligation counts as due soon (due today included).
	DueSoonDays int `json:"due_soon_days"`
	// Types are the contract types, each named once.
	Types []TypeConfig `json:"types"`
}

// TypeConfig is one contract type: what its document package must hold
// and who may sign it up to which value.
type TypeConfig struct {
	// Name is what Contract.Type refers to ("supply").
	Name string `json:"name"`
	// Currency is the ISO 4217 code the Signing limits are written in;
	// a contract of the type must be in it (configure one type per
	// currency when a host signs in several).
	Currency string `json:"currency"`
	// RequiredDocuments must all be verified before signing.
	RequiredDocuments []DocumentKind `json:"required_documents"`
	// Signing is the chain of signing limits on the contract's value:
	// per role, or per person, and who approves beyond.
	Signing authority.Limits `json:"signing"`
}

// DefaultConfig returns the article's two kinds of deal, supply of
// goods and services, with a seven-day due-soon window (a working
// week's warning). The article fixes no signing amounts; the chain
// here (manager 1,000,000 → lead manager 5,000,000 → head of department
// 20,000,000 RUB) is an example for a host to replace with its own.
//
// A supply contract needs the contract, the specification, the price
// agreement and the client signatory's power of attorney; a services
// contract the contract, the application (specification) and the price
// agreement: the package the article lists ("contract, application,
// invoices"), with invoices issued later under the contract.
func DefaultConfig() Config {
	limits := func() authority.Limits {
		return authority.Limits{
			{Holder: authority.RoleManager, Max: decimal.NewFromInt(1_000_000), ApprovedBy: authority.RoleLeadManager},
			{Holder: authority.RoleLeadManager, Max: decimal.NewFromInt(5_000_000), ApprovedBy: authority.RoleHeadOfDepartment},
			{Holder: authority.RoleHeadOfDepartment, Max: decimal.NewFromInt(20_000_000)},
		}
	}
	return Config{
		DueSoonDays: 7,
		Types: []TypeConfig{
			{Name: "supply", Currency: "RUB", RequiredDocuments: []DocumentKind{DocContract, DocSpecification, DocPriceAgreement, DocPowerOfAttorney}, Signing: limits()},
			{Name: "services", Currency: "RUB", RequiredDocuments: []DocumentKind{DocContract, DocSpecification, DocPriceAgreement}, Signing: limits()},
		},
	}
}

// Validate reports every problem of the config, each naming the field:
// a window out of range, no type, a type named twice or without a
// valid currency, an unknown or repeated document kind, an empty or
// malformed signing chain.
func (c Config) Validate() error {
	var p validate.Problems
	if c.DueSoonDays < 0 || c.DueSoonDays > MaxDueSoonDays {
		p.Addf("due_soon_days", c.DueSoonDays, "must be within 0..%d", MaxDueSoonDays)
	}
	if len(c.Types) == 0 {
		p.Add("types", nil, "is required: at least one contract type")
	}
	p.Each("types", len(c.Types), func(q *validate.Problems, i int) { c.Types[i].check(q) })
	p.Repeats("types", "name", len(c.Types), func(i int) string { return c.Types[i].Name })
	return p.Err(ErrInvalid)
}

func (t TypeConfig) check(p *validate.Problems) {
	p.ID("name", t.Name)
	checkCurrency(p, "currency", t.Currency)
	for i, k := range t.RequiredDocuments {
		f := "required_documents[" + strconv.Itoa(i) + "]"
		switch {
		case !checkEnum(p, f, k, "document kind"):
		case slices.Index(t.RequiredDocuments, k) < i:
			p.Add(f, k, "is repeated")
		}
	}
	if len(t.Signing) == 0 {
		p.Add("signing", nil, "is required: without a limit nobody may sign this type")
	}
	p.Merge("signing", t.Signing.Validate())
}

// Policy is a compiled, immutable Config: safe for concurrent use,
// shared by every call. The zero Policy (or a nil *Policy) knows no
// type: every call that needs one returns an error saying to Compile.
type Policy struct {
	types   map[string]TypeConfig
	dueSoon int
}

// Compile validates cfg and returns its Policy; the Policy keeps its
// own copy, so changing cfg afterwards changes nothing.
func Compile(cfg Config) (*Policy, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	p := &Policy{types: make(map[string]TypeConfig, len(cfg.Types)), dueSoon: cfg.DueSoonDays}
	for _, t := range cfg.Types {
		t.RequiredDocuments = slices.Clone(t.RequiredDocuments)
		t.Signing = slices.Clone(t.Signing)
		p.types[t.Name] = t
	}
	return p, nil
}

// DueSoonDays returns the due-soon window; 0 for the zero Policy.
func (p *Policy) DueSoonDays() int {
	if p == nil {
		return 0
	}
	return p.dueSoon
}

// Type returns a copy of the named type's configuration.
func (p *Policy) Type(name string) (TypeConfig, bool) {
	if p == nil {
		return TypeConfig{}, false
	}
	t, ok := p.types[name]
	if ok {
		t.RequiredDocuments = slices.Clone(t.RequiredDocuments)
		t.Signing = slices.Clone(t.Signing)
	}
	return t, ok
}

// Check validates c against the policy: the record (Validate), then its
// type (one the policy configures) and its currency (the type's).
func (p *Policy) Check(c Contract) error {
	var q validate.Problems
	q.Limit("problems", validate.MaxListed)
	c.check(&q)
	p.checkType(&q, c)
	return q.Err(ErrInvalid)
}

func (p *Policy) checkType(q *validate.Problems, c Contract) {
	switch t, ok := p.lookup(c.Type); {
	case p == nil || p.types == nil:
		q.Add("type", c.Type, "the zero Policy knows no type: build one with Compile")
		q.Also(ErrUnknownType)
	case !ok:
		q.Add("type", c.Type, "is not a configured contract type")
		q.Also(ErrUnknownType)
	case c.Currency != t.Currency:
		q.Addf("currency", c.Currency, "contract type %q signs in %s", t.Name, t.Currency)
	}
}

func (p *Policy) lookup(name string) (TypeConfig, bool) {
	if p == nil {
		return TypeConfig{}, false
	}
	t, ok := p.types[name]
	return t, ok
}
