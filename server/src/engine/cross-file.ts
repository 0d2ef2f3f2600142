// The cross-file half of the taint analysis: which module a relative import names, which exports other
// files call with PHI, and the matching of those calls against the exports' parameter-to-sink summaries.
// Used by the workspace scan and by the language server for the document being edited.
import * as path from 'node:path';
import { COMPONENT_EXTENSIONS, SCRIPT_EXTENSIONS } from '../shared/file-kinds';
import type { CrossFileMatch, SharedSink } from './analyze';
import type { CrossFileCall, ExportedSink, ForwardedCall } from '../core/types';

const MODULE_EXTENSIONS = SCRIPT_EXTENSIONS;

/** A component's module key keeps its extension (`/ws/src/PatientCard.vue`): it is imported by its full name. */
function isComponentKey(key: string): boolean {
  return COMPONENT_EXTENSIONS.includes(path.extname(key).toLowerCase());
}

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

/** Which module (key) an import of a file names: relative imports, and the workspace's path aliases where known. */
export type ModuleResolver = (fromFile: string, specifier: string) => string | undefined;

/** The files a module key may be: `key.ts`, `key.tsx`, …, `key/index.ts`, …. */
export function moduleFileCandidates(key: string): string[] {
  if (isComponentKey(key)) return [key];
  return [...MODULE_EXTENSIONS.map((extension) => key + extension), ...MODULE_EXTENSIONS.map((extension) => path.join(key, `index${extension}`))];
}

/** Module key → the export names that the given files call with PHI arguments. */
export function wantedExports(files: Iterable<{ fromFile: string; calls: readonly CrossFileCall[] }>, resolve: ModuleResolver = resolveRelativeImport): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const { fromFile, calls } of files) {
    for (const call of calls) {
      const target = resolve(fromFile, call.module);
      if (!target) continue;
      const names = wanted.get(target) ?? new Set<string>();
      names.add(call.exportName);
      wanted.set(target, names);
    }
  }
  return wanted;
}

/** The parameter (or, for a rest parameter, one of the arguments it gathers) a sink sees, by its position. */
function reachesParameter(sink: { parameter: number; rest?: boolean }, argumentIndex: number): boolean {
  return sink.rest ? argumentIndex >= sink.parameter : argumentIndex === sink.parameter;
}

/**
 * A PHI argument a sink sees: at its position, and at the field the sink reads of it, unless the caller's
 * argument is known to hold no PHI there (`compose({ name: 'patients.insert', run })` whose `name` is logged).
 */
function sinkTakesArgument(sink: ExportedSink, argument: CrossFileCall['arguments'][number]): boolean {
  if (!reachesParameter(sink, argument.index)) return false;
  return sink.path === undefined || !argument.clearFields?.includes(sink.path);
}

/** Each PHI argument of a call whose parameter reaches a sink in the called export. */
export function matchCrossFileCalls(
  fromFile: string,
  calls: readonly CrossFileCall[],
  sinksOf: (target: string, exportName: string) => readonly ExportedSink[] | undefined,
  resolve: ModuleResolver = resolveRelativeImport,
): CrossFileMatch[] {
  const matches: CrossFileMatch[] = [];
  for (const call of calls) {
    const target = resolve(fromFile, call.module);
    const sinks = target ? sinksOf(target, call.exportName) : undefined;
    if (!sinks) continue;
    for (const argument of call.arguments) {
      for (const sink of sinks) if (sinkTakesArgument(sink, argument)) matches.push({ call, argument, sink });
    }
  }
  return matches;
}

/** What the cross-file pass knows of one module: the sinks its probed exports reach, and what they pass on. */
export interface ModuleSummary {
  /** The module's file (its relative imports resolve from it). */
  absPath: string;
  sinks: readonly ExportedSink[];
  forwards: readonly ForwardedCall[];
}

/** How many files a chain may cross, the caller's not counted (A → B → C → D → E). */
export const MAX_CHAIN_DEPTH = 4;

/** Module key → the export names the given forwards of a module call onward. */
export function forwardTargets(absPath: string, forwards: readonly ForwardedCall[], into = new Map<string, Set<string>>(), resolve: ModuleResolver = resolveRelativeImport): Map<string, Set<string>> {
  for (const forward of forwards) {
    const target = resolve(absPath, forward.module);
    if (!target) continue;
    const names = into.get(target) ?? new Set<string>();
    names.add(forward.calleeExport);
    into.set(target, names);
  }
  return into;
}

/**
 * The sinks an export's parameters reach: in its own file, and through the imported functions it passes
 * them on to, each link mapping the onward call's argument back to the export's parameter. Chains are
 * cut at MAX_CHAIN_DEPTH files and at a cycle (an export already on the chain). Every link of a chain
 * must carry the parameter itself or a field named for what it holds: a value only derived from it
 * (`sr.instantiatesCanonical[0].split('|')[0]`, a URL of a test definition) is too far from what the first
 * caller passed to say it is still that caller's PHI.
 */
export function chainedSinks(
  key: string,
  exportName: string,
  summaryOf: (key: string, exportName: string) => ModuleSummary | undefined,
  depth = 1,
  onChain = new Set<string>(),
  resolve: ModuleResolver = resolveRelativeImport,
): ExportedSink[] {
  const summary = summaryOf(key, exportName);
  if (!summary) return [];
  const sinks = summary.sinks.filter((sink) => sink.exportName === exportName);
  const forwards = depth < MAX_CHAIN_DEPTH ? summary.forwards.filter((forward) => forward.exportName === exportName && forward.confidence !== 'medium') : [];
  if (forwards.length === 0) return sinks;
  const here = `${key}#${exportName}`;
  onChain.add(here);
  for (const forward of forwards) {
    const target = resolve(summary.absPath, forward.module);
    if (!target || onChain.has(`${target}#${forward.calleeExport}`)) continue;
    for (const sink of chainedSinks(target, forward.calleeExport, summaryOf, depth + 1, onChain, resolve)) {
      if (!reachesParameter(sink, forward.argument) || sink.confidence === 'medium') continue;
      // What the first caller passes reaches the sink at the field the chain's first link read of it (or, the
      // parameter passed on whole, at the field the sink reads).
      const path = forward.path ?? sink.path;
      const { path: _sinkPath, rest: _sinkRest, ...onward } = sink;
      sinks.push({
        ...onward,
        exportName,
        parameter: forward.parameter,
        ...(forward.rest ? { rest: true } : {}),
        ...(path !== undefined ? { path } : {}),
        via: [forward.location, ...(sink.via ?? [])],
        callees: [forward.callee, ...(sink.callees ?? [])],
      });
    }
  }
  onChain.delete(here);
  // One sink reached along two chains is one sink.
  const seen = new Set<string>();
  return sinks.filter((sink) => {
    const id = `${sink.parameter}:${sink.rest ? '*' : ''}:${sink.path ?? ''}:${sink.ruleId}:${sink.sink.file}:${sink.sink.range.start.line}:${sink.sink.range.start.column}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}


/** How many production files must pass PHI to one helper's sink before it is reported in the helper. */
export const MIN_SHARED_CALLER_FILES = 2;

export function sinkId(sink: ExportedSink): string {
  return `${sink.ruleId}:${sink.sink.file}:${sink.sink.range.startOffset}:${sink.sink.range.endOffset}`;
}

/**
 * The sinks reached by whole arguments (not a field of them, not along a chain, not a derived value) from
 * at least MIN_SHARED_CALLER_FILES production files outside development-only code, in a helper that is
 * production code itself, and which matches they take over. Other callers (tests, development code) keep their own findings,
 * and so do the callers of a sink whose rule says so (`keepsCallers`) that hand it PHI seen, not guessed.
 */
export function sharedSinks(
  callers: ReadonlyArray<{ file: string; inProduct: boolean; matches: readonly CrossFileMatch[] }>,
  helperInProduct: (file: string) => boolean,
  keepsCallers: (ruleId: string) => boolean = () => false,
): { shared: SharedSink[]; isShared: (match: CrossFileMatch) => boolean } {
  const groups = new Map<string, SharedSink>();
  for (const { file, inProduct, matches } of callers) {
    if (!inProduct) continue;
    for (const match of matches) {
      const { sink, call } = match;
      if (sink.path !== undefined || sink.via?.length || sink.confidence === 'medium' || call.developmentOnly || !helperInProduct(sink.sink.file)) continue;
      const id = sinkId(sink);
      const group = groups.get(id) ?? { sink, callers: [] };
      group.callers.push({ file, match });
      groups.set(id, group);
    }
  }
  const shared = [...groups.values()].filter((group) => new Set(group.callers.map((caller) => caller.file)).size >= MIN_SHARED_CALLER_FILES);
  // A rule that reports the callers of a shared helper too (`reportsCallersOfSharedHelpers`) leaves them their findings
  // where the caller's PHI is seen (high confidence); a record only guessed (from a route's name) stays with the helper's.
  const kept = (match: CrossFileMatch) => keepsCallers(match.sink.ruleId) && match.argument.confidence === 'high';
  const taken = new Set(shared.flatMap((group) => group.callers.map((caller) => caller.match)).filter((match) => !kept(match)));
  return { shared, isShared: (match) => taken.has(match) };
}
