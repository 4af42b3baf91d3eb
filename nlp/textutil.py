"""Small text helpers shared by the finders."""

from __future__ import annotations

# Uppercase letters of Latin-1 and Latin Extended (Vietnamese capitals such as Đ, Â, Ố). A range such as
# "À-Ỹ" is wrong: it also covers the lowercase letters between ("đ", "ò", "ề").
UPPER_CHARS = "A-Z" + "".join(
    chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isalpha() and chr(c).isupper() and chr(c).lower() != chr(c)
)
UPPER = f"[{UPPER_CHARS}]"
