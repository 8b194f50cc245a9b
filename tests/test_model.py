from __future__ import annotations

from kg.model import Entity, clean_label


def test_labels_lose_bidi_overrides_and_zero_width_characters():
    entity = Entity.named("Ann\u202e eeL\u200d", "Person", ("A.\u200b Lee", "Ann eeL"))
    assert (entity.key, entity.label, entity.aliases) == ("ann_eel", "Ann eeL", ("A. Lee",))
    assert Entity("k", "Bob\u2067 Roe\u2069", "Person").label == "Bob Roe"


def test_visible_text_is_kept():
    assert clean_label("Zoë Ünal – 東京 مدينة") == "Zoë Ünal – 東京 مدينة"
