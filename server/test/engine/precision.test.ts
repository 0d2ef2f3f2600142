// False-alarm patterns found by scanning whole public healthcare repositories, each rebuilt in our own
// synthetic code: whose data it is (workforce and organisations), data versus names (components,
// enum members, amounts, coordinates, opaque ids), and what a request's failure carries. Each case has
// a twin that must stay reported, so a fix cannot pass by going blind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config-types';
import { resolveConfig } from '../../src/engine/config';
import { WorkspaceIndex } from '../../src/engine/workspace-index';
import { RULES } from '../helpers/rules';

const ROOT = path.resolve('/virtual');

function reported(text: string, file = 'src/app.ts', workspace: Record<string, string> = {}, config: ResolvedConfig = defaultConfig(ROOT)): string[] {
  const index = new WorkspaceIndex();
  for (const [name, content] of Object.entries(workspace)) index.addFile(name, content);
  index.addFile(file, text);
  const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config, index, rules: RULES, today: '2026-12-06' });
  assert.equal(result.skipped, undefined);
  return result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

describe('precision: whose data', () => {
  it("a staff user's e-mail in user management is not PHI (regression: an admin console's audit logs)", () => {
    const text = [
      'declare const logger: any;',
      'export async function addUser(ctx: any) {',
      '  const userData = ctx.request.body;',
      '  userData.email = userData.email.toLowerCase();',
      '  logger.info(`User ${ctx.authenticated.email} created user ${userData.email}`);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/api/users.js'), []);
  });

  it("an object literal's fields under a staff or organisation key are theirs: `doctor: { full_name }` (regression: a booking app's analytics events)", () => {
    const text = [
      'declare const analytics: any; declare const info: any; declare const visit: any;',
      'export function onOpen() {',
      "  analytics.track('opened', { doctor: { full_name: info.display_name, phone: info.cell }, center: { center_name: info.name } });",
      "  analytics.track('booked', { doctor: { full_name: info.display_name }, patient: { full_name: visit.name, phone: visit.cell } });",
      "  analytics.track('seen', { provider: { patient: { full_name: visit.name } } });",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/pages/booking.ts'), ['no-phi-to-third-party:4:name,phone', 'no-phi-to-third-party:5:name']);
  });

  it("practitioners', clinics', employers' and payers' contact details are not PHI", () => {
    const text = [
      'declare const practitioner: { name: string; telecom: string[] }; declare const clinic: { fax: string; phone: string };',
      'declare const employer: { name: string; address: string }; declare const payer: { name: string };',
      "console.log(practitioner.name, practitioner.telecom);",
      "console.log('faxing', clinic.fax, clinic.phone);",
      "console.log('employer', employer.name, employer.address, payer.name);",
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('a workforce-typed value (a declared Practitioner or StaffUser) carries no contact PHI; a patient-typed one does', () => {
    const types = { 'src/types.ts': 'export interface StaffUser { name: string; email: string }\nexport interface Patient { name: string; email: string; birthDate: string }\n' };
    const staff = "import type { StaffUser } from './types';\nexport function f(user: StaffUser) { console.log(user.email, user.name); }\n";
    assert.deepEqual(reported(staff, 'src/app.ts', types), []);
    const patient = "import type { Patient } from './types';\nexport function f(patient: Patient) { console.log(patient.email); }\n";
    assert.deepEqual(reported(patient, 'src/app.ts', types), ['no-phi-in-logs:2:email']);
  });

  it("clinical data stays PHI whoever's object holds it", () => {
    const text = "declare const practitioner: { currentPatient: { diagnosis: string } };\nconsole.log(practitioner.currentPatient.diagnosis);\n";
    assert.deepEqual(reported(text), ['no-phi-in-logs:2:diagnosis']);
  });

  it("a patient's contact details stay PHI, also in a login handler of a patient app", () => {
    const text = "declare const req: any;\nexport function login() {\n  console.log('login', req.body.mobileNumber);\n}\n";
    assert.deepEqual(reported(text, 'routes/patient-portal/auth.js'), ['no-phi-in-logs:3:phone']);
    // Where nothing names the patient, a sign-in reads the account holder's own login (the app's staff user).
    assert.deepEqual(reported(text, 'routes/auth.js'), []);
    assert.deepEqual(reported(text.replace('login', 'patientLogin'), 'routes/auth.js'), ['no-phi-in-logs:3:phone']);
    const patient = "declare const patient: { email: string };\nconsole.log(patient.email);\n";
    assert.deepEqual(reported(patient, 'src/api/users.js'), ['no-phi-in-logs:2:email']);
  });
});

describe('precision: data, not names', () => {
  it('components, icons, enums and constant namespaces are not data (regression: TaskCode.sendPatientStatement)', () => {
    const text = [
      "import { PatientSearchIcon } from './icons';",
      "import { TaskCode, PATIENT_FIELDS } from './constants';",
      'console.log(PatientSearchIcon, TaskCode.sendPatientStatement, PATIENT_FIELDS.dateOfBirth);',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('amounts and layout coordinates are numbers, not PHI (regression: patientResponsibility, PDF positions)', () => {
    const text = [
      'declare const claim: any; declare const pdf: any; declare const patientName: string;',
      'const patientResponsibility = claim.total - claim.paid;',
      "console.log('balance', patientResponsibility, claim.patientBalanceDue);",
      'const nameX = pdf.widthOfString(patientName);',
      "console.log('drawing at', nameX, pdf.getX(), pdf.getTotalPages());",
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('opaque ids and references read from a patient are not PHI; HIPAA identifiers are', () => {
    const text = [
      'declare const patient: any; declare const appointment: any; declare function resolve(x: string): any;',
      "console.log('ref', patient.reference, appointment.patient?.reference, patient._rev, patient.facility);",
      'const { encounterIdQuery, patientUuids } = resolve(appointment.id);',
      'fetch(`/orders?encounterId=${encounterIdQuery}&patients=${patientUuids.join(",")}`);',
      "console.log('member', patient.memberId);",
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:5:health-plan-id']);
  });
});

describe('precision: values the code computes, not what their names guess', () => {
  it('a list of ids joined into a parameter named for the patient is ids (regression: patientParam)', () => {
    const text = "declare const patientIds: string[];\nconst patientParam = patientIds.map((id) => `Patient/${id}`).join(',');\nfetch(`/Claim?patient=${patientParam}&_count=20`);\n";
    assert.deepEqual(reported(text), []);
  });

  it("today's date named for appointments, as a query filter, is no one's date", () => {
    const text = "declare const dayjs: any;\nconst appointmentDate = dayjs(new Date().setHours(0, 0, 0, 0)).toISOString();\nfetch(`/appointment/all?forDate=${appointmentDate}`);\n";
    assert.deepEqual(reported(text), []);
  });

  it("search criteria typed `patient: string` hold a reference, not the patient's record", () => {
    const text = "interface ObsSearchCriteria { patient: string; concept: string }\nexport function search(criteria: ObsSearchCriteria) {\n  const params = new URLSearchParams({ ...criteria, limit: '1' });\n  return fetch(`/obs?${params}`);\n}\n";
    assert.deepEqual(reported(text), []);
  });

  it("a clinic's phone numbers in the locations of an intake app are the clinic's (regression: no-phi-literal)", () => {
    const text = "export const locations = [\n  { name: 'Northwind Clinic', telecom: [{ system: 'phone', value: '516.248.5437' }] },\n];\n";
    assert.deepEqual(reported(text, 'apps/intake/src/helpers/locations.tsx'), []);
    const patients = "export const patient = { resourceType: 'Patient', telecom: [{ system: 'phone', value: '516.248.5437' }] };\n";
    // a phone alone is evidence only in the broad mode (by default only identifiers that validate are)
    assert.deepEqual(reported(patients, 'apps/intake/src/helpers/patient.tsx'), []);
    const broad = resolveConfig({ rules: { 'no-phi-literal': ['error', { evidence: 'broad' }] } }, undefined, ROOT);
    assert.deepEqual(reported(text, 'apps/intake/src/helpers/locations.tsx', {}, broad), []);
    assert.deepEqual(reported(patients, 'apps/intake/src/helpers/patient.tsx', {}, broad), ['no-phi-literal:1:phone']);
  });
});

describe("precision: a request's response and failure do not carry its body", () => {
  const helper = [
    "type Options = { body?: unknown };",
    "export async function request(route: { path: string }, options: Options = {}) {",
    "  try {",
    "    const res = await fetch(route.path, { method: 'POST', body: JSON.stringify(options.body) });",
    "    const data = await res.json();",
    "    if (!res.ok) console.error('request failed', res.status, data);",
    "    return data;",
    "  } catch (error) {",
    "    console.error('network error', error);",
    "    throw error;",
    "  }",
    "}",
  ].join('\n');

  it('a generic request helper that logs its network error does not log the body it sent (same file)', () => {
    const text = `${helper}\ndeclare const routes: any;\nexport function saveNote(clinicalNotes: string) {\n  return request(routes.createNote, { body: { clinicalNotes } }).catch((err) => console.error('could not save', err));\n}\n`;
    assert.deepEqual(reported(text), []);
  });

  it('… nor when the helper is in another file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-request-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', 'utils'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', 'utils', 'request.ts'), helper);
      fs.writeFileSync(path.join(dir, 'src', 'notes.ts'), "import { request } from './utils/request';\ndeclare const routes: any;\nexport async function save(clinicalNotes: string) {\n  const result = await request(routes.createNote, { body: { clinicalNotes } });\n  console.log('saved', result);\n}\n");
      const result = await scanWorkspace({ paths: [dir], cwd: dir });
      assert.deepEqual(result.findings.map((finding) => `${finding.file}:${finding.ruleId}`), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("axios: the response and the caught error of a POST are not the patient's data", () => {
    const text = [
      "export async function save(axios: any, patient: { dateOfBirth: string }) {",
      "  try {",
      "    const response = await axios.post('/api/patients', { dob: patient.dateOfBirth });",
      "    console.log('saved', response.status, response.data);",
      "  } catch (e: any) {",
      "    console.error('failed', e.message, e.response?.data);",
      "  }",
      "  axios.post('/api/patients', { dob: patient.dateOfBirth }).then((ok: unknown) => console.log(ok), (failed: any) => console.error(failed.message));",
      "}",
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('axios: the caught error logged whole keeps the request config, so it carries the body (issue 9)', () => {
    const text = [
      "export async function save(axios: any, patient: { dateOfBirth: string }) {",
      "  axios.post('/api/patients', { dob: patient.dateOfBirth }).then((ok: unknown) => console.log(ok), (failed: unknown) => console.error(failed));",
      "}",
    ].join('\n');
    assert.deepEqual(reported(text), ['no-phi-in-logs:2:date-of-birth']);
  });

  it('logging the body itself in the failure path is still reported', () => {
    const text = "export async function save(notes: { clinicalNotes: string }) {\n  try {\n    await fetch('/api/notes', { method: 'POST', body: JSON.stringify(notes) });\n  } catch (error) {\n    console.error('failed to save', notes.clinicalNotes, error);\n  }\n}\n";
    assert.deepEqual(reported(text), ['no-phi-in-logs:5:clinical-note']);
  });
});

describe('precision: labels, timestamps, filters and dead code', () => {
  it("a declared type without PHI fields is not a person: its `name` is a label (regression: a dashboard's name in a route)", () => {
    const types = { 'src/types.ts': 'export interface DashboardConfig { name: string; slot: string; title: string }\n' };
    const text = "import type { DashboardConfig } from './types';\ndeclare const list: unknown[];\nconst dashboards = list as Array<DashboardConfig>;\nconst active = dashboards.find((d) => d.slot === 'x') ?? dashboards[0];\nlocation.assign(`/home/${active.name}`);\n";
    assert.deepEqual(reported(text, 'src/app.ts', types), []);
  });

  it("an unknown property of a value whose PHI is only a name's guess does not carry it (regression: client.now logged as a timestamp)", () => {
    const text = "declare function fetchPatientSummary(): unknown;\nconst patientSummary: any = fetchPatientSummary();\nconsole.info('got update', new Date(patientSummary.now), patientSummary.retro.loadStartedMills);\nconsole.log('data', patientSummary.data);\n";
    assert.deepEqual(reported(text, 'lib/client/index.js'), ['no-phi-in-logs:4:clinical-note']);
  });

  it('calendar ranges, filters and aggregates are about many records or none', () => {
    const text = "declare function evaluateAppointmentCalendarDates(d: Date): { startDate: string; endDate: string };\nconst appointmentCalendarDates = evaluateAppointmentCalendarDates(new Date());\nfetch(`/appointment/summary?start=${appointmentCalendarDates.startDate}`);\ndeclare function load(): unknown;\nconst visitStats = load();\nconsole.log(visitStats);\n";
    assert.deepEqual(reported(text), []);
  });

  it('a log behind a flag hard-coded off never runs', () => {
    const text = "const DEBUG = false;\nexport function f(treatments: { insulin: number }[], diagnosis: string) {\n  if (DEBUG) console.log('treatments', diagnosis);\n  if (DEBUG) { console.log(diagnosis); } else { console.log('ok'); }\n}\n";
    assert.deepEqual(reported(text), []);
    assert.deepEqual(reported(text.replace('const DEBUG = false', 'const DEBUG = true')), ['no-phi-in-logs:3:diagnosis', 'no-phi-in-logs:4:diagnosis']);
  });

  it('a permission to view bodies in a console is not body logging (regression: role definitions)', () => {
    assert.deepEqual(reported("export const admin = { 'transaction-view-body-all': true, 'transaction-view-all': true };\n"), []);
    assert.deepEqual(reported("export const options = { logRequestBody: true };\n"), ['no-body-logging:1:']);
  });
});

describe('precision: test data, organisation faxes, apps', () => {
  it('values read from objects named for tests (e2e users, test config, mocks) are test data, not PHI', () => {
    const text = [
      'declare const E2E_USERS: Array<{ email: string }>; declare const intakeTests: any; declare const mockPatient: any;',
      "import { writeFileSync } from 'node:fs';",
      'intakeTests.PHONE_NUMBER = E2E_USERS[0].email;',
      "writeFileSync('tests.json', JSON.stringify(intakeTests));",
      'console.log(mockPatient.dob);',
    ].join('\n');
    assert.deepEqual(reported(text, 'scripts/setup-envs.ts'), []);
    // twin: a real patient's date of birth, and a lab sample's patient (a specimen, not a sample of data)
    assert.deepEqual(reported('declare const patient: any; declare const sample: any;\nconsole.log(patient.dob);\nconsole.log(sample.patientName);\n'), ['no-phi-in-logs:2:date-of-birth', 'no-phi-in-logs:3:name']);
  });

  it("a bare fax number is an organisation's (referrals, orders); a patient's fax is PHI", () => {
    const text = "declare const config: { faxNumbers: string[] };\nconsole.log('configured', config.faxNumbers);\n";
    assert.deepEqual(reported(text, 'scripts/config/import-resources.ts'), []);
    assert.deepEqual(reported("declare const patient: any;\nconsole.log('fax', patient.fax, patient.patientFax);\n"), ['no-phi-in-logs:2:fax']);
  });

  it('an app named for patients (a patient portal) is not a patient', () => {
    const text = "declare const ids: { patientPortal?: string; ehr?: string };\nconsole.log(`distribution: patient=${ids.patientPortal}`);\n";
    assert.deepEqual(reported(text, 'scripts/deploy.ts'), []);
  });
});

describe('precision: types that are catalogues, search criteria and things', () => {
  it("a lab test definition's codes are what can be ordered, not anyone's procedure", () => {
    const types = 'export interface LabItemDefinition { name: string; cptCode: string[]; diagnosis?: string }\n';
    const text = "import type { LabItemDefinition } from './types';\nexport function add(definition: LabItemDefinition) {\n  console.log('adding', JSON.stringify(definition));\n}\n";
    assert.deepEqual(reported(text, 'src/admin/add-lab.ts', { 'src/types.ts': types }), []);
    // twin: the order placed for a patient carries the procedure
    const order = 'export interface ServiceOrder { patientName: string; cptCode: string[] }\n';
    const twin = "import type { ServiceOrder } from './types';\nexport function place(order: ServiceOrder) {\n  console.log('placing', JSON.stringify(order));\n}\n";
    assert.deepEqual(reported(twin, 'src/orders/place.ts', { 'src/types.ts': order }), ['no-phi-in-logs:3:name,procedure']);
  });

  it('date bounds of a search filter are not a visit date; a name searched for still is', () => {
    const types = 'export interface VisitSearchFilters { visitDate?: string; status?: string }\nexport interface PatientSearchFilters { patientName?: string; visitDate?: string }\n';
    const text = "import type { VisitSearchFilters, PatientSearchFilters } from './types';\nexport function search(filters: VisitSearchFilters, byName: PatientSearchFilters) {\n  console.log(filters);\n  console.log(byName);\n}\n";
    assert.deepEqual(reported(text, 'src/visits/search.ts', { 'src/types.ts': types }), ['no-phi-in-logs:4:name']);
  });

  it("a search state's filters field carries what its type says is searched, without bounds and statuses", () => {
    const types = 'export interface PatientFilters { lastName?: string; dob?: string; visitDate?: string }\nexport interface VisitFilters { visitDate?: string; status?: string }\nexport interface SearchState { filters: PatientFilters; page: number }\nexport interface VisitState { filters: VisitFilters; page: number }\n';
    const text = "import type { SearchState, VisitState } from './types';\nexport function show(search: SearchState, visits: VisitState) {\n  console.log(search.filters);\n  console.log(visits.filters);\n}\n";
    assert.deepEqual(reported(text, 'src/search/show.ts', { 'src/types.ts': types }), ['no-phi-in-logs:3:date-of-birth,name']);
  });

  it("a patient's documents folder is a folder: its name is not a person's", () => {
    const types = 'export interface PatientDocumentsFolder { id: string; name: string }\nexport interface PatientDocumentsFilters { documentName?: string; folder?: PatientDocumentsFolder }\n';
    const text = "import type { PatientDocumentsFilters } from './types';\nexport function search(filters: PatientDocumentsFilters) {\n  console.log(filters);\n}\n";
    assert.deepEqual(reported(text, 'src/docs/search.ts', { 'src/types.ts': types }), []);
  });
});

describe("recall kept: a workforce-named type's field that names the patient", () => {
  it("LabOrder.patientName is the patient's name although a lab is an organisation", () => {
    const types = 'export interface LabOrder { labPhone: string; patientName: string }\n';
    const text = "import type { LabOrder } from './types';\nexport function place(order: LabOrder) {\n  console.log('placing', JSON.stringify(order));\n}\n";
    assert.deepEqual(reported(text, 'src/orders/place.ts', { 'src/types.ts': types }), ['no-phi-in-logs:3:name']);
  });
});

describe('precision: declared return types that hold no patient data', () => {
  const types = 'export interface VisitRequest { patientFirstName: string; dateOfBirth: string; allergies: string[]; slotId: string }\nexport interface SlotQuery { slotId: string; locationId: string }\nexport interface ClinicSettings { name: string; phone: string; address: string }\nexport interface UpdateAccountParams { firstName: string; dateOfBirth: string; phone: string }\nexport class VisitError extends Error { patientFirstName?: string; allergies?: string }\n';
  const validator = [
    "import type { VisitRequest, SlotQuery, ClinicSettings, VisitError, UpdateAccountParams } from '../types';",
    'export function validateAccountUpdate(input: unknown): UpdateAccountParams { return input as UpdateAccountParams; }',
    'export function validateVisit(input: unknown): VisitError { return new VisitError(); }',
    'export function validateSlotQuery(input: { body?: string }): SlotQuery { return JSON.parse(input.body ?? "{}"); }',
    "export function validateSecrets(input: { body?: string }): Pick<VisitRequest, 'slotId'> { return JSON.parse(input.body ?? '{}'); }",
    'export function loadSettings(): Promise<ClinicSettings> { return fetchSettings(); }',
    'export function countVisits(): number { return 3; }',
    'export function slotTotals(): { total: number } { return { total: 3 }; }',
  ].join('\n');

  it('id-only inputs, Pick<…> of a record, an organisation, numbers, literal object types, validation errors per field and a shape with contacts but no clinical data or record (a staff account) stay silent', () => {
    const text = [
      "import { validateSlotQuery, validateSecrets, loadSettings, countVisits, slotTotals, validateVisit, validateAccountUpdate } from './validate';",
      'export const index = async (input: { body?: string }) => {',
      "  console.log('query', JSON.stringify(validateSlotQuery(input)));",
      "  console.log('secrets', JSON.stringify(validateSecrets(input)));",
      "  console.log('settings', JSON.stringify(await loadSettings()));",
      "  console.log('count', countVisits(), slotTotals());",
      "  console.log('verdict', validateVisit(input));",
      "  console.log('account', JSON.stringify(validateAccountUpdate(input)));",
      '};',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/visits/index.ts', { 'src/types.ts': types, 'src/visits/validate.ts': validator }), []);
  });

  it("a document's pointer is not the document: a DocumentReference or a label with its reference and URL stays silent", () => {
    const printing = "import type { DocumentReference } from 'fhir/r4b';\nexport interface VisitLabel { documentReference: DocumentReference; presignedUrl: string }\nexport async function createVisitLabel(encounterId: string): Promise<VisitLabel> { return fetchLabel(encounterId); }\nexport async function storeReceipt(pdf: unknown): Promise<DocumentReference> { return save(pdf); }\n";
    const text = "import { createVisitLabel, storeReceipt } from './printing';\nexport async function print(encounterId: string) {\n  console.log('label', JSON.stringify(await createVisitLabel(encounterId)));\n  console.log('receipt', JSON.stringify(await storeReceipt(encounterId)));\n}\n";
    assert.deepEqual(reported(text, 'src/visits/print.ts', { 'src/visits/printing.ts': printing }), []);
  });

  it("a package import is not resolved by name: another module's function of the same name says nothing", () => {
    const patientValidator = "import type { VisitRequest } from '../types';\nexport function validateRequestParameters(input: unknown): VisitRequest { return input as VisitRequest; }\n";
    const text = "import { validateRequestParameters } from 'some-package';\nexport const index = async (input: unknown) => {\n  console.log(JSON.stringify(validateRequestParameters(input)));\n};\n";
    assert.deepEqual(reported(text, 'src/settings/index.ts', { 'src/types.ts': types, 'src/visits/validateRequestParameters.ts': patientValidator }), []);
  });
});

describe('precision: layout pixels, system and staff records, references, schemas and settings keys', () => {
  it("the DOM's layout geometry is pixels, not a person's height (the browser's client area is no client)", () => {
    const text = [
      'export function fitViewer(container: HTMLElement) {',
      '  const containerHeight = container.clientHeight || 400;',
      '  const { clientHeight, offsetWidth } = container;',
      "  console.log('viewer', containerHeight, clientHeight, offsetWidth, window.innerHeight);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/scanner/viewer.ts'), []);
    // twin: a patient's height and a client's weight are vital signs
    assert.deepEqual(reported("declare const patient: any; declare const clientWeight: number;\nconsole.log(patient.height, clientWeight);\n"), ['no-phi-in-logs:2:vital-signs']);
  });

  it("a practitioner's entry in the EHR and a system's row (queue, inventory) are not a patient's record", () => {
    const text = [
      'declare function getLocalEhrPractitioner(): Promise<unknown>;',
      'declare const devices: { nextInQueue(): Promise<unknown>; stockTake(): Promise<unknown> };',
      'export async function syncStaff() {',
      '  const ehrPractitioner = await getLocalEhrPractitioner();',
      "  console.log('local practitioner', JSON.stringify(ehrPractitioner));",
      "  console.log('remote', JSON.stringify(await getLocalEhrPractitioner()));",
      '  const queueRecord = await devices.nextInQueue();',
      '  const inventoryRecord = await devices.stockTake();',
      "  console.log('queue position', queueRecord, inventoryRecord);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/sync/staff.ts'), []);
    // twin: a record, a medical record and a patient's record loaded the same way are the patient's
    const twin = [
      'declare function load(): Promise<unknown>;',
      'export async function show() {',
      '  const record = await load();',
      '  const medicalRecord = await load();',
      '  const patientChart = await load();',
      '  console.log(record, medicalRecord, patientChart);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(twin, 'src/sync/show.ts'), ['no-phi-in-logs:6:patient-record']);
  });

  it("a record that names no one is whoever's its source says: the fields read off it, the call or type it comes from, not the file's path", () => {
    const text = [
      'export async function validateRecord(record, client) {',
      "  console.log('record:', JSON.stringify(record));",
      '  const result = { success: true, key: record, summary: record.ClinicScheduleSummary };',
      "  console.warn('invalid clinic rows', result);",
      '  return client.send(record);',
      '}',
      'export async function show(load) {',
      '  const patientRecord = await load();',
      '  console.log(patientRecord, patientRecord.name);',
      '}',
      'export async function read(clinicService, id) {',
      '  const record = await clinicService.findById(id);',
      "  console.log('loaded', record);",
      '}',
    ].join('\n');
    // wherever the file sits: a clinic's data feed or a folder that says nothing
    for (const file of ['src/validateClinicCapacity/handler.js', 'src/validate/handler.js']) assert.deepEqual(reported(text, file), ['no-phi-in-logs:9:name,patient-record'], file);
  });

  it("a record a patient source produced is the patient's, even in a pharmacy's or a clinic's route file", () => {
    const text = [
      'export async function handle(req, patientService, loadRecord) {',
      '  const record = await patientService.findById(req.params.id);',
      '  console.log(record.firstName);',
      '  const other = await loadRecord(req.params.id);',
      "  console.log('loaded', other);",
      '}',
      'export function validateRecord(record) {',
      "  console.log('record:', JSON.stringify(record), record.clinicName, record.dateOfBirth);",
      '}',
    ].join('\n');
    // a patient service's record; a record nothing says anything of (the default guess); a row read at a person's field
    assert.deepEqual(reported(text, 'src/pharmacy/routes.ts'), ['no-phi-in-logs:3:name', 'no-phi-in-logs:5:patient-record', 'no-phi-in-logs:8:date-of-birth,patient-record']);
  });

  it("a places search's result is a business listing (a pharmacy's phone), not a patient's contact", () => {
    const types = 'export type PlacesResult = { placesId: string; name: string; address: string; phone?: string };\nexport type PatientResult = { name: string; phone?: string };\n';
    const text = "import type { PlacesResult, PatientResult } from './types';\nexport function found(place: PlacesResult, patient: PatientResult) {\n  console.log('nearest', JSON.stringify(place));\n  console.log('matched', JSON.stringify(patient));\n}\n";
    // twin: a patient's search result with the same fields
    assert.deepEqual(reported(text, 'src/patient/search-pharmacies.ts', { 'src/types.ts': types }), ['no-phi-in-logs:4:name,phone']);
  });

  it('references, a list of ids (`patientIDs`) and record metadata are opaque; the diagnoses themselves are not', () => {
    const text = [
      'declare const encounter: { diagnosis?: Array<{ condition: { reference?: string }; rank?: number }> };',
      'declare const patients: Array<{ id: string }>;',
      'declare function validateBody(body: unknown): { appointmentMetadata: unknown };',
      'export function plan(body: unknown) {',
      '  const diagnosisRefSet = new Set(encounter.diagnosis?.map((dx) => dx.condition.reference));',
      "  console.log('refs', JSON.stringify([...diagnosisRefSet]));",
      '  const patientIDs = patients.map((patient) => `Patient/${patient.id}`);',
      "  console.log(`ids: ${patientIDs.join(', ')}`);",
      '  const { appointmentMetadata } = validateBody(body);',
      "  console.log('tags', JSON.stringify(appointmentMetadata));",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/visits/plan.ts'), []);
    // twin: the encounter's diagnoses and a patient's SSNs
    const twin = "declare const encounter: { diagnosis?: string[] }; declare const patientSSNs: string[];\nconsole.log(JSON.stringify(encounter.diagnosis), patientSSNs);\n";
    assert.deepEqual(reported(twin, 'src/visits/plan.ts'), ['no-phi-in-logs:2:diagnosis,ssn']);
  });

  it('a schema built with zod or yup describes a shape, not data', () => {
    const text = [
      "import { z } from 'zod';",
      "import * as yup from 'yup';",
      'export const requestConfig = z.object({ params: z.record(z.string(), z.string()).optional() });',
      "console.log('schemas', z.record(z.string(), z.any()), yup.object({ dob: yup.date() }));",
    ].join('\n');
    assert.deepEqual(reported(text, 'src/forms/schema.ts'), []);
    // twin: a `record()` of the app's own still says what it returns
    const twin = "import { z } from 'zod';\nimport { record } from './records';\nconsole.log(z.string(), record());\n";
    assert.deepEqual(reported(twin, 'src/forms/intake.ts'), ['no-phi-in-logs:3:patient-record']);
  });

  it('a regular expression replaced by mask characters redacts: `email.replace(/(.{2})(.*)(@.*)/, "$1***$3")`', () => {
    const text = [
      'declare const email: string; declare const phone: string;',
      "console.info('verification link', { email: email.replace(/(.{2})(.*)(@.*)/, '$1***$3') });",
      "console.info('sms sent', phone.replace(/\\d(?=\\d{4})/g, '*'));",
    ].join('\n');
    assert.deepEqual(reported(text, 'src/api/verify.ts'), []);
    // twin: a replacement that keeps the value readable, and a fixed text replaced (one occurrence, the rest kept)
    const twin = text.replace("'$1***$3'", "'$1 $2$3'").replace("phone.replace(/\\d(?=\\d{4})/g, '*')", "phone.replace('+', '***')");
    assert.deepEqual(reported(twin, 'src/api/verify.ts'), ['no-phi-in-logs:2:email', 'no-phi-in-logs:3:phone']);
  });

  it('a class passed to a type assertion is a type: its `.name` is not data (regression: a dependency-injection check)', () => {
    const text = [
      'class CheckError extends Error {}',
      'export class PatientRecordFinder {}',
      'function expectInstance(value: unknown, type: any) {',
      '  if (!value) throw new CheckError(`missing dependency of type ${type.name}`);',
      '  if (!(value instanceof type)) throw new CheckError(`got ${typeof value}, expected ${type.name}`);',
      '}',
      'export function wire(finder: unknown) {',
      '  expectInstance(finder, PatientRecordFinder);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/services/wiring.ts'), []);
    // twin: a helper that does not test against its second argument puts the caller's record into the message
    const twin = text.replace('(value instanceof type)', '(value instanceof Object)').replace('expectInstance(finder, PatientRecordFinder)', 'expectInstance(finder, patient)').replace('export function wire(finder: unknown)', 'export function wire(finder: unknown, patient: { name: string })');
    assert.deepEqual(reported(twin, 'src/services/wiring.ts'), ['no-phi-in-error-message:4:name', 'no-phi-in-error-message:5:name']);
  });

  it('a record put into text renders as `[object Object]`: only its fields or JSON.stringify put data in the message', () => {
    const text = [
      "import type { Observation } from 'fhir/r4';",
      'export interface LabOrder { patientName: string; diagnosis: string[] }',
      'export function check(order: LabOrder, observations: Observation[]) {',
      '  if (!order.diagnosis.length) throw new Error(`Order is missing a requisition number, ${order}`);',
      "  console.warn('no results for ' + observations);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/orders/check.ts'), []);
    // twin: the record serialised, and one of its fields
    const twin = text.replace('${order}`', '${JSON.stringify(order)}`').replace("'no results for ' + observations", "'no results for ' + order.diagnosis");
    assert.deepEqual(reported(twin, 'src/orders/check.ts'), ['no-phi-in-error-message:4:diagnosis,name', 'no-phi-in-logs:5:diagnosis']);
  });

  it('a function named for a thing for, by, from or of a record returns the thing (`getStripeAccountForAppointment`)', () => {
    const text = [
      'declare function getStripeAccountForAppointment(id: string): Promise<unknown>;',
      'declare const ui: { getColorForDiagnosis(code: string): string; getProviderForEncounter(id: string): unknown };',
      'export async function pay(appointmentId: string, code: string) {',
      "  console.log('paying into', await getStripeAccountForAppointment(appointmentId));",
      "  console.log('legend', ui.getColorForDiagnosis(code), ui.getProviderForEncounter(appointmentId));",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/payments/pay.ts'), []);
    // twin: what is PHI before the preposition, or a generic container for a patient
    const twin = [
      'declare function getVitalsForEncounter(id: string): unknown;',
      'declare function getDataForPatient(id: string): unknown;',
      'declare function getQuestionnaireResponsesForEncounter(id: string): unknown;',
      "console.log(getVitalsForEncounter('e'));",
      "console.log(getDataForPatient('p'));",
      "console.log(getQuestionnaireResponsesForEncounter('e'));",
    ].join('\n');
    assert.deepEqual(reported(twin, 'src/visits/show.ts'), ['no-phi-in-logs:4:encounter,vital-signs', 'no-phi-in-logs:5:patient-record', 'no-phi-in-logs:6:encounter']);
  });

  it("a dotted settings key is a path: its last segment names the value (`medications.…​.deleteAfterHours` is hours)", () => {
    const text = [
      'declare const settings: { get(key: string): Promise<unknown> };',
      'export async function purge() {',
      "  const hours = await settings.get('medications.dispensing.deleteAfterHours');",
      "  console.log('purging after', hours);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/tasks/purge.ts'), []);
    // twin: a key whose last segment is PHI, and a plain PHI key
    const twin = "declare const form: { get(key: string): unknown };\nconsole.log(form.get('patient.contact.ssn'), form.get('diagnosis'));\n";
    assert.deepEqual(reported(twin, 'src/forms/read.ts'), ['no-phi-in-logs:2:diagnosis,ssn']);
  });
});

describe("precision: a FHIR datatype's use code", () => {
  it("a ContactPoint's, HumanName's or Address's `use` is a code (home, work, official), not the phone, name or address", () => {
    const text = [
      "import type { Patient } from './fhir';",
      'declare const patient: Patient;',
      'for (const point of patient.telecom ?? []) {',
      "  if (point.use !== 'home' && point.use !== 'work') throw new Error(`Unsupported telecom use ${point.use}`);",
      '}',
      "console.log('name use', patient.name?.[0]?.use, 'address use', patient.address?.[0]?.use);",
      "throw new Error(`bad telecom ${patient.telecom?.[0]?.value}`);",
    ].join('\n');
    const workspace = { 'src/fhir.ts': 'export interface Patient { resourceType: "Patient"; telecom?: Array<{ use?: string; value?: string; system?: string }>; name?: Array<{ use?: string; family?: string }>; address?: Array<{ use?: string; line?: string[] }> }' };
    assert.deepEqual(reported(text, 'src/app.ts', workspace), ['no-phi-in-error-message:7:phone']);
  });
});

describe('precision round 4: error payloads, records as text, list filters, staff and app users', () => {
  it('a parameter declared as a FHIR datatype list renders as `[object Object]` in a message, whatever the caller passes', () => {
    const text = [
      "import type { Extension } from 'fhir/r4';",
      'function single(extensions: Extension[], url: string): Extension {',
      '  const found = extensions.filter((extension) => extension.url === url);',
      '  if (found.length === 1) return found[0];',
      '  throw new Error(`Found ${found.length} extensions, expected 1: ${extensions}`);',
      '}',
      'export function statusOf(medicationDispense: { extension: Extension[] }) {',
      "  return single(medicationDispense.extension, 'https://example.org/status');",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/fhir/extensions.ts'), []);
    // twin: serialised, the list's content is in the message
    const twin = text.replace('expected 1: ${extensions}`', 'expected 1: ${JSON.stringify(extensions)}`');
    assert.deepEqual(reported(twin, 'src/fhir/extensions.ts'), ['no-phi-in-error-message:5:medication']);
  });
});

describe('precision round 4: routes with report filters, a visit\'s place, label tables', () => {
  it("a patient list's parameters are its filters, and a visit's location is a place: neither is the patient in a route", () => {
    const text = [
      'declare const router: { navigate(commands: unknown[], extras?: unknown): void };',
      'export class ReportComponent {',
      '  encounterLocation: any;',
      '  openList(patientListParams: unknown) {',
      "    router.navigate(['patient-list'], { queryParams: patientListParams });",
      '  }',
      '  openClinic() {',
      "    router.navigate(['/clinic/' + this.encounterLocation.value + '/dashboard']);",
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app/report.component.ts'), []);
    // twin: the patient's own record and the encounter itself still count
    const twin = text.replace('queryParams: patientListParams', 'queryParams: patient').replace('openList(patientListParams: unknown)', 'openList(patient: unknown)').replace('this.encounterLocation.value', 'this.encounter.value').replace('encounterLocation: any', 'encounter: any');
    assert.deepEqual(reported(twin, 'src/app/report.component.ts'), ['no-phi-in-url:5:patient-record', 'no-phi-in-url:8:encounter']);
  });

  it("an entry of a table of labels (`indicators['hiv-overview']`, `labels.diagnosis`) is a label, not the value", () => {
    const text = [
      'declare const router: { navigate(commands: unknown[]): void };',
      'declare const service: { indicatorNames: Record<string, Record<string, string>>; labels: Record<string, string> };',
      'export function open(series: string) {',
      '  const indicators = service.indicatorNames;',
      "  router.navigate(['./patient-list', indicators['hiv-comparative-overview'][series]]);",
      "  console.log('column', service.labels.diagnosis);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app/chart.ts'), []);
    // twin: read from a record, the same names are the values
    const twin = text.replace("indicators['hiv-comparative-overview'][series]", "visit['hiv-status'][series]").replace('service.labels.diagnosis', 'visit.diagnosis').replace('export function open(series: string)', 'export function open(series: string, visit: any)');
    assert.deepEqual(reported(twin, 'src/app/chart.ts'), ['no-phi-in-url:5:lab-result', 'no-phi-in-logs:6:diagnosis']);
  });
});

describe('precision round 4: constants, named things and calling code in logs', () => {
  it("an UPPER_SNAKE member of an imported event table is a constant event name, not the encounter", () => {
    const text = [
      "import { analyticsEvents } from './analytics';",
      'declare const logger: { error(...args: unknown[]): void };',
      'export function onEditEncounter(encounter: { notes: string }) {',
      '  logger.error(analyticsEvents.EDIT_ENCOUNTER);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/actions/encounter.ts'), []);
    // twin: the encounter itself, and a database row's upper-case column, are data
    const twin = text.replace('logger.error(analyticsEvents.EDIT_ENCOUNTER);', 'logger.error(encounter);\n  const row: any = {};\n  logger.error(row.PATIENT_NAME);');
    assert.deepEqual(reported(twin, 'src/actions/encounter.ts'), ['no-phi-in-logs:4:encounter', 'no-phi-in-logs:6:name']);
  });

  it("a form question (`childConcept.name`) and the calling component (`callerName`) are not a person's name", () => {
    const text = [
      'declare const logger: { error(...args: unknown[]): void; debug(...args: unknown[]): void };',
      'export function onAnswer(childFormElement: any, callerName: string) {',
      '  const childConcept = childFormElement.concept;',
      "  logger.error(`no coded answer on concept '${childConcept.name}'`);",
      "  logger.debug(callerName || 'IssueUpload', 'upload failed');",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/actions/observations.ts'), []);
    // twin: the child's own name is a person's
    const twin = text.replace('const childConcept = childFormElement.concept;', 'const child = childFormElement.subject;').replace('${childConcept.name}', '${child.name}');
    assert.deepEqual(reported(twin, 'src/actions/observations.ts'), ['no-phi-in-logs:4:name']);
  });
});

describe("precision round 4: the app's user and staff, check digits, group numbers", () => {
  it("feedback sent from a staff app is its user's: the sender's phone is not a patient's", () => {
    const text = [
      'export class FeedbackComponent {',
      '  payload: any = {};',
      '  sendFeedback(feedbackService: any) {',
      '    feedbackService.post(this.payload).subscribe(() => {',
      "      console.log('sent from', this.payload.phone);",
      '    });',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app/feedback/feedback.component.ts'), []);
    // twin: in a patient's code the same phone is the patient's
    assert.deepEqual(reported(text.replace('this.payload.phone', 'this.payload.patientPhone'), 'src/app/feedback/feedback.component.ts'), ['no-phi-in-logs:5:phone']);
  });

  it("a callback handed to a user lookup (`findUserByEmail(email, (err, user) => …)`) handles an account's login", () => {
    const text = [
      'declare function findUserByEmail(email: string, done: (err: Error | null, user?: unknown) => void): void;',
      'declare const logger: { debug(message: string): void };',
      'export function createSession(req: any) {',
      '  findUserByEmail(req.body.email, (err, user) => {',
      '    if (!user) logger.debug(`No account for email address ${req.body.email}`);',
      '  });',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/api/session.js'), []);
    // twin: a callback of a patient lookup logs the patient's e-mail
    const twin = text.replace(/findUserByEmail/g, 'findPatientByEmail');
    assert.deepEqual(reported(twin, 'src/api/session.js'), ['no-phi-in-logs:5:email']);
  });

  it("a provider's person entry is the provider's, even fetched by a person's uuid", () => {
    const text = [
      'export function remember(providerResource: any) {',
      "  providerResource.getProviderByPersonUuid('uuid').subscribe((provider: any) => {",
      "    localStorage.setItem('defaultProvider', JSON.stringify({ label: provider.person.display, value: provider.person.uuid }));",
      '  });',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app/visit/visit-starter.ts'), []);
    // twin: the patient's person entry is the patient's record
    const twin = text.replace('(provider: any)', '(patient: any)').replace(/provider\.person/g, 'patient.person');
    assert.deepEqual(reported(twin, 'src/app/visit/visit-starter.ts'), ['no-phi-in-browser-storage:3:patient-record']);
  });

  it('a check digit is one character computed from an identifier; a group number is a plan\'s, not a member\'s', () => {
    const text = [
      'declare const identifierService: { getLuhnCheckDigit(value: string): number };',
      'declare const http: { get(url: string, options: unknown): void };',
      'export function check(patientIdentifier: string, groupNumber: string) {',
      "  console.error('expected check digit', identifierService.getLuhnCheckDigit(patientIdentifier));",
      "  http.get('/ws/rest/v1/cohort', { params: { groupNumber } });",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app/identifiers.ts'), []);
    // twin: the identifier itself, and a patient's plan group number
    const twin = text.replace('identifierService.getLuhnCheckDigit(patientIdentifier)', 'patientIdentifier').replace('{ groupNumber }', '{ groupNumber: patient.insurance.groupNumber }').replace('groupNumber: string)', 'groupNumber: string, patient: any)');
    assert.deepEqual(reported(twin, 'src/app/identifiers.ts'), ['no-phi-in-logs:4:mrn', 'no-phi-in-url:5:health-plan-id']);
  });
});

describe('precision round 4: catalogue definitions', () => {
  it("a lab test's definition (`activityDefinition.name`) is a catalogue entry: its name is not a person's", () => {
    const text = [
      'export function load(activityDefinitions: Array<{ name: string; version: string }>, patient: { name: string }) {',
      '  activityDefinitions.forEach((activityDefinition) => {',
      '    console.log(`Updating ${activityDefinition.name} to ${activityDefinition.version}`);',
      '  });',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/labs/load.ts'), []);
    // twin: a patient's name is still data
    const twin = text.replace('${activityDefinition.name}', '${patient.name}');
    assert.deepEqual(reported(twin, 'src/labs/load.ts'), ['no-phi-in-logs:3:name']);
  });

  it("a helper named for a definition still returns the patient's result it was handed", () => {
    const text = [
      'function processObservationDefinition(definition: { id: string }, resultObs: { valueQuantity: { value: number } }) {',
      '  return { id: definition.id, result: resultObs.valueQuantity.value };',
      '}',
      'export function build(definition: { id: string }, observationMap: Record<string, { valueQuantity: { value: number } }>) {',
      '  const componentInfo = processObservationDefinition(definition, observationMap[definition.id]);',
      "  console.log('component', componentInfo);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/labs/components.ts'), ['no-phi-in-logs:6:observation']);
  });
});

describe('precision round 4: counts under model names', () => {
  it('a field assigned a count or an id (`updates.PatientDeathData = rows.length`) holds that number, not the record its key names', () => {
    const text = [
      'declare const log: { info(message: string, data: unknown): void };',
      'export function summarise(deathRows: unknown[], visit: { patientId: string }) {',
      '  const updates: Record<string, unknown> = {};',
      '  updates.PatientDeathData = deathRows.length;',
      '  updates.patient = visit.patientId;',
      "  log.info('merge finished', { updates });",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/admin/merge.js'), []);
    // twin: a field assigned from an unknown call keeps its key's guess
    const twin = text.replace('updates.PatientDeathData = deathRows.length;', 'updates.PatientDeathData = loadDeathData();').replace("declare const log", 'declare function loadDeathData(): unknown;\ndeclare const log');
    assert.deepEqual(reported(twin, 'src/admin/merge.js'), ['no-phi-in-logs:7:patient-record']);
  });
});

describe('precision round 6: names that are not data', () => {
  it('a table of route paths keyed by a kind of data (`{ nhsNumber: PATHS.SEARCH_BY_NHS_NUMBER }`) holds paths, not numbers', () => {
    const paths = "export const PATHS = { SEARCH_BY_NHS_NUMBER: '/search-by-nhs-number', SEARCH_BY_NAME: '/search-by-name' };\n";
    const text = [
      "import { PATHS } from './paths';",
      'declare const logger: { info(message: string, data: unknown): void };',
      "export function rememberSearch(searchType: 'nhsNumber' | 'patientName') {",
      '  const searchPaths = { nhsNumber: PATHS.SEARCH_BY_NHS_NUMBER, patientName: PATHS.SEARCH_BY_NAME };',
      '  const page = { path: searchPaths[searchType] };',
      "  logger.info('search page', page);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/navigation/search.ts', { 'src/navigation/paths.ts': paths }), []);
    // A local constant bound to a path literal is a path too.
    const local = text.replace("import { PATHS } from './paths';", "const nhsSearchRoute = '/search-by-nhs-number';\nconst nameSearchRoute = '/search-by-name';").replace('PATHS.SEARCH_BY_NHS_NUMBER', 'nhsSearchRoute').replace('PATHS.SEARCH_BY_NAME', 'nameSearchRoute');
    assert.deepEqual(reported(local, 'src/navigation/search.ts'), []);
    // twin: the key still says what an unknown value is
    const twin = text.replace('PATHS.SEARCH_BY_NHS_NUMBER', 'form.value').replace('export function', 'declare const form: { value: string };\nexport function');
    assert.deepEqual(reported(twin, 'src/navigation/search.ts', { 'src/navigation/paths.ts': paths }), ['no-phi-in-logs:7:nhs-number']);
  });
});

describe('precision round 6: searches of resources that describe no patient', () => {
  it("a Questionnaire's business identifier in its search URL is the form's, not a record number", () => {
    const text = [
      'declare function get(url: string): Promise<unknown>;',
      'export function fetchForm(param: { valueIdentifier: { system?: string; value?: string } }) {',
      '  const identifier = param.valueIdentifier;',
      "  const identifierSystem = identifier.system ?? '';",
      "  const identifierValue = identifier.value ?? '';",
      '  return get(`Questionnaire?identifier=${identifierSystem}|${identifierValue}`);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/forms/fetchForm.ts'), []);
    assert.deepEqual(reported(text.replace('`Questionnaire?identifier=', '`${base}/ValueSet?identifier=').replace('declare function', 'declare const base: string;\ndeclare function'), 'src/forms/fetchForm.ts'), []);
    // twins: the same identifier in a Patient search, and a Questionnaire search followed by a patient's search, stay reported
    assert.deepEqual(reported(text.replace('`Questionnaire?identifier=', '`Patient?identifier='), 'src/forms/fetchForm.ts'), ['no-phi-in-url:6:mrn']);
    assert.deepEqual(reported(text.replace('`Questionnaire?identifier=${identifierSystem}|', '`Questionnaire?context=x`, `Patient?identifier=${identifierSystem}|'), 'src/forms/fetchForm.ts'), ['no-phi-in-url:6:mrn']);
  });
});
