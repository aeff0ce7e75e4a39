package approval

import "testing"

// TestApply_RepliesWithoutMessageID: replies without a Message-ID are never duplicates of one
// another. The first step's approval and the last step's, both without an ID, each count and
// issue the report; an approval with an ID read again is the duplicate.
func TestApply_RepliesWithoutMessageID(t *testing.T) {
	sc := newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(approve("cvp", 1, at(16, 10, 0), ""))
	wantState(t, sc.s, Reviewing, 1, 1)
	if kinds := kindsOf(sc.apply(approve("tb", 1, at(16, 11, 0), ""))); len(kinds) != 2 || kinds[1] != Issue {
		t.Fatalf("last step without an ID: got actions %v, want the issue", kinds)
	}
	wantState(t, sc.s, Issued, 1, 1)
	if n := len(sc.s.Decisions); n != 2 {
		t.Fatalf("decisions: got %d, want 2", n)
	}

	sc = newScenario(t, twoSteps())
	sc.apply(Draft{Version: 1, At: at(16, 9, 0)})
	sc.apply(approve("cvp", 1, at(16, 10, 0), "m1@kcn"))
	got := sc.apply(approve("cvp", 1, at(16, 10, 5), "m1@kcn"))
	if len(got) != 1 || got[0].Kind != Ignored || got[0].Reason != ReasonDuplicate {
		t.Fatalf("the same ID again: got %s, want one ignored duplicate", mustJSON(t, got))
	}
}
