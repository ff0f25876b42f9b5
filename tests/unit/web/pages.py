"""Realistic news pages built in the tests: an article inside a site's chrome.

Licence: written for these tests (no real page is copied).
"""

from __future__ import annotations

import html
import json

CHROME = {
    "nav": "Home World Politics Sport Subscribe",
    "ad": "Advertisement: Buy the new phone today",
    "related": "Related: Ten things you missed this week",
    "newsletter": "Sign up for our morning newsletter",
    "comment": "Great article! Posted by reader123",
    "share": "Share on Facebook Share on X",
    "footer": "Copyright 2024 The Daily Example. All rights reserved.",
}


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str = "The Daily Example",
    date: str = "2024-08-11",
    url: str = "https://daily.example.com/world/strike",
    author: str = "Jane Roe",
) -> str:
    """A page as a browser saves it: meta, JSON-LD, navigation, ads, comments, footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": date,
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": site},
        }
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T09:30:00Z">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer = [];</script>
</head><body>
<header><nav><ul><li><a href="/">{CHROME["nav"]}</a></li></ul></nav></header>
<div class="ad-banner">{CHROME["ad"]}</div>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="byline">By {html.escape(author)}</div>
{body}
<div class="share-buttons">{CHROME["share"]}</div>
</article>
<aside class="related-links"><h3>More stories</h3><ul><li><a href="/x">{CHROME["related"]}</a></li></ul></aside>
<div class="newsletter-signup"><form>{CHROME["newsletter"]}<input type="email"></form></div>
<section id="comments" class="comments"><div class="comment"><p>{CHROME["comment"]}</p></div></section>
</main>
<footer><p>{CHROME["footer"]}</p></footer>
</body></html>
"""


STRIKE = [
    "A missile strike destroyed a fuel depot near Kursk on Sunday, regional officials said, "
    "and more than 76,000 people have now been evacuated from the border districts.",
    "The regional governor said three people were injured in the attack, which began shortly "
    "after midnight and lasted for almost two hours.",
    '"We will rebuild everything that was destroyed," the governor told reporters on Monday, '
    "adding that emergency crews were still working at the site.",
    "Ukraine did not comment on the strike. Its forces crossed the border on Tuesday and have "
    "since taken several villages, according to analysts who track the fighting.",
]
