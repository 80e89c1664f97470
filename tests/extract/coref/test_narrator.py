"""The first person outside quotations: the text's named voice (pipeline/extract/coref/narrator.py)."""
from __future__ import annotations


def _pronouns(got: list[tuple[str, str]]) -> list[str]:
    return [t for t, kind in got if kind == "pronoun"]


def test_self_naming_makes_the_first_person_a_mention(mentions_of):
    text = ("Hi everyone, welcome back to my channel. My name is Katie Morgan and today I am going to "
            "talk about my trip to Portland.")
    assert _pronouns(mentions_of(text, "Katie Morgan")) == ["my", "My", "I", "my"]


def test_a_name_with_a_determiner_is_no_self_naming(tables):
    out = tables("I have always been an Andy Bogard fan. I like his style.")
    assert not [m for m in out["mentions"] if m["text"] == "I"]


def test_self_naming_inside_reported_words_names_someone_else(tables):
    text = "People come up to me and say, 'Hey, my name is John Kerr,' and I laugh."
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] in ("me", "I")]


def test_self_naming_holds_for_its_turn_only_in_a_dialogue(mentions_of):
    turns = "\n\n".join(["Okay.", "Right.", "Mhm.", "Sure."] * 2)
    text = f"I am Dana Whitfield and I run the shop.\n\n{turns}\n\nI think it was my fault."
    got = _pronouns(mentions_of(text, "Dana Whitfield"))
    assert got == ["I", "I"]


def test_a_signed_letter_is_written_by_its_signer(mentions_of):
    text = ("Dear Jean:\n\nThanks for the money. I am fixing up my new home here.\n\n"
            "Love and faithful feelings,\n\nZora Hurston\n")
    assert _pronouns(mentions_of(text, "Zora Hurston")) == ["I", "my"]


def test_a_name_at_the_end_without_a_closing_is_no_signature(tables):
    text = "I do not know who directed it.\n\nI forget the name.\n\nUh, Mark Andrews.\n\nThat is right, I think."
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I"]


def test_the_salutation_names_the_letters_you(mentions_of):
    text = ("Dear Hannah Weiss:\n\nWe are back from Europe. I hope you had a good summer.\n\n"
            "Yours,\n\nBill Jones\n")
    assert _pronouns(mentions_of(text, "Hannah Weiss")) == ["you"]
    assert _pronouns(mentions_of(text, "Bill Jones")) == ["I"]


def test_interview_answers_are_the_interviewees(mentions_of):
    text = ("Wikinews interviews Christopher Hill, a presidential candidate\n\n"
            "What qualifies you to be President?\n\n"
            "My qualifications are rooted in my service in the Air Force. I took an oath.\n")
    assert _pronouns(mentions_of(text, "Christopher Hill")) == ["you", "My", "my", "I"]


def test_a_person_the_interview_is_about_is_no_interviewee(tables):
    text = ("Wikinews interviewed a bar owner about a cocktail called Rick Santorum.\n\n"
            "Why did you make it?\n\nI liked the name.\n")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] in ("you", "I")]


def test_the_person_named_right_after_interviews_is_the_interviewee_when_the_lead_names_several(mentions_of):
    text = ("Wikinews interviews Carla Mendes, Green Party nominee for Mayor of Denver, answering questions "
            "sent by reporter Tom Reyes.\n\n"
            "What made you run?\n\n"
            "I grew up in this city and my parents still live here.\n")
    assert _pronouns(mentions_of(text, "Carla Mendes")) == ["you", "I", "my"]


def test_an_interview_of_several_scientists_has_no_one_interviewee(tables):
    text = ("Wikinews interviews three scientists about the storm.\n\n"
            "Photo of the interviewee Paul Ward.\n\n"
            "Will it grow stronger?\n\nI doubt it will.\n")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] in ("you", "I")]


def test_an_interview_of_two_named_people_has_no_one_interviewee(tables):
    text = ("Wikinews interviews Ann Lee and Bo Roe, founders of the band Kites, and the manager Tom Reyes.\n\n"
            "How did you meet?\n\nI met them at school.\n")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] in ("you", "I")]


def test_the_interviewer_label_keeps_its_first_person_unlinked(mentions_of):
    text = ("Wikinews spoke to the writer Nora Quist last week.\n\n"
            "The following is the interview with Nora Quist.\n\n"
            "((Nora Quist)) I am well, thank you for asking. How are you?\n\n"
            "((WN)) I am doing well, thanks for your time today.\n\n"
            "((WN)) What are you writing now?\n\n"
            "I am writing a novel about my grandmother.\n")
    got = _pronouns(mentions_of(text, "Nora Quist"))
    assert got == ["I", "you", "I", "my"]


def test_a_byline_names_the_author_of_an_essay(mentions_of):
    text = ("Writing in the Age of Distraction\n\nBy Cory Doctorow\n\n"
            "The worst advice I ever got was to stay away from the Internet.\n")
    assert _pronouns(mentions_of(text, "Cory Doctorow")) == ["I"]


def test_a_byline_does_not_name_the_narrator_of_a_story(tables):
    text = ("Daisy\n\nby Andrew Willett\n\nIt was Sunday. I was reading.\n\n\u201cPixies!\u201d she said.\n\n"
            "\u201cWhat?\u201d I asked.\n\n\u201cPixies in the tub!\u201d\n")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I"]


# ---------------------------------------------------------------- forms of address, host greetings, calls and transcript labels
def test_a_name_set_off_by_commas_is_the_you_of_its_sentence(mentions_of):
    text = ("Anna Berg arrived at the studio on Monday.\n\n"
            "\u201cAnna, you are late again,\u201d the director told her.\n")
    assert _pronouns(mentions_of(text, "Anna Berg")) == ["you", "her"]


def test_a_named_subject_is_no_form_of_address(tables):
    out = tables("Anna Berg, the director, said you must wait outside.")
    assert not [m for m in out["mentions"] if m["text"] == "you"]


def test_you_know_is_no_address(tables):
    out = tables("I asked Daniel Ortiz, you know, whether the plan would work.")
    assert not [m for m in out["mentions"] if m["text"] == "you"]


def test_a_host_greeting_at_the_head_names_the_first_person(mentions_of):
    text = ("Hey guys, it's Jackie Moore and welcome back to my channel. Today I am going to show you "
            "my garden.")
    assert _pronouns(mentions_of(text, "Jackie Moore")) == ["my", "I", "my"]


def test_a_name_followed_by_here_at_the_head_is_the_host(mentions_of):
    text = "What is up guys? Kharma Medic here and welcome back. Today I will show you my room."
    assert _pronouns(mentions_of(text, "Kharma Medic")) == ["I", "my"]


def test_it_is_x_later_in_a_text_is_no_greeting(tables):
    text = ("The phone rang in the kitchen. Nobody moved for a while. The dog barked twice. "
            "It was Jackie Moore. I picked it up.")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I"]


def test_a_paragraph_that_only_calls_a_name_gives_that_person_the_floor(mentions_of):
    text = ("We will hear the appeal now.\n\nDr. Menaka Guruswamy.\n\n"
            "My Lords, thank you. I will be brief, and I ask for ten minutes.\n")
    assert _pronouns(mentions_of(text, "Menaka Guruswamy")) == ["My", "I", "I"]


def test_a_one_word_call_is_an_interjection(tables):
    text = "We are joined by Alex Stone tonight.\n\nHowdy!\n\nI think the show went well and I liked it.\n"
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I" and m["kind"] == "pronoun"
                and any(e["name"] == "Howdy" and e["entity_id"] == m["entity_id"] for e in out["entities"])]


def test_a_transcript_label_names_the_speaker_of_its_paragraph(mentions_of):
    text = ("Wikinews spoke with researchers Naomi Martisius and Frido Welker.\n\n"
            "((WN)) What was the hardest part?\n\n"
            "((Naomi Martisius)) I think coordinating everyone's schedules took most of my time.\n\n"
            "((Frido Welker)) I agree with that, and I would add the lab work.\n")
    assert _pronouns(mentions_of(text, "Naomi Martisius")) == ["I", "my"]
    assert _pronouns(mentions_of(text, "Frido Welker")) == ["I", "I"]


def test_a_label_followed_by_a_few_words_is_a_caption(tables):
    text = "Bill Hammons: Bill Hammons.\n\nI am counting on my base to vote for the party and for its ideas.\n"
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] in ("I", "my")]


def test_a_headline_telling_an_outlet_names_the_voice(mentions_of):
    text = ("Biologist Nick Bos tells Wikinews about ants\n\n"
            "Nick Bos studies ants in Helsinki.\n\n"
            "I have no doubt that there will be more cases.\n")
    assert _pronouns(mentions_of(text, "Nick Bos")) == ["I"]


# ---------------------------------------------------------------- sixth session (h8nar)
def test_a_title_label_gives_the_floor_to_the_person_of_that_title(mentions_of):
    text = ("Remarks by President Joe Biden and Vice President Kamala Harris\n\n"
            "THE VICE PRESIDENT: Thank you. I am honored to be here.\n\n"
            "It is my honor to introduce our President. THE PRESIDENT:\n\n"
            "Thank you. I want to thank the team.\n\n"
            "I am proud of them.\n")
    assert _pronouns(mentions_of(text, "Kamala Harris")) == ["I", "my"]
    assert _pronouns(mentions_of(text, "Joe Biden")) == ["I", "I"]


def test_a_title_of_another_person_is_no_label_match(tables):
    text = ("Remarks by Vice President Kamala Harris\n\n"
            "THE PRESIDENT:\n\nThank you. I am honored to be here.\n")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I"]


def test_a_title_before_a_name_sets_off_a_form_of_address(mentions_of):
    text = ("The court heard Paul Wasserstrom on Monday.\n\n"
            "Mr. Wasserstrom, you are not challenging the first ruling.\n")
    assert _pronouns(mentions_of(text, "Paul Wasserstrom")) == ["you"]


def test_a_spaced_contraction_introduces_the_speaker(mentions_of):
    text = ("Okay.\n\nAlright, it 's recording so you can start now!\n\n"
            "Hi. I 'm Miyuki Tanaka. I 'm eating a cinnamon roll.\n\nI like it.\n")
    assert _pronouns(mentions_of(text, "Miyuki Tanaka")) == ["I", "I"]


def test_i_am_a_name_with_a_possessive_is_no_introduction(tables):
    text = "I 'm Robert Sarvis 's brother. I live in Richmond.\n"
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "I"]


def test_a_transcript_answer_runs_on_over_unlabelled_paragraphs(mentions_of):
    text = ("Wikinews spoke with researchers Naomi Martisius and Frido Welker.\n\n"
            "((WN)) What was the hardest part?\n\n"
            "((Naomi Martisius)) Coordinating the schedules took most of the spring.\n\n"
            "Later on I also had to redo the lab work.\n\n"
            "((WN)) Why?\n\n"
            "I am not sure anyone knows.\n")
    assert _pronouns(mentions_of(text, "Naomi Martisius")) == ["I"]


def test_you_in_a_transcript_question_is_who_answers_it(mentions_of):
    text = ("Wikinews spoke with researchers Naomi Martisius and Frido Welker.\n\n"
            "((WN)) Could you explain the study and its findings?\n\n"
            "((Frido Welker)) We looked at the collagen in five bone tools from two sites.\n\n"
            "((WN)) You said the sample was small. Does that matter?\n\n"
            "((Naomi Martisius)) It matters less than one would think for this kind of question.\n")
    assert _pronouns(mentions_of(text, "Frido Welker")) == ["you"]
    assert _pronouns(mentions_of(text, "Naomi Martisius")) == ["You"]


def test_you_in_an_interviewers_turn_without_a_question_mark_is_who_answers_it(mentions_of):
    """'((WN)) You mentioned you were a TV anchor as a kid. Tell us more about that.': a turn of the interviewer's
    unnamed label is a question whatever its last mark; its "you" is the person whose label heads the next turn. A named
    speaker's short turn ("((Frido Welker)) Thank you.") is no interviewer's."""
    text = ("Wikinews spoke with researchers Naomi Martisius and Frido Welker.\n\n"
            "((WN)) You mentioned the sample was small. Tell us more about that.\n\n"
            "((Naomi Martisius)) It matters less than one would think for this kind of question.\n\n"
            "((Frido Welker)) Thank you.\n\n"
            "((Naomi Martisius)) We are glad the study is out after four long years of work on it.\n")
    assert _pronouns(mentions_of(text, "Naomi Martisius")) == ["You"]
