"""Loaders: report spreadsheets in, validated observations out, all or nothing.

read → layout → normalise → validate (problems) → commit through store/. Never imports Streamlit.
See docs/loading.md for formats, layout families, header vocabulary and every problem code.
"""
