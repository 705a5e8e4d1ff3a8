package complaint_test

import (
	"fmt"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/complaint"
)

// A month of complaints: causes in Pareto order, resolution times, and
// the clients who complain again and again.
func ExampleAnalyze() {
	at := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	done := func(id, who string, d int, cause string, days int) complaint.Complaint {
		return complaint.Complaint{ID: id, ClientID: who, ReceivedAt: at(d), Cause: cause,
			Status: complaint.Resolved, ResolvedAt: at(d + days)}
	}
	complaints := []complaint.Complaint{
		done("k1", "vostok", 2, "delivery", 1),
		done("k2", "vostok", 9, "delivery", 3),
		done("k3", "zapad", 11, "billing", 2),
		{ID: "k4", ClientID: "vostok", ReceivedAt: at(20), Cause: "delivery", Status: complaint.Open,
			Description: client.NewPersonal("Driver did not call the warehouse manager")},
	}
	a, err := complaint.Analyze(complaints, clientele.MustParseDate("2026-11-01"), clientele.MustParseDate("2026-12-01"), complaint.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range a.Causes {
		fmt.Printf("%-9s %d  %.1f%%  cumulative %.1f%%\n", c.Cause, c.Count, c.Share, c.CumulativeShare)
	}
	fmt.Printf("open %d, median resolution %v, 90th percentile %v\n", a.Open, a.Resolution.Median, a.Resolution.P90)
	for _, r := range a.RepeatClients {
		fmt.Println("repeat:", r.ClientID, r.ComplaintIDs)
	}
	// Output:
	// delivery  3  75.0%  cumulative 75.0%
	// billing   1  25.0%  cumulative 100.0%
	// open 1, median resolution 48h0m0s, 90th percentile 72h0m0s
	// repeat: vostok [k1 k2 k4]
}
