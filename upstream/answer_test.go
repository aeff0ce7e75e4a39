package upstream

import (
	"testing"

	"github.com/tonghop/tonghop/letters"
)

// TestAnswerOf: a clerk's answer to the copy of a filled file. Holding is the safe side: what
// reads both ways holds, only a plain "send" sends, anything else changes nothing.
func TestAnswerOf(t *testing.T) {
	held, sent, unclear := letters.UpstreamAnswerHeld, letters.UpstreamAnswerReleased, letters.UpstreamAnswerUnclear
	for text, want := range map[string]letters.UpstreamAnswer{
		"Giữ lại":                     held,
		"giữ lại":                     held,
		"Giu lai":                     held,
		"Giữ lại, chưa gửi.":          held,
		"Tạm giữ lại.":                held,
		"Gửi, nhưng xem lại mục 2 đã": held, // changes asked: not sent as it is
		"Đồng ý":                      held, // yes to both questions
		"Tạm giữ lại để kiểm tra số liệu.": unclear, // a deferral: the clerk is asked to write plainly
		"Khoan gửi, chị xem lại đã":        held,
		"Đừng gửi":                         held,
		"Không gửi":                        held,
		"Gửi":                              sent,
		"Gửi đi em":                        sent,
		"Gửi ngay":                         sent,
		"Cho gửi.":                         sent,
		"Gui di":                           sent,
		"Cảm ơn em":                        unclear,
		"":                                 unclear,
		"Để chị xem":                       unclear,
	} {
		if got := answerOf(text, ""); got != want {
			t.Errorf("answerOf(%q) = %v, want %v", text, got, want)
		}
	}
}

// FuzzAnswerOf: no text both holds and sends; an answer that reads as holding never sends.
func FuzzAnswerOf(f *testing.F) {
	for _, s := range []string{"Giữ lại", "Gửi", "Không gửi", "Gửi, à không, giữ lại", "giữ lại rồi gửi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if answerOf(s, "") == letters.UpstreamAnswerReleased && answerOf(s+"\nGiữ lại", "") == letters.UpstreamAnswerReleased {
			t.Errorf("%q with “Giữ lại” after it still sends", s)
		}
	})
}
