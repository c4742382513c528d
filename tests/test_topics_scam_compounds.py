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


def test_what_workers_did_not_report_is_no_evidence() -> None:
    # heldout17/f23: a raid where no one said they were held
    topics = detect_topics("", _ESCAPE + "Police said none of the workers interviewed so far had reported being held "
                                         "against their will.")
    assert "human trafficking" not in topics


@pytest.mark.parametrize("body, topic", [
    # heldout17/f28: workers lured and forced to scam (a talks article's one sentence on it)
    ("Many Vietnamese workers were lured to these places with promises of high-paying jobs and then forced to take "
     "part in scams.", "human trafficking"),
    # heldout17/f31: a deportation drive with its figures, in a second sentence on the deportations
    ("They will be held at the BI facility pending deportation proceedings. The BI has deported more than 1,400 "
     "foreign POGO workers since August, and another 2,000 are awaiting deportation, the bureau said.",
     "illegal migration"),
    # labelled/t02: a pledge in talks to hand over suspects wanted at home
    ("Sokha pledged to hand over Vietnamese suspects wanted for organising the schemes.", "fugitives and extradition"),
    # heldout17/f26: malware that empties the victims' accounts
    ("Malware-enabled scams have become one of the main concerns of Singapore's authorities, which lost S$3 million "
     "to the ring this year.", FRAUD),
])
def test_forced_scamming_deportation_drives_and_malware_scams(body: str, topic: str) -> None:
    assert topic in detect_topics("", body, learned=False)


def test_a_fake_police_callers_claim_and_a_settled_chase() -> None:
    # heldout17/f24: "tự xưng công an": the money-laundering ring the caller named is his pretext
    body = ("Được người tự xưng công an hướng dẫn cập nhật định danh mức 2 qua ứng dụng giả, bà Mai bị rút sạch 1,2 tỷ "
            "đồng. Hai ngày sau, đối tượng gọi lại, cho biết số tài khoản của bà \"có liên quan một đường dây rửa tiền "
            "đang bị điều tra\". Ứng dụng giả mạo được cài từ đường link bên ngoài kho ứng dụng chính thức.")
    assert detect_topics("", body, learned=False) == [FRAUD]
    # heldout17/f28: in talks naming impersonation scams, criminals who fled abroad are still a chase
    body = ("Criminal groups defraud Vietnamese citizens through fake investment platforms and impersonation of police. "
            "He also asked the Cambodian side to hand over Vietnamese criminals who have fled to Cambodia, especially "
            "those wanted for organising online fraud.")
    assert "fugitives and extradition" in detect_topics("", body, learned=False)


@pytest.mark.parametrize("stay", [
    # heldout18/e23: how the foreigners found in a raid stayed, in the ministry's words
    "An interior ministry spokesman said the rest had entered or remained in Cambodia in breach of the immigration "
    "law: most held no work permit, and more than 200 had overstayed their visas.",
    # heldout18/e04: crossings outside any checkpoint, then the charge for it
    "Most of the foreigners had entered Myanmar through natural crossings along the river without passing any "
    "immigration checkpoint. Those not identified as victims will be charged with illegal entry and deported.",
])
def test_how_the_compounds_workers_entered_or_stayed_is_illegal_migration(stay: str) -> None:
    body = ("Police detained 612 foreign nationals in a raid on a scam compound, where victims abroad had been "
            "persuaded to deposit money on fake trading platforms. " + stay)
    assert "illegal migration" in detect_topics("", body)
