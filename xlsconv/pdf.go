package xlsconv

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
)

// The administrative document (issue 20) is converted to PDF by LibreOffice Writer, under the
// same sandbox as an .xls: a private directory and profile, fixed names, a minimal environment,
// the Word import filter forced, a timeout, prlimit and the process group killed at the end.
// Only a soffice converter does it; the input is tonghop's own .docx (or a leader's, read by
// package wordfile first), bounded like an .xls.

// ErrNoPDF is returned by ToPDF on a converter that is not LibreOffice.
var ErrNoPDF = errors.New("PDF conversion needs LibreOffice (soffice)")

const (
	docxInput = "in.docx"
	pdfOutput = "out/in.pdf"
	fontsConf = "fonts.conf"
)

// FontsConfig, the fontconfig file of a PDF conversion, makes Times New Roman, which a Linux server rarely has, Liberation Serif: drawn
// to the same widths, with every Vietnamese letter. Without it fontconfig picks Nimbus Roman,
// which lacks ơ, ư and the stacked tones, and the PDF mixes in DejaVu Serif for them.
const FontsConfig = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <match target="pattern">
    <test qual="any" name="family"><string>Times New Roman</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Liberation Serif</string></edit>
  </match>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// FindSoffice returns a LibreOffice converter with default limits, or ErrNotFound.
func FindSoffice() (*Converter, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if path, err := exec.LookPath(name); err == nil {
			if c, err := New(path); err == nil {
				return c, nil
			}
		}
	}
	return nil, ErrNotFound
}

// ToPDF converts a .docx to PDF. It never returns partial output: a PDF that ends with its
// end-of-file marker, or an error wrapping ErrFailed (ctx.Err() when the caller gave up).
func (c *Converter) ToPDF(ctx context.Context, docx []byte) ([]byte, error) {
	if c.Kind != KindSoffice {
		return nil, ErrNoPDF
	}
	l := c.limits()
	if int64(len(docx)) > l.maxInput {
		return nil, fmt.Errorf("%w: input is %d bytes, limit %d: %w", ErrFailed, len(docx), l.maxInput, ErrTooLarge)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("convert docx: %w", err)
	}
	dir, err := os.MkdirTemp(c.TempDir, "docpdf-")
	if err != nil {
		return nil, fmt.Errorf("convert docx: private directory: %w", err)
	}
	defer c.removeDir(dir)
	if err := os.WriteFile(filepath.Join(dir, docxInput), docx, 0o600); err != nil {
		return nil, fmt.Errorf("convert docx: write input: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, fontsConf), []byte(FontsConfig), 0o600); err != nil {
		return nil, fmt.Errorf("convert docx: write font configuration: %w", err)
	}
	profile := url.URL{Scheme: "file", Path: filepath.Join(dir, sofficeProf)}
	argv := []string{
		c.Path, "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
		"-env:UserInstallation=" + profile.String(),
		"--infilter=MS Word 2007 XML",
		"--convert-to", "pdf:writer_pdf_Export",
		"--outdir", sofficeOutDir, docxInput,
	}
	var tail tailBuffer
	st, err := c.run(ctx, dir, argv, l, &tail)
	if err != nil {
		return nil, err
	}
	out, err := readOutput(filepath.Join(dir, pdfOutput), l.maxOutput, completePDF)
	if err != nil {
		return nil, fmt.Errorf("%w%s", err, tail.suffix())
	}
	c.logger().Debug("converted docx to pdf", "converter", c.String(), "input_bytes", len(docx),
		"output_bytes", len(out), "duration", st.duration, "peak_rss_kb", st.peakRSSKB, "limited", st.limited)
	return out, nil
}

// completePDF: the output must begin with the PDF header and end with its end-of-file marker,
// or the converter stopped halfway.
func completePDF(out []byte) error {
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-1024):], []byte("%%EOF")) {
		return errors.New("output is not a complete PDF")
	}
	return nil
}
