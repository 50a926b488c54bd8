"""Keyboard arrows for the presentation: a tiny script in the page's own origin that clicks the
"Trước"/"Tiếp" buttons on ←/→ (and PageUp/PageDown, as presentation clickers send), and the
full-screen button on F."""

from __future__ import annotations

import streamlit as st

_SCRIPT = """
<script>
const doc = window.parent.document;
if (!doc.__chitieuKeys) {
  doc.__chitieuKeys = true;
  doc.addEventListener('keydown', (event) => {
    const tag = (event.target && event.target.tagName) || '';
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag)) return;
    let label = null;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') label = 'Tiếp';
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') label = 'Trước';
    if (event.key === 'f' || event.key === 'F') label = '(F)';
    if (!label) return;
    const button = Array.from(doc.querySelectorAll('button')).find(b => b.innerText.trim().endsWith(label));
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
}
</script>
"""


def arrow_keys() -> None:
    st.iframe(_SCRIPT, height=1)
