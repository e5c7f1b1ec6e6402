"""Part of stage 2, extract: the strings of a Ruby file and the keys they are given under, read
without running Ruby (rubydata.py makes an article of them).

A Rails seed keeps a post's words in string literals: `'…'` and `"…"` (with escapes and
`#{…}` interpolations, which go), `%q(…)`, `%Q{…}` and `%{…}`, and heredocs (`<<TAG`,
`<<-TAG`, `<<~TAG`, the tag quoted or not; the squiggly form loses its common indentation,
several on one line are read in turn). A string's key is the one it is given under: a hash key
(`title: …`, `:title => …`, `"title" => …`), a keyword argument, or an assignment
(`post.body = …`, `body = …`); a string in a call's parentheses or a list takes the key the call
or the list is given under (`body: ActionText::Content.new(<<~HTML)`, `body: ["…", "…"]`).
Strings joined with `+`, `\\` or side by side are one string. Comments, regular expressions,
symbols, `%w[…]` word lists and backtick commands are code, never text. A heredoc left open runs
to the end of the file, less the `end`s and closing brackets after it.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, replace

HEREDOC = re.compile(r"<<([~-]?)([\"'`]?)([A-Za-z_]\w*)\2")
IDENTIFIER = re.compile(r"(?:@@?|\$)?[A-Za-z_]\w*[?!]?")
SYMBOL_KEY = re.compile(r":([A-Za-z_]\w*[?!]?)\s*=>")
ASSIGNMENT = re.compile(r"[ \t]*=(?![=~>])")
PERCENT = re.compile(r"%([qQwWiIrsx]?)([^\w\s])")
PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
CLOSERS = {")": "(", "]": "[", "}": "{"}
ESCAPES = {"n": "\n", "t": "\t", "s": " ", "r": "", "0": "", "e": "", "a": "", "b": "", "f": ""}
UNICODE_ESCAPE = re.compile(r"u\{([0-9A-Fa-f ]+)\}|u([0-9A-Fa-f]{4})")
# the lines after a heredoc left open: closing brackets, `end`, a mistyped closing tag
CLOSING_LINE = re.compile(r"^\s*(?:end\b|[A-Z][A-Z0-9_]*\b)?[\s)\]},]*$")
BLOCK_COMMENT_END = re.compile(r"^=end\b.*$", re.M)
DATA_SECTION = re.compile(r"__END__[ \t]*(?:\n|$)")
NUMBER = re.compile(r"\d[\w.]*")
MAX_NESTING = 32  # strings in interpolations in strings ... deeper than this are not read
KEY_GAP = 80  # a quoted key is this close to its `=>`
KEYWORDS = frozenset(
    ("do", "end", "then", "if", "unless", "else", "elsif", "begin", "rescue", "ensure", "def")
).union(("class", "module", "return", "and", "or", "not", "while", "until", "case", "when"))


@dataclass(frozen=True)
class RubyString:
    key: str  # the key it is given under, as written ("" for none)
    text: str  # what the literal holds: escapes read, interpolations out
    chain: tuple[int, ...]  # the offsets of the brackets open around it, outermost first
    in_array: bool  # directly in a [...] list
    parent: str = ""  # the key the bracket around it is given under (`title: { es: "…" }`)


@dataclass
class Scanner:
    source: str
    found: list[RubyString]
    stack: list[tuple[str, str, int]]  # open bracket, the key it is given under, its offset
    pending: str = ""  # a key waiting for its value
    joining: bool = False  # the next string joins the last one (`+`, `\`, side by side)
    value_before: bool = False  # the last token was a value: `/` and `%` are operators
    line_end: int = -1  # the end of the line whose heredocs are read ...
    resume: int = -1  # ... and where reading goes on after their bodies
    string_end: int = -1  # where the last string literal ended, or -1 after another token


def ruby_strings(source: str) -> list[RubyString]:
    """The file's string literals with the key each is given under, in source order."""
    scan = Scanner(source.replace("\r\n", "\n"), [], [])
    text = scan.source
    n = 0
    while n < len(text):
        if scan.resume >= 0 and n >= scan.line_end:
            n, scan.resume = max(n, scan.resume), -1  # past the heredocs' bodies
            continue
        n = step(scan, n)
    return scan.found


def step(scan: Scanner, n: int) -> int:
    """Read the token at `n`; the offset after it."""
    text = scan.source
    char = text[n]
    if char in " \t":
        return n + 1
    if char == "\n":
        if not continued(text, n):
            scan.joining = False
        return n + 1
    if char == "\\" and text[n + 1 : n + 2] == "\n":
        return n + 2
    line_start = n == 0 or text[n - 1] == "\n"
    if char == "#":
        end = text.find("\n", n)
        return len(text) if end < 0 else end
    if line_start and text.startswith("=begin", n):
        closing = BLOCK_COMMENT_END.search(text, n)
        return closing.end() if closing else len(text)
    if line_start and DATA_SECTION.match(text, n):
        return len(text)  # the file's data section: not read by this file's code
    if char in "'\"":
        end, value = quoted(text, n, char)
        add(scan, value, end)
        return end
    if char == "`":
        end, _ = quoted(text, n, "`")
        return value_token(scan, end)
    if char == "<" and (match := HEREDOC.match(text, n)):
        return heredoc(scan, n, match)
    if char == "%" and not scan.value_before and (match := PERCENT.match(text, n)):
        end, value = percent(text, n, match)
        if match.group(1) in ("", "q", "Q"):
            add(scan, value, end)
            return end
        return value_token(scan, end)
    if char == "/" and not scan.value_before and (end := regex_end(text, n)) > 0:
        return value_token(scan, end)  # a regular expression
    if char == ":" and (match := SYMBOL_KEY.match(text, n)):
        return key_token(scan, match.group(1), match.end())
    if char == ":" and text[n + 1 : n + 2] != ":" and retract_key(scan, n, adjacent=True):
        return n + 1  # "title": …, a quoted key
    if char == "=" and text.startswith("=>", n):
        retract_key(scan, n)
        return n + 2
    if char == ":" and text[n + 1 : n + 2] in "\"'":
        end, _ = quoted(text, n + 1, text[n + 1])  # :"a symbol"
        return value_token(scan, end)
    if char == ":" and (match := IDENTIFIER.match(text, n + 1)):
        return value_token(scan, match.end())  # a symbol
    if char == ":" and text.startswith("::", n):
        return n + 2  # Foo::Bar: the pending key goes on to the value
    if match := IDENTIFIER.match(text, n):
        return identifier(scan, n, match)
    if match := NUMBER.match(text, n):
        return value_token(scan, match.end())
    if char in "([{":
        key = scan.pending if (scan.pending or char != "[") else inherited(scan)
        scan.stack.append((char, key, n))
        scan.pending, scan.joining, scan.value_before = "", False, False
        return n + 1
    if char in ")]}":
        while scan.stack and scan.stack.pop()[0] != CLOSERS[char]:
            pass
        scan.pending, scan.joining, scan.value_before = "", False, True
        return n + 1
    if char == "+":
        scan.value_before = False
        return n + 1
    if char == "." or (char == "&" and text.startswith("&.", n)):
        scan.joining = False
        return n + (2 if char == "&" else 1)
    scan.pending, scan.joining, scan.value_before = "", False, False  # , ; = and operators
    return n + 1


def continued(text: str, newline: int) -> bool:
    """The line ending at `newline` goes on to the next: it ends with `\\` or `+`."""
    n = newline - 1
    while n >= 0 and text[n] in " \t":
        n -= 1
    return n >= 0 and text[n] in "\\+"


def identifier(scan: Scanner, n: int, match: re.Match[str]) -> int:
    """A key (`title:`, `title =`, `post.title =`), or a name in a value (a constant, a call)."""
    text, end = scan.source, match.end()
    name = match.group()
    after = text[end + 1 : end + 2]
    spaced = after in ("", " ", "\t", "\n") or not name[0].isupper()  # not a constant's `Foo:`
    if text[end : end + 1] == ":" and after != ":" and name[-1] != "?" and spaced:
        return key_token(scan, name, end + 1)
    if name not in KEYWORDS and (assign := ASSIGNMENT.match(text, end)):
        return key_token(scan, name.lstrip("@$"), assign.end())
    if name in KEYWORDS:
        scan.pending = ""
    scan.joining = False
    scan.value_before = name not in KEYWORDS
    return end  # the pending key goes on to the call's value: `body: Content.new(<<~HTML)`


def key_token(scan: Scanner, key: str, end: int) -> int:
    scan.pending, scan.joining, scan.value_before = key, False, False
    return end


def value_token(scan: Scanner, end: int) -> int:
    scan.joining, scan.value_before = False, True
    return end


def inherited(scan: Scanner) -> str:
    """The key a nested list inherits from the list or call it sits in directly."""
    return scan.stack[-1][1] if scan.stack and scan.stack[-1][0] == "[" else ""


def add(scan: Scanner, value: str, end: int) -> None:
    """A string literal that ends at `end`: joined to the last one, or one more under its key."""
    if scan.joining and scan.found:
        last = scan.found[-1]
        scan.found[-1] = replace(last, text=last.text + value)
    else:
        bracket, bracket_key = (scan.stack[-1][0], scan.stack[-1][1]) if scan.stack else ("", "")
        listed = bracket in ("[", "(") and not scan.pending  # an item, or a call's argument
        key = scan.pending or (bracket_key if listed else "")
        chain = tuple(offset for _, _, offset in scan.stack)
        scan.found.append(RubyString(key, value, chain, listed and bracket == "[", bracket_key))
    scan.pending, scan.joining, scan.value_before, scan.string_end = "", True, True, end


def retract_key(scan: Scanner, n: int, *, adjacent: bool = False) -> bool:
    """`"title" =>` or `"title":` (the colon right after the quote): the string just read is a
    key, not a value."""
    near = 0 <= n - scan.string_end < KEY_GAP
    between = scan.source[scan.string_end : n] if near else "?"
    if not scan.found or (between if adjacent else between.strip()):
        return False
    last = scan.found[-1]
    if not re.fullmatch(r"[A-Za-z_]\w*", last.text):
        return False
    scan.found.pop()
    scan.pending, scan.joining, scan.value_before, scan.string_end = last.text, False, False, -1
    return True


def quoted(text: str, start: int, quote: str, depth: int = 0) -> tuple[int, str]:
    """A quoted literal from its opening quote: the offset after it, and what it holds. A
    literal nested deeper than MAX_NESTING in interpolations runs to the end of the text."""
    if depth > MAX_NESTING:
        return len(text), ""
    n = start + 1
    while n < len(text):
        char = text[n]
        if char == "\\":
            n += 2
            continue
        if char == "#" and quote != "'" and text.startswith("#{", n):
            n = interpolation_end(text, n + 1, depth)
            continue
        if char == quote:
            inner = text[start + 1 : n]
            return n + 1, (single_quoted(inner) if quote == "'" else double_quoted(inner))
        n += 1
    return len(text), ""  # left open: no string


def percent(text: str, start: int, match: re.Match[str]) -> tuple[int, str]:
    """`%q(…)`, `%Q{…}`, `%{…}` (and the word lists, read only to be skipped), nested
    brackets counted."""
    opener = match.group(2)
    closer = PAIRS.get(opener, opener)
    depth, n = 1, match.end()
    while n < len(text):
        char = text[n]
        if char == "\\":
            n += 2
            continue
        if char == opener and closer != opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                inner = text[match.end() : n]
                single = match.group(1) == "q"
                return n + 1, (single_quoted(inner) if single else double_quoted(inner))
        n += 1
    return len(text), ""


def heredoc(scan: Scanner, n: int, match: re.Match[str]) -> int:
    """A heredoc's opener: its body is read now, from the next line (or after the body of the
    heredoc opened before it on this line), and skipped when the scan reaches that line."""
    text = scan.source
    flavour, quote, tag = match.groups()
    line_end = text.find("\n", n)
    if line_end < 0:
        return value_token(scan, match.end())
    start = scan.resume if scan.resume >= 0 else line_end + 1
    body, after = heredoc_body(text, start, tag)
    if flavour == "~":
        body = textwrap.dedent(body)
    scan.line_end, scan.resume = line_end, after
    if quote != "`":
        add(scan, body if quote == "'" else double_quoted(body), match.end())
    return match.end()


def heredoc_body(text: str, start: int, tag: str) -> tuple[str, int]:
    """A heredoc's text from `start` to the line that ends it, and the offset after that line.
    Its tag alone on a line ends it, indented or not (a plain `<<TAG` ended by an indented
    TAG: Ruby refuses it, a reader does not). Left open, it runs to the end of the file less
    the closing lines that follow it."""
    end = re.compile(rf"^[ \t]*{re.escape(tag)}[ \t]*$", re.M).search(text, start)
    if end:
        return text[start : end.start()], min(end.end() + 1, len(text))
    lines = text[start:].split("\n")
    while lines and CLOSING_LINE.match(lines[-1]):
        lines.pop()
    return "\n".join(lines), len(text)


def interpolation_end(text: str, brace: int, nesting: int = 0) -> int:
    """The offset after the `}` that closes the `#{` whose brace is at `brace`."""
    depth, n = 0, brace
    while n < len(text):
        char = text[n]
        if char in "'\"":
            n, _ = quoted(text, n, char, nesting + 1)
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        n += 1
        if depth == 0:
            return n
    return len(text)


def regex_end(text: str, start: int) -> int:
    """The offset after a regular expression that opens at `start` and closes on its line, or
    0: a `/` without a closing one on its line is division."""
    n = start + 1
    while n < len(text) and text[n] != "\n":
        if text[n] == "\\":
            n += 2
            continue
        if text[n] == "/":
            return n + 1
        n += 1
    return 0


def single_quoted(inner: str) -> str:
    return re.sub(r"\\([\\'])", r"\1", inner)


def double_quoted(inner: str) -> str:
    """A double-quoted literal's text: its `#{…}` parts out, its escapes read."""
    out: list[str] = []
    n = 0
    while n < len(inner):
        char = inner[n]
        if char == "#" and inner.startswith("#{", n):
            n = interpolation_end(inner, n + 1)
            continue
        if char == "\\" and n + 1 < len(inner):
            n = escape(inner, n + 1, out)
            continue
        out.append(char)
        n += 1
    return "".join(out)


def escape(inner: str, n: int, out: list[str]) -> int:
    """The escape after a backslash at `n - 1`, appended to `out`; the offset after it."""
    char = inner[n]
    unicode = UNICODE_ESCAPE.match(inner, n)
    if unicode:
        codes = (unicode.group(1) or unicode.group(2)).split()
        out.extend(chr(int(code, 16)) for code in codes if int(code, 16) < 0x110000)
        return unicode.end()
    if char == "\n":
        return n + 1  # a line continued
    out.append(ESCAPES.get(char, char))
    return n + 1
