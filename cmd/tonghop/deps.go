package main

// Temporary: pins the chosen dependencies while packages are written.
import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/emersion/go-imap/v2/imapclient"
	_ "github.com/emersion/go-imap/v2/imapserver"
	_ "github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	_ "github.com/emersion/go-message/charset"
	_ "github.com/emersion/go-message/mail"
	_ "github.com/emersion/go-sasl"
	_ "github.com/emersion/go-smtp"
	_ "github.com/gofrs/flock"
	_ "github.com/wneessen/go-mail"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)

func main() {}
