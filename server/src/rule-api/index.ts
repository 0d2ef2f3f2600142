// The contract between the engine and a rule (modelled on ESLint/typescript-eslint rules):
// one rule = one file in rules/, a `meta` block and a `create(context)` that returns visitors.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node as JsonNode } from 'jsonc-parser';
import type { ResolvedConfig } from '../core/config-types';
import type { Precision, Range, Severity } from '../core/types';

export type { TSESTree, JsonNode };

export type RuleCategory = 'logging' | 'storage' | 'transport' | 'third-party' | 'errors' | 'crypto' | 'config' | 'literals' | 'meta';

export interface RuleMeta {
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
  messages: Record<string, string>;
  /** JSON schema of the rule's options object. */
  schema: Record<string, unknown>;
  /** Default option values. */
  defaultOptions?: Record<string, unknown>;
  /** Whether some findings carry a safe automatic fix. */
  fixable?: boolean;
  /** Which files the rule looks at. */
  languages: Array<'code' | 'json'>;
}

/** A PHI kind carried by a value, plus where it came from. */
export interface TaintOrigin {
  range: Range;
  /** Describes the source without quoting any value, e.g. "date of birth read from `patient.birthDate`". */
  label: string;
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

export interface ReportDescriptor {
  /** The node (code) or JSON node to underline; or an explicit [start, end) offset range. */
  node?: TSESTree.Node | TSESTree.Token;
  jsonNode?: JsonNode;
  offsets?: [number, number];
  messageId: string;
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

export interface RuleContext {
  readonly ruleId: string;
  /** Workspace-relative POSIX path. */
  readonly file: string;
  readonly text: string;
  readonly language: 'code' | 'json';
  readonly options: Record<string, unknown>;
  readonly config: ResolvedConfig;
  /** PHI carried by the value of `node` at the current point of the walk. */
  taintOf(node: TSESTree.Node): Taint;
  /** PHI kind ids a name (identifier, property, key) suggests; [] for traps such as `patientCount`. */
  classifyName(name: string): string[];
  /** The full verdict on a name: its kinds, and whether it is a trap (a count, flag, format, id…). */
  classify(name: string, personContext?: boolean): { kinds: readonly string[]; trap: boolean };
  /** Where a local name was imported or required from, e.g. { module: 'next/navigation', imported: 'redirect' }. */
  importedFrom(localName: string): { module: string; imported: string } | undefined;
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
   * the variables it was assigned to.
   */
  hasTag(node: TSESTree.Node, tag: 'logger' | 'idb-store' | 'sanitized' | 'encrypted' | 'write-stream' | 'request-body'): boolean;
  /** Whether `name` names a sanitizer (redact, mask, encrypt, … plus config). */
  isSanitizer(name: string): boolean;
  getText(node: TSESTree.Node | TSESTree.Token): string;
  /** The parent of a node in the code AST. */
  parentOf(node: TSESTree.Node): TSESTree.Node | undefined;
  report(descriptor: ReportDescriptor): void;
}

export interface CodeVisitors {
  [selector: string]: ((node: any, ...rest: any[]) => void) | undefined;
}

export interface JsonVisitors {
  JsonProperty?: (property: JsonPropertyInfo) => void;
  /** Every string value (property values and array elements). */
  JsonString?: (node: JsonNode, path: string[]) => void;
}

export type RuleVisitors = CodeVisitors & JsonVisitors;

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleVisitors;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const DOCS_BASE_URL = 'https://github.com/phi-guard/phi-guard/blob/main/rules/docs/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
