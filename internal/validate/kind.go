package validate

// Kind returns a package's sentinel: an error whose message is msg (the
// package's one prefix, "discount: invalid input") and that matches
// parent, the shared clientele sentinel of its kind, with errors.Is.
func Kind(msg string, parent error) error { return &kindError{msg: msg, parent: parent} }

type kindError struct {
	msg    string
	parent error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.parent }
