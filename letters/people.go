package letters

import "strings"

// People as letters name and greet them: a leader "Kính gửi: Đồng chí Lê Văn Cường, Chánh Văn
// phòng", several in a list, the clerks by name rather than the desk they work at, the leaders as
// a body ("Lãnh đạo Ban") when there are more than a few.

// Person is someone a letter names: "đồng chí Trần Thị Bình, Chánh Văn phòng".
type Person struct{ Title, Name string }

// String is the title and the name: "Chánh Văn phòng Trần Thị Bình".
func (p Person) String() string { return strings.TrimSpace(p.Title + " " + p.Name) }

// Named writes a person as a letter names them inside a sentence: "đồng chí Lê Văn Cường, Chánh
// Văn phòng"; a person without a name is the title, one known only by an address the address.
func (p Person) Named() string {
	name, title := strings.TrimSpace(p.Name), strings.TrimSpace(p.Title)
	switch {
	case name == "":
		return title
	case strings.Contains(name, "@"):
		return SafeText(name)
	case title == "":
		return "đồng chí " + name
	}
	return "đồng chí " + name + ", " + title
}

// namedThen is Named ready for a verb: "đồng chí Lê Văn Cường, Chánh Văn phòng, đã duyệt", the
// title set off by commas.
func (p Person) namedThen() string { return setOff(p.Named()) }

// setOff ends with a comma a name followed by a title ("đồng chí A, Trưởng Ban"), so that the
// sentence can go on after it.
func setOff(named string) string {
	if strings.Contains(named, ", ") {
		return named + ","
	}
	return named
}

// PersonNames writes "đồng chí Trần Thị Bình, Chánh Văn phòng" or, for a step of several people,
// joins them with "hoặc": "đồng chí A, Chánh Văn phòng, hoặc đồng chí B, Phó Chánh Văn phòng".
func PersonNames(people []Person) string {
	var s string
	for i, p := range people {
		switch {
		case i == 0:
		case strings.Contains(people[i-1].Named(), ", "):
			s += ", hoặc "
		default:
			s += " hoặc "
		}
		s += p.Named()
	}
	return s
}

// maxNamed is how many people a greeting lists one by one; more are greeted as a body.
const maxNamed = 3

// toPeople greets people by name and title, one line each when there are several (Decree 30's
// "Kính gửi:" followed by a list); otherwise, or when there are none, it greets body.
func toPeople(people []Person, body string) string {
	switch {
	case len(people) == 1:
		return "Kính gửi: " + upperFirst(people[0].Named())
	case len(people) == 0 || len(people) > maxNamed:
		return "Kính gửi: " + body
	}
	lines := []string{"Kính gửi:"}
	for i, p := range people {
		end := ";"
		if i == len(people)-1 {
			end = "."
		}
		lines = append(lines, "- "+upperFirst(p.Named())+end)
	}
	return strings.Join(lines, "\n")
}

// toLeader greets one leader: "Kính gửi: Đồng chí Lê Văn Cường, Chánh Văn phòng".
func toLeader(p Person) string { return toPeople([]Person{p}, "") }

// toDesk greets the clerks of the collecting desk, by name: the desk is where they work, not
// whom a letter is written to.
func toDesk(o Office) string {
	return toPeople(o.Clerks, "Các đồng chí phụ trách tổng hợp báo cáo, "+desk(o))
}

// deskYou is how a letter to the clerks says "you": "đồng chí" to one, "các đồng chí" to several.
func deskYou(o Office) string {
	if len(o.Clerks) == 1 {
		return "đồng chí"
	}
	return "các đồng chí"
}

// leadersOf names the leaders of the office as a body: "Lãnh đạo Ban", "Lãnh đạo Sở", from the
// first word of its name; "Lãnh đạo cơ quan" when the name does not say.
func leadersOf(o Office) string {
	name := strings.TrimSpace(o.Name)
	for _, kind := range []string{"Ban", "Sở", "Cục", "Vụ", "Viện", "Tổng cục", "Trung tâm", "Phòng"} {
		if strings.HasPrefix(name, kind+" ") {
			return "Lãnh đạo " + kind
		}
	}
	return "Lãnh đạo cơ quan"
}
