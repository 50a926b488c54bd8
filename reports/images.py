"""Chart images for exports: PNG and SVG rendered with vl-convert (no browser needed). A framed
image (`title` given) is 16:9 — 1280×720 before scaling, the chart fitted inside — and carries
its title (what, which unit and period) and a subtitle (the source; the demo notice)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import altair as alt
import vl_convert as vlc

FRAME = (1280, 720)  # 16:9, a slide's size


def _spec(chart: alt.TopLevelMixin, width: int, title: str | None, subtitle: Sequence[str]) -> str:
    spec = chart.to_dict()
    spec["width"] = width  # "container" has no meaning outside a page
    spec.setdefault("background", "white")
    if title:
        spec["title"] = {
            "text": title,
            "subtitle": [s for s in subtitle if s],
            "anchor": "start",
            "fontSize": 22,
            "subtitleFontSize": 15,
            "subtitleColor": "#444",
        }
        spec["width"], spec["height"] = FRAME
        spec["autosize"] = {"type": "fit", "contains": "padding"}
        spec["padding"] = 16
    return json.dumps(spec)


def png(
    chart: alt.TopLevelMixin,
    width: int = 1100,
    scale: float = 2.0,
    *,
    title: str | None = None,
    subtitle: Sequence[str] = (),
) -> bytes:
    return vlc.vegalite_to_png(_spec(chart, width, title, subtitle), scale=scale)


def svg(
    chart: alt.TopLevelMixin,
    width: int = 1100,
    *,
    title: str | None = None,
    subtitle: Sequence[str] = (),
) -> str:
    return vlc.vegalite_to_svg(_spec(chart, width, title, subtitle))
