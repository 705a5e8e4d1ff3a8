package abcxyz

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/join"
	"github.com/clientele-go/clientele/internal/validate"
)

// Cell is a cell of the ABC-XYZ matrix: the value class and the
// steadiness class together, AX (valuable and steady) to CZ (little value,
// erratic).
type Cell uint8

const (
	AX Cell = iota + 1
	AY
	AZ
	BX
	BY
	BZ
	CX
	CY
	CZ
)

var cellNames = enum.Names{"", "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"}

// Cells lists the nine cells, AX first, row by row.
func Cells() []Cell {
	return []Cell{AX, AY, AZ, BX, BY, BZ, CX, CY, CZ}
}

// CellOf returns the cell of an ABC and an XYZ class, or 0 when either is
// not a valid class.
func CellOf(a abc.Class, x xyz.Class) Cell {
	if !a.IsValid() || !x.IsValid() {
		return 0
	}
	return Cell((uint8(a)-1)*3 + uint8(x))
}

// ParseCell returns the cell named s ("AX" ... "CZ").
func ParseCell(s string) (Cell, error) {
	return enum.Parse[Cell](cellNames, "ABC-XYZ cell", s)
}

func (c Cell) String() string { return enum.String(cellNames, "Cell", c) }

// IsValid reports whether c is one of the nine cells.
func (c Cell) IsValid() bool { return enum.Valid(cellNames, c) }

// ABC returns the cell's value class.
func (c Cell) ABC() abc.Class {
	if !c.IsValid() {
		return 0
	}
	return abc.Class((c-1)/3 + 1)
}

// XYZ returns the cell's steadiness class.
func (c Cell) XYZ() xyz.Class {
	if !c.IsValid() {
		return 0
	}
	return xyz.Class((c-1)%3 + 1)
}

// MarshalText implements encoding.TextMarshaler (also for JSON map keys).
func (c Cell) MarshalText() ([]byte, error) {
	return enum.Marshal(cellNames, "Cell", c)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *Cell) UnmarshalText(b []byte) error {
	return enum.Unmarshal(cellNames, "ABC-XYZ cell", c, b)
}

// Config holds the recommended treatment of each cell: the text a
// CRM shows the account manager next to the client.
type Config struct {
	// Treatments must name all nine cells, each with a non-empty text of
	// at most 1000 bytes. JSON: {"treatments": {"AX": "...", ...}}.
	Treatments map[Cell]string `json:"treatments"`
}

// abcxyzMaxTreatmentLen bounds a treatment text.
const maxTreatmentLen = 1000

// DefaultConfig returns treatments from usual ABC-XYZ practice,
// where the value class sets how much attention a client deserves and the
// steadiness class how its demand is planned (the 3×3 grid as taught in
// supply-chain courses, e.g. the IEOR notes "ABC × XYZ": AX lean and
// closely managed, AZ close monitoring, CZ candidate for elimination),
// turned from stock-keeping into client care.
func DefaultConfig() Config {
	return Config{Treatments: map[Cell]string{
		AX: "Key-account care: a dedicated (lead) account manager, regular planned contacts, individual terms and a long-term cooperation plan; protect the relationship first.",
		AY: "Key-account care with planning: a dedicated manager, agree order schedules with the client, anticipate seasonal peaks and offer framework contracts.",
		AZ: "High value, erratic orders: personal manager, find out why orders are irregular, propose a supply contract or scheduled deliveries to steady them; check solvency before large deferred-payment orders.",
		BX: "Standard account management with growth in view: regular contacts, cross-selling and volume discounts to move the client into A.",
		BY: "Standard account management: periodic review of orders, targeted offers and promotions to even out demand.",
		BZ: "Review the relationship: understand the irregular orders, standard terms, offers tied to volume commitments; keep deferred payment limited.",
		CX: "Efficient service: standard offers, automated reminders and reorders; try to raise the average order.",
		CY: "Low-touch service: standard terms, group mailings and periodic promotions.",
		CZ: "Minimal service: remote and automated channels only, standard terms, prepayment; decide whether serving the client pays.",
	}}
}

// Validate reports every problem with the config at once.
func (c Config) Validate() error {
	var p validate.Problems
	var unknown []Cell
	for cell := range c.Treatments {
		if !cell.IsValid() {
			unknown = append(unknown, cell)
		}
	}
	slices.Sort(unknown) // map order is random; the error is not
	for _, cell := range unknown {
		p.Add("treatments", cell, "unknown cell (want AX ... CZ)")
	}
	for _, cell := range Cells() {
		field := "treatments." + cell.String()
		text, ok := c.Treatments[cell]
		switch {
		case !ok:
			p.Add(field, nil, "is missing: every one of the nine cells needs a treatment")
		case strings.TrimSpace(text) == "":
			p.Add(field, nil, "must not be empty")
		case len(text) > maxTreatmentLen || !utf8.ValidString(text):
			p.Addf(field, nil, "must be valid UTF-8 of at most %d bytes", maxTreatmentLen)
		}
	}
	return p.Err(ErrInvalid)
}

// Row is one client placed in the matrix.
type Row struct {
	ClientID string `json:"client_id"`
	// ABCRank is the client's rank in the ABC result.
	ABCRank   int    `json:"abc_rank"`
	Cell      Cell   `json:"cell"`
	Treatment string `json:"treatment"`
}

// Unplaced is a client in both inputs that has no XYZ class.
type Unplaced struct {
	ClientID string    `json:"client_id"`
	ABC      abc.Class `json:"abc"`
	// XYZStatus says why there is no XYZ class (insufficient history, no
	// demand).
	XYZStatus xyz.Status `json:"xyz_status"`
}

// Result is the matrix.
type Result struct {
	// Rows are the placed clients in the order of the ABC rows.
	Rows []Row `json:"rows"`
	// Counts holds how many clients each cell has (all nine present).
	Counts map[Cell]int `json:"counts"`
	// Unplaced are in both inputs but have no XYZ class.
	Unplaced []Unplaced `json:"unplaced"`
	// OnlyABC are in the ABC result only and OnlyXYZ in the XYZ result
	// only, in their input order: usually a period or ID mismatch between
	// the two inputs, reported rather than dropped.
	OnlyABC []string `json:"only_abc"`
	OnlyXYZ []string `json:"only_xyz"`
}

// Combine combines an ABC and an XYZ result into the nine-cell matrix and
// attaches the configured treatment to each client. Clients missing from
// one of the two results, and clients without an XYZ class, are listed
// separately, never dropped in silence.
//
// The two results are joined on client ID without a map: the IDs of both
// are radix-sorted together (internal/repeats), so equal IDs meet in one
// pass that also finds the repeats within each result.
//
// Errors (ErrInvalid, the config's with the results'): an invalid
// cfg; an empty ABC result; a missing or repeated client ID, an invalid
// class or an XYZ class without the classified status, in either result
// (possible only in results not made by ABC and XYZ).
func Combine(abcRes abc.Result, xyzRes xyz.Result, cfg Config) (Result, error) {
	var p validate.Problems
	p.Limit("rows", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	if len(abcRes.Rows) == 0 {
		p.Add("abc.rows", nil, "is empty")
	}
	match, inABC := join.IDs(&p,
		join.List{List: "abc.rows", IDField: "client_id", N: len(abcRes.Rows), ID: func(i int) string { return abcRes.Rows[i].ClientID }},
		join.List{List: "xyz.rows", IDField: "client_id", N: len(xyzRes.Rows), ID: func(i int) string { return xyzRes.Rows[i].ClientID }})
	for i, r := range abcRes.Rows {
		if r.ClientID == "" {
			p.Add(fmt.Sprintf("abc.rows[%d].client_id", i), nil, "is required")
		}
		if !r.Class.IsValid() {
			p.Add(fmt.Sprintf("abc.rows[%d].class", i), r.Class, "not a valid ABC class")
		}
	}
	for i, r := range xyzRes.Rows {
		if r.ClientID == "" {
			p.Add(fmt.Sprintf("xyz.rows[%d].client_id", i), nil, "is required")
		}
		if !r.Status.IsValid() || r.Class.IsValid() != (r.Status == xyz.Classified) {
			p.Add(fmt.Sprintf("xyz.rows[%d]", i), r.ClientID, fmt.Sprintf("has status %s and class %s: not a valid XYZ result", r.Status, r.Class))
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Result{}, err
	}

	var treatments [CZ + 1]string
	var counts [CZ + 1]int
	for _, cell := range Cells() {
		treatments[cell] = cfg.Treatments[cell]
	}
	res := Result{Rows: make([]Row, 0, len(abcRes.Rows))}
	for i, r := range abcRes.Rows {
		xi := match[i]
		if xi < 0 {
			res.OnlyABC = append(res.OnlyABC, r.ClientID)
			continue
		}
		x := &xyzRes.Rows[xi]
		if x.Status != xyz.Classified {
			res.Unplaced = append(res.Unplaced, Unplaced{ClientID: r.ClientID, ABC: r.Class, XYZStatus: x.Status})
			continue
		}
		cell := CellOf(r.Class, x.Class)
		counts[cell]++
		res.Rows = append(res.Rows, Row{ClientID: r.ClientID, ABCRank: r.Rank, Cell: cell, Treatment: treatments[cell]})
	}
	for x, r := range xyzRes.Rows {
		if !inABC[x] {
			res.OnlyXYZ = append(res.OnlyXYZ, r.ClientID)
		}
	}
	res.Counts = make(map[Cell]int, 9)
	for _, cell := range Cells() {
		res.Counts[cell] = counts[cell]
	}
	return res, nil
}
