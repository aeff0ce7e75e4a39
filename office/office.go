// Package office compiles a validated configuration into the office that runs: its working
// calendar with the public holidays of any year, each form's schedule plan, the mail settings
// of the relay and the mailbox, the letterhead, and the key that signs templates. Every rule and
// offset string of the configuration is parsed here once; the stages of the cycle (receive,
// report, approve, ask), the daemon and the command line take the compiled *Office.
package office

import (
	"fmt"
	"os"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// Office is one office's configuration, compiled. The embedded Config is the data as written;
// the other fields are what was parsed from it.
type Office struct {
	*config.Config
	// Calendar is the office's working calendar: days off, working days and hours.
	Calendar period.Calendar
	// Plans are the forms' schedule plans, by form code: one per period kind of the form.
	Plans map[string]schedule.Plans
	// Mail is how tonghop sends: the relay, the From address, the DKIM signer.
	Mail mailer.Config
	// Key signs the identification hidden in templates; nil for commands that make none.
	Key []byte
	// root is the data directory, opened once by Open; nil: opened for each filing.
	root *os.Root
}

// Compile turns a validated configuration into the office. It does no I/O; the template key is
// the caller's (see LoadTemplateKey). Problems are named by their key path, like Load's.
func Compile(c *config.Config, key []byte) (*Office, error) {
	o := &Office{Config: c, Key: key}
	var problems []string
	cal, err := Calendar(c)
	if err != nil {
		problems = append(problems, fmt.Sprintf("office: %v", err))
	}
	o.Calendar = cal
	if o.Plans, err = plans(c); err != nil {
		problems = append(problems, err.Error())
	}
	mail, err := mailConfig(c)
	if err != nil {
		problems = append(problems, err.Error())
	}
	mail.MessageIDSecret = derive(key, labelMessageID)
	o.Mail = mail
	if lh := c.Office.LetterheadData; len(lh) > 0 { // read at load; its placeholders checked here
		if err := document.CheckTemplate(lh); err != nil {
			problems = append(problems, fmt.Sprintf("office.letterhead: %v", err))
		}
	}
	if len(problems) > 0 {
		return nil, &config.Errors{Path: c.Path, Problems: problems}
	}
	return o, nil
}

// Form is the configured form of that code.
func (o *Office) Form(code string) (*config.Form, bool) { return o.Config.Form(code) }
