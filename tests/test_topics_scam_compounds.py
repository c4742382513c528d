"""When a scam-compound story is "online and telecom fraud" (tests/fixtures/topic-labelling-guide.md:
scam compounds where the scamming is described), on sentences of the labelled articles."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import detect_topics

FRAUD = "online and telecom fraud"

_ESCAPE = ("More than 1,300 foreigners have crossed the Moei River from Myanmar's Myawaddy township since Wednesday, "
           "after Myanmar forces raided the notorious KK Park scam compound. ")


@pytest.mark.parametrize("scamming", [
    # heldout16/g04
    "Escapees described working in shifts of up to 16 hours a day, posing on social media and dating apps as wealthy "
    "investors to draw victims in the United States and Europe into fake cryptocurrency trading platforms.",
    # heldout8/s23
    "They were given scripts and fake social media profiles to chat with targets in the United States and Europe, "
    "win their trust and then persuade them to put money into a bogus cryptocurrency trading platform.",
    # heldout7/t24
    "He had to work 14 hours a day creating fake profiles of attractive women on Facebook and Zalo, befriending men "
    "in Viet Nam and abroad.",
    "Các nạn nhân bị ép dụ dỗ người khác nạp tiền vào sàn giao dịch ảo để chiếm đoạt.",
])
def test_a_compound_whose_scamming_is_described_is_online_fraud(scamming: str) -> None:
    assert FRAUD in detect_topics("", _ESCAPE + scamming)


def test_a_compound_only_named_is_no_online_fraud() -> None:
    # heldout4/w16, heldout6/u18: the compound is where the victims were held, nothing of what was done there
    topics = detect_topics("", _ESCAPE + "Screening teams identified 187 of them as trafficking victims, who had "
                               "been sold to companies inside the compound and beaten.")
    assert FRAUD not in topics and "human trafficking" in topics


@pytest.mark.parametrize("crossing", [
    # heldout8/s23: job-seekers taken across at night, past the checkpoint, and the charge for it
    "They were taken at night across the Moei River on long-tail boats through a natural crossing, bypassing the "
    "immigration checkpoint at the Friendship Bridge.",
    "The three were charged with human trafficking and taking people out of the kingdom illegally.",
])
def test_workers_taken_across_outside_the_checkpoints_are_illegal_migration(crossing: str) -> None:
    assert "illegal migration" in detect_topics("", "Police arrested three members of a gang accused of selling Thai "
                                                    "job-seekers to a scam compound in Myawaddy. " + crossing)
