#!/usr/bin/env python3
"""Writes word2016/word/document.xml: a unit's monthly report shaped as Word 2016 writes it.

Run from this directory; the other parts of word2016/ are written by hand. See README.md.
"""
NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
      'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'mc:Ignorable="w14 w15 w16se wp14"')
pid = [0x1A2B3C00]


def ids():
    pid[0] += 1
    return 'w14:paraId="%08X" w14:textId="%08X"' % (pid[0], pid[0] + 0x100)


def run(text, rpr=''):
    sp = ' xml:space="preserve"' if text != text.strip() else ''
    return '<w:r w:rsidRPr="00172A27">%s<w:t%s>%s</w:t></w:r>' % (
        ('<w:rPr>%s</w:rPr>' % rpr) if rpr else '', sp, text)


def p(text, ppr='', rpr='', rsid='00C41A2F'):
    return '<w:p %s w:rsidR="%s" w:rsidRDefault="00172A27" w:rsidP="00172A27">%s%s</w:p>' % (
        ids(), rsid, ('<w:pPr>%s</w:pPr>' % ppr) if ppr else '', run(text, rpr) if text else '')


center = '<w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>'
b = '<w:b/><w:bCs/>'


def cell(w, paras):
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (w, ''.join(paras))


def tbl(rows, grid):
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" '
            'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            '<w:tblGrid>%s</w:tblGrid>' % ''.join('<w:gridCol w:w="%d"/>' % g for g in grid)
            + ''.join('<w:tr w:rsidR="004E1F3B" w:rsidTr="004E1F3B">%s</w:tr>'
                      % ''.join(cell(grid[i], c) for i, c in enumerate(r)) for r in rows)
            + '</w:tbl>')


list_a = '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>'
head = tbl([
    [[p('BAN QUẢN LÝ CÁC KCN (THỬ)', center, '<w:sz w:val="26"/>'),
      p('PHÒNG QLDN', center, b + '<w:sz w:val="26"/>')],
     [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', center, b + '<w:sz w:val="26"/>'),
      p('Độc lập - Tự do - Hạnh phúc', center, b)]],
    [[p('Số: 52/BC-QLDN', center)], [p('Hòa Bình, ngày 03 tháng 12 năm 2026', center, '<w:i/><w:iCs/>')]],
], [3686, 5670])
body = [
    head,
    p('', center),
    p('BÁO CÁO', center, b),
    p('Kết quả công tác tháng 11 năm 2026', center, b),
    p('Kết quả thực hiện nhiệm vụ', '<w:pStyle w:val="Heading1"/>', rsid='00172A27'),
    # A bullet with a tracked insertion and deletion, and the _GoBack bookmark Word leaves.
    '<w:p %s w:rsidR="004E1F3B" w:rsidRDefault="00172A27" w:rsidP="00172A27"><w:pPr><w:numPr>'
    '<w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>' % ids()
    + run('Hoàn thành ')
    + '<w:del w:id="1" w:author="QLDN" w:date="2026-12-03T08:20:00Z"><w:r w:rsidDel="004E1F3B">'
      '<w:delText>11/12</w:delText></w:r></w:del><w:ins w:id="2" w:author="QLDN" '
      'w:date="2026-12-03T08:20:00Z"><w:r w:rsidR="004E1F3B"><w:t>12/12</w:t></w:r></w:ins>'
    + '<w:proofErr w:type="spellStart"/>' + run(' nhiệm vụ được giao trong tháng.')
    + '<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
      '<w:bookmarkEnd w:id="0"/></w:p>',
    p('Công tác tham mưu: trình Trưởng Ban 3 văn bản về quản lý doanh nghiệp.', list_a),
    p('Công tác kiểm tra: kiểm tra 8 doanh nghiệp theo kế hoạch.', list_a),
    p('Đánh giá chung', '<w:pStyle w:val="Heading1"/>', rsid='00172A27'),
    p('Kết quả nổi bật', '<w:pStyle w:val="Heading2"/>', rsid='00172A27'),
    '<w:p %s w:rsidR="004E1F3B" w:rsidRDefault="00172A27"><w:pPr/>' % ids()
    + run('Thu hút 2 dự án mới, tổng vốn đăng ký 1.250 tỷ đồng (chi tiết tại ')
    + '<w:hyperlink r:id="rId7" w:history="1"><w:r w:rsidRPr="004E1F3B"><w:rPr><w:rStyle '
      'w:val="Hyperlink"/></w:rPr><w:t>Cổng thông tin của Ban</w:t></w:r></w:hyperlink>'
    + run(').') + '</w:p>',
    p('Tồn tại, hạn chế', '<w:pStyle w:val="Heading2"/>', rsid='00172A27'),
    p('Tiến độ giải ngân vốn của một số dự án còn chậm.'),
    p('Phương hướng, nhiệm vụ tháng 12', '<w:pStyle w:val="Heading1"/>', rsid='00172A27'),
    p('Đôn đốc các doanh nghiệp hoàn thành báo cáo năm 2026.'),
    p('Kiến nghị, đề xuất', '<w:pStyle w:val="Heading1"/>', rsid='00172A27'),
    p('Không.'),
    tbl([[[p('Nơi nhận:', '<w:ind w:firstLine="0"/>', b + '<w:i/><w:sz w:val="24"/>'),
           p('- Văn phòng Ban;', '<w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/>',
             '<w:sz w:val="22"/>'),
           p('- Lưu: VT, QLDN.', '<w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/>',
             '<w:sz w:val="22"/>')],
          [p('TRƯỞNG PHÒNG', center, b), p('', center), p('', center), p('Lê Thị Bình', center, b)]]],
        [4536, 4820]),
    '<w:sectPr w:rsidR="00172A27" w:rsidSect="00C41A2F"><w:pgSz w:w="11906" w:h="16838" w:code="9"/>'
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" '
    'w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="381"/></w:sectPr>',
]
with open('word2016/word/document.xml', 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<w:document %s><w:body>%s</w:body></w:document>' % (NS, ''.join(body)))
