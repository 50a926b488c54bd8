"""The Vietnamese-text ground floor every layer stands on: folding names for comparison, unit-name
prefixes and unit-type labels, vi-VN number formats and period labels. No I/O, no other package."""
