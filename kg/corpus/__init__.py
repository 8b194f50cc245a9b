"""The corpus step: what is done across articles, after each was extracted alone.

:mod:`kg.corpus.merge` merges the entities of all articles (in any order) and
rewrites each article's claims to use them; :mod:`kg.corpus.cache` keeps the
parse and the extraction of every article in the output folder, so that the
next build redoes only what changed; :mod:`kg.corpus.outdir` makes the output
folder one set, written whole or not at all, by one build at a time.
"""
