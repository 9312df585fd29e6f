"""The minutes' words exist in every locale."""

from __future__ import annotations

import yaml

from dialogkit.layout import builtin_templates


def test_every_locale_has_every_minutes_label() -> None:
    labels = yaml.safe_load((builtin_templates() / "labels.yaml").read_text(encoding="utf-8"))
    ours = {locale: {k for k in words if k.startswith(("referat_", "case_"))} for locale, words in labels.items()}
    assert set(ours) >= {"sv", "nb", "nn", "en"}
    assert ours["sv"] == ours["nb"] == ours["nn"] == ours["en"]
    assert len(ours["sv"]) > 30
