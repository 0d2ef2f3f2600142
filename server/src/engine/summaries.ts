// Function summaries of the taint analysis: what a function of this file returns for given arguments,
// PHI arguments followed into helpers of the same file, calls to imported functions recorded for the
// cross-file pass, and exported functions probed for which parameters reach which sinks.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyName } from '../rule-api/ast';
import { ValueEvaluator } from './evaluator';
import { asFunction, exportedFunctions, type FunctionNode } from './syntax';
import { EMPTY, fromKinds, hasPhi, join, taintOnly, type AbstractValue } from './values';

type Node = TSESTree.Node;

/** A call to an imported function with PHI in some arguments (joined with the callee's summary later). */
export interface ImportedCall {
  /** Module specifier as written (`./clientStorage`). */
  module: string;
  /** Export the call reaches: `saveToStorage`, `default`, or `default.save` / `save` for `api.save()`. */
  exportName: string;
  callee: string;
  range: [number, number];
  /** Argument index → the PHI it carries and where the argument is. */
  arguments: Array<{ index: number; taint: AbstractValue; range: [number, number] }>;
}

/** Kind ids standing for "whatever the caller passes as parameter i" while exports are probed. */
export const PARAMETER_PROBE = 'param:';

/** How many local calls deep a PHI argument is followed into helpers of the same file. */
const MAX_FOLLOW_DEPTH = 3;

export abstract class FunctionSummaries extends ValueEvaluator {
  /** Return values of the functions being walked (innermost last). */
  protected readonly returnFrames: AbstractValue[] = [];
  /** Summaries of functions for given argument kinds: what they return. */
  protected readonly summaries = new Map<string, AbstractValue>();
  protected readonly summarising = new Set<Node>();
  /** Local functions being walked again for a call with PHI arguments, and the calls already followed. */
  protected readonly following = new Set<Node>();
  protected readonly followed = new Set<string>();
  /** While > 0 the walk only computes values (a function summary): rules' visitors do not run. */
  protected silent = 0;
  /** The export being probed (its parameters carry probe kinds); rules' reports are then summaries. */
  probing: string | undefined;
  readonly importedCalls: ImportedCall[] = [];

  protected noteReturn(argument: Node): void {
    const last = this.returnFrames.length - 1;
    if (last >= 0) this.returnFrames[last] = join(this.returnFrames[last], taintOnly(this.valueOf(argument)));
  }

  /**
   * What a function returns when called with these arguments, found by walking its body silently
   * (rules' visitors do not run). Cached per function and argument kinds; recursion returns nothing.
   */
  protected summarize(node: Node, argumentValues: readonly AbstractValue[]): AbstractValue {
    const fn = asFunction(node);
    if (!fn) return EMPTY;
    const key = `${fn.range[0]}:${argumentValues.map((value) => `${value.kinds.join('+')}/${value.typeName ?? ''}`).join(',')}`;
    const cached = this.summaries.get(key);
    if (cached) return cached;
    if (this.summarising.has(fn) || this.summarising.size > 8) return EMPTY;
    this.summarising.add(fn);
    this.silent++;
    let returned = EMPTY;
    try {
      returned = this.walkFunctionBody(fn, argumentValues);
    } finally {
      this.silent--;
      this.summarising.delete(fn);
    }
    this.summaries.set(key, returned);
    return returned;
  }

  /** `saveToStorage(KEY, patient)` with `saveToStorage` imported: kept for the cross-file pass. */
  protected noteImportedCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0 || this.probing !== undefined || node.arguments.length === 0) return;
    const target = this.importedTarget(node.callee);
    if (!target) return;
    const withPhi = node.arguments
      .map((argument, index) => ({ index, taint: taintOnly(this.valueOf(argument)), range: [argument.range[0], argument.range[1]] as [number, number] }))
      .filter((entry) => hasPhi(entry.taint) && !entry.taint.kinds.some((kind) => kind.startsWith(PARAMETER_PROBE)));
    if (withPhi.length) this.importedCalls.push({ ...target, range: [node.range[0], node.range[1]], arguments: withPhi });
  }

  protected importedTarget(callee: Node): Omit<ImportedCall, 'range' | 'arguments'> | undefined {
    if (callee.type === 'Identifier') {
      const imported = this.imports.get(callee.name);
      // A local function of the same name shadows the import (`require` bindings are plain values).
      if (!imported || this.scope.lookup(callee.name)?.value.functionNode) return undefined;
      return { module: imported.module, exportName: imported.imported, callee: callee.name };
    }
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      const imported = this.imports.get(callee.object.name);
      const method = propertyName(callee);
      if (!imported || !method || this.scope.lookup(callee.object.name)?.value.functionNode) return undefined;
      const exportName = imported.imported === '*' ? method : `${imported.imported}.${method}`;
      return { module: imported.module, exportName, callee: `${callee.object.name}.${method}` };
    }
    return undefined;
  }

  /**
   * Walks every exported function once more with each parameter standing for "what a caller passes"
   * (probe kinds), rules on: a report whose PHI includes a probe kind says that parameter reaches that
   * sink. The engine turns those reports into a summary other files' calls are checked against.
   */
  probeExports(program: TSESTree.Program, wanted: ReadonlySet<string>): void {
    for (const [exportName, fn] of exportedFunctions(program)) {
      if (fn.params.length === 0 || !wanted.has(exportName)) continue;
      const probes = fn.params.map((_, index) => fromKinds([`${PARAMETER_PROBE}${index}`], undefined, 'high'));
      this.probing = exportName;
      try {
        this.walkFunctionBody(fn, probes);
      } finally {
        this.probing = undefined;
      }
    }
  }

  /**
   * `logIt(patient)` where `function logIt(x) { console.log(x) }` is in this file: walk the callee's
   * body again with the caller's argument values, rules on, so a sink inside the helper is reported
   * with the PHI the caller passed (and where it came from). Once per function and argument kinds.
   */
  protected followLocalCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0 || node.callee.type !== 'Identifier') return;
    const fn = asFunction(this.scope.lookup(node.callee.name)?.value.functionNode);
    if (!fn || this.following.has(fn) || this.following.size >= MAX_FOLLOW_DEPTH) return;
    const argumentValues = node.arguments.map((argument) => this.valueOf(argument));
    if (!argumentValues.some(hasPhi)) return;
    const key = `${fn.range[0]}:${argumentValues.map((value) => value.kinds.join('+')).join(',')}`;
    if (this.followed.has(key)) return;
    this.followed.add(key);
    this.following.add(fn);
    try {
      this.walkFunctionBody(fn, argumentValues);
    } finally {
      this.following.delete(fn);
    }
  }

  /** Walks a function's body with these argument values; returns what it returns. */
  protected abstract walkFunctionBody(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue;
}
