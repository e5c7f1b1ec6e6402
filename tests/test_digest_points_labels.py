"""Treatment points and self-care tips in nested sections: a short label over a list of
phrases is one point, a self-care group under a treatment heading gives the reader's tips, and
a labelled list under the causes is no tip. Small made-up articles in English and French."""

from __future__ import annotations

from pipeline.digest.points_prose import split_prose_list
from pipeline.digest.sections import classify_heading
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Digest
from tests.factories import heading, item, para


def digest(blocks: list[Block], title: str = "Jaw pain") -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def labelled(label: str, *items: str, level: int = 4) -> list[Block]:
    return [heading(f"{label}:", level), *(item(i) for i in items)]


def nested_post() -> list[Block]:
    blocks = [para("Jaw pain makes chewing and talking hard for many people.")]
    blocks += [heading("Causes and Risk Factors", 3)]
    blocks += labelled("Physical Factors", "Jaw injury", "Teeth grinding")
    blocks += labelled("Lifestyle Factors", "Poor sleep", "Gum chewing")
    blocks += [heading("Conservative Treatment Approaches", 2), heading("Self-Care Strategies", 3)]
    blocks += labelled("Rest the Jaw", "Soft food diet", "Avoid wide opening")
    blocks += labelled("Heat and Cold Therapy", "Heat relaxes muscles", "Cold reduces pain")
    blocks += [heading("Physiotherapy Treatment", 3)]
    blocks += labelled("Manual Therapy", "Joint mobilizations", "Myofascial release")
    blocks += labelled("Exercise Therapy", "Jaw stretching", "Postural correction")
    blocks += [heading("Advanced Treatment Options", 2)]
    blocks += labelled("Trigger Point Injections", "For muscle pain", "Temporary relief", level=3)
    blocks += labelled("Surgery", "Rarely needed", "Last resort option", level=3)
    return blocks


def test_a_label_over_a_list_of_phrases_is_one_point_with_its_phrases() -> None:
    found = digest(nested_post())
    points = {p.label: p.text for p in found.treatment_points}
    assert list(points) == [
        "Manual Therapy",
        "Exercise Therapy",
        "Trigger Point Injections",
        "Surgery",
    ]
    assert points["Manual Therapy"] == "Joint mobilizations; Myofascial release"


def test_a_self_care_group_under_a_treatment_heading_gives_the_readers_tips() -> None:
    found = digest(nested_post())
    assert [p.label for p in found.prevention] == ["Rest the Jaw", "Heat and Cold Therapy"]


def test_a_labelled_list_under_the_causes_is_not_a_tip() -> None:
    found = digest(nested_post())
    texts = " ".join(f"{p.label} {p.text}" for p in (*found.prevention, *found.treatment_points))
    assert "Poor sleep" not in texts and "Lifestyle" not in texts


def test_one_label_over_its_list_keeps_the_items_as_points() -> None:
    blocks = [para("Heel pain is worst with the first steps in the morning.")]
    blocks += [heading("Treatment", 2), para("We combine several methods.")]
    blocks += labelled("Shockwave Therapy", "Weekly sessions", "Breaks up scar tissue", level=3)
    found = digest(blocks, "Heel pain")
    assert [p.text for p in found.treatment_points] == ["Weekly sessions", "Breaks up scar tissue"]


def test_numbered_patients_and_their_complaints_are_no_labelled_points() -> None:
    blocks = [heading("How we treated four patients", 2)]
    blocks += labelled("Patient #1", "Heavy bleeding", "Felt cold a lot", level=3)
    blocks += labelled("Patient #2", "Heavy bleeding", "Headaches", level=3)
    found = digest(blocks, "Heavy bleeding")
    assert found.treatment_points  # each patient's first line, as before: no joined complaints
    assert all(";" not in p.text for p in found.treatment_points)


def test_a_french_self_care_group_under_the_treatment_gives_tips_not_treatment() -> None:
    blocks = [para("Vous ressentez une douleur brûlante sur la face externe du coude ?")]
    blocks += [heading("3. Le traitement", 2), para("Il faut agir sur deux fronts.")]
    blocks += [heading("Conseils au quotidien", 3), para("Modifiez votre poste de travail.")]
    blocks += [item("La souris – Passez à une souris verticale !")]
    blocks += [item("Les pauses – Étirez vos avant-bras toutes les heures.")]
    blocks += [heading("La rééducation", 3), para("Le repos total n'est pas la solution.")]
    blocks += [item("Massage transversal profond – Pour stimuler la cicatrisation.")]
    blocks += [item("Renforcement excentrique – C'est l'exercice roi.")]
    found = digest(blocks, "Épicondylite")
    assert [p.label for p in found.prevention] == ["La souris", "Les pauses"]
    labels = [p.label for p in found.treatment_points]
    assert labels == ["Massage transversal profond", "Renforcement excentrique"]


def test_advice_told_in_a_japanese_self_care_section_gives_one_tip_per_sentence() -> None:
    night = (
        "睡眠時は無意識であるため、決め手となるものはありません。 "
        "就寝時の頭の向きが偏っている場合は、それを改善するようにしてください。 "
        "眠る前に食いしばり注意と自己暗示をかけるのも一つの方法です。"
    )
    blocks = [para("歯ぎしりは無意識のうちにやっていることがほとんどです。")]
    blocks += [heading("睡眠時の対策"), para(night)]
    found = digest(blocks, "歯ぎしり")
    assert [p.text for p in found.prevention] == [
        "就寝時の頭の向きが偏っている場合は、それを改善するようにしてください。",
        "眠る前に食いしばり注意と自己暗示をかけるのも一つの方法です。",
    ]
    assert found.conclusion is None  # the post ends on a tip, not on a closing line


def test_a_titled_english_tip_keeps_its_title_over_its_first_sentence() -> None:
    tip = (
        "Sitting still is the worst thing for a stiff back. "
        "Try to stand up and walk around every hour at work. "
        "Make sure your chair supports the curve of your lower back."
    )
    blocks = [para("A stiff lower back hurts most in the morning.")]
    blocks += [heading("What you can do", 2), heading("Keep moving", 3), para(tip)]
    found = digest(blocks, "Stiff back")
    assert [(p.label, p.text) for p in found.prevention] == [
        ("Keep moving", "Sitting still is the worst thing for a stiff back."),
        (None, "Try to stand up and walk around every hour at work."),
        (None, "Make sure your chair supports the curve of your lower back."),
    ]


def test_counselling_is_care_and_a_medical_diagnosis_is_not() -> None:
    blocks = [para("Anxiety is a feeling of unease, such as worry or fear.")]
    blocks += [para("A doctor or medical professional may make a diagnosis of anxiety.")]
    blocks += [para("Sharing your worries with a counsellor helps you find the root of it.")]
    texts = [p.text for p in digest(blocks, "Anxiety").treatment_points]
    assert texts == ["Sharing your worries with a counsellor helps you find the root of it."]


def test_how_we_can_help_heads_the_treatment() -> None:
    assert classify_heading("How We Can Help")[0] == "treatment"


def test_a_sentence_that_opens_as_a_list_gives_its_items_in_german_and_english() -> None:
    german = "Dazu gehören der regelmäßige Zahnarztbesuch sowie die professionelle Zahnreinigung."
    found = split_prose_list(german)
    assert [p.text for p in found or []] == [
        "der regelmäßige Zahnarztbesuch",
        "die professionelle Zahnreinigung",
    ]
    english = "These include dry needling, taping and graded exercise."
    found = split_prose_list(english)
    assert [p.text for p in found or []] == ["dry needling", "taping", "graded exercise"]
    assert split_prose_list("Using ice, heat and rest at home helps most people.") is None


def test_a_tip_callout_after_the_list_is_one_more_point_in_french() -> None:
    blocks = [para("Vous ressentez une douleur brûlante sur la face externe du coude ?")]
    blocks += [heading("Le traitement", 2), heading("La rééducation", 3)]
    blocks += [item("Massage transversal profond – Pour stimuler la cicatrisation.")]
    blocks += [item("Étirements – Pour redonner de la souplesse à l'avant-bras.")]
    tip = "Conseil du Kiné : Le bracelet épicondylien peut aider."
    blocks += [Block("quote", tip, lead="Conseil du Kiné")]
    points = digest(blocks, "Épicondylite").treatment_points
    assert [(p.label, p.text) for p in points][-1] == (
        "Conseil du Kiné",
        "Le bracelet épicondylien peut aider.",
    )


def test_the_answer_to_what_the_reader_may_do_gives_tips_in_french_and_english() -> None:
    answer = (
        "En phase aiguë, le froid (glaçage 10 min) aide à calmer l'inflammation. "
        "En phase chronique, le chaud peut aider à détendre les muscles."
    )
    blocks = [para("Vous ressentez une douleur brûlante sur la face externe du coude ?")]
    blocks += [heading("FAQ", 2), heading("Puis-je mettre du chaud ou du froid ?", 3)]
    blocks += [para(answer), heading("L'infiltration est-elle nécessaire ?", 3)]
    blocks += [para("Les infiltrations sont de moins en moins recommandées.")]
    tips = [p.text for p in digest(blocks, "Épicondylite").prevention]
    assert tips == [
        "En phase aiguë, le froid (glaçage 10 min) aide à calmer l'inflammation.",
        "En phase chronique, le chaud peut aider à détendre les muscles.",
    ]
    blocks = [para("Runner's knee hurts at the front of the knee."), heading("FAQ", 2)]
    blocks += [heading("Can I keep running?", 3)]
    blocks += [para("Yes, at an easy pace. Ice after the run calms the knee.")]
    blocks += [para("See your doctor if the knee swells.")]
    tips = [p.text for p in digest(blocks, "Runner's knee").prevention]
    assert tips == ["Ice after the run calms the knee."]


def test_a_conclusion_of_two_short_lines_takes_the_takeaway_after_them_in_french() -> None:
    close = (
        "L'épicondylite est un signal. Écoutez votre coude. "
        "Changer de souris et faire quelques exercices simples peut suffire à régler le problème. "
        "Nous sommes là pour vous aider."
    )
    blocks = [para("Vous ressentez une douleur brûlante sur la face externe du coude ?")]
    blocks += [
        heading("Le traitement", 2),
        para("Le massage transversal stimule la cicatrisation."),
    ]
    blocks += [heading("Conclusion", 2), para(close)]
    conclusion = digest(blocks, "Épicondylite").conclusion or ""
    assert conclusion.endswith("peut suffire à régler le problème.")
    assert "Nous sommes là" not in conclusion


def test_a_german_closing_line_that_names_what_it_is_for_is_the_conclusion() -> None:
    blocks = [para("Karies ist weit mehr als ein kleines schwarzes Loch im Zahn.")]
    blocks += [para("Die Ernährung und die Mundhygiene bestimmen das Risiko für Karies.")]
    last = (
        "Dazu gehört der regelmäßige Zahnarztbesuch. "
        "Nur so lässt sich eine Erkrankung an Karies rechtzeitig abwenden."
    )
    blocks += [para(last)]
    conclusion = digest(blocks, "Karies").conclusion
    assert conclusion == "Nur so lässt sich eine Erkrankung an Karies rechtzeitig abwenden."
