// `.phi-guard.json`: parsing (JSON with comments and trailing commas), validation against the shipped
// JSON schema with errors at the right line:column, and resolution of the config that applies to a file.
// A config is data, never code: nothing here evaluates workspace content.
import { PHI_KINDS } from '../vocabulary/phi-kinds';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  SyntaxKind,
  type Node as JsonNode,
  type ParseError,
  type Segment,
} from 'jsonc-parser';
import configSchema from '../../schema/phi-guard.schema.json';
import {
  ConfigError,
  defaultConfig,
  type ConfigOverlay,
  type FileRole,
  type PhiGuardConfigFile,
  type ResolvedConfig,
  type RuleConfig,
  type RuleSetting,
} from '../core/config-types';
import { computeLineStarts, positionAt } from '../core/text-range';
import { AppUsersFinder } from './app-users';
import { ComposeServicesFinder } from './compose-services';
import { ShippedEnvironmentFinder, type ShippedEnvironment } from './shipped-environment';
import { SilencedConsoleFinder } from './silenced-console';
import { SimulatedPatientsFinder } from './simulated-patients';
import { TestSupportFinder } from './test-support-packages';
import { didYouMean } from './did-you-mean';
import { MASK, isKeyShaped } from './value-mask';
import { describeFileType, describeFsError, formatBytes } from './read';


const PHI_KIND_IDS: readonly string[] = PHI_KINDS.map((kind) => kind.id);
export const CONFIG_FILE_NAME = '.phi-guard.json';

/**
 * A configuration is a few settings and lists: these bounds are far above any real one and keep a
 * hostile or broken file from overflowing the parser's stack or exhausting memory (a 12.9 MB config
 * aborted the process; 3,000 nested arrays overflowed the stack and were "Cannot read the configuration").
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_CONFIG_DEPTH = 64;

/** The top-level settings, for "did you mean" on unknown ones. */
const KNOWN_SETTINGS = Object.keys(configSchema.properties);

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon after the property name',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: 'Expected a closing brace',
  CloseBracketExpected: 'Expected a closing bracket',
  EndOfFileExpected: 'Expected the end of the file after the top-level value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated block comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

let compiledValidator: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // strictTuples is off because `[severity]` and `[severity, options]` share one tuple schema.
  compiledValidator ??= new Ajv({ allErrors: false, strictTuples: false }).compile(configSchema);
  return compiledValidator;
}

/** What the config loader needs to know about the rules: their ids and their option schemas. */
export interface RuleCatalog {
  readonly ids: ReadonlySet<string>;
  optionValidator(id: string): ValidateFunction | undefined;
}

/**
 * Parses and validates the text of a `.phi-guard.json`. Throws ConfigError with the position of the
 * first problem. `rules`, when given, makes unknown rule ids errors (a typo would otherwise silently
 * leave a rule at its default severity) and validates every rule's options against its schema.
 */
export function parseConfigText(text: string, file: string, rules?: RuleCatalog): PhiGuardConfigFile {
  const knownRuleIds = rules?.ids;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = computeLineStarts(source);
  const fail = (offset: number, reason: string): never => {
    const position = positionAt(lineStarts, offset);
    throw new ConfigError(file, position.line, position.column, reason);
  };

  if (source.length > MAX_CONFIG_BYTES) fail(0, tooLargeReason(source.length));
  if (source.trim() === '') return {};
  const tooDeep = firstOffsetDeeperThan(source, MAX_CONFIG_DEPTH);
  if (tooDeep !== undefined) fail(tooDeep, `Nested more than ${MAX_CONFIG_DEPTH} levels deep: a configuration never needs that`);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    fail(first.offset, PARSE_ERROR_TEXT[printParseErrorCode(first.error)] ?? 'Invalid JSON');
  }
  if (!root) return fail(0, 'Expected a JSON object');

  const duplicate = findDuplicateKey(root);
  if (duplicate) fail(duplicate.offset, `Duplicate key "${shownKey(duplicate.value as string)}": only the last one would count`);

  const value: unknown = getNodeValue(root);
  const validate = validator();
  if (!validate(value)) {
    const problem = describeSchemaError(pickError(validate.errors ?? []), knownRuleIds);
    fail(locateError(root, problem.error).offset, problem.reason);
  }

  if (rules && knownRuleIds) {
    const unknown = findUnknownRule(root, knownRuleIds);
    if (unknown) fail(unknown.keyNode.offset, unknownRuleReason(unknown.id, knownRuleIds));
    const badOption = findInvalidRuleOptions(root, rules);
    if (badOption) fail(badOption.node.offset, badOption.reason);
  }
  const unknownKind = findUnknownPhiKind(root);
  if (unknownKind) fail(unknownKind.offset, unknownKindReason(unknownKind.value as string));
  return value as PhiGuardConfigFile;
}

/**
 * A key, rule id or option name from the config as an error shows it: itself when it is shaped like a
 * key, else `…` — a config's keys are the team's text, and an error message must not carry a value
 * (`"Margaret Thornbury"`, `"287-65-4321"`) that someone put where a key belongs.
 */
function shownKey(key: string): string {
  return isKeyShaped(key) ? key : MASK;
}

/** A path of keys (`rules.no-phi-in-logs.1`), each segment shown as `shownKey` shows it. */
function shownPath(segments: readonly string[]): string {
  return segments.map(shownKey).join('.');
}

function tooLargeReason(size: number): string {
  return `The configuration is ${formatBytes(size)}; a configuration is at most ${formatBytes(MAX_CONFIG_BYTES)} (the file is not read)`;
}

/**
 * Where brackets first nest deeper than `limit`, found with the token scanner (a loop, no recursion),
 * before the recursive parser and validator ever see the text.
 */
function firstOffsetDeeperThan(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The first key that appears twice in one object (JSON allows it, but it is always a mistake here). */
function findDuplicateKey(node: JsonNode): JsonNode | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (!keyNode) continue;
      const key = keyNode.value as string;
      if (seen.has(key)) return keyNode;
      seen.add(key);
    }
  }
  for (const child of node.children ?? []) {
    const found = findDuplicateKey(child);
    if (found) return found;
  }
  return undefined;
}

function findUnknownRule(root: JsonNode, knownRuleIds: ReadonlySet<string>): { id: string; keyNode: JsonNode } | undefined {
  const rules = findNodeAtLocation(root, ['rules']);
  if (rules?.type !== 'object') return undefined;
  for (const property of rules.children ?? []) {
    const keyNode = property.children?.[0];
    if (keyNode && !knownRuleIds.has(keyNode.value as string)) return { id: keyNode.value as string, keyNode };
  }
  return undefined;
}

/**
 * The first rule whose options (`["error", { … }]`) do not match its schema, with the offending node:
 * an option of the wrong type would otherwise be used as it is (`"loggerNames": "audit"` would match
 * any logger whose name contains `aud`).
 */
function findInvalidRuleOptions(root: JsonNode, rules: RuleCatalog): { node: JsonNode; reason: string } | undefined {
  const section = findNodeAtLocation(root, ['rules']);
  if (section?.type !== 'object') return undefined;
  for (const property of section.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const optionsNode = valueNode?.type === 'array' ? valueNode.children?.[1] : undefined;
    if (!keyNode || !optionsNode) continue;
    const id = keyNode.value as string;
    const validate = rules.optionValidator(id);
    if (!validate || validate(getNodeValue(optionsNode))) continue;
    const error = validate.errors?.[0];
    if (!error) continue;
    const segments = pointerSegments(error.instancePath);
    const target = findNodeAtLocation(optionsNode, segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s))) ?? optionsNode;
    if (error.keyword === 'additionalProperties') {
      const option = String(error.params.additionalProperty);
      const known = Object.keys(((validate.schema as { properties?: object }).properties ?? {}));
      const suggestion = didYouMean(option, known);
      const keyOf = findNodeAtLocation(optionsNode, [...segments, option])?.parent?.children?.[0];
      return { node: keyOf ?? target, reason: `Rule "${shownKey(id)}": unknown option "${shownKey(option)}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
    }
    const where = segments.length > 0 ? `option "${shownPath(segments)}"` : 'options';
    return { node: target, reason: `Rule "${shownKey(id)}": ${where} ${error.message ?? 'is invalid'}` };
  }
  return undefined;
}

/** `phiNames` values must be PHI kind ids: a typo would silently classify nothing. */
function findUnknownPhiKind(root: JsonNode): JsonNode | undefined {
  const names = findNodeAtLocation(root, ['phiNames']);
  if (names?.type !== 'object') return undefined;
  for (const property of names.children ?? []) {
    const valueNode = property.children?.[1];
    if (valueNode?.type === 'string' && !PHI_KIND_IDS.includes(valueNode.value as string)) return valueNode;
  }
  return undefined;
}

function unknownKindReason(kind: string): string {
  const suggestion = didYouMean(kind, PHI_KIND_IDS);
  return `Unknown PHI kind "${shownKey(kind)}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (phi-guard explain lists the kinds)`;
}

function unknownRuleReason(id: string, knownRuleIds: ReadonlySet<string>): string {
  const suggestion = didYouMean(id, [...knownRuleIds]);
  return `Unknown rule "${shownKey(id)}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

/** With oneOf, ajv reports each branch's failure; the deepest error is the most specific one. */
function pickError(errors: ErrorObject[]): ErrorObject {
  // A bad key produces a `pattern` error about the object plus a `propertyNames` one naming the key.
  const badKey = errors.find((error) => error.keyword === 'propertyNames');
  if (badKey) return badKey;
  const depth = (error: ErrorObject) => error.instancePath.split('/').length;
  return [...errors].sort((a, b) => depth(b) - depth(a))[0];
}

interface SchemaProblem {
  error: ErrorObject;
  reason: string;
}

function describeSchemaError(error: ErrorObject, knownRuleIds: ReadonlySet<string> | undefined): SchemaProblem {
  const segments = pointerSegments(error.instancePath);
  const label = shownPath(segments);
  if (error.keyword === 'additionalProperties') {
    const property = String(error.params.additionalProperty);
    if (segments.length === 0) {
      const suggestion = didYouMean(property, KNOWN_SETTINGS);
      return { error, reason: `Unknown setting "${shownKey(property)}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
    }
    return { error, reason: `Unknown property "${shownKey(property)}" in ${label}` };
  }
  if (segments[0] === 'rules' && error.keyword === 'propertyNames') {
    const id = String(error.params.propertyName);
    if (knownRuleIds) return { error, reason: unknownRuleReason(id, knownRuleIds) };
    return { error, reason: `"${shownKey(id)}" is not a valid rule id (kebab-case, e.g. "no-phi-in-logs")` };
  }
  if (segments[0] === 'rules' && segments.length >= 2) {
    const rule = shownKey(segments[1]);
    if (segments.length === 3 && segments[2] === '1') {
      return { error, reason: `Rule "${rule}": options must be an object` };
    }
    return { error, reason: `Rule "${rule}": expected "error", "warning", "note", "off" or [severity, options]` };
  }
  if (segments.length === 0 && error.keyword === 'type') {
    return { error, reason: 'The configuration must be a JSON object' };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { error, reason: `${label || 'The configuration'} must be one of ${allowed}` };
  }
  if (error.keyword === 'required') {
    return { error, reason: `${label} needs the property "${String(error.params.missingProperty)}"` };
  }
  return { error, reason: `${label || 'The configuration'} ${error.message ?? 'is invalid'}` };
}

/** The node an error is about: the offending key for unknown keys, else the value (or its nearest ancestor). */
function locateError(root: JsonNode, error: ErrorObject): JsonNode {
  const segments: Segment[] = pointerSegments(error.instancePath).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const keyName =
    error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.keyword === 'propertyNames' ? error.params.propertyName : undefined;
  if (typeof keyName === 'string') {
    const valueNode = findNodeAtLocation(root, [...segments, keyName]);
    const keyNode = valueNode?.parent?.children?.[0];
    if (keyNode) return keyNode;
  }
  for (let length = segments.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, segments.slice(0, length));
    if (node) return node;
  }
  return root;
}

/** "/rules/a~1b" → ["rules", "a/b"] (RFC 6901 unescaping). */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Defaults merged with a parsed config file. */
export function resolveConfig(file: PhiGuardConfigFile, configFile: string | undefined, baseDir: string): ResolvedConfig {
  const defaults = defaultConfig(baseDir);
  return {
    ...defaults,
    configFile,
    rules: normalizeRules(file.rules ?? {}),
    phiNames: { ...(file.phiNames ?? {}) },
    notPhiNames: [...(file.notPhiNames ?? [])],
    appUsers: file.appUsers ?? defaults.appUsers,
    appUsersDeclared: file.appUsers !== undefined,
    sanitizers: [...(file.sanitizers ?? [])],
    redactor: file.redactor ? { ...file.redactor } : undefined,
    ignore: [...(file.ignore ?? [])],
    maxFileSize: file.maxFileSize ?? defaults.maxFileSize,
    encryptionTransformers: [...(file.encryptionTransformers ?? [])],
    roles: Object.entries(file.roles ?? {}).map(([role, globs]) => ({ role: role as FileRole, globs: [...(globs ?? [])] })),
  };
}

function normalizeRules(rules: Record<string, RuleSetting>): Record<string, RuleConfig> {
  const normalized: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(rules)) {
    normalized[id] = Array.isArray(setting)
      ? { severity: setting[0], options: { ...(setting[1] ?? {}) } }
      : { severity: setting, options: {} };
  }
  return normalized;
}

/** The config one file is analysed with: `.phi-guard.json` (resolved) with an overlay on top. */
export function applyOverlay(config: ResolvedConfig, overlay: ConfigOverlay | undefined): ResolvedConfig {
  if (!overlay) return config;
  const rules = { ...config.rules };
  for (const [ruleId, severity] of Object.entries(overlay.severities ?? {})) {
    rules[ruleId] = { severity, options: config.rules[ruleId]?.options ?? {} };
  }
  return {
    ...config,
    rules,
    sanitizers: [...new Set([...config.sanitizers, ...(overlay.sanitizers ?? [])])],
    redactor: overlay.redactor ? { name: overlay.redactor.name, module: overlay.redactor.module || undefined } : config.redactor,
  };
}

export interface ConfigResolverOptions {
  /** The rules in use: unknown rule ids and invalid options are config errors. */
  rules: RuleCatalog;
  /** `--config`: this file applies to every file instead of the nearest one. */
  explicitConfigFile?: string;
  /** baseDir of the defaults when no config file applies (the scan root). */
  fallbackBaseDir: string;
}

type LoadedConfig = { ok: true; config: ResolvedConfig } | { ok: false; error: ConfigError };

/**
 * Finds the config that applies to a file: the nearest `.phi-guard.json` up the tree (no merging with
 * configs further up, so what applies is always one file you can open). Invalid configs throw
 * ConfigError each time they are asked for, so a caller cannot miss the problem.
 */
/**
 * One derived config object per (config, key): files that share both share it, and so do the caches keyed by the
 * config object (classifiers, resolved types).
 */
function derivedConfig<K>(cache: WeakMap<ResolvedConfig, Map<K, ResolvedConfig>>, config: ResolvedConfig, key: K, derive: () => ResolvedConfig): ResolvedConfig {
  let byKey = cache.get(config);
  if (!byKey) cache.set(config, (byKey = new Map()));
  let derived = byKey.get(key);
  if (!derived) byKey.set(key, (derived = derive()));
  return derived;
}

export class ConfigResolver {
  private readonly rules: RuleCatalog;
  private readonly explicitConfigFile: string | undefined;
  private readonly fallbackBaseDir: string;
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly byConfigFile = new Map<string, LoadedConfig>();
  private fallback: ResolvedConfig | undefined;
  private readonly appUsers = new AppUsersFinder();
  private patientAppConfigs = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();
  private readonly simulatedPatients = new SimulatedPatientsFinder();
  private simulationConfigs = new WeakMap<ResolvedConfig, ResolvedConfig>();
  private readonly testSupport = new TestSupportFinder();
  private readonly composeServices = new ComposeServicesFinder();
  private composeConfigs = new WeakMap<ResolvedConfig, Map<readonly string[], ResolvedConfig>>();
  private readonly shippedEnvironment = new ShippedEnvironmentFinder();
  private environmentConfigs = new WeakMap<ResolvedConfig, Map<ShippedEnvironment, ResolvedConfig>>();
  private testSupportConfigs = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();
  private readonly silencedConsole = new SilencedConsoleFinder();
  private silencedConsoleConfigs = new WeakMap<ResolvedConfig, Map<readonly string[], ResolvedConfig>>();

  constructor(options: ConfigResolverOptions) {
    this.rules = options.rules;
    this.explicitConfigFile = options.explicitConfigFile ? path.resolve(options.explicitConfigFile) : undefined;
    this.fallbackBaseDir = path.resolve(options.fallbackBaseDir);
  }

  forFile(absPath: string): ResolvedConfig {
    const loaded = this.explicitConfigFile
      ? this.loadConfigFile(this.explicitConfigFile)
      : this.forFolder(path.dirname(path.resolve(absPath)));
    if (!loaded.ok) throw loaded.error;
    return this.withSilencedConsole(this.withShippedEnvironment(this.withComposeServices(this.withTestSupport(this.withSimulatedPatients(this.withAppUsersOfPackage(loaded.config, absPath)), absPath), absPath), absPath), absPath);
  }

  /** A file of an app whose entry page or entry module replaces console methods with no-ops gets them (`silencedConsole`); one object per (config, methods). */
  private withSilencedConsole(config: ResolvedConfig, absPath: string): ResolvedConfig {
    const silenced = this.silencedConsole.silencedFor(absPath, config.baseDir);
    if (silenced.length === 0) return config;
    return derivedConfig(this.silencedConsoleConfigs, config, silenced, () => ({ ...config, silencedConsole: silenced }));
  }

  /** A file below env files, compose files, Dockerfiles or run scripts gets the variables they set (`shippedEnvironment`); one object per (config, environment). */
  private withShippedEnvironment(config: ResolvedConfig, absPath: string): ResolvedConfig {
    const environment = this.shippedEnvironment.environmentFor(absPath, config.baseDir);
    if (Object.keys(environment).length === 0) return config;
    return derivedConfig(this.environmentConfigs, config, environment, () => ({ ...config, shippedEnvironment: environment }));
  }

  /** A file below Docker Compose files gets the names of their services (`composeServices`); one object per (config, names). */
  private withComposeServices(config: ResolvedConfig, absPath: string): ResolvedConfig {
    const services = this.composeServices.servicesFor(absPath, config.baseDir);
    if (services.length === 0) return config;
    return derivedConfig(this.composeConfigs, config, services, () => ({ ...config, composeServices: services }));
  }

  /** A file whose nearest package manifest describes a test-support package says so (`testSupportFrom`); one object per (config, evidence). */
  private withTestSupport(config: ResolvedConfig, absPath: string): ResolvedConfig {
    const evidence = this.testSupport.evidenceFor(absPath, config.baseDir);
    if (!evidence) return config;
    return derivedConfig(this.testSupportConfigs, config, evidence, () => ({ ...config, testSupportFrom: evidence }));
  }

  /** A config whose root package manifest describes a teaching simulation says so (`simulatedPatientsFrom`); one object per config. */
  private withSimulatedPatients(config: ResolvedConfig): ResolvedConfig {
    const evidence = this.simulatedPatients.evidenceFor(config.baseDir);
    if (!evidence) return config;
    let derived = this.simulationConfigs.get(config);
    if (!derived) this.simulationConfigs.set(config, (derived = { ...config, simulatedPatientsFrom: evidence }));
    return derived;
  }

  /**
   * A config that does not say who signs in (`appUsers`) reads it from the nearest package manifest: a package
   * named or described as a patient app or portal is used by patients. One config object per (config, evidence),
   * so files of one package share it.
   */
  private withAppUsersOfPackage(config: ResolvedConfig, absPath: string): ResolvedConfig {
    if (config.appUsersDeclared) return config;
    const evidence = this.appUsers.evidenceFor(absPath, config.baseDir);
    if (!evidence) return config;
    return derivedConfig(this.patientAppConfigs, config, evidence, () => ({ ...config, appUsers: 'patients', appUsersFrom: evidence }));
  }

  /** Config files loaded so far (valid ones), sorted. */
  configFiles(): string[] {
    return [...this.byConfigFile.entries()]
      .filter(([, loaded]) => loaded.ok)
      .map(([file]) => file)
      .sort();
  }

  /** Forget everything, e.g. after a config file was created, changed or deleted. */
  clear(): void {
    this.byFolder.clear();
    this.byConfigFile.clear();
    this.appUsers.clear();
    this.patientAppConfigs = new WeakMap();
    this.simulatedPatients.clear();
    this.simulationConfigs = new WeakMap();
    this.testSupport.clear();
    this.testSupportConfigs = new WeakMap();
    this.composeServices.clear();
    this.composeConfigs = new WeakMap();
    this.shippedEnvironment.clear();
    this.environmentConfigs = new WeakMap();
    this.silencedConsole.clear();
    this.silencedConsoleConfigs = new WeakMap();
  }

  private forFolder(folder: string): LoadedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let loaded: LoadedConfig;
    // Anything by that name is meant as the config: a folder, a FIFO or a dangling link is an error
    // that names it, never silently skipped in favour of a config further up.
    if (exists(candidate)) loaded = this.loadConfigFile(candidate);
    else if (path.dirname(folder) === folder) loaded = { ok: true, config: this.fallbackConfig() };
    else loaded = this.forFolder(path.dirname(folder));
    this.byFolder.set(folder, loaded);
    return loaded;
  }

  private loadConfigFile(file: string): LoadedConfig {
    const cached = this.byConfigFile.get(file);
    if (cached) return cached;
    let loaded: LoadedConfig;
    try {
      const text = readConfigFile(file);
      const parsed = parseConfigText(text, file, this.rules);
      loaded = { ok: true, config: resolveConfig(parsed, file, path.dirname(file)) };
    } catch (error) {
      loaded = { ok: false, error: asConfigError(error, file) };
    }
    this.byConfigFile.set(file, loaded);
    return loaded;
  }

  private fallbackConfig(): ResolvedConfig {
    this.fallback ??= defaultConfig(this.fallbackBaseDir);
    return this.fallback;
  }
}

/**
 * The text of a config file: opened without blocking (a FIFO must not hang the scan), a regular file,
 * within the size limit. Throws ConfigError saying what is wrong with the path.
 */
function readConfigFile(file: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new ConfigError(file, 1, 1, unopenableReason(file, error));
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new ConfigError(file, 1, 1, `The configuration is not a regular file (${describeFileType(stats)})`);
    if (stats.size > MAX_CONFIG_BYTES) throw new ConfigError(file, 1, 1, tooLargeReason(stats.size));
    const buffer = Buffer.alloc(stats.size);
    const count = fs.readSync(fd, buffer, 0, stats.size, 0);
    return buffer.subarray(0, count).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function unopenableReason(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && isSymbolicLink(file)) return 'The configuration is a symbolic link to a missing file (ENOENT)';
  if (code === 'ELOOP') return 'The configuration is a symbolic link that points at itself (ELOOP)';
  if (code === 'EISDIR') return 'The configuration is not a regular file (directory)';
  return `Cannot read the configuration: ${describeFsError(error)}`;
}

function asConfigError(error: unknown, file: string): ConfigError {
  if (error instanceof ConfigError) return error;
  if (error instanceof RangeError) return new ConfigError(file, 1, 1, 'The configuration is nested too deeply to read');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new ConfigError(file, 1, 1, `Cannot read the configuration${code ? ` (${code})` : ''}`);
}

/** Whether anything (a file, folder, FIFO, link — even a dangling one) has this name. */
function exists(candidate: string): boolean {
  try {
    fs.lstatSync(candidate);
    return true;
  } catch {
    return false;
  }
}

function isSymbolicLink(candidate: string): boolean {
  try {
    return fs.lstatSync(candidate).isSymbolicLink();
  } catch {
    return false;
  }
}
