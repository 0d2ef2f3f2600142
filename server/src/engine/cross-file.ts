// The cross-file half of the taint analysis: which module a relative import names, which exports other
// files call with PHI, and the matching of those calls against the exports' parameter-to-sink summaries.
// Used by the workspace scan and by the language server for the document being edited.
import * as path from 'node:path';
import { CODE_EXTENSIONS } from '../shared/file-kinds';
import type { CrossFileMatch } from './analyze';
import type { CrossFileCall, ExportedSink } from '../core/types';

const MODULE_EXTENSIONS = CODE_EXTENSIONS;

/** The path of a module without its extension (`/ws/src/lib/store`), the key relative imports resolve to. */
export function moduleKey(absPath: string): string {
  const extension = path.extname(absPath);
  const bare = MODULE_EXTENSIONS.includes(extension) ? absPath.slice(0, -extension.length) : absPath;
  return bare.endsWith(`${path.sep}index`) ? bare.slice(0, -'/index'.length) : bare;
}

/** `./store`, `../lib/store.js` (TypeScript's ESM spelling of store.ts), `./store/index`. */
export function resolveRelativeImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return moduleKey(path.resolve(path.dirname(fromFile), specifier));
}

/** The files a module key may be: `key.ts`, `key.tsx`, …, `key/index.ts`, …. */
export function moduleFileCandidates(key: string): string[] {
  return [...MODULE_EXTENSIONS.map((extension) => key + extension), ...MODULE_EXTENSIONS.map((extension) => path.join(key, `index${extension}`))];
}

/** Module key → the export names that the given files call with PHI arguments. */
export function wantedExports(files: Iterable<{ fromFile: string; calls: readonly CrossFileCall[] }>): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const { fromFile, calls } of files) {
    for (const call of calls) {
      const target = resolveRelativeImport(fromFile, call.module);
      if (!target) continue;
      const names = wanted.get(target) ?? new Set<string>();
      names.add(call.exportName);
      wanted.set(target, names);
    }
  }
  return wanted;
}

/** Each PHI argument of a call whose parameter reaches a sink in the called export. */
export function matchCrossFileCalls(
  fromFile: string,
  calls: readonly CrossFileCall[],
  sinksOf: (target: string, exportName: string) => readonly ExportedSink[] | undefined,
): CrossFileMatch[] {
  const matches: CrossFileMatch[] = [];
  for (const call of calls) {
    const target = resolveRelativeImport(fromFile, call.module);
    const sinks = target ? sinksOf(target, call.exportName) : undefined;
    if (!sinks) continue;
    for (const argument of call.arguments) {
      for (const sink of sinks) if (sink.parameter === argument.index) matches.push({ call, argument, sink });
    }
  }
  return matches;
}
