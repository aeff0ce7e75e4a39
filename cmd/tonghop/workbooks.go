package main

import (
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/templates"
	"github.com/tonghop/tonghop/xlsconv"
)

// xlsConverter returns the converter files.xls_converter asks for: nil when it is "off", or when
// it is "auto" and neither Gnumeric nor LibreOffice is installed (units are then asked to save
// as .xlsx). A configured path that does not work is an error: the operator asked for it.
func xlsConverter(cfg *config.Config) (templates.Converter, error) {
	switch cfg.Files.XLSConverter {
	case config.ConverterOff:
		return nil, nil
	case config.ConverterAuto, "":
		c, err := xlsconv.Find()
		if errors.Is(err, xlsconv.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	c, err := xlsconv.New(cfg.Files.XLSConverter)
	if err != nil {
		return nil, fmt.Errorf("files.xls_converter: %w", err)
	}
	return c, nil
}

func converterName(c templates.Converter) string {
	if c == nil {
		return "none"
	}
	return fmt.Sprint(c)
}
