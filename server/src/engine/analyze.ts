// Analyses one file: parse, run the taint walk with every enabled rule's visitors (or the JSON walk),
// turn reports into findings (messages, locations, HIPAA refs, fingerprints), apply suppressions.
// A file that cannot be analysed (a syntax error, nesting too deep even after long operator chains are
// rebalanced) is a skip with its reason and, through the rules' `File:unanalysed` visitor, findings
// (`unanalysed-file`), so a CI gate does not pass a file it never looked at. A rule that throws is
// isolated and reported.
// The rules come in with the input (a RuleSet the Project was given): the engine knows no rule.
import * as path from 'node:path';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ResolvedConfig } from '../core/config-types';
import { computeLineStarts, rangeFromOffsets } from '../core/text-range';
import type { CrossFileCall, CrossFileFlows, ExportedSink, FileResult, ReachFacts, ForwardedCall, RelatedLocation, FileRole, Finding, Fix, Precision, RuleError, Severity, SkippedFile } from '../core/types';
import type { AnalysisProblem, AnyRule, JsonPropertyInfo, ReportDescriptor, RuleContext, RuleVisitors, SuppressionPolicy, SuppressionProblem } from '../rule-api';
import { languageOfPath } from '../shared/file-kinds';
import { describeKinds, NameClassifier, PHI_KIND_BY_ID } from '../vocabulary/classify';
import { Analyzer, PARAMETER_PROBE, parseProbeKind, type ForwardedImportCall, type ImportedCall, type VisitorRegistration } from './analyzer';
import { parseWithBalancedChains } from './deep-parse';
import type { AnalyzerOptions, ReturnedResponse } from './evaluator';
import { Fingerprints } from './fingerprint';
import { codeTemplateByDesign, isPlainSkipRole, notJsonByDesign, type Unanalysed } from './unanalysed';
import { DeadlineExceeded, deadlineCheck, throwIfPastDeadline } from './deadline';
import { isDevelopmentOnly } from './development-only';
import { fileRole, type RoleVerdict } from './roles';
import type { RuleSet } from './rule-set';
import { applySuppressions, evaluateSuppressions, findSuppressions, suppressionProblems, type EvaluatedDirective } from './suppressions';
import { maskCode, maskErrorMessage, maskLabel, maskParserMessage, renderTemplate } from './value-mask';
import { extractReachFacts } from './reachability';
import { componentCode, componentProblem, isComponentPath } from './components';
import { hasPhi, hasTag } from './values';
import type { WorkspaceIndex } from './workspace-index';
import { extractModuleLoggers, type ModuleLoggers } from './logger-levels';

const JSX_EXTENSIONS = new Set(['.tsx', '.jsx', '.js', '.mjs', '.cjs']);
const PRECISION_STEPS: Precision[] = ['very-high', 'high', 'medium', 'low'];
const SEVERITY_STEPS: Severity[] = ['error', 'warning', 'note'];

export interface AnalyzeInput {
  /** Absolute path (used for the language and for config lookup). */
  absPath: string;
  /** Workspace-relative POSIX path used in findings. */
  relPath: string;
  text: string;
  config: ResolvedConfig;
  /** The rules to run (those the config turns off are skipped). */
  rules: RuleSet;
  /** Cross-file knowledge (types with PHI fields). Optional: a file can be analysed alone. */
  index?: WorkspaceIndex;
  /** "today" for suppression expiry, YYYY-MM-DD. Defaults to the current date. */
  today?: string;
  /**
   * Also record which calls pass PHI to imported functions (FileResult.flows.calls), for the
   * workspace scan's cross-file pass.
   */
  collectFlows?: boolean;
  /** Exports whose parameters to summarise (FileResult.flows.exports): the cross-file pass asks for the ones other files call with PHI. */
  probeExports?: readonly string[];
  /** What the file is for; decided from `relPath`, the config and the text when not given. */
  role?: RoleVerdict;
  /** `performance.now()` after which the analysis stops with DeadlineExceeded (the editor's time limit). */
  deadline?: number;
  /** What methods of classes other files export return, when it is a response (method-returns.ts). */
  methodReturns?: MethodReturnProvider;
}

/** `(importing file, module specifier, 'Class#method')` → the response that method returns, if any. */
export type MethodReturnProvider = (fromFile: string, module: string, exportName: string) => ReturnedResponse | undefined;

interface PendingReport {
  rule: AnyRule;
  descriptor: ReportDescriptor;
  /** Set while an export is probed: the report is a summary of that export, not a finding. */
  probedExport?: string;
  /** Appended to the message (how a cross-file finding reaches its sink). */
  messageSuffix?: string;
  /** The call that causes a cross-file finding is in development-only code. */
  developmentOnly?: boolean;
  /**
   * The finding's identity leaves out the PHI kinds: a helper's shared sink (`sharedSinkFindings`) is the same
   * finding whatever its callers pass it.
   */
  fingerprintWithoutKinds?: boolean;
}

const classifiers = new WeakMap<ResolvedConfig, NameClassifier>();

/**
 * A charting library imported (`recharts`, `chart.js`, `@carbon/charts-react`, `highcharts`, `echarts`, `@nivo/line`…): the
 * module draws graphs, and its `chart` names are the graph's.
 */
const CHARTING_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?:@carbon\/charts[\w/-]*|recharts|chart\.js[\w/-]*|react-chartjs-2|vue-chartjs|ng2-charts|@swimlane\/ngx-charts|highcharts[\w/-]*|echarts[\w/-]*|echarts-for-react|apexcharts|react-apexcharts|vue3?-apexcharts|victory[\w-]*|@nivo\/[\w-]+|@mui\/x-charts[\w/-]*|@visx\/[\w-]+|chartist|plotly\.js[\w-]*|react-plotly\.js|@amcharts\/[\w/-]+|react-native-chart-kit|react-native-gifted-charts|victory-native|@antv\/[\w-]+|billboard\.js|c3)['"]/;

function classifierFor(config: ResolvedConfig, text?: string): NameClassifier {
  let classifier = classifiers.get(config);
  if (!classifier) {
    classifier = new NameClassifier({ phiNames: config.phiNames, notPhiNames: config.notPhiNames });
    classifiers.set(config, classifier);
  }
  return text !== undefined && CHARTING_IMPORT.test(text.length > 200_000 ? text.slice(0, 200_000) : text) ? classifier.forGraphModule() : classifier;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The input with the file's role decided (from its path, the config and its text) when the caller did not,
 * and, for a single-file component, its text as the code analysed: its script blocks, the rest blanked out.
 */
function withRole(given: AnalyzeInput): AnalyzeInput {
  const input = isComponentPath(given.absPath) ? { ...given, text: componentCode(given.absPath, given.text) } : given;
  if (input.role) return input;
  const language = languageOfPath(input.absPath) === 'json' ? 'json' : 'code';
  return { ...input, role: fileRole(input.absPath, input.relPath, input.text, language, input.config) };
}

export function analyzeFile(given: AnalyzeInput): FileResult {
  const language = languageOfPath(given.absPath) === 'json' ? 'json' : 'code';
  // A single-file component (`.vue`, `.svelte`) is analysed as its script blocks, the rest blanked out in place.
  const component = componentProblem(given.absPath, given.text);
  const input = withRole(given);
  const lineStarts = computeLineStarts(input.text);
  const reports: PendingReport[] = [];
  const ruleErrors: RuleError[] = [];
  const onRuleError = (ruleId: string, error: unknown) => {
    ruleErrors.push({ ruleId, file: input.relPath, message: maskErrorMessage(error instanceof Error ? error.message : String(error)) });
  };
  const rules = input.rules.active(input.config, language);
  const importedCalls: ImportedCall[] = [];
  const forwardedCalls: ForwardedImportCall[] = [];
  const suppressions = new FileSuppressions(input);
  const reach: { facts?: ReachFacts } = {};
  let unanalysed =
    language === 'json'
      ? analyzeJson(input, rules, lineStarts, reports, onRuleError, suppressions)
      : component
        ? parseFailure(input, component)
        : analyzeCode(input, rules, lineStarts, reports, onRuleError, importedCalls, forwardedCalls, suppressions, 'as-written', reach);
  if (unanalysed?.retryBalanced) {
    // The walk overflowed the stack: start again on a tree with long operator chains rebalanced.
    reports.length = 0;
    importedCalls.length = 0;
    forwardedCalls.length = 0;
    ruleErrors.length = 0;
    unanalysed = analyzeCode(input, rules, lineStarts, reports, onRuleError, importedCalls, forwardedCalls, suppressions, 'balanced', reach);
  }
  if (unanalysed) {
    const findings = unanalysed.problem ? unanalysedFindings(input, language, unanalysed.problem, lineStarts, suppressions, onRuleError) : [];
    return { file: input.relPath, findings, skipped: unanalysed.skipped, ruleErrors };
  }
  const flows = crossFileFlows(reports.filter((report) => report.probedExport !== undefined), importedCalls, forwardedCalls, input.relPath, lineStarts);
  const findings = buildFindings(reports.filter((report) => report.probedExport === undefined), input, lineStarts, onRuleError);
  const visible = suppressions
    .apply(findings)
    .filter((finding) => input.config.rules[finding.ruleId]?.severity !== 'off')
    .sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
  return { file: input.relPath, findings: visible, ruleErrors, flows, ...(reach.facts ? { reach: reach.facts } : {}) };
}

// ── cross-file flows ─────────────────────────────────────────────────────────────────────────

function crossFileFlows(probeReports: PendingReport[], importedCalls: ImportedCall[], forwardedCalls: ForwardedImportCall[], file: string, lineStarts: number[]): CrossFileFlows | undefined {
  const exports: ExportedSink[] = [];
  for (const { rule, descriptor, probedExport } of probeReports) {
    const [start, end] = reportOffsets(descriptor);
    const kinds = [...(descriptor.taint?.kinds ?? []), ...(descriptor.kinds ?? [])];
    // A sink that also sees real PHI (a parameter named `diagnosis`) is reported in its own file already; a rule
    // that reports the callers of a shared helper too (a store's adapter) still charges each caller with its own record.
    if (kinds.some((kind) => !kind.startsWith(PARAMETER_PROBE)) && !rule.meta.reportsCallersOfSharedHelpers) continue;
    // A helper's sink that runs only in development (`if (isLocal(env)) logger.info(value)`) is not where its callers'
    // PHI goes in a deployment.
    if (descriptor.node && 'parent' in descriptor.node && isDevelopmentOnly(descriptor.node as TSESTree.Node)) continue;
    for (const kind of new Set(kinds)) {
      const probe = parseProbeKind(kind);
      if (!probe) continue;
      exports.push({
        exportName: probedExport!,
        parameter: probe.parameter,
        ...(probe.rest ? { rest: true } : {}),
        ...(probe.path !== undefined ? { path: probe.path } : {}),
        ruleId: rule.meta.id,
        messageId: descriptor.messageId,
        data: descriptor.data,
        ...(descriptor.taint?.confidence === 'medium' ? { confidence: 'medium' as const } : {}),
        ...(descriptor.precision ? { precision: descriptor.precision } : {}),
        sink: { file, range: rangeFromOffsets(lineStarts, start, end), message: `reaches this sink inside \`${exportDisplayName(probedExport!)}\`` },
      });
    }
  }
  const calls: CrossFileCall[] = importedCalls.map((call) => ({
    module: call.module,
    exportName: call.exportName,
    callee: call.callee,
    range: rangeFromOffsets(lineStarts, call.range[0], call.range[1]),
    ...(call.developmentOnly ? { developmentOnly: true } : {}),
    arguments: call.arguments.map((argument) => ({
      index: argument.index,
      kinds: [...argument.taint.kinds],
      confidence: argument.taint.confidence,
      ...(argument.clearFields?.length ? { clearFields: argument.clearFields } : {}),
      origins: [
        { file, range: rangeFromOffsets(lineStarts, argument.range[0], argument.range[1]), message: 'argument' },
        ...argument.taint.origins.map((origin) => ({ file, range: origin.range, message: origin.label })),
      ],
    })),
  }));
  const forwards: ForwardedCall[] = forwardedCalls.map((forwarded) => ({
    exportName: forwarded.exportName,
    parameter: forwarded.parameter,
    ...(forwarded.rest ? { rest: true } : {}),
    ...(forwarded.path !== undefined ? { path: forwarded.path } : {}),
    module: forwarded.module,
    calleeExport: forwarded.calleeExport,
    callee: forwarded.callee,
    argument: forwarded.argument,
    ...(forwarded.confidence === 'medium' ? { confidence: 'medium' as const } : {}),
    location: { file, range: rangeFromOffsets(lineStarts, forwarded.range[0], forwarded.range[1]), message: `\`${exportDisplayName(forwarded.exportName)}()\` passes it to \`${forwarded.callee}()\`` },
  }));
  if (!exports.length && !calls.length && !forwards.length) return undefined;
  return forwards.length ? { exports, calls, forwards } : { exports, calls };
}

export interface CrossFileMatch {
  call: CrossFileCall;
  argument: CrossFileCall['arguments'][number];
  sink: ExportedSink;
}

/**
 * A sink inside a generic helper that several production files hand PHI to, the parameter reaching it
 * whole (`console.debug({ args })` in the endpoint runner every endpoint calls): the fix belongs in the
 * helper, so it is reported once there with its callers as related locations, not once per caller.
 */
export interface SharedSink {
  sink: ExportedSink;
  callers: Array<{ file: string; match: CrossFileMatch }>;
}

/** The related locations of a cross-file finding: each onward call of a chain, then the sink. */
function chainLocations(callee: string, sink: ExportedSink): RelatedLocation[] {
  if (sink.via?.length) return [...sink.via, sink.sink];
  return [{ ...sink.sink, message: `\`${callee}()\` passes it on: ${sink.sink.message}` }];
}

/** `PatientLogger#log` (an instance method, as summaries key it) reads `PatientLogger.log` to a person. */
function exportDisplayName(exportName: string): string {
  return exportName.replace('#', '.');
}

/**
 * Findings in a calling file for PHI it passes to another file's function whose parameter reaches a
 * sink there: reported at the argument, with the sink as a related location, suppressions applied.
 */
export function crossFileFindings(given: AnalyzeInput, matches: readonly CrossFileMatch[], ownFindings: readonly Finding[] = []): Finding[] {
  const input = withRole(given);
  const lineStarts = computeLineStarts(input.text);
  const reports: PendingReport[] = [];
  // A place the file's own analysis already reports for the rule (`this.logger.log(p)` is a log call
  // there, whatever the logger class does with it) is not reported again through the other file.
  const reported = new Set(ownFindings.map((finding) => `${finding.ruleId}:${finding.range.startOffset}:${finding.range.endOffset}`));
  for (const { call, argument, sink } of matches) {
    const rule = input.rules.get(sink.ruleId);
    if (!rule || input.config.rules[rule.meta.id]?.severity === 'off') continue;
    const [argumentLocation, ...origins] = argument.origins;
    if (reported.has(`${rule.meta.id}:${argumentLocation.range.startOffset}:${argumentLocation.range.endOffset}`)) continue;
    reports.push({
      rule,
      descriptor: {
        offsets: [argumentLocation.range.startOffset, argumentLocation.range.endOffset],
        messageId: sink.messageId,
        data: sink.data,
        taint: { kinds: argument.kinds, confidence: argument.confidence, origins: origins.map((origin) => ({ range: origin.range, label: origin.message })) },
        related: chainLocations(call.callee, sink),
        ...(sink.precision ? { precision: lessPrecise(sink.precision, argument.confidence === 'medium' ? lowerPrecision(rule.meta.precision) : rule.meta.precision) } : {}),
      },
      // The callees are code (masked like any code reference); the path and line are the finding's own.
      messageSuffix: ` (through ${[call.callee, ...(sink.callees ?? [])].map((callee) => `\`${maskCode(callee)}()\``).join(' → ')}, ${sink.sink.file}:${sink.sink.range.start.line})`,
      ...(call.developmentOnly ? { developmentOnly: true } : {}),
    });
  }
  const findings = buildFindings(reports, input, lineStarts, () => undefined);
  return new FileSuppressions(input).apply(findings);
}

/** Related locations beyond this many callers are left out (the message still counts them all). */
const MAX_SHARED_CALLERS_SHOWN = 5;

/**
 * Findings at sinks inside a helper that several production files pass PHI to whole (`SharedSink`): one per
 * sink, in the helper's file, with each caller's argument as a related location; the helper's suppressions
 * apply. The place and fingerprint are the sink's own, whatever the callers pass.
 */
export function sharedSinkFindings(given: AnalyzeInput, shared: readonly SharedSink[]): Finding[] {
  const input = withRole(given);
  const lineStarts = computeLineStarts(input.text);
  const reports: PendingReport[] = [];
  for (const { sink, callers } of shared) {
    const rule = input.rules.get(sink.ruleId);
    if (!rule || input.config.rules[rule.meta.id]?.severity === 'off') continue;
    const kinds = [...new Set(callers.flatMap(({ match }) => match.argument.kinds))].sort();
    const confidence = callers.some(({ match }) => match.argument.confidence === 'high') ? 'high' : 'medium';
    const files = [...new Set(callers.map((caller) => caller.file))];
    const related = callers.slice(0, MAX_SHARED_CALLERS_SHOWN).map(({ match }) => ({ ...match.argument.origins[0], message: `\`${match.call.callee}()\` is passed it here` }));
    reports.push({
      rule,
      descriptor: {
        offsets: [sink.sink.range.startOffset, sink.sink.range.endOffset],
        messageId: sink.messageId,
        data: sink.data,
        taint: { kinds, confidence, origins: [] },
        related,
        ...(sink.precision ? { precision: lessPrecise(sink.precision, confidence === 'medium' ? lowerPrecision(rule.meta.precision) : rule.meta.precision) } : {}),
      },
      fingerprintWithoutKinds: true,
      messageSuffix: ` (what ${files.length} files pass to \`${maskCode(callers[0].match.call.callee)}()\`: fix it here, not in each caller)`,
    });
  }
  const findings = buildFindings(reports, input, lineStarts, () => undefined);
  return new FileSuppressions(input).apply(findings);
}

/**
 * A file the engine could not analyse at all (read failures: over the size limit, undecodable), as a
 * scan reports it: the skip, and the findings rules make of it (`unanalysed-file`). `text` is what could
 * be read of the file (its start, for its role), possibly empty.
 */
export function unanalysedFileResult(given: AnalyzeInput, problem: AnalysisProblem, skipped: SkippedFile): FileResult {
  const input = withRole(given);
  const language = languageOfPath(input.absPath) === 'json' ? 'json' : 'code';
  const ruleErrors: RuleError[] = [];
  const onRuleError = (ruleId: string, error: unknown) => {
    ruleErrors.push({ ruleId, file: input.relPath, message: error instanceof Error ? error.message : String(error) });
  };
  // Suppression comments of a file that was not read (only its start) do not apply.
  const partial: AnalyzeInput = { ...input, text: '' };
  const findings = unanalysedFindings(partial, language, problem, computeLineStarts(''), new FileSuppressions(partial), onRuleError);
  return { file: input.relPath, findings, skipped, ruleErrors };
}

/**
 * What the rules report about a file the engine could not analyse: each active rule is created with a
 * context whose `analysisProblem()` says why, and its `File:unanalysed` visitor runs. Generated and
 * vendored files stay plain skips. Reported like any finding: the config's severity and `off` hold,
 * suppression comments apply when the text was read.
 */
function unanalysedFindings(
  input: AnalyzeInput,
  language: 'code' | 'json',
  problem: AnalysisProblem,
  lineStarts: number[],
  suppressions: FileSuppressions,
  onRuleError: (ruleId: string, error: unknown) => void,
): Finding[] {
  if (isPlainSkipRole(input.role?.role)) return [];
  const reports: PendingReport[] = [];
  const classifier = classifierFor(input.config, input.text);
  const noAnalysis = (): Analyzer => {
    throw new Error('the file could not be analysed');
  };
  for (const rule of input.rules.active(input.config, language)) {
    let visitors: RuleVisitors;
    try {
      visitors = rule.create(createContext(rule, input, language, classifier, reports, noAnalysis, suppressions, problem), input.rules.optionsFor(rule, input.config));
    } catch {
      // A rule that needs the analysis to start has nothing to say about a file without one.
      continue;
    }
    const visitor = visitors['File:unanalysed'];
    if (!visitor) continue;
    try {
      visitor();
    } catch (error) {
      onRuleError(rule.meta.id, error);
    }
  }
  const findings = buildFindings(reports, input, lineStarts, onRuleError);
  return suppressions
    .apply(findings)
    .filter((finding) => input.config.rules[finding.ruleId]?.severity !== 'off')
    .sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The suppression comments of one file, found and evaluated once, when first asked for: exactly from the
 * syntax tree of a code file (the analysis hands it over; parsed here when cross-file findings ask first).
 */
class FileSuppressions {
  private evaluated: EvaluatedDirective[] | undefined;
  private program: TSESTree.Program | undefined;

  constructor(private readonly input: AnalyzeInput) {}

  useProgram(program: TSESTree.Program): void {
    this.program = program;
  }

  problems(policy?: SuppressionPolicy): SuppressionProblem[] {
    return suppressionProblems(this.directives(), this.input.rules.ids, policy);
  }

  apply(findings: Finding[]): Finding[] {
    const unsuppressible = new Set(this.input.rules.all.filter((rule) => rule.meta.unsuppressible).map((rule) => rule.meta.id));
    return applySuppressions(findings, this.directives(), unsuppressible);
  }

  private directives(): EvaluatedDirective[] {
    if (!this.evaluated) {
      const language = languageOfPath(this.input.absPath) === 'json' ? 'json' : 'code';
      if (language === 'code' && !this.program && this.input.text.includes('phi-guard-disable')) this.program = tryParse(this.input);
      const directives = findSuppressions(this.input.text, { language, program: this.program });
      this.evaluated = evaluateSuppressions(directives, { today: this.input.today ?? todayIso(), knownRuleIds: this.input.rules.ids });
    }
    return this.evaluated;
  }
}

function tryParse(input: AnalyzeInput): TSESTree.Program | undefined {
  try {
    return parseSource(input.absPath, input.text);
  } catch {
    return undefined; // the approximate scanner then finds the comments
  }
}

// ── code ─────────────────────────────────────────────────────────────────────────────────────

const PARSE_OPTIONS = {
  range: true,
  // The converter always computes `loc`; asking for none makes it walk the tree again to delete it,
  // which also leaves every node in slow dictionary mode. Keeping it is faster (measured: see bench).
  loc: true,
  comment: false,
  tokens: false,
  errorOnUnknownASTType: false,
  suppressDeprecatedPropertyWarnings: true,
  // Rules never read JSDoc; skipping it saves about 5% of the parse.
  jsDocParsingMode: 'none',
  // typescript-estree's own grammar checks (modifiers, rest positions, …) re-walk every node and cost 15–25 %
  // of the parse; they report code that TypeScript itself parses but a compiler would reject. Such a file
  // is still worth analysing (its data flow is the same), and real syntax errors still throw from
  // TypeScript's parse diagnostics, so the file is reported as skipped as before.
  allowInvalidAST: true,
} as const;

function parseCode(text: string, jsx: boolean): TSESTree.Program {
  return parse(text, { ...PARSE_OPTIONS, jsx });
}

/** Parses a code file exactly as analysis does (the benchmark's baseline uses this too). */
function methodReturnFor(input: AnalyzeInput): AnalyzerOptions['methodReturn'] {
  const provider = input.methodReturns;
  return provider ? (module, exportName) => provider(input.absPath, module, exportName) : undefined;
}

/**
 * What `Class#method` of this file returns, when it is the response of a read of a patient route: the
 * method's body walked silently (no rule runs), its own calls of other files' methods asked of `methodReturns`.
 */
export function methodReturnOf(given: AnalyzeInput, program: TSESTree.Program, exportName: string): ReturnedResponse | undefined {
  const input = isComponentPath(given.absPath) ? { ...given, text: componentCode(given.absPath, given.text) } : given;
  const analyzer = new Analyzer(
    { file: input.relPath, text: input.text, lineStarts: computeLineStarts(input.text), classifier: classifierFor(input.config, input.text), index: input.index, extraSanitizers: input.config.sanitizers, onRuleError: () => undefined, methodReturn: methodReturnFor(input), appUsersArePatients: input.config.appUsers === 'patients' },
    [],
  );
  return analyzer.returnedResponse(program, exportName);
}

export function parseSource(absPath: string, text: string): TSESTree.Program {
  if (isComponentPath(absPath)) return parseComponent(componentCode(absPath, text), (code, jsx) => parseCode(code, jsx));
  return parseCode(text, JSX_EXTENSIONS.has(path.extname(absPath).toLowerCase()));
}

/**
 * A component's scripts: TypeScript without JSX first (`lang="ts"`, plain JavaScript, a `<T>value` assertion),
 * then with JSX (`lang="tsx"`/`"jsx"`, or JSX in a script without `lang`) when that fails.
 */
function parseComponent(code: string, parseWith: (code: string, jsx: boolean) => TSESTree.Program): TSESTree.Program {
  try {
    return parseWith(code, false);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    try {
      return parseWith(code, true);
    } catch {
      throw error;
    }
  }
}

function parseFailure(input: AnalyzeInput, error: unknown): Unanalysed {
  if (error instanceof RangeError) {
    const detail = 'code is nested too deeply to parse (maximum call stack exceeded)';
    return { skipped: { file: input.relPath, reason: 'parse-error', detail }, problem: { kind: 'nesting-limit', detail, offsets: [0, 0] } };
  }
  const located = error as { lineNumber?: number; column?: number; index?: number; message?: string };
  const where = located.lineNumber !== undefined ? `${located.lineNumber}:${(located.column ?? 0) + 1} ` : '';
  // The parser quotes the source it choked on, which may be data: masked (value-mask.ts).
  const message = maskParserMessage((located.message ?? String(error)).split('\n')[0]);
  const hint = /\.ts$/i.test(input.absPath) && /JSX|'>'/.test(message) ? ' (JSX is only parsed in .tsx/.jsx/.js files)' : '';
  const offset = typeof located.index === 'number' ? Math.max(0, Math.min(located.index, input.text.length)) : 0;
  const template = codeTemplateByDesign(input.relPath, input.text, offset);
  if (template) return { skipped: { file: input.relPath, reason: 'parse-error', detail: `${where}${template}` } };
  return {
    skipped: { file: input.relPath, reason: 'parse-error', detail: `${where}${message}${hint}` },
    problem: { kind: 'parse-error', detail: `${where}${maskParserMessage(message).replace(/\.$/, '')}${hint}`.trim(), offsets: [offset, offset] },
  };
}

function analyzeCode(
  input: AnalyzeInput,
  rules: readonly AnyRule[],
  lineStarts: number[],
  reports: PendingReport[],
  onRuleError: (ruleId: string, error: unknown) => void,
  importedCalls: ImportedCall[],
  forwardedCalls: ForwardedImportCall[],
  suppressions: FileSuppressions,
  tree: 'as-written' | 'balanced',
  reach: { facts?: ReachFacts },
): Unanalysed | undefined {
  let program: TSESTree.Program;
  try {
    program = tree === 'balanced' ? parseBalanced(input.absPath, input.text) : parseSource(input.absPath, input.text);
  } catch (error) {
    // Nesting too deep for the converter: long operator chains are the usual cause, rebalanced they parse.
    if (error instanceof RangeError && tree === 'as-written') return { ...parseFailure(input, error), retryBalanced: true };
    return parseFailure(input, error);
  }
  suppressions.useProgram(program);
  throwIfPastDeadline(input.deadline);
  const classifier = classifierFor(input.config, input.text);
  let analyzer: Analyzer | undefined;
  const getAnalyzer = () => {
    if (!analyzer) throw new Error('analysis not started');
    return analyzer;
  };
  const registrations: VisitorRegistration[] = [];
  for (const rule of rules) {
    const context = createContext(rule, input, 'code', classifier, reports, getAnalyzer, suppressions);
    let visitors: RuleVisitors;
    try {
      visitors = rule.create(context, input.rules.optionsFor(rule, input.config));
    } catch (error) {
      onRuleError(rule.meta.id, error);
      continue;
    }
    registrations.push(toRegistration(rule.meta.id, visitors));
  }
  if (input.deadline !== undefined) registrations.push(deadlineRegistration(deadlineCheck(input.deadline), registrations));
  // The deadline's check throws from a visitor: rule isolation must hand that on, not disable a "rule".
  const isolate = (ruleId: string, error: unknown) => {
    if (error instanceof DeadlineExceeded) throw error;
    onRuleError(ruleId, error);
  };
  analyzer = new Analyzer(
    { file: input.relPath, text: input.text, lineStarts, classifier, index: input.index, extraSanitizers: input.config.sanitizers, onRuleError: isolate, methodReturn: methodReturnFor(input), appUsersArePatients: input.config.appUsers === 'patients' },
    registrations,
  );
  try {
    analyzer.run(program);
    if (input.collectFlows) {
      importedCalls.push(...analyzer.importedCalls);
      // What never runs is judged from these once every file's are known (reachability.ts).
      reach.facts = extractReachFacts(program, input.text);
    }
    if (input.probeExports?.length) {
      analyzer.probeExports(program, new Set(input.probeExports));
      forwardedCalls.push(...analyzer.forwardedCalls);
    }
  } catch (error) {
    if (error instanceof RangeError) {
      const detail = 'code is nested too deeply to analyse (maximum call stack exceeded)';
      return { skipped: { file: input.relPath, reason: 'analysis-error', detail }, problem: { kind: 'nesting-limit', detail, offsets: [0, 0] }, retryBalanced: tree === 'as-written' };
    }
    throw error;
  }
  return undefined;
}

/** The fallback parse for code whose tree is too deep as written (see deep-parse.ts). */
function parseBalanced(absPath: string, text: string): TSESTree.Program {
  if (isComponentPath(absPath)) return parseComponent(componentCode(absPath, text), (code, jsx) => parseWithBalancedChains(code, { ...PARSE_OPTIONS, jsx }).program);
  return parseWithBalancedChains(text, { ...PARSE_OPTIONS, jsx: JSX_EXTENSIONS.has(path.extname(absPath).toLowerCase()) }).program;
}

/**
 * The deadline's check as a visitor of the node types the rules already visit (a type nobody visits
 * would cost the walk extra work), so the walk asks it at most nodes.
 */
function deadlineRegistration(check: () => void, registrations: readonly VisitorRegistration[]): VisitorRegistration {
  const enter = new Map<string, (node: TSESTree.Node) => void>();
  for (const registration of registrations) for (const type of registration.enter.keys()) enter.set(type, check);
  return { ruleId: '(deadline)', enter, exit: new Map() };
}

function toRegistration(ruleId: string, visitors: RuleVisitors): VisitorRegistration {
  const enter = new Map<string, (node: TSESTree.Node) => void>();
  const exit = new Map<string, (node: TSESTree.Node) => void>();
  for (const [selector, handler] of Object.entries(visitors)) {
    if (typeof handler !== 'function' || selector.startsWith('Json') || selector.startsWith('File:')) continue;
    if (selector.endsWith(':exit')) exit.set(selector.slice(0, -5), handler as (node: TSESTree.Node) => void);
    else enter.set(selector, handler as (node: TSESTree.Node) => void);
  }
  return { ruleId, enter, exit };
}

const moduleLoggersCache = new WeakMap<AnalyzeInput, ModuleLoggers>();

/** The loggers the analysed module defines at its top level (read once per file, shared by the logging rules). */
function moduleLoggersOf(input: AnalyzeInput): ModuleLoggers {
  let loggers = moduleLoggersCache.get(input);
  if (!loggers) moduleLoggersCache.set(input, (loggers = extractModuleLoggers(input.text)));
  return loggers;
}

function createContext(
  rule: AnyRule,
  input: AnalyzeInput,
  language: 'code' | 'json',
  classifier: NameClassifier,
  reports: PendingReport[],
  analyzer: () => Analyzer,
  suppressions: FileSuppressions,
  problem?: AnalysisProblem,
): RuleContext {
  return {
    ruleId: rule.meta.id,
    file: input.relPath,
    text: input.text,
    language,
    config: input.config,
    fileRole: input.role?.role ?? 'production',
    // Methods, not arrows: a context is made per rule and file, and a bundle that keeps names names each arrow.
    taintOf(node) { return analyzer().valueOf(node); },
    patientSearchPageUrlWriter() { return input.index?.patientSearchPageUrlWriter(); },
    isUrlQueryHook(name) { return input.index?.isUrlQueryHook(name) ?? false; },
    queryForwardedBy(receiver, method) {
      if (language !== 'code' || !input.index) return undefined;
      const name = analyzer().instanceClassOf(receiver) ?? analyzer().ownClassOf(receiver);
      if (name !== undefined) return input.index.queryForwardingOf(name, method);
      // `patientServiceStrategy.search(config)`: an AngularJS service injected under its registered name
      const injected = receiver.type === 'Identifier' ? input.index.queryForwardingOf(receiver.name, method) : undefined;
      if (injected) return { ...injected, byName: true };
      // `self.rapidpro.get_contact(filters)`: an object whose class the code does not name, a member found by its name
      const member = receiver.type === 'MemberExpression' || receiver.type === 'Identifier' ? input.index.queryForwardingOfMember(method) : undefined;
      return member ? { ...member, byName: true } : undefined;
    },
    queryKeysReadBy(callee) {
      if (language !== 'code' || !input.index) return [];
      if (callee.type === 'Identifier') {
        const source = analyzer().importedFrom(callee.name);
        return source && source.imported !== 'default' && source.imported !== '*' ? input.index.queryKeysReadBy(input.relPath, source.module, source.imported) : [];
      }
      if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return [];
      const source = analyzer().importedFrom(callee.object.name);
      return source && (source.imported === 'default' || source.imported === '*') ? input.index.queryKeysReadBy(input.relPath, source.module, callee.property.name) : [];
    },
    requestQueryKeysReadBy(callee) {
      if (language !== 'code' || !input.index) return [];
      if (callee.type === 'Identifier') {
        const source = analyzer().importedFrom(callee.name);
        return source && source.imported !== 'default' && source.imported !== '*' ? input.index.requestQueryKeysReadBy(input.relPath, source.module, source.imported) : [];
      }
      if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return [];
      const source = analyzer().importedFrom(callee.object.name);
      return source && (source.imported === 'default' || source.imported === '*') ? input.index.requestQueryKeysReadBy(input.relPath, source.module, callee.property.name) : [];
    },
    isHttpClientInstance(node) {
      if (language !== 'code' || !input.index) return false;
      const name = analyzer().instanceClassOf(node);
      return name !== undefined && input.index.isHttpClientClass(name);
    },
    classifyName(name) { return [...classifier.kindsOf(name)]; },
    classify(name, personContext) { return classifier.classify(name, personContext); },
    importedFrom(localName) { return language === 'code' ? analyzer().importedFrom(localName) : undefined; },
    importedOfflineStore(localName) {
      if (language !== 'code' || !input.index) return undefined;
      const source = analyzer().importedFrom(localName);
      return source ? input.index.offlineStoreImport(input.relPath, source.module, source.imported) : undefined;
    },
    importedModelList(localName) {
      if (language !== 'code' || !input.index) return undefined;
      const source = analyzer().importedFrom(localName);
      return source ? input.index.modelListImport(input.relPath, source.module, source.imported) : undefined;
    },
    importedReducerState(localName) {
      if (language !== 'code' || !input.index) return undefined;
      const source = analyzer().importedFrom(localName);
      const typeName = source ? input.index.reducerStateImport(input.relPath, source.module, source.imported) : undefined;
      if (!typeName) return undefined;
      const kinds = input.index.resolve(typeName, classifier, input.relPath)?.kinds ?? [];
      const categories = kinds.map((kind) => PHI_KIND_BY_ID.get(kind)?.category);
      // a person's record: clinical data, a patient record, or more than one identifier of the person
      const record = categories.some((category) => category === 'clinical' || category === 'record') || categories.filter((category) => category === 'identifier').length > 1;
      return { typeName, kinds, record };
    },
    importedFromLocalQueryModule(localName) {
      if (language !== 'code' || !input.index) return false;
      const source = analyzer().importedFrom(localName);
      return source ? input.index.isLocalQueryModuleImport(input.relPath, source.module) : false;
    },
    storageHandleService(name) {
      return language === 'code' && input.index ? input.index.storageHandleService(name) : undefined;
    },
    uploadHelperMountNames(exported) {
      return language === 'code' && input.index ? input.index.uploadHelperMountNames(input.relPath, exported) : [];
    },
    localNamesFrom(module) { return language === 'code' ? analyzer().localNamesFrom(module) : []; },
    importsModule(module) { return language === 'code' ? analyzer().importsModule(module) : false; },
    suppressionProblems(policy) { return suppressions.problems(policy); },
    analysisProblem() { return problem; },
    isSanitizer(name) { return analyzer().isSanitizerName(name); },
    stringPrefixOf(node) {
      const value = analyzer().valueOf(node);
      return value.stringPrefix !== undefined && value.stringNode ? { text: value.stringPrefix, node: value.stringNode } : undefined;
    },
    constantOf(node) { return analyzer().valueOf(node).constant; },
    loggerDefinition(node) {
      if (language !== 'code') return undefined;
      const loggers = moduleLoggersOf(input);
      // `this.logger.debug(…)`: a class field set to a logger in this module
      if (node.type === 'MemberExpression') {
        const field = node.object.type === 'ThisExpression' && node.property.type === 'Identifier' && !node.computed ? loggers.locals.get(`this.${node.property.name}`) : undefined;
        return field?.kind === 'debug' && (loggers.enablesDebug || input.index?.enablesDebugInCode()) ? undefined : field;
      }
      if (node.type !== 'Identifier') return undefined;
      const imported = (name: string) => {
        const source = analyzer().importedFrom(name);
        return source && input.index ? input.index.loggerExport(input.relPath, source.module, source.imported) : undefined;
      };
      let definition = loggers.locals.get(node.name) ?? imported(node.name);
      // `const log = logger.child({ module })` of an imported `logger`: the parent's level (an `extend` adds to the namespace)
      const derived = definition ? undefined : loggers.derived?.get(node.name);
      const parent = derived ? imported(derived.parent) : undefined;
      if (parent && derived) definition = parent.kind === 'debug' ? (derived.extend ? { kind: 'debug', namespace: `${parent.namespace}:${derived.extend}` } : undefined) : derived.extend ? undefined : parent;
      // `debug.enable('app:*')` somewhere in the code: namespaces are not decided by the shipped DEBUG setting alone
      if (definition?.kind === 'debug' && (loggers.enablesDebug || input.index?.enablesDebugInCode())) return undefined;
      return definition;
    },
    hasTag(node, tag) { return hasTag(analyzer().valueOf(node), tag); },
    hasShapeWithoutPhi(node) {
      if (language !== 'code') return false;
      const value = analyzer().valueOf(node);
      return value.typeName !== undefined && !hasPhi(value) && analyzer().declaresShapeWithoutPhi(value.typeName);
    },
    getText(node) { return input.text.slice(node.range[0], node.range[1]); },
    parentOf(node) { return (node as { parent?: TSESTree.Node }).parent; },
    report(descriptor) {
      // A message id the rule does not declare is the rule's bug: fail it (isolated, reported as a
      // rule error) instead of printing the id to the user as if it were the message.
      if (!Object.hasOwn(rule.meta.messages, descriptor.messageId)) throw new Error(`reported unknown message id "${descriptor.messageId}"`);
      reports.push({ rule, descriptor, probedExport: language === 'code' && !problem ? analyzer().probing : undefined });
    },
  };
}

// ── JSON ─────────────────────────────────────────────────────────────────────────────────────

function analyzeJson(
  input: AnalyzeInput,
  rules: readonly AnyRule[],
  lineStarts: number[],
  reports: PendingReport[],
  onRuleError: (ruleId: string, error: unknown) => void,
  suppressions: FileSuppressions,
): Unanalysed | undefined {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(input.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (error) {
    if (error instanceof RangeError) {
      const detail = 'JSON is nested too deeply to parse (maximum call stack exceeded)';
      return { skipped: { file: input.relPath, reason: 'parse-error', detail }, problem: { kind: 'nesting-limit', detail, offsets: [0, 0] } };
    }
    throw error;
  }
  if (errors.length) {
    const first = errors[0];
    const range = rangeFromOffsets(lineStarts, first.offset, first.offset + first.length);
    const notJson = notJsonByDesign(input.text, first.offset);
    if (notJson) return { skipped: { file: input.relPath, reason: 'not-json', detail: notJson } };
    const detail = `${range.start.line}:${range.start.column} ${printParseErrorCode(first.error)}`;
    return { skipped: { file: input.relPath, reason: 'parse-error', detail }, problem: { kind: 'parse-error', detail, offsets: [first.offset, first.offset] } };
  }
  if (!tree) return undefined;
  throwIfPastDeadline(input.deadline);
  const check = deadlineCheck(input.deadline);
  const classifier = classifierFor(input.config, input.text);
  const active: Array<{ ruleId: string; visitors: RuleVisitors }> = [];
  const noAnalyzer = (): Analyzer => {
    throw new Error('taint analysis is not available in JSON files');
  };
  for (const rule of rules) {
    try {
      const context = createContext(rule, input, 'json', classifier, reports, noAnalyzer, suppressions);
      active.push({ ruleId: rule.meta.id, visitors: rule.create(context, input.rules.optionsFor(rule, input.config)) });
    } catch (error) {
      onRuleError(rule.meta.id, error);
    }
  }
  const failed = new Set<string>();
  const call = (ruleId: string, fn: () => void) => {
    if (failed.has(ruleId)) return;
    try {
      fn();
    } catch (error) {
      failed.add(ruleId);
      onRuleError(ruleId, error);
    }
  };
  walkJson(tree, [], (property) => {
    check();
    for (const { ruleId, visitors } of active) if (visitors.JsonProperty) call(ruleId, () => visitors.JsonProperty!(property));
  }, (node, nodePath) => {
    for (const { ruleId, visitors } of active) if (visitors.JsonString) call(ruleId, () => visitors.JsonString!(node, nodePath));
  });
  for (const { ruleId, visitors } of active) if (visitors['JsonDocument:exit']) call(ruleId, () => visitors['JsonDocument:exit']!());
  return undefined;
}

function walkJson(
  node: JsonNode,
  nodePath: string[],
  onProperty: (property: JsonPropertyInfo) => void,
  onString: (node: JsonNode, path: string[]) => void,
): void {
  // Iterative: a JSON file nested 10,000 levels deep must not overflow the stack.
  const stack: Array<{ node: JsonNode; path: string[] }> = [{ node, path: nodePath }];
  while (stack.length) {
    const { node: current, path: currentPath } = stack.pop()!;
    if (current.type === 'object') {
      const children = current.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) {
        const property = children[i];
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const propertyPath = [...currentPath, key];
        stack.push({ node: property, path: propertyPath });
        if (valueNode) stack.push({ node: valueNode, path: propertyPath });
      }
    } else if (current.type === 'property') {
      const [keyNode, valueNode] = current.children ?? [];
      onProperty({ node: current, keyNode, valueNode, key: String(keyNode.value), path: currentPath });
    } else if (current.type === 'array') {
      const children = current.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: [...currentPath, String(i)] });
    } else if (current.type === 'string') {
      onString(current, currentPath);
    }
  }
}

// ── findings ─────────────────────────────────────────────────────────────────────────────────

function reportOffsets(descriptor: ReportDescriptor): [number, number] {
  if (descriptor.offsets) return descriptor.offsets;
  if (descriptor.node) return [descriptor.node.range[0], descriptor.node.range[1]];
  if (descriptor.jsonNode) return [descriptor.jsonNode.offset, descriptor.jsonNode.offset + descriptor.jsonNode.length];
  return [0, 0];
}

/** The rule's template with its data, each value through the "looks like a value" filter (value-mask.ts). */
function renderMessage(template: string, kinds: readonly string[], data: Record<string, string> | undefined): string {
  return renderTemplate(template, data, (key) => (key === 'kinds' ? describeKinds(kinds) : undefined));
}

/** The less precise of two. */
function lessPrecise(a: Precision, b: Precision): Precision {
  return PRECISION_STEPS.indexOf(a) >= PRECISION_STEPS.indexOf(b) ? a : b;
}

function lowerPrecision(precision: Precision): Precision {
  return PRECISION_STEPS[Math.min(PRECISION_STEPS.length - 1, PRECISION_STEPS.indexOf(precision) + 1)];
}

/**
 * The configured severity, else the rule's, one step lower for medium-sensitivity data alone (a ZIP
 * code, a visit date) and one step lower in operators' scripts (not the product, but run on real data).
 */
function effectiveSeverity(rule: AnyRule, config: ResolvedConfig, kinds: readonly string[], reported: Severity | undefined, role: FileRole): Severity {
  const configured = config.rules[rule.meta.id]?.severity;
  if (configured && configured !== 'off') return configured;
  let steps = 0;
  if (kinds.length > 0 && kinds.every((kind) => PHI_KIND_BY_ID.get(kind)?.sensitivity === 'medium')) steps++;
  // Findings about the scan itself (a file not analysed) say the same whatever the file is for.
  if (role === 'script' && !rule.meta.roleIndependentSeverity) steps++;
  const base = reported ?? rule.meta.defaultSeverity;
  return SEVERITY_STEPS[Math.min(SEVERITY_STEPS.length - 1, SEVERITY_STEPS.indexOf(base) + steps)];
}

function buildFindings(reports: PendingReport[], input: AnalyzeInput, lineStarts: number[], onRuleError: (ruleId: string, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  const fileRole = input.role?.role ?? 'production';
  const seen = new Set<string>();
  const fingerprints = new Fingerprints(input.relPath, input.text);
  for (const { rule, descriptor, messageSuffix, developmentOnly, fingerprintWithoutKinds } of reports) {
    // In the product's code, a branch that runs only in development is development code, like a dev-only file.
    const inProduct = fileRole === 'production' || fileRole === 'script';
    const role: FileRole = inProduct && (developmentOnly || (descriptor.node && 'parent' in descriptor.node && isDevelopmentOnly(descriptor.node as TSESTree.Node))) ? 'development' : fileRole;
    const [start, end] = reportOffsets(descriptor);
    const kinds = [...new Set([...(descriptor.taint?.kinds ?? []), ...(descriptor.kinds ?? [])])].sort();
    // One finding per rule and place: the same sink reached twice (a helper walked again for a second
    // caller, a node two visitors look at) is reported once, with what was found first.
    const dedupeKey = `${rule.meta.id}:${start}:${end}:${descriptor.discriminator ?? ''}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const range = rangeFromOffsets(lineStarts, start, end);
    const template = rule.meta.messages[descriptor.messageId];
    if (template === undefined) {
      onRuleError(rule.meta.id, new Error(`reported unknown message id "${descriptor.messageId}"`));
      continue;
    }
    const related = [
      ...(descriptor.taint?.origins ?? [])
        .filter((origin) => origin.range.startOffset !== start || origin.range.endOffset !== end)
        .map((origin) => ({ file: input.relPath, range: origin.range, message: maskLabel(origin.label) })),
      ...(descriptor.related ?? []).map((location) => ({ ...location, message: maskLabel(location.message) })),
    ];
    const identifiers = [...new Set(kinds.map((kind) => PHI_KIND_BY_ID.get(kind)?.safeHarbor).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
    const precision = descriptor.precision ?? (descriptor.taint?.confidence === 'medium' ? lowerPrecision(rule.meta.precision) : rule.meta.precision);
    findings.push({
      ruleId: rule.meta.id,
      severity: effectiveSeverity(rule, input.config, kinds, descriptor.severity, role),
      message: renderMessage(template, kinds, descriptor.data) + (messageSuffix ?? ''),
      file: input.relPath,
      range,
      related,
      phiKinds: kinds,
      hipaa: { identifiers, safeguards: [...rule.meta.hipaa] },
      cwe: [...rule.meta.cwe],
      fingerprint: fingerprints.next({ ruleId: rule.meta.id, messageId: descriptor.messageId, kinds: fingerprintWithoutKinds ? [] : kinds, start, end, node: descriptor.node, jsonNode: descriptor.jsonNode }),
      fixes: toFixes(descriptor, lineStarts),
      precision,
      role,
      // A whole file hidden for what its application or folder is (a developer playground, a teaching simulation): say why.
      ...(role === fileRole && (role === 'development' || role === 'simulation') && input.role?.reason ? { roleReason: input.role.reason } : {}),
    });
  }
  return findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.ruleId.localeCompare(b.ruleId));
}

function toFixes(descriptor: ReportDescriptor, lineStarts: number[]): Fix[] {
  if (!descriptor.fix) return [];
  const fixes = Array.isArray(descriptor.fix) ? descriptor.fix : [descriptor.fix];
  return fixes.map((fix) => ({
    description: fix.description,
    edits: fix.edits.map((edit) => ({ range: rangeFromOffsets(lineStarts, edit.start, edit.end), text: edit.text })),
  }));
}
