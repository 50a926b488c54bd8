"""The "Sao chép liên kết" button: copies the page's address — unit, period, indicator, ward, slide
and the other choices are all in it (st.query_params) — so a leader can send exactly this view."""

from __future__ import annotations

import streamlit as st

# Constant HTML (nothing from a file or the URL goes in): the script reads the parent page's
# address itself. The clipboard API needs a secure origin; plain http on a LAN falls back to a
# selected textarea and the browser's copy command.
_BUTTON = """
<style>
button {font: 14px "Source Sans Pro", sans-serif; width: 100%; padding: 6px 10px; border-radius: 8px;
        border: 1px solid rgba(49,51,63,.2); background: #fff; cursor: pointer; color: #31333f}
button:hover {border-color: #ff4b4b; color: #ff4b4b}
</style>
<button id="copy" type="button" data-testid="copy-link">🔗 Sao chép liên kết</button>
<script>
const button = document.getElementById('copy');
button.addEventListener('click', async () => {
  const url = window.parent.location.href;
  let done = false;
  try { await navigator.clipboard.writeText(url); done = true; } catch (e) {}
  if (!done) {
    const doc = window.parent.document, area = doc.createElement('textarea');
    area.value = url; doc.body.appendChild(area); area.select();
    try { done = doc.execCommand('copy'); } catch (e) {}
    area.remove();
  }
  button.textContent = done ? '✓ Đã sao chép liên kết' : 'Chép địa chỉ trên thanh địa chỉ';
  setTimeout(() => { button.textContent = '🔗 Sao chép liên kết'; }, 2500);
});
</script>
"""


def copy_link(container=None) -> None:
    (container or st).iframe(_BUTTON, height=44)
