"""NLP 0.6.1: articles of a group verdict reach the individual sentence events when the group is found guilty
("found the three guilty", "convicted the four", "tuyên bố các bị cáo phạm tội") and when the article is stated
after the list of individual terms ("All five were convicted ... under Article 331", "Cả bốn bị cáo đều bị kết
tội ... theo Điều 331"); negative cases: the judge of the group sentence gets no event, a round-up cue before
the list stops the article.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

from nlp.extract import Extractor

PUB = "2022-03-18"


def articles(extractor: Extractor, text: str, lang: str, published: str | None = PUB) -> dict[tuple[str, str], list]:
    return {
        (e.person_full or e.person, e.event_type): sorted(c.article for c in e.charges if c.article is not None)
        for e in extractor.extract(text, lang, published)
    }


# ---------------------------------------------------------------- 1. group "found guilty", then individual terms
def test_found_the_three_guilty_en(extractor: Extractor) -> None:
    text = (
        "HANOI (Reuters) - A court on Tuesday jailed three activists after a one-day trial. Judge Hoang Minh Duc "
        "found the three guilty of 'activities aimed at overthrowing the people's administration' under Article 79 "
        "of the penal code, which carries a maximum penalty of death. Blogger Dang Van Hoa received six years in "
        "prison. Tran Quoc Hien was given eight years, and blogger Phan Van Loc four years."
    )
    got = articles(extractor, text, "en")
    assert got == {
        ("Dang Van Hoa", "sentence"): [79],
        ("Tran Quoc Hien", "sentence"): [79],
        ("Phan Van Loc", "sentence"): [79],
    }


def test_convicted_the_four_en(extractor: Extractor) -> None:
    text = (
        "A court in Da Nang on Monday convicted four activists after a two-day trial. Judge Le Thanh Son convicted "
        "the four of subversion under Article 79 of the penal code. Mai Van Khoa received nine years in prison. "
        "Truong Thi Hoa was given seven years, and Bui Van Lam six years."
    )
    got = articles(extractor, text, "en")
    assert got == {
        ("Mai Van Khoa", "sentence"): [79],
        ("Truong Thi Hoa", "sentence"): [79],
        ("Bui Van Lam", "sentence"): [79],
    }
    assert not any("Le Thanh Son" in person for person, _ in got)  # the judge is not a defendant


def test_tuyen_bo_cac_bi_cao_pham_toi_vi(extractor: Extractor) -> None:
    text = (
        "Ngày 15/3, Tòa án nhân dân tỉnh Nghệ An đã xét xử ba nhà hoạt động. Thẩm phán Nguyễn Văn Hùng tuyên bố "
        "các bị cáo phạm tội hoạt động nhằm lật đổ chính quyền nhân dân theo Điều 79 Bộ luật Hình sự. Ông Trần "
        "Văn Bình bị phạt 6 năm tù. Bà Lê Thị Hằng nhận 5 năm tù, ông Phạm Văn Đức 4 năm tù."
    )
    got = articles(extractor, text, "vi")
    assert got == {
        ("Trần Văn Bình", "sentence"): [79],
        ("Lê Thị Hằng", "sentence"): [79],
        ("Phạm Văn Đức", "sentence"): [79],
    }


# ---------------------------------------------------------------- 2. article stated after the list of terms
def test_all_five_after_the_list_en(extractor: Extractor) -> None:
    text = (
        "A court in Vinh yesterday sentenced five bloggers. Hoang Van Tuan was given five and a half years, while "
        "Dao Thi Mai received four years and Vu Van Kien three years. Luu Van Phat and Kim Van Dong were "
        "sentenced to two years and 18 months respectively. All five were convicted of 'abusing democratic "
        "freedoms' under Article 331 of the penal code."
    )
    got = articles(extractor, text, "en")
    for person in ("Hoang Van Tuan", "Dao Thi Mai", "Vu Van Kien", "Luu Van Phat", "Kim Van Dong"):
        assert got[(person, "sentence")] == [331]


def test_the_three_after_the_list_en(extractor: Extractor) -> None:
    text = (
        "The People's Court of Can Tho on Thursday jailed three Facebook users. Chau Van Nhan received three "
        "years and Ta Thi Ngoc two years and six months; Quach Van Hung was given two years. The three were "
        "found guilty of 'abusing democratic freedoms' under Article 331."
    )
    got = articles(extractor, text, "en")
    for person in ("Chau Van Nhan", "Ta Thi Ngoc", "Quach Van Hung"):
        assert got[(person, "sentence")] == [331]


def test_ca_bon_bi_cao_after_the_list_vi(extractor: Extractor) -> None:
    text = (
        "Ngày 15/3, Tòa án nhân dân tỉnh Bình Định đã xét xử bốn blogger. Ông Trần Văn Bình bị phạt 5 năm tù. "
        "Bà Lê Thị Hằng nhận 4 năm tù, ông Phạm Văn Đức 3 năm tù, ông Võ Văn Nam 2 năm tù. Cả bốn bị cáo đều bị "
        "kết tội lợi dụng các quyền tự do dân chủ theo Điều 331 Bộ luật Hình sự."
    )
    got = articles(extractor, text, "vi")
    for person in ("Trần Văn Bình", "Lê Thị Hằng", "Phạm Văn Đức", "Võ Văn Nam"):
        assert got[(person, "sentence")] == [331]


# ---------------------------------------------------------------- negative cases
def test_round_up_break_before_the_list_stops_en(extractor: Extractor) -> None:
    text = (
        "A court in Hue on Monday sentenced Nguyen Van Hai to four years in prison. In another case, Ly Van Tam "
        "received three years. Do Van Son was given two years. Both were convicted of 'abusing democratic "
        "freedoms' under Article 331 of the penal code."
    )
    got = articles(extractor, text, "en")
    assert got[("Nguyen Van Hai", "sentence")] == []
    assert got[("Ly Van Tam", "sentence")] == [331]
    assert got[("Do Van Son", "sentence")] == [331]


def test_round_up_break_before_the_list_stops_vi(extractor: Extractor) -> None:
    text = (
        "Ngày 14/3, Tòa án nhân dân tỉnh Thái Bình tuyên phạt ông Đinh Văn Tường 6 năm tù. Trong một vụ khác, "
        "ông Hà Văn Khiêm bị phạt 3 năm tù, bà Lò Thị Xuân 2 năm tù. Cả hai bị cáo đều bị kết tội lợi dụng các "
        "quyền tự do dân chủ theo Điều 331 Bộ luật Hình sự."
    )
    got = articles(extractor, text, "vi")
    assert got[("Đinh Văn Tường", "sentence")] == []
    assert got[("Hà Văn Khiêm", "sentence")] == [331]
    assert got[("Lò Thị Xuân", "sentence")] == [331]


def test_judge_in_group_sentence_gets_no_event_en(extractor: Extractor) -> None:
    text = (
        "A court in Vinh on Friday jailed two activists. Presiding judge Cao Van Minh found both guilty of "
        "subversion under Article 79. Lam Van Quy received ten years and Mac Thi Dao eight years."
    )
    got = articles(extractor, text, "en")
    assert got == {("Lam Van Quy", "sentence"): [79], ("Mac Thi Dao", "sentence"): [79]}
