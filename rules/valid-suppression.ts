import { createRule, type SuppressionProblem } from '../server/src/rule-api';

type MessageId = 'missingReason' | 'placeholderReason' | 'invalidUntil' | 'expired' | 'untilTooFar' | 'unknownRule' | 'fileWide' | 'moreProblems';

const MESSAGE_BY_KIND: Record<SuppressionProblem['kind'], MessageId> = {
  'missing-reason': 'missingReason',
  'placeholder-reason': 'placeholderReason',
  'invalid-until': 'invalidUntil',
  expired: 'expired',
  'until-too-far': 'untilTooFar',
  'unknown-rule': 'unknownRule',
  'file-wide': 'fileWide',
  'more-problems': 'moreProblems',
};

// The engine finds and evaluates the suppression comments (it knows the rule set and today's date);
// this rule reports what is wrong with them, so its severity and `off` come from the config like any
// other rule's, and its options set the engine's policy (the `until` horizon, the cap per file).
export default createRule({
  meta: {
    id: 'valid-suppression',
    description: 'Require every phi-guard-disable comment to give a meaningful reason, name known rules and carry a valid, unexpired, near date.',
    rationale:
      'A suppression is a decision that a reviewer and an auditor must be able to read later. Without a real reason it is indistinguishable from silencing the tool; past its `until` date it should be looked at again, and a date years ahead pretends to be temporary. Such a comment is reported, and one without a reason or past its date suppresses nothing.',
    category: 'meta',
    defaultSeverity: 'warning',
    cwe: [],
    hipaa: ['164.308(a)(1)(ii)(D)'],
    precision: 'very-high',
    securitySeverity: 3.0,
    messages: {
      missingReason: 'Suppression of {{subject}} has no reason: add `-- <why>`',
      placeholderReason: 'Suppression of {{subject}} has a placeholder for a reason: write why the finding is safe to ignore after `--`',
      invalidUntil: 'Suppression of {{subject}} has an invalid `until` date: write it as YYYY-MM-DD',
      expired: 'Suppression of {{subject}} has expired (its `until` date is past): fix the finding or renew the suppression with a reason',
      untilTooFar: 'Suppression of {{subject}} runs until a date more than {{days}} days ahead: give a nearer `until` date, or none for a lasting decision',
      unknownRule: 'Suppression names unknown rule "{{rule}}"{{suggestion}}',
      fileWide: 'Suppression of every rule in the whole file: check that the reason covers all of them, or name the rules',
      moreProblems: '{{count}} more suppression problems in this file are not listed: fix the ones above and scan again',
    },
    schema: {
      type: 'object',
      properties: {
        untilHorizonDays: { type: 'integer', minimum: 1, description: 'An `until` date more than this many days ahead is reported (default 365).' },
        maxPerFile: { type: 'integer', minimum: 1, description: 'At most this many suppression problems per file; one more finding counts the rest (default 20).' },
      },
      additionalProperties: false,
    },
    languages: ['code', 'json'],
    unsuppressible: true,
    // A suppression comment is a decision in any file, tests included.
    roles: ['production', 'script', 'development', 'unreachable', 'simulation', 'test', 'mock', 'fixture', 'story', 'e2e', 'docs'],
  },
  defaultOptions: { untilHorizonDays: 365, maxPerFile: 20 },
  create(context, options) {
    const reportProblems = () => {
      for (const problem of context.suppressionProblems({ untilHorizonDays: options.untilHorizonDays, maxProblems: options.maxPerFile })) {
        context.report({
          offsets: problem.offsets,
          messageId: MESSAGE_BY_KIND[problem.kind],
          // One comment can have several problems (no reason, two unknown rules): each is a finding.
          discriminator: `${problem.kind}:${problem.detail ?? ''}`,
          // A whole-file disable of every rule may be right (generated code): worth a look, not a warning.
          severity: problem.kind === 'file-wide' ? 'note' : undefined,
          data: {
            subject: problem.subject,
            days: problem.kind === 'until-too-far' ? (problem.detail ?? '') : '',
            count: problem.kind === 'more-problems' ? (problem.detail ?? '') : '',
            rule: problem.kind === 'unknown-rule' ? (problem.detail ?? '') : '',
            suggestion: problem.suggestion ? `; did you mean "${problem.suggestion}"?` : '',
          },
        });
      }
    };
    return { 'Program:exit': reportProblems, 'JsonDocument:exit': reportProblems };
  },
});
