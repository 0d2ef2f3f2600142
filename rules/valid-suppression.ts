import { defineRule } from '../server/src/rule-api';

// The engine's suppression pass (server/src/engine/suppressions.ts) produces this rule's findings;
// the rule itself only describes them, so that config, `phi-guard rules` and SARIF know it.
export default defineRule({
  meta: {
    id: 'valid-suppression',
    description: 'Require every phi-guard-disable comment to give a reason, name known rules and carry a valid, unexpired date.',
    rationale:
      'A suppression is a decision that a reviewer and an auditor must be able to read later. Without a reason it is indistinguishable from silencing the tool; past its `until` date it should be looked at again. Such a comment suppresses nothing and is reported.',
    category: 'meta',
    defaultSeverity: 'warning',
    cwe: [],
    hipaa: ['164.308(a)(1)(ii)(D)'],
    precision: 'very-high',
    securitySeverity: 3.0,
    messages: {},
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  create() {
    return {};
  },
});
