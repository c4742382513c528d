"""Topic evidence read in its context, forms first seen in heldout22: where a wire's story
happens, lists whose items are counts or kinds of people, a routine told in a clause and its
count, and phrases of fraud, border control and people smuggling; and heldout24's: law names, ambiguous words
under a headline of another topic, data sold on, information exchanged, patrols on the border's trails."""

from __future__ import annotations

import pytest

from searchlib.ingest.topics import detect_topics
from searchlib.ingest.topictable import load_topics


def _rules(title: str, body: str, home: str | None = None) -> list[str]:
    return sorted(detect_topics(title, body, learned=False, home=home))


_SYDNEY = ("SYDNEY, May 21 (Reuters) - Australian counter-terrorism police have charged a 17-year-old boy with "
           "planning a knife attack on a shopping centre in western Sydney.\n\nThe arrest was made by the New South "
           "Wales Joint Counter Terrorism Team, which includes the Australian Federal Police, New South Wales Police "
           "and the Australian Security Intelligence Organisation.\n\nThe boy was charged with preparing for a "
           "terrorist act, which carries a maximum penalty of life in prison.")


@pytest.mark.parametrize("dateline, country", [
    ("SYDNEY, May 21 (Reuters) - Police said", "Australia"),
    ("May 21, 2025 6:10 AM GMT\nUpdated 2 hours ago\n\nPHNOM PENH, Dec 3 (Xinhua) -- Police said", "Cambodia"),
    ("BANGKOK (AP) — Police said", "Thailand"),
    ("Police in Sydney said on Monday", None),  # no dateline
])
def test_a_wires_dateline_names_the_country_it_reports_from(dateline: str, country: str | None) -> None:
    assert load_topics().dateline_country(dateline) == country


def test_a_joint_team_of_one_countrys_agencies_is_no_cooperation() -> None:
    # heldout22/a40: Reuters has no home; its dateline puts the story in Australia
    assert _rules("Australian police charge teenager over alleged plan to attack Sydney shopping centre",
                  _SYDNEY, home="") == ["terrorism"]


@pytest.mark.parametrize("title, body, topic", [
    # heldout22/a12: police of three countries set up a joint command centre
    ("Thailand cuts power to Myanmar border hubs in scam crackdown",
     "BANGKOK, Feb 5 (Reuters) - Thai, Chinese and Myanmar police agreed at meetings in Bangkok in late January to "
     "set up a joint command centre to share intelligence on the compounds and track the flow of money.",
     "law-enforcement cooperation"),
    # heldout22/a09: control of the shared border tightened
    ("Provincial police review cooperation",
     "The two provinces' police have agreed to tighten control of their shared border in 2026.\n\nThe border "
     "district police met in eleven villages to explain the regulations to residents.",
     "border security"),
    # heldout22/a22: the scam told, with fake profiles and a fake trading app
    ("Seven Vietnamese sold between scam compounds escape",
     "Using fake Facebook and Zalo profiles of attractive women, they befriended men, then persuaded them to put "
     "money into a fake gold trading app that showed rising profits.",
     "online and telecom fraud"),
    # heldout22/a33: workers smuggled out through an unofficial port to avoid immigration checks
    ("Police foil attempt to send 22 workers to Malaysia",
     "Police foiled an attempt to smuggle 22 prospective Indonesian migrant workers to Malaysia through an unofficial "
     "port in Batam.\n\n\"None of them had work visas, and they were told they would enter Malaysia through a small "
     "jetty at night to avoid immigration checks,\" he said.",
     "illegal migration"),
])
def test_forms_of_a_topic_told_in_full(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


def test_an_anti_smuggling_law_named_smuggles_no_migrants() -> None:
    # heldout17/f25: a baby-selling case investigated under Malaysia's ATIPSOM act
    body = ("The case is being investigated under Section 14 of the Anti-Trafficking in Persons and Anti-Smuggling of "
            "Migrants Act 2007, police said. Four infants were rescued from the syndicate.")
    assert "illegal migration" not in _rules("Baby-selling syndicate busted, four infants rescued", body)


@pytest.mark.parametrize("body, absent", [
    # heldout22/a34: drug users as one kind of people whose ID cards were bought
    ("Lộc đã chỉ đạo các đồng phạm mua căn cước công dân của người lao động, người nghiện ma túy, người có hoàn "
     "cảnh khó khăn với giá từ 2 đến 5 triệu đồng mỗi bộ để lập công ty ma.", "drug crime"),
    # heldout22/a38: a year's figures, case by case
    ("Năm 2024, lực lượng đã phát hiện, bắt giữ 87 vụ buôn lậu, 4 vụ ma túy, 15 vụ xuất nhập cảnh trái phép.",
     "drug crime"),
])
def test_items_of_lists_of_counts_and_of_people_are_no_evidence(body: str, absent: str) -> None:
    assert absent not in _rules("Khởi tố 6 bị can trong đường dây mua bán hóa đơn", body)


def test_a_routine_told_in_a_clause_and_its_count_is_no_topic() -> None:
    # heldout22/a38: the joint patrols, then their count, after a semicolon (the 2026-11-24 panel)
    body = ("Đồn Biên phòng Giang Thành quản lý 12 cột mốc chính, bảo đảm các mốc luôn nguyên vẹn.\n\n"
            "Đồn cũng thường xuyên phối hợp tuần tra song phương với lực lượng bảo vệ biên giới Campuchia; từ đầu "
            "mùa khô đến nay, hai bên đã tổ chức 6 đợt tuần tra song phương.\n\n"
            "Các tổ tuần tra men theo bờ kênh Vĩnh Tế, kiểm tra từng cột mốc, phát quang hành lang biên giới.")
    assert "law-enforcement cooperation" not in _rules("Biên phòng Kiên Giang giữ vững biên cương dịp Tết", body)


def test_a_crime_named_in_a_list_elsewhere_does_not_make_a_speakers_figures_a_story() -> None:
    # heldout22/a31: deportation figures in one sentence, "illegal migration" as one item of a list
    body = ("In 2024 the two sides coordinated in handling hundreds of cases relating to drug trafficking, human "
            "trafficking, illegal migration and online fraud.\n\nMinister Quang asked the Cambodian side to hand over "
            "Vietnamese nationals wanted in Viet Nam.\n\nSar Sokha said Cambodian authorities had inspected hundreds of "
            "locations and deported thousands of foreigners involved in such operations this year.")
    assert "illegal migration" not in _rules("Vietnam, Cambodia step up cooperation against transnational crime", body,
                                             home="Vietnam")


def test_an_international_airport_is_no_foreign_partner() -> None:
    # heldout23/h35: the city police and the airport's staff in a counter-terror drill are domestic
    body = ("Chiều 30/10, Công an thành phố chủ trì, phối hợp Cảng hàng không quốc tế Đà Nẵng và các đơn vị liên quan "
            "tổ chức diễn tập phương án chống khủng bố, giải cứu con tin tại nhà ga T2.")
    assert _rules("Diễn tập chống khủng bố tại Cảng hàng không quốc tế Đà Nẵng", body) == ["terrorism"]


# --- heldout24 --------------------------------------------------------------------------------

def test_a_law_named_after_trafficking_is_no_evidence() -> None:
    # heldout24/l11: migrants landed on a coast, the case filed under the Atipsom Act
    body = ("Police foiled an attempt to land 42 Indonesian illegal immigrants on the coast of Kota Tinggi.\n\n"
            "The case is being investigated under Section 26A of the Anti-Trafficking in Persons and Anti-Smuggling "
            "of Migrants Act 2007 and Section 6 of the Immigration Act.")
    assert "human trafficking" not in _rules("42 illegal immigrants held in Johor", body)
    # an anti-trafficking drive remains one, "law enforcement" after it being no law's name
    body2 = ("The anti-trafficking campaign brought law enforcement officers to every village.\n\n"
             "Human trafficking victims were rescued in two raids.")
    assert "human trafficking" in _rules("Campaign against trafficking", body2)


def test_the_headlines_topic_takes_an_ambiguous_word_of_the_body() -> None:
    # heldout24/l14: "trafficking networks" in a course on drug control are drug networks
    body = ("The course covers controlled deliveries, the tracing of drug-related money flows and the use of big "
            "data in tracking trafficking networks.\n\nOfficers from six countries attend.")
    assert "human trafficking" not in _rules("Mekong countries open law enforcement course on drug control", body)


def test_data_sold_on_is_no_trafficking_of_people() -> None:
    # heldout24/l28: stolen personal data "bị bán lại" to scam groups
    body = ("Nhóm tin tặc xâm nhập hệ thống, mã hóa dữ liệu rồi đòi tiền chuộc.\n\n"
            "Dữ liệu cá nhân bị đánh cắp thường bị bán lại cho các nhóm lừa đảo, tín dụng đen.")
    assert "human trafficking" not in _rules("Triệt phá nhóm hacker mã hóa dữ liệu tống tiền", body)


def test_information_exchanged_about_the_border_is_what_partners_talked_about() -> None:
    # heldout24/l19: "trao đổi hơn 150 tin về tình hình an ninh trật tự khu vực biên giới"
    body = ("Hai bên duy trì cơ chế phối hợp, tổ chức hội đàm định kỳ 6 tháng một lần, trao đổi hơn 150 tin về "
            "tình hình an ninh trật tự khu vực biên giới.\n\nCông an hai tỉnh đã phối hợp truy bắt 12 đối tượng.")
    assert "border security" not in _rules("Bàn giao đối tượng truy nã cho Công an tỉnh Savannakhet", body)


def test_patrol_and_ambush_teams_on_the_borders_trails_are_border_security() -> None:
    # heldout24/l32
    body = ("Đồn đã bố trí thêm 4 tổ tuần tra, phục kích luân phiên 24/24 giờ tại các khu vực đường mòn, lối mở "
            "trên đoạn biên giới dài gần 20 km đồn phụ trách.\n\nNhóm 9 người không có hộ chiếu.")
    assert "border security" in _rules("Ngăn chặn 9 người xuất cảnh trái phép", body)


def test_a_baby_selling_syndicate_is_human_trafficking() -> None:
    # heldout17/f25, once right only through the Atipsom Act's name
    assert "human trafficking" in _rules("Baby-selling syndicate busted in Selangor, four infants rescued",
                                         "Police have crippled a syndicate believed to have sold 20 babies.")


def test_a_self_styled_investigator_on_a_video_call_is_a_telecom_scam() -> None:
    # heldout24/l02: the scam told without the words "lừa đảo qua mạng"
    body = ("Bà Vân chuyển 2,3 tỷ đồng vào \"tài khoản tạm giữ\" theo yêu cầu của người tự xưng là cán bộ điều tra "
            "đang gọi video cho mình.\n\nCông an quận Cầu Giấy đang xác minh đơn trình báo của bà.")
    assert "online and telecom fraud" in _rules("Người phụ nữ mất 2,3 tỷ đồng vì tin cuộc gọi \"công an\"", body)


def test_warrants_an_official_reports_in_a_scam_story_are_no_scammers_claim() -> None:
    # heldout24/l22: a phone-scam gang caught abroad, some of them wanted at home
    body = ("Police arrested 14 Japanese men running a phone scam from a rented house in Pattaya. Callers posing as "
            "police officers targeted elderly people in Japan by phone.\n\nPol Col Akkharawat said Japanese police had "
            "obtained arrest warrants for at least five of the men over fraud cases in Japan in 2024.\n\n"
            "Japanese authorities have asked Thailand to send the suspects back.")
    assert "fugitives and extradition" in _rules("Japanese phone-scam gang arrested in Pattaya", body)
    # a scammer's fake warrant stays a pretext
    scam = ("A man posing as a police officer called the retiree by phone and told her that an arrest warrant had "
            "been issued in her name.\n\nShe transferred 300 million dong before her son stopped her.")
    assert "fugitives and extradition" not in _rules("Retiree loses 300 million dong to fake police call", scam)


def test_a_scammers_pretext_told_at_length_is_no_evidence() -> None:
    # heldout26/i23: what the victims were told, with a long clause before "linked to"
    body = ("Police raided a call-centre gang in Chon Buri that had cheated 300 Thai victims. Gang members posed "
            "as police officers. Victims were told their identity documents had been used to open bank accounts "
            "linked to a smuggling case, and were then transferred by video call to a fake prosecutor who ordered "
            "them to move their savings for checking. The victims lost 85 million baht in all.")
    topics = detect_topics("Police raid Chon Buri call-centre gang that posed as officers", body)
    assert "online and telecom fraud" in topics and "smuggling" not in topics


# --- heldout27 ------------------------------------------------------------------------

_DEBT_COLLECTORS = ("Triệt xóa nhóm đòi nợ thuê cho app vay tiền, \"khủng bố\" danh bạ người vay",
                    "Mỗi ngày, nhóm nhận danh sách khách hàng quá hạn, chia nhau gọi điện, nhắn tin \"khủng bố\" "
                    "người vay và người trong danh bạ. Có người bị khủng bố tinh thần suốt nhiều tháng. Bảo "
                    "và đồng phạm bị khởi tố về tội Cho vay lãi nặng trong giao dịch dân sự.")


def test_khung_bo_for_a_debt_collectors_harassment_is_no_terrorism() -> None:
    assert "terrorism" not in _rules(*_DEBT_COLLECTORS)
    # the crime itself stays evidence
    assert "terrorism" in _rules("Diễn tập chống khủng bố tại sân bay",
                                 "Lực lượng công an diễn tập phương án chống khủng bố tại nhà ga. "
                                 "Tình huống giả định nhóm khủng bố chiếm giữ con tin trong nhà ga.")


@pytest.mark.parametrize("title, body, topic", [
    ("Dawlah Islamiyah members surrender in Lanao del Sur",
     "Eight members of the Dawlah Islamiyah-Maute Group surrendered to the Army on Friday. One of them was "
     "described as a sub-leader who had been a bomb expert for the ISIS-inspired group since 2021.",
     "terrorism"),
    ("Khởi tố đường dây môi giới hiến thận",
     "Công an bắt tạm giam 6 đối tượng về tội \"Mua bán bộ phận cơ thể người\". Đường dây mua bán nội tạng "
     "này đã môi giới ít nhất 31 ca ghép thận.",
     "human trafficking"),
    ("NBI nabs ex-mayor after five months in hiding",
     "A former town mayor who went into hiding after a court ordered his arrest was caught on Monday. "
     "He had eluded authorities for five months, moving between provinces.",
     "fugitives and extradition"),
    ("Vietnamese crypto fugitive arrested in Pattaya",
     "A Vietnamese man wanted for running a cryptocurrency investment scheme that swindled more than 9,000 "
     "people was arrested. Early investors were paid with money from later ones in the Ponzi scheme.",
     "online and telecom fraud"),
])
def test_forms_of_a_topic_heldout27(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


def test_oneself_typed_without_accents_sells_no_organ() -> None:
    # "ban than" typed without accents is "bản thân" (oneself), not "bán thận"
    assert "human trafficking" not in _rules("Canh giac lua dao qua mang",
                                             "Nguoi dan can tu bao ve ban than truoc cac chieu lua dao. "
                                             "Ban than moi nguoi phai giu bi mat ma OTP.")


def test_smuggled_migrants_and_navies_ties_heldout28() -> None:
    migrants = _rules("Europe-wide raids target gang smuggling Vietnamese migrants to UK",
                      "Police have arrested 14 people suspected of smuggling hundreds of Vietnamese migrants "
                      "across the English Channel. The network is accused of smuggling Vietnamese migrants into "
                      "the United Kingdom in the backs of lorries and in small boats.")
    assert "smuggling" not in migrants and "illegal migration" in migrants
    assert "smuggling" in _rules("Customs seize smuggled cigarettes",
                                 "Officers caught a man smuggling women's clothing and 300 cartons of cigarettes "
                                 "across the border. He admitted smuggling the goods for a trader.")
    navy = _rules("Vietnamese frigate visits Manila",
                  "Trinidad said naval diplomacy with Vietnam had expanded after the two countries signed a "
                  "memorandum of understanding on defense cooperation, under which the navies hold talks.")
    assert "law-enforcement cooperation" not in navy


def test_runaway_migrant_workers_are_illegal_migration() -> None:
    assert "illegal migration" in _rules("Brokers placed runaway workers in factories",
                                         "Investigators said the ring placed runaway migrant workers at construction "
                                         "sites. The runaway workers paid the brokers a monthly fee.")


@pytest.mark.parametrize("title, body, topic", [
    # heldout29
    ("Nail bar couple guilty of enslaving Vietnamese teenagers",
     "A couple have been found guilty of modern slavery offences after forcing Vietnamese teenagers to work "
     "unpaid in their nail bars. Police called it labour exploitation hiding in plain sight.",
     "human trafficking"),
    ("Giả giọng giám đốc bằng AI, lừa kế toán chuyển 4,6 tỉ đồng",
     "Kẻ gian dùng công nghệ deepfake để giả giọng giám đốc trong cuộc gọi video. Kế toán đã chuyển 4,6 tỉ "
     "đồng vào tài khoản của nhóm lừa đảo.",
     "online and telecom fraud"),
    ("MMEA intercepts boat with 142 Rohingya off Langkawi",
     "A boat carrying 142 Rohingya was intercepted off Langkawi. Another 31 Rohingya were detained after "
     "landing on the coast.",
     "illegal migration"),
])
def test_forms_of_a_topic_heldout29(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # heldout28 to heldout30: counterfeit money, money mules, unlicensed currency exchange, SIM swaps,
    # fake websites, card skimming, a new controlled drug, smuggled farm goods, ore without papers
    ("Nhóm 9X bán tiền giả qua TikTok",
     "Công an tỉnh Phú Thọ đã khởi tố 4 đối tượng về tội làm, tàng trữ, vận chuyển, lưu hành tiền giả. Nhóm này in "
     "tiền giả mệnh giá 500.000 đồng rồi rao bán trên mạng xã hội.",
     "economic crime"),
    ("Police warn against lending bank accounts",
     "Police said 1,200 money mules were investigated last year. Money mules who hand over their accounts can be "
     "prosecuted even if they did not know the money came from scams.",
     "economic crime"),
    ("Phát hiện 4 tiệm vàng đổi ngoại tệ trái phép",
     "Lực lượng chức năng phát hiện cả 4 tiệm vàng đều thu đổi ngoại tệ trái phép khi không được cấp phép làm đại "
     "lý. Hành vi mua bán ngoại tệ trái phép bị phạt tiền đến 100 triệu đồng.",
     "economic crime"),
    ("Bắt nhóm chiếm đoạt SIM để rút tiền trong tài khoản",
     "Các đối tượng làm giả giấy tờ để chiếm đoạt SIM của nạn nhân tại cửa hàng nhà mạng, rồi dùng mã OTP để chuyển "
     "tiền. Công an cảnh báo thủ đoạn chiếm đoạt SIM đang gia tăng.",
     "online and telecom fraud"),
    ("Cảnh báo website giả mạo cổng thị thực điện tử",
     "Cục Quản lý xuất nhập cảnh phát hiện hàng chục website giả mạo cổng thị thực điện tử để thu phí cao của du "
     "khách. Người nộp hồ sơ qua trang web giả mạo bị mất tiền và lộ thông tin.",
     "online and telecom fraud"),
    ("Foreigners held over ATM skimming in Phuket",
     "Police arrested two foreign men who fitted card skimming devices to ATMs in Patong. The skimming devices "
     "copied the data of more than 300 cards.",
     "economic crime"),
    ("Police bust etomidate vape ring",
     "Police in Shenzhen arrested 26 people suspected of selling e-cigarette cartridges laced with etomidate. "
     "Etomidate was listed as a controlled drug in 2023.",
     "drug crime"),
    ("Customs seizes smuggled onions at port",
     "The Bureau of Customs said the shipment of smuggled onions was declared as frozen dumplings. Smuggling "
     "agricultural products above P10 million is now economic sabotage.",
     "smuggling"),
    ("Bắt giữ 3 xe tải chở 86 tấn quặng đất hiếm không rõ nguồn gốc",
     "Tổ công tác dừng kiểm tra 3 xe tải, phát hiện 86 tấn quặng không có hóa đơn, chứng từ chứng minh nguồn gốc.",
     "smuggling"),
])
def test_forms_of_a_topic_heldout30(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # a prank's bag of prop money, an advert for medicine of unknown origin, "cho" for "chở"
    ("Cặp song sinh bị bắt vì đóng giả cướp ngân hàng",
     "Trong một video, hai anh em mặc quần áo đen và cầm theo một túi tiền giả đi trên đường để quay clip.",
     "economic crime"),
    ("Người dùng phản đối quảng cáo trên YouTube",
     "Người dùng phản đối việc để cho quảng cáo thuốc không rõ nguồn gốc xuất hiện tràn lan.",
     "smuggling"),
])
def test_words_that_are_no_evidence_heldout30(title: str, body: str, topic: str) -> None:
    assert topic not in _rules(title, body)


@pytest.mark.parametrize("title, body", [
    # heldout30/ke01: border residents keeping the line and its markers
    ("Biên phòng An Giang bắt 3 ghe chở đường cát nhập lậu",
     "Đơn vị cũng vận động cư dân biên giới tham gia mô hình \"Tổ tự quản đường biên, mốc quốc giới\", kịp thời báo "
     "tin khi phát hiện phương tiện lạ."),
    # Dân trí: a joint patrol checking the markers
    ("Tuần tra song phương", "Trong quá trình tuần tra, hai bên đã kiểm tra hiện trạng 4 cột mốc quốc giới và các "
     "cọc dấu, phát quang đường tuần tra."),
    # heldout30/ke17, kf14: a commander on the border; patrols of a country's waters
    ("Thai troops step up checks", "\"We understand the situation on the other side, but we must protect our border,\" "
     "the colonel said on Friday."),
    ("Indonesian boats intercepted", "The operation was part of Operation Resolute, the whole-of-government effort "
     "to patrol Australia's maritime domain."),
])
def test_border_security_forms_after_heldout30(title: str, body: str) -> None:
    assert "border security" in _rules(title, body)


@pytest.mark.parametrize("title, body", [
    # heldout31/kh17: ketum (kratom) leaves, controlled in Malaysia and Thailand
    ("GOF seizes 3.2 tonnes of ketum leaves in Kedah, two held",
     "The General Operations Force seized 3.2 tonnes of ketum leaves bound for southern Thailand."),
    ("Bắt xe tải chở 2 tấn lá kratom", "Công an phát hiện xe tải chở 2 tấn lá kratom không rõ nguồn gốc."),
])
def test_kratom_is_drug_crime_heldout31(title: str, body: str) -> None:
    assert "drug crime" in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # heldout28/ka19: runaway workers with their nationality between the words
    ("Taiwan busts broker ring",
     "The National Immigration Agency said it had broken up a broker ring that placed runaway Vietnamese migrant "
     "workers at construction sites and factories in northern Taiwan.", "illegal migration"),
    # heldout30/ke03: a former trainee living in the country illegally
    ("Five arrested over home-invasion robbery",
     "Nguyen's period of stay expired in October 2023, and he has been living in Japan illegally since then.",
     "illegal migration"),
    # heldout31/kg20: goods sent abroad without export papers
    ("Junta police seize 1.2 tons of jade bound for China",
     "Police said the jade was to be sent into China's Yunnan Province without paying royalties or obtaining "
     "export permits.", "smuggling"),
    # heldout31/kh16: a country's border crossings closed
    ("Thailand shuts Cambodia border crossings to tourists and traders as standoff deepens",
     "Thailand's army has closed all land border crossings with Cambodia to tourists and traders.",
     "border security"),
    # estafa, the Philippine charge of swindling, done through a social network
    ("Travel agency owner nabbed",
     "Villamor faces estafa charges over tour packages she sold through her Facebook page.",
     "online and telecom fraud"),
])
def test_forms_of_a_topic_after_heldout31(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # heldout9/r25: a fugitive's overstay, told in passing, is the chase's detail
    ("Thai police arrest Vietnamese fugitive in Pattaya",
     "Immigration police have arrested a Vietnamese man wanted in his home country for swindling investors.\n\n"
     "He had overstayed his visa by more than three months.", "illegal migration"),
    # a border gate closed for a holiday is no border control
    ("Cửa khẩu nghỉ Tết", "The Moc Bai border gate closed early for the Lunar New Year holiday.", "border security"),
])
def test_what_is_no_evidence_after_heldout31(title: str, body: str, topic: str) -> None:
    assert topic not in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # heldout31/kh05: a word of the phrase in quotes, and scam money turned into crypto
    ("Triệt phá đường dây thuê, mua hơn 3.000 tài khoản ngân hàng để 'rửa' tiền lừa đảo qua tiền ảo",
     "Công an đã khởi tố vụ án.", "economic crime"),
    ("Triệt phá đường dây thuê tài khoản ngân hàng",
     "Đường dây đã thuê hơn 3.000 tài khoản ngân hàng để nhận tiền từ các vụ lừa đảo, sau đó chuyển đổi sang tiền mã "
     "hóa USDT và chuyển ra nước ngoài.", "online and telecom fraud"),
    ("Trader jailed", "The court found that the company evaded taxes of HK$3.1 billion by under-declaring its bets.",
     "economic crime"),
])
def test_quoted_words_crypto_scam_money_and_evaded_taxes(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


def test_taxes_avoided_by_law_are_no_economic_crime() -> None:
    # Reuters 21578 #60: a loophole in the tax code, not a crime
    assert "economic crime" not in _rules("Key U.S. tax writers seek estate tax curbs",
                                          "The provision allowed many wealthy individuals to avoid the federal estate "
                                          "tax entirely when they die.")


@pytest.mark.parametrize("title, body, topic", [
    # heldout32/ki18: an underground bank sending money abroad
    ("4 arrested over underground bank that sent ¥3.2 bil to China",
     "Police said they arrested four people on suspicion of operating an unlicensed underground bank.", "economic crime"),
    # heldout32/ki17: parallel trading across the border gate
    ("Customs busts parallel-trading group", "The Macau Customs Service has dismantled a parallel-trading group that "
     "paid elderly residents to carry frozen meat.", "smuggling"),
    # heldout32/ki16: spirits under fake labels
    ("Four tourists dead after suspected methanol poisoning",
     "Police seized hundreds of bottles of fake-label vodka from a riverside venue in Kampot.", "smuggling"),
    # heldout32/kj11: a scam site dressed as a bookmaker
    ("Gỡ video quảng cáo cá độ", "Nhiều quảng cáo thực chất dẫn tới các trang lừa đảo đội lốt nhà cái, nạp tiền rồi "
     "mất hút.", "online and telecom fraud"),
])
def test_forms_of_a_topic_heldout32(title: str, body: str, topic: str) -> None:
    assert topic in _rules(title, body)


@pytest.mark.parametrize("title, body, topic", [
    # heldout32/kj06: a fake bank's app ("ngân hàng giả mạo") holds no counterfeit goods ("hàng giả")
    ("Vô hiệu hóa 14 tên miền phát tán ứng dụng ngân hàng giả mạo chiếm đoạt mã OTP",
     "Giao diện ứng dụng ngân hàng giả mạo gần như giống hệt ứng dụng thật.", "smuggling"),
    # heldout32/kj16: "trafficking" in a story whose drug evidence runs through it is drug trafficking
    ("Britons held over Bali villa lab", "Police said the villa held a lab producing synthetic drugs.\n\nThey seized "
     "narcotics worth $2 million.\n\nIndonesia has some of the world's toughest drug laws, and foreigners have been "
     "sentenced to death for trafficking offences.", "human trafficking"),
])
def test_what_is_no_evidence_heldout32(title: str, body: str, topic: str) -> None:
    assert topic not in _rules(title, body)
