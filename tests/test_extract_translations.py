"""A component's translation calls show their string: i18next's `{t("…")}` in JSX and
vue-i18n's `{{ $t('…') }}` (a template's are in test_extract_input.py)."""

from __future__ import annotations

from tests.factories import SENTENCE, block_texts, extract_text


def test_a_components_translation_calls_show_their_text() -> None:
    """i18next's `{t("…")}` in JSX and vue-i18n's `{{ $t('…') }}` with the text as the
    argument show it; a key ('home.title') shows nothing."""
    tips = [
        (SENTENCE * 2).strip(),
        "Warts spread in wet changing rooms, where the skin is soft and the pores are open.",
    ]
    jsx = (
        "export default function Warts() {\n  const { t } = useTranslation();\n  return (\n"
        f'    <main><h1>{{t("Plantar warts")}}</h1><p>{{t("{tips[0]}")}}</p>'
        f"<p>{{t('{tips[1]}')}} {{t('home.title')}}</p>"
        f"<p>{{t(`{SENTENCE.strip()}`)}}</p></main>\n  );\n}}\n"
    )
    article = extract_text(jsx, "jsx", "Warts.jsx")
    assert article.title == "Plantar warts"
    assert [text for _, text in block_texts(article)] == [*tips, SENTENCE.strip()]
    vue = (
        f"<template><article><h1>{{{{ $t('Plantar warts') }}}}</h1>"
        f"<p>{{{{ $t('{tips[0]}') }}}}</p><p>{{{{ $t(\"{tips[1]}\") }}}}</p>"
        f"<p>{{{{ $t('{tips[1]}') }}}} {{{{ $t('home.title') }}}}</p></article></template>"
    )
    article = extract_text(vue, "component", "Warts.vue")
    assert article.title == "Plantar warts"
    assert [text for _, text in block_texts(article)][:2] == tips
