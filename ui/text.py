"""Text from files and the catalog shown as text: nothing a file contains is rendered as HTML or as
markdown (a cell holding "![x](http://…)" or "<script>" shows as written)."""

from __future__ import annotations

import html
import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """`text` escaped for st.markdown (markdown and HTML characters shown literally)."""
    return _MARKDOWN.sub(r"\\\1", html.escape(str(text), quote=False))


def h(text: object) -> str:
    """`text` escaped for an HTML fragment."""
    return html.escape(str(text))
