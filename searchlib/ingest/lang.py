"""Language of an article (requirement R13): Vietnamese or English, without a model.

The share of words containing a Vietnamese letter is about 0.84 in Vietnamese text and at
most 0.03 in the English seeds (which are full of Vietnamese names). Vietnamese typed
without accents is caught by its function words instead.
"""

from __future__ import annotations

import re

from searchlib.textnorm import VIETNAMESE_LETTERS, fold

VI_LETTER_SHARE = 0.15
VI_STOPWORD_SHARE = 0.05
#: The language shows in the first few thousand characters; reading more only costs time.
SAMPLE_CHARS = 3000
#: Words are ``\w+`` runs that start with a letter (bare numbers are not words).
_WORD = re.compile(r"[^\W\d_]\w*")
#: Letters of Vietnamese that French, Portuguese or Spanish text never has (é, à, ô, ã, …
#: are shared, so a French article is not taken for Vietnamese).
_VI_ONLY = "".join(sorted(VIETNAMESE_LETTERS - set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")))
#: From a word's first Vietnamese letter to its end: one match per word holding one.
_VI_WORD = re.compile("[" + _VI_ONLY + r"]\w*")

#: Frequent Vietnamese function words, compared after folding (so "cua" counts as "của").
_STOPWORDS_VI = frozenset(fold(w) for w in """
của các là được những và có cho trong với này đã không người một để khi từ theo về ngày tại đến sẽ
cũng nhiều như thì nhưng vào ra lại đó nên bị hay rất mà còn đang vì nếu nhất sau trên dưới đều nơi
cùng bằng qua việc phải hơn vẫn ông bà chúng tôi nhau mới đầu nào gì nhà biết cách ngoài giữa trước
luôn hiện nay thêm cả sự đi chưa lên ấy nhằm gồm
""".split())
#: Folded forms that are also English, French or Portuguese words, or parts of Vietnamese
#: names in English text ("Viet Nam", "Nguyen Van Long", "To Lam", "Ho Chi Minh"): never counted.
_STOPWORDS_VI -= {"the", "can", "day", "nam", "van", "lam", "do", "ho", "chi", "an", "to", "a", "i",
                  "de", "la", "se", "ma", "ne", "sau"}  # French/Portuguese/Spanish words too


def detect_language(text: str) -> str:
    """``"vi"`` or ``"en"`` for ``text`` (see the module docstring for the rule)."""
    text = text[:SAMPLE_CHARS]
    words = _WORD.findall(text)
    if not words:
        return "en"
    if len(_VI_WORD.findall(text)) / len(words) >= VI_LETTER_SHARE:
        return "vi"
    stopwords = sum(1 for w in fold(" ".join(words)).lower().split() if w in _STOPWORDS_VI)
    return "vi" if stopwords / len(words) >= VI_STOPWORD_SHARE else "en"
