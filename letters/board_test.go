package letters

import "testing"

// A link to the board's page carries codes in its query and is not read as text; a command
// next to it still is.
func TestLint_BoardLink(t *testing.T) {
	link := PeriodPage("https://tonghop.example/", "BM.02.01/KH", "2026-11")
	if want := "https://tonghop.example/period?f=BM.02.01%2FKH&p=2026-11"; link != want {
		t.Errorf("PeriodPage: got %s, want %s", link, want)
	}
	if got := Lint("Xem tại trang: " + link); len(got) != 0 {
		t.Errorf("a link: got %v, want no finding", got)
	}
	if got := Lint("Xem tại trang: " + link + " hoặc chạy tonghop consolidate"); len(got) == 0 {
		t.Error("a command beside a link: got no finding")
	}
}
