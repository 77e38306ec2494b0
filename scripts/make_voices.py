#!/usr/bin/env python3
"""Generate every customer recording a scenario names (`voice: "voices/....ogg"`).

    cargo run --release --example voice_lines -- scenarios | python3 scripts/make_voices.py assets

Voices are offline Festival voices (Debian: festival festvox-us-slt-hts festvox-kallpc16k
festvox-kdlpc16k, plus sox with libsox-fmt-all): the HTS voice `cmu_us_slt_arctic_hts` for women and the
diphone voices `kal_diphone` / `ked_diphone` for men. Each customer gets a voice by the title in their name
(Mr / Mrs / Ms / Miss) or the pronouns of their "about" line, shifted in pitch and tempo by age
(from "NN," in "about": under 30 a little higher and quicker, 60 and over lower and slower) and by a
small per-person offset so two customers of the same kind do not sound identical. Every file is
loudness-normalised (sox `norm -3`, mono, 22.05 kHz) and written as OGG Vorbis. Existing files are
rewritten; nothing else in the folder is touched.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

FEMALE_TITLES = {"mrs", "ms", "miss", "mx"}
MALE_TITLES = {"mr", "sir"}
FEMALE_NAMES = {"jade", "ayesha", "carol", "kirsty", "abena", "priya", "sarah", "ellie", "grace", "amira", "fatima"}


def gender(name: str, about: str) -> str:
    first = name.strip().split()[0].lower().rstrip(".") if name.strip() else ""
    if first in FEMALE_TITLES:
        return "f"
    if first in MALE_TITLES:
        return "m"
    words = re.findall(r"[a-z']+", about.lower())
    she = sum(w in ("she", "her", "hers", "mum", "woman", "wife", "mother") for w in words)
    he = sum(w in ("he", "him", "his", "dad", "man", "husband", "father") for w in words)
    if she != he:
        return "f" if she > he else "m"
    if first in FEMALE_NAMES:
        return "f"
    return "f" if hashlib.sha256(name.encode()).digest()[0] % 2 else "m"


def age(about: str):
    m = re.search(r"\b(\d{2}),", about) or re.search(r"\baged (\d{2})\b", about)
    return int(m.group(1)) if m else None


def voice_for(name: str, about: str):
    """(festival voice, pitch shift in cents, tempo factor) for a customer."""
    g = gender(name, about)
    years = age(about)
    person = hashlib.sha256(name.encode()).digest()
    pitch = (person[1] % 5 - 2) * 30  # -60..+60 cents, the same for one person every time
    tempo = 1.0
    if years is not None and years < 30:
        pitch += 80
        tempo = 1.06
    elif years is not None and years >= 60:
        pitch -= 140
        tempo = 0.9
    if g == "f":
        return "voice_cmu_us_slt_arctic_hts", pitch, tempo
    return ("voice_kal_diphone" if person[2] % 2 else "voice_ked_diphone"), pitch - 40, tempo


def main() -> None:
    assets = sys.argv[1] if len(sys.argv) > 1 else "assets"
    made = 0
    for raw in sys.stdin:
        if not raw.strip():
            continue
        row = json.loads(raw)
        target = os.path.join(assets, row["voice"])
        if not target.endswith(".ogg") or ".." in row["voice"]:
            print(f"skipped {row['voice']}: only OGG paths inside assets/ are generated", file=sys.stderr)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        festival_voice, pitch, tempo = voice_for(row["name"], row["about"])
        with tempfile.TemporaryDirectory() as tmp:
            text = os.path.join(tmp, "line.txt")
            wav = os.path.join(tmp, "line.wav")
            with open(text, "w", encoding="utf-8") as f:
                f.write(row["line"].replace("£", " pounds "))
            subprocess.run(["text2wave", "-eval", f"({festival_voice})", text, "-o", wav], check=True)
            effects = ["pitch", str(pitch), "tempo", "-s", f"{tempo:.2f}", "norm", "-3"]
            subprocess.run(
                ["sox", wav, "-c", "1", "-r", "22050", "-C", "0", target, *effects],
                check=True,
            )
        made += 1
        print(f"{target}: {festival_voice} pitch {pitch:+d} tempo {tempo:.2f}")
    print(f"{made} recordings written", file=sys.stderr)


if __name__ == "__main__":
    main()
