package document

// Render writes d as a .docx: into the office's letterhead template when one is given (see
// FillTemplate), else in the built-in layout (Build).
func Render(d Doc, letterhead []byte) ([]byte, error) {
	if len(letterhead) > 0 {
		return FillTemplate(letterhead, d)
	}
	return Build(d)
}
