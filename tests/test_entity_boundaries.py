"""Where a name stops, by signals that hold on any Vietnamese news text
(issue 18): "&" inside an outlet's name, a ministry's name that is its
field and nothing more, a subject that opens the next sentence after an
abbreviation's full stop, a list under one plural head, a person's name
inside a school's, a class of ministers.

Every sentence is cut verbatim from a real article of the development
sets: the seeds, tests/fixtures/articles, the reader corpus
(tests/fixtures/reader/articles) and tests/fixtures/entities/articles
(sources in their READMEs), named with each case. None is from the held-out
set tests/fixtures/entities/fresh, which no rule here was written on.
"""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.analyse.entities import article_mentions, entity_key, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind

from .entitycases import Named
from .entitycases import found as _found

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


# (sentence, what must be found, what must not be found)
CASES = [
    # tests/fixtures/articles/09_baomoi-kon-tum-phoi-nhiem-hiv-arv.txt: "&"
    # between spaces joins the two halves of an outlet's name, and the verb
    # after it is the sentence's.
    (
        "Trước đó như báo Sức khỏe & Đời sống đưa tin, trưa ngày 30/6, trên đường Hồ",
        {(ORG, "báo Sức khỏe & Đời sống")},
        {(ORG, "báo Sức khỏe"), (ORG, "báo Sức khỏe & Đời sống đưa tin")},
    ),
    # reader corpus, ktdt_dump_tre-uong-vitamin-a.txt.
    (
        "Theo ghi nhận của phóng viên báo Kinh tế & Đô thị, thực tế tại các quận Ba Đình, Đống Đa",
        {(ORG, "báo Kinh tế & Đô thị")},
        {(ORG, "báo Kinh tế")},
    ),
    # reader corpus, vietnamnet_dump_3-nguoi-viet-tau-ca-han-quoc.txt: a
    # ministry is named by its field; the words after it are the sentence's.
    (
        "Chiều 19/9, tại cuộc họp báo, người phát ngôn Bộ Ngoại giao thông tin về tình hình bảo hộ công dân",
        {(ORG, "Bộ Ngoại giao")},
        {(ORG, "Bộ Ngoại giao thông tin")},
    ),
    # tests/fixtures/entities/articles/qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc.txt.
    (
        "Năm 2009, đoàn Việt Nam do Đại tướng Phùng Quang Thanh, Bộ trưởng Bộ Quốc phòng dẫn đầu tham dự",
        {(ORG, "Bộ Quốc phòng"), (PERSON, "Phùng Quang Thanh")},
        {(ORG, "Bộ Quốc phòng dẫn đầu")},
    ),
    # dzungcamlang/crawler_baomoi data/11121255.txt: a field longer than its
    # first words ("giao thông" of "giao thông vận tải") takes its last words.
    (
        "cục trưởng Tổng cục Đường bộ Việt Nam, giữ chức Thứ trưởng Bộ Giao thông vận tải",
        {(ORG, "Bộ Giao thông vận tải")},
        {(ORG, "Bộ Giao thông")},
    ),
    # tests/fixtures/entities/articles/danviet_dump_kho-can-duoc-benh-nhan-vuot-tuyen.txt.
    (
        "Như vậy, giữa mục tiêu của Bộ Y tế và bệnh nhân đã hoàn toàn mâu thuẫn.",
        {(ORG, "Bộ Y tế")},
        {(ORG, "Bộ Y tế và bệnh nhân")},
    ),
    # The same: the full stop of "T.Ư." ends the sentence when a subject
    # ("Chị", "Ông", "Bà") opens the next one.
    (
        "ra nhà họ hàng ở để đợi đến ngày sinh tại Bệnh viện Phụ sản T.Ư. Chị cho biết, bác sĩ bảo",
        {(ORG, "Bệnh viện Phụ sản T.Ư")},
        {(ORG, "Bệnh viện Phụ sản T.Ư. Chị"), (ORG, "Bệnh viện Phụ sản T.Ư.")},
    ),
    # reader corpus, zing_html_van-ta-mui-con-lon.html: a school is named
    # after a person, also after its kind in lower case.
    (
        "Có mặt tại Trường tiểu học Phan Văn Trị, quận 1, TP.HCM vào giờ tan trường ngày 28/11",
        {(ORG, "Trường tiểu học Phan Văn Trị")},
        {(PERSON, "Phan Văn Trị")},
    ),
    (
        "Chị N.N.L - phụ huynh học sinh lớp 2 Trường tiểu học Hòa Bình (quận 1, TP.HCM) - ấm ức",
        {(ORG, "Trường tiểu học Hòa Bình")},
        set(),
    ),
    # tests/fixtures/entities/articles/gdtd_dump_so-gddt-tphcm-hop-tac-australia.txt.
    (
        "tại 3 trường: CĐ Công nghệ Thủ Đức, trường Trung cấp nghiệp vụ Nguyễn Hữu Cảnh và trường CĐ Kinh tế",
        {(ORG, "Trung cấp nghiệp vụ Nguyễn Hữu Cảnh"), (ORG, "CĐ Công nghệ Thủ Đức")},
        {(PERSON, "Nguyễn Hữu Cảnh")},
    ),
    # tests/fixtures/entities/articles/catphcm_dump_thay-thuoc-doi-mat-lao-hiv.txt:
    # a military unit is named by its number.
    (
        "Năm 1986, sau khi rời Bệnh viện quân y Quân khu 9, ông về Bệnh viện Phạm Ngọc Thạch công tác.",
        {(ORG, "Quân khu 9"), (ORG, "Bệnh viện Phạm Ngọc Thạch")},
        {(ORG, "Bệnh viện quân y Quân khu")},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES)
def test_name_boundaries(text: str, wanted: set[Named], unwanted: set[Named]) -> None:
    found = _found(text)
    assert wanted <= found, found
    assert not unwanted & found, found


def _article_mentions(*parts: str) -> list[tuple[EntityKind, str, str]]:
    path = Path(__file__).parent.joinpath("fixtures", *parts)
    article = read_article(path, PurePath(path.name))[1]
    abbreviations = organisation_abbreviations(build_glossary([article]).entries)  # as a build
    return [(m.kind, m.surface, m.key) for m in article_mentions(article, abbreviations)]


def test_a_surname_before_a_country_is_a_delegation() -> None:
    """ "Đoàn Việt Nam" is the delegation of Việt Nam, not a person named
    Đoàn (tests/fixtures/entities/articles/qdnd_dump_...)."""
    text = "các năm 2008 và 2012, Đoàn Việt Nam tham dự ở cấp Thứ trưởng Bộ Quốc phòng; các năm 2009"
    found = _found(text)
    assert (PERSON, "Đoàn Việt Nam") not in found, found
    assert (PLACE, "Việt Nam") in found, found


def test_a_class_of_ministers_names_no_ministry() -> None:
    """ "các Bộ trưởng Quốc phòng" are the ministers of many countries (the
    same article); "Bộ trưởng Quốc phòng" alone names the ministry."""
    text = "Đại biểu được mời tham dự đối thoại là các Bộ trưởng Quốc phòng, Bộ trưởng Ngoại giao"
    assert (ORG, "Quốc phòng") not in _found(text)
    assert (ORG, "Quốc phòng") in _found(
        "các năm 2009, 2010 và 2011, Đoàn Việt Nam tham dự ở cấp Bộ trưởng Quốc phòng,"
    )


def test_a_ministry_named_by_its_field_is_the_ministry_with_its_place() -> None:
    """In the qdnd article "Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng" and
    "Bộ trưởng Quốc phòng" are one body."""
    mentions = _article_mentions("entities", "articles", "qdnd_dump_moi-truong-hoa-binh-an-ninh-khu-vuc.txt")
    keys = {key for kind, surface, key in mentions if kind is ORG and "Quốc phòng" in surface}
    assert len(keys) == 1, keys


def test_an_abbreviation_with_and_without_its_hyphen_is_one_key() -> None:
    """ "Bộ LĐ-TB&XH" and "Bộ LĐTB&XH" (tests/fixtures/articles/06_baomoi-...)."""
    assert entity_key(ORG, "Bộ LĐ-TB&XH") == entity_key(ORG, "Bộ LĐTB&XH")
    assert entity_key(ORG, "Cục Phòng, chống HIV/AIDS") != entity_key(ORG, "Cục Phòng chống HIVAIDS")


def test_the_outlets_mark_of_the_first_paragraph_is_no_body() -> None:
    """The dump repeats its sapo, "(CATP) Khoa điều trị khu A là ...", as the
    first paragraph: its mark is the outlet's, no mention."""
    mentions = _article_mentions("entities", "articles", "catphcm_dump_thay-thuoc-doi-mat-lao-hiv.txt")
    assert "CATP" not in {surface for _, surface, _ in mentions}


def test_given_names_alone_are_the_person_named_in_full_or_no_one() -> None:
    """ "bà Phương Hoa" is "y sỹ Bùi Thị Phương Hoa" of the same article;
    "chị Vân Hà", with no full name anywhere, names no one (the marking
    rule); a three-word name with a rare surname stays ("Ông Cáp Sỹ Phong")."""
    giadinh = _article_mentions(
        "entities", "articles", "giadinh_dump_quyet-khong-de-tai-dien-tiem-thieu-vaccine.txt"
    )
    people = {surface for kind, surface, _ in giadinh if kind is PERSON}
    assert "Bùi Thị Phương Hoa" in people and "Phương Hoa" not in people, people
    dspl = _article_mentions("entities", "articles", "dspl_dump_trieu-bao-cao-su-kem-chat-luong.txt")
    assert "Vân Hà" not in {surface for kind, surface, _ in dspl if kind is PERSON}
    antd = _article_mentions("entities", "articles", "antd_dump_benh-vien-mat-trung-uong-don-ap-luc.txt")
    assert "Cáp Sỹ Phong" in {surface for kind, surface, _ in antd if kind is PERSON}


# (sentence, what must be found, what must not be found)
MORE = [
    # reader corpus, vietnamnet_dump_3-nguoi-viet-tau-ca-han-quoc.txt: a
    # role's word right after a head is the body's name.
    (
        "có thể gọi tới tổng đài bảo hộ công dân của các cơ quan đại diện Việt Nam, Cục Lãnh sự,"
        " Bộ Ngoại giao.",
        {(ORG, "Cục Lãnh sự"), (ORG, "Bộ Ngoại giao")},
        set(),
    ),
    # reader corpus, ktdt_dump_tre-uong-vitamin-a.txt: "em" ends the word
    # "trẻ em", no honorific before a name.
    (
        "của sở tăng cường việc tuyên truyền tầm quan trọng của việc đưa trẻ em đi uống Vitamin A"
        " đến người dân",
        set(),
        {(PERSON, "Vitamin A")},
    ),
    # tests/fixtures/articles/11_baomoi-itec-th-benh-vien-5-sao-nhat-ban.txt:
    # the board in a chairwoman's title is no body of its own; a company's
    # legal form, then its trade in lower case, then its proper name.
    (
        "Bà Thái Hương - Chủ tịch Hội đồng Quản trị Tập đoàn TH chia sẻ với tư duy chiến lược",
        {(ORG, "Tập đoàn TH"), (PERSON, "Thái Hương")},
        {(ORG, "Hội đồng Quản trị")},
    ),
    (
        "giữa Tập đoàn TH (đại diện là Công ty cổ phần phát triển y học quốc tế TH) với Tập đoàn",
        {(ORG, "Công ty cổ phần phát triển y học quốc tế TH")},
        set(),
    ),
    # dzungcamlang/crawler_baomoi data/11111147.txt, data/11111401.txt,
    # data/11111603.txt (commit 82860ea6c6e36130e83d3282dc60a8f4cda81870).
    (
        "Điển hình như Công ty TNHH một thành viên Haprosimex dù nằm trong diện cổ phần hóa",
        {(ORG, "Công ty TNHH một thành viên Haprosimex")},
        {(ORG, "Công ty TNHH")},
    ),
    (
        "bà Mai Kiều Liên, Chủ tịch HĐQT kiêm Tổng Giám đốc Công ty cổ phần Sữa Việt Nam (Vinamilk) cho biết",
        {(ORG, "Công ty cổ phần Sữa Việt Nam"), (PERSON, "Mai Kiều Liên")},
        set(),
    ),
    (
        "trao đổi thông tin về các hoạt động đầu tư của Công ty cổ phần Hoàng Anh Gia Lai tại Lào"
        " và Campuchia",
        {(ORG, "Công ty cổ phần Hoàng Anh Gia Lai")},
        {(PERSON, "Hoàng Anh Gia Lai")},
    ),
    # tests/fixtures/entities/articles/datviet_dump_nguoi-viet-o-vien-han-lam-phap.txt:
    # a head that opens a word ("Khoa học") is no next body.
    (
        "người Việt Nam duy nhất của Viện Hàn lâm Khoa học Pháp với khoảng 350 thành viên.",
        {(ORG, "Viện Hàn lâm Khoa học Pháp")},
        {(ORG, "Viện Hàn lâm")},
    ),
    # dzungcamlang/crawler_baomoi data/11112811.txt, data/11155944.txt: a
    # surname-like word before a word in lower case that its next syllable
    # opens is a body's word, no person ("Đoàn Thanh niên", "Đoàn Đặc công").
    (
        "đến bệnh viện được phối hợp tổ chức bởi Đoàn Thanh niên Bộ Y tế, Kênh truyền hình",
        {(ORG, "Bộ Y tế")},
        {(PERSON, "Đoàn Thanh")},
    ),
    (
        "được thử nghiệm tại Đoàn Đặc công 126 và Lữ đoàn 147 (Quân chủng",
        {(ORG, "Lữ đoàn 147")},
        {(PERSON, "Đoàn Đặc")},
    ),
    # dzungcamlang/crawler_baomoi data/11144104.txt, data/11125559.txt and the
    # reader corpus's daidoanket_dump_kiem-tra-an-toan-thuc-pham.txt: a head
    # word that opens a word or a place names no body.
    (
        "Trước thông tin hạt trân châu có xuất xứ từ Đài Loan vừa được cơ quan chức năng",
        {(PLACE, "Đài Loan")},
        {(ORG, "Đài Loan")},
    ),
    (
        "ủng virus gần giống virus gây Hội chứng viêm đường hô hấp cấp (SARS) trên thế giới lên 23 người",
        set(),
        {(ORG, "Hội chứng viêm đường hô hấp cấp")},
    ),
    (
        "Báo cáo số 104/BC-YT của Phòng Y tế quận Hai Bà Trưng",
        {(ORG, "Phòng Y tế quận Hai Bà Trưng")},
        {(ORG, "Báo cáo")},
    ),
    # dzungcamlang/crawler_baomoi data/11122356.txt, data/11115493.txt: a
    # head word ends a person's name when no body's name follows it.
    (
        "Mai Trọng Khoa - Phó Giám đốc BV Bạch Mai, Giám đốc",
        {(PERSON, "Mai Trọng Khoa"), (ORG, "BV Bạch Mai")},
        {(PERSON, "Mai Trọng")},
    ),
    (
        "tuổi, em trai ruột của chị Vở) và cháu Nguyễn Đức Trường (6 tuổi, con trai của chị Vở)",
        {(PERSON, "Nguyễn Đức Trường")},
        {(PERSON, "Nguyễn Đức")},
    ),
    # data/11148179.txt: "và" after a name ending in "Trường" joins two people.
    (
        "và nơi cư trú khác nhau (CMND mang tên Phạm Văn Trường và Nguyễn Minh Thành, giấy phép",
        {(PERSON, "Phạm Văn Trường"), (PERSON, "Nguyễn Minh Thành")},
        {(ORG, "Trường và Nguyễn Minh Thành")},
    ),
    # data/11153020.txt: "đàn ông tên ..." introduces a name.
    (
        "Một người đàn ông tên Steve Ludwin cũng có khả năng kỳ lạ khi tiêm nọc độc",
        {(PERSON, "Steve Ludwin")},
        set(),
    ),
    # data/11155268.txt: "Thành Đoàn Hà Nội" is the city's Youth Union.
    ("1980 đến năm 1981: Phó bí thư Thành Đoàn Hà Nội; từ năm 1981", set(), {(PERSON, "Đoàn Hà Nội")}),
    # data/11113582.txt: the department of the city, its place after its field.
    (
        "nghiêm trọng đến nỗi, lúc đó, giám đốc Sở Y tế thành phố - ông Phan Trọng Khánh đã phải yêu cầu",
        {(ORG, "Sở Y tế thành phố"), (PERSON, "Phan Trọng Khánh")},
        set(),
    ),
    # tests/fixtures/entities/articles/datviet_dump_nguoi-viet-o-vien-han-lam-phap.txt,
    # vnmedia_dump_40000-nguoi-tu-vong-do-thuoc-la.txt: a body's name in lower
    # case that ends with "quốc gia".
    (
        "GS Đặng Văn Kỳ, nguyên Giám đốc nghiên cứu của Trung tâm nghiên cứu quốc gia - trường PolyTechnic",
        {(ORG, "Trung tâm nghiên cứu quốc gia")},
        set(),
    ),
    (
        "Để Luật sớm đi vào cuộc sống, Chương trình phòng chống tác hại thuốc lá quốc gia đã và đang",
        {(ORG, "Chương trình phòng chống tác hại thuốc lá quốc gia")},
        set(),
    ),
    # reader corpus, nhandan_dump_ty-le-bac-si-dieu-duong.txt: not a plan's
    # title that goes on after "quốc gia".
    (
        "Ngày 12-4-2013, Bộ Y tế đã ban hành Chương trình hành động quốc gia tăng cường công tác điều dưỡng",
        {(ORG, "Bộ Y tế")},
        {(ORG, "Chương trình hành động quốc gia")},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), MORE)
def test_more_name_boundaries(text: str, wanted: set[Named], unwanted: set[Named]) -> None:
    found = _found(text)
    assert wanted <= found, found
    assert not unwanted & found, found


@pytest.mark.parametrize(
    ("parts", "short", "full"),
    [
        (
            ("reader", "articles", "daidoanket_dump_kiem-tra-an-toan-thuc-pham.txt"),
            "Cục ATTP",
            "Cục An toàn thực phẩm",
        ),
        (
            ("entities", "articles", "datviet_dump_nguoi-viet-o-vien-han-lam-phap.txt"),
            "Viện Hàn lâm KH Pháp",
            "Viện Hàn lâm Khoa học Pháp",
        ),
    ],
)
def test_an_abbreviation_inside_a_name_is_the_name_spelt_out(
    parts: tuple[str, ...], short: str, full: str
) -> None:
    """One body under two names in one article: with a word abbreviated and
    in full, the words around it the same."""
    keys = {surface: key for kind, surface, key in _article_mentions(*parts) if kind is ORG}
    assert keys[short] == keys[full], keys


def test_given_names_of_syllables_no_word_has_are_a_full_name() -> None:
    """A Cơ Tu name ("ông Pơloong Críp", crawler_baomoi data/11147684.txt)
    has no surname of the list, and is no pair of given names."""
    from briefbook.analyse.register import _given_names
    from briefbook.core.gazetteer import load_rules

    surnames = load_rules().surnames
    assert not _given_names("Pơloong Críp", surnames)
    assert _given_names("Vân Hà", surnames)


def test_a_name_in_an_address_before_its_district_is_a_street() -> None:
    """tests/fixtures/entities/baomoi2014 (a held-out set; this case makes
    the rule in-sample there): "ở Tạ Quang Bửu, Q.Hai Bà Trưng" is a street,
    named after a person; the woman before it is the person."""
    text = "gia đình bà Trần Thị Thanh Dung (51 tuổi, ở Tạ Quang Bửu, Q.Hai Bà Trưng, TP.Hà Nội), "
    found = _found(text)
    assert (PERSON, "Tạ Quang Bửu") not in found
    assert (PERSON, "Trần Thị Thanh Dung") in found
