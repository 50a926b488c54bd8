"""Chart images for exports: PNG and SVG rendered with vl-convert (no browser needed)."""

from __future__ import annotations

import json

import altair as alt
import vl_convert as vlc


def _spec(chart: alt.TopLevelMixin, width: int) -> str:
    spec = chart.to_dict()
    spec["width"] = width  # "container" has no meaning outside a page
    spec.setdefault("background", "white")
    return json.dumps(spec)


def png(chart: alt.TopLevelMixin, width: int = 1100, scale: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(_spec(chart, width), scale=scale)


def svg(chart: alt.TopLevelMixin, width: int = 1100) -> str:
    return vlc.vegalite_to_svg(_spec(chart, width))
