"""Part of stage 2, extract: a template's translation calls, as the text they print.

A multilingual site's templates wrap each visible string in a call to its translation
function, with the text in the source language as the argument: Laravel Blade's
`{{ __("Warts are…") }}` and `@lang('…')`, WordPress's `<?php _e( 'Text', 'theme' ); ?>` and
`<?php echo esc_html__( '…' ); ?>`, gettext in Jinja or Django (`{{ _("…") }}`,
`{% trans "…" %}`), Twig's filter (`{{ '…'|trans }}`). The server prints that text (or its
translation), so it is the page's text, not code: each such call becomes its string before
the server code goes (templates.py), which would take the whole article with it. A plain
string printed the same way (`{{ "…" }}`, `<?php echo '…'; ?>`) is text too. An argument
that is a key into a translation file (`__('messages.welcome')`, `trans('home_title')`)
prints a text that is not on the page, and stays code.
"""

from __future__ import annotations

import html
import re

LITERAL = r"""('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")"""  # the one capturing group
# gettext's and the frameworks' translation functions; a second argument (a text domain, the
# placeholders' values) may follow the text
FUNCTION = r"(?:__|_e|_x|_|trans|gettext|_t|\$?t|esc_html__|esc_html_e|esc_attr__|esc_attr_e)"
# a call, a literal with a translation filter (Twig's and Liquid's `'…'|trans`), or a literal
FILTER = r"\s*\|\s*(?:trans|t|translate)\b(?:\([^()<>]*\))?"
PRINTED = rf"(?:{FUNCTION}\s*\(\s*{LITERAL}\s*(?:,[^()<>]*)?\)|{LITERAL}(?:{FILTER})?)"
PRINTS = re.compile(
    rf"\{{\{{\s*{PRINTED}\s*\}}\}}"  # Blade, Jinja, Twig, Django: printed escaped
    rf"|\{{!!\s*{PRINTED}\s*!!\}}"  # Blade, printed as HTML
    rf"|@lang\(\s*{LITERAL}\s*(?:,[^()<>]*)?\)"  # Blade's directive
    rf"|<\?(?:php\s+(?:(?:echo|print)\s+)?|=\s*){PRINTED}\s*;?\s*\?>"  # PHP
    rf"|\{{%\s*trans(?:late)?\s+{LITERAL}\s*%\}}",  # Django's tags
    re.S,
)
PRINTS_START = re.compile(r"\{\{|\{!!|@lang\(|<\?|\{%\s*trans")  # a page without any skips PRINTS
KEY = re.compile(r"[\w-]+(?:(?:\.|::)[\w-]+)+|[a-z\d]+(?:_[a-z\d]+)+")  # 'messages.welcome'
ESCAPE = re.compile(r"\\(.)", re.S)


def spell_translations(text: str) -> str:
    """The template with each call that prints a string literal replaced by the string."""
    if not PRINTS_START.search(text):
        return text
    return PRINTS.sub(printed_text, text)


def printed_text(match: re.Match[str]) -> str:
    """The text a translation call or a printed literal shows; the call itself when its
    argument is a key into a translation file."""
    literal = next(group for group in match.groups() if group is not None)
    value = ESCAPE.sub(r"\1", literal[1:-1])
    if not value.strip() or KEY.fullmatch(value.strip()):
        return match.group(0)
    escaped = match.group(0).startswith("{{") or "esc_" in match.group(0)[:20]
    return html.escape(value, quote=False) if escaped else value
