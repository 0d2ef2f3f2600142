// Cross-file return summaries for Observables and promises of responses: a component calls
// `this.orders.byPatient(id).subscribe((orders) => …)` where `OrderService#byPatient` (another file) returns
// `this.http.get(`${base}/patient/${id}/orders`)`. The called method's body is walked silently (no rule runs)
// to learn whether it returns the response of a read of a patient route; its own calls of other files'
// services are asked the same way (`return this.resource.get(id).pipe(map(…))`), a few files deep.
// Each module is parsed once and each method summarised once per scan (or while its text is unchanged).
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { methodReturnOf, parseSource, type AnalyzeInput, type MethodReturnProvider } from './analyze';
import { moduleFileCandidates, resolveRelativeImport } from './cross-file';
import type { ReturnedResponse } from './evaluator';

/** How many files a chain of services may cross (component → service → resource service → …). */
const MAX_DEPTH = 4;

export class MethodReturns {
  private readonly programs = new Map<string, { input: AnalyzeInput; program: TSESTree.Program } | null>();
  private readonly results = new Map<string, ReturnedResponse | null>();
  private readonly inProgress = new Set<string>();

  /** `load(absPath)`: the file's analysis input when the workspace holds it (its text, config, role). */
  constructor(private readonly load: (absPath: string) => AnalyzeInput | undefined) {}

  private readonly resolved = new Map<string, string | null>();

  /**
   * A relative import's module, or a workspace path imported from a base folder (`src/app/api/orders.service`
   * under TypeScript's `baseUrl`): the nearest folder above the importer that holds it. Packages hold no such file.
   */
  private moduleOf(fromFile: string, module: string): string | undefined {
    const relative = resolveRelativeImport(fromFile, module);
    if (relative) return relative;
    if (!/^[\w-]+\//.test(module) || module.startsWith('node:')) return undefined;
    const from = path.dirname(fromFile);
    const id = `${from}|${module}`;
    const known = this.resolved.get(id);
    if (known !== undefined) return known ?? undefined;
    let found: string | null = null;
    for (let folder = from; ; folder = path.dirname(folder)) {
      const key = path.join(folder, module);
      if (moduleFileCandidates(key).some((candidate) => this.parsed(key, candidate) !== undefined)) {
        found = key;
        break;
      }
      if (path.dirname(folder) === folder) break;
    }
    this.resolved.set(id, found);
    return found ?? undefined;
  }

  readonly provider: MethodReturnProvider = (fromFile, module, exportName) => {
    const key = this.moduleOf(fromFile, module);
    if (!key) return undefined;
    const id = `${key}#${exportName}`;
    const known = this.results.get(id);
    if (known !== undefined) return known ?? undefined;
    if (this.inProgress.has(id) || this.inProgress.size >= MAX_DEPTH) return undefined;
    const parsed = this.parsed(key);
    if (!parsed) {
      this.results.set(id, null);
      return undefined;
    }
    this.inProgress.add(id);
    let returned: ReturnedResponse | undefined;
    try {
      const barrel = reexportsOf(parsed.program, exportName.split('#')[0]);
      // `import { DoctorService } from '../shared/services'`: a barrel (`services/index.ts`) re-exporting the class's module.
      if (barrel) for (const source of barrel) returned ??= this.provider(parsed.input.absPath, source, exportName);
      else returned = methodReturnOf(parsed.input, parsed.program, exportName);
    } catch {
      returned = undefined;
    } finally {
      this.inProgress.delete(id);
    }
    this.results.set(id, returned ?? null);
    return returned;
  };

  private parsed(key: string, only?: string): { input: AnalyzeInput; program: TSESTree.Program } | undefined {
    const cached = this.programs.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: { input: AnalyzeInput; program: TSESTree.Program } | null = null;
    for (const candidate of only ? [only] : moduleFileCandidates(key)) {
      const input = this.load(candidate);
      if (!input) continue;
      try {
        found = { input: { ...input, methodReturns: this.provider }, program: parseSource(input.absPath, input.text) };
      } catch {
        found = null;
      }
      break;
    }
    // A probe of one candidate that found nothing says nothing of the module's other files.
    if (found || !only) this.programs.set(key, found);
    return found ?? undefined;
  }
}

/**
 * The modules a barrel re-exports a name from (`export * from './doctor.service'`, `export { DoctorService } from
 * './doctor.service'`) when the module does not declare it itself; undefined for a module that declares it.
 */
function reexportsOf(program: TSESTree.Program, name: string): string[] | undefined {
  const sources: string[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if ((declaration?.type === 'ClassDeclaration' || declaration?.type === 'FunctionDeclaration') && declaration.id?.name === name) return undefined;
    if (declaration?.type === 'VariableDeclaration' && declaration.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === name)) return undefined;
    if (statement.type === 'ExportAllDeclaration' && !statement.exported) sources.push(statement.source.value);
    else if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.specifiers.some((specifier) => specifier.exported.type === 'Identifier' && specifier.exported.name === name)) sources.push(statement.source.value);
  }
  return sources.length ? sources.slice(0, 16) : undefined;
}
