package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/xuri/excelize/v2"
)

// What the two-office tests read back: the mail delivered, the two ledgers, the workbooks.

// delivered returns the messages delivered to addr whose subject contains s, parsed, in order.
func (x *twoOffices) delivered(t *testing.T, addr, s string) []*intake.Message {
	t.Helper()
	return parsedTo(t, x.deliveries(), addr, s)
}

// between counts the deliveries from one address to another.
func (x *twoOffices) between(from, to string) int {
	n := 0
	for _, d := range x.deliveries() {
		if strings.EqualFold(d.From, from) && contains(d.To, to) {
			n++
		}
	}
	return n
}

// book consolidates November's monthly report of o as its ledger stands.
func (o *tier) book(t *testing.T, asOf time.Time) consolidate.Book {
	t.Helper()
	f, ok := o.d.o.Form("BM.02.01/KH")
	if !ok {
		t.Fatal("no BM.02.01/KH")
	}
	nov, _ := period.Parse("2026-11")
	in, _, err := report.ConsolidationInput(context.Background(), o.d.o, o.ledger, f, nov, asOf)
	if err != nil {
		t.Fatal(err)
	}
	b, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// request reads the district's upstream request of November.
func (x *twoOffices) request(t *testing.T) ledger.UpstreamRequest {
	t.Helper()
	r, err := x.district.ledger.UpstreamRequest(context.Background(), cityName, "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// cityHasDistrict reports whether the city holds a valid submission of the district.
func (x *twoOffices) cityHasDistrict(t *testing.T) bool {
	t.Helper()
	subs, err := x.city.ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	_, ok := subs[districtUnit]
	return ok
}

// folder is the number of messages in a folder of the district's mailbox.
func (x *twoOffices) folder(t *testing.T, name string) int {
	t.Helper()
	msgs, err := x.srv.Messages(districtAddr, name)
	if err != nil {
		t.Fatal(err)
	}
	return len(msgs)
}

// cityFigure is indicator code's figure of the district's latest valid file at the city, and
// its version.
func (x *twoOffices) cityFigure(t *testing.T, code string) (string, int) {
	t.Helper()
	subs, err := x.city.ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	s, ok := subs[districtUnit]
	if !ok {
		t.Fatal("the city has no valid file of the district")
	}
	var f form.Filled
	if err := json.Unmarshal(s.Data, &f); err != nil {
		t.Fatal(err)
	}
	return f.Indicators["kcn"][code]["period"], s.Version
}

// summaryFigures reads a consolidated workbook's summary sheet ("Tổng hợp") as the clerks and
// leaders read it: indicator code → the figure of "Thực hiện kỳ báo cáo".
func summaryFigures(t *testing.T, data []byte) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	out, col := map[string]string{}, -1
	for _, r := range rows {
		if len(r) > 0 && r[0] == "Mã số" {
			col = slices.Index(r, "Thực hiện kỳ báo cáo")
			continue
		}
		if col < 0 || len(r) == 0 || r[0] == "" {
			if col >= 0 && len(out) > 0 {
				break
			}
			continue
		}
		if col < len(r) {
			out[r[0]] = r[col]
		}
	}
	if len(out) == 0 {
		t.Fatal("no indicator figures on the summary sheet")
	}
	return out
}
