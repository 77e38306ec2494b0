#!/usr/bin/env python3
"""Agreement between the corpus labels and a blind second labelling (tests/data/concepts/second-labels/).

Prints Cohen's kappa and raw agreement per concept, for dev answers and for the c1/c2 answers: how far
two careful labellers following docs/labelling.md agree, the ceiling the engine is measured against.
Usage: python3 scripts/second_labels.py
"""
import glob
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "concepts")
CONCEPTS = ["owns-the-failure", "takes-it-on", "empathy", "blame-shifting", "sends-away", "deflecting-apology",
            "specific-day", "specific-time", "next-steps", "handover-context", "genuine-question"]


def kappa(pairs):
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0, po


def main():
    first = {}
    for path in glob.glob(os.path.join(ROOT, "answers-*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                first[a["id"]] = a["labels"]
    with open(os.path.join(ROOT, "second-labels", "second-labels.jsonl"), encoding="utf-8") as f:
        second = [json.loads(line) for line in f]
    groups = [("dev answers", lambda i: not i.startswith("c")), ("c1/c2 answers (train)", lambda i: i.startswith("c")),
              ("all", lambda i: True)]
    for name, keep in groups:
        rows = [s for s in second if keep(s["id"])]
        print(f"== {name}: {len(rows)} answers")
        kappas, agreed = [], []
        for c in CONCEPTS:
            pairs = [(first[s["id"]][c], s["labels"][c]) for s in rows]
            k, po = kappa(pairs)
            kappas.append(k)
            agreed += [a == b for a, b in pairs]
            print(f"{c:20s} kappa {k:.2f}  agreement {100 * po:.1f}%")
        print(f"mean kappa {sum(kappas) / len(kappas):.2f}, agreement {100 * sum(agreed) / len(agreed):.1f}%")


if __name__ == "__main__":
    main()
