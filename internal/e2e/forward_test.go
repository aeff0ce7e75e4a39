package e2e

import (
	"testing"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// Nothing a person writes is lost: a configured person's mail that tonghop does not act on
// itself reaches the clerks, with what it is about.

// deputyMail: the Phó Trưởng Ban writes to the shared mailbox a mail of her own, answering
// nothing; it is no approval and no request tonghop can act on, so it reaches the clerk with
// her words, saying it is about no report, the original attached.
func (c *cycle) deputyMail(t testing.TB) {
	deputy := c.people[ptbAddr]
	words := "Đề nghị Văn phòng tổng hợp riêng vốn đầu tư đăng ký mới của từng khu công nghiệp trong tháng 11, gửi tôi trước ngày 20/11."
	m, id := deputy.newMail(t, "Số liệu vốn đầu tư các khu công nghiệp", "Kính gửi Văn phòng,\n\n"+words+"\n\nTrần Thị Bình")
	deputy.sent(t, m)
	p := personByAddr(ptbAddr)
	fwd := c.people[clerkAddr].waitFor(t, "forward of the deputy's mail", subjectHas("Thư của "+p.title+" "+p.name))
	c.expectKind(t, clerkAddr, fwd, ledger.KindForward)
	containsAll(t, "the forward of the deputy's mail", fwd.msg.Text, ptbAddr, "> "+words,
		"Thư không trả lời thư nào của hệ thống về một báo cáo cụ thể.")
	lacksAll(t, "the forward of the deputy's mail", fwd.msg.Text, "LƯU Ý")
	assertCarriesOriginal(t, "the forward of the deputy's mail", fwd.msg, id)
	c.shared[id] = "Processed"
}

// assertCarriesOriginal checks that a letter to the clerks has the mail with Message-ID id
// attached.
func assertCarriesOriginal(t testing.TB, what string, m *intake.Message, id string) {
	t.Helper()
	for _, a := range m.Attachments {
		if a.ContentType == "message/rfc822" && !a.Forwarded {
			if h, err := intake.ParseHeader(a.Data); err == nil && h.MessageID == id {
				return
			}
		}
	}
	t.Errorf("%s does not carry the mail %s", what, id)
}
