// The contract between the engine and a rule, and the only door through which rules reach the engine's
// knowledge (modelled on typescript-eslint's `RuleCreator`): one rule = one file in rules/, created with
// `createRule({ meta, defaultOptions, create(context, options) })`. Message ids are typed against
// `meta.messages`; options are merged over `defaultOptions` and validated against `meta.schema` by the
// config loader before a rule ever sees them.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node as JsonNode } from 'jsonc-parser';
import type { FileRole, ResolvedConfig } from '../core/config-types';
import type { Precision, Range, Severity } from '../core/types';

export type { TSESTree, JsonNode };
export type { FileRole, ResolvedConfig } from '../core/config-types';
export type { LoggerDefinition, Precision, Range, Severity } from '../core/types';
export { calleeName, dottedName, keyName, lastSegment, propertyName } from './ast';
export { splitWords, withoutContactKinds, keyNamesTheNumberOfAnId, describeKinds, kindLabel, subjectOfName, isAccountContextName, isAppUserName, namesReferenceData, terminologyKinds, type Subject } from '../vocabulary/classify';
export * from '../vocabulary/phi-kinds';
export * from '../vocabulary/fhir-resources';
export * from '../vocabulary/flows';
export * from '../vocabulary/name-traps';
export * from '../vocabulary/library-models';

export type RuleCategory = 'logging' | 'storage' | 'transport' | 'third-party' | 'errors' | 'crypto' | 'config' | 'literals' | 'meta';

export interface RuleMeta<MessageIds extends string = string> {
  /** kebab-case id, e.g. "no-phi-in-logs". The docs URL is derived from it. */
  id: string;
  /** One sentence, shown in `phi-guard rules`, SARIF shortDescription and hovers. */
  description: string;
  /** Longer explanation (SARIF fullDescription). */
  rationale: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** e.g. ["CWE-532"]. */
  cwe: string[];
  /** HIPAA Security/Privacy Rule references, e.g. ["164.312(b)"]. */
  hipaa: string[];
  precision: Precision;
  /** 0.0–10.0, GitHub code scanning's security-severity. */
  securitySeverity: number;
  /** Message templates; `{{kinds}}` is filled with the PHI kinds' labels, other `{{x}}` from `data`. */
  messages: Record<MessageIds, string>;
  /** JSON schema of the rule's options object; the config loader validates options against it. */
  schema: Record<string, unknown>;
  /** Whether some findings carry a safe automatic fix. */
  fixable?: boolean;
  /** Comments cannot suppress this rule's findings (the audit trail of suppressions itself). */
  unsuppressible?: boolean;
  /**
   * The file roles the rule reports in unless the user asks for more (`--include-tests`, `--roles`).
   * Default: production and script files (scripts one severity lower).
   */
  roles?: readonly FileRole[];
  /** Which files the rule looks at. */
  languages: Array<'code' | 'json'>;
  /**
   * The severity is not lowered in operators' scripts: for findings about the scan itself (a file the
   * engine could not analyse), not about PHI.
   */
  roleIndependentSeverity?: boolean;
  /**
   * A helper several production files hand PHI to is reported once in the helper (the shared fix); with this set,
   * each caller's argument is reported too. For stores: a storage adapter takes a key and a value, and every caller
   * chooses a record of its own to keep on the device, each an exposure of its own besides the adapter's.
   */
  reportsCallersOfSharedHelpers?: boolean;
}

/** A PHI kind carried by a value, plus where it came from. */
export interface TaintOrigin {
  range: Range;
  /** Describes the source without quoting any value, e.g. "date of birth read from `patient.birthDate`". */
  label: string;
  /**
   * The source is the response of a read of a patient route: what a promise or an Observable of it
   * resolves with or emits (`subscribe(next)`, `pipe(map(…))` hand it on; a name's guess does not).
   */
  response?: true;
  /**
   * The source is the criteria of a FHIR search a server received (`request.queryParams`), or what was built
   * from them: rules say that criteria POSTed to `_search` to keep them out of URLs end up in one.
   */
  searchCriteria?: true;
  /**
   * The source is the URL of the request being served (`req.originalUrl`): its query string is already in the URL its
   * client sent, so it matters where the server writes it down (a log), not where it hands it back to that client
   * or forwards the same query on.
   */
  servedUrl?: true;
}

/** What the taint analysis knows about the value of an expression at a point of the walk. */
export interface Taint {
  /** PHI kind ids, sorted, unique. Empty means "no PHI known". */
  readonly kinds: readonly string[];
  readonly origins: readonly TaintOrigin[];
  /** How sure the analysis is that the value carries PHI (name-only guesses are "medium"). */
  readonly confidence: 'high' | 'medium';
}

export interface TextEditDescriptor {
  /** 0-based offsets into the file text. */
  start: number;
  end: number;
  text: string;
}

export interface FixDescriptor {
  description: string;
  edits: TextEditDescriptor[];
}

export interface ReportDescriptor<MessageIds extends string = string> {
  /** The node (code) or JSON node to underline; or an explicit [start, end) offset range. */
  node?: TSESTree.Node | TSESTree.Token;
  jsonNode?: JsonNode;
  offsets?: [number, number];
  messageId: MessageIds;
  /** Values for `{{placeholders}}`. Must never contain PHI values (names of code are fine). */
  data?: Record<string, string>;
  /** The PHI involved: fills `{{kinds}}`, the related locations and the HIPAA identifier refs. */
  taint?: Taint;
  /** Extra PHI kinds when there is no taint (e.g. literal detection). */
  kinds?: string[];
  fix?: FixDescriptor | FixDescriptor[];
  /** Overrides meta.precision for this finding (a guess says so). */
  precision?: Precision;
  /** Overrides meta.defaultSeverity for this finding; the user's config still wins. */
  severity?: Severity;
  /**
   * Tells apart two findings of one rule at one place (a suppression comment without a reason that also
   * names an unknown rule). Without it a second report at the same place is the same finding, once.
   */
  discriminator?: string;
  /** Related locations besides the PHI's origins (e.g. the sink inside another file's function). */
  related?: Array<{ file: string; range: Range; message: string }>;
}

export interface JsonPropertyInfo {
  /** The property node (type "property"). */
  node: JsonNode;
  keyNode: JsonNode;
  valueNode: JsonNode | undefined;
  key: string;
  /** Keys from the document root to this property, e.g. ["database", "ssl"]. */
  path: string[];
}

export interface RuleContext<MessageIds extends string = string> {
  readonly ruleId: string;
  /** Workspace-relative POSIX path. */
  readonly file: string;
  readonly text: string;
  readonly language: 'code' | 'json';
  readonly config: ResolvedConfig;
  /** What the file is for: rules that report in tests too (no-phi-literal) are stricter there. */
  readonly fileRole: FileRole;
  /** PHI carried by the value of `node` at the current point of the walk. */
  taintOf(node: TSESTree.Node): Taint;
  /** PHI kind ids a name (identifier, property, key) suggests; [] for traps such as `patientCount`. */
  classifyName(name: string): string[];
  /** The full verdict on a name: its kinds, whether it is a trap (a count, flag, format, id…), and whether it names a person (`patientList`). */
  classify(name: string, personContext?: boolean): { kinds: readonly string[]; trap: boolean; personContext: boolean };
  /** Where a local name was imported or required from, e.g. { module: 'next/navigation', imported: 'redirect' }. */
  importedFrom(localName: string): { module: string; imported: string } | undefined;
  /**
   * The browser or device database (PouchDB, Dexie, a localForage instance, an MMKV store created without an encryption key) another workspace module creates and exports, when `localName` is imported
   * from it by a relative path (`import { recordsDB } from './Patientlist'`): its library and the name it is opened under;
   * `factory` when the export is a function that opens and returns the database (`export function openDb()`).
   */
  importedOfflineStore(localName: string): { library: 'PouchDB' | 'Dexie' | 'localForage' | 'MMKV'; storeName?: string; factory?: boolean } | undefined;
  /**
   * The state a Redux reducer imported as `localName` holds, when its module declares that state's type (a Redux
   * Toolkit slice's typed `initialState`, a reducer function's typed `state` parameter): the type's name and the PHI
   * kinds the workspace type index gives it; `record` when those kinds make a person's record (clinical data, a patient
   * record, or more than one identifier) rather than one setting that looks like an identifier (a streaming host's
   * `ipAddress`). Undefined when the reducer is not a workspace module's or its state is untyped.
   */
  importedReducerState?(localName: string): { typeName: string; kinds: readonly string[]; record: boolean } | undefined;
  /**
   * Whether `localName` is imported by a relative path from a workspace module that builds SQL or opens a device or
   * in-browser database and makes no HTTP request (`import { getPersons } from './queries/sql'`): its reads are local queries.
   */
  importedFromLocalQueryModule(localName: string): boolean;
  /**
   * The model classes a list `localName` names, when it is imported from a workspace module that exports it as a literal
   * list of classes (`export const MODELS = [Patient, Encounter]`, `export const schema = { schema: [Patient] }`), by a
   * relative path or a workspace alias (`~/models`); `keyed` when that literal also gives an encryption key option.
   */
  importedModelList?(localName: string): { names: readonly string[]; keyed: boolean } | undefined;
  /**
   * The web storage an AngularJS service of the workspace hands its callers when it is registered as `name` and returns
   * ngStorage's `$localStorage`/`$sessionStorage` or a namespace of one (`AppCache('patient-filters')`): what a caller
   * assigns on that object is written to storage. Undefined otherwise.
   */
  storageHandleService(name: string): string | undefined;
  /**
   * What the routes of other workspace files say about the uploads they hand to this module's export `exported`
   * (`app.post('/patients/:uuid/documents', upload.middleware('docs', 'documents'), …)` with `upload` required from
   * this module): the routes' path segments and the call's literal arguments. Empty when none mounts it.
   */
  uploadHelperMountNames(exported: string): string[];
  /**
   * The local names bound to a module's exports (`import jwt from 'jsonwebtoken'`, `const { sign } =
   * require('jsonwebtoken')`), with what each names: `default`, `*` for a namespace, or the export.
   * A RegExp matches module specifiers (`/^pouchdb(-browser)?$/`).
   */
  localNamesFrom(module: string | RegExp): ReadonlyArray<{ local: string; imported: string; module: string }>;
  /** Whether the file imports or requires a matching module at all (side-effect imports included). */
  importsModule(module: string | RegExp): boolean;
  /**
   * The problems the engine found in this file's suppression comments (for `valid-suppression`), in file
   * order, at most `policy.maxProblems` of them followed by one `more-problems` entry counting the rest.
   */
  suppressionProblems(policy?: SuppressionPolicy): readonly SuppressionProblem[];
  /**
   * Why the engine could not analyse this file (for `unanalysed-file`), in its `File:unanalysed`
   * visitor; undefined in files that were analysed.
   */
  analysisProblem(): AnalysisProblem | undefined;
  /**
   * The known leading text of a string value (a literal, a template's first part, a constant it was
   * assigned from) and the literal node that spells it; undefined when unknown.
   */
  stringPrefixOf(node: TSESTree.Node): { text: string; node: TSESTree.Node } | undefined;
  /** A fully known constant value of an expression (string, number, boolean, null). */
  constantOf(node: TSESTree.Node): string | number | boolean | null | undefined;
  /**
   * Whether the analysis tagged the value: "logger" for `pino()` results and child loggers,
   * "request-body" for a whole HTTP request body (`req.body`, `ctx.request.body`, `event.body`) and
   * the variables it was assigned to, "compiled-template" for a template compiled into a function (lodash's `template`).
   */
  /**
   * The logger a name holds, when this module or the module it is imported from (relative import) creates it at
   * its top level with something that decides which lines it writes: a `debug` namespace or a level.
   */
  loggerDefinition(node: TSESTree.Node): import('../core/types').LoggerDefinition | undefined;
  hasTag(node: TSESTree.Node, tag: 'logger' | 'idb-store' | 'sanitized' | 'encrypted' | 'write-stream' | 'request-body' | 'workspace-content' | 'compiled-template'): boolean;
  /**
   * Whether the value's declared type is one the workspace spells out field by field (strings, numbers, booleans,
   * other such types; functions left out) with no PHI in any field: `state: VisitStoreState` of uuids and callbacks.
   * A storage key's or a variable's name then adds nothing to what the value holds.
   */
  hasShapeWithoutPhi(node: TSESTree.Node): boolean;
  /** Whether `name` names a sanitizer (redact, mask, encrypt, … plus config). */
  isSanitizer(name: string): boolean;
  getText(node: TSESTree.Node | TSESTree.Token): string;
  /** The parent of a node in the code AST. */
  parentOf(node: TSESTree.Node): TSESTree.Node | undefined;
  /**
   * A workspace file that writes patient search terms (typed search text, a name or a record number) into the page URL,
   * from the scan's index; undefined when none does or there is no index. Copies of the page URL's query are copies of
   * those terms only where this holds.
   */
  patientSearchPageUrlWriter(): string | undefined;
  /**
   * Whether `name` is a hook of the workspace that writes the page URL's query (it reads and writes it itself, or calls
   * such a hook of the workspace), from the scan's index; false without one.
   */
  isUrlQueryHook(name: string): boolean;
  /**
   * Whether the value is an instance of a workspace class that is an HTTP client of its own (its `get(url, …)` or
   * `delete(url, …)` hands the URL to HttpClient, axios or fetch): `this.server` with `constructor(private server: Server)`.
   */
  isHttpClientInstance(node: TSESTree.Node): boolean;
  /**
   * When `receiver.method(…)` is a workspace service's method that hands one of its parameters to an HTTP client's GET
   * as the query (`get(params) { return this.server.get(this.url, { params }); }`): that parameter's position and the
   * request URL's known text (`X` for unknown parts). `byName`: the receiver's class is unknown and the method was
   * found by its name alone (a constructor-style member, `self.get_contact = function (filters) {…}`), so no cross-file
   * summary follows the caller's values: the rule judges them itself. `config`: the parameter is the client's whole
   * request config (`$http.get(url, config)`), whose `params` are the query. `urlParameter`: the method builds the query
   * string onto a URL its caller passes at that position (`super.getJson('search/patients', params)`), so the URL's
   * text is the caller's argument and no cross-file summary follows the values either.
   */
  queryForwardedBy(receiver: TSESTree.Node, method: string): { parameter: number; urlText: string; byName?: boolean; config?: boolean; urlParameter?: number } | undefined;
    /**
   * When `callee` names a function of a relatively imported workspace module (`find` of `const { find } =
   * require('./patients')`, `Patients.find` of `const Patients = require('../patients')`): the keys that function reads
   * from its first parameter (`options.name`, a destructuring, a query builder over it). Empty when unknown.
   */
  queryKeysReadBy?(callee: TSESTree.Node): readonly string[];
  /** Like queryKeysReadBy, for a function taking the incoming request whole: the keys it reads from the request's query (`req.query.documento`). */
  requestQueryKeysReadBy?(callee: TSESTree.Node): readonly string[];
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** What is wrong with a suppression comment, as the engine evaluated it. */
export interface SuppressionProblem {
  /**
   * `missing-reason`, `placeholder-reason` (`reason`, `TODO`, `x`, `...`, a `<placeholder>`, fewer than two
   * words), `invalid-until` and `expired` make the directive suppress nothing; `unknown-rule` (the known
   * rules of the directive still hold), `until-too-far` (further ahead than the horizon) and `file-wide`
   * (a whole-file disable of every rule, valid but worth a look) are reported while it holds;
   * `more-problems` stands for the problems beyond `maxProblems` (their count in `detail`).
   */
  kind: 'missing-reason' | 'placeholder-reason' | 'invalid-until' | 'expired' | 'until-too-far' | 'unknown-rule' | 'file-wide' | 'more-problems';
  /** The comment's [start, end) offsets. */
  offsets: [number, number];
  /** `all rules` or the rule ids it names (ids not shaped like one are shown as `…`). */
  subject: string;
  /** The unknown rule id (masked unless shaped like one), the horizon in days, or the count of further problems. */
  detail?: string;
  /** A known rule id close to an unknown one. */
  suggestion?: string;
}

/** Why a source file could not be analysed, as the engine tells it. Never contains file content. */
export interface AnalysisProblem {
  /**
   * `parse-error`: a syntax error; `nesting-limit`: code nested too deeply to parse or analyse (long
   * operator chains are rebalanced first); `size-limit`: over `maxFileSize`; `encoding`: bytes that
   * are not text in any encoding tried.
   */
  kind: 'parse-error' | 'nesting-limit' | 'size-limit' | 'encoding';
  /** e.g. "3:14 ';' expected" (quoted names masked), "1.2 MB exceeds the 1.0 MB limit". */
  detail: string;
  /** Where to report: the syntax error, else the start of the file. */
  offsets: [number, number];
}

/** How `suppressionProblems()` judges and caps (the `valid-suppression` rule's options). */
export interface SuppressionPolicy {
  /** An `until` date more than this many days ahead is reported. Default 365. */
  untilHorizonDays?: number;
  /** At most this many problems per file; the rest are counted in one `more-problems` entry. Default 20. */
  maxProblems?: number;
}

export interface CodeVisitors {
  [selector: string]: ((node: any, ...rest: any[]) => void) | undefined;
}

export interface JsonVisitors {
  JsonProperty?: (property: JsonPropertyInfo) => void;
  /** Every string value (property values and array elements). */
  JsonString?: (node: JsonNode, path: string[]) => void;
  /** Once per JSON document, after its properties and strings. */
  'JsonDocument:exit'?: () => void;
}

export interface FileVisitors {
  /**
   * Once, instead of any other visitor, for a file the engine could not analyse (a syntax error,
   * nesting too deep, over the size limit, undecodable); `context.analysisProblem()` says why.
   */
  'File:unanalysed'?: () => void;
}

export type RuleVisitors = CodeVisitors & JsonVisitors & FileVisitors;

/** What `createRule` takes: typed meta, default options, and `create` with the merged options. */
export interface RuleDefinition<MessageIds extends string, Options extends object> {
  meta: RuleMeta<MessageIds>;
  /** Every option with its default; the user's options are merged over these. */
  defaultOptions: Options;
  create(context: RuleContext<MessageIds>, options: Readonly<Options>): RuleVisitors;
}

export interface Rule<MessageIds extends string = string, Options extends object = object> {
  readonly meta: RuleMeta<MessageIds>;
  readonly defaultOptions: Options;
  create(context: RuleContext<MessageIds>, options: Readonly<Options>): RuleVisitors;
}

/** A rule as the engine holds it, whatever its message ids and options. */
export type AnyRule = Rule<string, any>;

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Defines a rule. Checks what types cannot: a kebab-case id, at least one language, and message
 * templates that are non-empty, so a mistake fails when the rule pack loads, not in a user's report.
 */
export function createRule<MessageIds extends string, Options extends object>(definition: RuleDefinition<MessageIds, Options>): Rule<MessageIds, Options> {
  const { meta } = definition;
  if (!RULE_ID.test(meta.id)) throw new Error(`rule id "${meta.id}" must be kebab-case`);
  if (meta.languages.length === 0) throw new Error(`rule ${meta.id} must name at least one language`);
  for (const [messageId, template] of Object.entries<string>(meta.messages)) {
    if (template.trim() === '') throw new Error(`rule ${meta.id}: message "${messageId}" is empty`);
  }
  return Object.freeze({ meta, defaultOptions: definition.defaultOptions, create: definition.create });
}

export const DOCS_BASE_URL = 'https://github.com/phi-guard/phi-guard/blob/main/rules/docs/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
