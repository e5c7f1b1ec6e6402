"""Part of stage 2, extract: server-side template code out of a page's source, before parsing.

A saved PHP, Laravel Blade, JSP, classic ASP, Smarty, Twig or Jinja page holds code that
the server runs and a reader never sees: `<?php … ?>`, `<% … %>`, `@extends(…)`,
`{include …}`, `{{ $var }}`, `<jsp:include …/>`. It goes, wherever it sits (a preamble, an
attribute, the body), and the HTML and text around it stay. The rules are about template
languages, never about a site. A title the template sets for the page (Blade's
`@section('title', 'X')`, PHP's `$title = "X";` or the `$heading = "X"` its banner prints,
Smarty's `{assign var="title" value="X"}`) is kept as a hint for the headline vote.
"""

from __future__ import annotations

import html
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

HEADING_VARIABLE = r"(?:heading|headline|h1|t[íi]tulo|titre|titel|titolo)"
QUOTED = r"(?P<q>['\"])(?P<title>(?:(?!(?P=q)).){2,200}?)(?P=q)"
# Each with the text it cannot match without (a page without it skips the search; `needs`).
TITLE_HINTS = (
    ("@section(", re.compile(rf"@section\(\s*['\"]title['\"]\s*,\s*{QUOTED}\s*\)")),
    (
        "@section(",
        re.compile(
            r"@section\(\s*['\"]title['\"]\s*\)\s*(?P<title>[^@<>{}\n]{2,200}?)\s*@(?:end|stop)"
        ),
    ),
    # a heading variable the page's banner prints as its <h1> ($heading = "X" ?>), before a
    # title variable, which is often only the <title>
    ("$", re.compile(rf"\$(?:page_?|post_?)?{HEADING_VARIABLE}\s*=\s*{QUOTED}\s*(?:;|\?>)", re.I)),
    ("$", re.compile(rf"\$(?:page_?|post_?)?title\s*=\s*{QUOTED}\s*(?:;|\?>)", re.IGNORECASE)),
    ("{", re.compile(rf"\{{assign\s+var=['\"]?(?:page_?)?title['\"]?\s+value={QUOTED}", re.I)),
    ("<", re.compile(rf"<c:set\s+var=['\"](?:page_?)?title['\"]\s+value={QUOTED}", re.I)),
)
# What both "$" patterns begin with.
TITLE_VARIABLE = re.compile(rf"\$(?:page_?|post_?)?(?:{HEADING_VARIABLE}|title)\s*=", re.I)
# Spans from an opening to a closing marker (a regular expression for each): comments first
# (they may hold code), then code blocks. They are found by `drop_spans` in one pass, so that
# a page full of unclosed openers costs linear time, not a search to the end from each one.
# Each span: the literal that opens it (a quick test), the opener and the closer.
# The quick test looks for the literals' first two characters, with one search for each first
# character (`find_marks`): Python's re finds a literal first character fast, where a test of
# each literal (`in`) reads the whole page ten times. The same searches note whether a server
# tag ("<c:set", "</jsp:", "<cfif") or an expression ("${", "#{") is anywhere on the page: the
# later steps that remove them put a space where they remove anything, so that no two
# characters meet that were apart, and no new one can appear.
LT_MARKS = re.compile(r"<(?:([%?])|/?(?i:[a-z]{1,6}:|cf))")  # "<%", "<?"; a server tag's start
# "{{", "{*", "{#", "{%", "{!"; a "{" after "$" or "#" (an expression), with what follows it
BRACE_MARKS = re.compile(r"\{(?:(?<=([$#])\{)([{*#%!]?)|([{*#%!]))")
BLADE_PHP = re.compile(r"@p")
COMMENT_SPANS = (
    ("{{--", r"\{\{--", r"--\}\}"),  # Blade
    ("<%--", r"<%--", r"--%>"),  # JSP
    ("{*", r"\{\*", r"\*\}"),  # Smarty
    ("{#", r"\{#", r"#\}"),  # Twig, Jinja
)
CODE_SPANS = (
    ("<?", r"<\?(?!(?i:xml)\b)", r"\?>|\Z"),  # PHP, to the end of the file when unclosed
    ("<%", r"<%", r"%>"),  # JSP and classic ASP: directives, scriptlets, expressions
    ("@php", r"@php\b", r"@endphp\b"),  # Blade's PHP block
    ("{%", r"\{%", r"%\}"),  # Twig, Jinja, Liquid, Nunjucks tags
    ("{{", r"\{\{", r"\}\}"),  # echo expressions: a value the server fills in
    ("{!!", r"\{!!", r"!!\}"),
)
# "@" comes first, and the look-behind after it, so that the search jumps from "@" to "@".
BLADE_DIRECTIVE = re.compile(
    r"@(?<![\w.@]@)(?:"
    r"(?:extends|section|yield|include\w*|push|prepend|stack|component|slot|props"
    r"|if|elseif|unless|isset|empty|foreach|forelse|for|while|switch|case|can|cannot|auth|guest"
    r"|env|production|lang|choice|json|method|livewire\w*|vite|inject|each|class|style|error"
    r")\s*(?:\((?:[^()'\"]|'[^']{0,500}'|\"[^\"]{0,500}\"|\([^()]{0,500}\)){0,500}\))?"
    r"|(?:end\w+|else|stop|show|parent|append|overwrite|csrf|break|continue"
    r"|default|verbatim|once)\b)",
)
# The look-ahead after "{" (a character that one of the three can go on with) lets the search
# leave at once the "{" of a script or a style sheet, where it tried each word.
SMARTY_TAG = re.compile(
    r"\{(?=[/$#a-z])(?:/?(?:include|if|elseif|else|foreach|foreachelse|section|sectionelse"
    r"|assign|capture|literal|strip|block|extends|config_load|insert|ldelim|rdelim|nocache"
    r"|function|call|while|for|php|append|counter|cycle|html_\w+|mailto)\b[^{}\n]*\}"
    r"|\$[^{}\n]*\}|#[\w.]+#\})",
    re.IGNORECASE,
)
# A tag ends at the first ">" outside quotes and never spans a "<", so that no search from one
# tag runs past the next one.
SERVER_TAG = re.compile(
    r"</?(?:jsp|c|fmt|fn|spring|form|tiles|sec|ui|h|f|asp)"
    r":[\w-]+(?:[^<>\"']|\"[^\"<>]*+\"|'[^'<>]*+')*+>"
    r"|</?cf\w+(?:[^<>\"']|\"[^\"<>]*+\"|'[^'<>]*+')*+>",
    re.IGNORECASE,
)
INLINE_TAG = re.compile(r"</?(?:br|em|strong|b|i|span|small|sup|sub|u|mark)\b[^<>$]*>", re.I)


def literal(name: str) -> str:
    """A quoted string literal, its text in group `name`."""
    return rf"""(?:'(?P<{name}1>(?:[^'\\{{}}]|\\.)*+)'|"(?P<{name}2>(?:[^"\\{{}}]|\\.)*+)")"""


# A translated string: the page's own words, passed through the site's translation call
# (Laravel `{{ __("Rest and ice.") }}` or `@lang(...)`, WordPress `<?php _e('...') ?>`,
# gettext `{{ _("...") }}`, Django `{% trans "..." %}`, Twig `{{ "..."|trans }}`). The call
# prints its literal (or its translation), so the literal stays as text and the call goes.
# A literal holds no brace, so that a search from one opener never runs past the next one.
TRANSLATE_CALL = r"(?:__|_e|_|trans|gettext|esc_html__|esc_html_e)\(\s*+"
CALL_END = r"\s*+(?:,(?:=>|[^(){}<>?])*+)?\)\s*+;?\s*+"
TRANSLATED = re.compile(
    rf"(?:\{{\{{|\{{!!)\s*+{TRANSLATE_CALL}{literal('a')}{CALL_END}(?:\}}\}}|!!\}})"
    rf"|<\?(?:php\b|=)\s*+(?:echo\s++)?{TRANSLATE_CALL}{literal('b')}{CALL_END}\?>"
    rf"|@lang\(\s*+{literal('c')}{CALL_END}"
    rf"|\{{%-?\s*+trans(?:late)?\s++{literal('d')}\s*+-?%\}}"
    rf"|\{{\{{\s*+{literal('e')}\s*+\|\s*+trans\s*+\}}\}}"
)
EXPRESSION = re.compile(r"[$#]\{[^{}<>\n]*\}")  # JSP EL and Thymeleaf: ${post.title}


@dataclass(frozen=True)
class Source:
    """A page's markup with the server-side code taken out, and the title it set, if any."""

    text: str
    title_hint: str | None = None


def strip_server_code(text: str) -> Source:
    """The visible HTML and text of a template page, and the title the template sets."""
    marks = find_marks(text)
    hint = find_title_hint(text, marks)
    # Dropping comments takes no opening in: what it leaves is the page's own characters with a
    # space where each comment was, so that no two characters meet that were apart before.
    text = drop_spans(text, COMMENT_SPANS, marks.openings)
    if marks.openings & TRANSLATION_OPENINGS or "@lang(" in text:
        text = TRANSLATED.sub(translated_text, text)
    text = drop_spans(text, CODE_SPANS, marks.openings)
    text = BLADE_DIRECTIVE.sub(" ", text)
    text = SMARTY_TAG.sub(" ", text)
    if marks.server_tags:
        text = SERVER_TAG.sub(" ", text)
    if marks.expressions:
        text = EXPRESSION.sub("", text)
    return Source(text, hint)


@dataclass(frozen=True)
class Marks:
    """What a page's server code can start with (`find_marks`)."""

    openings: frozenset[str]  # the first two characters of COMMENT_SPANS and CODE_SPANS found
    server_tags: bool  # SERVER_TAG may match
    expressions: bool  # EXPRESSION may match


def find_marks(text: str) -> Marks:
    """One search for each of "<", "{" and "@p" through the page."""
    tags = LT_MARKS.findall(text)
    braces = BRACE_MARKS.findall(text)
    openings = {"<" + c for c in tags if c} | {"{" + (b or c) for _, b, c in braces if b or c}
    openings |= set(BLADE_PHP.findall(text))
    return Marks(frozenset(openings), "" in tags, any(a for a, _, _ in braces))


def drop_spans(
    text: str, spans: tuple[tuple[str, str, str], ...], openings: AbstractSet[str]
) -> str:
    """`text` with each span from an opener to its closer replaced by a space, leftmost first.
    An opener whose closer is nowhere after it is left alone, and so are all later openers of
    its kind, which cannot have one either: no search runs twice over the same text. Spans
    whose literal's first two characters are not among `openings` (`find_marks`) are not
    looked for."""
    present = [
        (opener, closer)
        for marker, opener, closer in spans
        if marker[:2] in openings and (len(marker) == 2 or marker in text)
    ]
    if not present:
        return text
    openers = re.compile("|".join(f"(?P<s{i}>{o})" for i, (o, _) in enumerate(present)))
    closers = [re.compile(closer) for _, closer in present]
    kept: list[str] = []
    done = start = 0
    unclosed: set[int] = set()
    while opener := openers.search(text, start):
        kind = int((opener.lastgroup or "s0")[1:])
        closer = None if kind in unclosed else closers[kind].search(text, opener.end())
        if closer is None:
            unclosed.add(kind)
            start = opener.start() + 1
            continue
        kept += [text[done : opener.start()], " "]
        done = start = max(closer.end(), opener.end())
    return "".join(kept) + text[done:]


def find_title_hint(text: str, marks: Marks) -> str | None:
    held: dict[str, bool] = {}  # each needed text looked for once
    for needed, pattern in TITLE_HINTS:
        if needed not in held:
            held[needed] = needs(needed, text, marks)
        match = pattern.search(text) if held[needed] else None
        if match:
            title = INLINE_TAG.sub(" ", match.group("title"))  # "Nossa <br> <em>equipe</em>"
            title = re.sub(r"\s+", " ", html.unescape(title)).strip()
            if title and not re.search(r"[$<>{}]|\w\(", title):  # a value, not an expression
                return title
    return None


def needs(needed: str, text: str, marks: Marks) -> bool:
    """Whether the page holds what a TITLE_HINTS pattern cannot match without: "<c:set" is a
    server tag; a "$" must start a title variable and its "=" (TITLE_VARIABLE, one search for
    the two patterns that need it)."""
    if needed == "<":
        return marks.server_tags
    if needed == "$":
        return "$" in text and TITLE_VARIABLE.search(text) is not None
    return needed in text


# What every translation call opens with but Blade's @lang (a page without it skips TRANSLATED).
TRANSLATION_OPENINGS = frozenset(("{{", "{!", "{%", "<?"))
KEY = re.compile(r"[\w-]+(?:(?:\.|::)[\w-]+)+|[a-z\d]+(?:_[a-z\d]+)+")


def translated_text(match: re.Match[str]) -> str:
    """The words a translation call prints: its literal, unless the literal is a message key
    ("messages.welcome", "nav_home"), which names words kept elsewhere."""
    text = next(group for group in match.groupdict().values() if group is not None)
    text = re.sub(r"\\(.)", r"\1", text)
    return " " if KEY.fullmatch(text.strip()) else f" {text} "
