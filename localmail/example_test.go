package localmail_test

import (
	"context"
	"fmt"

	"github.com/tonghop/tonghop/localmail"
	"github.com/wneessen/go-mail"
)

// A test or the demo starts a provider, creates mailboxes, lets the code
// under test send through SMTP and then inspects what arrived.
func ExampleStart() {
	srv, err := localmail.Start(localmail.Options{})
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	_ = srv.AddUser("vanphong@sokhcn.gov.vn", "secret")
	_ = srv.AddUser("phongkhtc@sokhcn.gov.vn", "secret")

	client, _ := mail.NewClient("127.0.0.1",
		mail.WithPort(srv.SMTPPort()),
		mail.WithTLSPolicy(mail.NoTLS),
		mail.WithSMTPAuth(mail.SMTPAuthPlain),
		mail.WithUsername("vanphong@sokhcn.gov.vn"),
		mail.WithPassword("secret"))
	msg := mail.NewMsg()
	_ = msg.From("vanphong@sokhcn.gov.vn")
	_ = msg.To("phongkhtc@sokhcn.gov.vn")
	msg.Subject("Báo cáo tháng 5")
	msg.SetBodyString(mail.TypeTextPlain, "Đề nghị gửi báo cáo.")
	if err := client.DialAndSend(msg); err != nil {
		panic(err)
	}

	deliveries, _ := srv.WaitDeliveries(context.Background(), 1)
	inbox, _ := srv.Messages("phongkhtc@sokhcn.gov.vn", "INBOX")
	fmt.Println(len(deliveries), deliveries[0].To, len(inbox))
	// Output: 1 [phongkhtc@sokhcn.gov.vn] 1
}
