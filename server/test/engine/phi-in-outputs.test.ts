// No PHI in what the tool writes (issue 10, defects 4 and 5). Values are planted where the code or the
// data holds them — JSON keys, bracket accesses, suppression comments, the source a parser chokes on,
// flagged literals — and every output format is searched for them: the text report, JSON, SARIF and the
// language server's diagnostics. Fingerprints are attacked the way the probe did: by brute force over
// dates of birth and SSNs, against every fingerprint in the JSON report and SARIF partialFingerprints.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { scanWorkspace } from '../../src/api';
import type { ScanResult } from '../../src/core/types';
import { toDiagnostic } from '../../src/lsp/diagnostics';
import { formatJson } from '../../src/report/json';
import { formatSarif } from '../../src/report/sarif';
import { formatText } from '../../src/report/text';

function writeWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-outputs-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function scan(files: Record<string, string>): Promise<{ result: ScanResult; root: string }> {
  const root = writeWorkspace(files);
  try {
    return { result: await scanWorkspace({ paths: [root], cwd: root, reportRoles: 'all' }), root };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Every format the tool writes, one string each. */
function outputs(result: ScanResult, root: string): Record<string, string> {
  const diagnostics = result.findings.map((finding) => toDiagnostic(finding, `file://${root}/${finding.file}`, root, 1));
  return {
    text: formatText(result, allRules, { color: false, verbose: true, showSuppressed: true }),
    json: formatJson(result, allRules),
    sarif: formatSarif(result, allRules),
    lsp: JSON.stringify({ diagnostics, skipped: result.skipped, ruleErrors: result.ruleErrors }),
  };
}

describe('no PHI in messages, labels, suppressions and skip details (defect 5)', () => {
  const NAME = 'Margaret Thornbury';
  const SSN = '287-65-4321';
  const DOB = '1985-03-14';
  const EMAIL = 'mthornbury@gmail.com';
  const PHONE = '(415) 867-5309';
  const planted = {
    // a JSON key path in a message: Endpoint `<key path>`
    'config/production.json': `{ "${NAME} ${SSN}": { "labUrl": "http://lab.acme-health.com/results" } }\n`,
    // bracket accesses in related-location labels
    'src/records.ts': [
      'declare const db: any;',
      `console.log(db['${NAME}'].diagnosis);`,
      `console.log(db['${SSN}'].ssn, db['${DOB}'].dateOfBirth);`,
      `console.log(db['${EMAIL}'].medicalRecordNumber);`,
      `console.log(db.records['${PHONE}'].allergies);`,
      '',
    ].join('\n'),
    // unknown "rule names", dates and contact details in suppression comments
    'src/suppressed.ts': [
      'declare const patient: any;',
      `// phi-guard-disable-next-line Margaret-Thornbury, ${SSN}, ${DOB} -- reviewed with ${EMAIL} on ${PHONE}`,
      'console.log(patient.ssn);',
      `// phi-guard-disable-next-line no-phi-in-logs until ${DOB} -- vendor fix pending, call ${PHONE}`,
      'console.log(patient.dob);',
      `// phi-guard-disable-next-line no-phi-in-logs -- ticket SEC-12, approved for ${SSN}`,
      'console.log(patient.mrn);',
      '',
    ].join('\n'),
    // parse errors that quote the source
    'src/broken.tsx': `export const v = <Margaret_Thornbury>{1}</Pembrook_${SSN.replace(/-/g, '')}>;\n`,
    'src/broken2.ts': `const x = { ${NAME.replace(' ', '_')}: 1, 'a' 'b' };\n`,
  };
  const fragments = [NAME, 'Margaret', 'Thornbury', 'Pembrook', SSN, SSN.replace(/-/g, ''), DOB, EMAIL, 'gmail', PHONE, '867-5309', '8675309'];

  it('plants values in keys, bracket accesses, suppressions and parse errors; no format echoes one', async () => {
    const { result, root } = await scan(planted);
    // The planted places are reported (the search below is not vacuous).
    const messages = result.findings.map((finding) => finding.message);
    assert.ok(messages.some((message) => message.startsWith('Endpoint `….labUrl` uses http://')), messages.join('\n'));
    const labels = result.findings.flatMap((finding) => finding.related.map((related) => related.message));
    assert.ok(labels.includes('date of birth from `db.….dateOfBirth`'), labels.join('\n'));
    assert.ok(messages.some((message) => /unknown rule "…"/.test(message)), messages.join('\n'));
    assert.deepEqual(result.skipped.map((skip) => skip.file).sort(), ['src/broken.tsx', 'src/broken2.ts']);
    assert.ok(result.findings.some((finding) => finding.suppressed?.justification.includes('SEC-12')), 'the audit trail keeps the reason');
    for (const [format, text] of Object.entries(outputs(result, root))) {
      for (const fragment of fragments) assert.ok(!text.includes(fragment), `${format} output echoes "${fragment}"`);
    }
  });
});
