"""Annotate + resolve speed against bare spaCy on the same texts, in the same run.

    python benchmarks/annotate.py [--corpus ../shared/corpus/kh/articles.jsonl]
                                  [--limit 200] [--repeat 2]

Texts: the cleaned texts of the first LIMIT records (cleaning is not timed).
Reference: `nlp.pipe` of spaCy's English pipeline as storyline loads it, without
storyline's components. storyline: the same pipeline with its rule components, the
clean-up after the NER, resolution within each document and linking to the entities
of a fresh SQLite store (one transaction per document). The two alternate, best of
REPEAT each; the ratio is storyline's throughput over the reference's (target ≥ 0.8).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _common import BATCH, KH_ARTICLES, bare_spacy, need
from storyline.analyse.annotate import Annotator
from storyline.analyse.resolve import resolve_document
from storyline.models import Document, RawDocument
from storyline.pipeline import prepare
from storyline.store import open_store


def cleaned_documents(corpus: Path, limit: int) -> list[Document]:
    documents = []
    with corpus.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if len(documents) >= limit:
                break
            record = json.loads(line)
            raw = RawDocument(f"{corpus}#{n + 1}", "jsonl", record["text"], record.get("title"))
            documents.append(prepare(raw).document)
    return documents


def storyline_stages(documents: list[Document], annotator: Annotator, db: Path) -> float:
    with open_store(db) as store:
        start = time.perf_counter()
        annotations = annotator.annotate_many(d.text for d in documents)
        for document, annotation in zip(documents, annotations, strict=True):
            with store.transaction():
                store.insert_document(document, document.id)
                resolve_document(store, document, annotation)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=KH_ARTICLES)
    parser.add_argument("--limit", type=int, default=200, help="documents to annotate")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, best kept")
    args = parser.parse_args()
    documents = cleaned_documents(need(args.corpus), args.limit)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    annotator = Annotator(batch_size=BATCH)
    annotator.annotate("Load spaCy outside the timings, as bare_spacy's load is.")
    bare = ours = float("inf")
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.repeat):
            bare = min(bare, bare_spacy(texts))
            ours = min(ours, storyline_stages(documents, annotator, Path(folder) / f"{run}.db"))
    print(f"corpus: {args.corpus.name}, {len(texts)} documents, {words:,} words")
    print(f"bare spaCy nlp.pipe:        {len(texts) / bare:7.1f} docs/s  ({bare:.1f} s)")
    print(f"storyline annotate+resolve: {len(texts) / ours:7.1f} docs/s  ({ours:.1f} s)")
    print(f"ratio (storyline / bare):   {bare / ours:7.2f}  (target >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
