// Package web is the Planning Office's board (issue 22): who has sent what, at a glance, and
// the clerk's actions without a command line. It serves Vietnamese pages rendered on the server
// with html/template from what the ledger holds: per form the matrix of units × periods with the
// rates and their chart, a unit's files with their answers and the difference between two
// versions, a period's drafts, approval and audit trail, and downloads of every stored file.
//
// # Accounts and requests
//
// Every page needs a session: a log-in with a name and password (bcrypt, see HashPassword)
// starts one, stored in the ledger as the sha256 of a random token carried by an HttpOnly,
// SameSite=Strict cookie (Secure when the board's public address is https). Every POST needs,
// besides the session, the session's CSRF token in the form field "csrf", compared in constant
// time. Repeated failures lock the log-in out, per account and per client address. The server
// refuses by default: a request that is not a registered page, download or action is a 404, an
// action without a session, a valid token or a role allowed to act is a 403.
//
// # Adding an action
//
// A state-changing request is an Action, registered from an init function in its own file of
// this package, so that adding one is adding a file:
//
//	func init() {
//		Register(Action{
//			Path: "period/close", // served as POST /act/period/close
//			Role: RoleClerk,      // the least role allowed; the zero Role means RoleClerk
//			Handle: func(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
//				// r.PostForm is parsed and its CSRF token checked; acct.Actor() is the actor
//				// for the stage's audit events. Return where to send the browser next.
//				return PeriodURL(r.PostFormValue("form"), r.PostFormValue("period")), nil
//			},
//		})
//	}
//
// The server has checked the session, the CSRF token and the role before Handle runs, and
// records ActionBoardAction with the account's name after it succeeds. Handle returns a
// Refusal (see Refuse) for a request it will not carry out, shown to the person in Vietnamese
// with status 409; any other error is logged and shown as a failure (500). The test
// TestActions_Refused iterates over Actions(), so every registered action is proved to refuse a
// request without a session, without a valid CSRF token, and from a viewer.
//
// A form that posts to an action is written in a template: a page of its own (RegisterPage,
// with its file in templates/) or a hook of an existing page. The pages call
// {{template "hook-matrix" .}}, {{template "hook-unit" .}} and {{template "hook-period" .}};
// templates/hooks.html defines them empty, and any file in templates/hooks/ parsed after it may
// define them again. Every form carries {{template "csrf" $}} (the view's token).
package web
