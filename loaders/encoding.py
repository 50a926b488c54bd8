"""Text as Vietnamese files carry it: UTF-8 (with or without BOM), UTF-16, Windows-1258 (what
Vietnamese Windows writes for "CSV": precomposed base letters with combining tone marks), decomposed
Unicode (NFD) anywhere — all normalised to NFC — and the legacy TCVN3 (.Vn fonts) and VNI encodings,
which are recognised and refused: their text would load as garbage."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

TABLES = Path(__file__).resolve().parent.parent / "data" / "legacy_encodings.toml"
SAMPLE_CELLS = 3000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# letters only Vietnamese writes (shape or tone marks beyond Latin-1), to tell a right decoding
_VIET = re.compile(r"[ăâêôơưđĂÂÊÔƠƯĐ\u1ea0-\u1ef9]")
LEGACY_NAMES = {"tcvn3": "TCVN3 (phông .VnTime, .VnArial…)", "vni": "VNI (phông VNI-Times…)"}


@lru_cache(maxsize=1)
def _tables() -> dict:
    data = tomllib.loads(TABLES.read_text("utf-8"))
    tcvn3 = dict(zip(data["tcvn3"]["legacy"], data["tcvn3"]["unicode"]))
    return {"tcvn3": tcvn3, "vni": data["vni"], "words": frozenset(data["words"]["list"])}


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def from_tcvn3(text: str) -> str:
    table = _tables()["tcvn3"]
    return "".join(table.get(ch, ch) for ch in text)


def from_vni(text: str) -> str:
    vni = _tables()["vni"]
    out: list[str] = []
    for ch in text:
        prev = out[-1] if out else ""
        low = prev.lower()
        if ch in vni["single"]:
            out.append(vni["single"][ch])
        elif low in ("a", "e", "o") and ch in vni["hat_tone"]:
            out[-1] = unicodedata.normalize("NFC", prev + "\u0302" + vni["hat_tone"][ch])
        elif low == "a" and ch in vni["breve_tone"]:
            out[-1] = unicodedata.normalize("NFC", prev + "\u0306" + vni["breve_tone"][ch])
        elif (
            prev
            and unicodedata.normalize("NFD", prev)[0].lower() in "aeiouyơư"
            and ch in vni["tone"]
        ):
            out[-1] = unicodedata.normalize("NFC", prev + vni["tone"][ch])
        else:
            out.append(ch)
    return "".join(out)


def _score(texts: list[str]) -> int:
    """How many common report words (with their marks) the texts hold."""
    words = _tables()["words"]
    return sum(1 for t in texts for w in _WORD.findall(t.lower()) if w in words)


def legacy_encoding(texts: list[str]) -> str | None:
    """'tcvn3' or 'vni' when text cells read as typed in that legacy encoding, else None: converted,
    they hold many more common Vietnamese words than as read."""
    sample = [t for t in texts if t and not t.isascii()][:SAMPLE_CELLS]
    if len(sample) < 2:
        return None
    base = _score(sample)
    best, best_score = None, 0
    for name, convert in (("tcvn3", from_tcvn3), ("vni", from_vni)):
        s = _score([convert(t) for t in sample])
        if s > best_score:
            best, best_score = name, s
    if best is not None and best_score >= 4 and best_score >= 2 * base + 3:
        return best
    return None


def looks_vietnamese(text: str) -> int:
    return len(_VIET.findall(text))


def decode_text(data: bytes) -> str | None:
    """The text of a CSV/TXT file in NFC, or None when no known encoding reads it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return nfc(data[3:].decode("utf-8", "replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16"))
    head = data[:4000]
    if head.count(b"\x00") > len(head) // 4:
        even_nuls = head[0::2].count(0)
        return nfc(
            data.decode("utf-16-be" if even_nuls > len(head) // 4 else "utf-16-le", "replace")
        )
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Windows-1258 first (Vietnamese Windows); then what charset-normalizer finds
    candidates = []
    try:
        candidates.append(unicodedata.normalize("NFC", data.decode("cp1258")))
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:200_000]).best()
        if guess is not None and guess.encoding:
            candidates.append(unicodedata.normalize("NFC", data.decode(guess.encoding, "replace")))
    except Exception:  # charset-normalizer cannot decide: fall through to the message
        pass
    if not candidates:
        return None
    best = max(
        candidates, key=lambda t: (_score(t.split("\n")[:2000]), looks_vietnamese(t[:20000]))
    )
    return best


def nfc_rows(rows: list[list]) -> list[list]:
    """Rows with decomposed (NFD) text composed, when a sample of the sheet's text cells shows any."""
    seen = 0
    for row in rows:
        for cell in row:
            if isinstance(cell, str) and cell:
                if not unicodedata.is_normalized("NFC", cell):
                    return [[nfc(c) if isinstance(c, str) else c for c in r] for r in rows]
                seen += 1
                if seen >= SAMPLE_CELLS:
                    return rows
    return rows
