"""spaCy registry functions used by training/config.cfg.

``spacy train training/config.cfg ... --code training/callbacks.py`` when running the
spaCy CLI directly; make_model.py imports this module itself.
"""

from __future__ import annotations

import time

from spacy.util import registry

import kg.nlp.embed  # noqa: F401  (registers kg.ClusterHashEmbed.v1, kg.add_brown_clusters.v1)

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


@registry.loggers("kg.checkpoint_logger.v1")
def make_checkpoint_logger(keep_from: int = 0, keep_every: int = 0, progress_bar: bool = False):
    """spaCy's console logger that also keeps a copy of some evaluated checkpoints.

    spaCy writes ``model-last`` (with the averaged weights) at every evaluation, just before
    the logger sees that step; this copies it to ``checkpoints/step_<N>`` next to it for
    every step ``N >= keep_from`` that is a multiple of ``keep_every`` (0 = keep none), so
    that checkpoints can be compared on the held-out sets after training.
    """
    import shutil
    from pathlib import Path

    from spacy.training.loggers import console_logger

    console = console_logger(progress_bar=progress_bar)

    def setup(nlp, stdout, stderr):
        log_step, finalize = console(nlp, stdout, stderr)

        def log_and_keep(info):
            log_step(info)
            if not info or not keep_every or not info.get("output_path"):
                return
            step = info.get("step", 0)
            if step >= keep_from and step % keep_every == 0:
                last = Path(info["output_path"])
                target = last.parent / "checkpoints" / f"step_{step}"
                if target.exists():
                    shutil.rmtree(target)
                shutil.copytree(last, target)

        return log_and_keep, finalize

    return setup
