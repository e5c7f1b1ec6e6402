"""The fixed words the tool adds around the article's own: kickers, cues and caption labels.

One table per language, chosen by the digest's language; a language without a table gets English.
The brand kit's own texts (cta, disclaimer) are never translated: they stay as the brand wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    symptom: str
    cause: str
    takeaway: str
    treatment: str
    key_point: str
    next_step: str
    swipe: str
    story_kicker: str
    story_note: str
    from_blog: str  # the quote card's source line, before the headline
    from_article: str  # the quote caption's line, before the headline
    book: str  # the caption's call to action when the brand kit has none


WORDINGS = {
    "en": Wording(
        symptom="Symptom",
        cause="Cause",
        takeaway="Takeaway",
        treatment="Treatment",
        key_point="Key point",
        next_step="Next step",
        swipe="Swipe →",
        story_kicker="New on our blog",
        story_note="Read it via the link in bio",
        from_blog="— from our blog:",
        from_article="From our article:",
        book="Link in bio to book",
    ),
    "es": Wording(
        symptom="Síntoma",
        cause="Causa",
        takeaway="En resumen",
        treatment="Tratamiento",
        key_point="Idea clave",
        next_step="Siguiente paso",
        swipe="Desliza →",
        story_kicker="Nuevo en nuestro blog",
        story_note="Léelo en el enlace de la bio",
        from_blog="— de nuestro blog:",
        from_article="De nuestro artículo:",
        book="Reserva en el enlace de la bio",
    ),
    "ko": Wording(
        symptom="증상",
        cause="원인",
        takeaway="핵심 정리",
        treatment="치료",
        key_point="핵심 포인트",
        next_step="다음 단계",
        swipe="넘겨 보세요 →",
        story_kicker="블로그 새 글",
        story_note="프로필 링크에서 읽어 보세요",
        from_blog="— 블로그에서:",
        from_article="블로그 글:",
        book="예약은 프로필 링크에서",
    ),
}


def wording_for(language: str | None) -> Wording:
    """The table for a language code ("es", "ko-KR"); English when there is none."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return WORDINGS.get(code, WORDINGS["en"])


def generic_kickers() -> frozenset[str]:
    """Kickers that say nothing a caption line needs ("Treatment"), in every language."""
    return frozenset(word.lower() for w in WORDINGS.values() for word in (w.treatment, w.key_point))
