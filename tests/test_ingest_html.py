"""The HTML article finder on small pages shaped like real ones: content scoring, the
siblings of the article, chrome by class, bylines, captions, dates and the head."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from searchlib.ingest import extract_file
from searchlib.ingest.htmlprep import prepare_html
from searchlib.ingest.marks import read_marks

P = "The ministry said police had arrested {n} suspects in a cross-border drug ring, seizing heroin, cash and cars."


def paragraphs(n: int, start: int = 0) -> str:
    return "".join(f"<p>{P.format(n=i)}</p>" for i in range(start, start + n))


def page(tmp_path: Path, body: str, head: str = "", name: str = "p.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return path


def test_teaser_articles_do_not_win_over_the_story(tmp_path: Path) -> None:
    teasers = "".join(f"<article class='card'><h3><a href='/{i}'>Teaser {i} headline about a case</a></h3>"
                      f"<p>Short teaser text {i}.</p></article>" for i in range(6))
    body = f"<div class='main'><div class='story-body'>{paragraphs(6)}</div></div><div class='more'>{teasers}</div>"
    text = extract_file(page(tmp_path, body)).articles[0].body
    assert "arrested 0 suspects" in text and "arrested 5 suspects" in text and "Teaser" not in text


def test_lead_paragraph_beside_the_body_and_paragraphs_split_by_an_ad(tmp_path: Path) -> None:
    body = ("<div class='detail'><h1>Title</h1><div class='detail-sapo'>VGP - The Deputy Prime Minister on "
            "Wednesday asked ministries to step up the fight against human trafficking.</div>"
            f"<div class='detail-content'>{paragraphs(3)}</div><div class='ad-slot'>Advertisement</div>"
            f"<div class='detail-content'>{paragraphs(3, 3)}</div></div>")
    text = extract_file(page(tmp_path, body)).articles[0].body
    assert text.startswith("VGP - The Deputy Prime Minister")
    assert "arrested 5 suspects" in text and "Advertisement" not in text


def test_chrome_classes_go_but_a_wrapper_named_like_chrome_stays(tmp_path: Path) -> None:
    body = ("<div class='page has-sidebar'><div class='content'>"
            f"{paragraphs(4)}<figure><img src='a.jpg'><figcaption>Officers at the scene (Photo: VNA)</figcaption>"
            "</figure><div class='image-caption'>Seized drugs. Photo: CAND</div>"
            "<div class='social-share'>Share on Facebook Twitter Zalo</div>"
            "<p class='byline'>By Minh Ngan</p></div>"
            "<div class='sidebar'><p>Most read: a sidebar story that is long enough to look like a paragraph.</p>"
            "</div></div>")
    article = extract_file(page(tmp_path, body)).articles[0]
    assert "arrested 3 suspects" in article.body
    for gone in ("Photo", "Seized drugs", "Share on", "Minh Ngan", "sidebar story"):
        assert gone not in article.body, gone
    assert article.author == "Minh Ngan"


def test_related_link_lists_inside_the_article_are_dropped(tmp_path: Path) -> None:
    links = "".join(f"<li><a href='/{i}'>Another story about police work number {i}</a></li>" for i in range(5))
    body = f"<article>{paragraphs(4)}<h3>Read more</h3><ul>{links}</ul><p>{P.format(n=9)}</p></article>"
    text = extract_file(page(tmp_path, body)).articles[0].body
    assert "Another story" not in text and "arrested 9 suspects" in text


def test_date_from_a_date_element_and_title_from_the_head(tmp_path: Path) -> None:
    head = "<title>Police bust drug ring &amp; seize heroin | Báo Công an Nhân dân</title>"
    body = f"<div class='post'><span class='post-date'>Chủ Nhật, 14/09/2025 - 19:05</span>{paragraphs(3)}</div>"
    article = extract_file(page(tmp_path, body, head)).articles[0]
    assert article.date == dt.date(2025, 9, 14)
    assert article.title == "Police bust drug ring & seize heroin"
    # a site header's "today" is not the publication date
    body = (f"<div class='top-header'><div class='date-today'>Thứ Năm, 02/10/2025</div></div><div class='post'>"
            f"<div class='time-post'>Thứ Hai, 29/09/2025 16:20</div>{paragraphs(3)}</div>")
    assert extract_file(page(tmp_path, body)).articles[0].date == dt.date(2025, 9, 29)
    body = f"<div class='entry-meta'><span class='posted-on'>Khmer Times | September 30, 2025</span></div>"
    assert extract_file(page(tmp_path, body + paragraphs(3))).articles[0].date == dt.date(2025, 9, 30)
    body = f"<td><p class='date'>(Latest Update July 22, 2025)</p>{paragraphs(3)}</td>"
    assert extract_file(page(tmp_path, f"<table><tr>{body}</tr></table>")).articles[0].date == dt.date(2025, 7, 22)


def test_head_is_read_without_parsing_and_chrome_is_cut_before() -> None:
    prepared = prepare_html("<html><head><meta property='og:title' content='A &quot;B&quot;'>"
                            "<link rel='canonical' href='https://x.vn/a'><script>var x = '<p>no</p>';</script>"
                            "<script type='application/ld+json'>{\"datePublished\": \"2025-01-02\"}</script>"
                            "</head><body><nav>Menu</nav><!-- ad --><p>Text</p></body></html>")
    assert prepared.metas == {"og:title": 'A "B"'} and prepared.canonical == "https://x.vn/a"
    assert prepared.json_ld == ['{"datePublished": "2025-01-02"}']
    assert "Menu" not in prepared.markup and "ad" not in prepared.markup and "<p>Text</p>" in prepared.markup
    assert "<head" not in prepared.markup


def test_class_names_are_read_as_people_write_them() -> None:
    for chrome in ("share-bar", "relatedArticles", "comment-list", "cookie-consent", "top-ad", "sr-only"):
        assert read_marks(chrome).chrome, chrome
    assert read_marks("byline").byline and read_marks("post-date").date
    assert read_marks("article-body").weight > 0 and not read_marks("article-body").chrome
    assert read_marks("noi-dung chi-tiet").weight > 0
    assert not read_marks("header-adjacent shadow").chrome  # "ad" only as a word
