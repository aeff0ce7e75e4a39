package approve

import (
	"context"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// Standing says where the approval of form f's period p stands, for the status command: the
// step waiting, what it was asked, its due date and, for a comment round, who has answered.
// It is nil when no step waits (no chain, no draft yet, issued, revising).
func (a *Approver) Standing(ctx context.Context, f *config.Form, p period.Period) (*letters.StepStanding, error) {
	if !f.HasChain() {
		return nil, nil
	}
	stored, err := a.load(ctx, f.Code, p.String())
	if err != nil {
		return nil, err
	}
	st, chain := stored.state, a.chain(f, p)
	if st.Status != approval.Reviewing || st.Step < 0 || st.Step >= len(chain.Steps) {
		return nil, nil
	}
	kind := chain.Steps[st.Step].Kind
	s := &letters.StepStanding{Label: p.Label(), Step: st.Step + 1, Steps: len(chain.Steps), Version: st.Version,
		Comment: kind == approval.StepComment, Initial: kind == approval.StepInitial}
	if due, ok := st.Due(chain, a.Office.Calendar); ok {
		s.Due = due.In(a.Office.Location)
	}
	if s.Comment {
		seen := map[string]bool{}
		for _, d := range st.Answers(st.Step, st.Version) {
			if !seen[d.Person] {
				seen[d.Person] = true
				s.Answered = append(s.Answered, a.letterPerson(d.Person))
			}
		}
	}
	for _, id := range st.Awaited(chain) {
		s.Awaited = append(s.Awaited, a.letterPerson(id))
	}
	return s, nil
}

// letterPerson names a person id for letters (an address, for someone outside the configuration).
func (a *Approver) letterPerson(id string) letters.Person {
	if p, ok := a.Office.Person(id); ok {
		return letters.Person{Title: p.Title, Name: p.Name}
	}
	return letters.Person{Name: id}
}
