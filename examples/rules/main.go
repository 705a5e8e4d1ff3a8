// Command rules checks configuration files the way a host would in its
// own CI before deploying them: every file loads with
// clientele.LoadConfig (strict JSON: a misspelt key, a repeated key or
// trailing data is an error) and passes its type's Validate, each
// problem naming the field and the value.
//
// The files beside this program are the library's configurations as a
// host keeps them: most are the packages' defaults written out (the
// article's numbers), so a host copies one and changes what differs;
// rules_test.go proves that each still says what the package's default
// says. A file's name says what it configures (see configs).
//
// Usage:
//
//	go run ./examples/rules            # the files beside this program
//	go run ./examples/rules DIR|FILE…  # a host's own files, by the same names
package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/abcxyz"
	"github.com/clientele-go/clientele/client/complaint"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rating"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/segment"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/dunning"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/kpi"
	"github.com/clientele-go/clientele/kpi/career"
	"github.com/clientele-go/clientele/onboarding"
)

//go:embed *.json
var files embed.FS

// config is what one file name configures: the type it loads into.
type config struct {
	typeName string
	load     func(io.Reader) (any, error)
}

// loader loads one document into a T with clientele.LoadConfig.
func loader[T any, PT interface {
	*T
	Validate() error
}](typeName string) config {
	return config{typeName, func(r io.Reader) (any, error) { return clientele.LoadConfig[T, PT](r) }}
}

// configs maps each file name to its type.
var configs = map[string]config{
	"abc.json":              loader[abc.Config]("abc.Config"),
	"abc-textbook.json":     loader[abc.Config]("abc.Config"),
	"xyz.json":              loader[xyz.Config]("xyz.Config"),
	"rfm.json":              loader[rfm.Config]("rfm.Config"),
	"abcxyz.json":           loader[abcxyz.Config]("abcxyz.Config"),
	"key-clients.json":      loader[keyclients.Config]("keyclients.Config"),
	"segments.json":         loader[segment.Config]("segment.Config"),
	"rating.json":           loader[rating.Config]("rating.Config"),
	"complaints.json":       loader[complaint.Config]("complaint.Config"),
	"access-policy.json":    loader[client.AccessPolicy]("client.AccessPolicy"),
	"solvency.json":         loader[solvency.Config]("solvency.Config"),
	"contract-types.json":   loader[contract.Config]("contract.Config"),
	"ageing.json":           loader[receivables.AgeingConfig]("receivables.AgeingConfig"),
	"dunning.json":          loader[dunning.Config]("dunning.Config"),
	"price-list.json":       loader[discount.PriceList]("discount.PriceList"),
	"discount-rules.json":   loader[discount.Rules]("discount.Rules"),
	"kpi-b2b-services.json": loader[kpi.Config]("kpi.Config"),
	"kpi-consulting.json":   loader[kpi.Config]("kpi.Config"),
	"career.json":           loader[career.Config]("career.Config"),
	"onboarding-plan.json":  loader[onboarding.Plan]("onboarding.Plan"),
}

func main() {
	fsys, names, err := sources(os.Args[1:])
	if err == nil {
		err = checkAll(os.Stdout, fsys, names)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rules:", err)
		os.Exit(1)
	}
}

// sources returns the files to check: the embedded ones without
// arguments, else every .json file in the directories and the files
// named.
func sources(args []string) (fs.FS, []string, error) {
	if len(args) == 0 {
		names, err := fs.Glob(files, "*.json")
		return files, names, err
	}
	var names []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			names = append(names, a)
			continue
		}
		found, err := filepath.Glob(filepath.Join(a, "*.json"))
		if err != nil {
			return nil, nil, err
		}
		names = append(names, found...)
	}
	return osFS{}, names, nil
}

// osFS opens paths as given, relative or absolute, as a command line
// names them (os.DirFS would refuse "../x.json").
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// checkAll checks every file, prints one line per file and returns
// every failure, joined.
func checkAll(w io.Writer, fsys fs.FS, names []string) error {
	sort.Strings(names)
	var errs []error
	for _, name := range names {
		typeName, err := check(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			fmt.Fprintf(w, "FAIL %s\n", name)
			continue
		}
		fmt.Fprintf(w, "ok   %s (%s)\n", name, typeName)
	}
	return errors.Join(errs...)
}

// check loads one file by the type its name says.
func check(fsys fs.FS, name string) (typeName string, err error) {
	base := filepath.Base(name)
	c, ok := configs[base]
	if !ok {
		known := make([]string, 0, len(configs))
		for n := range configs {
			known = append(known, n)
		}
		sort.Strings(known)
		return "", fmt.Errorf("no configuration is named %q; known names: %s", base, strings.Join(known, ", "))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := c.load(f); err != nil {
		return "", err
	}
	return c.typeName, nil
}
