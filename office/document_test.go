package office

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/period"
)

// TestOffice_Document: the document of a form and period from the configuration — its header,
// the symbol from the type and the office's abbreviation, the summary with the period, the
// signer (the chain's last step for a draft, the approver given for an issue, with their
// authority) and the recipients.
func TestOffice_Document(t *testing.T) {
	src := strings.Replace(minimal, "[office]\n", "[office]\ngoverning_body = \"UBND tỉnh Bắc Ninh\"\nplace = \"Bắc Ninh\"\nabbreviation = \"BQL\"\narchive = \"VP\"\n", 1)
	src = strings.Replace(src, "[[forms]]\n", "[[forms]]\ndocument_type = \"thong_bao\"\nsummary = \"Kết quả {ky}\"\nrecipients = [\"truong_ban\", \"vanthu@bqlkcn.example\"]\n", 1)
	src += "\n[[people]]\nid = \"pho_tb\"\nname = \"Trần Thị Bình\"\ntitle = \"Phó Trưởng Ban\"\nemails = [\"binh@bqlkcn.example\"]\nsigning_authority = \"KT. TRƯỞNG BAN\"\n"
	o := parse(t, src)
	f := &o.Forms[0]
	p := period.Period{Kind: period.Month, Year: 2026, N: 11}
	at := time.Date(2026, 12, 8, 9, 0, 0, 0, o.Location)
	draft := o.Document(f, p, DocumentInput{Book: consolidate.Book{}, At: at, Draft: 2})
	if draft.Symbol != "TB-BQL" || draft.Kind != document.KindNotice || draft.GoverningBody != "UBND tỉnh Bắc Ninh" || draft.Archive != "VP" {
		t.Errorf("draft: symbol %q kind %q body %q archive %q", draft.Symbol, draft.Kind, draft.GoverningBody, draft.Archive)
	}
	if want := "Kết quả " + strings.ToLower(o.PeriodLabel(f, p)[:1]) + o.PeriodLabel(f, p)[1:]; draft.Summary != want {
		t.Errorf("summary: got %q, want %q", draft.Summary, want)
	}
	if draft.Signer != (document.Signer{Title: "Trưởng Ban", Name: "Nguyễn Văn An"}) || !draft.Draft || draft.DraftVersion != 2 {
		t.Errorf("draft signer %+v, draft %v v%d: want the chain's head, draft 2", draft.Signer, draft.Draft, draft.DraftVersion)
	}
	if want := []string{"Trưởng Ban Nguyễn Văn An", "vanthu@bqlkcn.example"}; strings.Join(draft.Recipients, "|") != strings.Join(want, "|") {
		t.Errorf("recipients: got %q, want %q", draft.Recipients, want)
	}
	issued := o.Document(f, p, DocumentInput{At: at, Number: "12", Signer: "pho_tb"})
	if issued.Signer != (document.Signer{Authority: "KT. TRƯỞNG BAN", Title: "Phó Trưởng Ban", Name: "Trần Thị Bình"}) || issued.Draft {
		t.Errorf("issued signer %+v, draft %v: want the deputy for the head", issued.Signer, issued.Draft)
	}
	if got := issued.NumberLine(); got != "Số: 12/TB-BQL" {
		t.Errorf("number line: got %q", got)
	}
}

// TestCompile_Letterhead: an office's letterhead without its placeholders stops the office from
// compiling, named by its key; one with them compiles.
func TestCompile_Letterhead(t *testing.T) {
	o := parse(t, minimal)
	cfg := o.Config
	plain, err := document.Build(document.Doc{Office: "Ban", Kind: document.KindReport})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Office.LetterheadData = plain
	if _, err := Compile(cfg, nil); err == nil || !strings.Contains(err.Error(), "office.letterhead") || !strings.Contains(err.Error(), document.PhBody+" is missing") {
		t.Errorf("got %v, want office.letterhead naming the missing placeholders", err)
	}
	texts := document.Doc{Office: "Ban", Kind: document.KindReport, Number: document.PhNumber, Place: document.PhDate,
		Summary: document.PhSummary, Signer: document.Signer{Name: document.PhSigner}, Recipients: []string{document.PhRecipients},
		Body: []document.Block{{Paragraphs: []string{document.PhBody}}}}
	if cfg.Office.LetterheadData, err = document.Build(texts); err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(cfg, nil); err != nil {
		t.Errorf("a letterhead with every placeholder: %v", err)
	}
}
