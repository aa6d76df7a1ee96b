"""Held-out check 24 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, orgrules
from services.enrich.core import Enricher
from tests.unit.enrich.spans import hit_at


def test_a_given_name_and_an_initial_with_no_family_name_after_is_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "The lab is run by Marvin K. and his team. Lead: Priya R., designer. Jane Q. Vell spoke."
    marvin = hit_at(text, "Marvin K.", "person")
    priya = hit_at(text, "Priya R.", "person")
    cut = hit_at(text, "Jane Q.", "person")  # the model stopped before her family name
    whole = candidates.initial_ended_names(text, [marvin, priya, cut], kn)
    assert whole == {(marvin.start, marvin.end), (priya.start, priya.end)}
    assert candidates.keep(marvin, kn, whole_names=whole)
    assert candidates.keep(priya, kn, whole_names=whole)
    assert not candidates.keep(cut, kn, whole_names=whole)
    # Without that reading, a name ending in an initial is a name cut short, as before.
    assert not candidates.keep(marvin, kn)


def test_a_school_head_is_a_post_before_the_school_and_the_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for post in ("Principal", "Headmaster", "Headteacher", "Rector"):
        name = f"{post} of Quarnby Academy"
        assert name[orgrules.post_of_institution(name, kn) :] == "Quarnby Academy", post
    # A firm named by the word keeps it: no "of" follows.
    assert orgrules.post_of_institution("Principal Quarn Group", kn) == 0
