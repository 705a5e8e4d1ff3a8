package clientele

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// MaxConfigBytes bounds a config or rule file: four mebibytes hold tens
// of thousands of rules, and the bound keeps a hostile file from filling
// memory before it is even parsed.
const MaxConfigBytes = 4 << 20

// LoadConfig reads one JSON document into a new T and validates it, the
// one way every Clientele config and rule file is loaded:
//
//	cfg, err := clientele.LoadConfig[rfm.Config](file)
//
// It is strict: an empty input, a field T does not have, a value of the
// wrong type, a second document or anything but white space after the
// first, a key repeated in one object, a number of more than 80
// characters or a string of more than 4096 bytes, a number or a string
// that reads as a decimal ("1e9999999999") with an exponent beyond the
// library's bound of ±30 (all refused before they are parsed; so an ID
// such as "5e40" is refused too), and an input over MaxConfigBytes are errors, each a
// *ValidationError matching ErrInvalid that names the field or the byte
// offset. Then T's own Validate reports every problem it finds. On any
// error the zero T is returned, never a half-loaded config.
func LoadConfig[T any, PT interface {
	*T
	Validate() error
}](r io.Reader) (T, error) {
	var zero, cfg T
	data, err := io.ReadAll(io.LimitReader(r, MaxConfigBytes+1))
	if err != nil {
		return zero, err
	}
	if len(data) > MaxConfigBytes {
		return zero, loadError("", nil, "is over "+strconv.Itoa(MaxConfigBytes)+" bytes, the limit for a config")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return zero, loadError("", nil, "is empty: want a JSON object")
	}
	if f := scanConfig(data); f != nil {
		return zero, &ValidationError{Fields: []*FieldError{f}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return zero, decodeError(err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return zero, loadError("", nil, "has data after the JSON document, which ends at byte "+strconv.FormatInt(end, 10))
	}
	if err := PT(&cfg).Validate(); err != nil {
		return zero, err
	}
	return cfg, nil
}

func loadError(field string, value any, reason string) error {
	return &ValidationError{Fields: []*FieldError{{Field: field, Value: value, Reason: reason}}}
}

// decodeError turns encoding/json's error into a field problem, naming
// the field where json does.
func decodeError(err error) error {
	var typ *json.UnmarshalTypeError
	var syn *json.SyntaxError
	var ve *ValidationError
	switch {
	case errors.As(err, &typ):
		return loadError(typ.Field, nil, "is a JSON "+typ.Value+", want "+typ.Type.String())
	case errors.As(err, &syn):
		return loadError("", nil, "is not valid JSON at byte "+strconv.FormatInt(syn.Offset, 10)+": "+syn.Error())
	case errors.As(err, &ve):
		return err // an enum or a date refused its text
	case errors.Is(err, io.ErrUnexpectedEOF):
		return loadError("", nil, "ends in the middle of the JSON document")
	}
	// Unknown fields and the rest: json's words name the field.
	return loadError("", nil, err.Error())
}
