from __future__ import annotations

import pytest

from kg.text import furniture_ranges, prepare, split_word_repairs


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("the summit in Du-shanbe ended", "the summit in Dushanbe ended"),
        ("Tajik Presi-dent Emomali Rahmon", "Tajik President Emomali Rahmon"),
        ("citizens of Tajikis-tan", "citizens of Tajikistan"),
        ("and t-his power", "and this power"),
        ("the two co-untries-allies of Russia", "the two countries-allies of Russia"),
        ("Russi-an President", "Russian President"),
        ("Gazeta.Ru te-lls whether", "Gazeta.Ru tells whether"),
    ],
)
def test_split_words_are_repaired(broken, repaired):
    view = prepare(broken, lexicon={"dushanbe", "tajikistan", "tajik"})
    assert view.text == repaired


@pytest.mark.parametrize(
    "kept",
    [
        "a long-standing ally",
        "the Russia-led alliance",
        "ISIS-K claimed it",
        "a full-fledged war",
        "re-elect him",
    ],
)
def test_real_compounds_keep_their_hyphen(kept):
    assert prepare(kept).text == kept


def test_offset_map_points_back_into_the_stored_text():
    stored = "At the summit in Du-shanbe, Presi-dent Rahmon spoke."
    view = prepare(stored, lexicon={"dushanbe"})
    word = "President Rahmon"
    start = view.text.index(word)
    s, e = view.to_source(start, start + len(word))
    assert stored[s:e] == "Presi-dent Rahmon"
    s, e = view.to_source(0, len(view.text))
    assert stored[s:e] == stored


def test_repair_positions_are_the_hyphens():
    text = "in Du-shanbe and t-his"
    assert [text[i] for i in split_word_repairs(text, {"dushanbe"})] == ["-", "-"]


def test_furniture_lines_are_blanked_in_the_view_only():
    stored = (
        "Russia accused Ukraine.\n\nCopy\n\nUkraine denied it.\n\nAbout the author\n\n"
        "The Globe is an online magazine.\n\nLeave a Reply\n\nYour email address will not be published.\n"
    )
    view = prepare(stored)
    assert len(view.text) == len(stored)
    assert "Russia accused Ukraine." in view.text and "Ukraine denied it." in view.text
    for furniture in (
        "Copy",
        "About the author",
        "online magazine",
        "Leave a Reply",
        "email address",
    ):
        assert furniture not in view.text


def test_calendar_block_is_furniture():
    stored = "Text.\n\nJune 2025\n\nS M T W T F S\n1234567\n8910 11121314\n"
    ranges = furniture_ranges(stored)
    blanked = {stored[s:e] for s, e in ranges}
    assert {"June 2025", "S M T W T F S", "1234567", "8910 11121314"} <= blanked
    assert "Text." not in blanked


def test_news_lines_that_look_short_are_kept():
    stored = "Crocus City Hall\n\nWhat about the Taliban?\n"
    assert furniture_ranges(stored) == []
