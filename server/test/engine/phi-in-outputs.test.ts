// No PHI in what the tool writes (issue 10, defects 4 and 5). Values are planted where the code or the
// data holds them — JSON keys, bracket accesses, suppression comments, the source a parser chokes on,
// flagged literals — and every output format is searched for them: the text report, JSON, SARIF and the
// language server's diagnostics. Fingerprints are attacked the way the probe did: by brute force over
// dates of birth and SSNs, against every fingerprint in the JSON report and SARIF partialFingerprints.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

describe('no PHI in fingerprints (defect 4)', () => {
  /** Dates of birth and SSNs in code and data; `values` swaps them for others of the same shape. */
  function seedWorkspace(values: { first: string; last: string; ssn: string; ssnDigits: string; dob: string; dobUs: string; phone: string; mrn: string }) {
    const name = `${values.first} ${values.last}`;
    return {
      // names, dates, phones and MRNs are planted too: the broad evidence mode reports them
      '.phi-guard.json': '{ "rules": { "no-phi-literal": ["error", { "evidence": "broad" }] } }\n',
      'src/people.tsx': [
        'export const patients = [',
        `  { name: '${name}', ssn: '${values.ssn}', dateOfBirth: '${values.dob}', phone: '${values.phone}' },`,
        `  { name: "${name}", ssn: ${values.ssnDigits}, dateOfBirth: \`${values.dobUs}\` },`,
        '];',
        `export const Card = () => <p>SSN ${values.ssn}, born ${values.dob}</p>;`,
        '',
      ].join('\n'),
      'data/patients.json': `[{ "name": "${name}", "ssn": "${values.ssn}", "birthDate": "${values.dob}", "mrn": "${values.mrn}" }]\n`,
    };
  }
  const A = { first: 'Margaret', last: 'Thornbury', ssn: '287-65-4321', ssnDigits: '287654329', dob: '1985-03-14', dobUs: '03/14/1985', phone: '415-867-2309', mrn: '00482913' };
  const B = { first: 'Eleanor', last: 'Whitcombe', ssn: '287-65-4876', ssnDigits: '287654876', dob: '1985-11-02', dobUs: '11/02/1985', phone: '312-946-2281', mrn: '00719354' };

  /** Every fingerprint a consumer sees: JSON `fingerprint`, SARIF partialFingerprints. */
  function fingerprintsOf(result: ScanResult, root: string): Array<{ ruleId: string; file: string; kinds: string; fingerprint: string }> {
    const { json, sarif } = outputs(result, root);
    const fromJson = (JSON.parse(json) as { findings: Array<{ ruleId: string; file: string; phiKinds: string[]; fingerprint: string }> }).findings.map((finding) => ({
      ruleId: finding.ruleId,
      file: finding.file,
      kinds: finding.phiKinds.join(','),
      fingerprint: finding.fingerprint,
    }));
    const fromSarif = (JSON.parse(sarif) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; properties: { phiKinds: string[] }; partialFingerprints: Record<string, string> }> }> }).runs[0].results.flatMap((entry) =>
      Object.values(entry.partialFingerprints).map((fingerprint) => ({
        ruleId: entry.ruleId,
        file: decodeURIComponent(entry.locations[0].physicalLocation.artifactLocation.uri),
        kinds: entry.properties.phiKinds.join(','),
        fingerprint,
      })),
    );
    return [...fromJson, ...fromSarif];
  }

  /**
   * The candidates an attacker tries: every 1985 birth date (ISO and US) and a block of SSNs of area-group
   * 287-65 (the whole space is only 10⁹: the probe did it in seconds; a block keeps this test fast).
   */
  function candidates(): string[] {
    const values: string[] = [];
    for (let day = new Date(Date.UTC(1985, 0, 1)); day.getUTCFullYear() === 1985; day = new Date(day.getTime() + 86_400_000)) {
      const iso = day.toISOString().slice(0, 10);
      values.push(iso, `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`);
    }
    for (let serial = 4000; serial <= 4999; serial++) {
      const tail = String(serial).padStart(4, '0');
      values.push(`287-65-${tail}`, `28765${tail}`);
    }
    return values;
  }

  /** The hash the probe broke: sha256 of rule, file, the flagged code (the literal), kinds and occurrence. */
  const literalHash = (ruleId: string, file: string, snippet: string, kinds: string, occurrence: number) =>
    createHash('sha256').update(`${ruleId}|${file}|${snippet}|${kinds}|${occurrence}`).digest('hex').slice(0, 16);

  function bruteForce(targets: ReadonlyArray<{ ruleId: string; file: string; kinds: string; fingerprint: string }>, values: readonly string[]): string[] {
    const found: string[] = [];
    const wanted = new Set(targets.map((target) => target.fingerprint));
    const groups = new Set(targets.map((target) => `${target.ruleId}\u0000${target.file}\u0000${target.kinds}`));
    for (const group of groups) {
      const [ruleId, file, kinds] = group.split('\u0000');
      for (const value of values) {
        const snippets = file.endsWith('.json') ? [`"${value}"`, value] : [`'${value}'`, `"${value}"`, `\`${value}\``, value];
        for (const snippet of snippets) if (wanted.has(literalHash(ruleId, file, snippet, kinds, 1))) found.push(value);
      }
    }
    return found;
  }

  it('the brute force works: it recovers a planted SSN from the old literal hash', () => {
    const leaked = literalHash('no-phi-literal', 'src/seed.tsx', "'287-65-4321'", 'ssn', 1);
    assert.deepEqual(bruteForce([{ ruleId: 'no-phi-literal', file: 'src/seed.tsx', kinds: 'ssn', fingerprint: leaked }], candidates()), ['287-65-4321']);
  });

  it('recovers no planted date of birth or SSN from any fingerprint of the JSON report or SARIF', async () => {
    const { result, root } = await scan(seedWorkspace(A));
    const targets = fingerprintsOf(result, root);
    const kinds = new Set(result.findings.flatMap((finding) => finding.phiKinds));
    for (const kind of ['ssn', 'date-of-birth', 'name', 'phone', 'mrn']) assert.ok(kinds.has(kind), `a ${kind} literal is reported`);
    assert.ok(result.findings.some((finding) => finding.file === 'data/patients.json') && result.findings.some((finding) => finding.range.start.line === 5));
    assert.deepEqual(bruteForce(targets, candidates()), []);
  });

  it('gives the same fingerprints whatever values are planted (nothing to brute-force)', async () => {
    const a = await scan(seedWorkspace(A));
    const b = await scan(seedWorkspace(B));
    assert.equal(a.result.findings.length, b.result.findings.length);
    assert.ok(a.result.findings.length >= 10);
    assert.deepEqual(fingerprintsOf(b.result, b.root), fingerprintsOf(a.result, a.root));
  });

  it('keeps fingerprints distinct within a file and stable when lines are added above or whitespace changes', async () => {
    const files = seedWorkspace(A);
    const before = await scan(files);
    const fingerprints = before.result.findings.map((finding) => finding.fingerprint);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
    const moved = await scan({
      '.phi-guard.json': files['.phi-guard.json'],
      'src/people.tsx': `// a comment\n\n${files['src/people.tsx'].replace(/, /g, ',   ')}`,
      'data/patients.json': `\n\n${files['data/patients.json'].replace(/: /g, ':\t')}`,
    });
    assert.deepEqual(moved.result.findings.map((finding) => finding.fingerprint), fingerprints);
  });
});
