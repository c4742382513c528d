"""Forms of evidence first seen in heldout21, one topic each, on its sentences: what counts
(tests/fixtures/topic-labelling-guide.md) and what stays no evidence."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import detect_topics


def rules(title: str, body: str) -> list[str]:
    """The rules' topics (the learned decision is tested in tests/test_topic_model.py)."""
    return detect_topics(title, body, learned=False)


def test_contraband_cigarettes_and_liquor_are_smuggling() -> None:
    # b32 (Bernama): no "smuggling" phrase but what was smuggled
    body = ("The Malaysian Maritime Enforcement Agency foiled an attempt to smuggle contraband cigarettes and liquor "
            "worth an estimated RM1.2 million into the country when it intercepted a boat off Tanjung Pengelih.")
    assert "smuggling" in rules("", body)
    # drugs smuggled are drug crime, not smuggling
    assert "smuggling" not in rules("", "Police seized 50 kg of heroin smuggled across the border.")


@pytest.mark.parametrize("body", [
    # b07: a request in talks, in the words of the guide's settled question (kept by the model too)
    "He also requested the Royal Thai Police to verify, locate and hand over Vietnamese criminals wanted by "
    "Vietnam who are hiding in Thailand, and to facilitate the handling of cases of mutual legal assistance.",
    # b26: the same in Vietnamese, with the fugitives' nationality between
    "Bộ trưởng cũng đề nghị Tổng cục Cảnh sát quốc gia Campuchia tiếp tục phối hợp truy bắt, trao trả các đối "
    "tượng truy nã người Việt Nam đang lẩn trốn tại Campuchia.",
])
def test_wanted_criminals_hiding_in_the_other_country_are_settled_as_a_chase(body: str) -> None:
    title = "Deputy Minister receives Royal Thai Police delegation"
    talks = ("The two sides agreed to step up cooperation against drug trafficking and online fraud, exchange "
             "information regularly and hold annual talks. ")
    assert "fugitives and extradition" in detect_topics(title, talks + body)


def test_intelligence_sharing_is_cooperation_only_with_a_foreign_partner() -> None:
    # b34 (Antara): the Bali police and Densus 88 are one country's units
    domestic = ("The police were monitoring individuals believed to be linked to extremist networks and had stepped "
                "up intelligence sharing with Densus 88 and the National Counterterrorism Agency (BNPT).")
    assert "law-enforcement cooperation" not in rules("", domestic)
    foreign = "Indonesian police stepped up intelligence sharing with the Australian Federal Police on drug rings."
    assert "law-enforcement cooperation" in rules("", foreign)


def test_troops_deployed_along_the_border_are_border_security() -> None:
    # b06 (Bangkok Post): the army's presence along the border, rangers along a stretch of it
    body = ("Soldiers seized 2.4 million methamphetamine pills after a gunfight in Mae Sai district, as the army "
            "boosts its presence along the border. Since the start of the year, the task force has deployed two "
            "additional companies of rangers along a 60-kilometre stretch of the border from Mae Sai to Mae Fah "
            "Luang.")
    assert "border security" in rules("", body)


def test_workers_sold_to_scam_companies_are_human_trafficking() -> None:
    # b12 (Reuters)
    body = ("Some of those freed told Reuters they had been promised jobs in Thailand, then driven across the "
            "border at night and sold to scam companies, where they were beaten if they did not meet targets.")
    assert "human trafficking" in rules("", body)


@pytest.mark.parametrize("stay", [
    # b31 (Khmer Times): expired visas, no valid work permit, the country's immigration law violated
    "Most of the foreigners had entered Cambodia on tourist visas that had since expired, and none held a valid "
    "work permit, he added.",
    "The General Department of Immigration will deport those found to have violated Cambodia's immigration law.",
])
def test_how_a_compounds_workers_stayed_in_other_words_is_illegal_migration(stay: str) -> None:
    body = "Police raided a compound in Bavet suspected of housing online scam operations, detaining 417 foreigners. "
    assert "illegal migration" in rules("", body + stay)
