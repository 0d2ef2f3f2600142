// Abstract values of the taint analysis: which PHI kinds a value carries, where they came from, and
// what else the analysis knows that rules ask about (a known string prefix for URLs, a declared type,
// the fields of an object literal, tags such as "logger").
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Taint, TaintOrigin } from '../rule-api';

/**
 * `declared-record`: a parameter declared as an object type that holds no PHI field (`extensions: Extension[]`)
 * but handed PHI by its caller — put into text it renders as `[object Object]`.
 * `workspace-content`: content the repository itself holds (a JSON module it imports by a relative path) or
 * computed from such content alone — a FHIR compartment definition, a compiled search-parameter table, a
 * specification: metadata written by the developers, never a patient's data at run time, whatever its name says.
 * `reference-data`: what a service or a stream named for master data emits (`masterdataService.visitDetailMasterData$`,
 * `catalogService.getDrugs()`): the lists an application offers to choose from, the same for every patient. Like
 * workspace content, no name guesses PHI on it.
 */
export type ValueTag = 'logger' | 'idb-store' | 'sanitized' | 'encrypted' | 'write-stream' | 'request-body' | 'declared-record' | 'patient-filter' | 'workspace-content' | 'reference-data' | 'compiled-template' | 'serialiser';

export interface AbstractValue extends Taint {
  readonly kinds: readonly string[];
  readonly origins: readonly TaintOrigin[];
  readonly confidence: 'high' | 'medium';
  /** Declared or inferred type name (workspace index or FHIR). */
  readonly typeName?: string;
  /** Known fields (object literals, assignments to fields). */
  readonly fields?: ReadonlyMap<string, AbstractValue>;
  /** The object is about a person (patient, guarantor…), so contextual field names count. */
  readonly personContext?: boolean;
  /** The value is a workforce member's or an organisation's (a staff user, a practitioner, a clinic): its contact details are not PHI. */
  readonly workforce?: boolean;
  /** Known leading text of a string value, and the literal that spells it. */
  readonly stringPrefix?: string;
  readonly stringNode?: TSESTree.Node;
  /**
   * What a string spells when its start is not known (a configured base URL): the known text with `{}` where
   * a value goes (`base() + 'patients/' + id` is `{}patients/{}`). Read for what a request's path names.
   */
  readonly stringShape?: string;
  /** A fully known constant (string, number, boolean, null). */
  readonly constant?: string | number | boolean | null;
  readonly tags?: ReadonlySet<ValueTag>;
  /** A function value: its node, so calls can be summarised with their arguments. */
  readonly functionNode?: TSESTree.Node;
  /**
   * A module-level `const f = (…): T => …` the walk has not reached yet (declared below its caller): known by its
   * signature only — a call of it carries what it is declared to return; its body is not summarised or followed.
   */
  readonly declaredFunction?: TSESTree.Node;
  /**
   * A fixed-length array whose elements are known one by one (`return [requests, order]`, an
   * `Object.entries` pair `[key, value]`): destructuring gives each name its own element's PHI.
   */
  readonly tuple?: readonly AbstractValue[];
  /** The known element of an array (`Object.entries(patient)` holds `[key, value]` pairs). */
  readonly element?: AbstractValue;
}

const MAX_ORIGINS = 3;

export const EMPTY: AbstractValue = Object.freeze({ kinds: Object.freeze([]) as readonly string[], origins: Object.freeze([]) as readonly TaintOrigin[], confidence: 'high' as const });

export function hasPhi(value: Taint): boolean {
  return value.kinds.length > 0;
}

function mergeKinds(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = new Set(a);
  let grew = false;
  for (const kind of b) {
    if (!merged.has(kind)) {
      merged.add(kind);
      grew = true;
    }
  }
  return grew ? [...merged].sort() : a;
}

function mergeOrigins(a: readonly TaintOrigin[], b: readonly TaintOrigin[]): readonly TaintOrigin[] {
  if (b.length === 0 || a.length >= MAX_ORIGINS) return a;
  if (a.length === 0) return b;
  const merged = [...a];
  for (const origin of b) {
    if (merged.length >= MAX_ORIGINS) break;
    if (!merged.some((existing) => existing.range.startOffset === origin.range.startOffset)) merged.push(origin);
  }
  return merged;
}

/** Nothing but PHI-free constant information (a literal's text): joining it adds nothing. */
function isBare(value: AbstractValue): boolean {
  return !hasPhi(value) && !value.tags && value.constant === undefined && value.stringPrefix === undefined && !value.typeName && !value.fields && !value.personContext && !value.workforce && !value.tuple?.length && !value.element;
}

/**
 * The tuple both branches may return: element by element when both have the same length; an empty
 * array literal (`return []`) destructures to nothing, so the other side's tuple stands. Otherwise unknown.
 */
function joinTuples(a: readonly AbstractValue[] | undefined, b: readonly AbstractValue[] | undefined): readonly AbstractValue[] | undefined {
  if (!a || !b) return undefined;
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  if (a.length !== b.length) return undefined;
  return a.map((element, i) => join(element, b[i]));
}

function joinElements(a: AbstractValue | undefined, b: AbstractValue | undefined): AbstractValue | undefined {
  return a && b ? join(a, b) : undefined;
}

/**
 * Union of two values that may each be the result (a conditional's branches, `a || b`). What both
 * share survives; a constant or string prefix only when both sides agree on it.
 */
export function join(a: AbstractValue, b: AbstractValue): AbstractValue {
  if (isBare(b) && a.constant === undefined && a.stringPrefix === undefined) return a;
  if (isBare(a) && b.constant === undefined && b.stringPrefix === undefined) return b;
  if (!hasPhi(a) && !hasPhi(b) && !a.tags && !b.tags) {
    const sameConstant = a.constant === b.constant ? a.constant : undefined;
    const samePrefix = a.stringPrefix !== undefined && a.stringPrefix === b.stringPrefix ? a.stringPrefix : undefined;
    // `dashboards.find(…) ?? dashboards[0]`: both sides of one type keep it (its fields say what reads return).
    const sameType = a.typeName !== undefined && a.typeName === b.typeName ? a.typeName : undefined;
    return {
      ...EMPTY,
      constant: sameConstant,
      stringPrefix: samePrefix,
      stringNode: samePrefix !== undefined ? a.stringNode : undefined,
      typeName: sameType,
      personContext: a.personContext || b.personContext || undefined,
      workforce: (a.workforce && b.workforce) || undefined,
      tuple: joinTuples(a.tuple, b.tuple),
      element: joinElements(a.element, b.element),
    };
  }
  const tuple = joinTuples(a.tuple, b.tuple);
  const element = joinElements(a.element, b.element);
  return {
    kinds: mergeKinds(a.kinds, b.kinds),
    origins: mergeOrigins(a.origins, b.origins),
    confidence: a.confidence === 'high' && hasPhi(a) ? 'high' : b.confidence === 'high' && hasPhi(b) ? 'high' : 'medium',
    tags: a.tags && b.tags ? new Set([...a.tags, ...b.tags]) : (a.tags ?? b.tags),
    personContext: a.personContext || b.personContext,
    ...(tuple ? { tuple } : {}),
    ...(element ? { element } : {}),
  };
}

export function joinAll(values: readonly AbstractValue[]): AbstractValue {
  let result = EMPTY;
  for (const value of values) result = join(result, value);
  return result;
}

export function fromKinds(kinds: readonly string[], origin: TaintOrigin | undefined, confidence: 'high' | 'medium'): AbstractValue {
  if (kinds.length === 0) return EMPTY;
  return { kinds, origins: origin ? [origin] : [], confidence };
}

export function withTag(value: AbstractValue, tag: ValueTag): AbstractValue {
  const tags = new Set(value.tags);
  tags.add(tag);
  return { ...value, tags };
}

/** The PHI of a value with what is known of its elements: what a function returns (`return [requests, order]`). */
export function taintAndElements(value: AbstractValue): AbstractValue {
  const taint = taintOnly(value);
  if (!value.tuple && !value.element) return taint;
  return { ...taint, ...(value.tuple ? { tuple: value.tuple.map(taintAndElements) } : {}), ...(value.element ? { element: taintAndElements(value.element) } : {}) };
}

/** The PHI of a value, without its shape: what flows on when a value is transformed. */
export function taintOnly(value: AbstractValue): AbstractValue {
  if (!hasPhi(value)) return EMPTY;
  return { kinds: value.kinds, origins: value.origins, confidence: value.confidence, personContext: value.personContext };
}

export function hasTag(value: AbstractValue, tag: ValueTag): boolean {
  return value.tags?.has(tag) ?? false;
}

/**
 * Content no patient's data is in, with no PHI from anywhere else: the workspace's own (see ValueTag
 * `workspace-content`) or reference data (ValueTag `reference-data`).
 */
export function isWorkspaceContent(value: AbstractValue): boolean {
  return !hasPhi(value) && (hasTag(value, 'workspace-content') || hasTag(value, 'reference-data'));
}

export const WORKSPACE_CONTENT: AbstractValue = Object.freeze({ ...EMPTY, tags: new Set<ValueTag>(['workspace-content']) });
export const REFERENCE_DATA: AbstractValue = Object.freeze({ ...EMPTY, tags: new Set<ValueTag>(['reference-data']) });

/** The value came out of a sanitizer (redact, mask, encrypt…): its name no longer says anything. */
export function isSanitized(value: AbstractValue): boolean {
  return value.tags?.has('sanitized') === true || value.tags?.has('encrypted') === true;
}
