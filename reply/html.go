package reply

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlAction is what the reader does with an element.
type htmlAction int

const (
	htmlKeep  htmlAction = iota
	htmlSkip             // not text: head, style, script
	htmlQuote            // a quoted original: left out, reading goes on after it
	htmlStop             // the quoted original starts here: nothing after it is read
)

// quoteClasses mark quoted originals: Gmail (gmail_quote, with its
// gmail_attr attribution), Yahoo (yahoo_quoted), Thunderbird
// (moz-cite-prefix attribution, the blockquote follows), Proton Mail.
var quoteClasses = []string{"gmail_quote", "gmail_quote_container", "gmail_attr", "yahoo_quoted",
	"moz-cite-prefix", "protonmail_quote", "zmail_extra"}

// stopIDs start the quoted original in Outlook and OWA (appendonsend,
// divRplyFwdMsg), new Outlook (mail-editor-reference-message-container)
// and Zimbra (the zwchr rule above the header block).
var stopIDs = []string{"appendonsend", "divrplyfwdmsg", "mail-editor-reference-message-container", "zwchr",
	"x_divrplyfwdmsg", "x_appendonsend"}

func classifyElement(n *html.Node) htmlAction {
	switch n.DataAtom {
	case atom.Head, atom.Style, atom.Script, atom.Title, atom.Template, atom.Noscript, atom.Object, atom.Svg:
		return htmlSkip
	case atom.Blockquote:
		return htmlQuote
	}
	var class, id, style string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class":
			class = a.Val
		case "id":
			id = strings.ToLower(a.Val)
		case "style":
			style = a.Val
		}
	}
	for _, s := range stopIDs {
		if id == s {
			return htmlStop
		}
	}
	for _, c := range strings.Fields(class) {
		if c == "OutlookMessageHeader" {
			return htmlStop
		}
		for _, q := range quoteClasses {
			if c == q {
				return htmlQuote
			}
		}
	}
	if n.DataAtom == atom.Div && isOutlookSeparator(style) {
		return htmlStop
	}
	return htmlKeep
}

// isOutlookSeparator reports the style of the div that Outlook desktop puts
// around the "From:/Sent:" header of the original: a thin top border.
func isOutlookSeparator(style string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "border-top:solid") && strings.Contains(s, "border:none")
}

// blockAtoms end a line of text before and after themselves.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Tr: true, atom.Table: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Hr: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Center: true, atom.Body: true, atom.Dd: true, atom.Dt: true,
}

// htmlText turns an HTML body into lines of text, leaving quoted originals
// out.
type htmlText struct {
	b         strings.Builder
	structure bool
	stopped   bool
}

// stripHTML finds what the person wrote in a text/html body: quoted
// elements are dropped by their markup, then the remaining text goes through
// the same line rules as a plain body (AOL and some webmails mark the quote
// only with text such as "-----Original Message-----").
func stripHTML(body string) stripped {
	body, _ = capBytes(body, maxBody)
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		return stripped{}
	}
	var h htmlText
	h.walk(doc)
	text := h.b.String()
	if len(text) > maxBody {
		text, _ = capBytes(text, maxBody)
	}
	s := stripPlain(text)
	s.structure = s.structure || h.structure
	return s
}

// walk visits the tree without recursion, so deeply nested markup cannot
// exhaust the stack.
func (h *htmlText) walk(root *html.Node) {
	type visit struct {
		n    *html.Node
		exit bool
	}
	stack := []visit{{n: root}}
	for len(stack) > 0 && !h.stopped {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := v.n
		if v.exit {
			h.newline()
			continue
		}
		if n.Type == html.TextNode {
			h.text(n.Data, inPre(n))
			continue
		}
		if n.Type == html.ElementNode {
			switch classifyElement(n) {
			case htmlSkip:
				continue
			case htmlQuote:
				h.structure = true
				h.newline()
				continue
			case htmlStop:
				h.structure = true
				h.stopped = true
				continue
			}
			switch n.DataAtom {
			case atom.Br:
				h.b.WriteByte('\n')
				continue
			case atom.Td, atom.Th:
				h.text(" ", false)
			}
			if blockAtoms[n.DataAtom] {
				h.newline()
				stack = append(stack, visit{n: n, exit: true})
			}
		}
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, visit{n: c})
		}
	}
}

// newline ends the current line unless it is already ended.
func (h *htmlText) newline() {
	s := h.b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		h.b.WriteByte('\n')
	}
}

// text adds a text node, collapsing white space as a browser does.
func (h *htmlText) text(s string, pre bool) {
	if pre {
		h.b.WriteString(s)
		return
	}
	spaced := strings.HasSuffix(h.b.String(), " ") || strings.HasSuffix(h.b.String(), "\n") || h.b.Len() == 0
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !spaced {
				h.b.WriteByte(' ')
				spaced = true
			}
			continue
		}
		h.b.WriteRune(r)
		spaced = false
	}
}

// inPre reports whether a text node is inside a pre element (a few levels up
// at most, which is where mail programs put it).
func inPre(n *html.Node) bool {
	for p, depth := n.Parent, 0; p != nil && depth < 8; p, depth = p.Parent, depth+1 {
		if p.DataAtom == atom.Pre {
			return true
		}
	}
	return false
}
