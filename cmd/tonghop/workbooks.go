package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/office"
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

// pdfConverter converts issued documents to PDF with LibreOffice when it is installed (issue
// 20); nil without it: the .docx goes alone.
func pdfConverter() func(ctx context.Context, docx []byte) ([]byte, error) {
	c, err := xlsconv.FindSoffice()
	if err != nil {
		return nil
	}
	return c.ToPDF
}

func converterName(c templates.Converter) string {
	if c == nil {
		return "none"
	}
	return fmt.Sprint(c)
}

// compileOffice compiles a loaded configuration for a command; withKey loads the template key
// (creating it on first use), which the commands that read or make templates need.
func compileOffice(cfg *config.Config, withKey bool) (*office.Office, error) {
	var key []byte
	if withKey {
		var err error
		if key, err = office.LoadTemplateKey(cfg); err != nil {
			return nil, err
		}
	}
	return office.Compile(cfg, key)
}
