"""Fill tonghop templates with openpyxl, the way a person typing in Excel would.

Used by openpyxl_test.go: python3 openpyxl_fill.py jobs.json

jobs.json is a list of jobs:
  {"in": "template.xlsx", "out": "filled.xlsx",
   "writes": [{"sheet": "...", "cell": "B5", "value": ..., "kind": "text|number|date|percent"}],
   "delete_sheets": ["_tonghop"], "delete_names": "TONGHOP_", "iso_dates": false,
   "allow_general": false}

delete_names removes the workbook-level defined names starting with that prefix. allow_general
lets dates and percents go into cells with the General format (rows below the template's
formatted ones); openpyxl then gives a date its default date format, and a percent gets "0.00%",
as Excel formats a cell where "85,5%" is typed.

Kinds: text is typed as a string; number as a float; date ("YYYY-MM-DD") as a datetime, into a
cell the template already formats as a date; percent as the fraction Excel stores for "85,5%",
into a cell the template already formats as a percent. A cell whose format does not fit its
kind is an error: the template should have prepared it.

Exit status 77 means openpyxl is not installed (the Go test skips).
"""

import datetime
import json
import sys

try:
    import openpyxl
    from openpyxl.styles.numbers import is_date_format
except ImportError:
    sys.stderr.write("openpyxl is not installed for %s\n" % sys.executable)
    sys.exit(77)


def typed(cell, kind, value, allow_general):
    """Return the Python value a person's typing stores in cell, checking its format."""
    fmt = cell.number_format
    if allow_general and fmt == "General":
        if kind == "percent":
            cell.number_format = fmt = "0.00%"
        if kind == "date":
            return datetime.datetime.strptime(value, "%Y-%m-%d")
    if kind == "date":
        if not is_date_format(fmt):
            raise ValueError("%s: format %r is not a date format" % (cell.coordinate, fmt))
        return datetime.datetime.strptime(value, "%Y-%m-%d")
    if kind == "percent":
        if "%" not in fmt:
            raise ValueError("%s: format %r is not a percent format" % (cell.coordinate, fmt))
        return float(value)
    if kind == "number":
        return float(value)
    if kind == "text":
        return str(value)
    raise ValueError("unknown kind %r" % kind)


def run(job):
    wb = openpyxl.load_workbook(job["in"])
    for w in job["writes"]:
        cell = wb[w["sheet"]][w["cell"]]
        cell.value = typed(cell, w["kind"], w["value"], job.get("allow_general"))
    for name in job.get("delete_sheets") or []:
        del wb[name]
    prefix = job.get("delete_names")
    if prefix:
        names = wb.defined_names.definedName
        wb.defined_names.definedName = [
            n for n in names if not (n.localSheetId is None and n.name.startswith(prefix))
        ]
    if job.get("iso_dates"):
        wb.iso_dates = True  # write dates as t="d" ISO 8601 cells instead of serials
    wb.save(job["out"])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    for job in jobs:
        try:
            run(job)
        except Exception as e:  # name the job: one process fills every workbook
            sys.stderr.write("%s: %s: %s\n" % (job["out"], type(e).__name__, e))
            sys.exit(1)


if __name__ == "__main__":
    main()
