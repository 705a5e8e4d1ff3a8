package abcxyz

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/validate"
)

// Columns is one client base in columnar form for the whole
// segmentation at once: client i has ID IDs[i] and, in integer units ×
// 10^Exp (Exp −2: cents), its revenue and profit over the period (ABC),
// its values per period Values[i×Periods : (i+1)×Periods] (XYZ), and
// its order count, last order day and order total (RFM). A million
// clients are some 50 bytes each (plus the periods' 8 bytes each) and
// no decimal; every analysis reads the columns in place, so keep them
// unchanged while the [Segmentation] is in use.
//
// The zero Columns is refused by Segment: it has no clients.
type Columns struct {
	IDs []string
	Exp int32
	// Revenue and Profit are abc.Units' columns; Profit may be nil when
	// ABC ranks by revenue.
	Revenue, Profit []int64
	// Periods and Values are xyz.Units'.
	Periods int
	Values  []int64
	// Orders, LastOrder and OrderTotal are rfm.Units'.
	Orders     []int32
	LastOrder  []clientele.Date
	OrderTotal []int64
}

// SegmentConfig configures each analysis of [Segment].
//
// The zero SegmentConfig is invalid: each analysis's Validate names
// what is missing; [DefaultSegmentConfig] has the defaults.
type SegmentConfig struct {
	ABC    abc.Config `json:"abc"`
	XYZ    xyz.Config `json:"xyz"`
	RFM    rfm.Config `json:"rfm"`
	Matrix Config     `json:"matrix"`
}

// DefaultSegmentConfig is each analysis's DefaultConfig.
func DefaultSegmentConfig() SegmentConfig {
	return SegmentConfig{ABC: abc.DefaultConfig(), XYZ: xyz.DefaultConfig(), RFM: rfm.DefaultConfig(), Matrix: DefaultConfig()}
}

// Segmentation is the whole segmentation of one client base: ABC, XYZ,
// RFM and the ABC-XYZ matrix, each in compact form indexed by the
// input's client index.
type Segmentation struct {
	ABC    abc.Compact
	XYZ    xyz.Compact
	RFM    rfm.Compact
	Matrix Matrix
}

// Matrix is the ABC-XYZ matrix of a [Segmentation]: the counts and the
// unplaced clients of [Result]; a client's cell and row are derived from
// its two classes when read. Both analyses ran on the same IDs, so no
// client is in one only.
//
// The zero Matrix has no clients: Len is 0 and Counts is nil.
type Matrix struct {
	Counts     map[Cell]int
	Unplaced   []Unplaced
	abc        *abc.Compact
	xyz        *xyz.Compact
	treatments [CZ + 1]string
}

// Segment runs ABC, XYZ and RFM over the columnar client base cols,
// RFM as of asOf, and places every client in the ABC-XYZ matrix: the
// same classes, scores, shares and explanations as [abc.Classify],
// [xyz.Classify], [rfm.Classify] and [Combine] on the same clients in
// decimal form, without a decimal or a copied ID per client.
//
// Errors (ErrInvalid, every analysis's problems under abc., xyz., rfm.
// and matrix.): an invalid config; a column whose length does not match
// the IDs; an empty or repeated ID; a value the analysis refuses.
func Segment(cols Columns, asOf clientele.Date, cfg SegmentConfig) (*Segmentation, error) {
	var p validate.Problems
	s := &Segmentation{}
	var err error
	s.ABC, err = abc.ClassifyUnits(abc.Units{IDs: cols.IDs, Exp: cols.Exp, Revenue: cols.Revenue, Profit: cols.Profit}, cfg.ABC)
	p.Merge("abc", err)
	// ABC checked the IDs (present, unique) for all three: XYZ and RFM,
	// which read none, run unnamed and are named after.
	s.XYZ, err = xyz.ClassifyUnits(xyz.Units{Exp: cols.Exp, Periods: cols.Periods, Values: cols.Values}, cfg.XYZ)
	p.Merge("xyz", err)
	s.RFM, err = rfm.ClassifyUnits(rfm.Units{Exp: cols.Exp, Orders: cols.Orders, LastOrder: cols.LastOrder, Total: cols.OrderTotal}, asOf, cfg.RFM)
	p.Merge("rfm", err)
	p.Merge("matrix", cfg.Matrix.Validate())
	if len(cols.IDs) > 0 && cols.Periods > 0 && len(cols.Values) != len(cols.IDs)*cols.Periods {
		p.Addf("xyz.series.values", len(cols.Values), "has %d values for %d IDs of %d periods", len(cols.Values), len(cols.IDs), cols.Periods)
	}
	if len(cols.IDs) > 0 && len(cols.Orders) != len(cols.IDs) {
		p.Addf("rfm.histories.orders", len(cols.Orders), "has %d values for %d IDs: one per client", len(cols.Orders), len(cols.IDs))
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	s.XYZ, s.RFM = s.XYZ.Named(cols.IDs), s.RFM.Named(cols.IDs)
	m := &s.Matrix
	m.abc, m.xyz = &s.ABC, &s.XYZ
	var counts [CZ + 1]int
	for _, cell := range Cells() {
		m.treatments[cell] = cfg.Matrix.Treatments[cell]
	}
	for i := range s.ABC.Len() {
		if st := s.XYZ.StatusOf(i); st != xyz.Classified {
			m.Unplaced = append(m.Unplaced, Unplaced{ClientID: cols.IDs[i], ABC: s.ABC.ClassOf(i), XYZStatus: st})
			continue
		}
		counts[CellOf(s.ABC.ClassOf(i), s.XYZ.ClassOf(i))]++
	}
	m.Counts = make(map[Cell]int, 9)
	for _, cell := range Cells() {
		m.Counts[cell] = counts[cell]
	}
	return s, nil
}

// Len is the number of clients.
func (m *Matrix) Len() int {
	if m.abc == nil {
		return 0
	}
	return m.abc.Len()
}

// CellOf returns the cell of client i (the input's index), 0 when it
// has no XYZ class (it is then in Unplaced).
func (m *Matrix) CellOf(i int) Cell { return CellOf(m.abc.ClassOf(i), m.xyz.ClassOf(i)) }

// Row returns the matrix row of client i and true, equal to its row in
// [Combine]'s Result.Rows; false when the client is unplaced.
func (m *Matrix) Row(i int) (Row, bool) {
	cell := m.CellOf(i)
	if cell == 0 {
		return Row{}, false
	}
	return Row{ClientID: m.abc.IDOf(i), ABCRank: m.abc.RankOf(i), Cell: cell, Treatment: m.treatments[cell]}, true
}

// Result builds the full [Result]: what [Combine] returns for the
// decimal form of the same clients.
func (m *Matrix) Result() Result {
	res := Result{Rows: make([]Row, 0, m.Len()), Counts: m.Counts, Unplaced: m.Unplaced}
	for i := range m.Len() {
		if r, ok := m.Row(i); ok {
			res.Rows = append(res.Rows, r)
		}
	}
	return res
}
