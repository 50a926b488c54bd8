"""The server: `streamlit run serve.py` (what `make run` does) serves app.py and its pages/ as
`streamlit run app.py` would, and prepares itself before its first request (ui.startup): imports,
the store opened, the recent views read ahead. `streamlit run app.py` still works; its first
leader waits for that work instead."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st


@asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    from ui import startup

    await asyncio.to_thread(startup.prepare_then_serve)  # off the event loop: imports, DuckDB block
    yield


app = st.App("app.py", lifespan=lifespan)
