"""Byte-for-byte check of extraction: one SHA-256 per document set and overall, to prove a speed change
changes no output.

    PYTHONPATH=src .venv/bin/python benchmarks/check_extract.py [--save FILE] [--compare FILE]

Every document of the English and Chinese corpora (``../shared/corpus``,
``../shared/corpus-zh``), the held-out sets (``benchmarks/heldout``, ``heldout-zh``, ``heldout2``, ``heldout3``, ``heldout-zh2``), the demo
corpus (``src/policylens/demo/corpus``) and generated documents is
extracted; each extraction is serialised to the contract's JSON with sorted
keys, and a set's digest is the SHA-256 of its documents' names and JSON in
name order.  Generated documents come from ``bench_ingest.py``'s generator
(demo paragraphs mixed, numbers scaled, places swapped) and from the same
perturbation applied to the annotated corpora's paragraphs in both
languages, so that text no rule was written beside is in the check too.

``--save FILE`` writes each document's own digest (JSON); ``--compare FILE``
reads such a file and names the first documents whose extraction differs,
and exits 1 when any does.  Run it with ``PYTHONPATH`` pointing at another
checkout's ``src`` to compare two versions of the code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from bench_ingest import make_document, perturb, sample_paragraphs

from policylens.demo import corpus_dir
from policylens.extraction import extract
from policylens.ingestion import read_path
from policylens.model import Document

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
SHOWN = 40  # differing documents named by --compare


def folder_documents(folder: Path) -> Iterator[tuple[str, Document]]:
    """Every readable file of a folder, by name; one that no reader takes is skipped (as the benchmarks do)."""
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        try:
            # the source named by the file alone, so that two source trees' copies of a folder compare equal
            yield path.name, replace(read_path(path), source=path.name)
        except Exception as exc:  # a file no reader takes is not extraction's to check
            print(f"skipped {path}: {exc}", file=sys.stderr)


def corpus_paragraphs(folders: list[Path]) -> list[str]:
    paras = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 60]
    return paras


def generated(n: int) -> Iterator[tuple[str, Document]]:
    """n documents of bench_ingest's generator, then n mixing perturbed paragraphs of both annotated corpora."""
    rng = random.Random(7)
    demo = sample_paragraphs()
    for i in range(n):
        yield f"demo-{i:04d}", Document(source=f"gen:demo-{i}", text=make_document(i, demo, rng))
    paras = corpus_paragraphs([SHARED / "corpus" / "docs", SHARED / "corpus-zh" / "docs"])
    for i in range(n):
        picked = [perturb(p, rng) for p in rng.sample(paras, k=rng.randint(2, 8))]
        text = "\n\n".join(picked) + "\n"
        yield f"mixed-{i:04d}", Document(source=f"gen:mixed-{i}", text=text)


def document_sets(n_generated: int) -> dict[str, Iterator[tuple[str, Document]]]:
    return {
        "corpus": folder_documents(SHARED / "corpus" / "docs"),
        "corpus-zh": folder_documents(SHARED / "corpus-zh" / "docs"),
        "heldout": folder_documents(HERE / "heldout" / "docs"),
        "heldout-zh": folder_documents(HERE / "heldout-zh" / "docs"),
        "heldout2": folder_documents(HERE / "heldout2" / "docs"),
        "heldout3": folder_documents(HERE / "heldout3" / "docs"),
        "heldout-zh2": folder_documents(HERE / "heldout-zh2" / "docs"),
        "demo": folder_documents(corpus_dir()),
        "generated": generated(n_generated),
    }


def digest_of(document: Document) -> str:
    payload = json.dumps(extract(document).to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generated", type=int, default=200, help="documents of each generated kind (default 200)")
    ap.add_argument("--save", type=Path, help="write every document's digest to this JSON file")
    ap.add_argument("--compare", type=Path, help="a file written by --save: name the documents that differ")
    args = ap.parse_args(argv)

    per_document: dict[str, str] = {}
    overall = hashlib.sha256()
    for set_name, documents in document_sets(args.generated).items():
        digest = hashlib.sha256()
        count = 0
        for name, document in documents:
            key = f"{set_name}/{name}"
            per_document[key] = digest_of(document)
            digest.update(f"{key}\0{per_document[key]}\n".encode())
            count += 1
        overall.update(digest.digest())
        print(f"{set_name:10} {count:5} docs  {digest.hexdigest()}")
    print(f"{'overall':10} {len(per_document):5} docs  {overall.hexdigest()}")

    if args.save:
        args.save.write_text(json.dumps(per_document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.save}")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(k for k in saved.keys() | per_document.keys() if saved.get(k) != per_document.get(k))
        for key in differ[:SHOWN]:
            state = "missing now" if key not in per_document else "new" if key not in saved else "differs"
            print(f"{state}: {key}")
        print(f"{len(differ)} document(s) differ from {args.compare}" if differ else f"identical to {args.compare}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
