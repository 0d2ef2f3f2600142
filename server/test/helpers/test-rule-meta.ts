// The `meta` every test-only rule shares (a note-level rule of category meta that never reports), so a
// test rule states only what it is for.
import type { RuleMeta } from '../../src/rule-api';

export function testRuleMeta(id: string, description: string, rationale: string, languages: RuleMeta['languages'] = ['code']): RuleMeta<'never'> {
  return {
    id,
    description,
    rationale,
    category: 'meta',
    defaultSeverity: 'note',
    cwe: [],
    hipaa: [],
    precision: 'low',
    securitySeverity: 0,
    messages: { never: 'never reported' },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages,
  };
}
