package onboarding

import "strconv"

// count writes n with its noun in the right number: "1 working day",
// "3 working days". Every message is read by a person.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
