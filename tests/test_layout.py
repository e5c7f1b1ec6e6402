"""Layout decisions on strings and boxes: which size fits, where lines break, what is shortened.

Most tests use a made-up monospaced measure (every character, space included, is half the size
wide) so the expected sizes can be worked out by hand; the last ones use the real fonts.
"""

from __future__ import annotations

import pytest

from pipeline.brand import load_brand
from pipeline.render.fit import (
    LIST_MARK,
    REF_SIZE,
    SizeOptions,
    TextSpec,
    break_lines,
    fit_text,
    fits_at_size,
    lines_that_fit,
    shorter_versions,
)
from pipeline.render.measure import font_chain, measure_line, measure_ref, surely_fits
from pipeline.render.units import split_units

HALF = 0.5  # the made-up font: each character is half the size wide


def mono(text: str) -> float:
    return len(text) * HALF * REF_SIZE


def spec(
    width: float,
    height: int = 2000,
    sizes: tuple[int, int] = (40, 120),
    max_lines: int = 8,
    ascent: float = 0.97,
    descent: float = 0.25,
) -> TextSpec:
    return TextSpec(round(width), height, sizes, 1.25, max_lines, ascent, descent)


def test_largest_size_that_fits_on_one_line() -> None:
    # "knee pain" is 9 characters: 4.5 x size must stay within 450 px, so size 100 exactly.
    # (With two lines allowed, 120 would fit as "knee" / "pain".)
    fitted = fit_text("knee pain", spec(450, max_lines=1), mono)
    assert fitted is not None
    assert (fitted.size, fitted.lines) == (100, ("knee pain",))


def test_size_is_capped_by_the_range() -> None:
    fitted = fit_text("knee", spec(2000, sizes=(40, 90)), mono)
    assert fitted is not None and fitted.size == 90


def test_height_limits_the_size() -> None:
    box = spec(300, height=300, sizes=(20, 120), ascent=0.8, descent=0.2)
    fitted = fit_text("aaaa bbbb cccc", box, mono)
    assert fitted is not None
    assert fitted.block_height(box) <= 300
    # one size larger does not fit, and the text has no boundary to shorten at
    bigger = spec(
        300, height=300, sizes=(fitted.size + 1, fitted.size + 1), ascent=0.8, descent=0.2
    )
    assert fit_text("aaaa bbbb cccc", bigger, mono) is None


def test_no_single_word_alone_on_the_last_line() -> None:
    # Greedy filling would leave "knee." alone; the balanced break moves a word down.
    text = "Gentle stretching eases tension in the knee."
    words = text.split()
    widths = [mono(w) * 0.5 for w in words]  # at size 50
    width = mono("Gentle stretching eases tension in the") * 0.5
    ends = break_lines(words, widths, mono(" ") * 0.5, width, 4)
    assert ends is not None
    last_line = words[ends[-2] :]
    assert len(last_line) >= 2


def test_lines_do_not_end_on_a_weak_word_when_avoidable() -> None:
    text = "Needles were placed around the knee joint to reduce the inflammation"
    fitted = fit_text(
        text, spec(mono("Needles were placed around the") * 0.6, sizes=(60, 60)), mono
    )
    assert fitted is not None
    assert all(line.split()[-1] not in {"the", "to", "of", "a"} for line in fitted.lines[:-1])


def test_a_list_separator_never_ends_or_opens_a_line() -> None:
    # At 60 px (20 characters a line) the evenest two lines put "·" at an edge ("Rest and ice ·"
    # or "· Gentle stretching"); the breaker keeps it inside a line.
    text = "Rest and ice · Gentle stretching · Supportive shoes"
    fitted = fit_text(text, spec(600, sizes=(60, 60)), mono)
    assert fitted is not None and len(fitted.lines) > 1
    assert all(not line.startswith("·") and not line.endswith("·") for line in fitted.lines)


def test_lines_come_out_even() -> None:
    text = (
        "Supportive shoes and short-term taping can reduce the load on the heel"
        " while you build strength."
    )
    fitted = fit_text(text, spec(900, sizes=(60, 60)), mono)
    assert fitted is not None
    lengths = [len(line) for line in fitted.lines]
    assert max(lengths) - min(lengths) <= 10, fitted.lines


def test_too_many_lines_is_not_a_break() -> None:
    words = ["word"] * 10
    assert break_lines(words, [100.0] * 10, 10.0, 220.0, max_lines=4) is None


def test_hyphenates_only_a_word_wider_than_the_box() -> None:
    box = spec(600, sizes=(40, 60))
    plain = fit_text("Acupuncture eases knee pain", box, mono)
    assert plain is not None and not plain.hyphenated
    long_word = fit_text("Electroacupuncturotherapeuticals helps", box, mono)
    assert long_word is not None and long_word.hyphenated and long_word.size == 40
    assert all(mono(line) * 0.4 <= 600 for line in long_word.lines)
    assert long_word.lines[0].endswith("-")
    assert long_word.text == "Electroacupuncturotherapeuticals helps"  # the words, not the pieces


def test_shortens_at_a_clause_boundary_with_an_ellipsis() -> None:
    text = (
        "The patient reported knee pain, which was worse on stairs, and it kept her awake at night"
    )
    fitted = fit_text(text, spec(700, height=200, sizes=(40, 40), max_lines=2), mono)
    assert fitted is not None and fitted.shortened
    assert fitted.text == "The patient reported knee pain, which was worse on stairs…"
    assert len(fitted.lines) <= 2


def test_shortens_at_a_sentence_end_keeping_the_full_stop() -> None:
    text = "Stretching helps the knee. It is best done slowly every morning before a long walk."
    fitted = fit_text(text, spec(600, height=100, sizes=(40, 40), max_lines=1), mono)
    assert fitted is not None and fitted.text == "Stretching helps the knee."


def test_nothing_fits_returns_none() -> None:
    assert fit_text("Unbreakable words everywhere here", spec(100, height=10), mono) is None


def test_shorter_versions_longest_first() -> None:
    versions = shorter_versions("One two three four, five six seven; eight nine ten eleven.")
    assert versions == ["One two three four, five six seven…", "One two three four…"]


def test_lines_that_fit_the_height() -> None:
    box = spec(500, height=200, ascent=0.8, descent=0.2)
    # at size 40: one line needs 40 px, each more 50 px: 1 + (200 - 40) // 50 = 4
    assert lines_that_fit(box, 40) == 4


@pytest.mark.parametrize("role", ["sans", "sans_bold", "serif"])
def test_real_fonts_never_overflow_the_box(role: str) -> None:
    chain = font_chain(load_brand(), role)
    box = TextSpec(width=888, height=700, sizes=(44, 64), line_height=1.3, max_lines=8)
    text = (
        "The root cause of the patient’s knee pain wasn’t just joint degeneration but also"
        " muscle imbalances around the knee, which made standing for long periods harder."
    )
    fitted = fit_text(text, box, lambda t: measure_ref(chain, t))
    assert fitted is not None
    assert all(measure_line(chain, line, fitted.size) <= 888 + 1 for line in fitted.lines)
    assert fitted.block_height(box) <= 700


def test_korean_words_break_between_syllables_without_a_hyphen() -> None:
    word = "근육불균형때문일수있습니다"  # 13 syllables, no space: 13 x 20 px at size 40
    fitted = fit_text(word, spec(200, sizes=(40, 40)), mono)
    assert fitted is not None and fitted.hyphenated
    assert "".join(fitted.lines) == word
    assert all(not line.endswith("-") and mono(line) * 0.4 <= 200 for line in fitted.lines)


def test_a_closing_mark_never_opens_a_japanese_line() -> None:
    # 12 characters fit a line at 40 px in 240 px: "。" would open the second line alone; it
    # stays with the character before it (kinsoku), and the last line is no widow.
    text = "歯科医で相談となりますよ。"
    fitted = fit_text(text, spec(240, sizes=(40, 40)), mono)
    assert fitted is not None and not fitted.hyphenated
    assert "".join(fitted.lines) == text
    assert len(fitted.lines) == 2 and len(fitted.lines[-1]) > 3, fitted.lines


def test_evenness_and_no_line_ending_on_the() -> None:
    # At 80 px "Needles went / in around the / knee joint to / ease the pain" is even but ends on
    # "the"; the clean break at 72 px is ragged ("Needles went / in around / the knee joint /
    # to ease the pain"). At 77 px the lines are even and clean: "Needles went in / around the
    # knee / joint to ease / the pain".
    text = "Needles went in around the knee joint to ease the pain"
    fitted = fit_text(text, spec(580, sizes=(40, 80)), mono)
    assert fitted is not None and fitted.size >= 76
    lengths = [len(line) for line in fitted.lines[:-1]]
    assert max(lengths) - min(lengths) <= 2, fitted.lines
    assert all(line.split()[-1] not in ("the", "to") for line in fitted.lines[:-1])


def test_a_lone_last_word_is_never_chosen_while_a_smaller_size_avoids_it() -> None:
    # At 90 px (15 characters a line) two lines must be "aaaa bbbb cccc" / "dddddddddddd";
    # at 82 px "aaaa bbbb" / "cccc dddddddddddd" fits, 8 px smaller.
    text = "aaaa bbbb cccc dddddddddddd"
    fitted = fit_text(text, spec(700, height=400, sizes=(60, 90), max_lines=2), mono)
    assert fitted is not None
    assert fitted.lines == ("aaaa bbbb", "cccc dddddddddddd") and fitted.size <= 82


# Sentences from /work/shared/corpus/clinic-dev/files (kibworth-osteopaths, preston-podiatry)
REAL_TEXTS = (
    "The pain is due to a compression of the digital nerves most commonly between the 3rd and"
    " 4th metatarsals.",
    "Squeezing the forefoot together from the sides can cause a painful click.",
    "Lower back pain is miserable. It affects how much we can physically do, our confidence in"
    " being active, and can even cause sleep disruption.",
    "Not all lower back problems are suitable for Osteopathy.",
    "An Osteopath knows the human body in huge detail which means you are safe in our hands.",
    "This is where my skills as an Osteopath and a Pilates instructor blend together.",
)


@pytest.mark.parametrize("look", ["calm", "bold", "photo"])
@pytest.mark.parametrize("text", REAL_TEXTS)
def test_real_symptom_and_cause_texts_break_evenly(look: str, text: str) -> None:
    """Not "The pain is due / to a compression / of the digital nerves most": the lines but
    the last are within a quarter of the box width of each other (they were 0.38-0.40 apart),
    and no word stands alone on the last line."""
    from pipeline.models import Card
    from pipeline.render.card import card_layout, place_card
    from pipeline.render.looks import load_template

    card = Card("point", "carousel-03.jpg", text, kicker="Cause")
    placed = place_card(card, card_layout(load_template(look), card), load_brand())["text"]
    fitted = placed.fitted
    assert fitted is not None and not fitted.shortened
    used = [measure_line(placed.chain, line, fitted.size) for line in fitted.lines]
    if len(used) > 2:
        assert max(used[:-1]) - min(used[:-1]) <= 0.25 * placed.box.width, fitted.lines
    assert len(fitted.lines) == 1 or len(fitted.lines[-1].split()) > 1


def test_keeps_the_largest_size_when_its_break_is_clean() -> None:
    text = "Gentle stretching eases knee pain over several weeks"
    fitted = fit_text(text, spec(900, sizes=(40, 80)), mono)
    assert fitted is not None and fitted.size == 80
    assert fitted.lines == ("Gentle stretching", "eases knee pain", "over several weeks")


def test_a_headline_with_a_colon_breaks_after_it() -> None:
    # At 80 px the even break is "Knee pain: what / the muscles have / to do with it"; a few px
    # smaller, the break after the colon is the designer's choice.
    text = "Knee pain: what the muscles have to do with it"
    fitted = fit_text(text, spec(640, sizes=(40, 80)), mono)
    assert fitted is not None
    assert fitted.lines[0] == "Knee pain:"
    assert fitted.size >= 80 - 80 // 7


def test_korean_keeps_a_bound_noun_with_the_word_before_it() -> None:
    # "줄이는 / 데" and "할 / 수" split what belongs together; break at other spaces.
    text = "근육의 긴장을 풀어 통증을 줄이는 데 도움이 될 수 있습니다"
    fitted = fit_text(text, spec(480, sizes=(40, 40)), mono)
    assert fitted is not None and len(fitted.lines) > 1
    for line in fitted.lines[1:]:
        assert line.split()[0] not in ("데", "수")
    for line in fitted.lines[:-1]:
        assert line.split()[-1] not in ("할", "될")


@pytest.mark.parametrize(("text", "largest"), [("Icing", 96), ("Rest and icing help", 84)])
def test_short_point_text_grows_to_fill_its_card(text: str, largest: int) -> None:
    """The calm point slide lets a text of a few words grow past its usual 62 px."""
    from pipeline.render.looks import load_template
    from pipeline.render.measure import fit_box

    box = load_template("calm").layouts["point"].box("text")
    assert box is not None and box.sizes[1] < largest
    fitted = fit_box(text, box, font_chain(load_brand(), box.role))
    assert fitted is not None and fitted.size == largest


def test_long_point_text_keeps_the_usual_size_range() -> None:
    from pipeline.render.looks import load_template
    from pipeline.render.measure import fit_box

    box = load_template("calm").layouts["point"].box("text")
    assert box is not None
    text = (
        "Gentle stretching exercises were recommended to relieve tension in the overworked"
        " muscles, promoting better muscle balance and reducing joint strain."
    )
    fitted = fit_box(text, box, font_chain(load_brand(), box.role))
    assert fitted is not None and 48 <= fitted.size <= box.sizes[1]


@pytest.mark.parametrize("look", ["calm", "bold", "photo"])
def test_korean_headline_keeps_its_noun_phrase_on_one_line(look: str) -> None:
    """samples/ko-knee-pain.md: not "무릎 / 앞쪽 통증 관리" nor "무릎 앞쪽 / 통증 관리"."""
    from pipeline.render.looks import load_template
    from pipeline.render.measure import fit_box

    box = load_template(look).layouts["story"].box("text")
    assert box is not None
    fitted = fit_box("계단을 오를 때 무릎이 아프다면: 무릎 앞쪽 통증 관리", box,
                     font_chain(load_brand(), box.role))  # fmt: skip
    assert fitted is not None
    assert fitted.lines[-1] == "무릎 앞쪽 통증 관리"
    assert any(line.endswith("아프다면:") for line in fitted.lines)


def test_a_narrow_column_takes_fewer_fuller_lines() -> None:
    """samples/tension-headaches.md in the bold look: not six lines at 60 % of the measure."""
    from pipeline.render.looks import load_template
    from pipeline.render.measure import fit_box

    box = load_template("bold").layouts["point"].box("text")
    assert box is not None
    chain = font_chain(load_brand(), box.role)
    text = (
        "Chin tucks and shoulder-blade exercises build endurance in the muscles that support"
        " the neck."
    )
    fitted = fit_box(text, box, chain)
    assert fitted is not None and len(fitted.lines) <= 5
    widest = max(measure_line(chain, line, fitted.size) for line in fitted.lines)
    assert widest >= 0.75 * box.width


SURE_TEXTS = [
    "The root cause of the patient’s knee pain wasn’t just joint degeneration but also",
    "AVA, Wave, Toyota: kerning pairs (“quoted”) and 1,234.56 numbers",
    "Réduction de l’inflammation grâce à l’acupuncture et aux étirements",
    "무릎 통증의 원인은 근육 불균형일 수 있습니다",
    "膝の痛みは筋肉のバランスが原因のこともあります",
]


@pytest.mark.parametrize("role", ["sans", "sans_bold", "sans_semibold", "serif"])
@pytest.mark.parametrize("text", SURE_TEXTS)
def test_a_line_said_to_fit_surely_fits_when_measured(role: str, text: str) -> None:
    """fit_box skips measuring a line that `surely_fits`: its real width must then be inside
    the box, at every size a card uses, in every font of the chain."""
    chain = font_chain(load_brand(), role, text)

    def measure(part: str) -> float:
        return measure_ref(chain, part)

    for size in (32, 44, 58, 64, 96, 110):
        real = measure_line(chain, text, size)
        for width in range(round(real) - 8, round(real) + 40):
            if surely_fits(text, measure, size, width):
                assert real <= width, (size, width, real)
        assert surely_fits(text, measure, size, round(real) + 40)  # not never


EVEN_TEXTS = [
    *SURE_TEXTS,
    "Knee pain: what helps, what does not, and when to see someone about it",
    "Rest · Ice · Compression · Elevation · Gentle stretching · Strength work for the hips",
    "The ache gets worse on stairs, when standing for a long time, and after long runs; "
    "some people feel a grinding under the kneecap.",
]


@pytest.mark.parametrize("text", EVEN_TEXTS)
@pytest.mark.parametrize("width", [420, 640, 888])
def test_the_evenest_option_is_found_without_trying_every_size(text: str, width: int) -> None:
    """SizeOptions.evenest stops at a size whose px given up cost more than the best found:
    it must pick what the lowest score over every size tried would pick (the first of equals)."""
    chain = font_chain(load_brand(), "sans", text)
    box = TextSpec(width=width, height=900, sizes=(40, 96), line_height=1.2, max_lines=8)

    def measure(part: str) -> float:
        return measure_ref(chain, part)

    units = split_units(text)
    widths = [measure(part) for part in units.parts]
    gaps = units.gaps(measure(" "), measure(LIST_MARK) if units.marks else 0.0)
    for largest in range(40, 97, 7):
        if not fits_at_size(widths, gaps, box, largest):
            continue
        found = SizeOptions(units, widths, gaps, box, largest).evenest()
        every = SizeOptions(units, widths, gaps, box, largest)
        assert found == min(every.every(), key=every.score)
