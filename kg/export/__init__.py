"""Exporters: each has a pure builder (to_x) and a thin writer (write_x)."""
