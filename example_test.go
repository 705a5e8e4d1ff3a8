package clientele_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/rfm"
)

// A config file is loaded strictly: a misspelt key is named, not
// ignored, and the config's own Validate runs before it is returned.
func ExampleLoadConfig() {
	_, err := clientele.LoadConfig[rfm.Config](strings.NewReader(`{"recency_edges": [30, 60]}`))
	fmt.Println(errors.Is(err, clientele.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// invalid input: json: unknown field "recency_edges"
}

// Dates are calendar days: adding a month to 31 January gives the last
// day of February, as a payment term or a contract end expects.
func ExampleDate_AddMonths() {
	start := clientele.NewDate(2026, time.January, 31)
	fmt.Println(start.AddMonths(1), start.AddMonths(13))
	fmt.Println(clientele.NewDate(2026, time.December, 31).Sub(start), "days")
	// Output:
	// 2026-02-28 2027-02-28
	// 334 days
}

// Working days count Monday to Friday: two weeks of December 2026
// (Monday 7th to Sunday 20th) hold ten.
func ExampleWorkingDays() {
	from := clientele.NewDate(2026, time.December, 7)
	fmt.Println(clientele.WorkingDays(from, clientele.NewDate(2026, time.December, 20)))
	fmt.Println(clientele.WorkingDay(clientele.NewDate(2026, time.December, 5), 1)) // a Saturday: the next Monday
	// Output:
	// 10
	// 2026-12-07
}
