import { createRule, type AnalysisProblem } from '../server/src/rule-api';

type MessageId = 'parseError' | 'nestingLimit' | 'sizeLimit' | 'encoding';

const MESSAGE_BY_KIND: Record<AnalysisProblem['kind'], MessageId> = {
  'parse-error': 'parseError',
  'nesting-limit': 'nestingLimit',
  'size-limit': 'sizeLimit',
  encoding: 'encoding',
};

// The engine decides that a file cannot be analysed and why (it parses, reads and walks); this rule
// reports it, so that a file the scan never looked at fails the gate like a finding would, and its
// severity and `off` come from the config like any other rule's.
export default createRule({
  meta: {
    id: 'unanalysed-file',
    description: 'Report source files PHI Guard could not analyse (syntax error, nesting too deep, over the size limit, undecodable), so a CI gate does not pass them unseen.',
    rationale:
      'A file that is skipped is a file whose leaks are not reported: one stray byte, an oversized literal or a syntax error would otherwise make a leaking file pass `phi-guard scan --fail-on warning` with "No findings". This rule turns each such file into a finding that says why, so the gate fails closed. Binary, minified, generated and vendored files are not source anyone reviews here and stay plain skips.',
    category: 'meta',
    defaultSeverity: 'warning',
    cwe: ['CWE-636'],
    hipaa: ['164.308(a)(8)'],
    precision: 'very-high',
    securitySeverity: 3.0,
    messages: {
      parseError: 'Not analysed, syntax error at {{detail}}: PHI leaks in this file are not reported',
      nestingLimit: 'Not analysed, {{detail}}: PHI leaks in this file are not reported',
      sizeLimit: 'Not analysed, {{detail}} (`maxFileSize`): PHI leaks in this file are not reported',
      encoding: 'Not analysed, {{detail}}: PHI leaks in this file are not reported',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
    roleIndependentSeverity: true,
  },
  defaultOptions: {},
  create(context) {
    return {
      'File:unanalysed': () => {
        const problem = context.analysisProblem();
        if (!problem) return;
        // A JSON file over the size limit is data (a questionnaire archive, a terminology dump), not the
        // configuration the JSON rules read: a plain skip, still listed with its reason.
        if (problem.kind === 'size-limit' && context.language === 'json') return;
        context.report({ offsets: problem.offsets, messageId: MESSAGE_BY_KIND[problem.kind], data: { detail: problem.detail } });
      },
    };
  },
});
