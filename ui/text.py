"""Text from files and the catalog shown as text: nothing a file contains is rendered as HTML or as
markdown (a cell holding "![x](http://…)" or "<script>" shows as written)."""

from __future__ import annotations

import html
import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


_AUTOLINK = re.compile(r"(?i)(://|www\\?\.|@)")


def md(text: object) -> str:
    """`text` escaped for st.markdown (markdown and HTML characters shown literally; a web address or
    an e-mail is not made a link: a word joiner breaks what the renderer would link)."""
    escaped = _MARKDOWN.sub(r"\\\1", html.escape(str(text), quote=False))
    return _AUTOLINK.sub(lambda m: m.group(1)[0] + "\u2060" + m.group(1)[1:], escaped)


def h(text: object) -> str:
    """`text` escaped for an HTML fragment."""
    return html.escape(str(text))
