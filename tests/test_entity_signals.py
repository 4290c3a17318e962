"""Signals of a name's boundary that hold on any Vietnamese news text
(issue 18): words glued across a lost line break, a sentence's first word,
the words of a body's name in sentence case, the verb that ends a name.

Every sentence is cut verbatim from a real article: the reader corpus
(tests/fixtures/reader/articles, sources in its README), or the crawl
dzungcamlang/crawler_baomoi at commit 82860ea6c6e36130e83d3282dc60a8f4cda81870
(``data/<id>.txt``, named with each case), none of them in a held-out set.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.entities import article_mentions, find_mentions, organisation_abbreviations
from briefbook.analyse.glossary import find_definitions
from briefbook.book import read_article
from briefbook.core.records import EntityKind, GlossaryEntry

from .entitycases import Named
from .entitycases import found as _found

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


# (sentence, what must be found, what must not be found)
CASES = [
    # data/11134521.txt: a paragraph glued to the name that ends the one before.
    (
        "nhất là các sản phẩm bán trôi nổi trên mạng Internet.Bác sĩ Nguyễn Thanh TháiGần đây, một nam"
        " thanh niên (TP.HCM) cũng đã khiến cư dân mạng",
        {(PERSON, "Nguyễn Thanh Thái")},
        {(PERSON, "Nguyễn Thanh TháiGần")},
    ),
    # data/11127630.txt: a sentence's first word is no part of the name before it.
    (
        "Hàn Quốc đã mạnh mẽ bác bỏ điều kiện này và gọi đây là một điều kiện “vô lý”."
        "Nguyễn Thủy Theo Telegraph",
        {(PERSON, "Nguyễn Thủy")},
        {(PERSON, "Nguyễn Thủy Theo Telegraph")},
    ),
    # data/11117224.txt: a body's name in sentence case, its compound word
    # written with the new tone placement ("văn hóa", the dictionary's "văn hoá").
    (
        "Tại Trung tâm Văn hóa quận Ba Đình (số 180 phố Quán Thánh), giá một khóa học bơi là 750 nghìn",
        {(ORG, "Trung tâm Văn hóa quận Ba Đình")},
        {(ORG, "Trung tâm Văn")},
    ),
    # data/11117224.txt, data/11144738.txt: "và" joins two fields of one body.
    (
        "Theo thống kê chưa đầy đủ của Cục Chăm sóc và bảo vệ trẻ em (Bộ Lao động, Thương binh và Xã hội),"
        " cho đến thời điểm này",
        {(ORG, "Cục Chăm sóc và bảo vệ trẻ em")},
        {(ORG, "Cục Chăm sóc")},
    ),
    (
        "theo đánh giá của Tổ chức Hợp tác và phát triển kinh tế (OECD). Chỉ số",
        {(ORG, "Tổ chức Hợp tác và phát triển kinh tế")},
        {(ORG, "Tổ chức Hợp tác")},
    ),
    # data/11115375.txt: a sentence glued after a full stop ("27.5.Thủ tướng");
    # a role, a country, a foreign name.
    (
        "theo BBC dẫn thông cáo chính phủ Úc ngày 27.5.Thủ tướng Úc Julia Gillard cho biết người Úc"
        " ngày càng",
        {(PERSON, "Julia Gillard")},
        set(),
    ),
    # data/11126929.txt: a country the gazetteer knows ends the role, not the name.
    (
        "Trong cuộc gặp Tổng thống Colombia Juan Manuel Santos, Phó Tổng thống Mỹ Joe Biden nói, Mỹ sẵn",
        {(PERSON, "Juan Manuel Santos"), (PERSON, "Joe Biden")},
        {(PERSON, "Colombia Juan Manuel Santos"), (PERSON, "Phó Tổng")},
    ),
    # data/11117224.txt, data/11155912.txt: a school named after a person or
    # a place is one body; a district's name is a place.
    (
        "Ngày 24-4 vừa qua, bảy em học sinh lớp 8 Trường THCS Văn Khê, huyện Mê Linh kéo nhau ra khu"
        " vực sông",
        {(ORG, "Trường THCS Văn Khê")},
        {(PERSON, "Văn Khê"), (ORG, "Trường THCS")},
    ),
    (
        "Ông Nguyễn Quốc Hùng - Phó Chủ tịch Hội đồng thi Trường THPT Lê Quý Đôn, Hà Đông, cho biết:",
        {(PERSON, "Nguyễn Quốc Hùng"), (ORG, "Trường THPT Lê Quý Đôn"), (PLACE, "Hà Đông")},
        {(PERSON, "Lê Quý Đôn"), (PERSON, "Hà Đông")},
    ),
    # data/11155912.txt: the streets of a crossing, joined by a dash.
    (
        "Tại ba khu vực đang xây dựng ba cầu vượt bằng thép là giao lộ Cộng Hòa - Hoàng Hoa Thám, giao lộ"
        " Nguyễn Tri Phương - Ba Tháng Hai - Lý Thái Tổ và b",
        {(PLACE, "Hoàng Hoa Thám"), (PLACE, "Nguyễn Tri Phương"), (PLACE, "Lý Thái Tổ")},
        {(PERSON, "Hoàng Hoa Thám"), (PERSON, "Nguyễn Tri Phương"), (PERSON, "Lý Thái Tổ")},
    ),
    # data/11111170.txt, data/11112751.txt: a name of any language, then the
    # person's function after a comma.
    (
        "ruyền thống sẽ chấm dứt như nhiều người vẫn nghĩ. Christopher Schouten, Giám đốc Marketing cấp cao"
        " của công ty công nghệ Irdeto (Mỹ), cho rằ",
        {(PERSON, "Christopher Schouten")},
        set(),
    ),
    (
        "iền và trao đổi ngoại tệ bất hợp pháp quan trọng. Yan Lixin, Tổng thư ký Trung tâm Nghiên cứu chống"
        " rửa tiền, thuộc Đại học Fudan Tr",
        {(PERSON, "Yan Lixin")},
        set(),
    ),
    # data/11126382.txt: ... not when the function is the next person's.
    (
        "tranh cãi của các nhà khoa học về dự án Đàn Xã Tắc, Bí thư Thành ủy Hà Nội Phạm Quang Nghị đã có c",
        {(PERSON, "Phạm Quang Nghị")},
        {(PERSON, "Đàn Xã Tắc")},
    ),
    # data/11114667.txt: a foreign name that a verb of saying follows.
    (
        "ể sinh con được nữa.Brad Pitt cho rằng Angelina Jolie đã thật dũng cảm và anh",
        {(PERSON, "Brad Pitt")},
        set(),
    ),
    # data/11112630.txt, data/11115945.txt, data/11113141.txt: a head of
    # government with its field in lower case (here with the body it belongs
    # to after it: the whole is its name, and the parent is named too).
    (
        "Cuối tuần qua, Ban tuyên giáo Tỉnh ủy Quảng Trị - Sở TT-TT Quảng Trị và UBND huyện Hướng Hóa vừa t",
        {(ORG, "Ban tuyên giáo Tỉnh ủy Quảng Trị"), (ORG, "Tỉnh ủy Quảng Trị")},
        {(ORG, "Ban tuyên giáo")},
    ),
    (
        "Theo thông báo, giao Sở xây dựng chủ trì, phối hợp với các đơn vị: Công ty Nước sạc",
        {(ORG, "Sở xây dựng")},
        set(),
    ),
    (
        "iám đốc Bệnh viện Y học dân tộc Hà Nội, Phó tránh thanh tra Sở y tế Hà Nội… Từng được cử đi"
        " tham quan",
        {(ORG, "Sở y tế Hà Nội")},
        set(),
    ),
    # data/11147307.txt: a place ends the body's name.
    (
        "Sở Y tế Hà Nội hỗ trợ huyện Mường Lát phòng, chống HIV/AIDS",
        {(ORG, "Sở Y tế Hà Nội")},
        {(ORG, "Sở Y tế Hà Nội hỗ trợ huyện Mường Lát phòng, chống HIV/AIDS")},
    ),
    # data/11141420.txt: a dash, then the person speaking for the body.
    (
        "Phát ngôn Bệnh viện Đại học Aachen - Mathias Brandstaedter - cho biết ca bệnh đặc bi",
        {(ORG, "Bệnh viện Đại học Aachen")},
        {(ORG, "Bệnh viện Đại học Aachen - Mathias Brandstaedter")},
    ),
    # data/11122634.txt: the next sentence's first word, after an abbreviation's
    # full stop, ends the name.
    (
        "phát triển nhà ở đến năm 2020 của Tổng Công ty HUD. Trong đó, giai đoạn 2013-2015, HUD",
        {(ORG, "Tổng Công ty HUD")},
        {(ORG, "Tổng Công ty HUD. Trong")},
    ),
    # data/11145506.txt: verbs after a ministry's name.
    (
        "mong muốn toàn thể ban cán sự Đảng Bộ Y tế đoàn kết hơn nữa vượt qua khó khăn để xứng đáng với niềm",
        {(ORG, "Bộ Y tế")},
        {(ORG, "Bộ Y tế đoàn kết hơn nữa vượt qua khó khăn")},
    ),
    # data/11114364.txt: a role that is also a body's head.
    (
        "ban chống tham nhũng Indonesia sang thăm Việt Nam, Phó Tổng Thanh tra Trần Đức Lượng đánh giá cao",
        {(PERSON, "Trần Đức Lượng")},
        {(ORG, "Thanh tra Trần Đức Lượng"), (PERSON, "Phó Tổng")},
    ),
    # data/11126929.txt: a role, its body with the country, a foreign name.
    (
        "Trong khi đó, Bộ trưởng Bộ Quốc phòng Israel Moshe Yaalon tuyên bố, Tel Aviv biết phải",
        {(ORG, "Bộ Quốc phòng Israel"), (PERSON, "Moshe Yaalon")},
        {(ORG, "Bộ Quốc phòng Israel Moshe Yaalon")},
    ),
    # data/11141715.txt: a family name of Vietnam's less common ones.
    (
        "Theo Giám đốc Bệnh viện Truyền máu huyết học TP Hồ Chí Minh Phù Chí Dũng, với trường dị ghép",
        {(PERSON, "Phù Chí Dũng")},
        {(ORG, "Bệnh viện Truyền máu huyết học TP Hồ Chí Minh Phù Chí Dũng")},
    ),
    # tests/fixtures/articles/11_baomoi-itec-th-benh-vien-5-sao-nhat-ban: a
    # minister's role names the ministry by its field; a name after a
    # body's "(ABBR)".
    (
        "dưới sự chứng kiến của Thủ tướng Nguyễn Xuân Phúc, Bộ trưởng Kế hoạch và Đầu tư Nguyễn Chí Dũng, Bộ",
        {(ORG, "Kế hoạch và Đầu tư"), (PERSON, "Nguyễn Chí Dũng")},
        set(),
    ),
    (
        "ông Thương Trần Tuấn Anh, Chủ tịch Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) Hiroyuki Ishige cùng"
        " nhiều lãnh đạo cao cấp khác của ha",
        {(ORG, "Tổ chức Xúc tiến Thương mại Nhật Bản"), (PERSON, "Hiroyuki Ishige")},
        set(),
    ),
    # data/11126929.txt: ... with its country, then the person.
    (
        "Phản ứng trước quyết định trên, hôm 28/5, Thứ trưởng Ngoại giao Nga Sergei Ryabkov tuyên bố"
        " việc Liên",
        {(ORG, "Ngoại giao Nga"), (PERSON, "Sergei Ryabkov")},
        {(PERSON, "Nga Sergei Ryabkov")},
    ),
    # tests/fixtures/articles/09_baomoi-kon-tum-phoi-nhiem-hiv-arv: the
    # compound words of a field in lower case right after the head.
    (
        "Trước đó, Trung tâm phòng chống HIV/AIDS tỉnh Kon Tum đã cấp phát thuốc điều trị ph",
        {(ORG, "Trung tâm phòng chống HIV/AIDS tỉnh Kon Tum")},
        set(),
    ),
    # ione_html_kho-hanh-vi-bot-la: a person's name the text introduces.
    (
        "bác sỹ phẫu thuật giải phẫu hàng đầu của Anh có tên Neil Bulstrode, đã đồng ý phẫu thuật"
        " miễn phí cho",
        {(PERSON, "Neil Bulstrode")},
        set(),
    ),
    # data/11155775.txt: a street named after a person, its word capitalised.
    (
        "Đường Nguyễn Văn Linh (TP Đà Nẵng) là tuyến đường kiểu mẫu",
        {(PLACE, "Nguyễn Văn Linh")},
        {(PERSON, "Nguyễn Văn Linh")},
    ),
    # data/11125875.txt, data/11155912.txt: "Trường" and one name is no school.
    (
        "iện hải trình khám chữa bệnh cho quân và dân trên quần đảo Trường Sa cho biết, tàu vừa cấp cứu th",
        set(),
        {(ORG, "Trường Sa")},
    ),
    (
        "Khu vực vòng xoay An Sương và tuyến đường Trường Chinh (kéo dài từ ng",
        set(),
        {(ORG, "Trường Chinh")},
    ),
    # data/11133131.txt: a country's words in a body's name.
    (
        "hợp tác với các đối tác đặc biệt với Đại sứ quán Tây Ban Nha tại Việt Nam. Ngay từ đầu năm (t",
        {(ORG, "Đại sứ quán Tây Ban Nha tại Việt Nam")},
        {(ORG, "Ban Nha"), (ORG, "Đại sứ quán Tây")},
    ),
    # data/11155030.txt, data/11150030.txt, data/11115375.txt: a body after
    # its head in lower case; "chính phủ" with a country.
    (
        "tư vấn cháu đến khám tại khoa Phẫu thuật Nhi, bệnh viện Việt Đức. Các bác sĩ chẩn đoán cháu bị",
        {(ORG, "bệnh viện Việt Đức")},
        {(ORG, "viện Việt Đức")},
    ),
    (
        "uể oải, ăn không ngon miệng, hay vã mồ hôi. Đến bệnh viện Bạch Mai, sau kết quả xét ng",
        {(ORG, "bệnh viện Bạch Mai")},
        {(PERSON, "Bạch Mai")},
    ),
    (
        "hể thao đang diễn ra. Đây là nỗ lực của chính phủ Úc nhằm ngăn chặn nạn nghiện bài",
        {(ORG, "chính phủ Úc")},
        set(),
    ),
    # data/11113518.txt: ... not the end of a word ("Thượng viện").
    (
        "thống Carlo Azeglio Ciampi và Chủ tịch Thượng viện Pietro Grasso.Theo tin tức được đ",
        set(),
        {(ORG, "viện Pietro Grasso")},
    ),
    # sggp_dump_bo-truong-giam-tai-benh-vien: a verb ends the name.
    (
        "rất khó để kêu gọi bác sĩ về cơ sở công tác. Bộ Y tế hy vọng quy định về nghĩa vụ xã hội tới đây"
        " khi được thực hiện sẽ",
        {(ORG, "Bộ Y tế")},
        {(ORG, "Bộ Y tế hy vọng quy định")},
    ),
    # infonet_dump_y-ta-an-bot-vac-xin: ... but not a second body.
    (
        "luật của Sở Y tế và cơ quan chức năng. Nếu mức độ sai phạm đến đâu,",
        {(ORG, "Sở Y tế")},
        {(ORG, "Sở Y tế và cơ quan chức năng")},
    ),
    # data/11112580.txt, data/11112332.txt: another country's government is
    # named with its country.
    (
        "Chính phủ Hàn Quốc nên kiềm chế hơn nữa khi đưa ra nhận định về mối quan hệ với Triều Ti",
        {(ORG, "Chính phủ Hàn Quốc")},
        {(ORG, "Chính phủ")},
    ),
    (
        "ước đi cơ bản để thực hiện các nghĩa vụ theo thỏa thuận với Chính phủ Mỹ và Chính phủ Anh",
        {(ORG, "Chính phủ Mỹ")},
        set(),
    ),
    # qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc: the same, the country's name hyphenated.
    (
        "Nguyễn Tấn Dũng nhận lời mời của Chính phủ Xin-ga-po và Ban tổ chức tham dự",
        {(ORG, "Chính phủ Xin-ga-po")},
        {(ORG, "Chính phủ"), (PLACE, "Xin-ga-po")},
    ),
    # qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc: ministers of many
    # countries in a list that "các" opens name no one ministry.
    (
        "Đại biểu được mời tham dự đối thoại là các Bộ trưởng Quốc phòng, Bộ trưởng Ngoại giao, Cố vấn an"
        " ninh quốc gia, Tổng tham mưu trưởng",
        set(),
        {(ORG, "Quốc phòng"), (ORG, "Ngoại giao")},
    ),
    # data/11133584.txt, data/11120890.txt, data/11117054.txt: a surname that
    # ends a province's name ("Hậu Giang", "Hải Dương", "Quảng Ninh") opens no
    # person's name: the province ends the body, the person follows.
    (
        "Phó Giám đốc Sở Y tế Hậu Giang Phan Thanh Tùng tính toán: Mỗi năm, ngành chỉ cần khoảng sáu tỷ đ",
        {(ORG, "Sở Y tế Hậu Giang"), (PERSON, "Phan Thanh Tùng")},
        {(PERSON, "Giang Phan Thanh Tùng")},
    ),
    (
        "Giám đốc Sở GTVT Hải Dương Lê Đình Long vừa có văn bản báo cáo UBND tỉnh và Bộ GTVT về việc xử",
        {(ORG, "Sở GTVT Hải Dương"), (PERSON, "Lê Đình Long")},
        {(PERSON, "Dương Lê Đình Long")},
    ),
    (
        "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Đọc đã gửi thư cho lãnh đạo huyện Đông Triều, Sở Văn h",
        {(ORG, "UBND tỉnh Quảng Ninh"), (PERSON, "Nguyễn Văn Đọc")},
        {(PERSON, "Ninh Nguyễn Văn Đọc")},
    ),
    # data/11116015.txt, data/11146094.txt: the same for a commune's or a
    # district's name of two syllables after its place word, which the
    # gazetteer does not know ("xã Sơn Giang", "huyện Sơn Dương").
    (
        "Chủ tịch UBND xã Sơn Giang Phạm Quốc Thông, xác nhận: Từ tháng 10-2012, Vân là nhâ",
        {(ORG, "UBND xã Sơn Giang"), (PERSON, "Phạm Quốc Thông")},
        {(PERSON, "Giang Phạm Quốc Thông")},
    ),
    (
        "ông Chủ tịch UBND huyện Sơn Dương Lê Hồng Quang vẫn ra quyết định áp dụng biện pháp cưỡng chế",
        {(ORG, "UBND huyện Sơn Dương"), (PERSON, "Lê Hồng Quang")},
        {(PERSON, "Dương Lê Hồng Quang")},
    ),
    # vtc_dump_thuc-pham-ban-bua-vay-nguoi-ha-noi: a body named by its field
    # in lower case, then the body it belongs to, after a role.
    (
        "Trong khi đó, ông Phan Đăng Long - Phó trưởng Ban tuyên giáo Thành ủy Hà Nội cho hay: “Thông qua các"
        " cơ quan báo chí",
        {(PERSON, "Phan Đăng Long"), (ORG, "Ban tuyên giáo Thành ủy Hà Nội"), (ORG, "Thành ủy Hà Nội")},
        {(ORG, "Ban tuyên giáo")},
    ),
    # data/11144408.txt, data/11147547.txt: a head word that ends a compound
    # word of the name ("Đa Khoa") starts no second body.
    (
        "Theo xác nhận tại khoa cấp cứu Bệnh viện Đa Khoa tỉnh Đăk Lăk, 4 nạn nhân được chuyển lên cấp cứu",
        {(ORG, "Bệnh viện Đa Khoa tỉnh Đăk Lăk")},
        {(ORG, "Bệnh viện Đa"), (ORG, "Khoa tỉnh Đăk Lăk")},
    ),
    (
        "Khoa cấp cứu Bệnh viện Đa Khoa tỉnh Đắk Lắk cho biết, trong số 4 nạn nhân được chuyển lên",
        {(ORG, "Bệnh viện Đa Khoa tỉnh Đắk Lắk")},
        {(ORG, "Bệnh viện Đa")},
    ),
    # data/11127288.txt: a name in any language, then ", một <what the person is>".
    (
        "Zha Daojiong, một giáo sư quan hệ quốc tế tại Đại học Bắc Kinh của Trung Quốc cho biết, nước này r",
        {(PERSON, "Zha Daojiong")},
        set(),
    ),
    # data/11148279.txt: the same, inside a sentence.
    (
        "Thohir là con cả của Teddy Thohir, một nhà tỷ phú Indonesia có sản nghiệp lên đến 25 tỉ euro",
        {(PERSON, "Teddy Thohir")},
        set(),
    ),
    # vnexpress_html_dau-hieu-trieu-phu: the same, after a quotation.
    (
        '"Khả năng trì hoãn sự thoả mãn là một trong những bước quan trọng nhất để trở thành triệu phú",'
        " Jason Hall, một cây viết và biên tập viên cho The Motley Fool ghi.",
        {(PERSON, "Jason Hall")},
        set(),
    ),
    # vnexpress_html_dau-hieu-trieu-phu: a first name's initial belongs to the name.
    (
        "Người nghèo tin rằng 'dòng đời xô đẩy tôi\", T. Harv Eker viết trong cuốn sách Bí mật tư duy triệu"
        " phú.",
        {(PERSON, "T. Harv Eker")},
        {(PERSON, "Harv Eker")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_boundaries(text: str, present: set[Named], absent: set[Named]) -> None:
    found = _found(text)
    assert present <= found, found
    assert not (absent & found), found


# data/11111249.txt, data/11135773.txt: a body defined by its abbreviation,
# its long form capitalised as a name with no head word of the rules.
DEFINED = [
    (
        "Ngày 26/5, CTCP Quốc Cường Gia Lai (QCG) đã tổ chức thành công ĐHCĐ thường niên năm 2013",
        "QCG",
        "Quốc Cường Gia Lai",
    ),
    (
        "(HQ Online)- Kể từ đầu năm đến ngày 29-5-2013, Kho bạc Nhà nước (KBNN) đã huy động được 84",
        "KBNN",
        "Kho bạc Nhà nước",
    ),
]


@pytest.mark.parametrize(("text", "abbr", "long_form"), DEFINED)
def test_long_form_defined_in_the_text_names_a_body(text: str, abbr: str, long_form: str) -> None:
    text = unicodedata.normalize("NFC", text)
    entries = [GlossaryEntry(a, f, origin="chapter") for a, f in find_definitions(text)]
    abbreviations = organisation_abbreviations(entries)
    assert abbreviations.get(abbr) == long_form
    found = {(kind, surface) for kind, surface, _ in find_mentions(text, abbreviations)}
    assert {(ORG, long_form), (ORG, abbr)} <= found


def test_an_english_term_a_place_a_notion_defined_in_the_text_are_no_body() -> None:
    """Long forms of the crawl (data/11111120.txt, 11113287.txt, 11111443.txt...)."""
    entries = [
        GlossaryEntry("HLA", "Human Leucocyte Antigen", origin="chapter"),
        GlossaryEntry("TPHCM", "Thành phố Hồ Chí Minh", origin="chapter"),
        GlossaryEntry("CPI", "Chỉ số Giá tiêu dùng", origin="chapter"),
        GlossaryEntry("XHCN", "Xã hội Chủ nghĩa", origin="chapter"),
        GlossaryEntry("TTTĐ", "Hà Linh", origin="chapter"),  # a byline and the outlet
        GlossaryEntry("VH,TT&DL", "Văn hóa, Thể thao và Du lịch", origin="chapter"),
    ]
    assert organisation_abbreviations(entries) == {}


def test_a_source_credit_run_into_the_text_names_no_one() -> None:
    """24h_html_lo-luyen-thi-cong-chuc-han-quoc (reader corpus): "... hôm
    13/12. Theo Sầm Hoa (Vietnamnet/Reuters) (6816 bình chọn ..." signs the
    story; Sầm is a family name, the credit no mention."""
    path = (
        Path(__file__).parent
        / "fixtures"
        / "reader"
        / "articles"
        / "24h_html_lo-luyen-thi-cong-chuc-han-quoc.html"
    )
    article = read_article(path, PurePath(path.name))[1]
    # The signature is read as the byline now (the page read as a browser
    # copies it); run into the text or not, it names no one of the text.
    in_text = any(
        "Theo Sầm Hoa (Vietnamnet/Reuters)" in p.text for s in article.sections for p in s.paragraphs
    )
    assert in_text or (article.meta.author, article.meta.source) == ("Sầm Hoa", "Vietnamnet/Reuters")
    assert "Sầm Hoa" not in {m.surface for m in article_mentions(article)}


@pytest.mark.parametrize(
    ("name", "byline"),
    [("11123367.txt", ("Nguyễn Hồng", "Trần Minh")), ("11130274.txt", ("Kim Cương", "Liên Châu"))],
)
def test_a_byline_run_into_the_last_paragraph_names_no_one(name: str, byline: tuple[str, str]) -> None:
    """Dumps of the crawl (tests/fixtures/entities/README.md) whose byline is
    glued to the last sentence ("... đặc biệt.Nguyễn Hồng – Trần Minh")."""
    path = Path(__file__).parent / "fixtures" / "entities" / "cases" / name
    article = read_article(path, PurePath(name))[1]
    # Left glued to the text, or read as the byline (reader/inline.py's glued signature).
    last = article.sections[-1].paragraphs[-1].text
    assert all(n in last for n in byline) or article.meta.author == " - ".join(byline)
    surfaces = {m.surface for m in article_mentions(article)}
    assert not (set(byline) & surfaces), surfaces


def test_the_government_named_alone_is_not_another_country_s() -> None:
    # qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc: "Thủ tướng Chính phủ"
    # (Việt Nam's) and "Chính phủ Xin-ga-po" are two bodies of one article.
    path = (
        Path(__file__).parent / "fixtures/entities/articles/qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc.txt"
    )
    article = read_article(path, PurePath(path.name))[1]
    bodies = {m.surface: m.key for m in article_mentions(article) if m.kind is ORG}
    assert bodies["Chính phủ"] != bodies["Chính phủ Xin-ga-po"]
