// Command segvspandas holds the columnar ABC and RFM against pandas on
// the same clients (issue 15: each at least 2x faster than pandas).
//
// It generates the synthetic client base of internal/synthetic from its
// fixed seed (1,000,000 clients by default), writes it as CSV for pandas,
// times abc.ClassifyUnits and rfm.ClassifyUnits in this process (the
// first run, then the median of -runs more, CPU time of the process and
// wall time, a garbage collection before each), then, when Debian's
// python3 has pandas, runs pandas_ref.py beside this file on the CSV
// (the same runs, pandas' own timer around the analysis only, the CSV
// read not timed) and prints each ratio pandas / Go.
//
//	go run ./bench/segvspandas [-n 1000000] [-runs 5] [-python /usr/bin/python3]
//
// It is not a test and not part of go test ./... or CI.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/internal/synthetic"
)

func main() {
	n := flag.Int("n", 1_000_000, "clients")
	runs := flag.Int("runs", 5, "warm runs after the first")
	python := flag.String("python", "/usr/bin/python3", "the python with pandas (Debian's python3-pandas)")
	dir := flag.String("dir", os.TempDir(), "where the CSV is written")
	flag.Parse()
	if err := run(*n, *runs, *python, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "segvspandas:", err)
		os.Exit(1)
	}
}

// timing is the first run and the median of the warm runs, CPU and wall,
// in seconds.
type timing struct {
	FirstCPU  float64 `json:"first_cpu"`
	FirstWall float64 `json:"first_wall"`
	CPU       float64 `json:"cpu"`
	Wall      float64 `json:"wall"`
}

func run(n, runs int, python, dir string) error {
	base := synthetic.Segmentation(n, true)
	csv := filepath.Join(dir, fmt.Sprintf("segvspandas-%d.csv", n))
	if err := writeCSV(csv, base); err != nil {
		return err
	}
	abcUnits := abc.Units{IDs: base.IDs, Exp: -2, Revenue: base.RevenueCents, Profit: base.ProfitCents}
	rfmUnits := rfm.Units{IDs: base.IDs, Exp: -2, Orders: base.Orders, LastOrder: base.LastOrder, Total: base.TotalCents}
	goABC, err := measure(runs, func() error { _, err := abc.ClassifyUnits(abcUnits, abc.DefaultConfig()); return err })
	if err != nil {
		return err
	}
	goRFM, err := measure(runs, func() error {
		_, err := rfm.ClassifyUnits(rfmUnits, synthetic.BaseAsOf, rfm.DefaultConfig())
		return err
	})
	if err != nil {
		return err
	}
	fmt.Printf("clients %d, %s, GOMAXPROCS %d\n", n, runtime.Version(), runtime.GOMAXPROCS(0))
	report("Go ABC (abc.ClassifyUnits)", goABC)
	report("Go RFM (rfm.ClassifyUnits)", goRFM)

	script := filepath.Join(sourceDir(), "pandas_ref.py")
	out, err := exec.Command(python, script, csv, strconv.Itoa(runs), synthetic.BaseAsOf.String()).Output()
	if err != nil {
		fmt.Printf("pandas reference not run (%s %s: %v): install Debian's python3-pandas\n", python, script, err)
		return nil
	}
	var pd struct {
		Version  string `json:"version"`
		ABC, RFM timing
	}
	if err := json.Unmarshal(out, &pd); err != nil {
		return fmt.Errorf("reading the pandas timings %q: %w", out, err)
	}
	report("pandas "+pd.Version+" ABC (sort, cumsum, 80/95 cut)", pd.ABC)
	report("pandas "+pd.Version+" RFM (rank(method=\"first\") + 3 qcut)", pd.RFM)
	ratio("ABC", pd.ABC, goABC)
	ratio("RFM", pd.RFM, goRFM)
	return nil
}

// measure runs op once (the first run) and runs more times, each after
// a garbage collection, timing the process's CPU and the wall clock.
func measure(runs int, op func() error) (timing, error) {
	var cpu, wall []float64
	for range runs + 1 {
		runtime.GC()
		c0, w0 := cpuSeconds(), time.Now()
		if err := op(); err != nil {
			return timing{}, err
		}
		cpu, wall = append(cpu, cpuSeconds()-c0), append(wall, time.Since(w0).Seconds())
	}
	return timing{FirstCPU: cpu[0], FirstWall: wall[0], CPU: median(cpu[1:]), Wall: median(wall[1:])}, nil
}

// cpuSeconds is the CPU time (user + system) of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	return s[len(s)/2]
}

func report(name string, t timing) {
	fmt.Printf("%-58s first run %6.0f ms CPU %6.0f ms wall; warm median %6.0f ms CPU %6.0f ms wall\n",
		name, t.FirstCPU*1e3, t.FirstWall*1e3, t.CPU*1e3, t.Wall*1e3)
}

func ratio(name string, pandas, goT timing) {
	fmt.Printf("%s: pandas / Go = %.2fx by CPU, %.2fx by wall (warm medians); first runs %.2fx CPU, %.2fx wall\n",
		name, pandas.CPU/goT.CPU, pandas.Wall/goT.Wall, pandas.FirstCPU/goT.FirstCPU, pandas.FirstWall/goT.FirstWall)
}

// writeCSV writes the columns pandas reads: id, revenue and profit in
// cents, orders, last order (ISO day) and order total in cents.
func writeCSV(path string, b *synthetic.Base) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,revenue_cents,profit_cents,orders,last_order,total_cents")
	for i, id := range b.IDs {
		last := ""
		if b.Orders[i] > 0 {
			last = b.LastOrder[i].String()
		}
		fmt.Fprintf(w, "%s,%d,%d,%d,%s,%d\n", id, b.RevenueCents[i], b.ProfitCents[i], b.Orders[i], last, b.TotalCents[i])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sourceDir is the directory of this file, where pandas_ref.py is.
func sourceDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}
