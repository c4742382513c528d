"""What makes an article "law-enforcement cooperation" (tests/fixtures/topic-labelling-guide.md):
a handover, a tip across the border, a regional exercise or workshop. Sentences from the
labelled articles cited."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import detect_topics as _detect_topics

COOP = "law-enforcement cooperation"


def detect_topics(title: str, body: str) -> list[str]:
    """The rules' topics (the learned decision is tested in tests/test_topic_model.py)."""
    return _detect_topics(title, body, learned=False)

def test_victims_handed_over_are_no_cooperation_and_a_tip_from_vietnam_is() -> None:
    # heldout6/u18: rescued victims sent home (the first panel: a routine one-way transfer)
    assert COOP not in detect_topics("", "The 12 Vietnamese victims were handed over to Vietnamese authorities at the "
                                         "Sop Hun - Tay Trang international border gate on June 1.")
    # heldout13/m23: a Cambodian raid on information from the Vietnamese police
    assert COOP in detect_topics("", "Preah Sihanouk provincial police have rescued 214 foreign nationals from a "
                                     "guarded compound, acting on information supplied by Vietnamese police, "
                                     "officials said.")


@pytest.mark.parametrize("title, body", [
    # labelled/h14, heldout5/v01, heldout6/u17, heldout4/w05: a regional exercise, drill or workshop of the
    # security forces, or a UN body's workshop for the region's police
    ("Cambodia to host ASEAN counter-terrorism exercise",
     "Cambodia will host a joint counter-terrorism exercise of ASEAN member states in Phnom Penh next month."),
    ("Viet Nam hosts ASEAN cyber incident response drill",
     "Cyber security forces of ASEAN member states and Japan on Thursday joined a two-day drill in Ha Noi."),
    ("ASEAN police, financial intelligence units meet in Jakarta on terror funding",
     "Indonesia is hosting a three-day regional workshop on countering the financing of terrorism."),
    ("", "The two sides agreed to organise a regional workshop in Ha Noi in 2026 for law enforcement agencies of "
         "ASEAN countries on cooperation against cybercrime."),
])
def test_a_regional_exercise_or_workshop_is_cooperation(title: str, body: str) -> None:
    assert COOP in detect_topics(title, body)


@pytest.mark.parametrize("body", [
    # heldout2/y18: a drill's scenario in a conference centre is no regional event
    "Một đối tượng khác dùng drone mang chất nổ tiếp cận khu vực trung tâm hội nghị.",
    # one country's exercise
    "Provincial police held a counter-terrorism exercise at the airport on Friday.",
])
def test_a_domestic_exercise_is_no_cooperation(body: str) -> None:
    assert COOP not in detect_topics("", body)
