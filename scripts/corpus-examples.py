#!/usr/bin/env python3
"""Writes the classifier's examples bank from the development corpora.

The bank is `plans/sd101/examples.json` = {"classifier": {"examples": [...]}}: with the hand-written
examples of classifier.json it is what `cargo run --release --example train_model` trains the learnt
model on (plans/sd101/model.json). The bank itself is not embedded: the model is. Each corpus case becomes {kind, clause, text}: the clause is
the kind's own clause from kinds.json, 事件确认1 for a text that describes no incident.

    scripts/corpus-examples.py                       # the dev corpora and the held-out splits measured
                                                     # before (each measured once, then made
                                                     # training data) → plans/sd101/examples.json
    scripts/corpus-examples.py --from tests/data/corpus/dev.json --out /tmp/bank-dev.json
                                                     # one corpus only, for cross-corpus evaluation:
    cargo run --release --example classify_accuracy -- --examples /tmp/bank-dev.json tests/data/corpus/dev-b.json

Never point it at heldout-j.json … heldout-z16.json (see tests/data/corpus/heldout/README.md), the last held-out splits: the bank is
training data.
"""
import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_INCIDENT_CLAUSE = "事件确认1"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="sources", nargs="+",
                    default=[str(ROOT / f"tests/data/corpus/{name}.json") for name in ("dev", "dev-b", "dev-c", "dev-d", "dev-e", "dev-f", "dev-g", "dev-h", "dev-i", "dev-j", "dev-k", "dev-l", "dev-m", "dev-n", "dev-o", "dev-p", "dev-q", "dev-r", "dev-s", "dev-t", "dev-u", "dev-v", "dev-w", "dev-x", "dev-y", "dev-z", "dev-z2", "dev-z3", "dev-z4", "dev-z5", "dev-z6", "dev-z7", "dev-z8", "dev-z9", "dev-z10", "dev-z11", "dev-z12", "dev-z13", "dev-z14", "dev-z15", "dev-z16", "dev-z17", "dev-z18", "dev-z19", "dev-z20", "dev-z21", "dev-z22", "dev-z23", "dev-z24", "dev-z25", "dev-z26", "dev-z27", "dev-z28", "dev-z29", "dev-z30", "dev-z31", "dev-z32", "dev-z33", "dev-z34", "dev-z35", "dev-z36", "dev-z37", "dev-z38", "dev-z39", "dev-z40", "dev-z41", "dev-z42", "dev-z43", "dev-z44", "dev-z45", "dev-z46")]
                    + [str(ROOT / f"tests/data/corpus/heldout/{name}.json") for name in ("heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i")])
    ap.add_argument("--out", default=str(ROOT / "plans/sd101/examples.json"))
    args = ap.parse_args()
    kinds = json.loads((ROOT / "plans/sd101/kinds.json").read_text(encoding="utf-8"))["kinds"]
    clause = {k["id"]: k["clause"] for k in kinds}
    hand = json.loads((ROOT / "plans/sd101/classifier.json").read_text(encoding="utf-8"))["classifier"]["examples"]
    seen = {(e["kind"], e["text"]) for e in hand}
    examples = []
    for source in args.sources:
        for case in json.loads(Path(source).read_text(encoding="utf-8")):
            text, kind = case.get("text"), case.get("kind")
            # Cases given as ticked facts only teach the model nothing about wording.
            if not text or not text.strip() or (kind, text) in seen:
                continue
            if kind is not None and kind not in clause:
                raise SystemExit(f"{source}: {case.get('id')}: unknown kind {kind}")
            seen.add((kind, text))
            examples.append({"kind": kind, "clause": clause[kind] if kind else NO_INCIDENT_CLAUSE, "text": text})
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in examples)
    Path(args.out).write_text('{"classifier": {"examples": [\n' + lines + "\n]}}\n", encoding="utf-8")
    rel = lambda p: str(Path(p).resolve().relative_to(ROOT)) if Path(p).resolve().is_relative_to(ROOT) else p
    print(f"{rel(args.out)}: {len(examples)} examples from {', '.join(rel(s) for s in args.sources)}")


if __name__ == "__main__":
    main()
