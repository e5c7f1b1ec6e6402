"""Kinds of false and missed points seen on posts from unseen clinics, each as a small made-up
post: causes told one by one under a numbered heading are no steps, an assessment beside the
techniques is no point, a line of related links is none. Spanish, English and Portuguese."""

from __future__ import annotations

from pipeline.digest.points_prose import split_prose_list
from pipeline.digest.sections import classify_heading
from pipeline.digest.sentences import word_count
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Digest
from tests.factories import heading, item, para


def digest(blocks: list[Block], title: str) -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def texts(found: Digest) -> list[str]:
    return [f"{p.label or ''} {p.text}" for p in (*found.treatment_points, *found.prevention)]


def numbered_causes(treatment: list[Block]) -> list[Block]:
    blocks = [para("El dolor de hombro es una de las consultas más frecuentes.")]
    blocks += [heading("Causas más frecuentes del dolor de hombro", 2)]
    blocks += [heading("1. Tendinitis del manguito rotador", 3)]
    blocks += [para("Es la causa más común de dolor de hombro en mayores de 40 años.")]
    blocks += [heading("2. Bursitis subacromial", 3)]
    blocks += [para("La bursa se inflama por sobreuso o traumatismo y produce dolor.")]
    blocks += [heading("3. Hombro congelado", 3)]
    blocks += [para("Es una rigidez progresiva que limita el movimiento.")]
    return blocks + treatment


def test_numbered_causes_under_a_cause_heading_are_no_steps() -> None:
    treatment = [heading("¿Cómo aborda la osteopatía el dolor de hombro?", 2)]
    treatment += [para("Según lo que encuentre en la valoración, utilizo:")]
    treatment += [item("Técnicas articulatorias: para recuperar la movilidad")]
    treatment += [item("Técnicas de tejido blando: masaje profundo del manguito rotador")]
    found = digest(numbered_causes(treatment), "Dolor de hombro")
    assert [p.label for p in found.treatment_points] == [
        "Técnicas articulatorias",
        "Técnicas de tejido blando",
    ]


def test_numbered_causes_each_with_its_treatment_still_give_it() -> None:
    blocks = [heading("As causas mais comuns da dor de dente", 2)]
    blocks += [heading("1. Cárie profunda", 3), para("A erosão começa no esmalte.")]
    blocks += [para("O tratamento: removemos a cárie e restauramos o dente.", "O tratamento")]
    blocks += [heading("2. Dente fraturado", 3), para("Uma queda pode fraturar o dente.")]
    blocks += [para("O tratamento: uma restauração simples ou uma coroa.", "O tratamento")]
    found = digest(blocks, "Dor de dente")
    assert [p.text for p in found.treatment_points] == [
        "removemos a cárie e restauramos o dente.",
        "uma restauração simples ou uma coroa.",
    ]


def test_an_assessment_beside_the_techniques_gives_no_points() -> None:
    blocks = [para("Shoulder pain often comes from the neck as well as the shoulder.")]
    blocks += [heading("How we treat shoulder pain", 2), heading("Assessment", 3)]
    blocks += [para("At your first visit we examine:")]
    blocks += [item("The shoulder itself: range of motion, painful points")]
    blocks += [item("The neck: many shoulder problems start there")]
    blocks += [heading("Techniques we use", 3), para("Depending on what we find:")]
    blocks += [item("Joint mobilisation: to restore movement of the shoulder")]
    blocks += [item("Soft tissue work: deep massage of the rotator cuff")]
    found = digest(blocks, "Shoulder pain")
    assert [p.label for p in found.treatment_points] == ["Joint mobilisation", "Soft tissue work"]


def test_a_line_of_related_articles_is_no_point() -> None:
    treatment = [heading("Tratamiento del dolor de hombro en la sierra", 2)]
    treatment += [para("Si sufres dolor de hombro, puedo ayudarte con osteopatía y masaje.")]
    link = "Te puede interesar: Osteopatía para deportistas · El estrés y la tensión"
    treatment += [para(link, "Te puede interesar")]
    found = digest(numbered_causes(treatment), "Dolor de hombro")
    assert not any("interesar" in t or "deportistas" in t for t in texts(found))


def test_a_run_of_method_sections_without_a_symptom_section_gives_one_point_each() -> None:
    blocks = [para("The most common reason patients see a podiatrist is heel pain.")]
    methods = {
        "Anti-inflammatory Medication": "This class of drugs helps to decrease inflammation.",
        "Injections": "An injection of a steroid provides potent anti-inflammatory action.",
        "Arch Supports": "These devices support the arch and take pressure off the fascia.",
        "Night Splints": "A night splint keeps the calf stretched while you sleep.",
    }
    for title, text in methods.items():
        blocks += [heading(title, 4), para(text)]
    found = digest(blocks, "Plantar fasciitis")
    assert [p.label for p in found.treatment_points] == list(methods)


def test_sections_that_name_conditions_are_no_methods() -> None:
    blocks = [para("Acupuncture has long been used to help people quit smoking.")]
    blocks += [heading("Respiratory Conditions", 2)]
    blocks += [para("Cigarette smoke causes lung cancer, which needs long treatment.")]
    blocks += [heading("Cardiovascular Disease", 2)]
    blocks += [para("Smoking clogs the blood vessels, and heart surgery may follow.")]
    blocks += [heading("Lung Diseases", 2)]
    blocks += [para("Smokers treated for pneumonia recover more slowly.")]
    found = digest(blocks, "Quit smoking with acupuncture")
    labels = [p.label for p in found.treatment_points]
    assert "Respiratory Conditions" not in labels and "Cardiovascular Disease" not in labels


def sprain_post() -> list[Block]:
    blocks = [para("Votre pied est parti vers l'intérieur et la cheville a doublé de volume.")]
    blocks += [heading("Pourquoi la cheville gonfle-t-elle ?", 2)]
    blocks += [para("Le ligament latéral externe est étiré ou déchiré lors d'une inversion.")]
    blocks += [heading("Les premiers réflexes : le protocole PEACE & LOVE", 2)]
    blocks += [heading("Les 3 premiers jours", 3)]
    blocks += [item("Protection : Arrêtez l'activité qui fait mal.", "Protection")]
    blocks += [item("Elevation : Surélevez la jambe le plus souvent possible.", "Elevation")]
    blocks += [heading("Après quelques jours", 3)]
    blocks += [item("Load : Reprenez l'appui progressivement selon la douleur.", "Load")]
    blocks += [item("Exercise : Bougez la cheville pour récupérer la mobilité.", "Exercise")]
    blocks += [heading("Les étapes de votre retour au sport au cabinet", 2)]
    blocks += [para("Nous ne nous contentons pas de masser votre cheville.")]
    blocks += [heading("Renforcement musculaire", 3), item("On muscle le mollet.")]
    blocks += [heading("Proprioception", 3), item("Exercices d'équilibre sur sol instable.")]
    blocks += [heading("Réathlétisation", 3), item("Sauts et changements de direction.")]
    return blocks


def test_a_heading_over_sections_that_each_name_a_method_groups_them() -> None:
    found = digest(sprain_post(), "Entorse de cheville")
    assert [p.label for p in found.treatment_points] == [
        "Renforcement musculaire",
        "Proprioception",
        "Réathlétisation",
    ]


def test_a_first_aid_heading_over_lists_of_advice_gives_each_item_as_a_tip() -> None:
    found = digest(sprain_post(), "Entorse de cheville")
    assert [p.label for p in found.prevention] == ["Protection", "Elevation", "Load", "Exercise"]


def test_an_english_first_aid_heading_is_self_care() -> None:
    assert classify_heading("First aid: the PEACE & LOVE protocol")[0] == "selfcare"
    assert classify_heading("Erste Hilfe bei Verstauchungen")[0] == "selfcare"


def test_tips_grouped_by_situation_are_each_a_tip() -> None:
    blocks = [para("El dolor de hombro aparece a menudo en quien pasa horas sentado.")]
    blocks += [heading("Prevención del dolor de hombro", 2)]
    blocks += [heading("Si haces deporte", 3), item("Calienta siempre antes de entrenar")]
    blocks += [item("No aumentes la intensidad demasiado rápido")]
    blocks += [heading("En general", 3), item("Evita dormir sobre el brazo")]
    blocks += [item("Mantén una buena postura")]
    found = digest(blocks, "Dolor de hombro")
    assert [p.text for p in found.prevention] == [
        "Calienta siempre antes de entrenar",
        "No aumentes la intensidad demasiado rápido",
        "Evita dormir sobre el brazo",
        "Mantén una buena postura",
    ]


def test_a_method_label_over_its_phrases_stays_one_tip() -> None:
    blocks = [para("Jaw pain often comes from clenching at night.")]
    blocks += [heading("Self-care at home", 2)]
    blocks += [heading("Night guard", 3), item("Protects the teeth"), item("Worn during sleep")]
    blocks += [heading("Warm compress", 3), item("Relaxes the muscles"), item("Ten minutes")]
    found = digest(blocks, "Jaw pain")
    assert [p.label for p in found.prevention] == ["Night guard", "Warm compress"]


def heel_post(parent: str) -> list[Block]:
    blocks = [para("Plantar fasciitis is a common cause of heel pain in runners.")]
    blocks += [heading(parent, 3)]
    blocks += [para("Your doctor will perform a physical exam to check for tenderness.")]
    blocks += [heading("Home Treatments", 4)]
    blocks += [para("Initial home treatment includes staying off your feet and applying ice.")]
    blocks += [para("You can also try reducing or changing your exercise activities.")]
    blocks += [heading("Advanced Treatment Options", 3)]
    blocks += [para("Your doctor may recommend extracorporeal shock wave therapy.")]
    blocks += [para("The most dramatic therapy, used only in severe cases, is surgery.")]
    return blocks


def test_home_care_told_in_prose_under_the_treatment_gives_tips() -> None:
    found = digest(heel_post("How is plantar fasciitis treated?"), "Plantar fasciitis")
    tips = [p.text for p in found.prevention]
    assert "You can also try reducing or changing your exercise activities." in tips
    assert all("home treatment" not in p.text for p in found.treatment_points)


def test_home_care_under_a_diagnosis_heading_still_gives_tips_and_no_exam() -> None:
    found = digest(heel_post("How Is Plantar Fasciitis Diagnosed?"), "Plantar fasciitis")
    assert "You can also try reducing or changing your exercise activities." in [
        p.text for p in found.prevention
    ]
    assert not any("physical exam" in p.text for p in found.treatment_points)


def test_the_advantages_of_the_service_are_no_points() -> None:
    blocks = [para("A dor nas costas é uma das queixas mais comuns nos consultórios.")]
    blocks += [heading("Fisioterapia domiciliar", 2)]
    blocks += [para("A fisioterapia foca em devolver a função e a independência ao paciente.")]
    blocks += [heading("Vantagens da fisioterapia domiciliar", 3)]
    blocks += [item("Comodidade: Tratamento no conforto do seu lar.", "Comodidade")]
    blocks += [item("Segurança: Ideal para idosos, sem riscos de transporte.", "Segurança")]
    found = digest(blocks, "Dor nas costas")
    assert not any(p.label in ("Comodidade", "Segurança") for p in found.treatment_points)


def test_a_sentence_listing_the_treatment_gives_its_methods_not_the_description() -> None:
    blocks = [para("Ein Hexenschuss kommt oft völlig unerwartet beim Bücken.")]
    blocks += [heading("Warum Osteopathie bei einem Hexenschuss sinnvoll ist", 2)]
    blocks += [
        para(
            "Osteopathisch betrachtet ist der Hexenschuss das Ergebnis eines Ungleichgewichts. "
            "Eine Einschränkung an einer Struktur kann zu einer Überlastung führen. "
            "Die Behandlung umfasst sanfte Mobilisationen der Wirbelgelenke, das Lösen "
            "faszialer Spannungen und die Entspannung der tiefen Rückenmuskulatur. "
            "Viele Patienten berichten bereits nach kurzer Zeit über Erleichterung."
        )
    ]
    found = digest(blocks, "Hexenschuss")
    assert [p.text for p in found.treatment_points] == [
        "sanfte Mobilisationen der Wirbelgelenke",
        "das Lösen faszialer Spannungen",
        "die Entspannung der tiefen Rückenmuskulatur",
    ]


def test_sentences_about_the_methods_stay_when_none_lists_the_treatment() -> None:
    blocks = [para("Sciatica is a symptom, not a diagnosis.")]
    blocks += [heading("How we help", 2)]
    blocks += [
        para(
            "First we work out why the symptoms are there. Secondly we calm down the "
            "irritation around the nerve with gentle hands-on treatment. Safe and effective "
            "gentle exercises such as walking, swimming and cycling are also provided."
        )
    ]
    found = digest(blocks, "Sciatica")
    assert any("work out why" in p.text for p in found.treatment_points)


def test_a_treatment_section_that_mostly_describes_the_problem_gives_its_care_sentences() -> None:
    blocks = [heading("Periodontal treatment", 2)]
    blocks += [para("치주 질환의 원인은 세균입니다. 음식 찌꺼기들이 세균과 섞여 플라그가 됩니다.")]
    blocks += [para("이것이 쌓이면 단단한 치석으로 변합니다. 잇몸뼈가 녹아내리기도 합니다.")]
    care = "스케일링으로 치석을 제거하는 치료를 합니다."
    blocks += [para(care)]
    found = digest(blocks, "치주 질환")
    assert [p.text for p in found.treatment_points] == [care]


def test_a_treatment_section_that_mostly_tells_the_care_keeps_every_sentence() -> None:
    blocks = [heading("How we help", 2)]
    blocks += [para("First we work out why the symptoms are there.")]
    blocks += [para("We then use gentle manual therapy to calm the irritated nerve.")]
    blocks += [para("Home exercises keep the back moving between sessions.")]
    found = digest(blocks, "Sciatica")
    assert len(found.treatment_points) == 3


def test_a_sentence_listing_the_treatment_outside_the_treatment_sections_adds_its_methods() -> None:
    blocks = [para("Frozen shoulder slowly stiffens the joint over months.")]
    blocks += [heading("How chiropractic care can help", 2)]
    blocks += [item("Joint mobility: Gentle adjustments restore movement.", "Joint mobility")]
    blocks += [item("Pain management: Adjustments may ease the pain.", "Pain management")]
    blocks += [heading("What to expect at our clinic", 2)]
    blocks += [
        para(
            "Every shoulder is different. Your treatment plan might include chiropractic "
            "adjustments, therapeutic exercises to gradually improve range of motion and "
            "strengthen muscles, and home care like applying ice or heat."
        )
    ]
    found = digest(blocks, "Frozen shoulder")
    assert [p.text for p in found.treatment_points][2:] == [
        "chiropractic adjustments",
        "therapeutic exercises to gradually improve range of motion and strengthen muscles",
        "home care like applying ice or heat",
    ]


def test_a_list_after_such_as_still_ends_before_a_long_phrase() -> None:
    sentence = (
        "Sessions use techniques such as massage, taping, and exercises that your physio "
        "will show you at the end of every single session in the clinic."
    )
    points = split_prose_list(sentence)
    assert points is None or all(word_count(p.text) <= 10 for p in points)


def test_a_therapist_working_with_a_list_of_methods_gives_each_method() -> None:
    sentence = (
        "Per raggiungere tali obiettivi il fisioterapista agisce con manovre di allungamento "
        "miofasciale, trattamento manuale sui tessuti, kinesiterapia e trattamento dei trigger "
        "points."
    )
    points = split_prose_list(sentence) or []
    assert [p.text for p in points][-4:] == [
        "manovre di allungamento miofasciale",
        "trattamento manuale sui tessuti",
        "kinesiterapia",
        "trattamento dei trigger points",
    ]
    english = "Our physio works with manual therapy, dry needling and exercise."
    assert [p.text for p in split_prose_list(english) or []] == [
        "manual therapy",
        "dry needling",
        "exercise",
    ]
