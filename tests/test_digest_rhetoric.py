"""What a point is not (issue 11): a myth a post refutes, a verdict label ("Truth:"), a study's
finding, a "Duration" section and a line that introduces a video. Small made-up articles in the
languages concerned."""

from __future__ import annotations

from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Digest
from tests.factories import heading, item, para


def digest(blocks: list[Block], title: str) -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def all_texts(found: Digest) -> list[str]:
    points = [*found.treatment_points, *found.prevention]
    return [found.symptom or "", found.cause or ""] + [f"{p.label} {p.text}" for p in points]


def myth_post(myth: str, verdict: str, pairs: list[tuple[str, str]], title: str) -> Digest:
    blocks = [para("Back pain is one of the most common complaints we see in the clinic.")]
    for number, (claim, answer) in enumerate(pairs, start=1):
        blocks += [heading(f"{myth} {number}: {claim}", 3)]
        blocks += [para(f"{verdict}: {answer}", lead=verdict)]
    return digest(blocks, title)


def test_a_verdict_label_is_no_point_label_and_leaves_the_text() -> None:
    found = myth_post(
        "Mito",
        "A VERDADE",
        [
            (
                "Levantar peso é sempre a causa da dor nas costas.",
                "A maioria das dores vem de um acúmulo de fatores como má postura e sedentarismo.",
            ),
            (
                "Exercício é perigoso para quem tem dor.",
                "A falta de exercício enfraquece os "
                "músculos. Faça exercícios leves todos os dias para proteger a coluna.",
            ),
        ],
        "Mitos sobre dor nas costas",
    )
    texts = all_texts(found)
    assert not any("VERDADE" in t for t in texts), texts
    assert all(p.label != "A VERDADE" for p in (*found.treatment_points, *found.prevention))


def test_a_myth_heading_is_neither_a_cause_nor_a_tip() -> None:
    found = myth_post(
        "Myth",
        "Truth",
        [
            ("Lifting is always the cause of back pain", "Most back pain builds up slowly."),
            ("Stretching before running prevents injury", "A warm-up matters more."),
        ],
        "Back pain myths",
    )
    assert found.cause is None or "Truth" not in found.cause
    labels = [p.label or "" for p in (*found.treatment_points, *found.prevention)]
    assert not any("prevents injury" in label for label in labels), labels


def test_a_myth_stated_in_a_paragraph_never_reaches_a_card() -> None:
    blocks = [heading("Treatment"), para("We use manual therapy and graded exercise.")]
    blocks += [para("MYTH: Cracking your back every day keeps it healthy.", lead="MYTH")]
    blocks += [para("Mythe : il faut rester au lit. Vérité : bouger tôt aide à guérir.")]
    found = digest(blocks, "Low back pain")
    texts = " ".join(all_texts(found) + list(found.quotes))
    assert "Cracking your back" not in texts
    assert "rester au lit" not in texts
    assert "Vérité" not in texts


def test_a_study_finding_is_no_treatment_point() -> None:
    blocks = [heading("Traitement ostéopathique")]
    blocks += [
        para(
            "Les douleurs lombaires sont les premiers motifs de consultation ostéopathique. "
            "Une méta-analyse de 2005 montre que l'ostéopathie réduit les lombalgies. "
            "L'ostéopathe travaille sur la mobilité du bassin et des vertèbres lombaires."
        )
    ]
    found = digest(blocks, "La lombalgie")
    texts = [p.text for p in found.treatment_points]
    assert texts == ["L'ostéopathe travaille sur la mobilité du bassin et des vertèbres lombaires."]


def test_an_english_study_is_no_point_but_the_clinics_method_is() -> None:
    blocks = [heading("How we treat it")]
    blocks += [para("A recent study found that 80% of runners improved with exercise.")]
    blocks += [para("We use shockwave therapy to settle the tendon.")]
    blocks += [para("Studies show that stretching the calf helps too.")]
    texts = [p.text for p in digest(blocks, "Achilles pain").treatment_points]
    assert texts == ["We use shockwave therapy to settle the tendon."]


def test_a_duration_section_is_no_method_topic() -> None:
    blocks = [heading("Causes"), para("La lombalgie vient souvent d'un faux mouvement.")]
    blocks += [heading("Durée"), para("En général, la lombalgie se résout en 2 semaines.")]
    blocks += [heading("Traitement ostéopathique")]
    blocks += [para("L'ostéopathe libère les tensions du bassin et du diaphragme.")]
    points = digest(blocks, "La lombalgie").treatment_points
    assert [p.label for p in points] == [None]
    assert "2 semaines" not in points[0].text


def test_a_line_that_introduces_a_video_is_no_tip() -> None:
    blocks = [heading("Prévention")]
    blocks += [item("Une séance hebdomadaire de gainage protège votre dos.")]
    blocks += [item("Dormez sur un matelas ferme et adapté à votre dos.")]
    blocks += [item("Marchez trente minutes chaque jour pour garder le dos mobile.")]
    blocks += [item("Ergonomie: revoyez votre poste de travail.", lead="Ergonomie")]
    blocks += [item("Tabac: arrêtez de fumer, un facteur de risque en moins.", lead="Tabac")]
    blocks += [para('Vidéo "Mal au dos: les bons gestes":', lead='Vidéo "Mal au dos')]
    tips = [f"{p.label} {p.text}" for p in digest(blocks, "La lombalgie").prevention]
    assert len(tips) == 5 and not any("Vidéo" in t for t in tips), tips


def test_a_list_of_stages_or_grades_is_no_treatment() -> None:
    """ "Il existe 3 stades de gravité : Stade 1 : ..." classifies the injury; the protocol
    below it is what the reader does."""
    blocks = [para("Une entorse est une lésion d'un ligament de la cheville.")]
    blocks += [para("Il existe 3 stades de gravité :")]
    blocks += [item("Stade 1 (Bénin) : simple étirement du ligament.", lead="Stade 1 (Bénin)")]
    blocks += [item("Stade 2 (Moyen) : déchirure partielle.", lead="Stade 2 (Moyen)")]
    blocks += [heading("Les premiers réflexes")]
    blocks += [item("Protection : arrêtez l'activité qui fait mal.", lead="Protection")]
    blocks += [item("Elevation : surélevez la jambe pour drainer l'œdème.", lead="Elevation")]
    found = digest(blocks, "Entorse de cheville")
    labels = [p.label for p in (*found.treatment_points, *found.prevention)]
    assert "Stade 1 (Bénin)" not in labels and "Protection" in labels, labels


def test_an_english_list_of_grades_is_no_treatment() -> None:
    blocks = [
        para("A sprain is an injury to a ligament."),
        para("There are three grades of sprain:"),
    ]
    blocks += [item("Grade 1: a mild stretch of the ligament.", lead="Grade 1")]
    blocks += [item("Grade 2: a partial tear.", lead="Grade 2")]
    blocks += [para("Treatment may include manual therapy and a graded exercise programme.")]
    labels = [p.label for p in digest(blocks, "Ankle sprain").treatment_points]
    assert "Grade 1" not in labels, labels


def test_a_labelled_point_is_not_told_again_as_advice() -> None:
    """ "Avoid: Évitez les anti-inflammatoires..." is a point with its label: the same sentence
    is not a self-care tip too."""
    blocks = [para("Une entorse est une lésion d'un ligament de la cheville.")]
    blocks += [para("Les réflexes :")]
    blocks += [item("Protection : arrêtez l'activité qui fait mal.", lead="Protection")]
    text = "Évitez les anti-inflammatoires les premiers jours, ils freinent la cicatrisation."
    blocks += [item(f"Avoid : {text}", lead="Avoid")]
    found = digest(blocks, "Entorse de cheville")
    assert text in [p.text for p in found.treatment_points]
    assert not any(text in p.text for p in found.prevention)


def test_a_cause_told_under_a_lifestyle_heading_is_no_tip() -> None:
    blocks = [heading("Postural issues or Lifestyle factors", 3)]
    blocks += [para("Poor posture, such as slouching, can lead to muscle imbalances and pain.")]
    blocks += [para("Lifestyle factors like heavy backpacks can also lead to shoulder pain.")]
    blocks += [para("Make sure you take regular breaks from the computer to stretch.")]
    tips = [p.text for p in digest(blocks, "Shoulder pain").prevention]
    assert tips == ["Make sure you take regular breaks from the computer to stretch."], tips
