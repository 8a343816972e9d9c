#!/usr/bin/env python3
"""Day-by-day check of src/calendar/holidays.rs against python-holidays, 2001-01-01 .. 2099-12-31.

What it checks: for every calendar day of 2001-2099 (36,159 days), that our module and
the `holidays` package (PyPI, "python-holidays", Japan data 1949-2099) agree on whether
the day is a Japanese national holiday (国民の祝日, 振替休日 or 国民の休日; not the
bank holidays 12/31-1/3). Every disagreement is printed with both sides' names, then
the line "N passed, N failed"; the exit status is 1 on any disagreement.

Why that list is independent: python-holidays is written and maintained apart from
this project, in another language, and encodes the law differently. Its equinox days
come from a hand-made table of year ranges (not the astronomical formula we use), its
国民の休日 from per-era special cases (May 4 until 2006, September from 2007) and its
2019/2020/2021 days from explicit date lists, while we apply the law's general rules.

Usage (from anywhere; runs the example itself):
    python3 tests/holidays/check_holidays.py
or with the example's output already made:
    cargo run --quiet --example holidays -- 2001 2099 | python3 tests/holidays/check_holidays.py -
Needs: pip install holidays  (any version whose Japan data reaches 2099; 0.109 checked)
"""

import datetime
import pathlib
import subprocess
import sys

FIRST_YEAR, LAST_YEAR = 2001, 2099
ROOT = pathlib.Path(__file__).resolve().parents[2]


def ours(args):
    """{date: name} from examples/holidays.rs (lines 'YYYY-MM-DD<TAB>ja<TAB>en')."""
    if args == ["-"]:
        text = sys.stdin.read()
    else:
        cmd = ["cargo", "run", "--quiet", "--example", "holidays", "--",
               str(FIRST_YEAR), str(LAST_YEAR)]
        text = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout
    result = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        day = datetime.date.fromisoformat(fields[0])
        result[day] = " / ".join(fields[1:]) or "(holiday)"
    return result


def theirs():
    """{date: name} from python-holidays, Japan, public holidays only."""
    try:
        import holidays
    except ImportError:
        sys.exit("python-holidays is missing: pip install holidays")
    japan = holidays.country_holidays("JP", years=range(FIRST_YEAR, LAST_YEAR + 1),
                                      language="ja")
    end_year = getattr(holidays.JP, "end_year", None)
    if end_year is not None and end_year < LAST_YEAR:
        sys.exit(f"holidays {holidays.__version__}: Japan data ends in {end_year}, "
                 f"need {LAST_YEAR}: pip install -U holidays")
    return dict(japan.items())


def main(args):
    mine, ref = ours(args), theirs()
    day = datetime.date(FIRST_YEAR, 1, 1)
    end = datetime.date(LAST_YEAR, 12, 31)
    passed = failed = 0
    while day <= end:
        a, b = mine.get(day), ref.get(day)
        if (a is None) == (b is None):
            passed += 1
        else:
            failed += 1
            print(f"{day} {day.strftime('%a')}: ours={a or '-'}  python-holidays={b or '-'}")
        day += datetime.timedelta(days=1)
    stray = sorted(d for d in mine if not FIRST_YEAR <= d.year <= LAST_YEAR)
    if stray:
        print(f"example printed {len(stray)} dates outside {FIRST_YEAR}-{LAST_YEAR}, "
              f"first {stray[0]}")
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
