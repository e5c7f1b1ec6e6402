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
    # alt text: what each image shows ({position}, {total}, {where}, {topic} are filled in)
    alt_quote: str = (
        "Quote card {position} of {total}: a pull quote from the article, in serif type."
    )
    alt_story: str = "Story image (1080×1920): the headline in large type with a link-in-bio cue."
    alt_slide: str = "Slide {position} of {total}"
    alt_cover: str = "{where}: the title slide of the carousel, headline in large type."
    alt_closing: str = "{where}: the closing slide, with the takeaway and how to book."
    alt_next_step: str = "{where}: the closing slide, with how to book."
    alt_point: str = "{where}: a text slide on {topic}."
    alt_topic: str = "the article"


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
        alt_quote=(
            "Tarjeta de cita {position} de {total}: una frase destacada del artículo, "
            "en letra con serifa."
        ),
        alt_story=(
            "Imagen de historia (1080×1920): el titular en letra grande con un aviso del "
            "enlace en la bio."
        ),
        alt_slide="Diapositiva {position} de {total}",
        alt_cover="{where}: la portada del carrusel, con el titular en letra grande.",
        alt_closing="{where}: la diapositiva final, con la idea clave y cómo reservar.",
        alt_next_step="{where}: la diapositiva final, con cómo reservar.",
        alt_point="{where}: una diapositiva de texto sobre {topic}.",
        alt_topic="el artículo",
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
        alt_quote="인용 카드 {position}/{total}: 글에서 뽑은 인용문, 세리프체.",
        alt_story="스토리 이미지(1080×1920): 큰 글씨의 제목과 프로필 링크 안내.",
        alt_slide="슬라이드 {position}/{total}",
        alt_cover="{where}: 캐러셀의 표지 슬라이드, 큰 글씨의 제목.",
        alt_closing="{where}: 마지막 슬라이드, 핵심 정리와 예약 방법.",
        alt_next_step="{where}: 마지막 슬라이드, 예약 방법.",
        alt_point="{where}: {topic}에 관한 텍스트 슬라이드.",
        alt_topic="글",
    ),
}


def wording_for(language: str | None) -> Wording:
    """The table for a language code ("es", "ko-KR"); English when there is none."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return WORDINGS.get(code, WORDINGS["en"])


def generic_kickers() -> frozenset[str]:
    """Kickers that say nothing a caption line needs ("Treatment"), in every language."""
    return frozenset(word.lower() for w in WORDINGS.values() for word in (w.treatment, w.key_point))
