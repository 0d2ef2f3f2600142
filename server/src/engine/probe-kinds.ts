// Probe kinds of the cross-file pass: while an export is probed, each parameter carries a kind standing for
// "whatever the caller passes", and the kind follows which part of that argument reaches a sink.
import type { AbstractValue } from './values';

/**
 * Kind ids standing for "whatever the caller passes as parameter i" while exports are probed. A probe kind
 * also says which part of the argument reached the sink: `param:1` the whole argument, `param:1.name` its
 * `name` field (the first field read; deeper reads keep it), `param:2*` a rest parameter (every argument
 * from the third on).
 */
export const PARAMETER_PROBE = 'param:';

/** What a probe kind says: the parameter, whether it is a rest parameter, and the field read of it. */
export interface ProbePath {
  parameter: number;
  rest?: boolean;
  /** The argument's field that reaches the sink; absent when the whole argument does. */
  path?: string;
}

export function probeKind(probe: ProbePath): string {
  return `${PARAMETER_PROBE}${probe.parameter}${probe.rest ? '*' : ''}${probe.path !== undefined ? `.${probe.path}` : ''}`;
}

export function parseProbeKind(kind: string): ProbePath | undefined {
  if (!kind.startsWith(PARAMETER_PROBE)) return undefined;
  const match = /^(\d+)(\*)?(?:\.(.*))?$/s.exec(kind.slice(PARAMETER_PROBE.length));
  if (!match) return undefined;
  return { parameter: Number(match[1]), ...(match[2] ? { rest: true } : {}), ...(match[3] !== undefined ? { path: match[3] } : {}) };
}

/**
 * `endpoint.name` of a probed parameter `endpoint`: what reaches a sink from there is the caller's argument
 * at `name`, not the whole argument (`compose(definition)` logs the definition's name, not what it holds).
 */
export function probeAtField(value: AbstractValue, field: string): AbstractValue {
  if (!value.kinds.some((kind) => kind.startsWith(PARAMETER_PROBE))) return value;
  let changed = false;
  const kinds = value.kinds.map((kind) => {
    const probe = parseProbeKind(kind);
    if (!probe || probe.path !== undefined) return kind;
    changed = true;
    return probeKind({ ...probe, path: field });
  });
  return changed ? { ...value, kinds: [...new Set(kinds)].sort() } : value;
}
