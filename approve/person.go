package approve

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// Person handles a mail from a configured person that answers no approval request (see
// Thread) and is no report sent for a unit: a clerk's answer to the notice about a file
// received after the issue is that decision (see lateAnswer); any other clerk's mail is kept,
// never sent back to the clerks; anyone else's is forwarded to the clerks with what it is about,
// and marked when its sender could not be verified. An error (the ledger unreadable) leaves the
// mail for the next poll.
func (a *Approver) Person(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, p config.Person, log *slog.Logger) error {
	re, err := a.regarding(ctx, msg)
	if err != nil {
		return fmt.Errorf("person's mail: %w", err)
	}
	if isClerk(p) {
		if re.late != nil {
			return a.lateAnswer(ctx, in, msg, raw, p, re, log)
		}
		in.Settle(a.now(), ledger.OutcomeIgnored, "mail from the clerk "+p.ID+": kept in the shared mailbox, not sent back to the clerks",
			ledger.ActionMailFromClerk)
		return nil
	}
	unverified, why := a.authFailure(raw, msg), letters.WhyNotDecision
	if unverified != "" {
		why = letters.WhyNotAuthentic
		log.Warn("a person's mail failed authentication; forwarded marked as unverified", "from", msg.From.Addr, "why", unverified)
	}
	if err := a.forward(ctx, in, msg, p, re, why, unverified); err != nil {
		return err
	}
	a.settleForwarded(in, why, unverified, "mail from "+p.ID+" outside any approval thread")
	return nil
}
