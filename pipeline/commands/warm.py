"""Warm a batch's worker processes before they are forked (commands/batch.py forks them).

A process meets many one-time costs on its first article: the language files' patterns, the
digest's all-language patterns, the look, the caption templates, the health rules, the fonts,
and the language identifier (py3langid's model: about 0.2 s of CPU to load, which each worker
paid again on its first page without a clear declared language).
Forked workers inherit what the parent has already done, so `warm_up` does it once, in the
parent, on a short article written here (never written to disk), instead of once per worker.
"""

from __future__ import annotations

import contextlib

from pipeline.commands.run import RunOptions
from pipeline.compose import compose_post
from pipeline.compose.caption import caption_environment
from pipeline.digest import digest_article
from pipeline.extract import extract_article
from pipeline.health import check_post
from pipeline.languages import identifier
from pipeline.models import Page, RepurposeError
from pipeline.render.card import render_card

# A short clinic article, made up here: enough headings, list items and sentences to reach
# every stage's patterns.
WARM_UP_PAGE = """<!doctype html><html lang="en"><head><title>Knee pain: what helps</title>
<meta property="og:title" content="Knee pain: what helps"></head><body><article>
<h1>Knee pain: what helps</h1>
<p>Knee pain often starts slowly, and many runners notice a dull ache after long runs.</p>
<h2>Symptoms</h2><p>The ache gets worse on stairs and when standing for a long time.</p>
<h2>What causes it?</h2><p>Weak hip muscles can pull the knee out of line over time.</p>
<h2>Treatment</h2><ul><li>Strengthening exercises for the hips and thighs.</li>
<li>Gentle stretching to relieve tension in tight muscles.</li>
<li>Acupuncture to reduce inflammation around the joint.</li></ul>
<h2>Conclusion</h2><p>Most knee pain improves with the right exercises and some patience.</p>
</article></body></html>"""
# The same as a Markdown post with front matter: the Markdown and YAML readers are imported,
# and their patterns compiled, on the first Markdown source.
WARM_UP_MARKDOWN = """---
title: "Knee pain: what helps"
---
# Knee pain: what helps

Knee pain often starts slowly, and many runners notice a dull ache after long runs.

## Symptoms

The ache gets worse on stairs and when standing for a long time. Some people feel a grinding
under the kneecap, and the knee can feel stiff first thing in the morning.

## What causes it?

Weak hip muscles can pull the knee out of line over time, and tight thigh muscles add to the
strain on the joint with every step.

## Treatment

- Strengthening exercises for the hips and thighs.
- Gentle stretching to relieve tension in tight muscles.
"""


def warm_up(options: RunOptions) -> None:
    """Everything a run's first article loads, done on WARM_UP_PAGE in this process; nothing is
    written. Only speed depends on it: a failure is ignored (the real article reports it)."""
    try:
        extract_article(Page(origin="warm-up.md", text=WARM_UP_MARKDOWN, kind="markdown"))
        article = extract_article(Page(origin="warm-up", text=WARM_UP_PAGE, kind="html"))
        digest = digest_article(article)
        env = caption_environment(options.templates)
        post = compose_post(digest, options.brand, "warm-up", env)
        image = render_card(post.cards[0], options.brand)
        check_post(post, [image], language=digest.language)
    except (RepurposeError, ValueError, OSError, IndexError):
        pass
    with contextlib.suppress(RepurposeError, ValueError, OSError):
        identifier()  # WARM_UP_PAGE declares its language, so the classifier was not asked
