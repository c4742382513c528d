"""East Asian names in the forms English-language news prints them that the title rules do
not see: Japanese family names first in capitals ("MORITA Kenji"), and Chinese surnames that
are also English pronouns ("He Lifeng"). Each finder returns ``(position, name)`` pairs, as
the finders of :mod:`searchlib.ingest.people` do."""

from __future__ import annotations

import re

from searchlib.ingest.namewords import LEADING, REJECT

#: The word after a match ("MORITA Kenji said": "said").
_FOLLOWING = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


#: A Japanese name as Japanese ministries print it in English: the family name in capitals,
#: then the given name ("Commissioner General MORITA Kenji").
_CAPS_FAMILY_FIRST = re.compile(r"\b([A-Z]{3,})[ \t]+([A-Z][a-z]{2,})\b")
#: Words made only of Hepburn syllables ("morita", "kenji"; not "police", "times", "mekong").
_JAPANESE_WORD = re.compile(r"(?:(?:kk|ss|tt|pp|ssh|tch|ky|gy|sh|ch|ts|ny|hy|by|py|my|ry|[kgszjtdnhbpmyrwf])?"
                            r"[aeiou]|n)+")


def japanese_caps_mentions(text: str) -> list[tuple[int, str]]:
    """Japanese names written family name first in capitals, shown given name first as
    English-language news print them ("MORITA Kenji" → "Kenji Morita"). Both words must be
    made of Japanese syllables and be neither an organisation, place nor title word, and a
    title or organisation word must come just before ("Minister KAMIKAWA Yoko", "National
    Police Agency MORITA Kenji"; not "SANYO Denki", a company). Back-references ("MORITA
    said") are the person already named, never a name of their own."""
    found: list[tuple[int, str]] = []
    for match in _CAPS_FAMILY_FIRST.finditer(text):
        family, given = match.group(1), match.group(2)
        words = (family.lower(), given.lower())
        if not all(_JAPANESE_WORD.fullmatch(w) and w not in REJECT and w not in LEADING for w in words):
            continue
        before = text[max(0, match.start() - 40):match.start()].split()
        if not before or before[-1].lower().rstrip(".,") not in LEADING or before[-1].isupper():
            continue  # no title before it, or a headline in capitals ("FORCE MAJEURE Peru's")
        after = _FOLLOWING.match(text, match.end())
        if after and after.group(1)[0].isupper():
            continue  # a longer Western name ("FIFA Gianni Infantino")
        found.append((match.start(), f"{given} {family.title()}"))
    return found


#: The commonest Japanese family names, in Hepburn spelling without long-vowel marks.
JAPANESE_FAMILIES = frozenset("""
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda
fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura
fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara
shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada fujimoto
takeda murata ueno sugiyama masuda sugawara hirano kojima otsuka chiba kubo matsui iwasaki sakurai kinoshita
noguchi matsuo nomura kikuchi sano onishi sugimoto arai kishida ishiba suga kamikawa kusunoki
""".split())


def given_name_first(name: str) -> str:
    """A Japanese name of two words in the order English news prints it, given name first:
    "Tanaka Hiroshi" (family name first, as Vietnamese papers and Japan's own ministries
    print it) becomes "Hiroshi Tanaka"; "Kenta Morioka" stays. Both words must be Hepburn
    syllables, the first a common family name and the second not one."""
    words = name.split()
    if len(words) != 2:
        return name
    first, second = (word.lower() for word in words)
    if first in JAPANESE_FAMILIES and second not in JAPANESE_FAMILIES and _JAPANESE_WORD.fullmatch(second):
        return f"{words[1]} {words[0]}"
    return name


#: Chinese surnames that are also English pronouns: "He Lifeng", "She Zhijiang". The pronoun
#: is followed by a verb in lowercase; a capitalised given name of two pinyin syllables is a name.
_PRONOUN_SURNAME = re.compile(r"\b(He|She)[ \t]+([A-Z][a-z]{3,})\b")
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui"
                    r"|a|o|e|i|u)")
_PINYIN_GIVEN = re.compile(f"(?:{_PINYIN_SYLLABLE}){{2}}")


def pronoun_surname_mentions(text: str) -> list[tuple[int, str]]:
    """Chinese names whose surname is an English pronoun ("He Lifeng", "She Zhijiang"): the
    given name must be two pinyin syllables, capitalised, and not followed by another
    capitalised word (a title-case headline: "How He Made It")."""
    found: list[tuple[int, str]] = []
    for match in _PRONOUN_SURNAME.finditer(text):
        given = match.group(2)
        low = given.lower()
        if not _PINYIN_GIVEN.fullmatch(low) or low in REJECT or low in LEADING:
            continue
        after = _FOLLOWING.match(text, match.end())
        if after and after.group(1)[0].isupper():
            continue
        found.append((match.start(), f"{match.group(1)} {given}"))
    return found
