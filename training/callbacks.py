"""spaCy registry functions used by training/config.cfg.

``spacy train training/config.cfg ... --code training/callbacks.py`` when running the
spaCy CLI directly; make_model.py imports this module itself.
"""

from __future__ import annotations

import time

from spacy.util import registry

STATE: dict = {"step": 0, "stopped_by_time_limit": False}


class TimeLimitReached(RuntimeError):
    """Raised before an update once the training time budget is used up."""


@registry.callbacks("kg.time_limit.v1")
def make_time_limit(max_minutes: float = 0.0):
    """``before_update`` callback that stops training after ``max_minutes`` (0 = no limit).

    spaCy then keeps ``model-best`` (saved at the best evaluation so far) and writes
    ``model-last``.
    """
    start: list[float] = []

    def before_update(nlp, info: dict) -> None:
        if not start:
            start.append(time.monotonic())
        STATE["step"] = info.get("step", 0)
        if max_minutes and time.monotonic() - start[0] > max_minutes * 60:
            STATE["stopped_by_time_limit"] = True
            raise TimeLimitReached(f"{max_minutes} min reached at step {STATE['step']}")

    return before_update
