package reply

import "strings"

// personNames are common Vietnamese family, middle and given names. A
// capitalised word is taken for a name in a greeting or a sign-off ("Chào
// em Hà", "Duyệt - Hùng") only if it is one of them: "Duyệt. Ngừng" or
// "Duyệt. Khoan" must not read as a signed approval. A name missing here
// makes a reply Unclear, never an approval. Words whose folded form is also
// a decision word (Mai, Nhung, Dung) stay out of reach anyway: the
// vocabulary is matched first.
var personNames = strings.Fields(`
	nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trịnh lâm
	cao lương tạ hà tô chu vương triệu thái châu la quách lưu kiều mạc nghiêm khúc lại tăng âu
	bạch diệp giang hứa khổng lạc lục mẫn nông ông phùng tôn từ vi viên đàm đào lò hầu thân
	trương phí kim ninh tống doãn tiêu cù lã nhữ tiết
	văn thị hữu đức minh quang ngọc thanh xuân thu công đình trọng bá mạnh quốc anh tuấn
	hồng như phương bảo gia thế tiến duy hải thành trung việt khánh hoài diệu mỹ thùy thúy
	bích tường nhật huy cẩm ánh phúc sơn thiện vĩnh chí tấn khắc đăng hoa lan tú tố uyên hạnh
	an bắc bình cường chi chinh chiến cúc dũng duyên đạt đông hạ hằng hân hiền hiếu hiệp hòa
	hoà hoàn học huệ hùng hưng hương hường huyền khải khang khoa khôi kiên linh loan lộc lợi
	long luân lực ly my nam nga ngân nghĩa nguyên nhàn nhân nhi oanh phong phú phụng phượng
	quân quế quý quyên quyết quỳnh sang sâm tài tâm tân thạch thắm thắng thảo thi thịnh thơ
	thoa thông thủy thuỷ thư thương tín toàn trâm trang trí trinh trường tùng tuyết vân vinh
	vy yến bằng chung điệp hậu kha lễ nhạn thuận toản tuyền khuê hảo hoan trà trúc tươi tịnh
	luyến lệ liên liễu lịch lụa mơ nương phấn sen thêu thoan thục tiên tuệ vượng xoan
	hiển hội khiêm khương lạng lâu lũy mừng nhạ phát phước sĩ sỹ tạo thạnh thọ thuần thụy
	triều trực tuân tường vĩ võ vỹ
`)

var (
	personNameSet       = map[string]bool{}
	personNameFoldedSet = map[string]bool{}
)

func init() {
	for _, n := range personNames {
		personNameSet[n] = true
		personNameFoldedSet[fold(n)] = true
	}
}

// isPersonName reports a capitalised word that can be part of a person's
// name: a known Vietnamese name (compared with its diacritics when typed
// with them) that is not also a place or office word.
func isPersonName(t token) bool {
	if !t.upper || !t.name || isNotName(t) {
		return false
	}
	if t.marked {
		return personNameSet[t.orig]
	}
	return personNameFoldedSet[t.fold]
}
