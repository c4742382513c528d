"""Word tables for finding people's names: titles before a name, words that open an
organisation or a place in front of one, words never in a name, Vietnamese family and
middle names. Data only; :mod:`searchlib.ingest.people` holds the rules that use them."""

from __future__ import annotations

from searchlib.textnorm import fold

EN_TITLES = (
    "Deputy Prime Minister", "Prime Minister", "Deputy Minister", "Vice Minister", "Assistant Minister",
    "Minister", "Vice President", "President", "Party General Secretary", "General Secretary", "Secretary",
    "Secretary-General", "Director-General", "Deputy Director-General",
    "Chairman", "Chairwoman", "Chair", "Deputy Chair", "Chairperson", "Lawmaker", "Director", "Ambassador", "counterpart", "Senior Lieutenant General",
    "Lieutenant General", "Major General", "General", "Lieutenant Colonel", "Colonel", "Senior Colonel",
    "Lt. Gen.", "Maj. Gen.", "Gen.", "Col.", "Sen. Lieut. Gen.", "Lieut. Gen.", "Sen. Lt. Gen.", "Lieut. Col.",
    "Lt. Col.", "Sen. Col.", "Maj.", "Capt.", "Lieut.", "Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr",
    "Premier", "Chancellor", "Governor", "Commissioner", "Commissioner General", "Deputy Commissioner",
    "Police Commissioner", "Mayor", "Vice Mayor", "Commander", "Deputy Commander", "Asst Comm", "Senior Asst Comm",
    "Assistant Commissioner", "Senior Assistant Commissioner",
    "Pol Gen", "Pol Lt Gen", "Pol Maj Gen", "Pol Col", "Pol Lt Col", "Police General", "Police Colonel",
    "Gen", "Lt Gen", "Maj Gen", "Lt Col", "Brig Gen", "Brigadier General", "Major", "Captain", "Lieutenant",
    "Senior Lieutenant", "Sergeant", "Corporal", "Lance Corporal", "Cpl", "Constable", "Inspector", "Superintendent", "officer", "spokesman", "spokeswoman",
    "spokesperson", "Comm", "Datuk", "Dato'", "Tan Sri", "Datuk Sri", "Dato' Sri", "Dato Sri", "Datuk Seri",
    "Dato' Seri", "Dato Seri", "Datuk Wira", "Dato' Wira", "Datuk Seri Wira", "Dato' Seri Wira",
    "police chief", "chief", "judge", "prosecutor", "lawyer",
    # ranks hyphenated as Myanmar's and Britain's press write them ("Maj-Gen Zaw Min Tun")
    "Maj-Gen", "Lt-Gen", "Brig-Gen", "Lt-Col", "Senior Gen", "District Collector",
    "head", "Daw", "H.E.", "H.E", "His Excellency", "Her Excellency", "tycoon", "developer", "actor", "actress",
    # Malaysian and Indonesian police ranks ("SAC Rosli Hashim", "AKBP Budi Santoso", "Kombes Pol Ade Ary")
    "SAC", "ACP", "DCP", "DSP", "ASP", "Supt", "Insp", "Insp Gen", "AKBP", "Kombes", "Kombes Pol", "Brigjen",
    "Brigjen Pol", "Irjen", "Irjen Pol", "Komjen", "Kompol",
    # the same ranks as Antara's English pages abbreviate them ("Sr. Comr. Hendra Wirawan")
    "Sr. Comr.", "Comr.", "Adj. Sr. Comr.", "Senior Commissioner", "Adjunct Senior Commissioner", "Insp. Gen.",
    "Brig. Gen.",
    # naval and coast guard ranks ("Coast Guard Commodore Rodel Hernandez")
    "Commodore", "Admiral", "Rear Admiral", "Vice Admiral", "Adm.", "Rear Adm.", "Vice Adm.",
    "businessman", "businesswoman",
    # roles of general news before a name ("company CEO Andy Vesey", "producer John Shanks",
    # "NASA scientist Lucas Paganini", "Sen. Ted Cruz" is the senator where no rank follows)
    "Attorney-General", "Attorney General", "Solicitor-General", "Solicitor General",
    "Lieutenant-Colonel", "Lieutenant-General", "Major-General", "Brigadier-General", "Madam", "Madame",
    "Detective Inspector", "Detective Sergeant", "Detective Superintendent", "Detective Chief Inspector",
    "Detective Constable", "Pol Sgt", "Pol Sgt Maj", "Pol Snr Sgt Maj", "Pol Capt", "Pol Lt", "Pol Maj",
    "Pol Cpl", "Pol Sub Lt",
    "CEO", "Chief Executive", "Chief Executive Officer", "Managing Director", "General Director", "founder", "co-founder", "producer", "official", "adviser", "advisor", "envoy", "scientist",
    "researcher", "analyst", "economist", "professor", "Professor", "Prof.", "Senator", "Rep.",
    "Representative", "Gov.", "King", "Queen", "Prince", "Princess", "Pope", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "singer", "rapper", "author", "novelist", "journalist",
    "activist", "rival", "candidate", "leader", "dissident", "billionaire",
    # courts ("Magistrate Nurul Ain Mohd Yusof")
    "Magistrate",
)
#: Vietnamese titles: the name may follow an organisation written with lowercase words
#: ("Bộ trưởng Bộ Công an Lương Tam Quang"), so a few lowercase words may be skipped.
VI_TITLES = (
    "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch", "Phó Chủ tịch", "Tổng Bí thư",
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Giám đốc",
    "Đại sứ", "Bí thư", "Thiếu tá", "Đại úy", "Đại uý", "Thượng úy", "Thượng uý", "Trung úy", "Trung uý",
    "Thiếu úy", "Thiếu uý", "Trưởng phòng", "Cục trưởng", "Tổng cục trưởng", "Chánh án", "Viện trưởng",
    "Luật sư", "Trưởng Công an", "Phó Trưởng Công an", "Phó Giám đốc", "Chỉ huy trưởng", "Đồn trưởng",
    "Già làng", "Trưởng bản", "Trưởng thôn", "Trưởng ấp",
    # titles before foreign names in Vietnamese news ("Tổng thống Mỹ Joe Biden", "Phát ngôn viên
    # Điện Kremlin Dmitry Peskov", "TS. Ernest Wong")
    "Tổng thống", "Phó Tổng thống", "Ngoại trưởng", "Phát ngôn viên", "Người phát ngôn", "Tổng công tố viên",
    "Công tố viên", "Cố vấn", "Thống tướng", "Tổng thư ký", "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ",
    "Thống đốc", "Thị trưởng", "Tổng giám đốc", "Phó Tổng giám đốc", "Chủ nhiệm", "Tư lệnh", "Phó Tư lệnh",
    "Đô đốc", "Chuẩn Đô đốc", "Thẩm phán", "Trợ lý",
    # foreign police in Vietnamese news ("Ủy viên AFP Reece Kershaw", "Thanh tra thám tử Mark Reeves")
    "Ủy viên", "Uỷ viên", "Thanh tra", "Thanh tra thám tử", "Thám tử",
)
#: Titles that name only foreigners: "Ủy viên Đoàn Mặt trận ..." is a member of a body.
FOREIGN_ONLY = frozenset({"ủy viên", "uỷ viên", "thanh tra", "thám tử"})
#: Personal titles and callings, right before the name, with no organisation between
#: ("TS. Ernest Wong", "bác sĩ Shaarang Sachdev"; not "Bác sĩ Sachdev dẫn phóng viên của Sky News").
VI_PERSONAL = frozenset(t.lower() for t in (
    "Quốc vương", "Nhà vua", "Hoàng tử", "Công chúa", "Nữ hoàng", "Giáo hoàng", "Tiến sĩ", "TS.", "Giáo sư",
    "GS.", "PGS.", "PGS.TS.", "GS.TS.", "Bác sĩ", "BS.", "Tỷ phú", "Ca sĩ", "Diễn viên", "Đạo diễn", "Nhà báo",
    "Nhà văn", "Lãnh đạo đối lập"))
#: Sport roles, right before the name ("tiền vệ Lê Hoàng Phúc", "HLV Park Hang-seo"; not "HLV đội X").
SPORT_ROLES = frozenset({"tiền vệ", "tiền đạo", "hậu vệ", "trung vệ", "thủ môn", "cầu thủ", "huấn luyện viên",
                          "hlv", "trọng tài"})
VI_DIRECT = ("ông", "Ông", "bà", "anh", "chị", "Chị")  # "Bà" starts places (Bà Rịa), "Anh" is the UK: lowercase only
#: Titles only in lowercase ("PPATK head Ivan Yustiavandana", "FSU chief Rendel Ryan Sy", "real
#: estate developer Truong My Lan"; "Head of the ... Division", "Chief of Bavet ... Checkpoint" name a unit).
LOWERCASE_ONLY = frozenset({"head", "chief", "tycoon", "developer", "actor", "actress", "businessman", "businesswoman",
                            "founder", "co-founder", "producer", "official", "adviser", "advisor", "envoy",
                            "scientist", "researcher", "analyst", "economist", "coach", "manager",
                            "striker", "midfielder", "defender", "goalkeeper", "singer", "rapper", "author",
                            "novelist", "journalist", "activist", "rival", "candidate", "leader", "dissident",
                            "billionaire"})


TITLE_KIND = {**{t.lower(): "en" for t in EN_TITLES}, **{t: "vi" for t in SPORT_ROLES | VI_PERSONAL},
               **{t.lower(): "vi" for t in VI_TITLES},
               # Vietnamese typed without accents ("Trung tuong To An Xo")
               **{fold(t).lower(): "vi" for t in VI_TITLES if fold(t).lower() not in ("giam doc", "chu tich")},
               "ông": "direct", "bà": "direct", "anh": "direct", "chị": "direct"}

ABBREVIATIONS = frozenset({"gen", "lt", "maj", "col", "sen", "mr", "ms", "mrs", "dr", "prof", "brig", "adm", "capt",
                           "lieut"})
#: Words that open a title or an organisation in front of a name; stripped from its start.
LEADING = frozenset("""
public security state foreign affairs national defence defense home interior justice police party central
committee ministry ministries vietnamese chinese lao cambodian thai myanmar malaysian indonesian
singaporean philippine filipino asean un politburo member senior lieutenant general major colonel deputy
vice assistant asst comm comr prime minister ministers president secretary chairman chairwoman director ambassador the
communist people's peoples people government office department gen lt maj col mr ms mrs dr sir dame standing sen lieut capt
madam madame lieutenant-colonel lieutenant-general major-general brigadier-general detective
maj-gen lt-gen brig-gen lt-col wira lawmaker lawmakers chair neighbour neighbor
briton britons british american americans australian australians canadian french german russian korean koreans
japanese filipinos indonesians malaysians singaporeans thais
permanent executive acting former first provincial municipal bureau political immigration investigation
father fr pastor reverend rev
agency force forces commander chief head cabinet supreme court procuracy order safety administration
management border guard command military army navy information communications finance trade industry
labour social education health culture transport construction agriculture science technology ethnic
inspectorate bank assembly council front fatherland union youth women association his her their our
counterpart premier chancellor governor host visiting pol commissioner samdech kralahom oknha moha borvor thipadei akka techo
excellency but although however meanwhile while when after yet also so because since besides unlike except riêng còn
comm datuk dato' dato seri tan sri ts ir anh chị officer spokesman spokeswoman spokesperson captain sergeant inspector
migrant workers protection manpower welfare tourism environment resources planning investment religious
superintendent brig brigadier admiral commodore judge prosecutor lawyer ringleader suspect defendant victim mastermind accomplice
cụ bị cáo cục sở phòng đội viện học trại tòa toà lực lượng cơ quan hội sac acp dcp dsp asp supt insp akbp kombes brigjen irjen komjen kompol daw head
vietnam viet nam china laos cambodia thailand myanmar malaysia singapore indonesia philippines japan korea
australia russia india france germany britain japanese korean australian russian indian french german british
bộ trưởng thứ chủ tịch tổng bí thư đại thượng thiếu tướng tá phó thủ giám đốc sứ ông bà công an ngoại nội
tư ủy uỷ ban nhân dân tỉnh thành phố chính phủ đảng trung ương ubnd hđnd mặt trận tổ
""".split())
#: Family names of the Ê Đê, Gia Rai and other Central Highlands peoples, the last word of a
#: man's name after "Y" ("Y Bih Niê").
HIGHLAND_FAMILIES = frozenset(w for s in """
Niê Mlô Ksor Siu Kpă Rcom Byă Êban Adrơng Hđơk Ayun Ktla Nay Rmah Bkrông Hmok Mdrang Knul Ênuôl Alê Kbuôr
Kpơr Kpuih Châm Kdăm Yă Bdap
""".split() for w in (s.lower(), fold(s).lower()))
#: Raglai family names of two words ("Bo Bo Hùng", "Pi Năng Thanh" in Khánh Hòa and Ninh Thuận).
HIGHLAND_PAIRS = frozenset({"bo bo", "pi năng", "pi nang"})
#: Gia Rai and Ê Đê family names that open a name of three words ("Rah Lan Chung", "Ksor Blui").
HIGHLAND_FIRST = frozenset({"rah", "ksor", "siu", "rmah", "nay", "kpă", "rơ", "ro"})
#: Words that cannot be part of a person's name (places, organisations, months...).
REJECT = frozenset("""
ministry committee party security police department agency council assembly bureau government force division
command directorate guard guards army navy provincial municipal
ward commune town village hamlet bridge school stadium
forces center centre conference meeting dialogue forum summit university academy province district
river sea street road airport court office band concert group programme program plan act
vietnam china laos cambodia thailand myanmar malaysia singapore indonesia philippines brunei japan
korea russia india america american europe european asia asian pacific mekong lancang asean beijing
ukraine iran iraq syria africa germany france britain canada mexico brazil pakistan afghanistan australia
taiwan egypt italy spain poland
hanoi vientiane bangkok phnom penh yunnan guangxi guangdong shanghai saigon
vietnamese chinese lao cambodian thai
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
the his her their this that these those both all he she they we it its a an and of for in on at by with
photo ảnh lào campuchia real madrid united utd league fc club city hospital people people's land holdings jsc
hotel plaza resort mall tower casino brigade battalion regiment criminal
store app apps account website channel
mausoleum museum memorial monument pagoda temple narcotics investigation investigations affairs economy intelligence
crime crimes prevention cyber high-tech control enforcement protection trafficking fraud laundering smuggling
immigration customs bukit zealand congress parliament senate
""".split())
#: Letters after a name that are no part of it: a barrister's rank, a member's seat, an honour.
POST_NOMINALS = frozenset({"KC", "QC", "SC", "MP", "OBE", "MBE", "CBE", "KBE", "DBE"})
#: Words that open a region's name, never a person's ("East Java", "North Sumatra").
COMPASS = frozenset("east west north south central northern southern eastern western northeast northwest "
                    "southeast southwest".split())
#: Words that end a place's name and start a person's ("Yen So Park"; "Park Seung-hwan").
REJECT_AFTER_FIRST = frozenset({"park"})
#: Common Vietnamese family names (with and without accents): where a name starts inside a
#: run of capitalised organisation and place words ("Sở Y tế Hà Nội Nguyễn Văn A").
SURNAMES = frozenset(w for s in """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Đinh Trịnh Đào Cao Lâm Tạ Hà
Vương Kiều Quách Đoàn Chu Châu Triệu Thái Tô Lưu Trương Tăng Đàm Khúc Phùng Lục Mạc Tôn Thân Hứa Nông Lò Đồng
Doãn Lại Diệp Hầu Âu Quan Ninh Bạch Tống Chử Nghiêm Lã Trình Mai Đậu Giáp Hoàng Lò Từ Mã
Vàng Sùng Giàng Thào Lầu Mùa Hạng Cứ Sầm Quàng Cầm Tòng Lường Hờ Ksor Lù Thèn Chảo Sình Cù Ma Bế Vi Lăng
Danh
""".split() for w in (s.lower(), fold(s).lower())) | frozenset(
    # family names of the northern highlands (Hà Nhì, Dao, Giáy, Hmong) whose unaccented
    # forms are common words or other names ("San", "Tan", "Trang"): with accents only
    "sần tẩn phàn pờ vừ tráng sìn chẻo lồ lèng lô".split())
#: The leading words typed without accents ("Thu truong Bo Cong an"), except those that are
#: also family names once folded ("tổ" → "to", as in Tô Lâm).
LEADING = LEADING | ({fold(w) for w in LEADING} - SURNAMES)
#: Places starting with a family name, skipped when looking for one ("Thái Bình", "Hà Nội").
SURNAME_PLACES = frozenset({"ha noi", "ha nam", "ha giang", "ha tinh", "thai binh", "thai nguyen", "lam dong",
                             "cao bang", "ho chi minh", "dong nai", "dong thap", "ninh binh", "ninh thuan",
                             "hoang sa", "lao cai", "bach mai", "mai chau", "tay ninh", "bac ninh", "quang ninh",
                             "lu thang", "ma lu", "lai chau", "quang tri", "quang nam", "quang ngai", "quang binh",
                             "ha long", "nha trang", "da lat", "vung tau", "phan thiet", "quy nhon", "tuy hoa",
                             "rach gia", "ca mau", "soc trang", "tra vinh", "ben tre", "hoi an", "mong cai"})
#: Country names written without Vietnamese letters, in front of foreign names in Vietnamese text.
FOREIGN_LEADING = frozenset("anh nga trung lao israel iran ukraine canada singapore malaysia indonesia "
                             "philippines campuchia myanmar brazil cuba syria thailand nam kremlin".split())
REJECT_PHRASES = ("viet nam", "ha noi", "da nang", "ho chi minh city", "hai phong", "can tho", "thanh pho",
                   "trung quoc", "gia lai", "sa pa", "thai lan", "benh vien", "don bien", "lang son",
                   "lo lo")  # the Lô Lô people, and their villages ("Lô Lô Chải")

#: "Ông"/"Bà" typed without accents: also family names elsewhere in Asia (Ong, Ba).
UNACCENTED_ADDRESS = frozenset({"Ong", "Ba"})
#: Parts of Malay names, which run to five words ("Wan Mohd Saifuddin Wan Ismail").
#: Burmese honorifics ("U", "Daw", "Ma", "Ko") and the given-name words that show one opens
#: a Burmese name when all the words after it are such ("Ma Khin Thida" is Khin Thida; "Ma Văn
#: Kháng" and "Ko Wai Ming" keep their family names).
BURMESE_HONORIFICS = frozenset({"U", "Daw", "Ma", "Ko"})
BURMESE_NAME_WORDS = frozenset(
    "aung kyaw khin thida aye mya nwe sandar thandar phyu ei hla su myint thein zaw htet hlaing soe moe naing "
    "myo nyein htay htun tun khaing sein nyunt swe thet zin yadanar pyae phyo thura wai lwin win min "
    # more Burmese given-name words, and the Shan ones ("U Khun Tun Aye", "U Sai Kyaw Lin")
    "maung kyi oo san shwe thant thaung thu ye nay lin khin htoo hein kaung zeya thiha pyi than wunna "
    "khun sai sao nang nan".split())
MALAY_PARTS = frozenset("wan mohd mohamad mohammad muhammad abdul abd nik megat siti nor noor".split())
#: Capitalised words that open a Vietnamese title: after a full name they start the next
#: phrase ("ông Nguyễn Thành Phong Chủ tịch UBND"), not the name.
TITLE_OPENERS = frozenset("chủ phó giám bộ thứ thủ tổng trưởng đại thượng thiếu bí chánh viện cục đồn ông bà".split())

#: Words before a Vietnamese name that make it a street, school, bridge or place name
#: ("đường Lê Hồng Phong", "Trường THPT Nguyễn Du", "quận Hai Bà Trưng", "Nhà thi đấu Trịnh Hoài
#: Đức", "sân vận động Thống Nhất").
NOT_PERSON_BEFORE = frozenset("""
đường phố quận huyện xã phường thị tỉnh trấn ấp thôn bản trường học thpt thcs chuyên cầu chợ làng khu số tuyến
viện tâm ty tượng lăng đền chùa giải thưởng sân tp tp. nhà
đấu động lộ
street road avenue ward district school university bridge hospital
tinh huyen xa phuong quan thon duong
""".split())
#: Capitalised phrases that start like a name and are not one ("Vương quốc Anh": the UK).
NOT_NAMES = ("ho chi minh", "vuong quoc", "hai ba trung")
NOT_PERSON_AFTER = frozenset("street road avenue boulevard ward district school university bridge stadium provincial "
                             "province municipal city police department".split())

#: Middle names of most Vietnamese (folded): "Pham Gia Bao", "Ho Van Cuong", "Tran Duc Anh".
MIDDLE_NAMES = frozenset("""van thi duc quang minh hoang huu ngoc thanh xuan dinh cong quoc hong kim gia ba trong tien
manh tuan duy hai huy viet tan nhat bao dang khac tat phuc trung thu thuy anh tam dac ky""".split())
#: The same middle names as Vietnamese names write them, with their accents.
MIDDLE_ACCENTED = frozenset("""văn thị đức quang minh hoàng hữu ngọc thanh xuân đình công quốc hồng kim gia bá trọng
tiến mạnh tuấn duy hải huy việt tấn nhật bảo đăng khắc tất phúc trung thu thúy thuý anh tâm đắc kỳ""".split())
#: Common Korean and Chinese family names in their romanised forms: a foreign name of three
#: words after a Vietnamese title starts with one ("Tổng thống Hàn Quốc Yoon Suk Yeol"); any
#: other third word from the end is a place or a body ("Tổng thống Argentina Javier Milei").
EAST_ASIAN_FAMILIES = frozenset("""
kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin sin kwon
hwang ahn an song hong yoo yu ryu moon mun yang son bae baek heo hur nam noh roh ha jeon chun ko go
wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang feng deng cao
peng zeng xiao tian dong yuan pan cai jiang du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao
jia xia fu fang bai zou meng xiong qin qiu hou xue yan duan lei long shao lai gu kong mao hao tao qi
ho lam chan wong leung tsang chow lau cheung yeung ng tse kwok tsai chiang hsu chou chu
""".split())

#: Words of a minister's portfolio, joined by "and" ("Minister of Immigration and Corrections
#: Agus Andrianto", "Minister for Home Affairs and Law K. Shanmugam"): stripped from the
#: words after a minister's title only, where they cannot be a family name ("Law Kin-wai").
PORTFOLIO = frozenset("""
immigration corrections law human rights trade industry finance justice home foreign affairs defence defense
interior public security labour labor manpower health education transport transportation communications
communication information digital tourism agriculture fisheries environment energy mines mineral resources natural
social welfare women family youth sports culture planning investment economy economic religious legal national
development coordinating political maritime administrative reform agrarian spatial cooperatives science technology
innovation research construction works housing rural urban local government veterans and &
""".split())
