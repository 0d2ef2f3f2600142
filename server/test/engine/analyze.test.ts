// analyzeFile as a whole: findings' shape (locations, related locations, HIPAA refs, fingerprints),
// suppressions, isolation of failures, and the tool's own PHI safety.
import assert from 'node:assert/strict';
import path from 'node:path';
import { allRules } from '../../../rules';
import { RuleSet } from '../../src/engine/rule-set';
import { createRule, type TSESTree } from '../../src/rule-api';
import { RULES } from '../helpers/rules';
import { THROW_MARKER, throwingRule } from '../helpers/throwing-rule';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/core/config-types';
import type { FileResult } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/engine/workspace-index';

const ROOT = path.resolve('/virtual');

function analyze(text: string, file = 'src/a.ts', index?: WorkspaceIndex): FileResult {
  return analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), index, today: '2026-11-29', rules: RULES });
}

const LEAK = `declare const patient: { id: string; ssn: string; birthDate: string };
const born = patient.birthDate;
console.log(\`born \${born}\`);
`;

describe('analyzeFile', () => {
  it('reports 1-based positions, the PHI kinds, Safe Harbor identifiers, CWE and where the PHI came from', () => {
    const [finding] = analyze(LEAK).findings;
    assert.equal(finding.ruleId, 'no-phi-in-logs');
    assert.deepEqual(finding.range.start, { line: 3, column: 13 });
    assert.deepEqual(finding.phiKinds, ['date-of-birth']);
    assert.deepEqual(finding.hipaa.identifiers, [3]);
    assert.ok(finding.hipaa.safeguards.includes('164.312(b)'));
    assert.deepEqual(finding.cwe, ['CWE-532']);
    assert.equal(finding.related.length, 1);
    assert.deepEqual(finding.related[0].range.start, { line: 2, column: 14 });
    assert.match(finding.related[0].message, /date of birth from `patient\.birthDate`/);
  });

  it('keeps fingerprints stable when lines are added above and whitespace changes', () => {
    const before = analyze(LEAK).findings.map((finding) => finding.fingerprint);
    const edited = `// a new header comment\nimport 'x';\n\n${LEAK.replace('console.log(', 'console.log(  ')}`;
    const after = analyze(edited).findings.map((finding) => finding.fingerprint);
    assert.equal(before.length, 1);
    assert.deepEqual(after, before);
  });

  it('gives identical leaks on different lines different fingerprints', () => {
    const text = 'declare const p: any;\nconsole.log(p.ssn);\nconsole.log(p.ssn);\n';
    const fingerprints = analyze(text).findings.map((finding) => finding.fingerprint);
    assert.equal(fingerprints.length, 2);
    assert.notEqual(fingerprints[0], fingerprints[1]);
  });

  it('never puts string literal contents into messages or related locations', () => {
    const text = "declare const p: any;\nconst ssn = p.ssn || '219-09-9998';\nconsole.log('patient 078-05-1120', ssn);\n";
    const findings = analyze(text).findings;
    assert.ok(findings.length > 0);
    const everything = JSON.stringify(findings.map((finding) => [finding.message, finding.related]));
    assert.doesNotMatch(everything, /\d{3}-\d{2}-\d{4}/);
  });

  it('keeps a suppressed finding, marked with its reason', () => {
    const text = 'declare const p: any;\n// phi-guard-disable-next-line no-phi-in-logs -- audit trail in the encrypted store\nconsole.log(p.ssn);\n';
    const [finding] = analyze(text).findings;
    assert.equal(finding.ruleId, 'no-phi-in-logs');
    assert.equal(finding.suppressed?.justification, 'audit trail in the encrypted store');
  });

  it('reports a suppression without a reason and does not honour it', () => {
    const text = 'declare const p: any;\n// phi-guard-disable-next-line no-phi-in-logs\nconsole.log(p.ssn);\n';
    const findings = analyze(text).findings;
    assert.deepEqual(findings.map((finding) => [finding.ruleId, !!finding.suppressed]).sort(), [['no-phi-in-logs', false], ['valid-suppression', false]]);
  });

  it('turns a syntax error into a parse-error skip with line:column', () => {
    const result = analyze('const a = ;\n');
    assert.equal(result.skipped?.reason, 'parse-error');
    assert.match(result.skipped!.detail, /^1:\d+ /);
  });

  it('parses JSX only where the extension allows it and says so', () => {
    assert.equal(analyze('const x = <div/>;\n', 'src/a.tsx').skipped, undefined);
    assert.equal(analyze('const x = <div/>;\n', 'src/a.ts').skipped?.reason, 'parse-error');
  });

  it('survives code nested 10,000 levels deep (finding or skip, never a crash)', () => {
    const deep = `const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`;
    const result = analyze(deep);
    assert.ok(result.skipped === undefined || ['parse-error', 'analysis-error'].includes(result.skipped.reason));
    const json = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    assert.doesNotThrow(() => analyze(json, 'deep.json'));
  });

  it('isolates a rule that throws and reports it, while the other rules still run', () => {
    const rules = new RuleSet([...allRules, throwingRule]);
    for (const [file, text] of [['src/a.ts', `${LEAK}// ${THROW_MARKER}\n`], ['config.json', `{ "note": "${THROW_MARKER}" }`]]) {
      const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), rules, today: '2026-11-29' });
      assert.deepEqual(result.ruleErrors.map((error) => error.ruleId), ['test-throwing-rule']);
      if (file.endsWith('.ts')) assert.ok(result.findings.some((finding) => finding.ruleId === 'no-phi-in-logs'));
    }
  });

  it('fails a rule that reports a message id it does not declare, instead of printing the id', () => {
    const sloppy = createRule({
      meta: { ...throwingRule.meta, id: 'test-sloppy-rule', messages: { declared: 'declared message' } },
      defaultOptions: {},
      create: (context) => ({ Program: (node: TSESTree.Program) => context.report({ node, messageId: 'undeclared' as 'declared' }) }),
    });
    const result = analyzeFile({ absPath: path.join(ROOT, 'src/a.ts'), relPath: 'src/a.ts', text: LEAK, config: defaultConfig(ROOT), rules: new RuleSet([sloppy]), today: '2026-11-29' });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.ruleErrors.map((error) => [error.ruleId, error.message]), [['test-sloppy-rule', 'reported unknown message id "undeclared"']]);
  });

  it('uses types declared in other files through the workspace index', () => {
    const index = new WorkspaceIndex();
    index.addFile('src/types.ts', 'export interface Member { memberId: string; planName: string; id: string }');
    const text = "import type { Member } from './types';\nexport function f(m: Member) { console.log(m.id); console.log(m.memberId); }\n";
    const findings = analyze(text, 'src/a.ts', index).findings;
    assert.deepEqual(findings.map((finding) => finding.phiKinds), [['health-plan-id']]);
  });

  it('indexes the files that write patient search terms into page URLs, the first in path order', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.patientSearchPageUrlWriter(), undefined);
    index.addFile('src/drugs/search.js', 'export function drugSearch($location, term) { $location.search({ q: term }); }\n');
    index.addFile('src/patients/list.js', 'export function patientList($location, page) { $location.search({ page: page }); }\n');
    assert.equal(index.patientSearchPageUrlWriter(), undefined);
    index.addFile('src/z/findPatient.tsx', 'export function FindPatient({ navigate, text }) { navigate(`/results?search=${text}`); }\n');
    index.addFile('src/patients/search.js', "export function search($location, name) { $location.search('name', name); }\n");
    assert.equal(index.patientSearchPageUrlWriter(), 'src/patients/search.js');
    index.removeFile('src/patients/search.js');
    assert.equal(index.patientSearchPageUrlWriter(), 'src/z/findPatient.tsx');
  });

  it('indexes the hooks that write the page URL query, through hooks that call them, and forgets removed files', () => {
    const index = new WorkspaceIndex();
    index.addFile('src/hooks/useListQuery.ts', "import { useUrlQuery } from './useUrlQuery';\nexport const useListQuery = () => { const { updateQuery } = useUrlQuery(); return { updateQuery }; };\n");
    index.addFile('src/hooks/useLocalFilters.ts', "export function useLocalFilters() { const [values, setValues] = useState({}); return { values, setValues }; }\n");
    // a hook that only reads the page query writes nothing
    index.addFile('src/hooks/useUrlSearchParams.ts', "export function useUrlSearchParams() { const { search } = useLocation(); return new URLSearchParams(search); }\n");
    assert.equal(index.isUrlQueryHook('useListQuery'), false);
    index.addFile('src/hooks/useUrlQuery.ts', "export const useUrlQuery = () => {\n  const [searchParams, setSearchParams] = useSearchParams();\n  return { updateQuery: (values) => setSearchParams(values) };\n};\nexport const useOther = () => 1;\n");
    assert.equal(index.isUrlQueryHook('useUrlQuery'), true);
    assert.equal(index.isUrlQueryHook('useListQuery'), true);
    assert.equal(index.isUrlQueryHook('useOther'), false);
    assert.equal(index.isUrlQueryHook('useLocalFilters'), false);
    assert.equal(index.isUrlQueryHook('useUrlSearchParams'), false);
    index.removeFile('src/hooks/useUrlQuery.ts');
    assert.equal(index.isUrlQueryHook('useListQuery'), false);
  });

  it('turns a JSON syntax error into a parse-error skip', () => {
    assert.equal(analyze('{ "a": ', 'config/x.json').skipped?.reason, 'parse-error');
  });

  it('accepts JSON with comments and trailing commas', () => {
    const result = analyze('{\n  // comment\n  "api": { "url": "http://api.partnerlab.com/v1", },\n}\n', 'config/production.json');
    assert.equal(result.skipped, undefined);
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['no-cleartext-transport']);
  });
});

describe('values through conditionals and URLs', () => {
  it('a conditional has no single constant unless both branches agree', () => {
    const text = "declare const dev: boolean;\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = dev ? '1' : '0';\n";
    assert.deepEqual(analyze(text).findings.map((finding) => finding.ruleId), ['no-tls-verification-disabled']);
  });

  it('new URL(path, base) takes its scheme and host from the base', () => {
    const text = "fetch(new URL('/results', 'http://lab.acme-health.com'));\n";
    assert.deepEqual(analyze(text).findings.map((finding) => [finding.ruleId, finding.range.start.column]), [['no-cleartext-transport', 27]]);
  });
});

describe('trap names', () => {
  const kindsLogged = (text: string) => analyze(text).findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => finding.phiKinds);

  it('a descriptive trap name keeps the PHI it is given', () => {
    assert.deepEqual(kindsLogged('declare const ssn: string;\nconst error = new Error(`bad SSN ${ssn}`);\nconsole.log(error);\n'), [['ssn']]);
    assert.deepEqual(kindsLogged('declare const p: any;\nconsole.log({ label: p.diagnosis });\n'), [['diagnosis']]);
  });

  it('a derived-form trap name holds no PHI', () => {
    assert.deepEqual(kindsLogged('declare const p: any;\nconst ssnCount = p.ssn;\nconst isMinor = p.dob;\nconsole.log(ssnCount, isMinor);\n'), []);
  });

  it('builders return what they hold', () => {
    assert.deepEqual(kindsLogged("declare const dob: string;\nconsole.log(new URLSearchParams().set('x', dob));\n"), [['date-of-birth']]);
    assert.deepEqual(kindsLogged("declare function load(): string;\nconsole.log(new Params().set('ssn', load()));\n"), [['ssn']]);
  });
});

describe('function summaries', () => {
  const logged = (text: string) => analyze(text).findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => `${finding.range.start.line}:${finding.phiKinds.join(',')}`);

  it('map() carries what the callback returns', () => {
    assert.deepEqual(logged('declare const patients: any[];\nconsole.log(patients.map((p) => p.id));\nconsole.log(patients.map((p) => `${p.firstName} ${p.dob}`));\n'), ['3:date-of-birth,name']);
  });

  it('a local function returns what its body builds from the arguments', () => {
    const text = `function describe(person: any) {\n  return 'born ' + person.birthDate;\n}\nfunction idOf(person: any) {\n  return person.id;\n}\ndeclare const patient: any;\nconsole.log(describe(patient));\nconsole.log(idOf(patient));\n`;
    assert.deepEqual(logged(text), ['8:date-of-birth']);
  });

  it('a function declared below its call is hoisted', () => {
    const text = `declare const p: any;\nconsole.log(format(p));\nfunction format(x: any) { return x.ssn; }\n`;
    assert.deepEqual(logged(text), ['2:ssn']);
  });

  it('recursion does not loop', () => {
    const text = `function f(x: any): any { return f(x.parent) || x.ssn; }\ndeclare const p: any;\nconsole.log(f(p));\n`;
    assert.deepEqual(logged(text), ['3:ssn']);
  });
});

describe('FHIR resource literals', () => {
  it('a literal naming a resource type carries only what its fields hold', () => {
    const text = "declare const results: any[]; declare const dob: string;\nconsole.log({ resourceType: 'Immunization', count: results.length });\nconsole.log({ resourceType: 'Patient', birthDate: dob });\n";
    assert.deepEqual(analyze(text).findings.map((finding) => `${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['3:date-of-birth']);
  });
});

describe('precision on real code (regressions from the real-code evaluation)', () => {
  const rulesAt = (text: string, file = 'src/a.ts', index?: WorkspaceIndex) => analyze(text, file, index).findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}`);

  it('an imported literal constant is not classified by its name', () => {
    const index = new WorkspaceIndex();
    index.addFile('src/constants.ts', "export const personRelationshipRepresentation = 'custom:(display,uuid)';\n");
    const text = "import { personRelationshipRepresentation } from './constants';\ndeclare const patientUuid: string;\nconsole.log(`/relationship?v=${personRelationshipRepresentation}&person=${patientUuid}`);\n";
    assert.deepEqual(rulesAt(text, 'src/a.ts', index), []);
  });

  it('an opaque id under a PHI-named key stays opaque', () => {
    assert.deepEqual(rulesAt("declare const patientId: string; declare const encounterId: string;\nsessionStorage.setItem('state', JSON.stringify({ patient: patientId, encounter: encounterId }));\n"), []);
  });

  it("a parameter typed with another library's Address is not FHIR's", () => {
    const text = "import type { Address } from 'nodemailer/lib/mailer';\nexport function f(to: Address) { console.log(to.name); }\n";
    assert.deepEqual(rulesAt(text), []);
    const fhir = "import type { Address } from '@medplum/fhirtypes';\nexport function f(home: Address) { console.log(home.city); }\n";
    assert.deepEqual(rulesAt(fhir), ['no-phi-in-logs:2']);
  });
});

describe('PHI passed to helpers of the same file', () => {
  const found = (text: string) => analyze(text).findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}:${finding.related.map((related) => related.range.start.line).join('+')}`);

  it('reports the sink inside the helper with the caller PHI and where it came from', () => {
    const text = "function logIt(x: unknown) {\n  console.log(x);\n}\nconst store = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));\ndeclare const patient: any;\nlogIt(patient.ssn);\nstore('p', patient.dateOfBirth);\n";
    assert.deepEqual(found(text), ['no-phi-in-logs:2:ssn:6', 'no-phi-in-browser-storage:4:date-of-birth:7']);
  });

  it('does not report helpers called with clean values, and terminates on recursion', () => {
    const text = "function walk(x: any): void { console.log(x); if (x.parent) walk(x.parent); }\ndeclare const patient: any;\nwalk(patient.id);\nwalk(patient.ssn);\n";
    assert.deepEqual(found(text).map((entry) => entry.split(':').slice(0, 3).join(':')), ['no-phi-in-logs:1:ssn']);
  });
});

describe('UI state', () => {
  it('React state seeded with PHI-named empty fields carries those kinds (regression: real intake forms)', () => {
    const text = "declare function useState<T>(v: T): [T, (v: T) => void];\nconst [form, setForm] = useState({ patientName: '', medicine: '', agree: false });\nconsole.log(form);\nconst [count] = useState(0);\nconsole.log(count);\n";
    const logged = analyze(text, 'src/Form.tsx').findings.filter((finding) => finding.ruleId === 'no-phi-in-logs');
    assert.deepEqual(logged.map((finding) => `${finding.range.start.line}:${finding.phiKinds.join(',')}`), ['3:medication,name']);
  });
});
