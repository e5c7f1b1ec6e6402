"""Part of stage 2, extract: the clinic's contact box left in the body (issue 11).

Sidebars and footers that the extraction keeps hold the same things on every clinic site: a
phone number, an e-mail address, a postal address, the opening hours, a "Book now" box. A
block made of them is no part of the article. One clue alone is kept (a sentence may give a
phone number to call), unless the block is only a labelled contact line ("Email: ...",
"Öffnungszeiten: ..."). Every rule here is general; none names a site.
"""

from __future__ import annotations

import re

from pipeline.models import Block

__all__ = ["drop_contact_boxes", "is_contact_box"]

LINE_MAX_CHARS = 120  # a labelled contact line is short: "Tel: 020 7946 0000"
PHONE_DIGITS = 9  # a phone number has this many digits or more; "2005-2010" is none
PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/-])"
)
DIGIT = re.compile(r"\d")  # what a phone number, a postal code and all but HOURS' days hold
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
POSTAL = re.compile(
    r"〒\s?\d{3}-?\d{4}"  # Japan
    r"|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"  # UK postcode
    r"|\b[A-Z]{2} \d{5}(?:-\d{4})?\b"  # US state and ZIP
    r"|\b\d{4,5} [A-ZÀ-Ý][a-zà-ÿ]+"  # "75011 Paris", "80331 München", "20121 Milano"
    r"|\d+(?:-\d+)*\s?(?:번길|로|길)\s?\d"  # Korean road address
)
HOURS = re.compile(
    r"\b\d{1,2}(?:[:h.]\d{2})?\s?(?:[ap]\.?m\.?)?\s?[-–~〜～]\s?\d{1,2}(?:[:h.]\d{2})\s?(?:[ap]\.?m\.?)?"
    r"|\b(?:mon(?:day)?|lun(?:di|edì|es)?|mo|seg(?:unda)?)\.?\s?[-–~]\s?"
    r"(?:fri(?:day)?|sat(?:urday)?|ven(?:dredi|erdì)?|vie(?:rnes)?|fr|sex(?:ta)?|sáb(?:ado)?|sa)\b"
    r"|[月火水木金土日]\s?[〜~-]\s?[月火水木金土日]|[월화수목금토일]\s?[~-]\s?[월화수목금토일]",
    re.I,
)
CONTACT_LABEL = re.compile(
    r"^\W*(?:e-?mail|tel(?:ephone|efon|efone|éfono|efono)?|t[ée]l|phone|fax|mobile|whatsapp"
    r"|address|adresse|anschrift|direcci[óo]n|indirizzo|endere[çc]o|住所|電話(?:番号)?|주소|전화"
    r"|(?:opening|office|clinic|business) hours|hours|horaires?|öffnungszeiten|sprechzeiten"
    r"|horarios?|orari|hor[áa]rios?|診療時間|受付時間|진료\s?시간)\s*[:：]",
    re.I,
)


def drop_contact_boxes(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(b for b in blocks if b.kind == "heading" or not is_contact_box(b.text))


def is_contact_box(text: str) -> bool:
    """A block of the clinic's contact details: two kinds of them (a phone number and a
    postal address, an e-mail and opening hours, ...), or a short labelled contact line."""
    if len(text) <= LINE_MAX_CHARS and CONTACT_LABEL.match(text):
        return True
    at, digit = "@" in text, bool(DIGIT.search(text))
    if not at and not digit:
        return False  # no phone, e-mail or postal code: at most the opening days, one clue
    # Each clue is looked for only where it can be (an e-mail holds an "@", a phone number and
    # a postal code hold digits; these patterns are tried at every character), and no further
    # once two are found.
    found = int(digit and has_phone(text)) + int(at and EMAIL.search(text) is not None)
    if found < 2 and digit and POSTAL.search(text):
        found += 1
    if found == 1 and HOURS.search(text):  # with none found, the hours are one clue alone
        found += 1
    return found >= 2


def has_phone(text: str) -> bool:
    return any(sum(c.isdigit() for c in m.group()) >= PHONE_DIGITS for m in PHONE.finditer(text))
