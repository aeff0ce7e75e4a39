package browser

import (
	"strconv"
	"strings"
)

func itoa(n int) string { return strconv.Itoa(n) }

// quoteJS writes s as a JavaScript string literal; the board's own addresses need no more.
func quoteJS(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
