#!/usr/bin/env python3
"""Build tests/data/times/time_expressions.jsonl from two public date-parser test suites.

Sources (extract them to a temporary directory first; see tests/data/times/README.md):

* Duckling (facebook/duckling, BSD licence): ``Duckling/Time/EN/Corpus.hs`` and,
  optionally, the region corpora ``Duckling/Time/EN/US/Corpus.hs`` and
  ``Duckling/Time/EN/GB/Corpus.hs``.  Reference time of the suite is
  2013-02-12 04:30:00 local (a Tuesday), from ``Duckling/Testing/Types.hs``.
* Microsoft Recognizers-Text (microsoft/Recognizers-Text, MIT licence): the
  directory ``Specs/DateTime/English`` (en-US) and, optionally,
  ``Specs/DateTime/EnglishOthers`` (en-GB and other day-first English cultures).
  Each case carries its own ``Context.ReferenceDateTime``.

Every expression is classified from the suite's own expected resolution
(value, interval and grain) relative to the suite's reference time:

* past           the whole moment/interval lies before the reference
                 (an instant of grain g covers [start, start + g); interval ends are
                 exclusive; an open interval whose only bound is before the reference)
* specific-time  grain second/minute/hour instant, or a second/minute/hour interval
                 at most 12 hours long (parts of day, "8am until 6", "until 2pm")
* specific-day   grain day instant, or a finer-than-week interval longer than 12 hours
                 whose last covered day is at most 14 days after the reference date
                 ("by EOD", "rest of the week", "this weekend", "in 2 to 3 days")
* vague          grain week or coarser, longer intervals, open-ended "after/since"
                 intervals, "soon"-like references, unanchored durations
* present        the reference moment itself ("now", "at the moment", "at present"):
                 neither past nor a time to come, so not a specific future time
* negative       listed by the suite as not a time expression

Standard library only; the output is sorted and deduplicated by
(expression, category), so the script is deterministic.

Usage:
    python3 scripts/import_time_corpora.py \
        --duckling DIR/duckling/Corpus.hs \
        [--duckling-us DIR/duckling/US/Corpus.hs] [--duckling-gb DIR/duckling/GB/Corpus.hs] \
        --recognizers DIR/recognizers/English [--recognizers-others DIR/recognizers/EnglishOthers] \
        [--out tests/data/times/time_expressions.jsonl]
"""

import argparse
import collections
import datetime as dt
import json
import os
import re
import sys

MAX_LEN = 60
NEAR_DAYS = 14          # an interval ending within this many days counts as specific-day
SHORT_HOURS = 12        # a sub-day interval at most this long counts as specific-time

DUCKLING_REFERENCE = dt.datetime(2013, 2, 12, 4, 30, 0)

FINE = ("second", "minute", "hour")
COARSE = ("week", "month", "quarter", "half-year", "season", "year", "decade")

HOLIDAY_RE = re.compile(
    r"christmas|xmas|x-mas|easter|thanksgiving|hallowe.?en|valentine|new year'?s|"
    r"\bnew year\b|independence day|memorial day|labou?r day|martin luther|\bmlk\b|"
    r"mother'?s'? day|father'?s'? day|boxing day|st\.? patrick|saint patrick|"
    r"veterans'? day|columbus day|president'?s'? day|black friday|cyber monday|"
    r"\beid\b|ramadan|diwali|hanukk?ah|chanukah|\blent\b|ash wednesday|good friday|"
    r"mardi gras|groundhog|earth day|april fool|juneteenth|kwanzaa|pentecost|"
    r"all saints|passover|rosh hashanah|yom kippur|guy fawkes|bank holiday|tax day|"
    r"inauguration|yuandan|holiday|\bmay day\b|election day|patriot day|flag day|"
    r"tu bishvat|purim|shavuot|sukkot|simchat|navaratri|holi\b|vesak|mawlid|"
    r"lailat|isra|ashura|thaipusam|dussehra|rama|krishna|ganesh|mahavir|buddha|"
    r"chinese new|lunar new|carnival|whit monday|ascension|corpus christi|"
    r"assumption|epiphany|candlemas|palm sunday|maundy|holy saturday|"
    r"orthodox|veteran|remembrance|armistice|canada day|victoria day|"
    r"australia day|anzac|waitangi|king'?s birthday|queen'?s birthday|"
    r"earth hour|world .* day|national .* day",
    re.IGNORECASE)

# Empty-result cases from Recognizers-Text that are NOT usable as "not a time
# expression": the sentence holds a time that a different extractor (or another
# mode) handles, or the case is disabled.  Matched on the exact Input.
RECOGNIZERS_NEGATIVE_EXCLUDE = {
    "i'll go back at 4.22": "DateExtractor only: holds a time of day",
    "I'll go back at 4-22": "DateParser only: holds a time of day",
    "I'll go back at 4.22": "DateParser only: holds a time of day",
    "I'll be out in 3 years": "period extractor only: holds a relative date",
    "I'll be out in 3 weeks": "period extractor only: holds a relative date",
    "I'll be out in 3 months": "period extractor only: holds a relative date",
    "schedule a meeting in two weeks": "period parser only: holds a relative date",
    "schedule a meeting in couple of weeks": "period parser only: holds a relative date",
    "It happened on next week after 2:00": "period extractor only: holds times",
    "set up meeting 1:30p.m. to 4 people": "period extractor only: holds a time",
    "6,107.31 August 2019 should not include the decimal": "holds a date (August 2019)",
    "Cortana, schedule a meeting for next week.\nBentonville, AR 72716 P: 479.277":
        "TimeExtractor only: holds a date period",
    "Cortana, can you please set something up between the 21st and 23rd.":
        "supported in CalendarMode",
    "Cortana, can you please set something up the 21st.": "supported in CalendarMode",
    "Cortana, can you please set something up around the 21st.": "supported in CalendarMode",
    "We will have lunch together with Jim": "case disabled in the suite",
}

# Recognizers spec files used for positives (resolved values) and negatives.
RECOGNIZERS_POSITIVE_FILES = [
    "DateTimeModel.json",
    "DateTimeModelExtendedTypes.json",
    "MergedParser.json",
    "DateParser.json",
    "DatePeriodParser.json",
    "TimeParser.json",
    "TimePeriodParser.json",
    "DateTimeParser.json",
    "DateTimePeriodParser.json",
    "DurationParser.json",
]
RECOGNIZERS_NEGATIVE_FILES = RECOGNIZERS_POSITIVE_FILES + [
    "DateExtractor.json",
    "DatePeriodExtractor.json",
    "TimeExtractor.json",
    "TimePeriodExtractor.json",
    "DateTimeExtractor.json",
    "DateTimePeriodExtractor.json",
    "DurationExtractor.json",
    "MergedExtractor.json",
    "TimeZoneExtractor.json",
    "TimeZoneParser.json",
]

SKIPS = collections.Counter()

BARE_NUMBER_RE = re.compile(
    r"\d{1,4}|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)",
    re.IGNORECASE)


# --------------------------------------------------------------------------- time helpers

def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return d.replace(year=y, month=m, day=1) if d.day > 28 else d.replace(year=y, month=m)


def add_grain(d, grain):
    if grain == "second":
        return d + dt.timedelta(seconds=1)
    if grain == "minute":
        return d + dt.timedelta(minutes=1)
    if grain == "hour":
        return d + dt.timedelta(hours=1)
    if grain == "day":
        return d + dt.timedelta(days=1)
    if grain == "week":
        return d + dt.timedelta(days=7)
    if grain == "month":
        return add_months(d, 1)
    if grain == "quarter":
        return add_months(d, 3)
    if grain == "half-year":
        return add_months(d, 6)
    if grain == "season":
        return add_months(d, 3)
    if grain == "year":
        return add_months(d, 12)
    if grain == "decade":
        return add_months(d, 120)
    raise ValueError(grain)


def last_day(end_exclusive):
    return (end_exclusive - dt.timedelta(microseconds=1)).date()


def classify_instant(start, grain, ref):
    """An instant of grain g covers [start, start + g)."""
    if add_grain(start, grain) <= ref:
        return "past", None
    if grain in FINE:
        return "specific-time", None
    if grain == "day":
        return "specific-day", None
    return "vague", None


def classify_interval(start, end, grain, ref, partial=False):
    """Closed-open interval [start, end) with the suite's grain.

    partial: the interval is the start/middle/end of a coarser period
    (Recognizers Mod start/mid/end), so its days, not its grain, decide."""
    if end <= ref:
        return "past", None
    if grain in COARSE and not partial:
        return "vague", None
    if grain in FINE and end - start <= dt.timedelta(hours=SHORT_HOURS):
        return "specific-time", None
    if last_day(end) <= ref.date() + dt.timedelta(days=NEAR_DAYS):
        if grain in FINE or end - start > dt.timedelta(days=1):
            return "specific-day", "interval of %s ending within %d days of the reference" % (
                fmt_span(end - start), NEAR_DAYS)
        return "specific-day", None
    return "vague", "interval of %s ending more than %d days after the reference" % (
        fmt_span(end - start), NEAR_DAYS)


def classify_open(direction, bound, grain, ref):
    """Open interval: direction 'before' (until bound) or 'after' (from bound on)."""
    if direction == "before":
        if bound <= ref:
            return "past", "open interval ending before the reference"
        if grain in FINE:
            return "specific-time", "deadline (open interval until a time)"
        if grain == "day":
            return "specific-day", "deadline (open interval until a day)"
        return "vague", "open interval until a coarse period"
    # after / since
    if add_grain(bound, grain if grain in FINE + ("day",) + COARSE else "second") <= ref:
        return "past", "open-ended interval whose only bound lies before the reference"
    return "vague", "open-ended interval (after/since/from), no end"


def fmt_span(delta):
    hours = delta.total_seconds() / 3600.0
    if hours < 48:
        return "%gh" % round(hours, 2)
    return "%gd" % round(hours / 24.0, 2)


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S")


# --------------------------------------------------------------------------- Duckling

def strip_hs_comments(text):
    out = []
    for line in text.splitlines():
        in_str = False
        i = 0
        cut = len(line)
        while i < len(line):
            c = line[i]
            if in_str:
                if c == "\\":
                    i += 2
                    continue
                if c == '"':
                    in_str = False
            else:
                if c == '"':
                    in_str = True
                elif line.startswith("--", i):
                    cut = i
                    break
            i += 1
        out.append(line[:cut])
    return "\n".join(out)


def hs_unescape(s):
    def rep(m):
        e = m.group(1)
        table = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}
        if e in table:
            return table[e]
        if e.isdigit():
            return chr(int(e))
        return e
    return re.sub(r'\\(\d+|.)', rep, s)


def read_strings(text, pos):
    """Parse a Haskell list of string literals starting at text[pos] == '['."""
    assert text[pos] == "[", text[pos:pos + 40]
    i = pos + 1
    items = []
    while True:
        while text[i] in " \t\r\n,":
            i += 1
        if text[i] == "]":
            return items, i + 1
        if text[i] != '"':
            raise ValueError("unexpected %r in list at %d" % (text[i:i + 30], i))
        j = i + 1
        buf = []
        while text[j] != '"':
            if text[j] == "\\":
                buf.append(text[j:j + 2])
                j += 2
                continue
            buf.append(text[j])
            j += 1
        items.append(hs_unescape("".join(buf)))
        i = j + 1


def balanced(text, pos):
    """text[pos] == '('; return (inner, index after the closing paren)."""
    depth = 0
    i = pos
    while True:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[pos + 1:i], i + 1
        i += 1


TUPLE_RE = re.compile(r"\(\s*(-?\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")


def parse_duckling_value(expr):
    expr = " ".join(expr.split())
    name = expr.split(" ", 1)[0]
    # Years before year 1 (e.g. "2014 BC") are clamped to year 1 for comparison;
    # they are still before any reference time.
    raw = [tuple(map(int, t)) for t in TUPLE_RE.findall(expr)]
    tuples = [dt.datetime(max(1, t[0]), *t[1:]) for t in raw]
    if any(t[0] < 1 for t in raw):
        return {"constructor": name, "points": tuples, "grain": None, "direction": None,
                "bc": ["%05d-%02d-%02dT%02d:%02d:%02d" % t for t in raw]}
    m = re.search(r"\)\)?\s+(Second|Minute|Hour|Day|Week|Month|Quarter|Year)\b", expr)
    grain = m.group(1).lower() if m else None
    direction = None
    dm = re.match(r"datetimeOpenInterval (After|Before)", expr)
    if dm:
        direction = dm.group(1).lower()
    return {"constructor": name, "points": tuples, "grain": grain, "direction": direction}


def duckling_sections(text):
    """Map character offsets to top-level definition names."""
    return [(m.start(), m.group(1)) for m in re.finditer(r"^([a-zA-Z]\w*)\s*::", text, re.M)]


def section_at(sections, pos):
    name = None
    for start, n in sections:
        if start <= pos:
            name = n
    return name


def load_duckling(path, locale, origin):
    text = strip_hs_comments(open(path, encoding="utf-8").read())
    sections = duckling_sections(text)
    # Contexts other than the default one (e.g. diffContext).
    contexts = {}
    for m in re.finditer(r"^(\w+)\s*=\s*Context\s*\{(.*?)\}", text, re.M | re.S):
        t = TUPLE_RE.search(m.group(2))
        if t:
            contexts[m.group(1)] = dt.datetime(*map(int, t.groups()))
    section_ref = {}
    for m in re.finditer(r"^(\w+)\s*=\s*\((\w+)\s*,", text, re.M):
        if m.group(2) in contexts:
            section_ref[m.group(1)] = contexts[m.group(2)]
    records = []
    # Negative examples.
    for m in re.finditer(r"^negativeCorpus\s*=.*?^\s*examples\s*=\s*", text, re.M | re.S):
        items, _ = read_strings(text, text.index("[", m.end()))
        for s in items:
            records.append(dict(source="duckling", locale=locale, expression=s,
                                reference=iso(DUCKLING_REFERENCE), category="negative",
                                grain=None, resolved=None,
                                origin=origin + ":negativeCorpus"))
    for m in re.finditer(r"\bexamples\s*\(", text):
        sec = section_at(sections, m.start())
        inner, after = balanced(text, m.end() - 1)
        lb = text.index("[", after)
        items, _ = read_strings(text, lb)
        value = parse_duckling_value(inner)
        ref = section_ref.get(sec, DUCKLING_REFERENCE)
        for s in items:
            rec = duckling_record(s, value, ref, sec)
            if rec is None:
                continue
            rec.update(source="duckling", locale=locale, origin="%s:%s" % (origin, sec))
            records.append(rec)
    return records


def duckling_record(expr, value, ref, section):
    cons = value["constructor"]
    if "Holiday" in cons:
        SKIPS["duckling: holiday constructor"] += 1
        return None
    grain = value["grain"]
    pts = value["points"]
    notes = []
    if value.get("bc"):
        return dict(expression=expr, reference=iso(ref), category="past", grain="year",
                    resolved={"value": value["bc"][0], "grain": "year"},
                    note="year before the common era")
    if cons == "datetime":
        start = pts[0]
        cat, note = classify_instant(start, grain, ref)
        resolved = {"value": iso(start), "grain": grain}
    elif cons == "datetimeInterval":
        start, end = pts[0], pts[1]
        cat, note = classify_interval(start, end, grain, ref)
        resolved = {"from": iso(start), "to": iso(end), "grain": grain}
    elif cons == "datetimeOpenInterval":
        bound = pts[0]
        cat, note = classify_open(value["direction"], bound, grain, ref)
        key = "to" if value["direction"] == "before" else "from"
        resolved = {key: iso(bound), "grain": grain, "open": value["direction"]}
    else:
        raise ValueError("unknown Duckling constructor %r" % cons)
    if note:
        notes.append(note)
    if cons == "datetime" and grain in FINE:
        base = ref.replace(microsecond=0)
        if grain in ("hour", "minute"):
            base = base.replace(second=0)
        if grain == "hour":
            base = base.replace(minute=0)
        off = start - base
        if off >= dt.timedelta(days=1) and off % dt.timedelta(days=1) == dt.timedelta(0):
            notes.append("the suite resolves this whole-day offset at %s grain; "
                         "category follows the suite" % grain)
    if section == "latentCorpus":
        notes.append("latent: only resolved when Duckling's latent matching is enabled")
    if cat == "specific-time" and cons == "datetime" and start <= ref < add_grain(start, grain):
        notes.append("resolves to the reference moment itself")
        if grain == "second":
            # "now", "at the moment": the present, not a time to come (see PRESENT).
            cat = "present"
    return dict(expression=expr, reference=iso(ref), category=cat, grain=grain,
                resolved=resolved, note="; ".join(notes) or None)


# --------------------------------------------------------------------------- Recognizers

def timex_grain(timex):
    t = timex or ""
    if t.startswith("("):
        parts = t.strip("()").split(",")
        dur = parts[-1] if len(parts) == 3 else ""
        if re.fullmatch(r"P[\d.]+Y", dur):
            return "year"
        if re.fullmatch(r"P[\d.]+M", dur):
            return "month"
        t = parts[0]
    if t in ("PRESENT_REF",):
        return "second"
    if t.endswith("_REF"):
        return "ref"
    if t.startswith("P"):
        return "duration"
    if "T" in t:
        tp = t.split("T", 1)[1]
        if re.fullmatch(r"\d{1,2}:\d\d:\d\d", tp):
            return "second"
        if re.fullmatch(r"\d{1,2}:\d\d", tp):
            return "minute"
        if re.fullmatch(r"\d{1,2}", tp):
            return "hour"
        return "hour"  # part of day (TMO, TAF, TEV, TNI, TDT, TMEL, ...)
    if re.search(r"-W(\d\d|XX)-WE$", t):
        return "day"  # weekend: judged by its days
    if re.search(r"-(W\d\d|WXX)-\d", t) or re.search(r"-#\d$", t):
        return "day"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", t):
        return "day"
    if re.search(r"W(\d\d|XX)$", t):
        return "week"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", t):
        return "month"
    if re.search(r"-Q\d$", t):
        return "quarter"
    if re.search(r"-H\d$", t):
        return "half-year"
    if re.search(r"(^|-)(SU|SP|FA|WI)$", t):
        return "season"
    if re.fullmatch(r"(FY|SY)?[\dX]{4}", t):
        return "year"
    if re.fullmatch(r"\d{3}X", t):
        return "decade"
    return None


def parse_rec_dt(s):
    if not isinstance(s, str):
        return None
    s = s.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            d = dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
        # The parser specs write 0001-01-01 for a date they could not resolve.
        return d if d.year > 1 else None
    return None


def parse_rec_time(s):
    return isinstance(s, str) and re.fullmatch(r"\d\d:\d\d:\d\d", s.strip()) is not None


def rec_values(result):
    """Normalise both spec formats to (type, [value dicts in the model's shape])."""
    tname = result.get("TypeName") or result.get("Typename") or result.get("Type") or ""
    tname = tname.replace("datetimeV2.", "")
    if "Resolution" in result:
        vals = (result.get("Resolution") or {}).get("values") or []
        return tname, vals
    value = result.get("Value") or {}
    if "values" in value:
        return tname, value["values"]
    timex = value.get("Timex")
    out = []
    keymap = {"date": "value", "time": "value", "dateTime": "value", "duration": "value",
              "set": "value", "startDate": "start", "startTime": "start",
              "startDateTime": "start", "endDate": "end", "endTime": "end",
              "endDateTime": "end"}
    for k in ("PastResolution", "FutureResolution"):
        res = value.get(k)
        if not isinstance(res, dict):
            continue
        v = {"timex": timex, "type": tname}
        if value.get("Mod"):
            v["Mod"] = value["Mod"]
        for rk, rv in sorted(res.items()):
            if rk in keymap and rv not in (None, ""):
                v[keymap[rk]] = rv
        if v not in out:
            out.append(v)
    return tname, out


def classify_rec_value(v, ref, tname):
    """Return (category, grain, note) or (None, grain, skip-reason)."""
    typ = v.get("type") or tname
    timex = v.get("timex") or ""
    mod = v.get("Mod") or ""
    grain = timex_grain(timex)
    if typ in ("set",):
        return None, grain, "recurring set"
    if typ == "timezone":
        return None, grain, "time zone"
    if typ == "duration":
        return "vague", "duration", "unanchored duration"
    if timex == "PRESENT_REF" and v.get("value"):
        return "present", "second", "the reference moment itself (now)"
    if timex == "FUTURE_REF":
        return "vague", "ref", "unanchored future reference"
    if timex == "PAST_REF":
        return "past", "ref", "unanchored past reference"
    val, start, end = v.get("value"), v.get("start"), v.get("end")
    if typ in ("time", "timerange") or (val and parse_rec_time(val)) or (
            start and parse_rec_time(start)) or (end and parse_rec_time(end)):
        if val and parse_rec_time(val) or (start and end):
            return "specific-time", grain, "time of day only; the suite gives no date"
        if end and not start:
            return "specific-time", grain, "deadline at a time of day; the suite gives no date"
        if start and not end:
            return "vague", grain, "open-ended from a time of day; the suite gives no date"
    if val == "not resolved" or (val is None and start is None and end is None):
        return judge_unresolved(timex, grain, ref)
    if ref is None:
        return None, grain, "no reference datetime"
    if val is not None:
        d = parse_rec_dt(val)
        if d is None:
            return judge_unresolved(timex, grain, ref)
        g = "day" if typ == "date" else (grain if grain in FINE else "second")
        if typ not in ("date", "datetime"):
            g = grain if grain in FINE + ("day",) + COARSE else "day"
        cat, note = classify_instant(d, g, ref)
        return cat, g, note
    s, e = parse_rec_dt(start), parse_rec_dt(end)
    if s and e and s == e and len(start.strip()) == 10:
        # date range whose end equals its start (e.g. "rest of the week" on a
        # Sunday): the suite means that single day.
        e = s + dt.timedelta(days=1)
    if s and e:
        g = grain or "day"
        if g not in FINE + ("day",) + COARSE:
            g = "day"
        if typ == "datetimerange" and g == "day":
            g = "hour"
        partial = mod in ("start", "mid", "end") or timex.startswith("(")
        cat, note = classify_interval(s, e, g, ref, partial=partial)
        if timex.startswith("(") and grain in COARSE and cat != "past":
            # explicit range of weeks/months/years: judged by its grain
            cat, note = "vague", "explicit range of %ss" % grain
        return cat, g, note
    if e and not s:
        g = grain if grain in FINE + ("day",) + COARSE else "day"
        cat, note = classify_open("before", e, g, ref)
        return cat, g, note
    if s and not e:
        g = grain if grain in FINE + ("day",) + COARSE else "day"
        cat, note = classify_open("after", s, g, ref)
        return cat, g, note
    return judge_unresolved(timex, grain, ref)


def valid_timex_dates(timex):
    for y, mo, da in re.findall(r"([\dX]{4})-(\d\d)-(\d\d)", timex):
        year = int(y) if y.isdigit() else 2020  # XXXX: any year, so allow 29 Feb
        try:
            dt.date(year, int(mo), int(da))
        except ValueError:
            return False
    return True


SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological, northern hemisphere


def judge_unresolved(timex, grain, ref):
    m = re.search(r"(\d{4})", timex)
    if not valid_timex_dates(timex):
        return None, grain, "invalid calendar date (not resolved by the suite)"
    sm = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", timex)
    if sm and ref is not None:
        start = dt.datetime(int(sm.group(1)), SEASON_MONTHS[sm.group(2)], 1)
        cat, _ = classify_interval(start, add_months(start, 3), "season", ref)
        return cat, "season", ("judged: suite gives no resolved value; season taken as "
                               "the meteorological (northern) season %s to %s" % (
                                   start.date(), add_months(start, 3).date()))
    if m and ref is not None:
        y = int(m.group(1))
        if y < ref.year:
            return "past", grain, "judged: suite gives no resolved value; year %d is before the reference" % y
    if grain in COARSE:
        return "vague", grain, "judged: suite gives no resolved value; %s grain" % grain
    return None, grain, "not resolved by the suite"


def case_reference(case):
    ctx = case.get("Context") or {}
    s = ctx.get("ReferenceDateTime")
    if not s:
        return None
    s = s.replace("Z", "")
    try:
        return dt.datetime.fromisoformat(s[:19])
    except ValueError:
        return None


def result_text(case, r):
    inp = case["Input"]
    start = r.get("Start")
    text = r.get("Text") or ""
    if isinstance(start, int):
        if "End" in r:
            cand = inp[start:r["End"] + 1]
        elif "Length" in r:
            cand = inp[start:start + r["Length"]]
        else:
            cand = None
        if cand is not None and cand.lower() == text.lower():
            return cand
    # fall back to locating the text in the input
    i = inp.lower().find(text.lower())
    if i >= 0:
        return inp[i:i + len(text)]
    return text


def not_supported_note(case):
    ns = (case.get("NotSupported") or "").lower()
    if "dotnet" in ns:
        return "suite marks this case NotSupported on every platform (expected value is aspirational)"
    return None


def load_recognizers(directory, locale, origin_prefix):
    records = []
    if not directory:
        return records
    names = sorted(os.listdir(directory))
    for fname in RECOGNIZERS_NEGATIVE_FILES:
        if fname not in names:
            continue
        path = os.path.join(directory, fname)
        cases = json.load(open(path, encoding="utf-8-sig"))
        for idx, case in enumerate(cases):
            origin = "%s/%s#%d" % (origin_prefix, fname, idx)
            ref = case_reference(case)
            results = case.get("Results") or []
            if not results:
                inp = case["Input"]
                if inp in RECOGNIZERS_NEGATIVE_EXCLUDE:
                    SKIPS["recognizers negative: " + RECOGNIZERS_NEGATIVE_EXCLUDE[inp]] += 1
                    continue
                if "CalendarMode" in (case.get("Comment") or ""):
                    SKIPS["recognizers negative: supported in CalendarMode"] += 1
                    continue
                notes = [n for n in (not_supported_note(case),) if n]
                if fname not in ("DateTimeModel.json", "DateTimeModelExtendedTypes.json",
                                 "MergedExtractor.json", "MergedParser.json"):
                    notes.append("empty result in %s" % fname)
                records.append(dict(source="recognizers", locale=locale,
                                    expression=inp.strip(),
                                    reference=iso(ref) if ref else None,
                                    category="negative", grain=None, resolved=None,
                                    note="; ".join(notes) or None, origin=origin))
                continue
            if fname not in RECOGNIZERS_POSITIVE_FILES:
                continue
            for r in merge_alternatives(case, results):
                rec = recognizers_record(case, r, ref)
                if rec is None:
                    continue
                rec.update(source="recognizers", locale=locale, origin=origin)
                records.append(rec)
    return records


def merge_alternatives(case, results):
    """Extended-types "datetimealt" results ("Tuesday or Wednesday morning") resolve
    each alternative from the whole phrase (ParentText), so one alternative's text
    alone does not carry its value.  Emit the parent phrase once instead, with
    the values of all its alternatives."""
    out = []
    groups = {}
    for r in results:
        parent = r.get("ParentText")
        if not parent:
            out.append(r)
            continue
        if parent not in groups:
            inp = case["Input"]
            i = inp.lower().find(parent.lower())
            text = inp[i:i + len(parent)] if i >= 0 else parent
            g = {"Text": text, "TypeName": "datetimealt", "Resolution": {"values": []},
                 "_alternatives": 0}
            groups[parent] = g
            out.append(g)
        g = groups[parent]
        g["_alternatives"] += 1
        g["Resolution"]["values"].extend((r.get("Resolution") or {}).get("values") or [])
    return out


def recognizers_record(case, r, ref):
    expr = result_text(case, r)
    tname, values = rec_values(r)
    if tname == "timezone":
        SKIPS["recognizers: time zone"] += 1
        return None
    if tname == "set":
        SKIPS["recognizers: recurring set"] += 1
        return None
    if not values:
        SKIPS["recognizers: no resolution"] += 1
        return None
    classified = []
    for v in values:
        cat, grain, note = classify_rec_value(v, ref, tname)
        classified.append((cat, grain, note, v))
    usable = [c for c in classified if c[0] is not None]
    if not usable:
        SKIPS["recognizers: " + classified[0][2]] += 1
        return None
    non_past = [c for c in usable if c[0] != "past"]
    chosen = non_past[0] if non_past else usable[0]
    cat, grain, note, v = chosen
    notes = [note] if note else []
    if r.get("_alternatives"):
        cats = sorted(set(c[0] for c in usable))
        notes.append("alternatives phrase (datetimealt, %d alternatives): %s" % (
            r["_alternatives"], ", ".join(cats)))
    elif len(values) > 1:
        cats = sorted(set(c[0] for c in usable))
        if len(cats) > 1:
            notes.append("suite lists %d candidate values (%s); classified by the %s one" % (
                len(values), ", ".join(cats), "first non-past" if non_past else "first"))
    nsn = not_supported_note(case)
    if nsn:
        notes.append(nsn)
    if BARE_NUMBER_RE.fullmatch(expr.strip()):
        notes.append("bare number: read as a time only from its sentence (see input)")
    resolved = {k: v[k] for k in sorted(v)}
    return dict(expression=expr, reference=iso(ref) if ref else None, category=cat,
                grain=grain, resolved=resolved, note="; ".join(notes) or None,
                input=case["Input"])


# --------------------------------------------------------------------------- main

SOURCE_RANK = {"duckling": 0, "recognizers": 1}
LOCALE_RANK = {"en": 0, "en-US": 1, "en-GB": 2}
KEY_ORDER = ["source", "locale", "expression", "reference", "category", "grain",
             "resolved", "note", "input", "origin"]


def keep(rec):
    e = rec["expression"]
    if not e or not e.strip():
        SKIPS["empty expression"] += 1
        return False
    if len(e) > MAX_LEN:
        SKIPS["over %d characters" % MAX_LEN] += 1
        return False
    if HOLIDAY_RE.search(e):
        SKIPS["holiday name"] += 1
        return False
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duckling", required=True, help="Duckling/Time/EN/Corpus.hs")
    ap.add_argument("--duckling-us", help="Duckling/Time/EN/US/Corpus.hs (en-US)")
    ap.add_argument("--duckling-gb", help="Duckling/Time/EN/GB/Corpus.hs (en-GB)")
    ap.add_argument("--recognizers", required=True, help="dir with Specs/DateTime/English/*.json")
    ap.add_argument("--recognizers-others",
                    help="dir with Specs/DateTime/EnglishOthers/*.json (en-GB)")
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "times",
        "time_expressions.jsonl"))
    args = ap.parse_args(argv)

    recs = []
    recs += load_duckling(args.duckling, "en", "Duckling/Time/EN/Corpus.hs")
    if args.duckling_us:
        recs += load_duckling(args.duckling_us, "en-US", "Duckling/Time/EN/US/Corpus.hs")
    if args.duckling_gb:
        recs += load_duckling(args.duckling_gb, "en-GB", "Duckling/Time/EN/GB/Corpus.hs")
    recs += load_recognizers(args.recognizers, "en-US", "Specs/DateTime/English")
    recs += load_recognizers(args.recognizers_others, "en-GB", "Specs/DateTime/EnglishOthers")

    recs = [r for r in recs if keep(r)]

    def prio(r):
        return (SOURCE_RANK[r["source"]], LOCALE_RANK.get(r["locale"], 9),
                r["reference"] or "", json.dumps(r.get("resolved"), sort_keys=True),
                r["origin"])

    best = {}
    for r in recs:
        k = (r["expression"], r["category"])
        if k not in best or prio(r) < prio(best[k]):
            best[k] = r
    dups = len(recs) - len(best)
    out = sorted(best.values(), key=lambda r: (
        SOURCE_RANK[r["source"]], r["category"], r["expression"].casefold(),
        r["expression"]))

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for r in out:
            obj = {k: r[k] for k in KEY_ORDER if r.get(k) is not None or k in (
                "grain", "resolved", "reference")}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    counts = collections.Counter((r["source"], r["category"]) for r in out)
    cats = ["specific-time", "specific-day", "vague", "past", "present", "negative"]
    print("wrote %d expressions to %s (%d duplicates dropped)" % (
        len(out), os.path.relpath(args.out), dups))
    print("%-12s %s %7s" % ("source", " ".join("%13s" % c for c in cats), "total"))
    for src in ("duckling", "recognizers"):
        row = [counts[(src, c)] for c in cats]
        print("%-12s %s %7d" % (src, " ".join("%13d" % n for n in row), sum(row)))
    row = [sum(counts[(s, c)] for s in ("duckling", "recognizers")) for c in cats]
    print("%-12s %s %7d" % ("all", " ".join("%13d" % n for n in row), sum(row)))
    multi = collections.Counter(r["expression"] for r in out)
    n_multi = sum(1 for e, n in multi.items() if n > 1)
    print("expressions listed under more than one category: %d" % n_multi)
    if SKIPS:
        print("skipped:", file=sys.stderr)
        for k, n in sorted(SKIPS.items()):
            print("  %5d  %s" % (n, k), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
