package document

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/packager"
	"github.com/gomutex/godocx/wml/ctypes"
)

// keptStyles are the styles of godocx's starting document this layout keeps: the defaults a
// paragraph, a run, a table and a list fall back to. The layout names no other style (every
// run carries its own properties), so the 160 others and the latent styles go: reading them
// took most of a document's build time (about 80 ms, over a second under the race detector).
var keptStyles = []string{"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}

var start struct {
	once sync.Once
	docx []byte
	err  error
}

// newDocument returns a fresh document to build on: godocx's starting document without the
// styles the layout never uses, made once and unpacked anew each time.
func newDocument() (*docx.RootDoc, error) {
	start.once.Do(func() { start.docx, start.err = leanStart() })
	if start.err != nil {
		return nil, start.err
	}
	data := slices.Clone(start.docx)
	return packager.Unpack(&data)
}

// leanStart writes godocx's starting document with only keptStyles and no latent styles.
func leanStart() ([]byte, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, err
	}
	dropPart(rd, "word/stylesWithEffects.xml") // Word 2010's copy of styles.xml, 438 KB
	if st := rd.DocStyles; st != nil {
		st.LatentStyle = nil
		st.StyleList = slices.DeleteFunc(st.StyleList, func(s ctypes.Style) bool {
			return s.ID == nil || !slices.Contains(keptStyles, *s.ID)
		})
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dropPart removes a part of the document's package with its relationship from the document
// and its content type.
func dropPart(rd *docx.RootDoc, name string) {
	rd.FileMap.Delete(name)
	target := strings.TrimPrefix(name, "word/")
	rd.Document.DocRels.Relationships = slices.DeleteFunc(rd.Document.DocRels.Relationships,
		func(r *docx.Relationship) bool { return r.Target == target })
	rd.ContentType.Override = slices.DeleteFunc(rd.ContentType.Override,
		func(o docx.Override) bool { return o.PartName == "/"+name })
}
