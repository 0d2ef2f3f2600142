// The "looks like a value" filter that every message, label, justification and skip detail passes
// through (server/src/engine/value-mask.ts): values masked, code and the rules' prose kept.
import assert from 'node:assert/strict';
import { isRuleIdShaped, maskCode, maskErrorMessage, maskLabel, maskParserMessage, maskValues, renderTemplate } from '../../src/engine/value-mask';

describe('value-mask', () => {
  const code: Array<[string, string]> = [
    // values in key paths, bracket keys and names
    ['Margaret Thornbury 287-65-4321.labUrl', '….labUrl'],
    ["db['Margaret Thornbury']", "db['…']"],
    ['db.Margaret Thornbury.diagnosis', 'db.….diagnosis'],
    ['db.287-65-4321.diagnosis', 'db.….diagnosis'],
    ['records.1985-03-14.dob', 'records.….dob'],
    ['patient_287654321.ssn', 'patient_….ssn'],
    ['contacts.mthornbury@gmail.com', '…'], // the address takes its prefix with it: more masked, never less
    ["O'Brien Smith.labUrl", "O'…"],
    ['Margaret Thornbury', '…'],
    // code is kept
    ['patient.ssn', 'patient.ssn'],
    ["db['ssn']", "db['ssn']"],
    ['servers.0.url', 'servers.0.url'],
    ['Logging.LogLevel.Default', 'Logging.LogLevel.Default'],
    ['spring.datasource.hikari.data-source-properties.useSSL', 'spring.datasource.hikari.data-source-properties.useSSL'],
    ['<a href>', '<a href>'],
    ['new URL', 'new URL'],
    ['JSON.stringify(req.body, null, 2)', 'JSON.stringify(req.body, null, 2)'],
    ['sslmode=disable', 'sslmode=disable'],
    ['the request’s Origin', 'the request’s Origin'],
    ['crypto.createCipher', 'crypto.createCipher'],
    ['(root)', '(root)'],
  ];
  for (const [input, expected] of code) {
    it(`code: ${input} → ${expected}`, () => assert.equal(maskCode(input), expected));
  }

  const prose: Array<[string, string]> = [
    ['287-65-4321', '…'],
    ['287 65 4321', '…'],
    ['287654321', '…'],
    ['born 1985-03-14', 'born …'],
    ['born 03/14/1985 or 14.03.1985', 'born … or …'],
    ['born March 14, 1985', 'born …'],
    ['born 14 Mar 1985', 'born …'],
    ['call (415) 867-5309 or +1 415 867 5309', 'call … or …'],
    ['write to m.thornbury@gmail.com', 'write to …'],
    ['from 10.20.30.40', 'from …'],
    ['MRN 00482913, ZIP 94110', 'MRN …, ZIP …'],
    // prose and references are kept
    ['audit sink inside the HIPAA boundary (SEC-12)', 'audit sink inside the HIPAA boundary (SEC-12)'],
    ['vendor fix pending (LAB-7), port 8443', 'vendor fix pending (LAB-7), port 8443'],
    ['AWS Bedrock', 'AWS Bedrock'],
  ];
  for (const [input, expected] of prose) {
    it(`prose: ${input} → ${expected}`, () => assert.equal(maskValues(input), expected));
  }

  it('labels: code between backticks, prose around it', () => {
    assert.equal(maskLabel('date of birth from `db.1985-03-14.dob`'), 'date of birth from `db.….dob`');
    assert.equal(maskLabel("SSN from `db['Margaret Thornbury'].ssn` (type Patient)"), "SSN from `db['…'].ssn` (type Patient)");
    assert.equal(maskLabel('`save()` passes it on: reaches this sink inside `save`'), '`save()` passes it on: reaches this sink inside `save`');
  });

  it('templates: the rule wrote the template; data is code inside backticks or quotes, prose elsewhere', () => {
    const kinds = (key: string) => (key === 'kinds' ? 'SSN' : undefined);
    assert.equal(
      renderTemplate('Endpoint `{{name}}` uses {{scheme}}:// (area 000, 666 or 900–999, 555-0100) for {{kinds}}', { name: 'Margaret Thornbury 287-65-4321.labUrl', scheme: 'http' }, kinds),
      'Endpoint `….labUrl` uses http:// (area 000, 666 or 900–999, 555-0100) for SSN',
    );
    assert.equal(renderTemplate('unknown rule "{{rule}}"{{suggestion}}', { rule: 'Margaret Thornbury', suggestion: '' }, kinds), 'unknown rule "…"');
    assert.equal(renderTemplate('Storing {{kinds}} in {{storage}} ({{missing}})', { storage: '287-65-4321' }, kinds), 'Storing SSN in … ({{missing}})');
  });

  it("parser messages: quoted punctuation and keywords kept, quoted source masked", () => {
    assert.equal(maskParserMessage("Expected corresponding JSX closing tag for 'Margaret_Thornbury'."), "Expected corresponding JSX closing tag for '…'.");
    assert.equal(maskParserMessage("';' expected."), "';' expected.");
    assert.equal(maskParserMessage("'=>' expected."), "'=>' expected.");
    assert.equal(maskParserMessage("'const' declarations must be initialized."), "'const' declarations must be initialized.");
    assert.equal(maskParserMessage('Unterminated string literal.'), 'Unterminated string literal.');
  });

  it('exception messages: plain keys kept, other quoted text and values masked', () => {
    assert.equal(maskErrorMessage("Cannot read properties of undefined (reading 'ssn')"), "Cannot read properties of undefined (reading 'ssn')");
    assert.equal(maskErrorMessage("Cannot read properties of undefined (reading 'Margaret Thornbury')"), "Cannot read properties of undefined (reading '…')");
    assert.equal(maskErrorMessage('bad value 287-65-4321'), 'bad value …');
  });

  it('rule ids: lowercase words joined by hyphens', () => {
    assert.ok(isRuleIdShaped('no-phi-in-logs'));
    assert.ok(isRuleIdShaped('bogus'));
    for (const id of ['Margaret-Thornbury', '287-65-4321', '1985-03-14', 'a'.repeat(61), 'x@y.com']) assert.ok(!isRuleIdShaped(id), id);
  });
});
