# W3-W6 of the side-by-side benchmark for SQLite and pandas: the spec's asylum records (domain.md §6.2, the same
# definition as tests/oracle/asylum_sql.mjs) and the §8 backlog, computed from the base tables on every run.
# Prints one JSON object: the preparation time, then per workload the median time over the runs and the answer
# (counts g = grants, d = denials, l = CAT-only, o = other decisions; the backlog as pending per court).
#   sqlite: SOURCE is the database file of W1 (`.import` of the raw files, every column text); the typed base
#           tables p, c, a are built from it once (the preparation), then every query joins them, in-process.
#   pandas: SOURCE is the release folder; the three files are read into frames once (the preparation).
# Usage: /usr/bin/python3 asylum_peers.py sqlite|pandas SOURCE FROM TO COURT RUNS
import csv
import json
import os
import sqlite3
import statistics
import sys
import time

engine, source, win_from, win_to, court, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
BACKLOG_TYPES = ("RMV", "DEP", "EXC", "AOC", "WHO")
# APPL_DEC -> class by precedence (0 grant, 1 deny, 2 CAT only, 3 abandoned, 4 withdrawn, 5 other, 6 not
# adjudicated, 7 procedural, 8 pending); a missing decision is pending, an unknown one "other".
CLASSES = {"G": 0, "F": 0, "C": 0, "I": 0, "P": 0, "D": 1, "L": 2, "A": 3, "W": 4, "O": 5, "M": 6, "S": 7, "T": 7, "R": 8}


def timed(fn):
    """Runs fn once to warm up, then `runs` times (once when the warm-up took over 5 s); median ms, last answer."""
    t0 = time.perf_counter()
    out = fn()
    n = runs if time.perf_counter() - t0 < 5 else 1
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return {"ms": statistics.median(times), "runs": n, "rows": out}


def sqlite_engine():
    con = sqlite3.connect(source)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    day = lambda c: f"CASE WHEN date(substr(trim({c}), 1, 10)) = substr(trim({c}), 1, 10) THEN substr(trim({c}), 1, 10) END"
    code = lambda c: f"NULLIF(trim({c}), '')"
    t0 = time.perf_counter()
    con.executescript(f"""
      DROP TABLE IF EXISTS p; DROP TABLE IF EXISTS c; DROP TABLE IF EXISTS a;
      CREATE TABLE p(pid INTEGER PRIMARY KEY, cid INTEGER, comp TEXT, received TEXT, ctype TEXT, dcode TEXT,
                     oc TEXT, court TEXT, judge TEXT, pnat TEXT);
      INSERT INTO p SELECT CAST(IDNPROCEEDING AS INTEGER), CAST(IDNCASE AS INTEGER), {day('COMP_DATE')},
        {day('INPUT_DATE')}, {code('CASE_TYPE')}, {code('DEC_CODE')}, {code('OTHER_COMP')}, {code('BASE_CITY_CODE')},
        {code('IJ_CODE')}, {code('NAT')} FROM B_TblProceeding;
      CREATE TABLE c(cid INTEGER PRIMARY KEY, nat TEXT);
      INSERT INTO c SELECT CAST(IDNCASE AS INTEGER), {code('NAT')} FROM A_TblCase;
      CREATE TABLE a AS SELECT CAST(IDNPROCEEDING AS INTEGER) pid, trim(APPL_CODE) code, {code('APPL_DEC')} d
        FROM tbl_Court_Appln;
    """)
    prepare_ms = (time.perf_counter() - t0) * 1000
    k = ("CASE " + " ".join(f"WHEN d = '{v}' THEN {n}" for v, n in CLASSES.items() if v != "R")
         + " WHEN d = 'R' OR d IS NULL THEN 8 ELSE 5 END")
    records = f"""(SELECT p.*, coalesce(c.nat, p.pnat) AS nat, cls.k FROM
        (SELECT pid, min({k}) k FROM a WHERE code = 'ASYL' GROUP BY pid) cls
        JOIN p USING (pid) LEFT JOIN c USING (cid)
        WHERE p.comp IS NOT NULL AND (p.dcode IS NOT NULL OR p.oc IS NOT NULL))"""
    counts = "sum(k = 0) g, sum(k = 1) d, sum(k = 2) l, sum(k IN (3, 4, 5, 6)) o"
    window = f"comp BETWEEN '{win_from}' AND '{win_to}'"

    def rows(sql, keys):
        return [dict(zip(keys, r)) for r in con.execute(sql)]

    def w3():
        one = rows(f"SELECT {counts} FROM {records} WHERE {window} AND nat = 'HO'", "gdlo")
        every = rows(f"SELECT {counts} FROM {records} WHERE {window}", "gdlo")
        return one + every

    fy = "CAST(substr(comp, 1, 4) AS INTEGER) + (substr(comp, 6, 2) >= '10')"
    types = ", ".join(f"'{t}'" for t in BACKLOG_TYPES)
    answers = {
        "W3": timed(w3),
        "W6": timed(lambda: rows(f"SELECT nat, {fy} fy, {counts} FROM {records} GROUP BY 1, 2",
                                 ["nat", "fy", "g", "d", "l", "o"])),
        "W4": timed(lambda: rows(f"SELECT coalesce(judge, '') judge, {counts} FROM {records} WHERE {window} "
                                 f"AND court = '{court}' GROUP BY 1", ["judge", "g", "d", "l", "o"])),
        "W5": timed(lambda: rows(f"SELECT coalesce(court, '') court, count(*) FROM p WHERE received <= '{win_to}' "
                                 f"AND (comp IS NULL OR comp > '{win_to}') AND ctype IN ({types}) GROUP BY 1",
                                 ["court", "pending"])),
    }
    con.execute("DROP TABLE p")
    con.execute("DROP TABLE c")
    con.execute("DROP TABLE a")
    con.close()
    return prepare_ms, answers


def pandas_engine():
    import pandas as pd

    paths = {}
    for root, _, files in os.walk(source):
        for f in files:
            paths[f.lower()] = os.path.join(root, f)

    def read(table, columns):
        df = pd.read_csv(paths[table.lower() + ".csv"], sep="\t", usecols=columns, dtype=str, quoting=csv.QUOTE_NONE,
                         keep_default_na=False, encoding="cp1252", engine="c")
        for col in columns:
            df[col] = df[col].str.strip(" ").replace("", None)
        return df

    def day(s):
        return pd.to_datetime(s.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")

    t0 = time.perf_counter()
    p = read("B_TblProceeding", ["IDNPROCEEDING", "IDNCASE", "COMP_DATE", "INPUT_DATE", "CASE_TYPE", "DEC_CODE",
                                 "OTHER_COMP", "BASE_CITY_CODE", "IJ_CODE", "NAT"])
    p = pd.DataFrame({"pid": p.IDNPROCEEDING.astype("int64"), "cid": pd.to_numeric(p.IDNCASE).astype("Int64"),
                      "comp": day(p.COMP_DATE), "received": day(p.INPUT_DATE), "ctype": p.CASE_TYPE.astype("category"),
                      "dcode": p.DEC_CODE.astype("category"), "oc": p.OTHER_COMP.astype("category"),
                      "court": p.BASE_CITY_CODE.astype("category"), "judge": p.IJ_CODE.astype("category"),
                      "pnat": p.NAT.astype("category")})
    c = read("A_TblCase", ["IDNCASE", "NAT"])
    c = pd.DataFrame({"cid": pd.to_numeric(c.IDNCASE).astype("Int64"), "nat": c.NAT.astype("category")})
    a = read("tbl_Court_Appln", ["IDNPROCEEDING", "APPL_CODE", "APPL_DEC"])
    a = pd.DataFrame({"pid": a.IDNPROCEEDING.astype("int64"), "code": a.APPL_CODE.astype("category"),
                      "d": a.APPL_DEC.astype("category")})
    prepare_ms = (time.perf_counter() - t0) * 1000
    lo, hi = pd.Timestamp(win_from), pd.Timestamp(win_to)

    def records():
        asyl = a[a.code == "ASYL"]
        k = asyl.d.astype(object).map(CLASSES).fillna(5).where(asyl.d.notna(), 8).astype("int8")
        cls = k.groupby(asyl.pid).min().rename("k")
        done = p[p.comp.notna() & (p.dcode.notna() | p.oc.notna())]
        rec = done.join(cls, on="pid", how="inner").merge(c, on="cid", how="left")
        rec["nat"] = rec.nat.astype(object).where(rec.nat.notna(), rec.pnat.astype(object))
        return rec

    def counts(df, keys):
        k = df.k
        out = pd.DataFrame({"g": k.eq(0), "d": k.eq(1), "l": k.eq(2), "o": k.between(3, 6)})
        if not keys:
            return [{x: int(v) for x, v in out.sum().items()}]
        for key in keys:
            out[key] = df[key].values
        grouped = out.groupby(keys, dropna=False, observed=True).sum().reset_index()
        return [{x: None if pd.isna(v) else int(v) if x in ("g", "d", "l", "o", "fy") else v for x, v in r.items()}
                for r in grouped.to_dict("records")]

    def w3():
        rec = records()
        win = rec[rec.comp.between(lo, hi)]
        return counts(win[win.nat == "HO"], []) + counts(win, [])

    def w6():
        rec = records()
        rec["fy"] = rec.comp.dt.year + (rec.comp.dt.month >= 10)
        return counts(rec, ["nat", "fy"])

    def w4():
        rec = records()
        win = rec[rec.comp.between(lo, hi) & (rec.court == court)].copy()
        win["judge"] = win.judge.astype(object).fillna("")
        return counts(win, ["judge"])

    def w5():
        pend = p[(p.received <= hi) & (p.comp.isna() | (p.comp > hi)) & p.ctype.isin(BACKLOG_TYPES)]
        by = pend.court.astype(object).fillna("").value_counts()
        return [{"court": k, "pending": int(v)} for k, v in by.items()]

    return prepare_ms, {"W3": timed(w3), "W6": timed(w6), "W4": timed(w4), "W5": timed(w5)}


prepare_ms, answers = sqlite_engine() if engine == "sqlite" else pandas_engine()
print(json.dumps({"engine": engine, "prepare_ms": prepare_ms, "answers": answers}))
