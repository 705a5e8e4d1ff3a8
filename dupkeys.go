package clientele

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// duplicateKey walks the JSON document data token by token and returns
// the path of the first key that appears twice in one object
// ("limits[0].max"), or "" when there is none. encoding/json keeps the
// last of two equal keys, so "max": 25, "max": 90 would load as 90 with
// nothing said; a config loader refuses it instead. It reads the
// document once: linear in its size. A malformed document returns ""
// and is left to the decoder to report.
func duplicateKey(data []byte) string {
	type frame struct {
		object bool
		keys   map[string]struct{}
		key    string // the object's current key
		index  int    // the array's current index
		atKey  bool   // the object expects a key next
	}
	var stack []frame
	path := func(last string) string {
		var b bytes.Buffer
		for _, f := range stack[:len(stack)-1] {
			if f.object {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			} else {
				b.WriteString("[" + strconv.Itoa(f.index) + "]")
			}
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(last)
		return b.String()
	}
	// valueDone moves the enclosing container past one value.
	valueDone := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].atKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].atKey {
			key, ok := tok.(string)
			if !ok { // the closing brace
				stack = stack[:n-1]
				valueDone()
				continue
			}
			f := &stack[n-1]
			if _, dup := f.keys[key]; dup {
				return path(key)
			}
			f.keys[key] = struct{}{}
			f.key, f.atKey = key, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, keys: map[string]struct{}{}, atKey: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			valueDone()
		default:
			valueDone()
		}
		if len(stack) == 0 && !dec.More() {
			return ""
		}
	}
}
