// Package reportbook writes the Planning Office's consolidated workbook (.xlsx) of one form and
// period from the pure model of the consolidate package and the period's status matrix.
//
// # Sheets
//
//   - "Tổng hợp": the title block (office, desk, form, period, "DỰ THẢO lần N" or who approved
//     it when, time of building), each indicator table aggregated across units with, under
//     it, a note each for the year to date and the same period last year saying which units'
//     figures the ledger rebuilt from their files, which with figures imported from files of
//     history, which the units typed themselves and which are unknown (basis.go), each list
//     table with every unit's rows, the units still missing and the clerk's warnings.
//   - "Nội dung báo cáo": the narrative, section by section, every unit's text under its
//     heading, a paragraph a row. Left out when the form has no narrative.
//   - "Tình hình gửi": every expected unit's status, version, arrival, files sent and
//     reminders, then the reporting rate and the on-time rate.
//   - "Nguồn số liệu": the file behind every unit's figures: version, arrival, lateness, file
//     name, SHA-256 and Message-ID; below, the imported files of history the figures use, by
//     unit and period.
//   - the details per unit: with at most UnitSheetLimit expected units a sheet per unit,
//     named from its code (figures, each year to date and last year's with its source,
//     rows, texts; "sent nothing" for a missing unit); with
//     more, one long sheet "Chi tiết đơn vị" with every unit's own figures, one row per unit
//     and indicator. The list rows are not repeated there: "Tổng hợp" already has them with
//     their unit. The details come last so that the four sheets everyone reads stay in view
//     on the tab bar.
//
// # Output
//
// Sheets are written with excelize's stream writer, row after row, as inline strings: the
// memory used grows with the compressed workbook, not with the number of cells. Every text
// coming from units goes through safeText (text.go), which keeps it inert, valid XML, NFC
// and within Excel's cell limit. Figures are numbers, percentages are fractions under a
// percent format, dates and times are Excel dates in the office's time zone; styles.go says
// why each figure picks its number format. Every sheet prints on A4, one page wide,
// landscape when its columns are wide, with page numbers in the footer; the header rows of
// the long tables stay in view and are repeated on every printed page.
//
// The document properties record the form, period, draft, build time, ledger state and,
// once approved, the approval (the Prop… constants), so a program can tell which
// consolidation a file holds without reading its cells.
package reportbook
