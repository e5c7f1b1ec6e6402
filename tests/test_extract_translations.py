"""A template's translation calls print their string: the text of a page whose every visible
string is wrapped in `__()`, `_e()`, `@lang()` or `{% trans %}` reaches the article."""

from __future__ import annotations

import pytest

from pipeline.extract.translations import spell_translations
from tests.factories import SENTENCE, block_texts, extract_text


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ('<h2>{{ __("Plantar wart") }}</h2>', "<h2>Plantar wart</h2>"),
        ("<p>{{ __('Ice & rest') }}</p>", "<p>Ice &amp; rest</p>"),  # printed escaped
        ("<p>{!! __('Ice <b>and</b> rest') !!}</p>", "<p>Ice <b>and</b> rest</p>"),
        ("<p>@lang('Rest the foot')</p>", "<p>Rest the foot</p>"),
        ("<p><?php _e( 'Rest the foot', 'clinic' ); ?></p>", "<p>Rest the foot</p>"),
        ("<p><?php echo esc_html__('A < b'); ?></p>", "<p>A &lt; b</p>"),
        ('<p><?= __("It\'s \\"sore\\"") ?></p>', '<p>It\'s "sore"</p>'),
        ('<p>{{ _("Repos") }} {% trans "Glace" %}</p>', "<p>Repos Glace</p>"),
        ("<p>{{ 'Rest the foot' }}</p>", "<p>Rest the foot</p>"),  # a printed literal
        ("<p>{{ 'Rest the foot'|trans }}</p>", "<p>Rest the foot</p>"),
        ("<p>{{ \"Ice it\" | trans({'%n%': 2}) }}</p>", "<p>Ice it</p>"),
    ],
)
def test_a_translation_call_prints_its_text(source: str, shown: str) -> None:
    assert spell_translations(source) == shown


@pytest.mark.parametrize(
    "source",
    [
        "<p>{{ __('messages.welcome') }}</p>",  # a key into a translation file
        "<p>{{ trans('home_title') }}</p>",
        "<p>{{ __('auth::login.failed') }}</p>",
        "<p>{{ $post->title }}</p>",  # a variable
        "<p>{{ __('Hello ') . $name }}</p>",  # more than a call
        "<p><?php echo 'Hello ' . $name; ?></p>",
        "<p>{{ __('') }}</p>",
        "<p>{{ 'general.title' | t }}</p>",
    ],
)
def test_keys_variables_and_expressions_stay_code(source: str) -> None:
    assert spell_translations(source) == source


def test_a_page_written_in_translation_calls_is_an_article() -> None:
    """Every visible string in `{{ __("…") }}` (a Laravel page for a second language): the
    server code step took the whole article, and the page was refused."""
    sentences = [
        SENTENCE * 2,
        "Warts spread in wet changing rooms, where the skin's pores open in the damp air. " * 2,
        "Children catch them often, as their immune system is still growing stronger. " * 2,
    ]
    body = "".join(f'<p>{{{{ __("{text}") }}}}</p>' for text in sentences)
    source = (
        '<html lang="{{ app()->getLocale() }}"><body>@include("nav")'
        '<h2>{{ __("Plantar wart") }}</h2>'
        f'<h4>{{{{ __("What favours them?") }}}}</h4>{body}'
        "@include('footer')</body></html>"
    )
    article = extract_text(source, kind="html")
    texts = [text for _, text in block_texts(article)]
    assert article.title == "Plantar wart"
    assert [text for text in texts if text != "What favours them?"] == [
        text.strip() for text in sentences
    ]
    assert not any("__(" in text or "{{" in text for text in texts)


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
