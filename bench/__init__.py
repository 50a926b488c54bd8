"""Benchmarks that print figures and ratios to their targets (docs/benchmarks.md). `python -m bench`
builds the national-scale store when missing and runs the page benchmark."""
