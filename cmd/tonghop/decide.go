package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/reply"
)

// decision is what `tonghop decide` prints: the reading of a leader's reply, as the daemon
// would take it.
type decision struct {
	Decision  string `json:"decision"`
	Comment   string `json:"comment"`
	Reason    string `json:"reason"`
	Written   string `json:"written"`
	Automatic bool   `json:"automatic,omitempty"`
}

func runDecide(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("decide", "decide FILE.eml",
		"Read a leader's reply to an approval request (a saved .eml) as the daemon reads it and print\n"+
			"the decision as JSON: approve, revise (with the comment) or unclear. No configuration needed.", stdout)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("%w: want one .eml file", errUsage)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		return err
	}
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		return fmt.Errorf("read %s: %w", files[0], err)
	}
	res := reply.Read(msg.Text, msg.HTML)
	out := decision{Decision: string(res.Decision), Comment: res.Comment, Reason: res.Reason, Written: res.Written}
	if msg.IsAutomatic() {
		// The daemon never counts an auto-reply, whatever its words.
		out = decision{Decision: string(reply.Unclear), Reason: msgAutomaticReply, Written: res.Written, Automatic: true}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// msgAutomaticReply is the reason printed for an out-of-office or other automatic mail.
const msgAutomaticReply = "thư trả lời tự động (vắng mặt, báo lỗi gửi thư): không bao giờ được tính là ý kiến"
