package templates

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/form"
)

// Converter turns a legacy .xls workbook into .xlsx. Package xlsconv implements it with Gnumeric
// or LibreOffice; Read itself never runs a program.
type Converter interface {
	ToXLSX(ctx context.Context, xls []byte) ([]byte, error)
}

// ErrLegacy means the data is a legacy .xls (BIFF) workbook; it comes wrapped with ErrUnreadable.
var ErrLegacy = errors.New("legacy .xls workbook")

// ReadAny reads like Read, and converts a legacy .xls workbook with conv first when conv is not
// nil. It returns the .xlsx data it read: data itself, or the conversion. A converted workbook
// carries a warning saying so; a conversion that fails leaves the answer Read gives without a
// converter (save the file as .xlsx).
func ReadAny(ctx context.Context, data []byte, forms []form.Form, keys Keys, lim Limits, conv Converter) (*form.Report, []byte, error) {
	rep, err := ReadKeys(ctx, data, forms, keys, lim)
	if conv == nil || !errors.Is(err, ErrLegacy) {
		return rep, data, err
	}
	xlsx, cerr := conv.ToXLSX(ctx, data)
	if cerr != nil {
		return rep, data, fmt.Errorf("%w (conversion failed: %v)", err, cerr)
	}
	converted, err := ReadKeys(ctx, xlsx, forms, keys, lim)
	converted.Warnings = append([]form.Problem{{Code: CodeConvertedXLS, Message: msgConvertedXLS}}, converted.Warnings...)
	return converted, xlsx, err
}
