"""Figures extractor, normalise: the kind and unit conventions of the output row."""
from __future__ import annotations


# ------------------------------------------------------------------ money sub-units
def test_money_subunit_keeps_written_value(figs, only):
    r = only(figs("Shares of the miner rose 12 cents in early trade."), text="12 cents")
    assert (r["value"], r["unit"], r["kind"]) == (12, "cent", "quantity")
