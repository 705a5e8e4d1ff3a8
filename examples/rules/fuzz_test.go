package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"sort"
	"testing"
)

// FuzzLoadEveryConfig feeds the same bytes to every configuration's
// loader: none may panic, and a document one accepts must survive a
// round trip (marshalled and loaded again, it is accepted and marshals
// to the same JSON), so a config a host saves back is the config it
// loaded. The seeds are the files beside the program.
//
//	go test ./examples/rules -run '^$' -fuzz FuzzLoadEveryConfig -fuzztime 2m
func FuzzLoadEveryConfig(f *testing.F) {
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	loaders := make([]string, 0, len(configs))
	for name := range configs {
		loaders = append(loaders, name)
	}
	sort.Strings(loaders)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range loaders {
			load := configs[name].load
			cfg, err := load(bytes.NewReader(data))
			if err != nil {
				continue
			}
			first, err := json.Marshal(cfg)
			if err != nil {
				t.Fatalf("%s: an accepted config does not marshal: %v", name, err)
			}
			again, err := load(bytes.NewReader(first))
			if err != nil {
				t.Fatalf("%s: an accepted config, marshalled, is refused: %v\n%s", name, err, first)
			}
			second, err := json.Marshal(again)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(first, second) {
				t.Fatalf("%s: the round trip changed the config:\n%s\n%s", name, first, second)
			}
		}
	})
}
