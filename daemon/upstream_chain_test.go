package daemon

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/period"
)

// Ward → district → city as three tonghop offices: ward P1 runs tonghop too, collecting from its
// residential group; the district counts P1's issued report with the other two wards' files and
// reports to the city. Nobody copies a figure by hand.

const (
	wardOffice = "tonghop@p1.example"
	wardClerk  = "vanthu@p1.example"
	wardHead   = "ct@p1.example"
	wardGroup  = "tdp1@p1.example" // the ward's own unit: its residential group
)

func TestThreeOffices_WardDistrictCity(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, err := localmail.Start(localmail.Options{AuthServID: officetest.MX, Domain: officetest.MX})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, u := range []string{districtAddr, districtClerk, districtHead, cityAddr, cityClerk, cityHead,
		wardOffice, wardClerk, wardHead, wardGroup, wardAddr("P2"), wardAddr("P3")} {
		if err := srv.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	upstreamOf := func(name, addr string) string {
		return fmt.Sprintf("\n[[upstream]]\nname = %q\nemails = [%q]\nhold = \"0\"\n[[upstream.forms]]\ncode = \"BM.02.01/KH\"\nfrom = \"BM.02.01/KH\"\n", name, addr)
	}
	unit := func(code, name, addr string) string {
		return fmt.Sprintf("[[units]]\ncode = %q\nname = %q\nemails = [%q]\n", code, name, addr)
	}
	ward := startOffice(t, clk, wardOffice, "ward-key",
		officeConfig(srv, "UBND Phường P1 (thử)", "ward-key", wardOffice, wardClerk, wardHead, unit("TDP1", "Tổ dân phố 1", wardGroup))+
			upstreamOf("UBND Quận Ba Đình", districtAddr))
	district := startOffice(t, clk, districtAddr, "district-key",
		officeConfig(srv, "UBND Quận Ba Đình (thử)", "district-key", districtAddr, districtClerk, districtHead,
			unit("P1", "UBND Phường P1", wardOffice)+unit("P2", "UBND Phường P2", wardAddr("P2"))+unit("P3", "UBND Phường P3", wardAddr("P3")))+
			upstreamOf(cityName, cityAddr))
	city := startOffice(t, clk, cityAddr, "city-key",
		officeConfig(srv, cityName+" (thử)", "city-key", cityAddr, cityClerk, cityHead, unit(districtUnit, "UBND Quận Ba Đình", districtAddr)))
	x := &twoOffices{srv: srv, clock: clk, district: district, city: city}
	all := func(n int) {
		for range n {
			for _, o := range []*tier{city, district, ward} {
				o.step(t)
			}
		}
	}
	all(2) // templates go down: city → district → ward → its residential group

	// The residential group and the two other wards send their files, by hand.
	group := officetest.WorkbookFor(t, ward.cfg, "TDP1", ward.key, "2026-11", false)
	if err := srv.Append(wardOffice, "INBOX", officetest.Delivered(officetest.Mail(wardGroup, wardOffice, "tdp1@p1.example", "", "bc.xlsx", group))); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"P2", "P3"} {
		x.submit(t, w, "sub-"+w+"@quan.example", officetest.WorkbookFor(t, district.cfg, w, district.key, "2026-11", false))
	}
	all(1)
	approveAt(t, srv, wardOffice, wardHead, x) // the ward's chairman approves: P1's report goes up
	all(2)
	if subs, _ := district.ledger.LatestValid(ctx, "BM.02.01/KH", "2026-11"); len(subs) != 3 {
		t.Fatalf("the district's valid files: %d, want the three wards' (P1's from its tonghop)", len(subs))
	}
	approveAt(t, srv, districtAddr, districtHead, x) // the district's chairman approves
	all(2)
	if got, v := x.cityFigure(t, "1"); got != "12" || v != 1 {
		t.Errorf("the city's figure of indicator 1: %s (v%d), want 12: 4 from each ward, P1's through two offices", got, v)
	}
}

// approveAt sends head's "Duyệt" to the approval request he received from office.
func approveAt(t *testing.T, srv *localmail.Server, office, head string, x *twoOffices) {
	t.Helper()
	reqs := x.delivered(t, head, "Xin ý kiến duyệt: ")
	if len(reqs) != 1 {
		t.Fatalf("approval requests to %s: %d, want 1", head, len(reqs))
	}
	raw := replyRaw(head, "duyet."+head, reqs[0], "Duyệt", officetest.AuthPass(head))
	if err := srv.Append(office, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}
