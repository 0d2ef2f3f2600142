// The rule pack as the tests hand it to the engine (the engine imports no rule itself).
import { allRules } from '../../../rules';
import type { RuleCatalog } from '../../src/engine/config';
import { RuleSet } from '../../src/engine/rule-set';

export const RULES = new RuleSet(allRules);

/** A catalog of rule ids without option schemas, for config tests about ids alone. */
export function ruleCatalog(ids: Iterable<string>): RuleCatalog {
  return { ids: new Set(ids), optionValidator: () => undefined };
}
