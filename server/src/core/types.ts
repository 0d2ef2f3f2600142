// Core data types shared by the engine, the rules, the reporters, the CLI and the language server.
// Nothing here imports vscode or vscode-languageserver.

/** What a file is for (engine/roles.ts decides; `.phi-guard.json` `roles` globs win). */
export type FileRole = 'production' | 'script' | 'development' | 'unreachable' | 'simulation' | 'test' | 'mock' | 'fixture' | 'story' | 'e2e' | 'generated' | 'vendored' | 'docs';

export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';

/** 1-based line, 1-based column counted in UTF-16 code units (what editors and SARIF use). */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive. `startOffset`/`endOffset` are 0-based UTF-16 offsets into the file text. */
export interface Range {
  start: Position;
  end: Position;
  startOffset: number;
  endOffset: number;
}

export interface RelatedLocation {
  /** Workspace-relative POSIX path of the file (usually the same file as the finding). */
  file: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Suppression {
  kind: 'inSource';
  /** The reason given after `--` in the suppression comment. */
  justification: string;
  until?: string;
  /** Where the suppression comment is. */
  range: Range;
}

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface HipaaRefs {
  /** HIPAA Safe Harbor identifier numbers (45 CFR 164.514(b)(2)(i)(A)–(R)), 1–18. */
  identifiers: number[];
  /** Security Rule safeguards, e.g. "164.312(b)". */
  safeguards: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Names the kinds of data ("date of birth", "SSN"), never the value. */
  message: string;
  /** Workspace-relative POSIX path. */
  file: string;
  range: Range;
  related: RelatedLocation[];
  /** PHI kind ids, e.g. ["ssn", "date-of-birth"]. */
  phiKinds: string[];
  hipaa: HipaaRefs;
  /** e.g. ["CWE-532"]. */
  cwe: string[];
  /** Stable under unrelated edits (lines added above, whitespace). */
  fingerprint: string;
  fixes: Fix[];
  precision: Precision;
  /** What the file it is in is for (production code, a test, a script…). */
  role?: FileRole;
  /**
   * Why the finding has the role it has when that is not its file's (`unreachable`: the function is never called), or
   * when its whole file is hidden for what it is (`development`: a developer playground; `simulation`: a teaching EHR).
   */
  roleReason?: string;
  suppressed?: Suppression;
}

export type SkipReason =
  | 'too-large'
  | 'minified'
  | 'binary'
  | 'invalid-encoding'
  | 'parse-error'
  /** A `.json` file whose content is another format (HCL, a config template with unquoted `${VAR}` placeholders). */
  | 'not-json'
  | 'unreadable'
  | 'symlink-loop'
  /** Another path (through a symbolic link) leads to a file or folder that is scanned already. */
  | 'duplicate'
  /** A symbolic link whose target lies outside the scanned folders (`--follow-external-links` follows it). */
  | 'external-link'
  | 'ignored'
  | 'analysis-error';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** Human readable detail, e.g. "2.3 MB exceeds the 1 MB limit" or the parser's message with line:column. */
  detail: string;
}

/** Something worth knowing about how a scanned file was read (it was analysed): e.g. its encoding. */
export interface FileNote {
  file: string;
  /** e.g. "not valid UTF-8 (byte offset 11): read as Windows-1252". Never file content. */
  detail: string;
}

/** A rule that threw while analysing a file: isolated, reported, the scan goes on. */
export interface RuleError {
  ruleId: string;
  file: string;
  message: string;
}

/** A parameter of an exported function that reaches a rule's sink inside that function. */
export interface ExportedSink {
  exportName: string;
  parameter: number;
  /** A rest parameter (`...args`): every argument from `parameter` on reaches the sink. */
  rest?: boolean;
  /**
   * The field of the argument that reaches the sink (`endpoint.name` logged: `name`); absent when the whole
   * argument does. A caller whose argument has that field known and free of PHI is not reported.
   */
  path?: string;
  ruleId: string;
  messageId: string;
  data?: Record<string, string>;
  /** Where the sink is, in the exporting file (or, through `via`, in a file it calls). */
  sink: RelatedLocation;
  /** Calls the parameter travels through before the sink (a chain across files), outermost first. */
  via?: RelatedLocation[];
  /** The functions the value passes through, outermost first (`record`, `keep`), for the message. */
  callees?: string[];
  /**
   * `medium` when what reaches the sink is only derived from the parameter through fields the analysis
   * cannot name (`entry.canonical.split('|')[0]`): such sinks are not followed along chains.
   */
  confidence?: 'high' | 'medium';
  /**
   * The precision the sink's rule gave its own report when it chose one (a collector known only by its
   * behaviour is `medium`): a caller's finding through this sink is no surer than the sink itself.
   */
  precision?: Precision;
}

/**
 * A parameter of an exported function passed on to an imported function (`record(v)` calls `keep(v)` of
 * another file): joined with the callee's own summary, it makes a chain across files.
 */
export interface ForwardedCall {
  exportName: string;
  parameter: number;
  /** As in ExportedSink: a rest parameter, and the field of it passed on. */
  rest?: boolean;
  path?: string;
  /** The called module as written in the exporting file, and the export the call reaches. */
  module: string;
  calleeExport: string;
  callee: string;
  /** Which argument of the onward call carries the parameter. */
  argument: number;
  /** The onward call, in the exporting file. */
  location: RelatedLocation;
  /** `medium` when the argument is only derived from the parameter (a field the analysis cannot name). */
  confidence?: 'high' | 'medium';
}

/** A call to an imported function with PHI in some arguments. */
export interface CrossFileCall {
  module: string;
  exportName: string;
  callee: string;
  range: Range;
  arguments: Array<{
    index: number;
    kinds: string[];
    origins: RelatedLocation[];
    confidence: 'high' | 'medium';
    /** Fields the argument is known to have without PHI (`{ name: 'patients.insert', run }`). */
    clearFields?: string[];
  }>;
  /** The call is in code that runs only in development (`if (process.env.NODE_ENV !== 'production')`). */
  developmentOnly?: boolean;
}

/** What one file contributes to the cross-file pass of a workspace scan. */
export interface CrossFileFlows {
  exports: ExportedSink[];
  calls: CrossFileCall[];
  /** Parameters of the probed exports passed on to imported functions. */
  forwards?: ForwardedCall[];
}

// What a file declares, exports, imports and mentions, for what never runs (engine/reachability.ts).
export interface ReachEntity {
  /** The name it is declared under (a method's key; `default` for an anonymous default export). */
  name: string;
  kind: 'function' | 'class' | 'method';
  start: number;
  end: number;
  /** Index of the enclosing entity, -1 at the module's top level. */
  parent: number;
  /** Names the module exports it under. */
  exported?: string[];
  /** Always reachable, and why (decorated, a global of a classic script, a public method). */
  pinned?: string;
  /** A function's parameters by position: the name and its declaration's range (undefined for a pattern; a rest parameter ends the list). */
  params?: Array<{ name: string; start: number; end: number } | null>;
  /**
   * A service-like class (decorated only as injectable, or undecorated, extending nothing): its public
   * methods are judged by the member names live code anywhere calls. `aka` lists the interfaces it implements.
   */
  service?: { aka?: string[] };
  /** A public method of a service-like class: live when live code anywhere names it as a member. */
  member?: true;
}

export interface ReachImport {
  /** The module specifier as written (`./store`, `@/api/patients`). */
  specifier: string;
  /** The imported export's name; `*` for the whole module (namespace, dynamic import, require, `export *`). */
  imported: string;
  /** The local name it is bound to (none for dynamic imports, requires and side-effect imports). */
  local?: string;
  /** A re-export (`export { a as b } from`, `export * from`): the name this module exports it under (`*` for all). */
  reexported?: string;
}

export interface ReachFacts {
  entities: ReachEntity[];
  /** Name → the entities (index; -1 for the top level) whose own code mentions it; declarations excluded. */
  mentions: Record<string, number[]>;
  imports: ReachImport[];
  /**
   * Name → how often the file mentions it and, for each call of it by that name (`f(a, b)`), which
   * arguments carry a value: 'v' a value, 'e' nothing (absent is shorter), `undefined`, a literal, a
   * constant bound to a literal (`const [q] = useState('')` with no setter); '*' a spread (anything after).
   * Only for names some function or import of the file is bound to.
   */
  calls?: Record<string, { mentions: number; calls: string[] }>;
  /** Parameter names bound more than once in the file, with where each binding starts (-1: a constant somewhere): perhaps shadowed. */
  rebound?: Record<string, number[]>;
  /** Member names (`x.name`, `x['name']`, `{ name } = x`, names in an inline template) → the contexts naming them. */
  members?: Record<string, number[]>;
  /** `this.service.name` where the class types `service` as a class or interface `Type`: `Type.name` → contexts. */
  typedMembers?: Record<string, number[]>;
  /** A member looked up by a computed key (`this[name]`, `x[key]()`): the classes the file names may be called any way. */
  dynamicMembers?: true;
  /** Component templates the file names (`templateUrl`), relative to the file. */
  templateUrls?: string[];
  /** Interfaces the file declares (an `implements` of one of them is a contract of the workspace, not a framework's). */
  interfaces?: string[];
  /** Source ranges of statements after an unconditional `return`/`throw`/`break`/`continue` of their block: never run. */
  deadCode?: Array<[number, number]>;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  skipped?: SkippedFile;
  ruleErrors: RuleError[];
  /** Exported sinks and imported calls, joined across files by a workspace scan. */
  flows?: CrossFileFlows;
  /** What the file declares, exports, imports and mentions: joined across files for what never runs (reachability.ts). */
  reach?: ReachFacts;
}

export interface ScanResult {
  /** Absolute path all `file` fields are relative to. */
  root: string;
  filesScanned: number;
  bytesScanned: number;
  findings: Finding[];
  skipped: SkippedFile[];
  ruleErrors: RuleError[];
  durationMs: number;
  /** Config files that applied, workspace-relative. */
  configFiles: string[];
  /** Findings not reported because of the role of their file (tests, mocks, fixtures…), by role. */
  hidden?: HiddenFindings;
  /** Files that were analysed but read in an unusual way (an encoding other than UTF-8). */
  notes?: FileNote[];
}

export interface HiddenFindings {
  total: number;
  byRole: Partial<Record<FileRole, number>>;
}

/**
 * What decides which lines a module-level logger writes: a `debug` package namespace (enabled by the DEBUG
 * environment variable), or a level (a literal, the library's default, or an environment variable with a default).
 * `otherwiseThanProduction`: the level is chosen by NODE_ENV (`NODE_ENV === 'production' ? 'info' : 'debug'`); `level`
 * is the production branch's, this one the other branch's.
 */
export type LoggerDefinition =
  | { kind: 'debug'; namespace: string }
  | { kind: 'level'; level?: string; envVar?: string; otherwiseThanProduction?: string };
