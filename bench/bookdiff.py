#!/usr/bin/env python3
"""Compares two workbooks part by part: the same parts, each with the same bytes once the
time it was built at is masked (the "Lập lúc" line and the document properties' dates).
Used to show that a change to how the consolidated workbook is written leaves its content
as it was: bench/bookdiff.py before.xlsx after.xlsx (exit status 1 on a difference)."""
import re
import sys
import zipfile

MASKS = [
    (re.compile(rb"L\xe1\xba\xadp l\xc3\xbac \d\d:\d\d ng\xc3\xa0y \d\d/\d\d/\d{4}"), b"L\xe1\xba\xadp l\xc3\xbac <time>"),
    (re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*"), rb"\1<time>"),
    (re.compile(rb'(name="tonghop.built_at"><vt:lpwstr>)[^<]*'), rb"\1<time>"),
]


def parts(name):
    with zipfile.ZipFile(name) as z:
        out = {}
        for info in z.infolist():
            data = z.read(info)
            for pattern, repl in MASKS:
                data = pattern.sub(repl, data)
            out[info.filename] = data
        return out


def first_difference(a, b):
    n = min(len(a), len(b))
    i = next((i for i in range(n) if a[i] != b[i]), n)
    return i, a[max(0, i - 120):i + 120], b[max(0, i - 120):i + 120]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bookdiff.py BEFORE.xlsx AFTER.xlsx")
    a, b = parts(sys.argv[1]), parts(sys.argv[2])
    same = True
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            print(f"{name}: only in {'the first' if name in a else 'the second'}")
            same = False
        elif a[name] != b[name]:
            at, x, y = first_difference(a[name], b[name])
            print(f"{name}: differs at byte {at} ({len(a[name])} and {len(b[name])} bytes)\n  {x!r}\n  {y!r}")
            same = False
    print(f"{len(a)} and {len(b)} parts: {'the same' if same else 'DIFFERENT'}")
    sys.exit(0 if same else 1)


main()
