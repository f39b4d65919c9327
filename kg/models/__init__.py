"""Trained pipelines shipped with kg: ``en_kg_news/`` (built by ``make model``; see training/)."""
