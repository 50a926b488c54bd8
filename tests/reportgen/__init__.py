"""A generator of report workbooks composed from the conventions of Vietnamese reports (not from the
samples), each knowing the observations it holds. Deterministic: `case(seed)` always builds the same
file. Used by tests/test_loaders_generated.py; docs/loading.md lists the conventions it draws from.

    from tests.reportgen import case
    c = case(17)            # c.name, c.data (bytes), c.expected (DataFrame), c.unknown (names), c.describe
"""

from tests.reportgen.compose import Case, case, cases

__all__ = ["Case", "case", "cases"]
