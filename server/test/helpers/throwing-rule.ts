// A rule that throws on files containing a marker: tests inject it next to the rule pack to prove that
// a failing rule is isolated and reported end to end (the production code has no hook for it).
import { createRule } from '../../src/rule-api';
import { testRuleMeta } from './test-rule-meta';

export const THROW_MARKER = '__phi_guard_throw__';

export const throwingRule = createRule({
  meta: testRuleMeta('test-throwing-rule', `Throws on files containing ${THROW_MARKER} (tests only).`, 'Exercises rule isolation.', ['code', 'json']),
  defaultOptions: {},
  create(context) {
    const explode = () => {
      if (context.text.includes(THROW_MARKER)) throw new Error('test rule failure');
    };
    return { Program: explode, JsonProperty: explode };
  },
});
