// Times two pathological workspaces of issue 10 with the built CLI: the symlink DAG (folders d0…d20,
// each with two links to the next) and the .gitignore line a/**/**/…/b over a 30-level folder.
// (server/test/engine/discover.test.ts checks both; this prints wall-clock and engine times.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/phi-guard.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-dag-'));
for (let i = 0; i <= 20; i++) fs.mkdirSync(path.join(root, `d${i}`));
for (let i = 0; i < 20; i++) { fs.symlinkSync(`../d${i + 1}`, path.join(root, `d${i}`, 'a')); fs.symlinkSync(`../d${i + 1}`, path.join(root, `d${i}`, 'b')); }
fs.writeFileSync(path.join(root, 'd20', 'leak.ts'), 'export function f(patient: { ssn: string }) { console.log(patient.ssn); }\n');
const time = (args, cwd) => { const t = performance.now(); let out; try { out = execFileSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' }); } catch (e) { out = e.stdout; } return [performance.now() - t, out]; };
const [dagMs, dagOut] = time(['scan', 'd0', '-f', 'json'], root);
const dag = JSON.parse(dagOut);
console.log(`symlink DAG: scan d0 ${Math.round(dagMs)} ms wall (engine ${dag.summary.durationMs} ms), ${dag.summary.filesScanned} files, ${dag.findings.length} findings, ${dag.skipped.length} skips`);
for (const [label, args, cwd] of [['scan d0 --follow-external-links', ['scan', 'd0', '--follow-external-links', '-f', 'json'], root], ['scan . (the folder holding d0…d20)', ['scan', '.', '-f', 'json'], root]]) {
  const [ms, out] = time(args, cwd);
  const r = JSON.parse(out);
  console.log(`symlink DAG: ${label} ${Math.round(ms)} ms wall (engine ${r.summary.durationMs} ms), ${r.summary.filesScanned} files, ${r.findings.length} findings, skips ${JSON.stringify(r.summary.skippedByReason)}`);
}
const g = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-ignore-'));
const deep = Array.from({ length: 30 }, (_, i) => `l${i}`).join('/');
fs.mkdirSync(path.join(g, 'a', deep, 'b'), { recursive: true });
fs.writeFileSync(path.join(g, '.gitignore'), 'a/**/**/**/**/**/**/**/**/**/**/**/**/b\n');
fs.writeFileSync(path.join(g, 'a', deep, 'x.ts'), 'export const x = 1;\n');
fs.writeFileSync(path.join(g, 'a', deep, 'b', 'y.ts'), 'export const y = 1;\n');
const [ignMs, ignOut] = time(['scan', '.', '-f', 'json'], g);
const ign = JSON.parse(ignOut);
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-noignore-'));
fs.writeFileSync(path.join(base, 'x.ts'), 'export const x = 1;\n');
const [baseMs] = time(['scan', '.', '-f', 'json'], base);
console.log(`gitignore a/**/**/…/b with a 30-level folder: ${Math.round(ignMs)} ms wall (engine ${ign.summary.durationMs} ms; a one-file scan ${Math.round(baseMs)} ms wall), ${ign.summary.filesScanned} scanned, skipped ${JSON.stringify(ign.skipped.map((s) => s.file + ' ' + s.reason))}`);
for (const d of [root, g, base]) fs.rmSync(d, { recursive: true, force: true });
