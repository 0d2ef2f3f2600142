// The rules a Project runs with, as the composition root (CLI, language server, a test) handed them
// in: looked up by id, filtered per file, with their options merged over the defaults and each
// option schema compiled once for the config loader.
import Ajv, { type ValidateFunction } from 'ajv';
import type { ResolvedConfig } from '../core/config-types';
import type { AnyRule } from '../rule-api';

export type Language = 'code' | 'json';

export class RuleSet {
  readonly all: readonly AnyRule[];
  readonly ids: ReadonlySet<string>;
  private readonly byId: ReadonlyMap<string, AnyRule>;
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv: Ajv | undefined;

  constructor(rules: readonly AnyRule[]) {
    const byId = new Map<string, AnyRule>();
    for (const rule of rules) {
      if (byId.has(rule.meta.id)) throw new Error(`two rules have the id "${rule.meta.id}"`);
      byId.set(rule.meta.id, rule);
    }
    this.all = [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
    this.byId = byId;
    this.ids = new Set(byId.keys());
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id);
  }

  /** The rules that look at this language and are not turned off by the config. */
  active(config: ResolvedConfig, language: Language): AnyRule[] {
    return this.all.filter((rule) => rule.meta.languages.includes(language) && config.rules[rule.meta.id]?.severity !== 'off');
  }

  /** The rule's options for a file: its defaults with the configured options merged over them. */
  optionsFor(rule: AnyRule, config: ResolvedConfig): object {
    const configured = config.rules[rule.meta.id]?.options;
    return configured && Object.keys(configured).length > 0 ? { ...rule.defaultOptions, ...configured } : rule.defaultOptions;
  }

  /** A compiled validator of the rule's option schema (undefined for an unknown rule). */
  optionValidator(id: string): ValidateFunction | undefined {
    const rule = this.byId.get(id);
    if (!rule) return undefined;
    let validate = this.validators.get(id);
    if (!validate) {
      this.ajv ??= new Ajv({ allErrors: false, strict: true });
      validate = this.ajv.compile(rule.meta.schema);
      this.validators.set(id, validate);
    }
    return validate;
  }
}
