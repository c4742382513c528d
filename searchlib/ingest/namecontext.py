"""What stands around a name and shows it is a person's.

A capitalised run of words is a person's name when its context says so: an age or a year of
birth after it, a role in apposition, a relative "who", an alias, or a person described just
before it; a claimed identity ("posing as") shows it is not, and so does a firm's or a place's
word right before the words after a title. These patterns are shared by the rules in ``people``
that find names of any origin.
"""

from __future__ import annotations

import re

from searchlib.ingest.laonames import SYLLABLE
from searchlib.ingest.namewords import NOT_PERSON_BEFORE, SURNAMES
from searchlib.textnorm import fold, has_diacritics

#: After a name: an age or a year of birth ("Bounmy Sengsouvanh, 38,", "Lò Văn Thắng (SN 1985)",
#: "Vàng Thị Mai (31 tuổi)").
AGE_AFTER = re.compile(r"(?:\s*\([\u3400-\u9fff]{2,6}\))?"  # a name's characters first: "Lin Chih-ming (林志明), 56,"
                       r",\s*\d{1,2}\s*(?:[,);:]|\.(?!\d))|,\s*an?\s+\d{1,2}[- ]years?[- ]old\b|,\s*(?:born in|sinh năm|sinh nam)\s+\d{4}"
                       r"|\s*\(\s*(?:SN|sinh năm|sinh nam|b\.)\s*\d{4}|\s*\(\s*\d{1,2}\s*(?:tuổi|tuoi)\b"
                       r"|,\s*\d{1,2}\s*(?:tuổi|tuoi)\b"
                       # a bare age in brackets closing the name: "Jake Thomas Wilson (34), an Australian"
                       r"|\s*\(\d{1,2}\)(?=\s*[,;.]|\s+(?:and|was|were|is|who|from|of|said|says|told)\b)")
#: After a name: an appositive naming a role ("Li Wenjie, head of the Chinese team", "Michael
#: Collins, Australia's Ambassador", "said Somchai Kitcharoen, governor of Tak"). "son" only
#: in lowercase: "Thanh Hoa, Son La and Nghe An" lists provinces.
ROLE_AFTER = re.compile(
    r"(?:\s*\([\u3400-\u9fff]{2,6}\))?,\s+(?:(?:a|an|the)\s+(?:(?!(?:and|or|of|in|at|for|from|with|who)\b)[a-z][a-z-]*\s+){0,2})?"
    r"(?:(?:former|then|acting|senior|deputy|vice|chief|assistant|permanent|executive|managing|operations|"
    r"programme|program|regional|country)\s+)*"
    r"(?:[A-Z][a-z]+(?:'s|’s)\s+(?:[a-z]+\s+)?|(?-i:[A-Z][A-Z0-9-]{1,10})\s+(?:(?-i:[a-z]+)\s+)?)?"  # "PRO-11 spokesperson", "UNODC regional representative"
    r"(?:head|director|director-general|chief|deputy|governor|spokesman|spokeswoman|spokesperson|official|"
    r"officer|commander|ambassador|minister|secretary|president|chairman|chairwoman|expert|researcher|lawyer|"
    r"judge|prosecutor|representative|member|inspector|superintendent|general|colonel|captain|founder|owner|"
    r"manager|leader|envoy|adviser|advisor|analyst|professor|consul|attaché|attache|coordinator|businessman|"
    r"businesswoman|tycoon|boss|activist|scholar|lecturer|economist|investigator|financier|suspect|victim|"
    r"worker|student|farmer|driver|resident|employee|teacher|doctor|nurse|engineer|accountant|broker|smuggler|"
    r"trafficker|dealer|courier|mastermind|ringleader|accomplice|national|citizen|native|mother|father|(?-i:son)|"
    r"daughter|wife|husband|vendor|trader|fisherman|labourer|laborer|migrant|survivor|defendant|journalist|"
    r"counsellor|counselor|diplomat|consultant|elder|headman|attorney|chairperson|fellow|dean|rector|(?:political\s+)?commissar|"
    # general news ("Lucas Paganini, a NASA planetary scientist", "Jack Buser, director for games")
    # (words as often said of a firm or a place, "a partner", "the largest investor", "a key
    # player", "the producer", are left out)
    r"scientist|astronomer|physicist|biologist|chemist|historian|physician|surgeon|psychologist|meteorologist|"
    r"author|writer|novelist|editor|columnist|correspondent|actor|actress|singer|musician|artist|"
    r"entrepreneur|co-founder|ceo|specialist|strategist|lawmaker|senator|congressman|congresswoman|mayor|"
    r"councillor|councilor|candidate|pilot|coach|striker|midfielder|goalkeeper|athlete|administrator|chair|"
    # Vietnamese: "Y Quynh Bdap, kẻ cầm đầu tổ chức MSFJ"
    r"kẻ cầm đầu|người cầm đầu|đối tượng cầm đầu|ke cam dau|nguoi cam dau)s?\b",
    re.IGNORECASE)
#: Before a name: a person described, then the name in apposition ("his lawyer, Chanchai
#: Thongkham, who", "a 24-year-old Indonesian woman, Siti Rahmawati, who told police").
ROLE_BEFORE = re.compile(
    r"\b(?:lawyer|attorney|woman|man|girl|boy|national|citizen|victim|suspect|driver|wife|husband|son|daughter|"
    r"mother|father|brother|sister|owner|official|officer|spokesman|spokeswoman|businessman|businesswoman|"
    r"worker|student|teacher|farmer|resident|leader|boss|ringleader|accomplice|nephew|niece|chairman|chairwoman|"
    r"founder|spokesperson|mayor|governor|minister|director|chief|commander|president|secretary|ambassador|manager|"
    r"executive|representative|researcher|analyst|expert|neighbour|neighbor|witness|relative|friend|colleague|"
    r"preacher|cleric|activist|journalist"
    r"|(?i:one|two|another) of the (?:suspects|victims|defendants|fugitives|men|women))\s*,\s*$")
#: Before a name: the head of a body named in full, then the name in apposition ("the head of
#: the Jambi Fish Quarantine and Inspection Agency, Ahmad Rizal, said", "the owner of Golden
#: Harvest Trading, Ana Marie Sy Lim, and").
ROLE_OF_BEFORE = re.compile(
    r"\b(?i:head|chief|director|director-general|spokesman|spokeswoman|spokesperson|chairman|chairwoman|commander|"
    r"secretary|president|governor|minister|owner|operator|proprietor|founder|manager)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|and|of|for|on|the|&|village|commune|district|province|town|city|in))*"  # "Head of Semanget village in Entikong, Yohanes Ajat"
    r"\s*,\s*$")
#: After a name opening a sentence: the charges the person faces ("Desmond Tan Wei Jie faces 12
#: charges", "Lim Boon Keat was charged on Friday with").
CHARGED_AFTER = re.compile(r"\s+(?:faces|faced|now faces|was charged|has been charged|is charged|pleaded guilty|"
                           r"was sentenced|was jailed|was convicted|was indicted)\b")
#: What stands before a sentence's first word: its start.
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
#: After a name: a relative clause only a person takes ("Liu Feng and Zhou Xiaoli, who were
#: wanted"); places and bodies take "which".
WHO_AFTER = re.compile(r",\s+who\s")
#: Before a place, whose ", who" speaks of the person named before it ("a man arrested in
#: Medan, North Sumatra, who", "from the province of Vinh Long, who").
PLACE_BEFORE = re.compile(r"\b(?:in|of|from|at|to|near|into|across|via|province|city|district|town|village|"
                          r"based in|native of),?\s+(?:[A-Z][\w'’-]*,?\s+)*$")
#: Between two names of one list: "Liu Feng and Zhou Xiaoli".
LIST_AND = re.compile(r"\s+and\s+")
#: After a name: the alias it goes by ("Chen Jianhua, known as "A Hua" among his associates").
ALIAS_AFTER = re.compile(r",\s+(?:also\s+)?(?:known as|nicknamed|alias|biệt danh|tức)\s", re.I)


#: Before a name: an age as an adjective, with up to two lowercase words of a role ("led by
#: 27-year-old Pham Quoc Thai", "34-year-old driver Arun Saleh"), the name
#: ending its phrase (not "a 8-year-old Fort Worth girl").
AGED_BEFORE = re.compile(r"\b\d{1,2}-year-old\s+(?:[A-Z][a-z]+\s+(?=[a-z]))?"
                         r"(?:(?!(?:from|in|of|at|near|to)\s)[a-z]+\s+){0,2}$")  # not "a 22-year-old from Prey Veng"  # "34-year-old Chinese national"
AGED_NAME_END = re.compile(r"\s*[,.;:)]|\s+(?:of|from|who|was|is|said|had|has|and|to|in|at|on|with)\b")
#: Before a name: the words that give someone's name ("the suspect, identified as Joshua Rivera",
#: "identified the mastermind as Lee Chee Keong", "a 47-year-old man named U Sai Kyaw Lin", "a
#: 31-year-old man named by police as Tsang Ho-yin").
NAMED_BEFORE = re.compile(r"\b(?:identified(?:\s+only)?(?:\s+(?:the|a|an|his|her|their)(?:\s+[\w-]+){1,2})?\s+as|"
                          r"(?:named|identified|called)\s+by\s+(?:the\s+)?(?:police|authorities|investigators|prosecutors)\s+as|"
                          r"whose name is|(?:man|woman|boy|girl|suspect|person|resident|driver|farmer|worker|trader|"
                          r"businessman|businesswoman|national|citizen|villager|official|officer|youth)\s+(?:named|called))\s+$",
                          re.I)
#: After a name: its characters in parentheses, with a given name hyphenated as Taiwan writes it
#: ("general manager Chang Wei-lun (張維倫) and ...").
CHARACTERS_AFTER = re.compile(r"\s*\([\u3400-\u9fff]{2,4}\)")
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")

#: Around a name of two words with no title: a verb of speech after it ("Steve Clarke said")
#: or before it, the name closing the clause ("said Mark Quinlan."). Bodies speak too ("the
#: White House said"), so the rule takes only a bare pair of plain words (see ``SPEAKER_NAME``).
SPEAKER_AFTER = re.compile(r"\s+(?:said|says|told|added|adds|explained|noted|wrote|testified|recalled|warned|"
                           r"argued|insisted|admitted|acknowledged|confirmed|tweeted)\b")
SPEAKER_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\s)(?:said|says|added|according to)\s+$")
SPEAKER_CLAUSE_END = re.compile(r"\s*[,.;:]")
SPEAKER_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)? (?:[A-Z]\. )?(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
#: Words a body's name of two plain words ends or starts with ("Sky News", "Human Rights").
BODY_WORDS = frozenset("""
house news post times watch rights group bank company corp inc ltd co association institute foundation
commission service services network media daily journal herald tribune press agency fund capital partners
airlines airways motors energy health care research labs studios records games entertainment sports insurance
securities holdings technologies systems solutions international global national federal united royal new
north south east west central northern southern eastern western county state republic kingdom union
reporter prefecture province city police embassy consulate
""".split())


#: What introduces an identity someone claims: "xưng là", "giả danh", "posing as", "a man who
#: said his name was".
CLAIMS = re.compile(r"(?:tự xưng|xưng là|xưng danh|mạo danh|giả danh|giả làm|claiming to be|claimed to be|"
                    r"posing as|posed as|impersonating|pretending to be|introduced (?:himself|herself) as|"
                    r"khai tên là|khai ten la|khai tên|gave (?:his|her) name as|gave a false name(?:,|\s+of)?|"
                    r"under the (?:false |assumed |fake )?name(?:\s+of)?|in the (?:false |fake )?name of|"
                    r"(?:said|says|claimed|told (?:her|him)) (?:his|her) name was|called (?:himself|herself))"
                    r"(?:\s+là)?[\s\"“]+(?P<between>[^\n.;:!?,\"”]{0,60})$", re.I)


def claimed_identity(text: str, pos: int) -> bool:
    """Whether the name at ``pos`` follows a claim of identity within a few words."""
    match = CLAIMS.search(text, max(0, pos - 90), pos)
    return match is not None and len(match.group("between").split()) <= 6


#: What the press puts inside a name, blanked before names are read: an Indonesian police
#: rank's marker or its Indonesian form ("Inspector General (Pol.) Rudi Santoso Lubis", "Senior
#: Commissioner (Kombes) Ketut Arya Wirawan") and a nickname in quotes
#: between the given and family names ('Rodelio "Boy" Manansala').
_RANK_MARKER = re.compile(r"\((?:Pol|Purn|Ret|Retd|Kombes|AKBP|AKP|Kompol|Brigjen|Irjen|Komjen|Iptu|Ipda)\.?\)(?=[ \t]+[A-Z])")
_NICKNAME = re.compile(r"[\"“][A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)?[\"”](?=[ \t]+[A-Z][a-z])")


#: The name of an account, a page or a channel, in quotes after it ('tài khoản Facebook mang
#: tên "Chung Hà Sơn La"', 'kenh TikTok mang ten "Van phong luat su Cong Ly Viet"'): a handle,
#: no person of the story, though it may hold a name's words.
_ACCOUNT_BEFORE = re.compile(r"\b(?:tài khoản|tai khoan|trang|kênh|kenh|nhóm|nhom|fanpage|account|page|channel|group)\b"
                             r"[^.!?\n\"“”]{0,40}?(?:mang tên|mang ten|có tên|co ten|tên|ten|named|called|titled|"
                             r"facebook|tiktok|zalo|youtube|telegram)[ \t]*:?[ \t]*$", re.I)
_QUOTED_HANDLE = re.compile(r"[\"“][^\"“”\n]{2,80}[\"”]")


def blank_inserts(text: str) -> str:
    """``text`` with what the press puts inside a name blanked, and the quoted names of
    accounts and pages, keeping its length."""
    text = _RANK_MARKER.sub(lambda m: " " * len(m.group(0)), text)
    text = _QUOTED_HANDLE.sub(lambda m: " " * len(m.group(0)) if _ACCOUNT_BEFORE.search(text, max(0, m.start() - 80),
                                                                                       m.start()) else m.group(0), text)
    # a nickname only between words: after a name's lowercase letter and a space
    return _NICKNAME.sub(lambda m: " " * len(m.group(0)) if m.start() >= 2 and text[m.start() - 1] in " \t"
                         and text[m.start() - 2].islower() else m.group(0), text)


def with_stops(text: str, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``mentions`` with the full stops a name's own abbreviations keep, which end the run of
    capitalised words a name is read from: the Filipino "Ma." (Maria) before the names it
    opens ("Ma. Theresa Dizon"), and "Jr." or "Sr." closing one ("Francisco Tiu Laurel Jr.")."""
    out = []
    for pos, name in mentions:
        if text[max(0, pos - 4):pos] == "Ma. " and text[pos - 5:pos - 4] in ("", " ", "\n"):
            pos, name = pos - 4, f"Ma. {name}"
        end = pos + len(name)
        if name.endswith((" Jr", " Sr")) and text[pos:end] == name and text[end:end + 1] == ".":
            name += "."
        out.append((pos, name))
    return out


#: Right before a name: the word for a firm, with its kind and trade ("Công ty Luật", "Công ty
#: TNHH Xuất nhập khẩu", "Văn phòng Luật sư", "law firm"): what follows is the firm's name.
FIRM_BEFORE = re.compile(r"\b(?:công ty|cong ty|tập đoàn|tap doan|văn phòng|van phong|hãng|doanh nghiệp|doanh nghiep)"
                         r"(?:\s+(?:luật sư|luật|luat su|luat|tnhh|mtv|cổ phần|co phan|cp|hợp danh|hop danh|"
                         # the trade it is in: "Công ty TNHH Xuất nhập khẩu Hoàng Phát Lộc"
                         r"xuất nhập khẩu|thương mại|dịch vụ|đầu tư|xây dựng|vận tải|sản xuất|du lịch|công nghệ|"
                         r"bất động sản|tư vấn|an ninh|bảo vệ|vàng bạc|đá quý|phân bón|thực phẩm|dược phẩm|mỹ phẩm|nông sản|"
                         r"thủy sản|nông nghiệp|khoáng sản|xăng dầu|thiết bị|vật liệu|cơ khí|môi trường|truyền thông|"
                         r"tài chính|chứng khoán|bảo hiểm|năng lượng|xnk|tm|dv))*\s+$"
                         r"|\blaw (?:firm|office)\s+$", re.I)


#: The last word of a post or a crossing named after its place ("Đồn Biên phòng Ka Long",
#: "cửa khẩu Tà Lùng", "Cửa khẩu Quốc tế La Lay").
_UNIT_BEFORE = frozenset({"phòng", "khẩu", "sông", "tế", "phong", "khau", "song", "te"})


#: The word that ends the Youth Union's name ("Đoàn Thanh niên") after its capitalised words.
_YOUTH_UNION_END = re.compile(r"[ \t]+(?:niên|nien)\b")


def named_after_title_is_no_one(text: str, start: int, name: str, title_end: int) -> bool:
    """Whether ``name``, found after a title, names no one: a firm's name right after the word
    for a firm ("Giám đốc Công ty Luật Hà Thành Minh": law firms are often named like people),
    or a place: two words, or a foreign-looking
    pair, right after a lowercase place word ("Chủ tịch UBND xã Ea Huar", "xã Lăng Thành")
    or the end of a post's name ("Đồn trưởng Đồn Biên phòng Ka Long").
    A full Vietnamese name there is the official ("Chủ tịch UBND tỉnh Phạm Thiện Nghĩa":
    the province is implied). A title ending in a place word ("Già làng", village elder)
    is no place before the name."""
    if FIRM_BEFORE.search(text, max(title_end, start - 40), start):
        return True
    if fold(name).lower().endswith("doan thanh") and _YOUTH_UNION_END.match(text, start + len(name)):
        return True  # "Bí thư Đoàn Thanh niên": the Youth Union, whose name runs on in lowercase
    before_title = text[title_end:start].split()
    if len(before_title) >= 3 and fold(" ".join(before_title[-3:])).lower() == "don bien phong":
        return True  # the post's own name: "Đồn trưởng Đồn Biên phòng Đàm Thủy"
    first = name.split()[0]
    if first.lower() in SURNAMES and len(name.split()) >= 3:
        return False
    at = text.find(first, start)
    if not text[title_end:at].strip():
        return False
    before = text[max(0, at - 20):at].split()
    if not before or not before[-1].islower():
        return False
    if before[-1] in _UNIT_BEFORE:  # a pair of Vietnamese syllables typed without accents
        words = name.split()
        return len(words) == 2 and not has_diacritics(name) and all(SYLLABLE.fullmatch(w.lower()) for w in words)
    return before[-1] in NOT_PERSON_BEFORE

