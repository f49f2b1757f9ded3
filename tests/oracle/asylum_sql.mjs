// The spec's asylum definitions (domain.md §6.1, §6.2, §7.1, §7.3) as DuckDB SQL over the raw release files,
// shared by the correctness oracle and the benchmark. Written from the spec, not from immstats' code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function findFile(dir, name) {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) { const f = findFile(p, name); if (f) return f; }
    else if (e.toLowerCase() === name.toLowerCase()) return p;
  }
  return null;
}

const csv = (dir, name) =>
  `read_csv('${findFile(dir, name)}', delim='\t', header=true, all_varchar=true, quote='', escape='')`;
const day = (col) => `TRY_CAST(substr(trim(${col}), 1, 10) AS DATE)`;

// Base tables as the spec reads them: trimmed codes, empty = NULL, dates from the first ten characters.
export async function loadBaseTables(con, releaseDir) {
  await con.run(`CREATE TABLE p AS SELECT CAST(IDNPROCEEDING AS BIGINT) pid, CAST(IDNCASE AS BIGINT) cid,
    ${day('COMP_DATE')} comp, ${day('INPUT_DATE')} received, NULLIF(trim(CASE_TYPE), '') ctype, NULLIF(trim(DEC_CODE), '') AS dcode, NULLIF(trim(OTHER_COMP), '') oc,
    NULLIF(trim(BASE_CITY_CODE), '') court, NULLIF(trim(IJ_CODE), '') judge, NULLIF(trim(CUSTODY), '') custody,
    NULLIF(trim(NAT), '') pnat FROM ${csv(releaseDir, 'B_TblProceeding.csv')}`);
  await con.run(`CREATE TABLE c AS SELECT CAST(IDNCASE AS BIGINT) cid, NULLIF(trim(NAT), '') nat
    FROM ${csv(releaseDir, 'A_TblCase.csv')}`);
  await con.run(`CREATE TABLE a AS SELECT CAST(IDNPROCEEDING AS BIGINT) pid, trim(APPL_CODE) code,
    NULLIF(trim(APPL_DEC), '') d FROM ${csv(releaseDir, 'tbl_Court_Appln.csv')}`);
}

// §6.2 records: one per completed proceeding with an ASYL application, class k by precedence (0 = GRANT,
// 1 = DENY, 2 = CAT_ONLY, 3 ABANDONED, 4 WITHDRAWN, 5 OTHER, 6 NOT_ADJ, 7 PROCEDURAL, 8 PENDING); nth = 1 for
// the case's last completed record (only when `withNth`: the window function costs a sort).
export const recordsSql = (withNth = true) => `
  WITH cls AS (SELECT pid, min(CASE WHEN d IN ('G','F','C','I','P') THEN 0 WHEN d = 'D' THEN 1
      WHEN d = 'L' THEN 2 WHEN d = 'A' THEN 3 WHEN d = 'W' THEN 4 WHEN d = 'O' THEN 5 WHEN d = 'M' THEN 6
      WHEN d IN ('S','T') THEN 7 WHEN d = 'R' OR d IS NULL THEN 8 ELSE 5 END) AS k
    FROM a WHERE code = 'ASYL' GROUP BY pid)
  SELECT p.*, coalesce(c.nat, p.pnat) AS nat, cls.k${withNth ? `,
    row_number() OVER (PARTITION BY p.cid ORDER BY p.comp DESC, (p.dcode IS NOT NULL) DESC, p.pid DESC) AS nth` : ''}
  FROM cls JOIN p USING (pid) LEFT JOIN c USING (cid)
  WHERE p.comp IS NOT NULL AND (p.dcode IS NOT NULL OR p.oc IS NOT NULL)`;

// TRAC and EOIR counts over `source` (a table or a parenthesised query of records) for the WHERE terms.
export function countsSql(source, where) {
  return `SELECT count(*) FILTER (WHERE k = 0) g, count(*) FILTER (WHERE k = 1) d, count(*) FILTER (WHERE k = 2) l,
    count(*) FILTER (WHERE k IN (3, 4, 5, 6)) o FROM ${source} WHERE ${where.join(' AND ') || 'true'}`;
}

// §8 backlog: proceedings of EOIR's case-type series received (INPUT_DATE) on or before `asOf` and not
// completed by then, per court.
export const pendingByCourtSql = (asOf) => `SELECT coalesce(court, '') court, count(*) pending FROM p
  WHERE received <= DATE '${asOf}' AND (comp IS NULL OR comp > DATE '${asOf}')
    AND ctype IN ('RMV', 'DEP', 'EXC', 'AOC', 'WHO') GROUP BY ALL`;

// What immstats prints for those counts (decisions_TRAC counts CAT-only as a denial, EOIR's other includes it).
export function expectedFields(s) {
  return { decisions_TRAC: Number(s.g + s.d + s.l), grants: Number(s.g), grants_EOIR: Number(s.g),
    denials_EOIR: Number(s.d), other_EOIR: Number(s.l + s.o) };
}
