"""Name folding and transliteration variants for the gazetteer build.

Standard library only. `fold` mirrors `fold_name` in src/text/fold.rs closely
enough to deduplicate names the matcher would treat as the same pattern.
"""

import re
import unicodedata

APOSTROPHES = set("'\u2019\u2018\u201b`\u00b4\u02bf\u02be\u02bc\u02bb\u2032\u02b9")
SOFT = set("-_\u2010\u2011\u00ad")
ARTICLES = {"al", "el", "as", "ad", "ar", "an", "at", "az", "ash", "es", "ez", "ed", "er", "et", "ul"}


def _fold_chars(name):
    out = []
    for c in name:
        if c.isascii() and c.isalnum():
            out.append(c.lower())
        elif c in APOSTROPHES or unicodedata.combining(c) or c in "\u200b\u200c\u200d\u200e\u200f\ufeff\u0640":
            continue
        elif c.isspace() or c in SOFT:
            if out and out[-1] != " ":
                out.append(" ")
        elif c.isalnum():
            for d in unicodedata.normalize("NFKD", c):
                if unicodedata.combining(d) or d in APOSTROPHES:
                    continue
                for low in d.lower():
                    if low.isascii() and not low.isalnum():
                        if low == " ":
                            if out and out[-1] != " ":
                                out.append(" ")
                        else:
                            out.append("|")
                    else:
                        out.append(low)
        else:
            out.append("|")
    return "".join(out)


def fold(name):
    """The folded key of a name: lower case, no diacritics or apostrophes,
    separators as one space, other punctuation as '|', trimmed."""
    return _fold_chars(name).strip(" |")


def ascii_name(name):
    """A name without diacritics and apostrophes, for generating variants."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in APOSTROPHES)
    s = s.replace("\u0131", "i").replace("\u0130", "I")
    return re.sub(r"\s+", " ", s).strip()


def is_latin(name):
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def is_arabic(name):
    return any("\u0600" <= c <= "\u06ff" for c in name)


# ---------------------------------------------------------------- Russian
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def russian_to_latin(name):
    """Romanises a Russian name the way English translations of Russian
    bulletins do ("Анхуль" → "Ankhul", "Джейдет" → "Dzheydet")."""
    out = []
    prev = " "
    for c in name:
        low = c.lower()
        if low in _RU:
            t = _RU[low]
            if low == "е" and (not prev.isalpha() or prev.lower() in "аеёиоуыэюяьъ"):
                t = "ye"
            if c.isupper() and t:
                t = t[0].upper() + t[1:]
            out.append(t)
        else:
            out.append(c)
        prev = c
    return "".join(out)


# ---------------------------------------------------------------- French
_FRENCH_MARK = re.compile(r"[éèêâîôûïëàç]|ou|dj|\bch|ch\b|kheurbet|\bdeir\b|\beç\b", re.I)


def looks_french(name):
    return bool(re.search(r"[éèêâîôûïëàç]", name)) or bool(re.search(r"(?i)(ou|dj|tch|\bch|[^ks]ch)", name))


def french_to_english(name):
    """GeoNames' French-era transliterations to English ones: "Zebdîne" →
    "Zebdin", "Joubbé" → "Jubbeh", "Kheurbet Chîha" → "Khirbet Shiha"."""
    s = name
    words = []
    for w in re.split(r"([ \-])", s):
        if w in (" ", "-") or not w:
            words.append(w)
            continue
        cap = w[:1].isupper()
        x = w.lower()
        x = re.sub(r"é$", "eh", x)
        x = re.sub(r"ée$", "eh", x)
        x = unicodedata.normalize("NFKD", x)
        x = "".join(c for c in x if not unicodedata.combining(c))
        x = x.replace("kheurbet", "khirbet").replace("tch", "ch").replace("dj", "j")
        x = x.replace("ou", "u")
        x = re.sub(r"(?<![ks])ch", "sh", x)
        x = re.sub(r"^ch", "sh", x)
        x = re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])e$", "", x)
        x = x.replace("rh", "gh")
        if cap:
            x = x[:1].upper() + x[1:]
        words.append(x)
    return "".join(words)


# ---------------------------------------------------------------- variants
_EQUIV_GROUPS = [
    ["deir", "dayr", "dair", "der", "deyr"],
    ["tell", "tal", "tall", "tel"],
    ["kafr", "kfar", "kafar", "kefr", "kfr"],
    ["ain", "ayn", "ein", "aïn"],
    ["beit", "bayt", "bait", "beyt"],
    ["khirbet", "khirbat", "kherbet", "khirba", "khirbeh"],
    ["jabal", "jebel", "jabel", "jbel"],
    ["abu", "abou"],
    ["umm", "um", "oum"],
    ["sheikh", "shaykh", "shaikh", "sheik", "cheikh"],
    ["qasr", "kasr"],
    ["zor", "zour", "zawr", "zur"],
    ["maarat", "maarrat", "marat", "maaret"],
    ["qalaat", "qalat", "kalaat", "qalat"],
    ["mazraat", "mazraa", "mazraet"],
    ["hawsh", "housh", "hosh", "haush"],
    ["rif", "reef", "rural"],
    ["jisr", "jisser"],
    ["judaydat", "jdeidet", "jdaidet", "jdeidat", "jdeydet"],
    ["judaydah", "jdeideh", "jdaideh", "jdeida", "jdeidah"],
    ["qaryat", "qariyat", "qaryet"],
    ["mazra", "mazraa", "mazraat"],
    ["sheikh", "shaykh"],
]
_EQUIV = {}
for _g in _EQUIV_GROUPS:
    for _w in _g:
        _EQUIV.setdefault(_w, [])
        for _x in _g:
            if _x not in _EQUIV[_w]:
                _EQUIV[_w].append(_x)

_SUN = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n", "l")


def _cap_like(src, word):
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def _words(name):
    return [w for w in re.split(r"[ \-]+", name) if w]


def _join(words):
    return " ".join(words)


def _rule_equiv(words):
    out = []
    for i, w in enumerate(words):
        alts = _EQUIV.get(w.lower())
        if alts:
            for a in alts:
                if a != w.lower():
                    nw = list(words)
                    nw[i] = _cap_like(w, a)
                    out.append(nw)
    return out


def _rule_articles(words):
    """Inner articles: "Deir ez Zor" → "Deir al Zor", "Deir el Zor", "Deir Ezzor", "Deir Zor"."""
    out = []
    for i, w in enumerate(words):
        if i == 0 or i == len(words) - 1 or w.lower() not in ARTICLES:
            continue
        nxt = words[i + 1]
        cap = w[:1].isupper()
        forms = ["al", "el"]
        low = nxt.lower()
        sun = next((s for s in _SUN if low.startswith(s)), None)
        if sun:
            forms += ["a" + sun, "e" + sun]
        for f in forms:
            if f != w.lower():
                nw = list(words)
                nw[i] = f.capitalize() if cap else f
                out.append(nw)
        # glued: "Deir Ezzor"; dropped: "Deir Zor"
        if sun:
            nw = words[:i] + [("E" if cap or True else "e") + sun + low] + words[i + 2:]
            out.append(nw)
        out.append(words[:i] + words[i + 1:])
    return out


_SUFFIXES = [
    (r"iyyah$|iyyeh$|iyah$|iyeh$|iya$|iye$|ieh$|iyya$", ["iyah", "iyeh", "iya", "ieh"]),
    (r"ah$|eh$", ["ah", "eh", "a"]),
]


def _rule_suffix(words):
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if len(low) < 4:
            continue
        for pat, alts in _SUFFIXES:
            m = re.search(pat, low)
            if m:
                for a in alts:
                    nw_word = low[: m.start()] + a
                    if nw_word != low:
                        nw = list(words)
                        nw[i] = _cap_like(w, nw_word)
                        out.append(nw)
                break
        else:
            if low.endswith("a") and len(low) >= 4 and low[-2] not in "aeiouy":
                for a in ("ah", "eh"):
                    nw = list(words)
                    nw[i] = _cap_like(w, low[:-1] + a)
                    out.append(nw)
    return out


def _sub_all(pattern, repl):
    def rule(words):
        new = [re.sub(pattern, repl, w) for w in words]
        new = [_cap_like(w, n.lower()) if n else n for w, n in zip(words, new)]
        new = [n for n in new if n]
        return [new] if [x.lower() for x in new] != [x.lower() for x in words] else []
    return rule


def _rule_doubles(words):
    new = [re.sub(r"([abcdfghjklmnpqrstvwxyz])\1", r"\1", w, flags=re.I) for w in words]
    return [new] if new != words else []


def _rule_final_e(words):
    """French-era forms end in a mute e: "Zibdine" → "Zibdin"."""
    new = [re.sub(r"(?<=[aeiou][bdfgklmnrstz])e$", "", w) if len(w) >= 5 else w for w in words]
    return [new] if new != words else []


RULES_ALL = [
    ("equiv", _rule_equiv),
    ("articles", _rule_articles),
    ("suffix", _rule_suffix),
    ("final-e", _rule_final_e),
    ("ou-u", _sub_all(r"(?i)ou", "u")),
    ("doubles", _rule_doubles),
    ("ay-ei", _sub_all(r"(?i)(?<=[^aeiou\W])ay(?=[^aeiou\W])", "ei")),
    ("ai-ei", _sub_all(r"(?i)(?<=[^aeiou\W])ai(?=[^aeiou\W])", "ei")),
    ("q-k", _sub_all(r"(?i)q", "k")),
    ("dzh-j", _sub_all(r"(?i)dzh", "j")),
    ("kh-h", _sub_all(r"(?i)kh", "h")),
    ("dh-d", _sub_all(r"(?i)dh", "d")),
    ("th-t", _sub_all(r"(?i)(?<!\b)th|^th", "t")),
]
# Further rules for prominent places only (cities, towns, admin units, crossings, camps).
RULES_MAJOR = [
    ("u-ou", _sub_all(r"(?i)(?<=[^aeiou\W])u(?![aeiou])", "ou")),
    ("aw-o", _sub_all(r"(?i)aw(?![aeiou])", "o")),
    ("j-dzh", _sub_all(r"(?i)\bj", "dzh")),
    ("ee-i", _sub_all(r"(?i)ee", "i")),
    ("i-ee", _sub_all(r"(?i)(?<=[^aeiou\W])i(?=[^aeiouy\W])", "ee")),
]


def variants(name, major=False, cap=24):
    """Spelling variants of a (Latin-script) name, the name itself first.

    Rule families are applied in order of how often the press uses them; each
    family is applied to every variant found so far, until `cap` variants
    exist. Returns names, not folded keys."""
    base = ascii_name(name)
    if not base:
        return []
    seen = {}
    order = []

    def add(words):
        s = _join(words)
        k = fold(s)
        if k and k not in seen:
            seen[k] = s
            order.append(s)
            return True
        return False

    add(_words(base))
    rules = RULES_ALL + (RULES_MAJOR if major else [])
    for _, rule in rules:
        if len(order) >= cap:
            break
        for v in list(order):
            for nw in rule(_words(v)):
                if len(order) >= cap:
                    break
                add(nw)
    return order
