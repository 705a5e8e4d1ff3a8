package authority_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/authority"
)

// A chain of limits: a manager grants up to 5 % alone, the head of sales
// up to 10 %, the director 20 %. Beyond her limit, Anna learns who must
// approve.
func ExampleLimits_Check() {
	limits := authority.Limits{
		{Holder: "manager", Max: decimal.NewFromInt(5), ApprovedBy: "head_of_sales"},
		{Holder: "head_of_sales", Max: decimal.NewFromInt(10), ApprovedBy: "director"},
		{Holder: "director", Max: decimal.NewFromInt(20)},
	}
	anna := authority.Actor{ID: "m-anna", Role: "manager"}
	fmt.Println(limits.Check(anna, decimal.NewFromInt(5)))
	err := limits.Check(anna, decimal.NewFromInt(8))
	fmt.Println(errors.Is(err, authority.ErrLimitExceeded))
	fmt.Println(err)
	// Output:
	// <nil>
	// true
	// authority: "m-anna" (manager) may commit up to 5 (limit of "manager"), asked 8: needs approval by "head_of_sales"
}
