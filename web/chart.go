package web

import (
	"fmt"
	"strings"
)

// chart is the small SVG of the reporting and on-time rates over the periods shown, drawn on
// the server: two polylines over a 0–100 % scale, one label per period.
type chart struct {
	Width, Height       int
	Reporting, OnTime   string // polyline points
	Labels              []chartLabel
	Left, Right, Bottom int
	Top                 int
	Ticks               []chartTick
	Empty               bool
}

type chartLabel struct {
	X    int
	Text string
}

type chartTick struct {
	Y    int
	Text string
}

// The chart's frame, in SVG units; the CSS scales it to the screen.
const (
	chartWidth  = 480
	chartHeight = 180
	chartLeft   = 36
	chartRight  = 8
	chartTop    = 8
	chartBottom = 28
)

// rateChart places each period's two rates; with one period only, its points stand alone.
func rateChart(periods []periodHead) chart {
	c := chart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartWidth - chartRight,
		Top: chartTop, Bottom: chartHeight - chartBottom, Empty: len(periods) == 0}
	for _, pct := range []int{0, 50, 100} {
		c.Ticks = append(c.Ticks, chartTick{Y: c.y(float64(pct)), Text: fmt.Sprintf("%d%%", pct)})
	}
	var rep, on []string
	for i, p := range periods {
		x := c.x(i, len(periods))
		rep = append(rep, fmt.Sprintf("%d,%d", x, c.y(p.Reporting)))
		on = append(on, fmt.Sprintf("%d,%d", x, c.y(p.OnTime)))
		c.Labels = append(c.Labels, chartLabel{X: x, Text: shortLabel(p.Label)})
	}
	c.Reporting, c.OnTime = strings.Join(rep, " "), strings.Join(on, " ")
	return c
}

func (c chart) x(i, n int) int {
	if n <= 1 {
		return (c.Left + c.Right) / 2
	}
	return c.Left + i*(c.Right-c.Left)/(n-1)
}

func (c chart) y(pct float64) int {
	pct = min(max(pct, 0), 100)
	return c.Bottom - int(pct*float64(c.Bottom-c.Top)/100+0.5)
}

// shortLabel keeps the end of a period's name, which tells the periods apart ("11/2026" of
// "Tháng 11/2026", "48" of "Tuần 48 (…)").
func shortLabel(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[i+1:]
	}
	return s
}
