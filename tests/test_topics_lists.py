"""Lists in running text (tests/fixtures/topic-labelling-guide.md: one item of a list of crimes
is no evidence of its topic by itself), on sentences from labelled articles: which mentions
are items of a list, and which lists are none."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import detect_topics as _detect_topics


def detect_topics(title: str, body: str) -> list[str]:
    """The rules' topics (the learned decision on top of them: tests/test_topic_model.py)."""
    return sorted(_detect_topics(title, body, learned=False))


@pytest.mark.parametrize("body, topics", [
    # an inventory of a seizure, item by item with its quantity, is no list of crimes
    ("Border guards in Long An seized 4,200 packs of foreign cigarettes and 3.5 tonnes of sugar from a boat.",
     ["smuggling"]),
    ("Lực lượng biên phòng thu giữ 1.200 bao thuốc lá ngoại và 2 tấn đường cát trên một ghe gỗ.", ["smuggling"]),
    # a list of crimes still is
    ("The two sides exchanged information on drug trafficking and smuggling across the border.", []),
])
def test_a_seizures_inventory_is_no_list_of_crimes(body: str, topics: list[str]) -> None:
    assert detect_topics("", body) == topics


def test_a_co_occurrence_at_an_item_of_a_list_of_crimes_counts_as_the_item() -> None:
    # heldout19/d25: a drink-driving drive's one sentence listing the city's other crackdowns
    body = ("Công an TP.HCM ra quân xử lý vi phạm nồng độ cồn dịp cuối năm. Song song với đợt cao điểm về giao thông, "
            "Công an TP.HCM cũng triển khai đợt tấn công trấn áp các loại tội phạm cướp giật, trộm cắp, ma túy, đánh "
            "bạc, lừa đảo qua mạng nhằm giữ bình yên cho người dân đón Tết.")
    assert detect_topics("", body) == []
    # heldout12/n24: a list of one topic's forms is still that topic
    body = ("Police detained 612 foreigners in a raid. The ministry said foreigners found to have entered the country "
            "illegally, overstayed their visas or worked without permits would be deported after investigation.")
    assert detect_topics("", body) == ["illegal migration"]


@pytest.mark.parametrize("body", [
    # heldout19/d31: a warning's alternatives, in a story of a cigarette seizure
    "Border guards in An Giang seized 24,000 packs of smuggled cigarettes on a canal near the border. Border "
    "guards also visited border residents in 17 communes to explain the law and urge them not to transport goods "
    "for smugglers or shelter people who cross the border illegally.",
    # heldout12/n09: the same in Vietnamese, as repeated "không"
    "Bộ đội Biên phòng tỉnh Điện Biên phối hợp với lực lượng bảo vệ biên giới Lào tuần tra song phương. Hai bên "
    "tuyên truyền, vận động nhân dân chấp hành quy chế biên giới, không qua lại biên giới trái phép, không tiếp tay "
    "cho các đối tượng vận chuyển hàng cấm.",
])
def test_the_alternatives_of_a_warning_are_items_of_a_list(body: str) -> None:
    assert "illegal migration" not in detect_topics("", body)
    if "24,000" not in body:
        assert "smuggling" not in detect_topics("", body)


def test_a_phrase_joined_to_another_topics_co_occurrence_is_an_item_of_a_list() -> None:
    # heldout18/e39: a year's count of cases at a bilateral patrol's talks
    body = ("Sau tuần tra, hai bên tổ chức hội đàm. Năm qua, hai lực lượng đã trao đổi hơn 120 nguồn tin liên quan "
            "đến an ninh, trật tự khu vực biên giới; xác minh, xử lý nhiều vụ việc người dân qua lại biên giới trái "
            "phép, vận chuyển hàng hóa không rõ nguồn gốc.")
    assert "smuggling" not in detect_topics("", body)
    # the co-occurrence alone, told as a case, still is smuggling
    body = ("Đồn Biên phòng Ia O bắt giữ một xe tải vận chuyển 3 tấn đường cát không rõ nguồn gốc từ Campuchia về "
            "Việt Nam. Tài xế không xuất trình được hóa đơn, chứng từ.")
    assert "smuggling" in detect_topics("", body)
