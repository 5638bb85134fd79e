"""The bundled nonprofit catalog and its search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.organizations import CATEGORIES, bundled_catalog


def ids(found: list) -> list[str]:
    return [o.id for o in found]


def test_catalog_is_broad_enough_to_pick_from() -> None:
    catalog = bundled_catalog()
    orgs = catalog.all()
    assert len(orgs) >= 30
    assert len({o.country for o in orgs}) >= 5
    categories = {o.category for o in orgs}
    assert {"relief", "health"} <= categories
    assert categories <= set(CATEGORIES)


def test_catalog_rows_are_well_formed() -> None:
    orgs = bundled_catalog().all()
    assert len({o.id for o in orgs}) == len(orgs)
    for org in orgs:
        assert org.website.startswith("https://"), org
        assert org.name.strip() == org.name and org.name
        assert len(org.country) == 2 and org.country.isupper(), org


def test_search_finds_the_french_red_cross() -> None:
    catalog = bundled_catalog()
    assert "croix-rouge-francaise" in ids(catalog.search("croix"))
    assert "croix-rouge-francaise" in ids(catalog.search("CROIX rouge"))
    assert "croix-rouge-francaise" in ids(catalog.search("Croix-Rouge Française"))


def test_search_ignores_accents() -> None:
    catalog = bundled_catalog()
    with_accent = ids(catalog.search("médecins"))
    assert with_accent == ids(catalog.search("medecins"))
    assert "medecins-sans-frontieres" in with_accent


def test_search_by_country_code() -> None:
    found = bundled_catalog().search("JP")
    assert found
    assert "JP" in {o.country for o in found}
    assert ids(found) == ids(bundled_catalog().search("jp"))


def test_search_by_category() -> None:
    found = bundled_catalog().search("health")
    assert len(found) >= 2
    assert all("health" in (o.category + o.name.lower()) for o in found)
    assert {o.id for o in bundled_catalog().all() if o.category == "health"} <= set(ids(found))


def test_every_word_must_match() -> None:
    assert bundled_catalog().search("croix zzzznotaword") == []


def test_empty_search_lists_everything() -> None:
    catalog = bundled_catalog()
    assert len(catalog.search("   ")) == len(catalog)


def test_require_unknown_organization_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        bundled_catalog().require("no-such-charity")
    assert caught.value.field == "organization"
    assert "no-such-charity" in caught.value.reason


@given(st.text(max_size=60))
def test_search_never_raises(text: str) -> None:
    found = bundled_catalog().search(text)
    assert len(found) <= len(bundled_catalog())


def _unaccented(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(
    st.sampled_from(bundled_catalog().all()),
    st.sampled_from([str.upper, str.lower, str.title, _unaccented, lambda t: f"  {t}\t"]),
    st.integers(min_value=1, max_value=3),
)
def test_an_organization_is_found_by_its_name_however_it_is_typed(
    org, transform, words: int
) -> None:
    typed = transform(" ".join(org.name.split()[:words]))
    assert org.id in ids(bundled_catalog().search(typed)), typed
