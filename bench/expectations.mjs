// Expectations of a fixture workspace (test-fixtures/demo-clinic), for tests that compare a scan with them.
//
// In code files, an intended finding is a trailing marker on the line the finding starts on:
//     console.log('new intake', ssn, dateOfBirth); // expect: no-phi-in-logs
//     foo(x); // expect: rule-a, rule-b        (two findings on one line)
// and a trap (code that must stay silent) is marked with
//     logger.info('patient search', { patientCount }); // safe: a count
// JSON files cannot hold comments, so their rows live in the folder's EXPECTED.md, under the headings
// "## Intended findings" and "## Traps", as table rows `| file.json | line | rule-or-what | … |`; the cell
// with a backticked anchor (e.g. `"logLevel": "debug"`) must occur on that line, so stale line numbers
// are caught.
//
// API:
//   readExpectations(dir) -> [{ file, line, ruleId }]            sorted; file is dir-relative POSIX
//   readTraps(dir)        -> [{ file, line, reason }]
//   compareFindings(expectations, findings, { traps }) -> { matched, missing, unexpected, trapHits }
//   verifyExpectedMd(dir) -> [problem]   EXPECTED.md's code tables vs the markers (should be empty)
//        findings: the engine's Finding objects (ruleId, file, range.start.line); suppressed ones ignored.
//
// CLI:
//   node bench/expectations.mjs [dir]              prints expectations and traps as Markdown tables
//   node bench/expectations.mjs [dir] --verify     checks EXPECTED.md's code tables against the markers
//   node bench/expectations.mjs [dir] --check      scans dir with dist/engine.js and compares (exit 1 on
//                                                  missing/unexpected findings)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;
const JSON_EXT = /\.jsonc?$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.git', '.next', 'coverage']);
const EXPECT_RE = /\/\/\s*expect:\s*([a-z0-9]+(?:-[a-z0-9]+)*(?:\s*,\s*[a-z0-9]+(?:-[a-z0-9]+)*)*)\s*$/;
const SAFE_RE = /\/\/\s*safe:\s*(.+?)\s*$/;

function walk(dir, root = dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), root, out);
    } else if (entry.isFile()) {
      out.push(path.relative(root, path.join(dir, entry.name)).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

function markers(dir, re) {
  const rows = [];
  for (const file of walk(dir)) {
    if (!CODE_EXT.test(file)) continue;
    const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      const m = re.exec(text);
      if (m) rows.push({ file, line: i + 1, value: m[1] });
    });
  }
  return rows;
}

/** Table rows of EXPECTED.md for files that cannot hold comments, by section. */
function markdownRows(dir) {
  const mdPath = path.join(dir, 'EXPECTED.md');
  const result = { findings: [], traps: [] };
  if (!existsSync(mdPath)) return result;
  let section = null;
  for (const text of readFileSync(mdPath, 'utf8').split(/\r?\n/)) {
    const heading = /^##\s+(.*)$/.exec(text);
    if (heading) {
      const h = heading[1].toLowerCase();
      section = h.startsWith('intended findings') ? 'findings' : h.startsWith('traps') ? 'traps' : null;
      continue;
    }
    if (!section || !text.startsWith('|')) continue;
    const cells = text.split('|').slice(1, -1).map((c) => c.trim());
    const file = cells[0]?.replace(/`/g, '');
    if (!file || !JSON_EXT.test(file) || !/^\d+$/.test(cells[1] ?? '')) continue;
    const line = Number(cells[1]);
    const anchorCell = cells.slice(2).find((c) => /`[^`]+`/.test(c) && !/^`?no-[a-z-]+`?$/.test(c));
    const anchor = anchorCell ? /`([^`]+)`/.exec(anchorCell)[1] : null;
    const fileLines = readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    if (anchor && !(fileLines[line - 1] ?? '').includes(anchor)) {
      throw new Error(`EXPECTED.md: ${file}:${line} does not contain ${anchor} (line numbers out of date?)`);
    }
    if (section === 'findings') {
      result.findings.push({ file, line, ruleId: cells[2].replace(/`/g, '') });
    } else {
      result.traps.push({ file, line, reason: cells[cells.length - 1] });
    }
  }
  return result;
}

const byPosition = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');

export function readExpectations(dir) {
  const rows = [];
  for (const m of markers(dir, EXPECT_RE)) {
    for (const ruleId of m.value.split(',').map((s) => s.trim())) rows.push({ file: m.file, line: m.line, ruleId });
  }
  rows.push(...markdownRows(dir).findings);
  return rows.sort(byPosition);
}

export function readTraps(dir) {
  const rows = markers(dir, SAFE_RE).map((m) => ({ file: m.file, line: m.line, reason: m.value }));
  rows.push(...markdownRows(dir).traps);
  return rows.sort(byPosition);
}

/**
 * Compares findings with expectations. A finding matches an expectation with the same file, start line and
 * rule id (each expectation matches at most one finding). `fileOf` maps a finding to a dir-relative path
 * (default: its `file`, with everything up to and including `stripPrefix` removed).
 */
export function compareFindings(expectations, findings, { traps = [], stripPrefix = '' } = {}) {
  const rel = (f) => {
    const file = f.file.split('\\').join('/');
    const at = stripPrefix ? file.indexOf(stripPrefix) : -1;
    return at >= 0 ? file.slice(at + stripPrefix.length) : file;
  };
  const open = expectations.map((e) => ({ ...e, hit: false }));
  const matched = [];
  const unexpected = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    const file = rel(f);
    const line = f.range.start.line;
    const e = open.find((x) => !x.hit && x.file === file && x.line === line && x.ruleId === f.ruleId);
    if (e) {
      e.hit = true;
      matched.push({ file, line, ruleId: f.ruleId });
    } else {
      unexpected.push({ file, line, ruleId: f.ruleId, message: f.message });
    }
  }
  const missing = open.filter((e) => !e.hit).map(({ hit, ...e }) => e);
  const trapHits = unexpected.filter((u) => traps.some((t) => t.file === u.file && t.line === u.line));
  return { matched, missing, unexpected, trapHits };
}

/**
 * Differences between the code rows of EXPECTED.md (meant for people) and the markers in the sources
 * (the truth): rows that name a line without a matching marker, and markers missing from the tables.
 */
export function verifyExpectedMd(dir) {
  const mdPath = path.join(dir, 'EXPECTED.md');
  if (!existsSync(mdPath)) return ['EXPECTED.md is missing'];
  const mdFindings = new Set();
  const mdTraps = new Set();
  let section = null;
  for (const text of readFileSync(mdPath, 'utf8').split(/\r?\n/)) {
    const heading = /^##\s+(.*)$/.exec(text);
    if (heading) {
      const h = heading[1].toLowerCase();
      section = h.startsWith('intended findings') ? 'findings' : h.startsWith('traps') ? 'traps' : null;
      continue;
    }
    if (!section || !text.startsWith('|')) continue;
    const cells = text.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
    if (!CODE_EXT.test(cells[0] ?? '') || !/^\d+$/.test(cells[1] ?? '')) continue;
    if (section === 'findings') mdFindings.add(`${cells[0]}:${cells[1]} ${cells[2]}`);
    else mdTraps.add(`${cells[0]}:${cells[1]}`);
  }
  const problems = [];
  const code = (f) => CODE_EXT.test(f.file);
  const markerFindings = new Set(readExpectations(dir).filter(code).map((e) => `${e.file}:${e.line} ${e.ruleId}`));
  const markerTraps = new Set(readTraps(dir).filter(code).map((t) => `${t.file}:${t.line}`));
  for (const k of markerFindings) if (!mdFindings.has(k)) problems.push(`EXPECTED.md lacks finding ${k}`);
  for (const k of mdFindings) if (!markerFindings.has(k)) problems.push(`EXPECTED.md lists finding ${k} without an expect marker`);
  for (const k of markerTraps) if (!mdTraps.has(k)) problems.push(`EXPECTED.md lacks trap ${k}`);
  for (const k of mdTraps) if (!markerTraps.has(k)) problems.push(`EXPECTED.md lists trap ${k} without a safe marker`);
  return problems;
}

function markdown(dir) {
  const out = ['| file | line | rule |', '| --- | --- | --- |'];
  for (const e of readExpectations(dir)) out.push(`| ${e.file} | ${e.line} | \`${e.ruleId}\` |`);
  out.push('', '| file | line | why it must stay silent |', '| --- | --- | --- |');
  for (const t of readTraps(dir)) out.push(`| ${t.file} | ${t.line} | ${t.reason} |`);
  return out.join('\n');
}

async function check(dir) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const enginePath = path.join(here, '..', 'dist', 'engine.js');
  if (!existsSync(enginePath)) throw new Error('dist/engine.js is missing: run `node esbuild.mjs` first');
  const engine = await import(pathToFileURL(enginePath).href);
  const scanWorkspace = engine.scanWorkspace ?? engine.default?.scanWorkspace;
  const result = await scanWorkspace({ paths: [dir], cwd: dir });
  for (const problem of verifyExpectedMd(dir)) console.log(`warning: ${problem}`);
  const expectations = readExpectations(dir);
  const traps = readTraps(dir);
  const { matched, missing, unexpected, trapHits } = compareFindings(expectations, result.findings, { traps });
  const show = (rows) => rows.map((r) => `  ${r.file}:${r.line}  ${r.ruleId}${r.message ? `  ${r.message}` : ''}`).join('\n');
  console.log(`expected ${expectations.length}, matched ${matched.length}, missing ${missing.length}, unexpected ${unexpected.length} (on traps: ${trapHits.length})`);
  if (missing.length) console.log(`missing:\n${show(missing)}`);
  if (unexpected.length) console.log(`unexpected:\n${show(unexpected)}`);
  if (result.skipped?.length) console.log(`skipped:\n${result.skipped.map((s) => `  ${s.file} ${s.reason} ${s.detail}`).join('\n')}`);
  return missing.length === 0 && unexpected.length === 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dirArg = args.find((a) => !a.startsWith('--'));
  const dir = path.resolve(dirArg ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-fixtures', 'demo-clinic'));
  if (args.includes('--check')) {
    check(dir).then((ok) => (process.exitCode = ok ? 0 : 1), (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 2;
    });
  } else if (args.includes('--verify')) {
    const problems = verifyExpectedMd(dir);
    for (const p of problems) console.log(p);
    process.exitCode = problems.length ? 1 : 0;
  } else {
    console.log(markdown(dir));
  }
}
