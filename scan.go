package clientele

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Bounds on single values of a config, checked before any value is
// parsed: a number of a million digits costs shopspring seconds and
// gigabytes to parse, and no rate, amount or threshold needs more than a
// few dozen characters, nor any name or ID more than a few hundred.
const (
	maxConfigNumber = 80
	maxConfigString = 4096
)

// scanConfig walks the JSON document data token by token, once (linear
// in its size), and reports the first of these problems, or nil:
//
//   - a key that appears twice in one object ("limits[0].max"):
//     encoding/json keeps the last of two equal keys, so "max": 25,
//     "max": 90 would load as 90 with nothing said;
//   - a number longer than maxConfigNumber characters or a string longer
//     than maxConfigString bytes (a decimal may be written as either).
//
// A malformed document returns nil and is left to the decoder to report.
func scanConfig(data []byte) *FieldError {
	var stack []scanFrame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].atKey {
			key, ok := tok.(string)
			if !ok { // the closing brace
				stack = endValue(stack[:n-1])
				continue
			}
			f := &stack[n-1]
			f.key, f.atKey = key, false
			if _, dup := f.keys[key]; dup {
				return &FieldError{Field: scanPath(stack), Reason: "appears twice in one object: JSON keeps the last silently, so a config may not repeat a key"}
			}
			f.keys[key] = struct{}{}
			continue
		}
		if f := tooLong(tok); f != nil {
			f.Field = scanPath(stack)
			return f
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, scanFrame{object: true, keys: map[string]struct{}{}, atKey: true})
		case json.Delim('['):
			stack = append(stack, scanFrame{})
		case json.Delim(']'):
			stack = endValue(stack[:len(stack)-1])
		default:
			stack = endValue(stack)
		}
		if len(stack) == 0 && !dec.More() {
			return nil
		}
	}
}

// scanFrame is an object or an array being read.
type scanFrame struct {
	object bool
	keys   map[string]struct{}
	key    string // the object's current key
	index  int    // the array's current index
	atKey  bool   // the object expects a key next
}

// endValue moves the innermost container past the value just read.
func endValue(stack []scanFrame) []scanFrame {
	if n := len(stack); n > 0 {
		if stack[n-1].object {
			stack[n-1].atKey = true
		} else {
			stack[n-1].index++
		}
	}
	return stack
}

// scanPath names the value being read as a field path: "limits[1].max".
func scanPath(stack []scanFrame) string {
	var b strings.Builder
	for _, f := range stack {
		if !f.object {
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(f.key)
	}
	return b.String()
}

// tooLong returns a problem, without its field, for a number or a string
// value past the bounds.
func tooLong(tok json.Token) *FieldError {
	switch v := tok.(type) {
	case json.Number:
		if len(v) > maxConfigNumber {
			return &FieldError{Value: string(v[:20]) + "...", Reason: "is a number of " + strconv.Itoa(len(v)) + " characters, the limit is " + strconv.Itoa(maxConfigNumber)}
		}
	case string:
		if len(v) > maxConfigString {
			return &FieldError{Value: v, Reason: "is " + strconv.Itoa(len(v)) + " bytes long, the limit for one value of a config is " + strconv.Itoa(maxConfigString)}
		}
	}
	return nil
}
