"""Meaning layer: catalog, progress measures, trend status, criteria scoring, queries, charts, narrative.

Pure functions over DataFrames plus a command line (`python -m indicators ...`). Never imports Streamlit.
"""
