// Scopes of the taint analysis: variables and the abstract values they hold at the current point of
// the walk.
import type { AbstractValue } from './values';

export interface Binding {
  value: AbstractValue;
  /** Conditional depth at the declaration: assignments nested deeper only add to the value. */
  depth: number;
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | undefined,
    readonly isFunction: boolean,
  ) {}

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.vars.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  functionScope(): Scope {
    let scope: Scope = this;
    while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }
}
