"""The working record of one figure while the readers build it (the output row is
``records.Figure``; this record carries, besides its fields, what the readers learnt on the way)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    TokenAt = Callable[[int], Token | None]     # the token that holds a character offset


@dataclass(slots=True)
class Figure:
    """One figure being built. ``start``/``end`` grow as words around the number are read;
    ``core_start``/``core_end`` stay on the number itself and ``raw`` keeps its unscaled value."""

    start: int
    end: int
    value: float
    is_word: bool = False           # spelled out ("three million", "a dozen")
    fraction: bool = False          # a share written as a fraction ("two thirds", "1 in 5")
    core_start: int = field(init=False)
    core_end: int = field(init=False)
    raw: float = field(init=False)
    value_max: float | None = None
    value_from: float | None = None  # where a stated change started ("rose from 5 to 10": 5)
    unit: str | None = None
    kind: str | None = None
    qualifier: str = "exact"
    direction: str | None = None
    measure: str | None = None
    period: str | None = None
    entity: int | None = None
    quote: int | None = None
    equivalent_of: int | None = None
    scaled: bool = False            # a scale word or suffix was applied
    cur: str | None = None          # the currency code read before or after the number
    bare: bool = True               # no unit, currency or percent was read
    sign: int | None = None         # -1 when a minus was written
    pct_sign: int | None = None     # 1 when a plus was written ("+3%")
    drop: bool = False              # not a figure, kept only while neighbours are paired
    age: bool = False
    date: bool = False              # a day of a month ("March 4"): its neighbours are days too

    def __post_init__(self) -> None:
        self.core_start, self.core_end, self.raw = self.start, self.end, self.value

    def change_direction(self) -> str:
        """Which way a stated change went, from where it started (``value_from``) to ``value``."""
        return "increase" if self.value > self.value_from else "decrease"
