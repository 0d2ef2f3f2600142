// The house's doors go one way (docs/architecture.md): client → shared ← server; cli and lsp → Project
// (the engine's public face) → engine ← rules (through the rule API); and no module imports itself
// back through a circle. This test reads every import of the source (type-only imports included) and
// fails on a door in the wrong direction or a cycle.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '../..');

type Layer = 'core' | 'vocabulary' | 'rule-api' | 'engine' | 'report' | 'shared' | 'lsp' | 'cli' | 'api' | 'rules' | 'client';

/** Which layers a layer may import (besides itself). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: [],
  shared: [],
  vocabulary: ['core'],
  'rule-api': ['core', 'vocabulary'],
  engine: ['core', 'vocabulary', 'rule-api', 'shared'],
  report: ['core', 'rule-api'],
  lsp: ['engine', 'report', 'shared'],
  cli: ['engine', 'report', 'lsp', 'api'],
  api: ['engine', 'rules'],
  rules: ['rule-api'],
  client: ['shared'],
};

/** Entry modules through which a layer may be imported from outside it; others are internals. */
const PUBLIC_ENTRIES: Partial<Record<Layer, readonly string[]>> = {
  engine: ['server/src/engine/index.ts'],
  'rule-api': ['server/src/rule-api/index.ts'],
  rules: ['rules/index.ts'],
};
/** Layers whose internals other layers may import only through their entries, with the exceptions allowed. */
const ENTRY_ONLY_FROM: Partial<Record<Layer, readonly Layer[]>> = {
  // The engine implements the rule API and so uses its parts directly; rules go through its index.
  'rule-api': ['rules'],
  engine: ['lsp', 'cli', 'api'],
  rules: ['api'],
};

function layerOf(file: string): Layer | undefined {
  const posix = file.split(path.sep).join('/');
  if (posix === 'server/src/api.ts') return 'api';
  const match = /^server\/src\/(core|vocabulary|rule-api|engine|report|shared|lsp|cli)\//.exec(posix);
  if (match) return match[1] as Layer;
  if (posix.startsWith('rules/') && !posix.startsWith('rules/tests/')) return 'rules';
  if (posix.startsWith('client/src/')) return 'client';
  return undefined;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.ts$/.test(entry.name)) out.push(relative);
  }
  return out;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(REPO, candidate)) && fs.statSync(path.join(REPO, candidate)).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(REPO, file), 'utf8'), true, true);
  return info.importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target): target is string => target !== undefined && /\.ts$/.test(target));
}

const files = [...sourceFiles('server/src'), ...sourceFiles('rules').filter((file) => !file.startsWith(`rules${path.sep}tests`)), ...sourceFiles('client/src')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('architecture: import directions and cycles', () => {
  it('imports only go down the layers, and into other layers only through their public entries', () => {
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      if (!from) continue;
      for (const target of targets) {
        const to = layerOf(target);
        if (!to || to === from) continue;
        if (!ALLOWED[from].includes(to)) violations.push(`${file} (${from}) imports ${target} (${to})`);
        else if (ENTRY_ONLY_FROM[to]?.includes(from) && !PUBLIC_ENTRIES[to]!.includes(target.split(path.sep).join('/'))) {
          violations.push(`${file} (${from}) imports ${to} internals: ${target} (use ${PUBLIC_ENTRIES[to]!.join(' or ')})`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });

  it('the engine imports no rule, no editor and no front end', () => {
    const engineImports = [...graph].filter(([file]) => layerOf(file) === 'engine').flatMap(([file, targets]) => targets.map((target) => [file, target]));
    assert.deepEqual(engineImports.filter(([, target]) => /^(rules|client)[\\/]|server[\\/]src[\\/](lsp|cli)[\\/]/.test(target)), []);
  });

  it('has no import cycle in server/ or rules/', () => {
    // Tarjan's strongly connected components over the file graph.
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string): void => {
      index.set(file, counter);
      low.set(file, counter++);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) {
          low.set(file, Math.min(low.get(file)!, index.get(target)!));
        }
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== file);
        if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!index.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
