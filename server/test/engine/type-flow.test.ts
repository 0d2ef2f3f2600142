// Type-driven sources: PHI kinds that only a type says are there — type arguments of hooks and containers,
// wrapper types, composed aliases, index signatures, aliased imports, generics bound by their workspace
// instantiations — each with a twin whose type holds no PHI.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze';
import { defaultConfig } from '../../src/core/config-types';
import { WorkspaceIndex, extractDeclaredTypes, extractInstantiations, extractReducerStates } from '../../src/engine/workspace-index';
import { NameClassifier } from '../../src/vocabulary/classify';
import { RULES } from '../helpers/rules';
import { assertLinearTime } from '../helpers/linear-time';

const ROOT = path.resolve('/virtual');

function reported(text: string, file: string, workspace: Record<string, string>): string[] {
  const index = new WorkspaceIndex();
  for (const [name, content] of Object.entries(workspace)) index.addFile(name, content);
  index.addFile(file, text);
  const result = analyzeFile({ absPath: path.join(ROOT, file), relPath: file, text, config: defaultConfig(ROOT), index, rules: RULES, today: '2026-12-06' });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}:${finding.phiKinds.join(',')}`);
}

const TYPES = {
  'packages/shared/src/types.ts': [
    'export type PersonBase = { givenName: string; familyName: string };',
    'export type PatientSummary = PersonBase & { birthDate: string; phoneNumber?: string };',
    'export type Prefs = { theme: string; density: string };',
    'export type AnswersByLinkId = { [linkId: string]: QuestionnaireResponseItem };',
  ].join('\n'),
};

describe('type flow: the workspace index', () => {
  it('reads composed aliases, index signatures and instantiations of generics', () => {
    const byName = new Map(extractDeclaredTypes('t.ts', TYPES['packages/shared/src/types.ts']).map((type) => [type.name, type]));
    assert.deepEqual([...byName.keys()].sort(), ['AnswersByLinkId', 'PatientSummary', 'PersonBase', 'Prefs']);
    assert.equal(byName.get('AnswersByLinkId')?.indexType, 'QuestionnaireResponseItem');
    assert.deepEqual(byName.get('PatientSummary')?.extends, ['PersonBase']);
    assert.deepEqual(byName.get('PatientSummary')?.fields.map((field) => field.name), ['birthDate', 'phoneNumber']);
    assert.deepEqual(extractInstantiations('class PatientRepository extends Repository<Patient> {}\nconst s = createDraftStore<VitalsDraft>("v");'), [['Repository', ['Patient']], ['createDraftStore', ['VitalsDraft']]]);
    const index = new WorkspaceIndex();
    index.addFile('a.ts', TYPES['packages/shared/src/types.ts']);
    const classifier = new NameClassifier();
    assert.deepEqual(index.resolve('PatientSummary', classifier)?.kinds, ['date-of-birth', 'name', 'phone']);
    assert.deepEqual(index.resolve('Prefs', classifier)?.kinds, []);
  });

  it('an account type that carries a health-system number (NHS login userinfo) is the patient\'s identity: its names, phone and e-mail are PHI; a staff account stays without them', () => {
    const index = new WorkspaceIndex();
    index.addFile('src/auth.ts', [
      'export interface AuthUser { sub: string; nhsNumber: string; birthdate: string; givenName: string; familyName: string; phoneNumber: string; email: string; identityProofingLevel: string }',
      'export interface LoginUserinfo { sub: string; nhs_number: string; given_name: string; family_name: string; phone_number: string }',
      'export interface StaffUser { id: string; givenName: string; familyName: string; email: string; phoneNumber: string; role: string }',
      'export interface AccountSettings { userId: string; language: string; highContrast: boolean; step: number }',
    ].join('\n'));
    const classifier = new NameClassifier();
    assert.equal(index.resolve('AuthUser', classifier)?.patientIdentity, true);
    assert.equal(index.resolve('LoginUserinfo', classifier)?.patientIdentity, true);
    assert.equal(index.resolve('StaffUser', classifier)?.patientIdentity, undefined);
    assert.equal(index.resolve('AccountSettings', classifier)?.patientIdentity, undefined);
  });

  it('a member of an enum in a union alias is a string literal type, not the class of the same name elsewhere; a namespace-qualified type still resolves', () => {
    const index = new WorkspaceIndex();
    index.addFile('ui/routes.ts', 'export enum RoutePath { Home = "/", KitPage = "/kit" }\nexport enum StepName { Address = "address" }');
    index.addFile('ui/journey.ts', 'type Step = StepName | RoutePath.KitPage | RoutePath.Home;\ninterface Nav { history: Step[]; returnTo: Step | null }\ntype Chart = fhir4.Patient | Extra;\ninterface Extra { note: string }');
    index.addFile('e2e/pages/KitPage.ts', 'export class KitPage { readonly learnMoreHivLink: Locator; readonly patientDob: string }');
    index.addFile('types/fhir.d.ts', 'declare namespace fhir4 { interface Patient { birthDate: string; name: string } }');
    const classifier = new NameClassifier();
    assert.deepEqual(index.resolve('Step', classifier)?.kinds ?? [], []);
    assert.deepEqual(index.resolve('Nav', classifier)?.kinds ?? [], []);
    assert.deepEqual(index.resolve('Chart', classifier)?.kinds, ['date-of-birth', 'name']);
  });

  // Found by the fuzz harness (bench/fuzz): a 200 KB run of letters in a string held the editor for
  // minutes in extractInstantiations; unclosed declaration headers and type annotations cost as much.
  for (const [name, unit, count] of [
    ['a long run of letters', 'A', 200_000],
    ['class headers without a brace', 'class A ', 30_000],
    ['interface headers with an unclosed type parameter', 'interface A<', 30_000],
    ['type aliases with an unclosed type parameter', 'type A<', 30_000],
    ['type aliases without a right-hand side', 'type A = ', 30_000],
    ['exported constants with unfinished annotations', 'export const a : ', 30_000],
  ] as const) {
    it(`indexes ${name} (up to about 240 KB) in linear time`, () => {
      const textOf = (n: number) => (name === 'a long run of letters' ? `const huge = "${unit.repeat(n)}";\nfoo<Bar>(x);\n` : `${unit.repeat(n)}> (`);
      assertLinearTime((n) => new WorkspaceIndex().addFile('big.ts', textOf(n)), count);
    });
  }

  it('indexes the declared state of exported Redux reducers: typed slice initial states and typed state parameters', () => {
    const slice = "import { createSlice } from '@reduxjs/toolkit';\nconst initialState: PatientState = { list: [] };\nconst patients = createSlice({ name: 'p', initialState, reducers: {} });\nconst cohort = createSlice({\n  name: 'c',\n  initialState: defaults as CohortState,\n  reducers: {},\n});\nconst untyped = createSlice({ name: 'u', initialState: { open: false }, reducers: {} });\nexport const patientsReducer = patients.reducer;\nexport default cohort.reducer;\nexport const uiReducer = untyped.reducer;";
    assert.deepEqual(extractReducerStates(slice), [['patientsReducer', 'PatientState'], ['default', 'CohortState']]);
    const functions = "export default function visits(state: VisitState = initial, action: Action) { return state; }\nexport const labs = (state: LabState = [], action: Action) => state;\nexport function settings(state = {}, action: Action) { return state; }";
    assert.deepEqual(extractReducerStates(functions), [['default', 'VisitState'], ['labs', 'LabState']]);
  });

  for (const [name, unit] of [
    ['slices without a body', 'const a = createSlice({ '],
    ['slices whose initial state never ends', 'const a = createSlice({ initialState: b as '],
    ['exports of reducers of unknown slices', 'const a = createSlice({ initialState: b as T,\nexport default a.reducer '],
    ['reducer functions with unfinished parameters', 'export const r = (state: '],
  ] as const) {
    it(`indexes ${name} in linear time`, () => {
      assertLinearTime((n) => extractReducerStates(unit.repeat(n)), 30_000);
    });
  }

  it('still reads declarations with type parameters, heritage and aliases after the linear-time rewrite', () => {
    const types = extractDeclaredTypes('t.ts', 'export class Repo<T extends { id: string }> extends Base<T> implements Store { ssn: string }\ninterface Chart<T = Patient> extends Record2, Other { mrn: string }\ntype Draft<T> = { dob: string };\ntype Info = Base & { phone: string };\ntype Odd bad = { x: string };');
    const byName = new Map(types.map((type) => [type.name, type]));
    assert.deepEqual([...byName.keys()].sort(), ['Chart', 'Draft', 'Info', 'Repo']);
    assert.deepEqual(byName.get('Draft')?.fields.map((field) => field.name), ['dob']);
    assert.deepEqual(byName.get('Chart')?.extends, ['Record2', 'Other']);
    assert.deepEqual(byName.get('Info')?.extends, ['Base']);
    assert.deepEqual(extractInstantiations('const s = new Store<Patient>(x); xStore<Lab>(y);'), [['Store', ['Patient']], ['xStore', ['Lab']]]);
  });

  it('reads type parameters, the fields typed by them (a generic envelope\'s payload) and method signatures\' return types', () => {
    const index = new WorkspaceIndex();
    index.addFile('src/models.ts', [
      'export default interface RequestResult<const T extends object = object, E = string> {\n  resourcePayload: T;\n  resultError?: E;\n  resultStatus: number;\n}',
      'export class Page<T> { items: T[] = []; total: number = 0; }',
      'export interface Handler<T> { name: string; handle(item: T): void }',
      'export interface ILabService {\n  getOrders(\n    hdid: string\n  ): Promise<RequestResult<LabOrder[]>>;\n  get<T>(url: string): Promise<T>;\n}',
      'export interface IChildLabService extends ILabService { other(): void }',
      'export class LabService {\n  public async load(id: string): Promise<Page<LabOrder>> {\n    return { items: [], total: 0 };\n  }\n}',
    ].join('\n'));
    assert.deepEqual(index.payloadParametersOf('RequestResult'), [{ position: 0, fields: ['resourcePayload'] }, { position: 1, fields: ['resultError'] }]);
    assert.deepEqual(index.payloadParametersOf('Page'), [{ position: 0, fields: ['items'] }]);
    assert.equal(index.payloadParametersOf('Handler'), undefined);
    assert.deepEqual(index.payloadTypeNamesOf('Promise<RequestResult<Page<LabOrder>[]>>'), ['Page', 'LabOrder']);
    assert.equal(index.methodReturnTypeOf('ILabService', 'getOrders'), 'Promise<RequestResult<LabOrder[]>>');
    assert.equal(index.methodReturnTypeOf('IChildLabService', 'getOrders'), 'Promise<RequestResult<LabOrder[]>>');
    assert.equal(index.methodReturnTypeOf('LabService', 'load'), 'Promise<Page<LabOrder>>');
    assert.equal(index.methodReturnTypeOf('ILabService', 'handle'), undefined);
    assert.deepEqual(index.payloadWrapperOf('Promise<RequestResult<LabOrder[]>>'), { name: 'RequestResult', fields: ['resourcePayload', 'resultError'] });
  });

  it('does not read function types, conditional types or string unions as records', () => {
    const types = extractDeclaredTypes('t.ts', "type Handler = (p: Patient) => void;\ntype Status = 'a' | 'b';\ntype Pick2<T> = T extends Patient ? T : never;");
    assert.deepEqual(types.map((type) => type.name), []);
  });
});

describe('type flow: sources', () => {
  it('a type name several files declare means, in a file that declares it, that file\'s own declaration (and its own parent)', () => {
    // Every handler declares its own `BasicInput`/`EffectInput`: a schedule's input is not the chart's whichever is indexed first.
    const chart = [
      'interface Params { patientId: string; diagnosis: string; clinicalNotes: string }',
      'interface BasicInput extends Params { secrets: unknown }',
      'function validateRequestParameters(input: unknown): BasicInput { return input as BasicInput; }',
      'export function run(input: unknown) {',
      '  const validated = validateRequestParameters(input);',
      "  console.debug('validated', JSON.stringify(validated));",
      '}',
    ].join('\n');
    const schedule = chart.replace('{ patientId: string; diagnosis: string; clinicalNotes: string }', '{ scheduleId: string; timezone: string; slotLength: number }');
    const workspace = { 'src/chart/save-chart/index.ts': chart, 'src/schedules/create-schedule/index.ts': schedule };
    // whichever file the index met first, each file reads its own declaration
    assert.deepEqual(reported(schedule, 'src/schedules/create-schedule/index.ts', workspace), []);
    assert.deepEqual(reported(chart, 'src/chart/save-chart/index.ts', workspace), ['no-phi-in-logs:6:clinical-note,diagnosis']);
    const reversed = { 'src/schedules/create-schedule/index.ts': schedule, 'src/chart/save-chart/index.ts': chart };
    assert.deepEqual(reported(chart, 'src/chart/save-chart/index.ts', reversed), ['no-phi-in-logs:6:clinical-note,diagnosis']);
    assert.deepEqual(reported(schedule, 'src/schedules/create-schedule/index.ts', reversed), []);
  });

  it('elsewhere a type name several files declare means the declaration another file can import, not one a module keeps to itself', () => {
    // A component's private `interface Encounter { id; status }` beside the exported clinical `Encounter`: a service that
    // imports the name means the exported one, whichever file the index met first; the component still reads its own.
    const types = 'export interface Encounter { id: string; patientName: string; diagnoses?: string[]; clinicalNotes?: string }';
    const header = [
      "import React from 'react';",
      'interface Encounter { id: string; status: string }',
      "export function header(encounter: Encounter) { console.log('encounter', encounter); }",
    ].join('\n');
    const service = [
      "import { Encounter } from '@/types/encounter';",
      "export function update(id: string, data: Partial<Encounter>) { console.log('update', data); }",
    ].join('\n');
    const componentFirst = { 'src/app/patients/header.tsx': header, 'src/types/encounter.ts': types };
    assert.deepEqual(reported(service, 'src/services/encounter.service.ts', componentFirst), ['no-phi-in-logs:2:clinical-note,diagnosis,name']);
    assert.deepEqual(reported(header, 'src/app/patients/header.tsx', { 'src/types/encounter.ts': types, 'src/services/encounter.service.ts': service }), []);
    // the closest false shape: only private declarations of the name elsewhere, or an exported one that holds no PHI
    assert.deepEqual(reported(service, 'src/services/encounter.service.ts', { 'src/app/patients/header.tsx': header }), []);
    const exportedByList = header.concat('\nexport type { Encounter };');
    assert.deepEqual(reported(service, 'src/services/encounter.service.ts', { 'src/app/patients/header.tsx': exportedByList, 'src/types/encounter.ts': types }), []);
  });

  it('a type name two modules export means, in a file that imports one of them relatively, that module\'s declaration', () => {
    // The API's `Encounter` (a visit's clinical record) and a scheduling module's `Encounter` (a slot), both exported.
    const clinical = 'export interface Encounter { id: string; patientName: string; diagnoses?: string[]; clinicalNotes?: string }';
    const slot = 'export interface Encounter { id: string; status: string; roomId: string }';
    const service = (module: string): string => [
      `import type { Encounter } from '${module}';`,
      "export function update(data: Encounter) { console.log('update', data); }",
    ].join('\n');
    const workspace = { 'src/scheduling/encounter.ts': slot, 'src/types/encounter.ts': clinical };
    assert.deepEqual(reported(service('../types/encounter'), 'src/services/encounter.service.ts', workspace), ['no-phi-in-logs:2:clinical-note,diagnosis,name']);
    // the closest false shape: the file imports the slot, which the index met second
    const reversed = { 'src/types/encounter.ts': clinical, 'src/scheduling/encounter.ts': slot };
    assert.deepEqual(reported(service('../scheduling/encounter'), 'src/services/encounter.service.ts', reversed), []);
  });

  it('a record keyed by a constant\'s keys (`Record<keyof typeof COLUMNS, string>`) has those keys as its fields', () => {
    const columns = (keys: string): string => [
      `const COLUMNS = { ${keys} };`,
      'type ColumnFields = Record<keyof typeof COLUMNS, string>;',
      'export type ImportRow = ColumnFields & { file: string };',
      'export function report(row: ImportRow) { console.error(`failed row ${JSON.stringify(row)}`); }',
    ].join('\n');
    assert.deepEqual(reported(columns("familyName: 'Family_Name', birthDate: 'DOB', visitType: 'Visit Type'"), 'src/import/rows.ts', {}), ['no-phi-in-logs:4:date-of-birth,name']);
    // the closest false shape: a constant of file and batch columns
    assert.deepEqual(reported(columns("path: 'Path', batch: 'Batch', pageCount: 'Pages'"), 'src/import/rows.ts', {}), []);
  });

  it('a value typed by a hook\'s type argument keeps its shape under a name that guesses a record: each field holds what it is declared', () => {
    const types = 'export interface Visit { id: string; patientName: string; clinicianName: string; clinicianColour?: string; diagnosis?: string }';
    const page = [
      "import { useState } from 'react';",
      "import type { Visit } from './types';",
      'export function Page() {',
      '  const [allAppointments] = useState<Visit[]>([]);',
      '  const first = allAppointments[0];',
      "  console.log('clinician', first.clinicianName, first.clinicianColour);",
      "  console.log('patient', first.patientName);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(page, 'src/page.tsx', { 'src/types.ts': types }), ['no-phi-in-logs:7:name']);
  });

  it('a type inferred from a zod object schema (`z.infer<typeof S>`) holds the schema\'s keys, nested schemas included', () => {
    const schemas = [
      "import { z } from 'zod';",
      'const personNameSchema = z',
      '  .object({ given: z.string().optional(), family: z.string().optional() })',
      "  .refine((name) => name.given !== undefined, { message: 'a given name' });",
      'export const BookingSchema = z.object({',
      '  reason: z.string().optional(),',
      '  birthDate: z.string().optional(),',
      '  personName: personNameSchema.optional(),',
      '  consented: z.boolean(),',
      '});',
      'export const UpdateBookingSchema = z.object({ bookingId: z.string().uuid(), booking: BookingSchema });',
      'export type UpdateBooking = z.infer<typeof UpdateBookingSchema>;',
      'export const RoomSchema = z.object({ roomId: z.string(), opensAt: z.string(), floor: z.number() });',
      'export type Room = z.infer<typeof RoomSchema>;',
    ].join('\n');
    const handler = [
      "import type { UpdateBooking, Room } from '../lib/booking.types';",
      'export function handle(update: UpdateBooking, room: Room) {',
      "  console.log('update', JSON.stringify(update));",
      "  console.log('room', JSON.stringify(room));",
      "  console.log('ids', update.bookingId, update.booking.consented);",
      '}',
    ].join('\n');
    // the room (a schema of ids and times) and the ids and flag read from the booking stay silent
    assert.deepEqual(reported(handler, 'src/handler.ts', { 'lib/booking.types.ts': schemas }), ['no-phi-in-logs:3:date-of-birth,name']);
  });

  it('Promise.all of an array literal resolves to a tuple: each destructured name gets its own promise\'s result', () => {
    const text = [
      "import type { Patient, Location } from 'fhir/r4b';",
      'declare function readPatient(): Promise<Patient>;',
      'declare function readLocations(): Promise<Location[]>;',
      'export async function run() {',
      '  const [patient, locations] = await Promise.all([readPatient(), readLocations()]);',
      "  console.log('locations', JSON.stringify(locations));",
      "  console.log('patient', JSON.stringify(patient));",
      '  const both = await Promise.all([readPatient(), readLocations()]);',
      "  console.log('both', both);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/load.ts', {}), ['no-phi-in-logs:7:patient-record', 'no-phi-in-logs:9:patient-record']);
  });

  it('a typed Bundle holds what its argument says, and an indexed access type names one field, not the record', () => {
    const text = [
      "import type { Bundle, Location, Patient, Appointment } from 'fhir/r4b';",
      'declare const client: { search(q: unknown): Promise<any> };',
      'export async function run() {',
      '  const locations = await getLocations();',
      "  console.log('locations', JSON.stringify(locations));",
      '  const patients = await getPatients();',
      "  console.log('patients', JSON.stringify(patients));",
      '  const meta = withTag(undefined);',
      "  console.log('meta', JSON.stringify(meta));",
      '  const any = await getAnything();',
      "  console.log('any', JSON.stringify(any));",
      '}',
      "const getLocations = (): Promise<Bundle<Location>> => client.search({ resourceType: 'Location' });",
      "const getPatients = (): Promise<Bundle<Patient>> => client.search({ resourceType: 'Patient' });",
      "const withTag = (meta: Appointment['meta']): Appointment['meta'] => meta;",
      'const getAnything = (): Promise<Bundle> => client.search({});',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/sync.ts', {}).map((finding) => finding.split(':').slice(0, 2).join(':')), ['no-phi-in-logs:7', 'no-phi-in-logs:11']);
  });

  it('a module-level const function declared below the handler that calls it is known there by its declared return type', () => {
    const text = [
      "import type { Patient } from 'fhir/r4b';",
      'interface EffectInput { patient: Patient; appointmentId: string }',
      'declare function wrapHandler(name: string, fn: (input: unknown) => Promise<void>): unknown;',
      "export const index = wrapHandler('update-visit', async (input: unknown) => {",
      '  const effectInput = await complexValidation(input);',
      "  console.log('effectInput', JSON.stringify(effectInput));",
      '});',
      'const complexValidation = async (input: unknown): Promise<EffectInput> => fetchEffect(input);',
      'declare function fetchEffect(input: unknown): Promise<EffectInput>;',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/update-visit/index.ts', {}), ['no-phi-in-logs:6:patient-record']);
    // a `let` may be reassigned before the handler runs: not taken for the function it starts as
    assert.deepEqual(reported(text.replace('const complexValidation', 'let complexValidation'), 'src/update-visit/index.ts', {}), []);
    // known by its signature only until the walk reaches it: its body is not summarised (a list of codes it builds
    // from the patient is not the patient), and arguments are not followed into it
    const below = [
      "import type { Patient } from 'fhir/r4b';",
      'export async function run(patient: Patient) {',
      '  const codes = codesOf(patient);',
      "  console.log('codes', JSON.stringify(codes));",
      '}',
      'const codesOf = (p: Patient) => p;',
    ].join('\n');
    assert.deepEqual(reported(below, 'src/codes.ts', {}), []);
  });

  it('type arguments of hooks and HTTP calls carry their type', () => {
    const text = [
      "import { useState } from 'react';",
      "import type { PatientSummary, Prefs } from '@clinic/shared';",
      'declare const http: { get<T>(url: string): T };',
      'export function useThings() {',
      '  const [summary] = useState<PatientSummary>();',
      '  const [prefs] = useState<Prefs>();',
      "  const fetched = http.get<PatientSummary>('/api/me');",
      '  console.log(summary, prefs);',
      "  console.log('fetched', fetched.birthDate);",
      "  console.log('prefs', prefs);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app.ts', TYPES), ['no-phi-in-logs:8:date-of-birth,name,phone', 'no-phi-in-logs:9:date-of-birth']);
  });

  it('the signed-in user of a patient login (an account type with an NHS number) is the patient: its profile in sessionStorage is PHI; a staff account and UI preferences stay silent', () => {
    const workspace = {
      'ui/src/state/types.ts': [
        'export interface AuthUser { sub: string; nhsNumber: string; birthdate: string; givenName: string; familyName: string; phoneNumber: string; email: string }',
        'export interface StaffUser { id: string; givenName: string; familyName: string; email: string; phoneNumber: string; role: string }',
        'export interface UiPreferences { language: string; highContrast: boolean; step: number }',
      ].join('\n'),
    };
    const text = [
      "import { useState } from 'react';",
      "import type { AuthUser, StaffUser, UiPreferences } from './types';",
      'export function useSession() {',
      '  const [user, setUser] = useState<AuthUser | null>(null);',
      '  const [staff] = useState<StaffUser | null>(null);',
      '  const [prefs] = useState<UiPreferences>({ language: "en", highContrast: false, step: 1 });',
      "  const keep = (next: AuthUser) => { setUser(next); sessionStorage.setItem('auth:user', JSON.stringify(next)); };",
      "  const keepName = (next: AuthUser) => sessionStorage.setItem('auth:name', next.familyName);",
      "  sessionStorage.setItem('staff', JSON.stringify(staff));",
      "  sessionStorage.setItem('prefs', JSON.stringify(prefs));",
      '  return { user, keep, keepName };',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'ui/src/state/AuthContext.tsx', workspace), [
      'no-phi-in-browser-storage:7:date-of-birth,email,name,nhs-number,phone',
      'no-phi-in-browser-storage:8:name',
    ]);
  });

  it('wrapper types keep their content: Ref<T>.value, AxiosResponse<T>.data; Promise<T> and Record<string, T>', () => {
    const text = [
      "import type { PatientSummary, Prefs } from '@clinic/shared';",
      'export function f(a: { value: PatientSummary } & Ref<PatientSummary>, b: AxiosResponse<PatientSummary>, c: Record<string, PatientSummary>, d: AxiosResponse<Prefs>) {',
      '  console.log(a.value);',
      '  console.log(b.data);',
      '  console.log(c);',
      '  console.log(d.data);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app.ts', TYPES), ['no-phi-in-logs:3:date-of-birth,name,phone', 'no-phi-in-logs:4:date-of-birth,name,phone', 'no-phi-in-logs:5:date-of-birth,name,phone']);
  });

  it('a generic class gets the kinds its workspace instantiations give its type parameter', () => {
    const text = 'export class Repository<T> {\n  save(entity: T) { console.log(entity); }\n}\n';
    const withPatients = { ...TYPES, 'src/patient-repository.ts': 'export class PatientRepository extends Repository<PatientSummary> {}' };
    const withPrefs = { ...TYPES, 'src/prefs-repository.ts': 'export class PrefsRepository extends Repository<Prefs> {}' };
    assert.deepEqual(reported(text, 'src/repository.ts', withPatients), ['no-phi-in-logs:2:date-of-birth,name,phone']);
    assert.deepEqual(reported(text, 'src/repository.ts', withPrefs), []);
  });

  it('an aliased FHIR import and an index signature of questionnaire answers', () => {
    const text = [
      "import { QuestionnaireResponse as FhirResponse } from 'fhir/r4b';",
      "import type { AnswersByLinkId } from '@clinic/shared';",
      'export function f(response: FhirResponse, answers: AnswersByLinkId) {',
      '  console.log(response);',
      "  console.log(answers['given-name']);",
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app.ts', TYPES), ['no-phi-in-logs:4:clinical-note', 'no-phi-in-logs:5:clinical-note']);
  });

  it('form handles: useForm<T>() values and useFormik initial values; a form of filters is silent', () => {
    const text = [
      "import { useForm } from 'react-hook-form';",
      "import { useFormik } from 'formik';",
      "import type { PatientSummary } from '@clinic/shared';",
      'type FilterForm = { query: string; pageSize: number };',
      'export function Forms() {',
      '  const { getValues } = useForm<PatientSummary>();',
      '  const filters = useForm<FilterForm>();',
      "  const formik = useFormik({ initialValues: { dateOfBirth: '' }, onSubmit: () => {} });",
      '  console.log(getValues());',
      '  console.log(filters.getValues());',
      '  console.log(formik.values);',
      '}',
    ].join('\n');
    assert.deepEqual(reported(text, 'src/app.ts', TYPES), ['no-phi-in-logs:9:date-of-birth,name,phone', 'no-phi-in-logs:11:date-of-birth']);
  });
});
