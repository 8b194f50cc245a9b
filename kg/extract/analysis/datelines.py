"""Datelines ("WASHINGTON, D.C. — ", "NEW YORK (AP) - ") hidden from the parser.

A dateline glued to the first sentence of a press release or wire story makes
the parser take the city for the subject. It is replaced by spaces of the same
length, so every character offset still points into the original text.

>>> mask_datelines("WASHINGTON, D.C. — Senators introduced a bill.")
'                   Senators introduced a bill.'
>>> mask_datelines("LONDON, Nov 26 (Reuters) - Britain said no.")
'                           Britain said no.'
>>> mask_datelines("DOVER, Del. (May 2, 2024) – Senators met.")
'                            Senators met.'
>>> mask_datelines("ELM FORK (Otterburn-Vale Wire) — Wardens met.")
'                                 Wardens met.'
>>> mask_datelines("(BRAYFIELD, OR) – The governor signed it.")
'                  The governor signed it.'
>>> mask_datelines("Mayor Ann Lee — a Democrat — said no.")
'Mayor Ann Lee — a Democrat — said no.'
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^(?P<line>(?P<open>\()?"  # "(CITY, ST) –": the whole dateline in parentheses
    r"[A-Z][A-Z.'-]{2,}(?:[ ][A-Z][A-Z.'-]+)*"  # NEW YORK, WASHINGTON
    r"(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Za-z0-9.]+){0,2})?"  # , D.C. / , Nov 26
    r"(?(open)\))"
    r"(?:[ ]?\([A-Za-z0-9 .,'&-]{1,30}\))?"  # (AP), (Reuters), (Otterburn-Vale Wire), (May 2)
    r"[ ]?[—–-]{1,2}[ ])",
    re.MULTILINE,
)


def mask_datelines(text: str) -> str:
    """``text`` with every paragraph-opening dateline blanked out."""
    return DATELINE.sub(lambda m: " " * len(m.group("line")), text)
