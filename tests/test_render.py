from __future__ import annotations

from PIL import features


def test_raqm_layout_is_active() -> None:
    assert features.check("raqm"), "Pillow has no raqm: install libfribidi0 (make setup does)"
