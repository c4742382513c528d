"""What counts as evidence for a topic, rule by rule, on sentences from real and labelled
articles (tests/fixtures/topic-labelling-guide.md says what an analyst counts)."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import _unwrap
from searchlib.ingest.topics import detect_topics as _detect_topics


def detect_topics(title: str, body: str, table=None) -> list[str]:  # noqa: ANN001
    """The rules' topics: these tests are of the evidence the rules find and weigh; the
    learned decision on top of them is tested in tests/test_topic_model.py."""
    return _detect_topics(title, body, table, learned=False)


# --- names are no evidence -----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # a police unit named after its field (heldout3/z10)
    "The trucks were stopped on National Highway 1A by officers of the provincial police's economic "
    "crime division in coordination with the market surveillance force.",
    # an agency (heldout3/z29)
    "The National Narcotics Agency (BNN) said on Friday that officers intercepted a wooden fishing boat.",
    # a law (heldout3/z27)
    "The case is being investigated under Section 420 of the Penal Code for cheating and under the "
    "Anti-Money Laundering, Anti-Terrorism Financing and Proceeds of Unlawful Activities Act.",
    "Hội nghị phổ biến Luật Phòng, chống ma túy năm 2021 cho cán bộ xã.",
    # a unit typed without accents and without the comma of "phòng, chống" (heldout3/z06)
    "Thuong ta Nguyen Van Quan, Pho truong Phong An ninh mang va phong chong toi pham su dung cong nghe cao "
    "Cong an TP Hai Phong cho biet, chi tu dau nam den nay da xay ra hon 70 vu viec.",
    # a routine check named by what it tests for (heldout15/j28): traffic police testing drivers
    "Dịp Tết, đơn vị tập trung kiểm tra nồng độ cồn, ma túy đối với người điều khiển phương tiện.",
    # what residents are urged not to do (heldout15/j21)
    "Công an tỉnh đề nghị người dân khu vực biên giới nâng cao cảnh giác, không vì hám lợi mà nhận vận chuyển "
    "hàng hóa không rõ nguồn gốc qua biên giới.",
])
def test_a_units_name_a_law_a_routine_check_or_advice_to_residents_is_no_topic(body: str) -> None:
    assert detect_topics("", body) == []


def test_a_folded_phrase_counts_only_in_text_typed_without_accents() -> None:
    # "công dân do phía" folds to "cong dan do phia": not "dẫn độ" (extradition); heldout3/z19
    accented = "Từ đầu năm đến nay, công an tỉnh Tây Ninh đã tiếp nhận hơn 1.100 công dân do phía Campuchia bàn giao."
    assert "fugitives and extradition" not in detect_topics("", accented)
    bare = "Cong an tinh da dan do doi tuong ve Viet Nam. Doi tuong bi truy na tu nam 2020."
    assert "fugitives and extradition" in detect_topics("", bare)


# --- online fraud described without the taxonomy's phrases ----------------------------------

@pytest.mark.parametrize("body", [
    # heldout3/z06, typed without accents
    'Cong an TP Hai Phong cho biet vua tiep nhan don trinh bao cua chi N.T.H. ve viec bi lua dao chiem doat '
    'hon 600 trieu dong sau khi tham gia "lam nhiem vu" tren mang.',
    "Bà N. bị lừa đảo chiếm đoạt 2 tỷ đồng sau khi làm theo hướng dẫn qua Zalo của một người lạ.",
    "Retirees were swindled out of their savings by callers posing as bank staff over the phone.",
])
def test_a_fraud_done_through_a_phone_or_the_internet_is_online_fraud(body: str) -> None:
    assert detect_topics("", body) == ["online and telecom fraud"]


def test_a_scam_centre_named_in_a_trafficking_story_is_no_online_fraud() -> None:
    body = ("The deputy prime minister said that human trafficking had become more complicated, with many "
            "victims lured abroad by offers of easy jobs and then forced to work in online scam centres.")
    assert detect_topics("", body) == ["human trafficking"]


def test_an_impersonation_scams_pretext_is_no_topic() -> None:
    # heldout/x05: what the fake police officer claimed is not what the article is about
    title = 'Cụ bà suýt mất 2 tỷ đồng vì cuộc gọi "công an" báo liên quan đường dây ma túy'
    body = ("Nhận cuộc gọi của kẻ giả danh cán bộ công an thông báo mình có liên quan đến một đường dây mua bán "
            "ma túy và rửa tiền, một cụ bà ở Hà Nội đã ra ngân hàng định chuyển toàn bộ tiền tiết kiệm. "
            "Người này cho biết tài khoản ngân hàng của bà đã bị một đường dây buôn bán ma túy xuyên quốc gia "
            "sử dụng để rửa tiền, và bà sẽ bị bắt nếu không hợp tác.")
    assert detect_topics(title, body) == ["online and telecom fraud"]


# --- fraud by executives and clerks ----------------------------------------------------------

def test_fraud_is_economic_crime_unless_the_article_is_an_online_scam() -> None:
    assert detect_topics("KRUPP MANAGER ARRESTED FOR FRAUD IN W. GERMANY", "") == ["economic crime"]
    scam = ("Police arrested 23 members of a phone scam syndicate. The fraud cost victims RM50mil, "
            "and the suspects face charges of fraud.")
    assert detect_topics("", scam) == ["online and telecom fraud"]


def test_a_broad_word_right_after_a_charge_is_the_point_of_the_case() -> None:
    # Reuters-21578 912 (sample2): one sentence, and "misappropriating" alone counts half
    body = ("Australian police said they charged a former currency clerk of Westpac Banking Corp with "
            "misappropriating 8,300 dlrs in July in an alleged foreign exchange fraud.")
    assert detect_topics("", body) == ["economic crime"]
    assert detect_topics("", "Officials warned about misappropriating public funds.") == []


def test_a_charge_sheet_counts_only_in_an_article_about_the_chase() -> None:
    story = "Prosecutors charged the former chairman with embezzlement of 120 billion VND on Monday."
    assert detect_topics("", story) == ["economic crime"]
    # heldout/t03: the headline's charge sheet of an extradited fugitive
    assert detect_topics("Thailand extradites Vietnamese fugitive wanted for 300-billion-VND fraud",
                         "The fugitive was handed over at Noi Bai airport.") == ["fugitives and extradition"]


def test_the_crimes_of_wanted_people_handed_over_are_a_charge_sheet() -> None:
    # heldout3/z17: the Korean fugitives' scam rings are what they were wanted for
    body = ("Từ đầu năm 2025 đến nay, hai bên đã phối hợp xác minh, bắt giữ và bàn giao 23 đối tượng người Hàn "
            "Quốc bị truy nã lẩn trốn tại Việt Nam, trong đó có nhiều đối tượng cầm đầu các đường dây lừa đảo "
            "qua điện thoại (voice phishing).")
    assert "online and telecom fraud" not in detect_topics("", body)
    # labelled/t13: a scam named before the wanted people is an agenda item of its own
    agenda = ("Đại tướng Lương Tam Quang đề nghị hai bên phối hợp điều tra các vụ án lừa đảo viễn thông có yếu tố "
              "nước ngoài, bắt giữ và trao trả các đối tượng truy nã lẩn trốn sang lãnh thổ của nhau.")
    assert "online and telecom fraud" in detect_topics("", agenda)


# --- what a sentence is about ------------------------------------------------------------------

def test_drugs_smuggled_or_trafficked_are_drug_crime_only() -> None:
    # heldout3/z29 and z14; the guide: drugs carried across a border are drug crime
    assert detect_topics("BNN foils smuggling of 86 kg of crystal meth from Malaysia via Aceh waters", "") \
        == ["drug crime"]
    body = ("Thanks to close information exchange, the two sides have dismantled several rings trafficking "
            "heroin and methamphetamine from the Golden Triangle.")
    assert "human trafficking" not in detect_topics("", body)
    assert detect_topics("", "Police dismantled a smuggling ring carrying cigarettes and sugar across the river.") \
        == ["smuggling"]


def test_a_sentence_of_courtesy_is_no_evidence() -> None:
    # heldout3/z26
    body = ("Kongthong expressed his gratitude to the Ministry of Public Security of Vietnam for their continued "
            "support, saying the facility would help improve the training of Lao police officers, especially "
            "those working in the fight against drug crime.")
    assert detect_topics("", body) == []


def test_a_pledge_several_clauses_before_the_cooperation_is_no_act() -> None:
    # labelled/h08
    body = ("Đại tá Lê Văn Thắng cho biết đơn vị sẽ tiếp tục tăng cường tuần tra, kiểm soát trên tuyến biên giới, "
            "phối hợp với lực lượng bảo vệ biên giới Campuchia để quản lý, bảo vệ vững chắc chủ quyền.")
    assert "law-enforcement cooperation" not in detect_topics("", body)


# --- hard-wrapped newswire ---------------------------------------------------------------------

def test_hard_wrapped_lines_are_joined_into_sentences() -> None:
    # Reuters-21578 384, wrapped as the newswire prints it
    wrapped = ("ILC Technology Inc said its board removed Lawrence Montoya as\n"
               "vice president of finance and chief financial officer, after an\n"
               "internal audit found irregularities in company accounts.\n"
               "The company said Montoya has been arrested by police in\n"
               "Hawthorne, Calif., and charged with grand theft and embezzlement.\n\nReuter")
    assert _unwrap(wrapped) == (
        "ILC Technology Inc said its board removed Lawrence Montoya as vice president of finance and chief "
        "financial officer, after an internal audit found irregularities in company accounts.\n"
        "The company said Montoya has been arrested by police in Hawthorne, Calif., and charged with grand theft "
        "and embezzlement.\n\nReuter")
    # a charge split over two lines is still seen after "charged"
    body = ("Australian police said they charged a former currency clerk of\n"
            "Westpac Banking Corp with misappropriating 8,300 dlrs in July in an\nalleged fraud.")
    assert detect_topics("", body) == ["economic crime"]


# --- found in review: what the rules above must not do -----------------------------------------

@pytest.mark.parametrize("title, body, expected", [
    # "bị lửa" (by fire) folds to "bi lua", the folded "bị lừa" (cheated): accented text is no match
    ("", "Người dân gọi điện cho cảnh sát PCCC khi thấy kho hàng bị lửa bao trùm.", []),
    # a past conviction is background (the guide's settled question), however a case word reads
    ("Tycoon's heirs split fortune", "The tycoon, who was jailed for bribery in 2010, left his fortune to his "
     "three children. The will was read in Seoul.", []),
    # an impersonation scam elsewhere in the article does not erase a drug bust
    ("Police seize 20 kg of heroin in Soc Son", "Police seized 20 kg of heroin and arrested three drug traffickers. "
     "In a separate case, a man posing as a police officer over the phone swindled a retiree out of 300 million dong.",
     ["drug crime", "online and telecom fraud"]),
    # a seizure in the same sentence as a fugitive's arrest is not his charge sheet
    ("", "Police arrested a fugitive in Lang Son and seized 20 kg of heroin and 5 kg of crystal meth from his car.",
     ["drug crime", "fugitives and extradition"]),
    # "thanks to" is no courtesy
    ("", "Thanks to a tip-off from residents, police seized 20 kg of heroin and arrested three drug traffickers "
     "in Hanoi.", ["drug crime"]),
    # what the police told reporters is no scammer's pretext
    ("", "Police told reporters the 12 suspects were linked to a human trafficking network in Cambodia.",
     ["human trafficking"]),
    ("", "Công an tỉnh đã khởi tố 5 bị can liên quan đến đường dây mua bán người sang Campuchia.", ["human trafficking"]),
    # a relative clause's "will" is no pledge of the act that follows it
    ("", "Police, who will hold a press conference on Friday about the case, coordinated with Lao police to "
     "arrest the drug traffickers.", ["drug crime", "law-enforcement cooperation"]),
    # "ß" and "İ" change the length of folded text; positions must still agree
    ("", "Ong Strauß noi: Cong an tinh da dan do doi tuong ve Viet Nam. Doi tuong bi truy na tu nam 2020. "
     "Doi tuong tron o İzmir.", ["fugitives and extradition"]),
])
def test_review_cases(title: str, body: str, expected: list[str]) -> None:
    assert sorted(detect_topics(title, body)) == expected


def test_cooperation_on_a_scam_before_the_wanted_people_of_a_sentence_is_kept() -> None:
    body = ("Hai bên thống nhất phối hợp điều tra các vụ lừa đảo qua Telegram có yếu tố nước ngoài, trao trả các "
            "đối tượng truy nã.")
    assert "online and telecom fraud" in detect_topics("", body)


def test_a_heading_line_is_not_joined_to_the_next_paragraph_in_text_that_is_not_wrapped() -> None:
    body = ("Border guards step up patrols against smuggling on the northern frontier\n"
            "Smuggling of cigarettes rose sharply this year, officials said.\n"
            "The provincial police seized 3,000 cartons last month.\n"
            "Officers said the goods came by boat.")
    assert detect_topics("", body) == ["smuggling"]


def test_a_users_table_with_odd_values_is_read_without_a_crash() -> None:
    from searchlib.ingest.topictable import _build

    table = _build([
        {"label": "x", "en": ["foo"], "weak": None, "pretexts": {"signals": ["x"], "topics": [1]},
         "together": {"actions": ["a"], "partners": ["b"], "window": None},
         "unless": {"label": "drug crime", "generic": [""]}, "yields": {"label": "x", "phrases": None}},
        {"label": "drug crime", "en": ["heroin"]},
    ])
    assert detect_topics("", "Police met a delegation. A meeting was held in a hotel.", table) == []
    assert detect_topics("", "Foo here. Foo there.", table) == ["x"]


# --- cases told in ordinary words (second real sample, heldout4) ---------------------------

def test_a_ticker_symbol_does_not_cut_a_charge_from_its_arrest() -> None:
    # reuters:912: the "." of "<wstp.s>" ended the look-back from "misappropriating" to "charged"
    body = ("Australian police said they charged a former currency clerk of Westpac Banking Corp <WSTP.S> "
            "with misappropriating 8,300 dlrs in July in an alleged foreign-exchange fraud.")
    assert detect_topics("AUSTRALIAN POLICE ARREST FORMER WESTPAC CLERK", body) == ["economic crime"]


def test_the_one_taxonomy_crime_in_a_case_list_of_charges_is_the_case() -> None:
    # reuters:384: "grand theft" is no topic, so "embezzlement" is not one item of a crime list
    body = ("ILC Technology Inc said Raymond Montoya, vice president of finance, has been removed as an officer. "
            "The company said Montoya has been arrested by police in Hawthorne, Calif., and charged with grand "
            "theft and embezzlement.")
    assert detect_topics("ILC TECHNOLOGY OFFICER REMOVED", body) == ["economic crime"]
    # two crimes of the taxonomy in one charge list stay a list
    listed = "He was arrested and charged with drug trafficking and money laundering."
    assert detect_topics("", listed) == []
    # a past sentence is background, list or not (dantri news_tech_029)
    past = ("Ông Lee Jae Yong đã thi hành được một nửa bản án 30 tháng tù giam do phạm tội tham nhũng "
            "cùng các tội danh khác.")
    assert detect_topics("", past) == []


@pytest.mark.parametrize("title, body", [
    # heldout4/w07: fake goods described without "counterfeit goods"
    ("Over 30 tonnes of fake cosmetics, drinks and medicines seized in Svay Rieng",
     "Officers found counterfeit cosmetics, energy drinks and detergents stacked in two warehouses."),
    ("", "Lực lượng quản lý thị trường phát hiện 2.000 sản phẩm mỹ phẩm làm giả nhãn hiệu nổi tiếng. "
         "Chủ kho không xuất trình được hóa đơn."),
])
def test_fake_goods_are_smuggling(title: str, body: str) -> None:
    assert detect_topics(title, body) == ["smuggling"]


@pytest.mark.parametrize("body", [
    "Officers said he used fake documents to open the accounts.",
    "The gang posed as police officers in fake uniforms on video calls.",
])
def test_fake_papers_or_uniforms_are_no_smuggling(body: str) -> None:
    assert "smuggling" not in detect_topics("", body)


def test_forged_securities_are_economic_crime() -> None:
    # reuters:5030
    body = ("Goldman Sachs International Corp received forged bonds of a unit of Exxon Corp in a trade, a "
            "spokesman said. He said it wasn't until the bonds were cleared through Euro-clear that it was "
            "discovered they were forgeries.")
    assert detect_topics("GOLDMAN SACHS GIVEN BOGUS EXXON BONDS IN TRADE", body) == ["economic crime"]


# --- handovers ------------------------------------------------------------------------------

def test_a_fugitive_handed_over_by_a_partner_named_before_the_verb_is_cooperation() -> None:
    # heldout3/z02
    body = ("The public security department of Laos' Bolikhamxay province on September 23 handed over three "
            "Vietnamese fugitives to the police of the central province of Hà Tĩnh.")
    assert "law-enforcement cooperation" in detect_topics("", body)


@pytest.mark.parametrize("body", [
    # heldout4/w16: deported citizens received at a border gate are sent home (illegal migration)
    "The citizens, 121 men and 47 women, were handed over at the Mộc Bài International Border Gate by "
    "Cambodia's General Department of Immigration after illegally entering the country.",
    # heldout3/z19: "cửa khẩu quốc tế" names a gate, not an international partner
    "Công an tỉnh Tây Ninh phối hợp Bộ đội Biên phòng tỉnh tiếp nhận 98 công dân Việt Nam do phía "
    "Campuchia bàn giao qua cửa khẩu quốc tế Mộc Bài.",
])
def test_citizens_handed_over_at_a_border_are_no_police_cooperation(body: str) -> None:
    assert "law-enforcement cooperation" not in detect_topics("", body)


def test_suspects_handed_over_to_foreign_police_are_cooperation() -> None:
    # heldout/x18
    body = ("Vietnamese police on Thursday handed over 216 Chinese suspects involved in telecom and online "
            "fraud to Chinese police at the Dongxing port.")
    assert "law-enforcement cooperation" in detect_topics("", body)


def test_a_fugitives_charge_sheet_in_headline_and_lede_is_no_topic() -> None:
    # heldout4/w13: "wanted by Chinese authorities for telecom fraud", in the headline and the lede
    title = "Quảng Ninh police hand over Chinese fugitive wanted for telecom fraud"
    body = ("Quảng Ninh (VNA) – The police of Quảng Ninh on November 19 handed over a Chinese man wanted by "
            "Chinese authorities for telecom fraud to the public security bureau of Dongxing city. "
            "The man was on the wanted list of the Chinese Ministry of Public Security for his alleged role in "
            "a ring that used fake investment websites and calls impersonating police officers to cheat "
            "hundreds of people.")
    topics = detect_topics(title, body)
    assert "fugitives and extradition" in topics and "online and telecom fraud" not in topics


def test_what_leaked_data_could_be_used_for_is_a_risk_not_a_case() -> None:
    # dantri news_tech_025: a data leak story; fraud is what the data "could be exploited" for
    body = ("533 triệu người dùng Facebook đã bị đăng tải công khai lên một diễn đàn dành cho tin tặc. "
            "Gal cho biết những thông tin cá nhân này có thể bị tội phạm mạng lợi dụng để mạo danh, cho các mục "
            "đích lừa đảo hoặc cho các chiến dịch spam email, tin nhắn…")
    assert "online and telecom fraud" not in detect_topics("", body)
    english = "The leaked phone numbers could be used by criminals who swindle victims over the phone."
    assert "online and telecom fraud" not in detect_topics("", english)
    # a scam that happened is one
    done = "Criminals swindled 200 victims over the phone with the leaked numbers, police said."
    assert "online and telecom fraud" in detect_topics("", done)


# --- impersonation scams --------------------------------------------------------------------

def test_a_virtual_kidnapping_scam_is_online_fraud_and_its_laundering_claim_no_case() -> None:
    # heldout4/w21: "bắt cóc online", told by someone calling himself a police officer
    title = "Nữ sinh bị 'bắt cóc online', gia đình suýt mất 1,2 tỷ đồng"
    body = ("Nhận cuộc gọi từ số máy lạ, người đàn ông xưng là cán bộ điều tra Công an TP Hà Nội, thông báo số "
            "căn cước của em bị dùng để mở tài khoản ngân hàng phục vụ đường dây rửa tiền. "
            "Nữ sinh thuê khách sạn ở một mình, cắt liên lạc với gia đình theo yêu cầu.")
    assert detect_topics(title, body) == ["online and telecom fraud"]


def test_fake_arrest_warrants_sent_by_scammers_are_no_chase() -> None:
    # heldout4/w01
    title = "Hà Nội police bust ring posing as police officers in video calls, cheating 300 people"
    body = ("The victims were then invited to a video call on Zalo with a man in police uniform sitting in "
            "front of a national flag, and were sent \"arrest warrants\" and \"asset freeze orders\" bearing fake "
            "seals of the Supreme People's Procuracy. Police said the ring cheated 300 people over the phone.")
    assert detect_topics(title, body) == ["online and telecom fraud"]


def test_cyberspace_named_as_the_channel_of_terrorism_is_no_cybercrime() -> None:
    # heldout4/w27: "không gian mạng" names a place, like "online"
    title = "Chủ động phòng ngừa nguy cơ khủng bố từ không gian mạng"
    body = ("Ban Chỉ đạo phòng, chống khủng bố Bộ Công an tổ chức hội nghị tổng kết công tác phòng, chống khủng bố "
            "năm 2025. Các tổ chức khủng bố tăng cường lợi dụng mạng xã hội để tuyên truyền, tuyển mộ thành viên.")
    assert detect_topics(title, body) == ["terrorism"]
    attack = "Tin tặc đã tấn công mạng hệ thống của một ngân hàng và đánh cắp dữ liệu khách hàng."
    assert detect_topics("An ninh trên không gian mạng", attack) == ["cybercrime and cyber security"]


@pytest.mark.parametrize("title, expected", [
    # heldout3/z02: the handover with its partner, told in the headline
    ("Laos hands over three Vietnamese fugitives at Cầu Treo border gate",
     ["fugitives and extradition", "law-enforcement cooperation"]),
    # dantri news_business_124: the scam with its channel, told in the headline
    ("Hàng trăm người dân tố cáo bị ứng dụng đầu tư tài chính Coolcat lừa đảo", ["online and telecom fraud"]),
])
def test_a_headline_telling_an_act_with_its_partner_names_the_topic(title: str, expected: list[str]) -> None:
    assert detect_topics(title, "Cơ quan công an đang tiếp nhận đơn của người dân.") == expected


def test_criminals_hiding_abroad_are_fugitives_and_no_safe_haven_is_rhetoric() -> None:
    # heldout8/s03: fugitives described, not named
    assert "fugitives and extradition" in detect_topics(
        "Vietnam, Laos ministers hold talks",
        "He asked the Lao ministry to continue locating and handing over Vietnamese criminals hiding in Laos.\n\n"
        "The two ministers agreed to hand over criminals hiding in each other's territory.")
    # tests/fixtures/ingest/mps_article.html: a speech's "no safe haven" is no fugitive
    assert "fugitives and extradition" not in detect_topics(
        "Viet Nam, Cambodia step up joint fight against online fraud",
        "\u201cNo safe haven will be left for criminals who use cyberspace to defraud our citizens,\u201d he said.")


# --- heldout9: descriptions without the topic's name ---------------------------------------

@pytest.mark.parametrize("body, topic", [
    # r04: workers sold to the operators and forced to scam: human trafficking (the guide's scam-compound rule)
    ("Police detained 612 foreign nationals, many of whom told police they had been sold to the operators "
     "and forced to run online scams.", "human trafficking"),
    # r22: sold from one company to another
    ("Once in Cambodia, their passports were confiscated and they were sold from one company to another "
     "for 2,000 USD each.", "human trafficking"),
    # heldout10/q03: sold to a scam gang
    ("Police freed 27 Vietnamese nationals who told officers they had been sold to an online scam gang.",
     "human trafficking"),
    # heldout10/q33: trading VAT invoices so companies evade taxes
    ("The court jailed the leader of a ring that set up shell companies to sell VAT invoices, helping hundreds "
     "of companies evade taxes.", "economic crime"),
    # r22: crossings described, with the country's name between verb and adverb
    ("Of the 57 people, 41 had left Vietnam illegally through trails along the border.", "illegal migration"),
    # r06: the border kept under control; heldout5/v18: a patrol along the border
    ("\"Our duty is to keep the border under control. People who cross must be screened,\" he said.",
     "border security"),
    ("The border police of Svay Rieng province conducted a joint patrol along the shared border on December 24.",
     "border security"),
    # heldout7/t30: the counter-terrorism squad is a unit's name; its terror suspects are the case
    ("Densus 88 has arrested six suspected members of the Jamaah Ansharut Daulah (JAD) terror network.\n\n"
     "Since January, Densus 88 has arrested 247 terror suspects across Indonesia.", "terrorism"),
    # heldout11/p31: goods of unknown origin carried by boat; heldout11/p03: victims brought home with the help of
    # the partner's police
    ("Bộ đội Biên phòng bắt giữ tàu vận chuyển 60.000 lít dầu DO không rõ nguồn gốc trên vùng biển Tây Nam.",
     "smuggling"),
    ("Police dismantled the ring and brought three victims home with the help of Chinese police.",
     "law-enforcement cooperation"),
    # heldout5/v26: foreign cigarettes without import stamps, brought across a canal by boat
    ("Kiểm tra 2 xuồng, lực lượng chức năng phát hiện 18.000 gói thuốc lá điếu do nước ngoài sản xuất, "
     "không có tem nhập khẩu.\n\nGiá mỗi gói thuốc lá ngoại tại Campuchia chỉ khoảng 8.000 đồng.", "smuggling"),
])
def test_acts_described_without_the_topic_name(body: str, topic: str) -> None:
    assert topic in detect_topics("", body)


@pytest.mark.parametrize("title, body, absent", [
    # r26: "trafficking networks" and "trafficked mammals" in a story of pangolin scales: wildlife smuggling
    ("Customs seize 2.4 tonnes of pangolin scales at Sihanoukville port",
     "This route is being used more and more by international trafficking networks.\n\n"
     "Pangolins are among the most trafficked mammals in the world.", "human trafficking"),
    # r33: meth smuggled is drug crime, not smuggling
    ("Indonesia, Vietnam police agree to jointly probe meth smuggling network",
     "The Indonesian police and Vietnam's Ministry of Public Security agreed on a joint investigation.",
     "smuggling"),
    # r15: what people crossing illegally "easily fall into" is a warning, not a case
    ("Ngăn chặn 23 người chuẩn bị vượt biên trái phép",
     "Người dân xuất cảnh trái phép rất dễ rơi vào cảnh bị giữ giấy tờ, ép làm việc, thậm chí bị bán qua lại "
     "giữa các công ty.", "human trafficking"),
    # heldout10/q17: customs' drug-control team is a unit's name in an ivory seizure
    ("Phát hiện gần 500 kg nghi ngà voi tại cảng Cát Lái",
     "Chi cục Hải quan phối hợp với Đội Kiểm soát phòng, chống ma túy hải quan kiểm tra 1 container hạt điều.",
     "drug crime"),
    # heldout4/w15: patrols at border gates ordered in a list of a counterfeit campaign's measures
    ("PM orders crackdown on smuggling and counterfeit goods before Tet",
     "The border guard force must strengthen patrols and control at border gates, trails and seaports.",
     "border security"),
    # heldout5/v16: a fugitive deported for staying illegally is no illegal-migration story
    ("Korea hands over fugitive to Viet Nam",
     "As he was staying in Korea illegally, Korean authorities decided to deport him.\n\n"
     "He had stayed in Korea illegally since 2019.", "illegal migration"),
])
def test_other_trades_warnings_and_measures_are_no_topic(title: str, body: str, absent: str) -> None:
    assert absent not in detect_topics(title, body)


@pytest.mark.parametrize("body", [
    # heldout5/v25: an ID-card drive that tells the elderly to beware of fake police calls
    "Cán bộ tuyên truyền về bảo vệ dữ liệu cá nhân, cảnh giác với các cuộc gọi giả danh cơ quan công an, "
    "không cung cấp mã OTP cho người lạ.",
    # heldout7/t12: the times an ID procedure happens in
    "Theo ông Cường, giữa lúc các thủ đoạn lừa đảo trực tuyến ngày càng tinh vi, phụ huynh chỉ nên thực hiện "
    "thủ tục trên ứng dụng VNeID chính thức.",
    "Officers also warned residents against online scams by callers posing as police.",
])
def test_what_the_public_is_warned_against_is_no_case(body: str) -> None:
    assert detect_topics("Police bring ID cards to the homes of the elderly", body) == []


def test_a_comma_and_a_new_clause_after_a_mention_is_no_list() -> None:
    # heldout9/r38: "red notices, and their passports were invalidated": a clause, not a list of crimes
    body = ("Eleven of the 20 suspects had been placed on Interpol red notices, and their passports had been "
            "invalidated at the request of the KNPA.")
    assert "fugitives and extradition" in detect_topics("Police bring back 20 members of voice phishing ring", body)
    # the last items of "A, B, and C" are still a list
    assert detect_topics("", "Talks covered drug trafficking, fraud, and human trafficking.") == []


def test_criminals_working_together_are_no_police_cooperation() -> None:
    # heldout5/v12: the gangs run the compounds "in cooperation with" armed groups
    body = ("The compounds, mostly run by Chinese criminal gangs in cooperation with Myanmar armed groups, employ "
            "thousands of people who run romance scams.")
    assert "law-enforcement cooperation" not in detect_topics("Thailand to cut power to Myanmar scam hubs", body)
    police = "Thai police, in cooperation with Myanmar police, freed 260 workers from the compounds."
    assert "law-enforcement cooperation" in detect_topics("Thailand to cut power to Myanmar scam hubs", police)


# --- heldout12 ------------------------------------------------------------------------------

def test_a_request_to_hand_over_fugitives_hiding_there_is_kept_by_the_model() -> None:
    # heldout12/n23: one agenda sentence of talks, the form the guide settles as fugitives; the
    # learned decision alone would drop it (one sentence, late in the article)
    from searchlib.ingest.topicmodel import default_model, topic_features
    from searchlib.ingest.topics import LIST_SIZE, MIN_SCORE, _default_table, _evidence

    title = "Vietnam, RoK police step up cooperation against transnational crime"
    body = ("Deputy Minister Le Quoc Hung held talks with the Korean National Police Agency in Seoul on Tuesday.\n\n"
            "He spoke highly of the outcomes achieved under the memorandum of understanding on cooperation "
            "between the two police forces.\n\n"
            "The Korean side asked the Vietnamese police to help locate and hand over Korean fugitives hiding in "
            "Vietnam, especially those wanted for organising phishing rings.")
    table = _default_table()
    found = _evidence(title, body, table)
    features = topic_features(found, table.labels, MIN_SCORE, LIST_SIZE)
    assert default_model().probability("fugitives and extradition", features["fugitives and extradition"]) < 0.5
    assert "fugitives and extradition" in detect_topics(title, body)
    # heldout12/n19: criminals "who have fled and are hiding" there
    assert "fugitives and extradition" in detect_topics(
        "Deputy Minister receives Myanmar Police Force delegation",
        "Hung also asked the Myanmar Police Force to locate and hand over Vietnamese criminals who have fled and "
        "are hiding in Myanmar.")
    # one item of a list of cooperation fields is still a list item (the guide's settled question)
    assert detect_topics("Vietnam, Laos police hold talks", "The two sides agreed to step up exchanging information "
                         "on drug trafficking, criminals hiding abroad and human trafficking.") == []


def test_a_man_calling_himself_a_nickname_is_no_impersonation_scam() -> None:
    # heldout12/n21: a drug mule recruited on social media by someone "calling himself Tony"; the
    # charge and the rings are the story, not a scammer's pretext
    body = ("Ngày 18/3, Công an TP Hồ Chí Minh cho biết đang tạm giữ hình sự Lê Hoàng Phúc để điều tra về hành vi "
            "\"Vận chuyển trái phép chất ma túy\".\n\n"
            "Phúc lên mạng xã hội tìm việc và được một người tự xưng là \"Tony\" liên hệ qua ứng dụng Telegram.\n\n"
            "Thời gian gần đây, các đường dây ma túy quốc tế thường thuê người Việt Nam làm \"người vận chuyển\".")
    title = "Bắt nam hành khách giấu gần 3kg cocaine trong vali tại sân bay Tân Sơn Nhất"
    assert detect_topics(title, body) == ["drug crime"]
    # one calling himself a police officer on the phone still is
    assert "online and telecom fraud" in detect_topics(
        "", "Một người tự xưng là cán bộ công an gọi điện thoại cho bà H., yêu cầu chuyển tiền vào tài khoản.")


@pytest.mark.parametrize("title, body, topic", [
    # heldout12/n21: cocaine is a drug like heroin, in both languages
    ("Australian police seize 300 kg of cocaine in shipping container", "", "drug crime"),
    # heldout12/n28: trading personal data is cybercrime (the guide: "data leaks and data trading")
    ("PM orders all-out crackdown on online fraud, illegal trading of personal data", "", "cybercrime and cyber security"),
    ("", "Công an triệt phá đường dây mua bán trái phép dữ liệu cá nhân của hơn 10 triệu người.\n\n"
         "Các đối tượng mua bán dữ liệu cá nhân qua Telegram.", "cybercrime and cyber security"),
    # heldout12/n05: a warrant for his arrest at home, and fugitives handed back
    ("Vietnamese murder suspect arrested in Pattaya",
     "Vietnamese authorities had issued a warrant for his arrest in 2023.\n\n"
     "Thai police have handed over several Vietnamese fugitives in recent years.", "fugitives and extradition"),
])
def test_heldout12_forms_of_the_topics(title: str, body: str, topic: str) -> None:
    assert topic in detect_topics(title, body)


def test_a_joint_task_force_needs_a_foreign_partner_and_a_tip_from_foreign_police_counts() -> None:
    # heldout12/n24: one country's police, military police and immigration officers together
    domestic = ("The raids, carried out by a joint task force of provincial police, military police and immigration "
                "officers, targeted six buildings in Sihanoukville's Otres and O'Chheuteal areas.")
    assert "law-enforcement cooperation" not in detect_topics("Over 1,000 detained in Sihanoukville raids", domestic)
    # heldout/x26: the two sides' task force
    assert "law-enforcement cooperation" in detect_topics(
        "", "Whitfield proposed that the two sides set up a joint task force to target the syndicates' logistics "
            "networks.")
    # heldout12/n40: information shared with the Australian Federal Police's officers
    assert "law-enforcement cooperation" in detect_topics(
        "Australia seizes heroin hidden in tiles shipment from Vietnam after tip from Hanoi police",
        "The investigation started in June when Vietnam's Ministry of Public Security shared information with AFP "
        "officers posted in Hanoi about a syndicate preparing to send heroin to Australia.\n\n"
        "Australia and Vietnam have a memorandum of understanding on combating transnational crime and developing "
        "police cooperation.")


@pytest.mark.parametrize("body, topic", [
    # heldout12/n16: checkpoints at the crossing points and patrol boats watching for crossings (the guide:
    # troops, patrol boats and checkpoints along the border are border security)
    ("The army said it had set up checkpoints at crossing points frequently used by smugglers.\n\n"
     "Patrol boats were also deployed on the Moei to watch for further crossings.", "border security"),
    # heldout12/n16, n14: passports taken and workers beaten; people sold on to other compounds
    ("Those who crossed said they had been kept inside the compound, where guards confiscated their passports and "
     "beat workers who failed to meet quotas.", "human trafficking"),
    ("They were beaten or sold on to other compounds if they failed to meet targets or tried to leave.",
     "human trafficking"),
    # heldout13/m18: lured with fake job offers and held against their will
    ("Many of the people working in the compounds were lured from Thailand, China and other countries with fake job "
     "offers, smuggled across the border and held against their will.", "human trafficking"),
    # heldout12/n22: the victims were forced to con people online
    ("Thirty-seven Vietnamese who said they had been sold from one scam compound to another and forced to con "
     "people online were handed over at Moc Bai border gate.", "online and telecom fraud"),
])
def test_heldout12_scam_compound_forms(body: str, topic: str) -> None:
    assert topic in detect_topics("", body)


def test_stimulants_are_drugs() -> None:
    # heldout16/g39 (Kyodo): Japan's press calls methamphetamine "stimulants"
    assert "drug crime" in detect_topics("Japan seizes 480 kg of stimulants from fishing boat off Okinawa",
                                         "Police and the coast guard seized about 480 kilograms of stimulant drugs.")


def test_passports_kept_by_the_police_are_no_trafficking() -> None:
    body = "Police confiscated their passports pending the investigation into the land fraud."
    assert "human trafficking" not in detect_topics("", body)


def test_border_patrols_on_trails_and_openings_and_seized_foreign_cigarettes() -> None:
    # heldout18/e22: checkpoints on the trails where people and goods cross, and a count of smuggling cases
    body = ("The Border Guard Command of An Giang has mobilised 600 officers in the run-up to Tet, when illegal "
            "crossings and smuggling traditionally rise. The force has set up 24 "
            "additional checkpoints and mobile patrol teams on trails, openings and canals, where people and goods "
            "most often cross without going through border gates. In the same period, the border guard force handled "
            "19 smuggling cases, seizing 4,200 packs of foreign cigarettes, 3.5 tonnes of sugar and nearly 300 kg of "
            "firecrackers that had been carried across the border on motorbikes and small boats.")
    assert sorted(detect_topics("", body)) == ["border security", "smuggling"]


@pytest.mark.parametrize("body, topic", [
    # heldout19/d12: a request in talks to hand over wanted criminals hiding in the other country
    ("The Deputy Minister also asked the Myanmar side to verify, locate and hand over Vietnamese criminals wanted by "
     "Vietnamese authorities who are hiding in Myanmar, and to help trace assets they have moved abroad. Myanmar "
     "will promptly verify requests from the Vietnamese side regarding wanted persons, he said.",
     "fugitives and extradition"),
    # heldout19/d23: a raid in Cambodia on information the Vietnamese ministry passed through the liaison channel
    ("Police in Preah Sihanouk raided an online scam compound on Sunday. The raid followed information passed to "
     "Cambodian police by the Vietnamese Ministry of Public Security through the police liaison channel between the "
     "two countries.", "law-enforcement cooperation"),
])
def test_wanted_criminals_hiding_abroad_and_information_passed_by_a_foreign_ministry(body: str, topic: str) -> None:
    assert topic in detect_topics("", body)
