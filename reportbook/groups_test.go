package reportbook

import (
	"slices"
	"testing"

	"github.com/tonghop/tonghop/letters"
)

// TestWrite_GroupsNote: a row limited to a group says which units it counts, by the group's
// name; the other rows say nothing of groups. U01 and U02 are wards, U03 is missing.
func TestWrite_GroupsNote(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 4, 0, "U03")
	fx.in.Units[0].Group, fx.in.Units[1].Group, fx.in.Units[2].Group = "phuong", "phuong", "phuong"
	fx.in.Units[3].Group = "phong"
	rows0 := fx.in.Form.Indicators[0].Rows
	last := len(rows0) - 1 // no sub-indicators: its sum is checked against none
	rows0[last].Groups = []string{"phuong"}
	fx.meta.Groups = map[string]string{"phuong": "UBND các phường", "phong": "Các phòng, ban, đơn vị"}
	fx.rebuild(t)
	f, _ := fx.write(t)
	sum := rows(t, f, sheetSummary)
	note := slices.Index(summaryHeaders(false), hdrNote)
	first := rows0[last].Code
	r, _ := rowWith(t, sum, 0, first)
	if got, want := at(r, note), "Tính từ 2/3 UBND các phường"; got != want {
		t.Errorf("note of row %s: got %q, want %q", first, got, want)
	}
	second := rows0[last-1].Code
	if r, _ := rowWith(t, sum, 0, second); at(r, note) != "" {
		t.Errorf("note of row %s: got %q, want none", second, at(r, note))
	}
}

// TestGroupsNote_Lint: the notes read as an office writes, without the groups' keys.
func TestGroupsNote_Lint(t *testing.T) {
	for _, s := range []string{
		groupsNote(14, 16, []string{"UBND các phường"}),
		groupsNote(3, 4, groupNames([]string{"phuong", "phong"}, map[string]string{"phuong": "UBND các phường", "phong": "Các phòng, ban, đơn vị"})),
		groupsNote(1, 2, groupNames([]string{"phuong"}, nil)),
	} {
		if f := letters.Lint(s); len(f) > 0 {
			t.Errorf("%q: %v", s, f)
		}
	}
}
