"""Hard-wrapped lines joined into paragraphs, offsets kept.

Text copied from PDFs, e-mails and some web pages is wrapped at a fixed width: a line break falls
inside a sentence, even inside a name ("Nguyễn Đặng Vĩnh\\nPhúc"). Every later stage treats a line
break as the end of a sentence (headlines, datelines, paragraphs), so a wrapped break is replaced
by a space of the same length: character offsets, and so evidence spans, stay valid.

A break is a wrap when the line before it does not end a sentence and either the next line goes on in
lower case, or the passage is wrapped (most of its lines are long and of similar length) and the line
before the break is long.
"""

from __future__ import annotations

import re

END_OF_SENTENCE = re.compile(r"[.!?:;…\"”’)\]]\s*$")
MIN_WRAP_WIDTH = 50


def _wrapped_width(lines: list[str]) -> int | None:
    """The wrap width when at least 3 lines and most of the lines are long with similar lengths."""
    long_lines = [len(x.rstrip()) for x in lines if len(x.rstrip()) >= MIN_WRAP_WIDTH]
    if len(long_lines) < 3 or len(long_lines) * 2 < len([x for x in lines if x.strip()]):
        return None
    long_lines.sort()
    width = long_lines[len(long_lines) // 2]
    close = [n for n in long_lines if abs(n - width) <= 12]
    return width if len(close) * 2 >= len(long_lines) else None


def unwrap_lines(text: str) -> str:
    """The text with wrapped line breaks replaced by spaces (same length, same offsets)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = _wrapped_width(lines)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i == len(lines) - 1:
            break
        nxt = lines[i + 1]
        stripped = line.rstrip()
        open_line = bool(stripped) and not END_OF_SENTENCE.search(stripped)
        wrapped = open_line and (
            # a line that stops mid-sentence and a next line that goes on in lower case ("ra án tù dài hạn\ncho ba")
            nxt[:1].islower()
            or (
                width is not None
                and len(stripped) >= width - 15
                and nxt[:1].strip() != ""
                and not nxt.lstrip().startswith(("-", "•", "*"))
            )
        )
        out.append(" " if wrapped else "\n")
    return "".join(out)
