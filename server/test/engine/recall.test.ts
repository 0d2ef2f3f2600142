// Exposures that real code makes without PHI names in sight, each rebuilt in our own synthetic code:
// generic containers and framework APIs, the world's health identifiers, telemetry configured without
// scrubbing, URL state, offline databases. Each case has a twin that must stay silent.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/core/config-types';
import { WorkspaceIndex } from '../../src/engine/workspace-index';
import { RULES } from '../helpers/rules';

const ROOT = path.resolve('/virtual');

export function reported(text: string, file = 'src/app.ts', workspace: Record<string, string> = {}): string[] {
  const index = new WorkspaceIndex();
  for (const [name, content] of Object.entries(workspace)) index.addFile(name, content);
  index.addFile(file, text);
  const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
  assert.equal(result.skipped, undefined);
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

describe('recall: whose user', () => {
  it("a patient portal's user is the patient: logging user.name there logs a patient's name", () => {
    const text = "declare const user: { name: string };\nexport async function handler() {\n  console.log(`user: ${user.name}`);\n}\n";
    assert.deepEqual(reported(text, 'packages/zambdas/src/patient/get-wait-status/index.ts'), ['no-phi-in-logs:3:name']);
    assert.deepEqual(reported(text, 'packages/admin/src/settings/index.ts'), []);
  });

  it("an insurance policy holder is patient-side: logging the whole holder logs a patient's record", () => {
    const text = "declare function holderOf(x: unknown): unknown;\ndeclare const coverage: unknown;\nconst primaryPolicyHolder = holderOf(coverage);\nconsole.log('primary policy holder', JSON.stringify(primaryPolicyHolder));\n";
    assert.deepEqual(reported(text), ['no-phi-in-logs:4:patient-record']);
  });
});

describe("recall: the world's health identifiers", () => {
  it('names them in code (NHS number, Aadhaar, ABHA, CPF, CNS, BSN, IHI, health cards, national ids) and says where they are from', () => {
    const text = [
      'declare const patient: any; declare const logger: any;',
      'console.log(patient.nhsNumber);',
      'logger.info({ aadhaarNumber: patient.aadhaar, abhaAddress: patient.abhaAddress });',
      'fetch(`/api/people?cpf=${patient.cpf}&cartaoSus=${patient.cnsNumber}`);',
      "localStorage.setItem('bsn', patient.bsn);",
      "console.log('ihi', patient.ihiNumber, patient.healthCardNumber);",
      'fetch(`/api/eligibility?identifier=${patient.nationalIdNumber}`);',
    ].join('\n');
    assert.deepEqual(reported(text), [
      'no-phi-in-logs:2:nhs-number',
      'no-phi-in-logs:3:aadhaar,abha',
      'no-phi-in-url:4:cns,cpf',
      'no-phi-in-browser-storage:5:bsn',
      'no-phi-in-logs:6:health-card-number,ihi',
      'no-phi-in-url:7:national-id',
    ]);
  });

  it('messages name the identifier and its country, never the value', () => {
    const index = new WorkspaceIndex();
    const text = 'declare const patient: any;\nconsole.log(patient.nhsNumber);\n';
    const result = analyzeFile({ absPath: path.join(ROOT, 'src/a.ts'), relPath: 'src/a.ts', text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
    assert.match(result.findings[0].message, /NHS number \(UK\)/);
  });

  it('no-phi-literal reports values whose check digits pass — in tests too — and not those that fail', () => {
    const valid = [
      "export const a = { nhsNumber: '401 000 2239' };",
      "export const b = { aadhaar: '5200 0739 1205' };",
      "export const c = { cpf: '527.000.045-82' };",
      "export const d = { cnsNumber: '700000000090438' };",
      "export const e = { bsn: '200003021' };",
      "export const f = { ihi: '8003600000005519' };",
      "export const g = { healthCardNumber: '6400005515' };",
    ].join('\n');
    const kinds = (file: string) => reported(valid, file).map((entry) => entry.split(':').slice(0, 3).join(':'));
    const expected = ['no-phi-literal:1:nhs-number', 'no-phi-literal:2:aadhaar', 'no-phi-literal:3:cpf', 'no-phi-literal:4:cns', 'no-phi-literal:5:bsn', 'no-phi-literal:6:ihi', 'no-phi-literal:7:health-card-number'];
    assert.deepEqual(kinds('src/seed-data.ts'), expected);
    assert.deepEqual(kinds('test/fixtures/people.ts'), expected);
    // one digit off: the check digit fails, a made-up value
    const invalid = valid.replace('2239', '2238').replace('1205', '1204').replace('045-82', '045-83').replace('090438', '090439').replace('200003021', '200003022').replace('5519', '5518').replace('6400005515', '6400005516');
    assert.deepEqual(reported(invalid, 'src/seed-data.ts'), []);
  });

  it("names more countries' identifiers: NZ NHI, France's NIR, national ids (CNIC, codice fiscale, Belgian register) and national health insurance numbers", () => {
    const text = [
      'declare const patient: any;',
      'console.log(patient.nhiNumber);',
      "fetch(`/api/assure?numeroSecu=${patient.numeroSecu}`);",
      "localStorage.setItem('id', patient.codiceFiscale);",
      'console.log(patient.cnic, patient.nationalRegisterNumber);',
      "fetch(`/api/eligibility?kvnr=${patient.kvnr}&nhis=${patient.nhisNumber}`);",
      // a hash's name or a PIN typed to sign in is none of them
      'console.log(patient.shaDigest, patient.pinCode);',
    ].join('\n');
    assert.deepEqual(reported(text), [
      'no-phi-in-logs:2:nhi',
      'no-phi-in-url:3:nir',
      'no-phi-in-browser-storage:4:national-id',
      'no-phi-in-logs:5:national-id',
      'no-phi-in-url:6:health-plan-id',
    ]);
  });

  it('no-phi-literal reports NHI numbers and NIRs whose check characters pass, not the reserved Z range or a wrong key', () => {
    const valid = "export const a = { nhi: 'WLD9413' };\nexport const b = { nhiNumber: 'CGC2720' };\nexport const c = { nir: '1 84 12 76 451 089 46' };";
    const kinds = reported(valid, 'test/fixtures/people.ts').map((entry) => entry.split(':').slice(0, 3).join(':'));
    assert.deepEqual(kinds, ['no-phi-literal:1:nhi', 'no-phi-literal:2:nhi', 'no-phi-literal:3:nir']);
    const invalid = valid.replace('WLD9413', 'WLD9414').replace('CGC2720', 'ZZZ0016').replace('089 46', '089 47');
    assert.deepEqual(reported(invalid, 'test/fixtures/people.ts'), []);
  });

  it('recognises formatted NHS numbers, CPFs and Aadhaar numbers without a key when they validate', () => {
    assert.deepEqual(reported("export const note = 'Referred with NHS number 401 000 2239 and CPF 527.000.045-82';").map((entry) => entry.split(':')[2]), ['nhs-number']);
    assert.deepEqual(reported("export const note = 'order 401 000 2238 shipped';"), []);
  });
});

describe('recall: person and clinical data named in Spanish, Portuguese and French', () => {
  it("a patient's surname, birth date, phone, postal code, diagnosis, medicines and allergies", () => {
    const text = [
      'declare const paciente: any;',
      "console.log(paciente.apellido, paciente.fechaNacimiento);",
      "fetch(`/api/buscar?celular=${paciente.celular}&cep=${paciente.cep}`);",
      "localStorage.setItem('ficha', JSON.stringify({ diagnostico: paciente.diagnostico, medicamentos: paciente.medicamentos, alergias: paciente.alergias }));",
      "console.log(paciente.nombre);",
    ].join('\n');
    assert.deepEqual(reported(text), [
      'no-phi-in-logs:2:date-of-birth,name',
      'no-phi-in-url:3:phone,zip-code',
      'no-phi-in-browser-storage:4:allergy,diagnosis,medication',
      'no-phi-in-logs:5:name',
    ]);
  });

  it("a thing's nombre (a file, a product) is no one's name", () => {
    assert.deepEqual(reported("declare const archivo: { nombre: string };\nconsole.log(archivo.nombre);\n"), []);
  });
});

describe('recall: diabetes device data', () => {
  it("a treatment's insulin summed into a day's total is glucose and insulin data when logged", () => {
    const text = [
      'declare const treatments: any[];',
      'let bolusTotal = 0;',
      'for (const treatment of treatments) bolusTotal += treatment.insulin;',
      "console.log('day total', bolusTotal);",
    ].join('\n');
    assert.deepEqual(reported(text, 'lib/report_plugins/daily.js'), ['no-phi-in-logs:4:glucose-insulin']);
  });

  it('sensor readings are named sgv or bloodGlucose; a background colour named bg is not one', () => {
    assert.deepEqual(reported("declare const entry: { sgv: number };\nconsole.log('reading', entry.sgv);\n"), ['no-phi-in-logs:2:glucose-insulin']);
    assert.deepEqual(reported("declare const theme: { bg: string };\nconsole.log('colour', theme.bg);\n"), []);
  });
});

describe('recall: what a workspace function is declared to return', () => {
  const types = 'export interface VisitRequest { patientFirstName: string; dateOfBirth: string; allergies: string[]; slotId: string }\nexport interface SlotQuery { slotId: string; locationId: string }\n';

  it("a validated request logged under a generic name holds what the validator's declared type says", () => {
    const validator = "import type { VisitRequest } from '../types';\nexport function validateVisitRequest(input: { body?: string }): VisitRequest {\n  return JSON.parse(input.body ?? '{}');\n}\n";
    const text = "import { validateVisitRequest } from './validate';\nexport const index = async (input: { body?: string }) => {\n  const params = validateVisitRequest(input);\n  console.log('validated', JSON.stringify(params));\n};\n";
    const workspace = { 'src/types.ts': types, 'src/visits/validate.ts': validator };
    assert.deepEqual(reported(text, 'src/visits/index.ts', workspace), ['no-phi-in-logs:4:allergy,date-of-birth,name']);
  });

  it('follows Promise<…>, intersections, arrow functions and index modules, and says why in the related location', () => {
    const validator = "import type { VisitRequest } from '../../types';\nexport const parseVisit = async (raw: string): Promise<VisitRequest & { secrets: unknown }> => JSON.parse(raw);\n";
    const text = "import { parseVisit } from './parse';\nexport async function main(raw: string) {\n  const parsed = await parseVisit(raw);\n  console.log(parsed);\n  console.log(parsed.allergies, parsed.slotId);\n}\n";
    const index = new WorkspaceIndex();
    index.addFile('src/types.ts', types);
    index.addFile('src/visits/parse/index.ts', validator);
    index.addFile('src/visits/main.ts', text);
    const result = analyzeFile({ absPath: path.join(ROOT, 'src/visits/main.ts'), relPath: 'src/visits/main.ts', text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
    // a field read from it is as sure as the declaration, and says why too
    assert.deepEqual(result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.precision}:${finding.phiKinds.join(',')}`), ['no-phi-in-logs:4:medium:allergy,date-of-birth,name', 'no-phi-in-logs:5:medium:allergy']);
    for (const finding of result.findings) assert.ok(finding.related?.some((related) => /`parseVisit` is declared to return `VisitRequest`/.test(related.message)));
  });

  it("a monorepo's own package imported by its name: the export under the package's folder says what it returns", () => {
    const shared = "import type { VisitRequest } from './types';\nexport async function loadRequestById(id: string): Promise<VisitRequest | undefined> {\n  return undefined;\n}\n";
    const text = "import { loadRequestById } from '@clinic/shared';\nexport async function show(id: string) {\n  const request = await loadRequestById(id);\n  console.log(JSON.stringify(request));\n}\n";
    const workspace = { 'packages/shared/src/types.ts': types, 'packages/shared/src/visits.ts': shared };
    assert.deepEqual(reported(text, 'packages/api/src/show.ts', workspace), ['no-phi-in-logs:4:allergy,date-of-birth,name']);
    // a package the workspace does not hold: no folder of its name, nothing to say
    assert.deepEqual(reported(text.replace('@clinic/shared', '@vendor/visits-sdk'), 'packages/api/src/show.ts', workspace), []);
  });

  it("a module's default export gathering its functions, or a namespace import: the member called says what it returns", () => {
    const service = [
      "import type { VisitRequest, SlotQuery } from './types';",
      'async function fetchAllVisits(user: { id: string }): Promise<Array<VisitRequest>> {',
      "  const rows = await fetch('/datastore/appointments', { method: 'POST', body: JSON.stringify({ action: 'LIST', id: user.id }) }).then((r) => r.json());",
      '  return rows;',
      '}',
      'const fetchSlot = async (id: string): Promise<SlotQuery> => ({ slotId: id, locationId: id });',
      'export default { fetchAllVisits, slot: fetchSlot };',
    ].join('\n');
    const text = [
      "import datastoreService from '../services/datastore';",
      'export function Dashboard({ user }: { user: { id: string } }) {',
      '  datastoreService.fetchAllVisits(user).then((allVisits) => {',
      "    console.log('visits', allVisits);",
      '  });',
      "  datastoreService.slot(user.id).then((slot) => console.log('slot', slot));",
      '}',
    ].join('\n');
    const workspace = { 'src/types.ts': types, 'src/services/datastore.ts': service };
    assert.deepEqual(reported(text, 'src/pages/dashboard.tsx', workspace), ['no-phi-in-logs:4:allergy,date-of-birth,name']);
    // `const service = { … }; export default service;` gathers them too
    const named = service.replace('export default { fetchAllVisits, slot: fetchSlot };', 'const datastore = { fetchAllVisits, slot: fetchSlot };\nexport default datastore;');
    assert.deepEqual(reported(text, 'src/pages/dashboard.tsx', { ...workspace, 'src/services/datastore.ts': named }), ['no-phi-in-logs:4:allergy,date-of-birth,name']);
    // a namespace import of a module exporting them by name
    const exported = service.replace('async function fetchAllVisits', 'export async function fetchAllVisits').replace('const fetchSlot', 'export const fetchSlot');
    const viaNamespace = text.replace("import datastoreService from '../services/datastore';", "import * as datastoreService from '../services/datastore';").replace('datastoreService.slot(', 'datastoreService.fetchSlot(');
    assert.deepEqual(reported(viaNamespace, 'src/pages/dashboard.tsx', { ...workspace, 'src/services/datastore.ts': exported }), ['no-phi-in-logs:4:allergy,date-of-birth,name']);
    // a default export that is one function (or a class) gathers nothing to call through
    const single = service.replace('export default { fetchAllVisits, slot: fetchSlot };', 'export default fetchAllVisits;');
    assert.deepEqual(reported(text, 'src/pages/dashboard.tsx', { ...workspace, 'src/services/datastore.ts': single }), []);
  });

  it("a function of the same file: its declared type counts when its body says nothing", () => {
    const text = "import type { VisitRequest } from './types';\ndeclare function decode(raw: string): any;\nfunction readRequest(raw: string): VisitRequest {\n  return decode(raw);\n}\nconst request = readRequest('x');\nconsole.log(request);\n";
    assert.deepEqual(reported(text, 'src/app.ts', { 'src/types.ts': types }), ['no-phi-in-logs:7:allergy,date-of-birth,name']);
  });
});

describe('recall: a parameter its function reads patient data off', () => {
  it('a generic parameter logged whole holds the clinical data its function reads off it; what it reads off it alone is no worse', () => {
    const text = [
      "angular.module('diary').controller('DiaryCtrl', ['$scope', function ($scope) {",
      '  $scope.validateMedication = function (form) {',
      '    console.log(form);',
      '    const medication = form.newMedication;',
      "    return medication.name ? {} : { name: 'Required' };",
      '  };',
      '  $scope.saveReading = function (data) {',
      "    console.log('saving', data.status, data.whatever);",
      '    return data.diagnoses.length;',
      '  };',
      '}]);',
    ].join('\n');
    assert.deepEqual(reported(text, 'app/scripts/controllers/diary.js'), ['no-phi-in-logs:3:medication']);
  });

  it('contact details, codes and ids read off a parameter say nothing of whose it is', () => {
    const text = [
      'export function showClinic(form: any) {',
      '  console.log(form);',
      '  return [form.phone, form.email, form.medicationCodes, form.patientId];',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });
});

describe("recall: clinical words beside a reference to the patient or the visit", () => {
  it("`notes`, `condition`, `weight` in a record that names the patient or encounter are that patient's clinical data", () => {
    const text = [
      'declare const orderNote: string; declare const patient: { id: string }; declare const encounter: { id: string };',
      'declare const chosen: string; declare const measured: number;',
      "console.log('order submitted', { notes: orderNote, patientId: patient.id, encounterId: encounter.id });",
      "console.log('saved', { encounterUuid: encounter.id, condition: chosen, weight: measured });",
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:3:clinical-note', 'no-phi-in-logs:4:diagnosis,vital-signs']);
  });

  it('stays silent without the reference, for identity, outcome and catalogue words beside it, and for literals', () => {
    const text = [
      'declare const orderNote: string; declare const patient: { id: string }; declare const formName: string; declare const result: unknown;',
      "console.log('release', { notes: orderNote, version: 3 });",
      "console.log('form opened', { patientId: patient.id, name: formName, result });",
      "console.log('order submitted', { patientId: patient.id, notes: 'none' });",
      "console.log('visit', { visit: 'follow-up', comment: 'auto' });",
      "declare const drugs: string[]; declare const $http: any;",
      "$http.get('/regimen', { params: { patientUuid: patient.id, drugs } });",
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });
});
