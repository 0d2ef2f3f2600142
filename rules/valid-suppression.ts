import { createRule, type SuppressionProblem } from '../server/src/rule-api';

type MessageId = 'missingReason' | 'invalidUntil' | 'expired' | 'unknownRule';

const MESSAGE_BY_KIND: Record<SuppressionProblem['kind'], MessageId> = {
  'missing-reason': 'missingReason',
  'invalid-until': 'invalidUntil',
  expired: 'expired',
  'unknown-rule': 'unknownRule',
};

// The engine finds and evaluates the suppression comments (it knows the rule set and today's date);
// this rule reports what is wrong with them, so its severity and `off` come from the config like any
// other rule's.
export default createRule({
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
    messages: {
      missingReason: 'Suppression of {{subject}} has no reason: add `-- <why>`',
      invalidUntil: 'Suppression of {{subject}} has an invalid `until` date: write it as YYYY-MM-DD',
      expired: 'Suppression of {{subject}} has expired (its `until` date is past): fix the finding or renew the suppression with a reason',
      unknownRule: 'Suppression names unknown rule "{{rule}}"{{suggestion}}',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
    unsuppressible: true,
    // A suppression comment is a decision in any file, tests included.
    roles: ['production', 'script', 'test', 'mock', 'fixture', 'story', 'e2e', 'docs'],
  },
  defaultOptions: {},
  create(context) {
    const reportProblems = () => {
      for (const problem of context.suppressionProblems()) {
        context.report({
          offsets: problem.offsets,
          messageId: MESSAGE_BY_KIND[problem.kind],
          // One comment can have several problems (no reason, two unknown rules): each is a finding.
          discriminator: `${problem.kind}:${problem.detail ?? ''}`,
          data: {
            subject: problem.subject,
            until: problem.detail ?? '',
            rule: problem.detail ?? '',
            suggestion: problem.suggestion ? `; did you mean "${problem.suggestion}"?` : '',
          },
        });
      }
    };
    return { 'Program:exit': reportProblems, 'JsonDocument:exit': reportProblems };
  },
});
