import { runRuleTests } from './rule-tester';

runRuleTests('no-phi-in-logs', {
  valid: [
    // documents read through a model whose schema names no patient's record: a catalogue with clinical-sounding fields, a
    // staff directory, an API client whose contact person is one text field; a count, and only a document's ids
    { code: "import { Supply } from './supply';\nexport async function list() {\n  const all = await Supply.find({});\n  console.log('catalogue', all);\n}", workspace: { "src/supply.ts": "import * as mongoose from 'mongoose';\nconst supplySchema = new mongoose.Schema({ nombre: String, medicamento: String, diagnostico: String, codigo: String });\nexport const Supply = mongoose.model('insumos', supplySchema, 'insumos');" } },
    { code: "import { Staff } from './staff';\nexport async function show(id: string) {\n  const found = await Staff.findById(id);\n  console.log('staff', found);\n}", workspace: { "src/staff.ts": "import * as mongoose from 'mongoose';\nconst staffSchema = new mongoose.Schema({ nombre: String, apellido: String, documento: String, telefono: String });\nexport const Staff = mongoose.model('profesional', staffSchema);" } },
    { code: "import { ClientModel } from './clients';\nexport function authenticate(clientID: string) {\n  ClientModel.findOne({ clientID }, (err, client) => { console.info(`Client (${client.name}) is authenticated`, client); });\n}", filename: 'src/auth.js', workspace: { "src/clients.js": "import { Schema } from 'mongoose';\nconst ClientSchema = new Schema({ clientID: { type: String, required: true }, name: { type: String }, contactPerson: String, contactPersonEmail: String });\nexport const ClientModel = connectionDefault.model('Client', ClientSchema);" } },
    { code: "import { Receta } from './receta.schema';\nexport async function stats(id: string) {\n  const total = await Receta.countDocuments({});\n  const one = await Receta.findById(id);\n  console.log('prescriptions', total, one._id, one.id);\n}", workspace: { "src/receta.schema.ts": "import * as mongoose from 'mongoose';\nexport const recetaSchema = new mongoose.Schema({ paciente: { nombre: String, documento: String } });\nexport const Receta = mongoose.model('receta', recetaSchema, 'receta');" } },
    // a schema whose patient-named fields are declared numbers and flags (how many patients a slot takes) names no patient
    { code: "import { Block } from './block';\nexport async function show(id: string) {\n  const block = await Block.findById(id);\n  console.log('block', block);\n}", workspace: { "src/block.ts": "import * as mongoose from 'mongoose';\nconst blockSchema = new mongoose.Schema({ start: Date, pacienteSimultaneos: { type: Number }, patientsPerSlot: Number, diagnosticoRequerido: Boolean });\nexport const Block = mongoose.model('bloque', blockSchema);" } },
    // the schema a model is declared with is the one its module imports, not another module's of the same name
    { code: "import { Slot } from './slot-model';\nexport async function show(id: string) {\n  const slot = await Slot.findById(id);\n  console.log('slot', slot);\n}", workspace: { "src/slot-model.ts": "import { Schema, model } from 'mongoose';\nimport { slotSchema } from './slot';\nexport const Slot = model('slot', slotSchema);", "src/slot.ts": "import { Schema } from 'mongoose';\nexport const slotSchema = new Schema({ start: Date, room: String });", "src/other/slot.ts": "import { Schema } from 'mongoose';\nexport const slotSchema = new Schema({ start: Date, patient: { firstName: String } });" } },
    // a branch taken only when the value is null, undefined or empty logs nothing of it
    "declare const patient: { diagnosis?: string; allergies?: string[] };\nconst d = patient.diagnosis;\nconst a = patient.allergies;\nif (d == null || d.length === 0) console.log(`no diagnosis: ${d}`);\nif (a === undefined) console.log('allergies', a);\nif (d) console.log('ok'); else console.log('missing', d);",
    // console.time prints nothing; a timer labelled by an opaque id prints only the id
    'export function loadChart(mrn: string, patientUuid: string) {\n  console.time(`chart ${mrn}`);\n  console.timeEnd(`chart ${patientUuid}`);\n}',
    // codes without a person: a CPT code checked against a terminology service, an AI-suggested ICD code that failed
    // validation, a drug catalogue's codes (no patient record holds them, nothing in the line names anyone)
    "declare const terminology: any;\nexport async function validateCpt(cptCode: string) {\n  const found = await terminology.searchCpt({ query: cptCode });\n  const cpt = { code: cptCode, display: found.codes[0].display, system: 'http://www.ama-assn.org/go/cpt' };\n  console.log('CPT code validated:', cpt);\n  return cpt;\n}",
    "export function check(suggestions: { diagnosisCodes: { code: string }[] }) {\n  for (const suggestion of suggestions.diagnosisCodes) console.warn('unknown ICD code', suggestion.code);\n}",
    "export function listCatalogue(medicationCodes: string[]) {\n  console.log('catalogue', medicationCodes.join(', '));\n}",
    "declare const PROVIDER_CONFIG: any;\nexport function autoAdd() {\n  for (const code of PROVIDER_CONFIG.assessment.autoCptCodes) console.warn(`configured CPT code ${code} not found`);\n}",
    // a place's name read from a record (a census area's, a ward's) is not a person's name
    { code: "export function inRange(records) {\n  const within = records.map((record) => ({ area: record.LSOA_NAME.S, ward: record.wardName }));\n  console.log('In range', JSON.stringify(within));\n}", filename: 'src/areas.js' },
    // HTTP-client errors (issue 9): a request that carried no PHI, an error's message or status only, a fetch
    // failure (a TypeError with no request), an error turned into text, and a client library the file does not use
    "import axios from 'axios';\ndeclare const logger: any;\nexport async function f(visitId: string) {\n  try { await axios.get(`/api/visits/${visitId}/status`); } catch (error) { logger.error('status failed', error); }\n}",
    "import axios from 'axios';\ndeclare const logger: any;\nexport async function f(nhsNumber: string) {\n  try { await axios.get('/api/prescriptions', { params: { nhsNumber } }); } catch (error) { logger.error('failed', error.message, error.response?.status, `${error}`); }\n}",
    "declare const logger: any;\nexport async function f(nhsNumber: string) {\n  try { await fetch(`/api/patients/${nhsNumber}`); } catch (error) { logger.error('failed', error); }\n}",
    "import request from 'superagent';\nexport async function f(visitId: string) {\n  try { await request.get('/api/visits').query({ visitId }); } catch (err) { console.error(err); }\n}",
    "declare const http: any; declare const logger: any;\nexport async function f(nhsNumber: string) {\n  try { await http.get('/api/prescriptions', { params: { nhsNumber } }); } catch (error) { logger.error('failed', error); }\n}",
    "import axios from 'axios';\nexport async function f(dateOfBirth: string) {\n  try { await axios.post('/api/search', { dateOfBirth }); } catch (error) { console.error('failed: ' + error); }\n}",
    { code: "import axios from 'axios';\nexport async function f(nhsNumber: string) {\n  try { await axios.get('/api/p', { params: { nhsNumber } }); } catch (error) { console.error(error); }\n}", filename: 'src/search.test.ts' },
    // the reference number the app issues to a prescription is an opaque pointer like its id, not the medication
    "declare const logger: any;\nexport function expire(prescription: { prescription_number: string; prescriptionNumber: string }) {\n  logger.log(`Prescription ${prescription.prescription_number} marked as expired`);\n  logger.error(`Failed to expire prescription ${prescription.prescriptionNumber}`);\n}",
    // clinicians named by their trade are the workforce: a telemedicine platform's specialist, a pharmacist; their name,
    // e-mail and payout account are not a patient's
    "export function notify(specialist: any, specialistEmail: string) {\n  const name = specialist.profile.first_name + ' ' + specialist.profile.last_name;\n  console.log('Updated availability for: ' + name);\n  console.log('Message sent successfully to:', specialistEmail);\n}",
    "export function payout(pharmacist: { email: string; fullName: string }) { console.info('payout for', pharmacist.email, pharmacist.fullName); }",
    // a staff or team member is one of the workforce, not a health plan's member: their name, e-mail and phone are not PHI
    "export function assign(staffMember: any, teamMembers: any[]) { console.info('assigned', staffMember.name, staffMember.email, teamMembers[0].phone); }",
    'export function invite(careTeamMemberName: string, staffMemberPhone: string) { console.log(`inviting ${careTeamMemberName} at ${staffMemberPhone}`); }',
    // an appointment's participants are references to the patient, the practitioner and the location: opaque ids
    "import type { Appointment } from 'fhir/r4';\nexport function missing(appointment: Appointment) {\n  console.log('schedule is missing', appointment.participant);\n  console.log(appointment.participant[0].actor, appointment.participant.map((p) => p.status));\n}",
    // so are they when the appointment is a search result asserted to its type: the type's shape beats the variable's name
    "import type { Appointment } from 'fhir/r4';\ndeclare function lookup(id: string): unknown;\nexport function missing(id: string) {\n  const fhirAppointment = lookup(id) as Appointment;\n  console.log('schedule is missing', fhirAppointment.participant);\n}",
    // a member of a database replica set or a cluster is a server: its hosts are infrastructure, not a plan member's record
    "declare function getReplicaSetMemberHostsAsync(db: unknown): Promise<string[]>;\nexport async function stats(db: unknown) {\n  const memberHosts = await getReplicaSetMemberHostsAsync(db);\n  for (const host of memberHosts) console.info(`could not connect to ${host}`);\n  console.log('cluster', clusterMembers);\n}\ndeclare const clusterMembers: string[];",
    // a person's-name compound after a thing, or an aspect of a thing, is the thing's name: a bed feature's, a ward's
    "export class BedFeature { BedFeatureId = 0; BedFeatureFullName = ''; BedPrice = 0 }\nexport function edit(selected: BedFeature, ward: { wardDisplayName: string }) {\n  console.log(selected.BedFeatureFullName);\n  console.log(ward.wardDisplayName);\n}",
    // a product's own name read from an order: a drug's catalogue name is not a person's name
    'export function send(prescription: any) { console.warn(`cannot send ${prescription.medication?.name} to the pharmacy`); }',
    'export function list(order: any) { console.log(order.drugs[0].name, order.vaccine.name); }',
    // the payers' catalogue of plans and organisations, and what a plan requires, are not a patient's coverage
    'declare function getInsurancePlansAndOrgs(ids: string[]): Promise<any[]>; export async function f(ids: string[]) { const [primary] = await getInsurancePlansAndOrgs(ids); console.log(primary); }',
    'declare function toDto(plan: any): any; export function f(insurancePlan: any) { const planRequirements = toDto(insurancePlan); console.log(\'plan requirements\', planRequirements, insurancePlan); }',
    // a parameter whose declared type the workspace spells out without PHI (ids, timestamps, keys) is that shape, whatever
    // the caller's function name guessed
    "interface TrackerRequest { message_id: string; creation_time: string; prescription_id: string }\ninterface DocumentRequest extends TrackerRequest { document_key: string }\ndeclare const builder: any;\nfunction send(request: DocumentRequest) { console.info(`sending ${JSON.stringify(request)}`); }\nexport function f(key: string) { const documentRequest = builder.makePrescriptionDocumentRequest(key); send(documentRequest); }",
    // a service's read named for staff, a catalogue, a count or the types a record can have, and a service's write: no patient record is emitted
    "import { WardService } from './ward.service';\nexport class C {\n  constructor(private wardService: WardService) {}\n  a() { this.wardService.getWards().subscribe((res: any) => console.log(res.Results)); }\n  b() { this.wardService.GetDoctorsList().subscribe((doctors: any) => console.log(doctors)); }\n  c() { this.wardService.getVisitTypes().subscribe((types: any) => console.log(types)); }\n  d() { this.wardService.getPatientCount().subscribe((count: any) => console.log(count)); }\n  e() { this.wardService.getPatientSettings().subscribe((settings: any) => console.log(settings)); }\n}",
    // a response known to have failed is the server's error report: its error field set, or the other branch of a success status
    "import { NoteService } from './note.service';\nexport class C {\n  constructor(private noteService: NoteService) {}\n  a() {\n    this.noteService.getPatientNotes(1).subscribe((data: any) => {\n      if (data.errorMessage) console.log('failed', data);\n    });\n    this.noteService.GetProgressNoteById(2).subscribe((res: any) => {\n      if (res.Status == 'OK') this.show(res.Results);\n      else console.log(res);\n    });\n  }\n  show(x: unknown) { return x; }\n}",
    // the records a service's read emits are objects: put into text they are `[object Object]`
    "import { NoteService } from './note.service';\nexport class C {\n  summary: any;\n  constructor(private noteService: NoteService) {}\n  a() {\n    this.noteService.GetDischargeSummaryDetail(1).subscribe((res: any) => {\n      this.summary = res.Results;\n      console.log(this.summary + ' loaded');\n    });\n  }\n}",
    // a read named for patients on a receiver that is not a service (a list, a cache) is not a request
    'export class C { patients: any; a() { this.patients.getPatientVisits().subscribe((v: any) => console.log(v)); } }',
    // a view model whose fields are created as platform classes or as classes without PHI holds none
    { code: "import type { WardVM } from './vms';\nexport function f(ward: WardVM) { console.log(ward); }", workspace: { 'src/vms.ts': "export class Bed { public BedNumber: number = 0; public IsOccupied: boolean = false; }\nexport class WardVM {\n  Beds = new Array<Bed>();\n  Opened = new Date();\n  Changes = new Subject<string>();\n}" } },
    // a grid of wards: its rows are not a patient's
    { code: "import type { CellClickedEvent } from 'ag-grid-community';\nimport type { WardRow } from './rows';\nexport function clicked(event: CellClickedEvent<WardRow>) { console.log(event.data); }", workspace: { 'src/rows.ts': 'export interface WardRow { wardName: string; bedCount: number; isOpen: boolean }' } },
    // a library imported whole is code, whatever its name says
    "import passport from 'passport';\nconsole.log('auth middleware', passport);",
    "const passport = require('passport');\nconsole.debug(passport);",
    // the text before a value labels it as the workforce's: a staff user's e-mail or phone in an admin API's log line
    'declare const ctx: any; export async function addChannel() { console.info(`User ${ctx.request.email} created a channel`); }',
    "export function notify(phone: string) { console.log('Sent to admin: ' + phone); }",
    'export function audit(email: string) { console.log(`practitioner=${email} signed the note`); }',
    // where and by whom care happened, read from a record, is a place or a staff member, not the patient
    'export function migrate(record: any) { const { location } = record; console.warn(`no group: ${location.name}`); }',
    'export function sign(visit: any) { const doctor = visit.practitioner; console.info(`signed by ${doctor.name} ${doctor.email}`); }',
    // the app's own accounts: sign-in, password reset, provisioning log the account holder's login, not a patient's contact
    'export async function resetPassword(email: string) { console.info(`Password reset requested for ${email}`); }',
    "export class AuthService { signIn(email: string, phone: string) { console.log('Signing in as', email, phone); } }",
    "export async function provisionAccounts(list: Array<{ email: string }>) { for (const { email } of list) console.log('created', email); }",
    { code: "export async function run(email: string) { console.log('no such login', email); }", filename: 'src/auth/seed.ts' },
    // provenance near misses: a practitioner read, a count of patients, a DOM event, a subscription on staff, a test file
    "declare const axios: any; export async function f() { console.log(await axios.get('/api/practitioners')); }",
    "declare const axios: any; export async function f() { const res = await axios.get('/api/patients'); console.log('patients', res.data.length); }",
    "export function onClick(event: any) { console.log('clicked', event.target, event); }",
    { code: "export const index = wrap('sync', async (input: any) => { console.log(JSON.stringify(input)); });", filename: 'src/subscriptions/practitioner/sync/index.ts' },
    { code: "import log from 'loglevel';\nexport function f(event: any) { if (!event.programStage) log.error('no stage', event); }", filename: 'src/events/stage.test.ts' },
    "declare const medplum: any; export async function f() { const staff = await medplum.searchResources('Practitioner', { name: 'x' }); console.log('practitioners', staff); }",
    { code: "declare const api: any; export async function f() { console.log(await api.get('/api/patients')); }", filename: 'src/__mocks__/patients.ts' },
    // sources by provenance near misses: an organisation route around a configured base, a count of a patient collection,
    // a settings store's write, a value recorded with a unit that is not clinical, a measurement in a test file
    'declare const axios: any; declare const base: string; export async function f(id: string) { console.log((await axios.get(`${base}/Organization/${id}`)).data); }',
    "declare const db: any; export async function f(q: object) { console.log(await db.collection('patients').countDocuments(q)); }",
    "declare const settingsDb: any; export async function f(prefs: object) { await settingsDb.put(prefs); console.log('saved', prefs); }",
    "export function f(disk: any) { console.log({ value: disk.used, units: 'GB' }); }",
    // a device reader's counters and memory positions are not readings
    "const debug = require('bows')('Meter');\nexport function f(meter: any) { debug('records', meter.numberOfRecords, meter.recordCounter, meter.lastGlucosePosition); }",
    { code: "const trace = require('debug')('meter');\nexport function f(frame: any) { trace({ value: frame.level, units: 'mg/dL' }); }", filename: 'test/meter.test.ts' },
    // a list filled with non-clinical samples, and the size of a list of readings, are not readings
    "const log = require('bows')('Meter');\nfunction collect(data: any, frame: any) {\n  data.usage.push({ value: frame.bytes, units: 'kB' });\n  data.readings.push({ value: frame.v, units: 'mmol/L' });\n}\nexport function upload(data: any) {\n  log('uploading', data.usage, data.readings.length);\n}",
    // opaque ids, counts, flags and metadata are not PHI
    'declare const patient: { id: string; ssn: string }; console.log(patient.id);',
    'declare const patient: any; console.log(`loaded ${patient.resourceType}/${patient.id}`);',
    'declare const patients: any[]; console.info(`Loaded ${patients.length} patients`);',
    'const patientCount = 3; console.log(patientCount);',
    'declare const isPatientSelected: boolean; console.log(isPatientSelected);',
    'declare const patient: any; const hasAllergy = patient.allergies.length > 0; console.log(hasAllergy);',
    "const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/; console.log(SSN_PATTERN);",
    "const DOB_FORMAT = 'YYYY-MM-DD'; console.log(DOB_FORMAT);",
    "const emailTemplate = 'welcome'; console.log(emailTemplate);",
    'declare const patientId: string; console.log({ patientId });',
    // sanitised values
    'declare function redact(v: unknown): string; declare const patient: any; console.log(redact(patient.ssn));',
    'declare const patient: any; const lastFour = patient.ssn.slice(-4); console.log(lastFour);',
    'declare const patient: any; const maskedSsn = mask(patient.ssn); console.log(maskedSsn);',
    "declare const config: any; console.log(config.supportEmail);",
    // an IP address alone is the access log a security audit needs (regression: socket connection logs)
    "declare const clientIp: string; console.log('client connected', clientIp);",
    // not a logger
    'declare const patient: any; Math.log(patient.weight);',
    'declare const catalog: any; declare const patient: any; catalog.info(patient.ssn);',
    // a sanitised value under a PHI-named key (regression: the key used to re-add the kind)
    "declare function redact(v: unknown): string; declare const req: any; console.warn('rejected', { ssn: redact(req.body.ssn) });",
    "declare function maskSsn(v: string): string; declare const patient: any; const entry: any = {}; entry.ssn = maskSsn(patient.ssn); console.log(entry);",
    // imported functions that are not loggers, and analytics logEvent
    "import { catalog } from './catalog'; declare const p: any; catalog(p.ssn);",
    "import { logEvent } from 'firebase/analytics'; declare const p: any; logEvent('x', p.id);",
    "import { logout } from './auth'; declare const p: any; logout(p.email);",
    // a configured sanitizer
    { code: 'declare const patient: any; console.log(scrubPhi(patient));', config: { sanitizers: ['scrubPhi'] } },
    // a name the project says is not PHI
    { code: 'declare const clinicName: string; console.log(clinicName);', config: { notPhiNames: ['clinicName'] } },
    // a reassigned variable no longer holds PHI (straight-line code)
    'declare const patient: any; let value = patient.ssn; value = "n/a"; console.log(value);',
    // the type says boolean
    'declare const patient: any; const ssnOnFile: boolean = !!patient.ssn; console.log(ssnOnFile);',
    // a value the code has tested to be an OperationOutcome (or a Questionnaire) holds the outcome, not the patient
    "import type { OperationOutcome, Patient } from 'fhir/r4';\nexport function report(response: Patient | OperationOutcome) {\n  if (response.resourceType === 'OperationOutcome') console.error(response);\n  if ('resourceType' in response && response.resourceType === 'OperationOutcome') console.error('failed', response);\n}",
    "import type { OperationOutcome, Patient } from 'fhir/r4';\ndeclare function isOperationOutcome(value: unknown): value is OperationOutcome;\nexport function report(result: Patient | OperationOutcome) {\n  if (isOperationOutcome(result)) {\n    console.error(result);\n    return;\n  }\n}",
    // whether a value is defined is a flag, not the value
    'declare const appt: any; console.log(appt.extensions.patientEmailDefined, appt.patientPhoneUndefined);',
    // a UI slot's extensions and the modules they come from name code, whichever patient's chart the slot is in
    "declare const store: any;\nstore.slots['patient-chart-summary-slot'].extensions.forEach((e: any) => console.error(`No definition for ${e.name} in ${e.moduleName}`));",
    // a terminology's set of coded answers is the same for every patient
    "import axios from 'axios';\nexport async function reasons(appointmentReasonConceptSet: string, term: string) {\n  try { return (await axios.get(`/concept?memberOf=${appointmentReasonConceptSet}&q=${term}`)).data; } catch (error) { console.error('concept search failed', error); }\n}",
    // a parameter named by a trap (`props`) or destructured keeps the shape the workspace declares for it: `patient: number`
    // is the patient's key, not the record
    "type CardProps = { patient: number; sizing: string };\nexport function Card(props: CardProps) { console.log(props.patient); }\nexport function Row({ patient, sizing }: CardProps) { console.log(patient, sizing); }",
    // the URL of the request being served, where the service's handlers read a patient's data from its query (r13)
    {
      name: "one route's own handler logs its URL: the other routes' query reads say nothing about it",
      filename: "svc/src/routes/schedules.ts",
      workspace: { "svc/src/routes/controller.js": "const url = require('url');\nexports.lookup = async (req, res) => {\n  const queryData = url.parse(req.url, true).query;\n  const found = await findByPhone(queryData.phoneno);\n  return filterByBirthDate(found, queryData.dob);\n};" },
      code: "import { Router } from 'express';\nconst router = Router();\nrouter.post('/schedules', async (req, res) => {\n  logger.info('create schedule', { route: req.url, method: req.method });\n  res.json(await save(req.body));\n});\nexport default router;",
    },
    {
      name: "a request URL logged by a service whose handlers read only paging and ids from the query",
      filename: "svc/main.js",
      workspace: { "svc/src/routes/controller.js": "exports.lookup = async (req, res) => {\n  const { page, pageSize, facilityId } = req.query;\n  return list(page, pageSize, facilityId);\n};" },
      code: "const http = require('http');\nconst { lookup } = require('./src/routes/controller');\nhttp.createServer(async (req, res) => {\n  console.time(req.url);\n  console.log(`API ${req.method} ${req.url} called`);\n  if (req.method === 'GET' && req.url.startsWith('/api/beneficiaries')) await lookup(req, res);\n  console.timeEnd(req.url);\n}).listen(80);",
    },
    {
      name: "a request URL logged where another service (not under this file's folder) reads a birth date from its query",
      filename: "svc-a/main.js",
      workspace: { "svc-b/src/routes/controller.js": "const url = require('url');\nexports.lookup = async (req, res) => {\n  const queryData = url.parse(req.url, true).query;\n  const found = await findByPhone(queryData.phoneno);\n  return filterByBirthDate(found, queryData.dob);\n};" },
      code: "const http = require('http');\nconst { lookup } = require('./src/routes/controller');\nhttp.createServer(async (req, res) => {\n  console.time(req.url);\n  console.log(`API ${req.method} ${req.url} called`);\n  if (req.method === 'GET' && req.url.startsWith('/api/beneficiaries')) await lookup(req, res);\n  console.timeEnd(req.url);\n}).listen(80);",
    },
    // a questionnaire flow's, an activity's, a survey's or an institution's name is its title, even read where a
    // participant or patient is in scope (round 19: care-flow and school names taken for people's names)
    "declare const logger: any;\nexport function log(patient: { flowName: string; activityName: string; surveyName: string; institutionName: string }) {\n  logger.warn(`flow=${patient.flowName}, activity=${patient.activityName}`);\n  logger.log(`survey ${patient.surveyName}`);\n  console.log(`update ${patient.institutionName}`);\n}",
    // a type named for a product or a place declares that thing's own name (`Drug.fullName`), not a person's
    "interface Drug { drugID: number; shortName: string; fullName: string; categories?: string[] }\nconst finalList: Drug[] = [{ drugID: 105, shortName: 'Acyclovir 200mg', fullName: 'Acyclovir 200mg' }];\nexport function paediatric(drug: Drug) {\n  console.log(finalList.filter((d) => d.categories?.includes('p')));\n  console.log('picked', drug);\n}",
  ],
  invalid: [
    {
      // the closest true shapes of the two above: a patient's own name beside a flow's, a thing's type that declares the
      // parts of a personal name (a queue entry's first and last name) or whose name field says it is the patient's
      name: "a patient's name logged beside a flow's name, and types named for things that hold a person's name parts",
      code: "interface QueueItem { id: string; firstName: string; lastName: string }\ninterface WardLocation { name: string; patientName: string }\ndeclare const logger: any;\nexport function log(patient: { firstName: string }, activityFlow: { name: string }, queue: QueueItem[], w: WardLocation) {\n  logger.warn(`flow=${activityFlow.name} for ${patient.firstName}`);\n  console.log(queue);\n  console.log(w);\n}",
      errors: [{ line: 5, column: 15, kinds: ['name'] }, { line: 6, column: 15, kinds: ['name'] }, { line: 7, column: 15, kinds: ['name'] }],
    },
    {
      // a model's documents hold what its schema declares, whatever language the model and its fields are named in
      name: 'documents read through a model whose schema embeds the patient are logged whole',
      code: "import { Receta } from './receta.schema';\ndeclare const jobsLog: any;\nexport async function expire() {\n  const pending: any = await Receta.find({ estado: 'pendiente' });\n  for (const receta of pending) {\n    try { await receta.save(); } catch (error) { jobsLog.error('expire', receta, error); }\n  }\n}",
      workspace: { "src/receta.schema.ts": "import * as mongoose from 'mongoose';\nconst pacienteSchema = new mongoose.Schema({ nombre: String, apellido: String, documento: String, fechaNacimiento: Date });\nexport const recetaSchema = new mongoose.Schema({\n  paciente: { type: pacienteSchema, required: true },\n  medicamento: { concepto: String, diagnostico: String },\n  cantidad: Number,\n});\nexport const Receta = mongoose.model('receta', recetaSchema, 'receta');" },
      errors: [{ line: 6, column: 74, kinds: ['diagnosis', 'medication', 'patient-record'] }],
    },
    {
      name: "a schedule whose slots' sub-schema holds the patient: its cursor's documents and a findById callback's document are logged",
      code: "import { Schedule } from './schedule';\ndeclare const logger: any;\nexport function refresh() {\n  return Schedule.find({ state: 'open' }).cursor().eachAsync(async (doc) => {\n    try { await doc.save(); } catch (error) { logger.error('refresh failed', { doc }, error); }\n  });\n}\nexport function release(id: string) {\n  Schedule.findById(id, (err, schedule) => { logger.info('released', schedule); });\n}",
      workspace: { "src/schedule.ts": "import { Schema, model } from 'mongoose';\nimport * as slotSchema from './slot';\nconst ScheduleSchema = new Schema({ start: Date, capacity: { type: Number }, slots: [slotSchema] });\nexport const Schedule = model('schedule', ScheduleSchema);", "src/slot.ts": "import { Schema } from 'mongoose';\nconst slotSchema = new Schema({ start: Date, patient: { id: Schema.Types.ObjectId, firstName: String, lastName: String } });\nexport = slotSchema;" },
      errors: [{ line: 5, column: 78, kinds: ['patient-record'] }, { line: 9, column: 70, kinds: ['patient-record'] }],
    },
    {
      name: 'a document referencing its patient, read through a query chain, is logged',
      code: "import { Entry } from './entry';\nexport async function show(id: string) {\n  const entry = await Entry.findById(id).populate('patient').lean();\n  console.log('entry', JSON.stringify(entry));\n}",
      workspace: { "src/entry.ts": "import { Schema, model } from 'mongoose';\nconst entrySchema = new Schema({ patient: { type: Schema.Types.ObjectId, ref: 'Patient' }, complaint: String, vitals: { pulse: Number } });\nexport const Entry = model('Entry', entrySchema);" },
      errors: [{ line: 4, column: 24 }],
    },
    {
      // the specialist is the workforce, but the patient they treat is not, and clinical data stays PHI whoever handles it
      name: "a prescription's medications, a patient's medical record and member numbers next to a prescription number are still PHI",
      code: "declare const logger: any;\nexport function expire(prescription: { prescription_number: string; medications: string[] }, medicalRecordNumber: string, memberNumber: string) {\n  logger.log(`Prescription ${prescription.prescription_number}: ${prescription.medications}`);\n  logger.log(`Prescription for ${medicalRecordNumber} ${memberNumber}`);\n}",
      errors: [
        { line: 3, column: 14, kinds: ['medication'] },
        { line: 4, column: 14 },
      ],
    },
    {
      name: "a specialist's patient's e-mail and the specialist's clinical notes about a patient are still PHI",
      code: "export function notify(specialist: any, patientEmail: string) {\n  console.log('sent to', patientEmail);\n  console.log(specialist.clinicalNotes);\n}",
      errors: [
        { line: 2, column: 26, kinds: ['email'] },
        { line: 3, column: 15, kinds: ['clinical-note'] },
      ],
    },
    // the URL of the request being served, where the service's handlers read a patient's data from its query (r13)
    {
      name: "a request URL logged by a service whose handlers read a phone number and birth date from the query (r13)",
      filename: "svc/main.js",
      workspace: { "svc/src/routes/controller.js": "const url = require('url');\nexports.lookup = async (req, res) => {\n  const queryData = url.parse(req.url, true).query;\n  const found = await findByPhone(queryData.phoneno);\n  return filterByBirthDate(found, queryData.dob);\n};" },
      code: "const http = require('http');\nconst { lookup } = require('./src/routes/controller');\nhttp.createServer(async (req, res) => {\n  console.time(req.url);\n  console.log(`API ${req.method} ${req.url} called`);\n  if (req.method === 'GET' && req.url.startsWith('/api/beneficiaries')) await lookup(req, res);\n  console.timeEnd(req.url);\n}).listen(80);",
      errors: [{ line: 5, column: 15 }, { line: 7, column: 19 }],
    },
    {
      name: 'a branch that fills an empty value keeps what it sets; either side of `||` alone proves nothing',
      code: "declare const patient: { diagnosis?: string; notes?: string };\nlet d: string | undefined;\nif (!d) {\n  d = patient.diagnosis;\n  console.log(d);\n}\nconst n = patient.notes;\nif (n == null || n.includes('x')) console.log(n);",
      errors: [
        { line: 5, column: 15, kinds: ['diagnosis'] },
        { line: 8, column: 47, kinds: ['clinical-note'] },
      ],
    },
    {
      name: 'a trap-named or destructured parameter of a declared shape still logs the PHI its fields declare',
      code: "interface Person { firstName: string; birthDate: string }\ntype CardProps = { patient: Person; sizing: string };\nexport function Card(props: CardProps) { console.log(props.patient); }\nexport function Row({ patient }: CardProps) { console.log(patient); }",
      errors: [
        { line: 3, column: 54, kinds: ['date-of-birth', 'name', 'patient-record'] },
        { line: 4, column: 59, kinds: ['date-of-birth', 'name', 'patient-record'] },
      ],
    },
    {
      name: "console timers and counters print their label: timeEnd, timeLog and count",
      code: [
        'export function loadChart(patient: { phoneNumber: string; dateOfBirth: string }, mrn: string) {',
        '  console.time(`chart ${mrn}`);',
        '  console.timeLog(`chart ${mrn}`);',
        '  console.timeEnd(`chart ${mrn}`);',
        '  console.count(`lookups for ${patient.phoneNumber}`);',
        '}',
      ].join('\n'),
      errors: [
        { line: 3, column: 19, kinds: ['mrn'] },
        { line: 4, column: 19, kinds: ['mrn'] },
        { line: 5, column: 17, kinds: ['phone'] },
      ],
    },
    // near misses: a code read from a patient's encounter is theirs (a declared record that names its patient:
    // precision.test.ts), and so is a code a record holds, an invoice's service line
    {
      code: "declare function getInvoiceDetails(claimId: string): Promise<any>;\nexport async function print(claimId: string) {\n  const invoice = await getInvoiceDetails(claimId);\n  console.log(`balance of ${invoice.patientName}`);\n  invoice.serviceLines.forEach((line) => console.log(`code: ${line.procedureCode}`));\n}",
      errors: [{ line: 4, column: 15, kinds: ['name'] }, { line: 5, column: 54, kinds: ['procedure'] }],
    },
    {
      code: "export function show(encounter: { diagnosisCode: string }) {\n  console.log('dx', encounter.diagnosisCode);\n}",
      errors: [{ line: 2, column: 21, kinds: ['diagnosis'] }],
    },
    // near miss: an appointment's start, and the name a participant's reference displays, are still PHI
    {
      code: "import type { Appointment } from 'fhir/r4';\nexport function booked(appointment: Appointment) {\n  console.log('booked for', appointment.start);\n  console.log(appointment.participant[0].actor?.display);\n}",
      errors: [{ line: 3, column: 29, kinds: ['care-date'] }, { line: 4, column: 15, kinds: ['name'] }],
    },
    // near miss: an asserted appointment's start is still its date, and a record asserted to `any` keeps its name's kinds
    {
      code: "import type { Appointment } from 'fhir/r4';\ndeclare function lookup(id: string): unknown;\nexport function booked(id: string) {\n  const fhirAppointment = lookup(id) as Appointment;\n  console.log('booked for', fhirAppointment.start);\n  const patient = lookup(id) as any;\n  console.log(patient);\n}",
      errors: [{ line: 5, column: 29, kinds: ['care-date'] }, { line: 7, column: 15, kinds: ['patient-record'] }],
    },
    // near miss: a person's full name stays one, after a patient's bed too
    {
      code: "export class BedRequest { BedFeatureId = 0; PatientFullName = '' }\nexport function edit(request: BedRequest, patientBedFullName: string) {\n  console.log(request.PatientFullName);\n  console.log(patientBedFullName);\n}",
      errors: [{ line: 3, column: 15, kinds: ['name'] }, { line: 4, column: 15, kinds: ['name'] }],
    },
    // near miss: a health plan's member, a family member and a set's member record stay a person's
    {
      code: "export function f(members: any[], familyMember: any, setMember: any) {\n  console.log(members);\n  console.log(familyMember);\n  console.log(setMember);\n}",
      errors: [{ line: 2, column: 15, kinds: ['patient-record'] }, { line: 3, column: 15, kinds: ['patient-record'] }, { line: 4, column: 15, kinds: ['patient-record'] }],
    },
    // near miss: a person's name read from the same record is still a name
    {
      code: "export function inRange(records) {\n  const within = records.map((record) => ({ who: record.FIRST_NAME.S }));\n  console.log('In range', JSON.stringify(within));\n}",
      filename: 'src/areas.js',
      errors: [{ line: 3, column: 27, kinds: ["name"] }],
    },
    {
      name: 'a value tested to be a Patient, or logged outside the OperationOutcome branch, stays PHI',
      code: "import type { OperationOutcome, Patient } from 'fhir/r4';\ndeclare function isOperationOutcome(value: unknown): value is OperationOutcome;\nexport function report(response: Patient | OperationOutcome) {\n  if (response.resourceType === 'Patient') console.error(response);\n  if (isOperationOutcome(response)) return;\n  console.error(response);\n}",
      errors: [
        { line: 4, column: 58, kinds: ['patient-record'] },
        { line: 6, column: 17, kinds: ['patient-record'] },
      ],
    },
    {
      name: "near misses of the flag, slot and concept-set cases: the patient's e-mail itself, a patient's name in the chart, the reason of an appointment",
      code: "declare const appt: any; declare const chart: any;\nconsole.log(appt.extensions.patientEmail);\nconsole.log(chart.patientName);\nconsole.log(appt.appointmentReason);",
      errors: [
        { line: 2, column: 13, kinds: ['email'] },
        { line: 3, column: 13, kinds: ['name'] },
        { line: 4, column: 13 },
      ],
    },
    {
      name: 'an axios error logged whole after a request whose query, URL or body carried PHI (issue 9)',
      code: "import axios from 'axios';\ndeclare const logger: any;\nconst client = axios.create({ baseURL: '/api' });\nexport async function search(familyName: string, dateOfBirth: string) {\n  try {\n    return (await axios.get('/patient-search', { params: { familyName, dateOfBirth } })).data;\n  } catch (error) {\n    logger.error('search failed', error);\n    console.error({ error }, JSON.stringify(error.config));\n  }\n}\nexport function details(nhsNumber: string) {\n  return client.get(`/patients/${nhsNumber}`).catch((err) => { console.warn(err.toJSON()); throw err; });\n}\nexport function send(diagnosis: string) {\n  return client.post('/notes', { diagnosis }).then(() => true, (failure) => { console.error(failure); return false; });\n}",
      errors: [
        { line: 8, column: 35, message: 'Logging the whole HTTP client error writes the request it keeps' },
        { line: 9, column: 21 },
        { line: 13, column: 77, kinds: ['nhs-number'] },
        { line: 16, column: 93 },
      ],
    },
    {
      name: "superagent: the query and body added along the request's chain",
      code: "import request from 'superagent';\nexport async function f(nhsNumber: string) {\n  try { await request.get('/api/prescriptions').query({ nhsNumber }).set('Accept', 'application/json'); } catch (err) { console.error(err); }\n}",
      errors: [{ line: 3, column: 135, kinds: ['nhs-number'] }],
    },
    {
      name: "a client named for what it is in a file that uses axios (an app's shared instance): medium",
      code: "import axios from 'axios';\nimport { http } from './http';\nexport async function f(nhsNumber: string) {\n  try { await http.get('/api/prescriptions', { params: { nhsNumber } }); } catch (err) { if (axios.isAxiosError(err)) console.error('search failed', err); }\n}",
      errors: [{ line: 4, column: 150 }],
    },
    {
      name: 'a declared shape with a PHI field, or a type the workspace does not declare, keeps the caller\'s guess',
      code: "interface PrescriptionLine { message_id: string; medicationName: string }\ninterface BookingResponse { message: string; resources: { record: unknown } }\ndeclare const builder: any;\nfunction send(line: PrescriptionLine) { console.info(JSON.stringify(line)); }\nfunction post(request: object) { console.info(JSON.stringify(request)); }\nfunction reply(response: BookingResponse) { console.info(JSON.stringify(response)); }\nexport function f(key: string) {\n  send(builder.makePrescriptionLine(key));\n  post(builder.makePrescriptionDocumentRequest(key));\n  reply(builder.makeAppointmentForPatient(key));\n}",
      errors: [{ line: 4, column: 54 }, { line: 5, column: 47 }, { line: 6, column: 58 }],
    },
    {
      name: "a patient's insurance plan and a patient's coverage stay insurance data",
      code: "export function f(patientInsurancePlan: any, insurance: any, patient: any) {\n  console.log(patientInsurancePlan);\n  console.log(insurance.memberNumber);\n  console.log(patient.plan);\n}",
      errors: [{ line: 2, column: 15, kinds: ['insurance'] }, { line: 3, column: 15 }, { line: 4, column: 15, kinds: ['insurance'] }],
    },
    {
      name: "a plan's member and a family member are patients; a patient's own name beside a drug name stays a name",
      code: "export function f(member: any, familyMember: any, patient: any) {\n  console.log(member.name);\n  console.log(familyMember.phone);\n  console.log(patient.medication.name, patient.name);\n}",
      errors: [{ line: 2, column: 15, kinds: ['name'] }, { line: 3, column: 15, kinds: ['phone'] }, { line: 4, column: 15 }],
    },
    {
      name: "Azure Functions' invocation context logs (issue 9)",
      code: "export default async function intake(context: any, req: any) {\n  context.log('intake for', req.body.dateOfBirth);\n  context.error(`failed: ${req.body.diagnosis}`);\n}",
      errors: [{ line: 2, column: 29, kinds: ['date-of-birth'] }, { line: 3, column: 17, kinds: ['diagnosis'] }],
    },
    {
      name: 'the patient, the app user and an employer read from a record stay the patient\'s',
      code: "export function migrate(record: any) {\n  const { patient } = record;\n  console.warn(`no group: ${patient.name}`);\n  console.warn(`contact: ${record.contact.phone}`);\n}",
      errors: [
        { line: 3, column: 16, kinds: ['name'] },
        { line: 4, column: 16, kinds: ['phone'] },
      ],
    },
    {
      name: 'a label names whose contact it is only for contact details: a patient\'s value, a patient label and clinical data stay reported',
      code: "declare const patient: any;\nexport function f(email: string, glucose: number) {\n  console.log(`User ${patient.email} created`);\n  console.log(`Patient ${email} registered`);\n  console.log(`User ${email} glucose ${glucose}`);\n}",
      errors: [
        { line: 3, column: 15, kinds: ['email'] },
        { line: 4, column: 15, kinds: ['email'] },
        { line: 5, column: 15, kinds: ['lab-result'] },
      ],
    },
    {
      name: "account context yields to the patient: a patient portal's sign-in logs the patient's e-mail",
      code: 'export async function login(email: string) {\n  console.info(`Login for ${email}`);\n}',
      filename: 'src/patient-portal/auth/login.ts',
      errors: [{ line: 2, column: 16, kinds: ['email'] }],
    },
    {
      name: 'account context yields to the patient: a patient registration in an auth module logs the patient e-mail',
      code: "export function registerPatient(email: string) {\n  console.log('registered', email);\n}",
      filename: 'src/auth/register.ts',
      errors: [{ line: 2, column: 29, kinds: ['email'] }],
    },
    {
      name: "a sign-in handler that logs a patient object's e-mail",
      code: 'export function login(patient: { email: string }) {\n  console.log(patient.email);\n}',
      errors: [{ line: 2, column: 15, kinds: ['email'] }],
    },
    {
      name: 'provenance: a tracker event read for its programme stage, logged through a curried error builder',
      code: "import log from 'loglevel';\nimport { errorCreator } from './errors';\nexport function stageOf(event: any, programs: any) {\n  if (!programs.get(event.programId)) log.error(errorCreator('no program')({ event }));\n}",
      errors: [{ line: 4, column: 49, kinds: ['encounter', 'observation'] }],
    },
    {
      name: "provenance: a FHIR subscription handler's whole input (the resource that changed)",
      code: "export const index = wrap('harvest', async (input: any) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n});",
      filename: 'src/subscriptions/questionnaire-response/harvest/index.ts',
      errors: [{ line: 2, column: 15, kinds: ['clinical-note'] }],
    },
    {
      name: "provenance: what a read of an injected service named for clinical notes emits, its PascalCase envelope logged",
      code: "import { NoteService } from './note.service';\nexport class NoteViewComponent {\n  note: any;\n  constructor(private noteService: NoteService) {}\n  open(id: number) {\n    this.noteService.GetProgressNoteById(id).subscribe((res: any) => {\n      if (res.Status === 'OK') console.log(res.Results);\n    });\n  }\n}",
      errors: [{ line: 7, column: 44, kinds: ['clinical-note'] }],
    },
    {
      name: "provenance: a service's read named for a patient's visits, awaited through firstValueFrom",
      code: "import { firstValueFrom } from 'rxjs';\nimport { VisitService } from './visit.service';\nexport class VisitsComponent {\n  constructor(private visitService: VisitService) {}\n  async load(uuid: string) {\n    const data = await firstValueFrom(this.visitService.getPatientVisits(uuid));\n    console.log('visits', data);\n  }\n}",
      errors: [{ line: 7, column: 27, kinds: ['encounter'] }],
    },
    {
      name: 'provenance: the response of a read of a patient route',
      code: "declare const api: any;\nexport async function load(id: string) {\n  const result = await api.get(`/encounters/${id}`);\n  console.debug('loaded', result);\n}",
      errors: [{ line: 4, column: 27, kinds: ['encounter'] }],
    },
    {
      name: 'provenance: documents a store named for treatments hands its callback',
      code: "module.exports = function (ctx, docs) {\n  ctx.treatments.create(docs, function (err, created) {\n    console.log('created', created);\n  });\n};",
      filename: 'lib/api/treatments.js',
      errors: [{ line: 3, column: 28, kinds: ['procedure'] }],
    },
    {
      name: 'provenance: the response of a request to a patient route around a configured base, its data logged',
      code: "import axios from 'axios';\ndeclare const base: string;\nexport async function load(id: string) {\n  const res = await axios.get(`${base}/Patient/${id}`);\n  console.log(res.data);\n}",
      errors: [{ line: 5, column: 15, kinds: ['patient-record'] }],
    },
    {
      name: 'provenance: documents read from a collection opened by a patient-side name',
      code: "declare const db: any;\nexport async function list(q: object) {\n  const docs = await db.collection('patients').find(q).toArray();\n  console.log(docs);\n}",
      errors: [{ line: 4, column: 15, kinds: ['patient-record'] }],
    },
    {
      name: 'provenance: the document a failed write to a patient-record store reports',
      code: "declare const db: any; declare const log: any;\nexport async function keep(obj: object) {\n  try { await db.collection('encounters').insertOne(obj); }\n  catch (e) { log.error('could not store', obj); }\n}",
      errors: [{ line: 4, column: 44, kinds: ['encounter'] }],
    },
    {
      name: 'provenance: a measurement record (a value from data beside a clinical unit) logged through a bows logger',
      code: "const bows = require('bows');\nconst log = bows('Meter');\nexport function decode(frame: any) {\n  const rec = { value: frame.v, units: 'mg/dL' };\n  log(rec);\n}",
      errors: [{ line: 5, column: 7, kinds: ['lab-result'] }],
    },
    {
      name: 'provenance: the list a driver fills with measurement records in one function, logged from another',
      code: "const bows = require('bows');\nconst log = bows('Meter');\nfunction collect(data: any, frame: any) {\n  data.readings.push({ value: frame.v, units: 'mmol/L' });\n}\nexport function upload(data: any) {\n  log('uploading', data.readings);\n}",
      errors: [{ line: 7, column: 20, kinds: ['lab-result'] }],
    },
    {
      name: 'an IP address together with health data identifies the patient',
      code: "declare const socket: any; declare const patient: any;\ndeclare const clientIp: string;\nconsole.log('viewed', clientIp, patient.diagnosis);",
      errors: [{ line: 3, column: 23, kinds: ['diagnosis', 'ip-address'] }],
    },
    {
      name: 'IP addresses alone when the option asks for them',
      code: "declare const socket: any;\ndeclare const clientIp: string;\nconsole.log('client connected', clientIp);",
      config: { rules: { 'no-phi-in-logs': ['error', { ipAddressesAlone: true }] } },
      errors: [{ line: 3, column: 33, kinds: ['ip-address'] }],
    },
    {
      code: 'declare const patient: any;\nconsole.log(patient.ssn);',
      errors: [{ line: 2, column: 13, kinds: ['ssn'], message: 'Logging SSN' }],
      output: null,
    },
    {
      name: 'winston logger with a template literal',
      code: "import winston from 'winston';\nconst logger = winston.createLogger({});\nexport function f(patient: any) {\n  logger.info(`Patient dob ${patient.dateOfBirth}`);\n}",
      errors: [{ line: 4, column: 15, kinds: ['date-of-birth'] }],
    },
    {
      name: 'pino child logger bound with an MRN',
      code: "import pino from 'pino';\nconst log = pino();\nexport function f(req: any) {\n  const child = log.child({ mrn: req.params.mrn });\n  child.info('loaded');\n}",
      errors: [{ line: 4, column: 27, kinds: ['mrn'], message: 'Child logger binds medical record number' }],
    },
    {
      name: 'typed parameter: a view model whose fields are typed by what they are created as (new Array<T>(), new T())',
      code: "import type { ClaimVM } from './vms';\nexport class ClaimComponent {\n  configure(claimObject: ClaimVM): void {\n    console.log(claimObject);\n  }\n}",
      workspace: { 'src/vms.ts': "export class ClaimPatInfo { public FullName: string = ''; public DateOfBirth: string = ''; }\nexport class ClaimVM {\n  Insured = new Array<ClaimPatInfo>();\n  Holder = new ClaimPatInfo();\n  Created = new Date();\n}" },
      errors: [{ line: 4, column: 17, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'a clinical document type named on a component field (a discharge note handed back by a child component)',
      code: "export class NoteComponent {\n  dischargeNote: unknown;\n  onDischargeTemplate(data: unknown) {\n    this.dischargeNote = data;\n    console.log(this.dischargeNote);\n  }\n}",
      errors: [{ line: 5, column: 17, kinds: ['clinical-note'] }],
    },
    {
      name: "a grid typed by its rows: an AG Grid event's or cell's row, a Material table's data source",
      code: "import type { CellClickedEvent, ICellRendererParams } from 'ag-grid-community';\nimport { MatTableDataSource } from '@angular/material/table';\nimport type { LabRow } from './rows';\nexport class LabGridComponent {\n  rows = new MatTableDataSource<LabRow>([]);\n  cellClicked(event: CellClickedEvent<LabRow>) { console.log(event.data); }\n  render(params: ICellRendererParams<LabRow>) { console.log(params.data); return ''; }\n  dump() { console.log(this.rows.data); }\n}",
      workspace: { 'src/rows.ts': 'export interface LabRow { id: string; diagnosis: string; labResult: string }' },
      errors: [
        { line: 6, column: 62, kinds: ['diagnosis', 'lab-result'] },
        { line: 7, column: 61, kinds: ['diagnosis', 'lab-result'] },
        { line: 8, column: 24, kinds: ['diagnosis', 'lab-result'] },
      ],
    },
    {
      name: 'typed parameter: fields declared in another file',
      code: "import type { Patient } from './types';\nexport function f(patient: Patient) {\n  console.log(patient);\n  console.log(patient.id);\n  console.log(patient.diagnosis);\n}",
      workspace: { 'src/types.ts': 'export interface Patient { id: string; fullName: string; diagnosis: string; isActive: boolean }' },
      errors: [
        { line: 3, column: 15, kinds: ['diagnosis', 'name'] },
        { line: 5, column: 15, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'FHIR Patient from Medplum',
      code: "export async function f(medplum: any, id: string) {\n  const patient = await medplum.readResource('Patient', id);\n  console.log(patient.id);\n  console.log(patient.birthDate);\n}",
      errors: [{ line: 4, column: 15, kinds: ['date-of-birth'] }],
    },
    {
      name: 'destructuring, spreads and JSON.stringify carry PHI',
      code: "declare const req: any;\nconst { ssn } = req.body;\nconst payload = { ...{ ssn }, ok: true };\nconsole.error(JSON.stringify(payload));",
      errors: [{ line: 4, column: 15, kinds: ['ssn'] }],
    },
    {
      name: 'array callback parameter receives the elements',
      code: "import type { Patient } from '@medplum/fhirtypes';\nexport function f(patients: Patient[]) {\n  patients.forEach((p) => console.log(p.name));\n}",
      errors: [{ line: 3, column: 39, kinds: ['name'] }],
    },
    {
      name: 'logger named by convention, this.logger and req.log',
      code: "declare const req: any;\nclass S { logger: any; run(p: any) { this.logger.warn('x', p.phoneNumber); } }\nreq.log.info({ email: req.body.email });",
      errors: [
        { line: 2, column: 60, kinds: ['phone'] },
        { line: 3, column: 14, kinds: ['email'] },
      ],
    },
    {
      name: 'debug() loggers',
      code: "import createDebug from 'debug';\nconst debugLog = createDebug('clinic');\ndeclare const visit: any;\ndebugLog('visit %o', visit.diagnosis);",
      errors: [{ line: 4, column: 22, kinds: ['diagnosis'] }],
    },
    {
      name: 'a conditional assignment keeps the PHI it may hold',
      code: "declare const patient: any; declare const c: boolean;\nlet value = 'n/a';\nif (c) value = patient.ssn;\nconsole.log(value);",
      errors: [{ line: 4, column: 13, kinds: ['ssn'] }],
    },
    {
      name: 'a field assigned later',
      code: "declare const patient: any;\nconst entry: Record<string, unknown> = {};\nentry.note = patient.clinicalNotes;\nconsole.log(entry);",
      errors: [{ line: 4, column: 13, kinds: ['clinical-note'] }],
    },
    {
      name: 'an imported logger function (regression: HospitalRun server, Intelehealth logStream)',
      code: "import { log } from './util/logger';\nconst { logStream } = require('./logger');\ndeclare const patient: any;\nlog('DB::fhiraudit', { dob: patient.birthDate });\nlogStream('debug', JSON.stringify({ phone: patient.mobileNumber }));",
      errors: [
        { line: 4, column: 22, kinds: ['date-of-birth'] },
        { line: 5, column: 20, kinds: ['phone'] },
      ],
    },
    {
      name: 'a configured PHI name',
      code: 'declare const chartNo: string;\nconsole.log(chartNo);',
      config: { phiNames: { chartNo: 'mrn' } },
      errors: [{ line: 2, column: 13, kinds: ['mrn'] }],
    },
    {
      name: 'medium-sensitivity data alone is one severity step lower',
      code: 'declare const patient: any;\nconsole.log(patient.zipCode);',
      errors: [{ line: 2, column: 13, kinds: ['zip-code'], severity: 'warning' }],
    },
    {
      name: 'a severity set in config wins',
      code: 'declare const patient: any;\nconsole.log(patient.ssn);',
      config: { rules: { 'no-phi-in-logs': 'note' } },
      errors: [{ line: 2, column: 13, severity: 'note' }],
    },
    {
      name: 'an extra logger name from the rule options',
      code: 'declare const audit: any; declare const patient: any;\naudit.info(patient.ssn);',
      config: { rules: { 'no-phi-in-logs': ['error', { loggerNames: ['audit'] }] } },
      errors: [{ line: 2, column: 12, kinds: ['ssn'] }],
    },
  ],
});

describe('no-phi-in-logs: a key naming a person number says what an id value is', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // A uuid is opaque whatever the key; a key that is itself an id or a record reference says nothing.
      "import pino from 'pino';\nconst logger = pino();\nexport function f(patientUuid: string) { logger.info({ mrn: patientUuid }, 'looked up'); }",
      "import pino from 'pino';\nconst logger = pino();\nexport function f(patientId: string) { logger.info({ patient: patientId }, 'looked up'); }",
      "import pino from 'pino';\nconst logger = pino();\nexport function f(userId: string) { logger.info({ memberId: userId }, 'looked up'); }",
      "import pino from 'pino';\nconst logger = pino();\nexport function f(patientId: string) { logger.info({ patientIdentifier: patientId }, 'looked up'); }",
    ],
    invalid: [
      {
        name: 'the NHS number an app calls its patient id',
        code: "import pino from 'pino';\nconst logger = pino();\nexport function f(patientId: string) {\n  logger.info({ nhsNumber: patientId }, 'tracker lookup');\n}",
        errors: [{ line: 4, column: 15, kinds: ['nhs-number'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: a FHIR server\'s own plumbing (search criteria, stored resources under generic names)', () => {
  const searchHeader = "import { CriteriaSearchRequest } from '@acme/fhir-server-interface';\nimport { makeQueryFromCriteria, parseQueryParams } from './query';\ndeclare const logger: any;\n";
  runRuleTests('no-phi-in-logs', {
    valid: [
      // what a search's paging, tenant and resource type are: numbers, ids and type names
      `${searchHeader}export function search(request: CriteriaSearchRequest) {\n  const offset = Number(request.queryParams._offset);\n  logger.info(\`searching \${request.resourceType} for \${request.tenantId} from \${offset}\`);\n}`,
      // a count of what the query found, and the query's timing
      `${searchHeader}export async function search(request: CriteriaSearchRequest, es: any) {\n  const body = makeQueryFromCriteria(request.queryParams);\n  const response = await es.search({ body });\n  logger.debug(\`found \${response.body.hits.total.value} in \${response.body.took} ms\`);\n}`,
      // the same request type outside a FHIR server's files says nothing about its criteria
      "import { CriteriaSearchRequest } from './types';\ndeclare const logger: any;\nexport function search(request: CriteriaSearchRequest) { logger.info(request); }",
      // a helper whose name does not say it builds a query from the criteria
      `${searchHeader}declare function countCriteria(params: unknown): number;\nexport function search(request: CriteriaSearchRequest) { logger.debug(countCriteria(request.queryParams)); }`,
      // a FHIR server's interaction that is not a search (history, read) takes paging and ids in its query parameters
      "import { Handler } from '@acme/fhir-server-interface';\nexport class Resources {\n  async typeHistory(resourceType: string, queryParams: any) { console.info('history', resourceType, queryParams); }\n}",
      // the request URL of an app that is no FHIR API (no FHIR module imported, no `fhir` folder) is not known to carry a search
      "const express = require('express');\nexport const h = (req: any, res: any, next: any) => { console.info('request', req.method, req.originalUrl); next(); };",
      // in a FHIR server: the method and the path without its query string; a Bundle entry's `request.url` is not the request served
      "const FhirCommon = require('../fhir/common');\ndeclare const logger: any;\nexport const h = (req: any) => logger.info(`${req.method} ${req.path}`);",
      "const FhirCommon = require('../fhir/common');\nexport function revert(entry: any) { console.warn(`could not process ${entry.request.url}`); }",
      // a stream record's keys, event name and id; a hit's id and score; how many writes were left unprocessed
      "declare const logger: any;\nexport function onStream(event: any) {\n  for (const record of event.Records) logger.debug(record.eventName, record.eventID, record.dynamodb.Keys);\n}",
      "export function show(response: any) { response.body.hits.hits.forEach((hit: any) => console.log(hit._id, hit._score)); }",
      "export async function write(db: any, items: any[]) {\n  const result = await db.batchWriteItem({ RequestItems: { resources: items } }).promise();\n  console.log('unprocessed tables', Object.keys(result.UnprocessedItems ?? {}).length);\n}",
      // a marshalled item of a record that holds no PHI (a job's id and state)
      "import { marshall } from '@aws-sdk/util-dynamodb';\ninterface Job { jobId: string; state: string }\nexport function put(job: Job) { console.log('put', marshall(job)); }",
      // `_source` of something that is not a search hit
      "export function show(config: any) { console.log(config._source); }",
      // a stream image logged in a test
      { code: "import { unmarshall } from '@aws-sdk/util-dynamodb';\nexport function onStream(event: any) { for (const record of event.Records) console.log(unmarshall(record.dynamodb.NewImage)); }", filename: 'src/stream.test.ts' },
    ],
    invalid: [
      {
        name: 'a FHIR search request logged whole carries the criteria the client searched by',
        code: `${searchHeader}export function globalSearch(request: CriteriaSearchRequest) {\n  logger.info(request);\n}`,
        errors: [{ line: 5, column: 15, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: 'an Elasticsearch body built from the criteria, serialised into a debug log inside a method of the class',
        code: `${searchHeader}export class Search {\n  async typeSearch(request: CriteriaSearchRequest) {\n    const parsed = parseQueryParams(request.resourceType, request.queryParams);\n    const query = makeQueryFromCriteria(parsed.searchParams);\n    await this.run({ size: 20, body: { query } });\n  }\n  private async run(searchQuery: any) {\n    logger.debug(\`query: \${JSON.stringify({ ...searchQuery, index: 'x' })}\`);\n  }\n}`,
        errors: [{ line: 11, column: 18, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: 'a query object declared with a shape of its own (no PHI in the declaration) keeps the criteria it was built with, field by field',
        code: `${searchHeader}interface EsQuery { index: string; request: unknown }\nexport class Search {\n  async typeSearch(request: CriteriaSearchRequest) {\n    const params: EsQuery = { index: 'x', request: { body: makeQueryFromCriteria(request.queryParams) } };\n    await this.run(params);\n  }\n  private async run(searchQuery: EsQuery) {\n    logger.debug(\`query: \${JSON.stringify({ ...searchQuery.request, size: 10 })}\`);\n    logger.debug(\`index: \${searchQuery.index}\`);\n  }\n}`,
        errors: [{ line: 11, column: 18, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: "a search interaction's criteria parameter logged whole",
        code: "import { Handler } from '@acme/fhir-server-interface';\nexport class Resources {\n  async typeSearch(resourceType: string, queryParams: any) {\n    console.info('search', resourceType, queryParams);\n  }\n}",
        errors: [{ line: 4, column: 42, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: 'the URL of a request a FHIR server serves, logged by a middleware: its query string is the search',
        code: "const { MyFHIRServer } = require('./routeHandlers/fhirServer');\nconst { logInfo } = require('./common/logging');\nexport const h = (req: any, res: any) => {\n  const reqPath = req.originalUrl;\n  res.on('finish', () => logInfo('Request Completed', { requestUrl: reqPath, status: res.statusCode }));\n};",
        errors: [{ line: 5, column: 55, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: "Koa's `ctx.url` of a FHIR interaction written into an authorisation log line",
        code: "const logger = require('winston');\nconst FhirCommon = require('../fhir/common');\nexport const authorize = (interaction: string, ctx: any) => {\n  logger.info(`[${ctx.authenticatedUser.email}] ${interaction} ${ctx.url}`);\n};",
        errors: [{ line: 4, column: 15, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: "a FHIR API route (under a `fhir` folder) logging the query it forwards",
        code: "export async function GET(request: Request) {\n  const query = new URL(request.url).searchParams.toString();\n  const fhirUrl = `${process.env.FHIR_BASE}/Patient?${query}`;\n  console.log(`proxy ${fhirUrl}`);\n}",
        filename: 'src/app/api/fhir/[...path]/route.ts',
        errors: [{ line: 4, column: 15, kinds: ['date-of-birth', 'mrn', 'name'] }],
      },
      {
        name: 'the unmarshalled image of a DynamoDB stream record (the stored resource) logged at debug level',
        code: "import AWS from 'aws-sdk';\ndeclare const logger: any;\nexport function onStream(event: any) {\n  for (const record of event.Records) {\n    const image = AWS.DynamoDB.Converter.unmarshall(record.dynamodb.NewImage);\n    logger.debug(image);\n  }\n}",
        errors: [{ line: 6, column: 18, kinds: ['patient-record'] }],
      },
      {
        name: 'records marshalled into DynamoDB items and wrapped in an SDK command are the same records: the command logged whole logs them',
        code: "import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';\nimport { marshall } from '@aws-sdk/util-dynamodb';\ninterface StatusItem { PatientNHSNumber: string; TaskID: string }\ndeclare const logger: any;\nexport function send(items: StatusItem[]) {\n  const command = new TransactWriteItemsCommand({ TransactItems: items.map((item) => ({ Put: { TableName: 't', Item: marshall(item) } })) });\n  logger.info('sending', { command });\n}",
        errors: [{ line: 7, column: 26, kinds: ['nhs-number'] }],
      },
      {
        name: 'the put requests a batch write left unprocessed, items included',
        code: "export async function write(db: any, items: any[]) {\n  const result = await db.batchWriteItem({ RequestItems: { resources: items } }).promise();\n  result.UnprocessedItems?.resources?.forEach((item: any) => console.log('not written', item));\n}",
        errors: [{ line: 3, column: 89, kinds: ['patient-record'] }],
      },
      {
        name: "each search hit's whole stored document printed",
        code: "export async function dump(es: any, id: string) {\n  const response = await es.search({ index: 'records', body: { query: { match: { id } } } });\n  response.body.hits.hits.forEach((hit: any) => console.log(JSON.stringify(hit._source, null, 2)));\n}",
        errors: [{ line: 3, column: 61, kinds: ['patient-record'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: DynamoDB attribute values (`item.nhs_number.N`) hold the attribute', () => {
  const dynamo = "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\n";
  runRuleTests('no-phi-in-logs', {
    valid: [
      // an attribute that names no PHI, read through its descriptor
      `${dynamo}export function report(row: any) { console.error(\`rejected in state \${row.status.S}\`); }`,
      // the binary and boolean descriptors hold no text a person is known by
      `${dynamo}export function report(row: any) { console.log(row.nhs_number.BOOL, row.photo_hash.B); }`,
      // `.N` / `.S` in a file that never names DynamoDB is some other object's member
      "export function report(row: any) { console.error(`size ${row.nhs_number.N}`); }",
      // the descriptor of a guessed record logged in a test
      { code: `${dynamo}export function report(row: any) { console.error(\`rejected \${row.nhs_number.N}\`); }`, filename: 'src/report.test.ts' },
    ],
    invalid: [
      {
        name: "a table row's NHS number read through its number descriptor, logged in a rejection message",
        code: `${dynamo}export function reject(row: any) {\n  console.error(\`Rejecting record \${row.nhs_number.N}\`);\n}`,
        errors: [{ line: 3, column: 17, kinds: ['nhs-number'] }],
      },
      {
        name: "a patient's surname read through its string descriptor from a GetItem response",
        code: `${dynamo}export async function show(client: DynamoDBClient, key: any) {\n  const found = await client.send(new GetItemCommand({ TableName: 'people', Key: key }));\n  console.log('loaded', found.Item?.family_name.S);\n}`,
        errors: [{ line: 4, column: 25, kinds: ['name'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: tables computed from the repository\'s own JSON modules are metadata', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      {
        name: 'a build script prints the compartment table it derived from a FHIR definition module',
        filename: 'deploy/export/generate-compartment-params.js',
        code: "const compartmentPatient = require('./definitions/compartment-patient.json');\nconst searchParameters = require('./definitions/search-parameters.json');\nfunction tableFor(parameters, compartment) {\n  const table = {};\n  compartment.resource.forEach((resource) => { table[resource.code] = parameters.filter((parameter) => resource.param.includes(parameter.code)); });\n  return table;\n}\nconst patientCompartmentR4 = tableFor(searchParameters, compartmentPatient);\nconsole.log(patientCompartmentR4);\nconsole.log(compartmentPatient.resource.map((resource) => resource.code));",
      },
    ],
    invalid: [
      {
        name: 'near miss: what an asynchronous function fetches with a JSON module\'s settings is data',
        filename: 'scripts/report.js',
        code: "const reportSettings = require('./report-settings.json');\nasync function fetchPatients(settings) { return db.query(settings.sql); }\nasync function main() {\n  const patientRecord = await fetchPatients(reportSettings);\n  console.log(patientRecord);\n}\nmain();",
        errors: [{ line: 5, column: 15, kinds: ['patient-record'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: request header maps logged whole where the file reads a patient header from them', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the headers the file reads are trace ids, an API key and the caller's IP: nothing a patient is known by
      "declare const logger: any;\nexport function handle(event: any) {\n  const traceId = event.headers['x-correlation-id'];\n  const key = event.headers['x-api-key'];\n  const ip = event.headers['x-forwarded-for'];\n  logger.info('request', { headers: event.headers, traceId, key, ip });\n}",
      // a staff user's e-mail header is not a patient's contact
      "declare const logger: any;\nexport function handle(headers: Record<string, string>) {\n  const email = headers['x-user-email'];\n  logger.info('headers', { headers });\n  return email;\n}",
      // a response's headers are what the server sent back
      "declare const logger: any;\nexport async function call(headers: Record<string, string>) {\n  const nhsNumber = headers['x-nhs-number'];\n  const response = await fetch('/spine', { method: 'POST', body: nhsNumber });\n  logger.debug('spine replied', { headers: response.headers });\n}",
      // one header logged by name that says nothing about the patient
      "declare const logger: any;\nexport function handle(headers: Record<string, string>) {\n  logger.info('app', { app: headers['nhsd-application-name'] });\n}",
    ],
    invalid: [
      {
        name: 'the header map is logged before and after the NHS number header is read from it',
        code: [
          'declare const logger: any;',
          "const SUBJECT_HEADER = 'x-nhsd-subject-nhs-number';",
          'export function adapt(headers: Record<string, string | undefined>) {',
          "  logger.info('delegated access', { headers });",
          '  const subject = headers[SUBJECT_HEADER];',
          '  return subject;',
          '}',
        ].join('\n'),
        errors: [{ line: 4, column: 37, kinds: ['nhs-number'] }],
      },
      {
        name: "a Lambda event's header map printed, with the patient's date of birth read through `get`",
        code: "export function handler(event: any) {\n  console.log(event.headers);\n  const dob = event.headers.get('x-patient-dob');\n  return { statusCode: 200, body: String(dob.length) };\n}",
        errors: [{ line: 2, column: 15, kinds: ['date-of-birth'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: responses of a national health identifier service and of search POSTs', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // a POST that writes (not to a search route) answers with an acknowledgement
      "const axios = require('axios');\nexport async function enrol(base: string, abhaNumber: string) {\n  const response = await axios.post(`${base}/abha/enrol/consent`, { consent: true });\n  console.log('consent recorded', response.data);\n}",
      // a search POST of something that is no patient's (a drug catalogue) finds no one
      "const axios = require('axios');\nexport async function find(base: string, text: string) {\n  const response = await axios.post(`${base}/drugs/search`, { text });\n  console.log('found', response.data);\n}",
      // the service's own key material (its public certificate) is no one's record, whatever service it belongs to
      "const axios = require('axios');\nexport async function certificate(base: string) {\n  const response = await axios.get(`${base}/abha/api/v3/profile/public/certificate`);\n  console.log('certificate', JSON.stringify(response.data));\n}",
      // an e-mail or phone route lends its response nothing: a contact detail is no health account
      "const axios = require('axios');\nexport async function check(base: string) {\n  const response = await axios.get(`${base}/email/settings/providers`);\n  console.log(response.data);\n}",
    ],
    invalid: [
      {
        name: "the response of a read of a national health identifier's service is the holder's health account",
        code: "const axios = require('axios');\nexport async function suggestions(base: string, txnId: string) {\n  const response = await axios.get(`${base}/abha/api/v3/enrollment/suggestion`, { headers: { Transaction_Id: txnId } });\n  console.log('suggestions', JSON.stringify(response.data, null, 2));\n}",
        errors: [{ line: 4, column: 30, kinds: ['abha'] }],
      },
      {
        name: 'a POST to a search route is a read: its answer is what it found (here a health account)',
        code: "const axios = require('axios');\nexport async function search(base: string, abhaNumber: string) {\n  const response = await axios.post(`${base}/abha/api/v3/login/abha/search`, { healthIdNumber: abhaNumber });\n  console.log('search response', response.data);\n}",
        errors: [{ line: 4, column: 34, kinds: ['abha'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: a generic parameter its function reads patient data off, and lists gathered under `all…`', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // what is read off the parameter is a status, a contact detail, a code list or an id: nothing says whose it is
      "export function show(form: any) {\n  console.log(form);\n  return [form.status, form.phone, form.medicationCodes, form.patientId];\n}",
      // a clinical field only assigned to it: logged before it is filled, it does not hold the readings yet
      "declare function read(): Promise<number[]>;\nexport async function fetchData(data: any) {\n  console.log('in fetchData', data);\n  data.glucose = await read();\n  return data;\n}",
      // a staff member's role read for its person role id and organisation: a record word is not clinical data
      "declare const logger: any;\nexport function toRole(role: any) {\n  logger.debug('Processing role', { role });\n  return { id: role.person_roleid, org: role.org_code };\n}",
      // a parameter typed as an API client, read for its payers' endpoint: its type says what it is
      "import type { CandidApiClient } from 'candidhealth';\nexport async function sync(candid: CandidApiClient, name: string) {\n  const response = await candid.nonInsurancePayers.v1.create({ name });\n  console.warn('not ok', response);\n}",
      // stored as a title or an id: nothing says it is patient data
      "export class NoteComponent {\n  public notes: any = {};\n  onTitle(data: any) {\n    console.log(data);\n    this.notes.Title = data;\n    this.notes.PatientId = data;\n  }\n}",
      // a field read off it that is a trap, and `all…` that tests the records rather than gathers them
      "export function check(data: any, allPatientsLoaded: boolean) {\n  console.log(data.diagnosisCount, allPatientsLoaded);\n  return data.diagnosisCount;\n}",
    ],
    invalid: [
      {
        name: 'a validated form logged whole before its medication entry is read off it',
        code: "export function validateMedication(form: any) {\n  console.log(form);\n  const medication = form.newMedication;\n  return !!medication;\n}",
        errors: [{ line: 2, column: 15, kinds: ['medication'] }],
      },
      {
        name: "a child component's callback value logged, then stored as the note's clinical diagnosis",
        code: "export class EmergencyNoteComponent {\n  public notes: any = {};\n  onAssessment(data: any) {\n    console.log(data);\n    this.notes.ClinicalDiagnosis = data;\n  }\n}",
        errors: [{ line: 4, column: 17, kinds: ['diagnosis'] }],
      },
      {
        name: 'a list gathered under `all…` from a source declared to return visits with a diagnosis',
        code: "interface Visit { id: string; diagnosis: string }\ndeclare function loadVisits(): Promise<Visit[]>;\nexport async function f() {\n  const allDiagnoses = (await loadVisits()).map((visit) => visit.diagnosis);\n  console.log(allDiagnoses);\n}",
        errors: [{ line: 5, column: 15, kinds: ['diagnosis'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: sections of a clinical history (perinatal, obstetric, menstrual)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      "export function f(perinatalHistoryCount: number) { console.log(perinatalHistoryCount); }",
    ],
    invalid: [
      {
        name: "a child's perinatal history serialised into the console",
        code: "export function save(temp: any, otherDetails: any) {\n  const perinatalHistoryData = Object.assign({}, temp, otherDetails);\n  console.log('Perinatal', JSON.stringify(perinatalHistoryData, null, 4));\n}",
        errors: [{ line: 3, column: 28, kinds: ['medical-history'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: a clinical worklist is a list of patients', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // its count and its address are not the patients
      "export function f(worklistCount: number, workListUrl: string) { console.log(worklistCount, workListUrl); }",
    ],
    invalid: [
      {
        name: "a radiologist's worklist fetched from its service and logged",
        code: "export class RadiologistWorklistComponent {\n  constructor(private doctorService: any) {}\n  load() {\n    this.doctorService.getRadiologistWorklist().subscribe((data: any) => {\n      console.log('worklist', data.data);\n    });\n  }\n}",
        errors: [{ line: 5, column: 31, kinds: ['patient-record'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: an Angular reactive form named for patient data', () => {
  const header = "import { FormGroup } from '@angular/forms';\n";
  runRuleTests('no-phi-in-logs', {
    valid: [
      // a form named for nothing personal (search, login), and a named form's validity flags
      header + "export class SearchComponent {\n  searchForm!: FormGroup;\n  patientMedicalForm!: FormGroup;\n  a() { console.log(this.searchForm.value, this.patientMedicalForm.valid, this.patientMedicalForm.invalid); }\n}",
      // a form group concatenated into text is `[object Object]`, not its controls' data
      header + "export class ContactComponent {\n  patientCovidForm!: FormGroup;\n  a(allergyForm: any) { console.log('contact ' + this.patientCovidForm.value, 'row ' + allergyForm.value, 'form ' + allergyForm); }\n}",
      // without Angular's forms, `PatientHistoryForm` names a component (code), not a form group's values
      "import { PatientHistoryForm } from './patient-history-form';\nexport function render() { console.log(PatientHistoryForm); }",
      "export function open(patientHistoryForm: string) { console.log('opening', patientHistoryForm); }",
      // declared a flag or a scalar, a name ending in `Form` is not a form group
      header + "export class X {\n  patientMedicalForm: boolean = false;\n  patientHistoryForm: string = 'history';\n  a(patientVitalsForm: string) { console.log(this.patientMedicalForm, this.patientHistoryForm, patientVitalsForm); }\n}",
    ],
    invalid: [
      {
        name: "a component's form group named for the patient's medical data, logged whole and through its value",
        code: header + "export class WorkareaComponent {\n  patientMedicalForm!: FormGroup;\n  generalPersonalHistoryForm!: FormGroup;\n  a() { console.log(this.patientMedicalForm); }\n  b() { console.log('perChange', this.generalPersonalHistoryForm); }\n  c() { console.log(JSON.stringify(this.patientMedicalForm.value)); }\n}",
        errors: [
          { line: 5, column: 21, kinds: ['patient-record'] },
          { line: 6, column: 34, kinds: ['medical-history'] },
          { line: 7, column: 21, kinds: ['patient-record'] },
        ],
      },
      {
        name: 'a sub-form taken from the medical form, and a form handed in as a parameter',
        code: header + "export class DoctorService {\n  post(patientMedicalForm: any) {\n    console.log('message', patientMedicalForm);\n    const patientHistoryForm = <FormGroup>patientMedicalForm.controls['patientHistoryForm'];\n    console.log('history', patientHistoryForm);\n  }\n}",
        errors: [
          { line: 4, column: 28, kinds: ['patient-record'] },
          { line: 6, column: 28, kinds: ['medical-history'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: an Angular form group named for nothing holds what its controls hold (round 15)', () => {
  const header = "import { FormGroup, FormControl, FormBuilder } from '@angular/forms';\n";
  runRuleTests('no-phi-in-logs', {
    valid: [
      // controls that are a list filter's dates, a flag and a free search status: no one's data
      header + "export class ListComponent {\n  filterForm!: FormGroup;\n  constructor(private fb: FormBuilder) {}\n  init() { this.filterForm = this.fb.group({ fromDate: [''], toDate: [''], showAll: [false] }); }\n  a() { console.log(this.filterForm.value); }\n}",
      // a staff member's form holds the staff member's contact details
      header + "export class UserAdminComponent {\n  userForm = new FormGroup({ firstName: new FormControl(''), phoneNumber: new FormControl('') });\n  a() { console.log(this.userForm.value); }\n}",
      // a login form's controls name no PHI
      header + "export class LoginComponent {\n  loginForm!: FormGroup;\n  a() { console.log(this.loginForm.get('username'), this.loginForm.value); }\n}",
      // `get('x')` on a Map is not a form's control
      header + "export class Cache {\n  entries = new Map<string, string>();\n  a() { const x = this.entries.get('phoneNumber'); console.log(this.entries); }\n}",
      // without Angular's forms a `.group({ … })` call builds nothing of the kind
      "export class X {\n  contacts: any;\n  a(b: any) { this.contacts = b.group({ phoneNumber: 1 }); console.log(this.contacts); }\n}",
    ],
    invalid: [
      {
        name: 'a form group built with a patient\'s phone controls, logged through its value in another method',
        code: header + "export class GroupComponent {\n  leaderContactsForm!: FormGroup;\n  open(leader: any) {\n    this.leaderContactsForm = new FormGroup({ patientPhoneNumber: new FormControl(leader.x), nextofkinPhoneNumber: new FormControl(leader.y) });\n  }\n  save() { console.log(this.leaderContactsForm.value); }\n}",
        errors: [{ line: 7, column: 24, kinds: ['phone'] }],
      },
      {
        name: 'a form handed in whose controls the component reads (chief complaint, past surgery), logged whole',
        code: header + "export class FindingsComponent {\n  generalFindingsForm!: FormGroup;\n  a() { const c = this.generalFindingsForm.controls['chiefComplaint']; const s = this.generalFindingsForm.get('pastSurgery'); }\n  b() { console.log(this.generalFindingsForm.value); }\n}",
        errors: [{ line: 5, column: 21, kinds: ['diagnosis', 'procedure'] }],
      },
      {
        name: 'a FormBuilder group held in a local variable and a class field built at its declaration',
        code: header + "export class RegistrationComponent {\n  constructor(private fb: FormBuilder) {}\n  details = this.fb.group({ firstName: [''], dateOfBirth: [''] });\n  a() { const form = this.fb.group({ nationalId: [''] }); console.log(form.getRawValue()); console.log(this.details.value); }\n}",
        errors: [
          { line: 5, column: 71, kinds: ['national-id'] },
          { line: 5, column: 104, kinds: ['date-of-birth', 'name'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: a schema\'s validation hands back the data it checked (round 15)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the validation's outcome flag and a Joi result's error message are not the data
      "import Joi from 'joi';\nconst patientSchema = Joi.object({});\nexport function f(patient: any) {\n  const { error } = patientSchema.validate(patient);\n  console.log(error);\n}",
      // a schema validating no one's data
      "import * as yup from 'yup';\nconst settingsSchema = yup.object();\nexport function f(settings: any) { console.log(settingsSchema.validateSync(settings)); }",
      // flags about the data stay flags
      "export function f(patient: any) {\n  const isValidData = !!patient;\n  const dataValid = patient.ok;\n  const patientLoaded = patient;\n  console.log(isValidData, dataValid, patientLoaded);\n}",
      // `validate` of something that is not a schema (a form validator, a service)
      "export function f(patient: any, validator: any) { console.log(validator.validate(patient)); }",
    ],
    invalid: [
      {
        name: 'yup and zod results, awaited, returned or in a Joi result\'s value',
        code: "import * as yup from 'yup';\nimport { z } from 'zod';\nconst orderSchema = yup.object();\nexport async function f(patient: any, registrationSchema: any) {\n  const checked = await orderSchema.validate(patient, { abortEarly: false });\n  console.log(checked);\n  console.log(z.object({}).parse(patient));\n  orderSchema.validate(patient).then((result) => console.debug('Valid', result));\n  console.log(registrationSchema.cast(patient));\n}",
        errors: [
          { line: 6, column: 15, kinds: ['patient-record'] },
          { line: 7, column: 15, kinds: ['patient-record'] },
          { line: 8, column: 73, kinds: ['patient-record'] },
          { line: 9, column: 15, kinds: ['patient-record'] },
        ],
      },
      {
        name: 'a state word qualifying a data noun names the data in that state (`validData`, `changedValues`), not a flag',
        code: "import * as yup from 'yup';\nconst orderSchema = yup.object();\nexport function f(patient: any) {\n  orderSchema.validate(patient).then((validData) => console.debug('Valid Data:', validData));\n  const changedValues = { ...patient };\n  console.log(changedValues);\n}",
        errors: [
          { line: 4, column: 82, kinds: ['patient-record'] },
          { line: 6, column: 15, kinds: ['patient-record'] },
        ],
      },
      {
        name: 'a Joi schema\'s validated value',
        code: "import Joi from 'joi';\nconst patientSchema = Joi.object({});\nexport function f(patient: any) {\n  const { value } = patientSchema.validate(patient);\n  console.log(value);\n}",
        errors: [{ line: 5, column: 15, kinds: ['patient-record'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: reference (master) data is no one\'s (round 11)', () => {
  const service = { 'src/masterdata.service.ts': 'export class MasterdataService { getSnomedCTRecord(term: string): any { return term; } visitDetailMasterData$: any; nurseMasterData$: any; }' };
  runRuleTests('no-phi-in-logs', {
    valid: [
      // lists offered to choose from (allergens, symptoms, visit categories) are the same for every patient
      { code: "import { MasterdataService } from './masterdata.service';\nexport class C {\n  allergyMasterData: any[] = [];\n  constructor(private masterdataService: MasterdataService) {}\n  a() {\n    this.masterdataService.getSnomedCTRecord('fever').subscribe((response: any) => console.log('snomed ' + JSON.stringify(response)));\n    this.masterdataService.visitDetailMasterData$.subscribe((visitDetails: any) => console.log('visit master', visitDetails));\n    this.masterdataService.nurseMasterData$.subscribe((response: any) => console.log('contact', response.covidContactHistoryMaster));\n    console.log('allergy types', this.allergyMasterData.filter((item: any) => item.active));\n  }\n}", workspace: service },
      'export function pick(drugCatalogue: any[], diagnosisFormulary: any) { console.log(drugCatalogue, diagnosisFormulary.medications); }',
      "declare const catalogService: any;\nexport async function load() { const allergies = await catalogService.getAllergies(); console.log(allergies); }",
    ],
    invalid: [
      {
        name: "a patient's master record, a master patient index entry's allergies and a patient's allergies beside master data stay PHI",
        code: "export function f(masterRecord: any, patientMaster: any, allergyMasterData: any[], patient: any) {\n  console.log(masterRecord.birthDate);\n  console.log(patientMaster);\n  console.log(allergyMasterData, patient.allergies);\n}",
        errors: [
          { line: 2, column: 15, kinds: ['date-of-birth'] },
          { line: 3, column: 15, kinds: ['patient-record'] },
          { line: 4, column: 34, kinds: ['allergy'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: a value the code found missing (round 11)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the branch a guard takes for a missing or malformed value: the warning names what was not there
      "export function f(observation: { systolicPressure?: number }) {\n  const value = observation.systolicPressure;\n  if (value === undefined || value === null || typeof value !== 'number') {\n    console.warn('Vital value is not a number:', value);\n  }\n}",
      "declare function fetchPatientRelationships(id: string): Promise<unknown>;\nexport async function f(patientUuid: string) {\n  const relationships = await fetchPatientRelationships(patientUuid);\n  if (!relationships || !Array.isArray(relationships)) console.warn('No valid relationships data:', relationships);\n}",
      "export function f(patient: any) {\n  const dob = patient.birthDate;\n  if (dob) return dob;\n  else console.log('no birth date', dob);\n  return dob == null ? console.log('missing', dob) : dob;\n}",
    ],
    invalid: [
      {
        name: "near misses: a visit's reason and notes, and values whose guard does not say they are missing",
        code: "export function f(visit: any, patient: any) {\n  console.log(visit.visitReason, visit.visitNotes);\n  const dob = patient.birthDate;\n  if (typeof dob !== 'string') console.log('not text', dob);\n  if (!dob || dob.length < 8) console.log('short', dob);\n  if (dob !== undefined) console.log('present', dob);\n  if (!patient.name) console.log('nameless', patient);\n}",
        errors: [
          { line: 2, column: 15, kinds: ['clinical-note', 'encounter'] },
          { line: 4, column: 56, kinds: ['date-of-birth'] },
          { line: 5, column: 52, kinds: ['date-of-birth'] },
          { line: 6, column: 49, kinds: ['date-of-birth'] },
          { line: 7, column: 46, kinds: ['patient-record'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: the promises of Promise.all resolve element by element (round 11)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the practitioner read beside the patient is the clinician's resource, not the patient's
      "import type { Patient, Practitioner } from 'fhir/r4';\ndeclare function readUser(): Promise<Practitioner>;\ndeclare function readPatient(): Promise<Patient>;\nexport async function load() {\n  const [practitioner, patient] = await Promise.all([readUser(), readPatient()]);\n  console.warn(`Practitioner has no HPR: ${JSON.stringify(practitioner)}`);\n  return patient;\n}",
    ],
    invalid: [
      {
        name: 'near miss: the patient of the pair, and the whole list',
        code: "import type { Patient, Practitioner } from 'fhir/r4';\ndeclare function readUser(): Promise<Practitioner>;\ndeclare function readPatient(): Promise<Patient>;\nexport async function load() {\n  const [practitioner, patient] = await Promise.all([readUser(), readPatient()]);\n  console.warn(`No HPR for ${JSON.stringify(patient)}`);\n  const both = await Promise.all([readUser(), readPatient()]);\n  console.log(both, practitioner.id);\n}",
        errors: [
          { line: 6, column: 16, kinds: ['patient-record'] },
          { line: 8, column: 15, kinds: ['patient-record'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: whole records logged under generic names, typed through workspace generics and service interfaces (round 13)', () => {
  const models = {
    'src/models/requestResult.ts': 'export default interface RequestResult<T> {\n  resourcePayload: T;\n  totalResultCount: number;\n  resultStatus: string;\n  resultError?: { resultMessage?: string; errorCode: string };\n}',
    'src/models/labOrder.ts': 'export interface LabOrder { id: string; diagnosis: string; labResult: string }\nexport interface Provider { providerName: string; email: string; phone: string }',
    'src/models/handler.ts': 'export interface Handler<T> {\n  name: string;\n  handle(item: T): void;\n}',
    'src/services/interfaces.ts': "import RequestResult from '@/models/requestResult';\nimport { LabOrder, Provider } from '@/models/labOrder';\nexport interface ILabService {\n  getOrders(\n    hdid: string\n  ): Promise<RequestResult<LabOrder[]>>;\n  isAvailable(hdid: string): Promise<RequestResult<boolean>>;\n}\nexport interface IProviderService {\n  getProviders(): Promise<RequestResult<Provider[]>>;\n}\nexport interface IHttpDelegate {\n  getWithCors<T>(url: string): Promise<T>;\n  delete<T>(url: string): Promise<T>;\n}",
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
  };
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the envelope's own fields (a status, a count, its error) are not the payload
      { code: "import RequestResult from '@/models/requestResult';\nimport { LabOrder } from '@/models/labOrder';\nexport function f(result: RequestResult<LabOrder[]>) {\n  console.log(result.resultStatus, result.totalResultCount);\n  console.log(JSON.stringify(result.resultError));\n}", workspace: models },
      // an envelope of the signed-in session: the person it reaches is the staff user's, not a patient's
      { code: "import RequestResult from '@/models/requestResult';\nimport { Session } from '@/models/session';\nexport function f(result: RequestResult<Session>) {\n  console.log(JSON.stringify(result));\n}", workspace: { ...models, 'src/models/session.ts': 'export interface Person { display: string; birthdate: string; age: number }\nexport interface LoggedInUser { uuid: string; username: string; person: Person }\nexport interface Session { sessionId: string; authenticated: boolean; user?: LoggedInUser }' } },
      // a generic whose parameter only types a method's argument does not hold a record of it
      { code: "import { Handler } from '@/models/handler';\nimport { LabOrder } from '@/models/labOrder';\nexport function f(handler: Handler<LabOrder>) {\n  console.log(handler);\n}", workspace: models },
      // a service interface's method that returns a staff list, or a flag, returns no patient's data
      // the whole envelope logged where its status test failed: the service's error, not the payload
      { code: "import { container } from '@/ioc/container';\nimport { ILabService } from '@/services/interfaces';\nimport { ResultType } from '@/constants/resultType';\nconst labService = container.get<ILabService>('LabService');\nexport function retrieve(hdid: string) {\n  return labService.getOrders(hdid).then((result) => {\n    if (result.resultStatus === ResultType.Success) {\n      return result.resourcePayload;\n    }\n    console.warn(`retrieval failed! ${JSON.stringify(result)}`);\n    return [];\n  });\n}", workspace: models },
      { code: "import { container } from '@/ioc/container';\nimport { ILabService } from '@/services/interfaces';\nimport { ResultType } from '@/constants/resultType';\nconst labService = container.get<ILabService>('LabService');\nexport function retrieve(hdid: string) {\n  return labService.getOrders(hdid).then((result) => {\n    if (result.resultStatus === ResultType.Success) {\n      return result.resourcePayload;\n    } else if (result.resultError) {\n      throw new Error(result.resultError.errorCode);\n    } else {\n      console.warn(`retrieval failed! ${JSON.stringify(result)}`);\n    }\n  });\n}", workspace: models },
      { code: "import { container } from '@/ioc/container';\nimport { ILabService, IProviderService } from '@/services/interfaces';\nexport function load(hdid: string) {\n  const providers = container.get<IProviderService>('ProviderService');\n  providers.getProviders().then((result) => console.log(JSON.stringify(result)));\n  const labs = container.get<ILabService>('LabService');\n  labs.isAvailable(hdid).then((result) => console.log(JSON.stringify(result)));\n}", workspace: models },
    ],
    invalid: [
      {
        name: 'a parameter typed by a workspace envelope of a clinical record: the whole value and its payload field',
        code: "import RequestResult from '@/models/requestResult';\nimport { LabOrder } from '@/models/labOrder';\nexport function f(result: RequestResult<LabOrder[]>) {\n  console.log(JSON.stringify(result));\n  console.log(result.resourcePayload);\n}",
        workspace: models,
        errors: [
          { line: 4, column: 15, kinds: ['diagnosis', 'lab-result'] },
          { line: 5, column: 15, kinds: ['diagnosis', 'lab-result'] },
        ],
      },
      {
        name: "an envelope known only as a whole (a copy under the same declared type): its payload field is what it holds",
        code: "import RequestResult from '@/models/requestResult';\nimport { LabOrder } from '@/models/labOrder';\nexport function f(result: RequestResult<LabOrder[]>) {\n  const copy: RequestResult<LabOrder[]> = result;\n  console.log(copy.resourcePayload);\n  console.log(copy.resultStatus);\n}",
        workspace: models,
        errors: [{ line: 5, column: 15, kinds: ['diagnosis', 'lab-result'] }],
      },
      {
        name: "a client's request method named for its verb, typed by an envelope, resolves to the record (getWithCors<T>, delete<T>)",
        code: "import RequestResult from '@/models/requestResult';\nimport { LabOrder } from '@/models/labOrder';\nimport { IHttpDelegate } from '@/services/interfaces';\nexport class RestLabService {\n  constructor(private readonly http: IHttpDelegate, private readonly logger: { verbose(m: string): void }) {}\n  getAll(hdid: string) {\n    return this.http.getWithCors<RequestResult<LabOrder[]>>(`/Lab/${hdid}`).then((requestResult) => {\n      this.logger.verbose(`getAll result: ${JSON.stringify(requestResult)}`);\n      return requestResult.resourcePayload;\n    });\n  }\n  remove(hdid: string) {\n    return this.http.delete<RequestResult<LabOrder>>(`/Lab/${hdid}`).then((r) => console.log(r));\n  }\n}",
        workspace: models,
        errors: [
          { line: 8, column: 27, kinds: ['diagnosis', 'lab-result'] },
          { line: 13, column: 94, kinds: ['diagnosis', 'lab-result'] },
        ],
      },
      {
        name: "a service typed by its interface (an IoC container's get<T>): what its method is declared to return, envelope and payload",
        code: "import { container } from '@/ioc/container';\nimport { ILabService } from '@/services/interfaces';\nconst labService = container.get<ILabService>('LabService');\nexport function retrieve(hdid: string) {\n  return labService.getOrders(hdid).then((result) => {\n    console.warn(`retrieval: ${JSON.stringify(result)}`);\n    const payload = result.resourcePayload;\n    console.log(payload);\n    console.log(result.resultStatus);\n  });\n}",
        workspace: models,
        errors: [
          { line: 6, column: 18, kinds: ['diagnosis', 'lab-result'] },
          { line: 8, column: 17, kinds: ['diagnosis', 'lab-result'] },
        ],
      },
      {
        name: 'near miss: the envelope logged where the test was success and something more (a partial result may hold a payload)',
        code: "import { container } from '@/ioc/container';\nimport { ILabService } from '@/services/interfaces';\nimport { ResultType } from '@/constants/resultType';\nconst labService = container.get<ILabService>('LabService');\nexport function retrieve(hdid: string) {\n  return labService.getOrders(hdid).then((result) => {\n    if (result.resultStatus === ResultType.Success && result.totalResultCount > 0) {\n      return result.resourcePayload;\n    } else {\n      console.warn(`retrieval failed! ${JSON.stringify(result)}`);\n    }\n  });\n}",
        workspace: models,
        errors: [{ line: 10, column: 20, kinds: ['diagnosis', 'lab-result'] }],
      },
    ],
  });
});

// Destructured typed parameters: record-typed fields hold what their type declares; scalar fields keep their name's
// judgement (a staff sign-in's e-mail in the auth service is the user's, not a patient's).
runRuleTests('no-phi-in-logs', {
  valid: [
    {
      name: 'a sign-in’s destructured e-mail (a scalar field of a parameters type) in the auth service',
      filename: 'src/services/auth/AuthService.ts',
      code: "interface SyncConnectionParameters { email: string; password: string; server: string }\nexport class AuthService {\n  async localSignIn({ email, password }: SyncConnectionParameters) {\n    console.log('Signing in locally as', email);\n    return password.length;\n  }\n}",
    },
  ],
  invalid: [
    {
      name: 'a record-typed field destructured from typed props is logged with its declared kinds',
      filename: 'src/components/AddressDrawer.tsx',
      code: "interface AddressData { line1: string; city: string; postalCode: string }\ninterface AddressDrawerProps { patientId: string; addresses: AddressData[] }\nexport function AddressDrawer({ patientId, addresses }: AddressDrawerProps) {\n  console.log('loading addresses', addresses);\n  return null;\n}",
      errors: [{ line: 4, column: 36, kinds: ['zip-code'] }],
    },
  ],
});

describe("no-phi-in-logs: a POST whose body is only one patient's identifier is a read of that patient's records", () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // a POST that writes something for the patient (a note) answers with an acknowledgement
      "export class S {\n  constructor(private http: any) {}\n  save(id: string, note: string) {\n    this.http.post(this.noteUrl, { patientId: id, note }).subscribe((res: any) => {\n      console.log(res);\n    });\n  }\n}",
      // a POST naming two patients acts on them (a merge), and a route named for an action on the patient is a write
      "export async function merge(api: any, keep: string, drop: string) {\n  const mergeResult = await api.post('admin/mergePatient', { keepPatientId: keep, unwantedPatientId: drop });\n  console.log(mergeResult);\n}",
      "export class S {\n  constructor(private http: any) {}\n  drop(id: string) {\n    this.http.post(environment.deactivateBeneficiaryUrl, { beneficiaryRegID: id }).subscribe((res: any) => {\n      console.log(res);\n    });\n  }\n}",
      // a user's id is no patient's
      "export class S {\n  constructor(private http: any) {}\n  load(id: string) {\n    this.http.post(this.url, { userId: id }).subscribe((res: any) => {\n      console.log(res);\n    });\n  }\n}",
      // a route ending in a count answers with a number
      "export class S {\n  constructor(private http: any) {}\n  load(id: string) {\n    this.http.post(`${this.base}/visits/count`, { beneficiaryRegID: id }).subscribe((res: any) => {\n      console.log(res);\n    });\n  }\n}",
    ],
    invalid: [
      {
        name: "a POST of only the patient's id to a configured URL answers with that patient's records",
        code: "export class S {\n  constructor(private http: any) {}\n  load(id: string) {\n    this.http.post(environment.previousHistoryUrl, { beneficiaryRegID: id }).subscribe((data: any) => {\n      console.log('data', data);\n    });\n  }\n}",
        errors: [{ line: 5, column: 27, kinds: ['patient-record'] }],
      },
    ],
  });
});

describe("no-phi-in-logs: the workspace's own request helpers (a callback handed the response, a response returned)", () => {
  const api = {
    'src/api.js': [
      "const _fetchApi = (url, success = (f) => f, error = (f) => f) => {",
      "  let actualURL = `${url}/${facilityId()}`",
      "  fetch(actualURL)",
      "    .then((raw) => raw.json())",
      "    .then((response) => { if (response) success(response) })",
      "    .catch((err) => error(err))",
      "}",
      "const _postApi = (url, data, success = (f) => f) => {",
      "  fetch(url, { method: 'POST', body: JSON.stringify(data) }).then((raw) => raw.json()).then((response) => success(response))",
      "}",
      "export const getJson = async (url) => {",
      "  const req = await fetch(url)",
      "  return await req.json()",
      "}",
      "export const httpGet = (url) => axios.get(url).then((res) => res.data)",
      "export { _fetchApi, _postApi }",
    ].join('\n'),
  };
  runRuleTests('no-phi-in-logs', {
    valid: [
      // the route names staff, not patients: a practitioner list is no patient record
      { code: "import { _fetchApi } from './api';\nexport function load(base) {\n  _fetchApi(`${base}/practitioners/list`, (data) => {\n    console.log(data);\n  });\n}", filename: 'src/use.js', workspace: api },
      // the error callback receives what `.catch` caught, not the response
      { code: "import { _fetchApi } from './api';\nexport function load(base, id) {\n  _fetchApi(`${base}/patients/${id}`, (data) => {}, (err) => {\n    console.log(err);\n  });\n}", filename: 'src/use.js', workspace: api },
      // a helper that writes (POST) answers with an acknowledgement
      { code: "import { _postApi } from './api';\nexport function save(base, form) {\n  _postApi(`${base}/patients/new`, {}, (result) => {\n    console.log(result);\n  });\n}", filename: 'src/use.js', workspace: api },
      // a returned response of a reference-data route (settings) says nothing of a patient
      { code: "import { getJson } from './api';\nexport async function load(base) {\n  const data = await getJson(`${base}/settings`);\n  console.log(data);\n}", filename: 'src/use.js', workspace: api },
    ],
    invalid: [
      {
        name: 'a request helper from another file hands its success callback the response of the patient route its URL names',
        code: "import { _fetchApi } from './api';\nexport function getPatient(base, id) {\n  _fetchApi(`${base}/lab/patient/full-info/${id}`, (data) => {\n    console.log(data);\n  });\n}",
        filename: 'src/use.js',
        workspace: api,
        errors: [{ line: 4, column: 17, kinds: ['patient-record'] }],
      },
      {
        name: "a property of the response handed to the callback (`data.results[0]`) is the patient's record",
        code: "import { _fetchApi } from './api';\nexport function getVisit(base, id) {\n  _fetchApi(`${base}/encounters/${id}`, function (data) {\n    console.log({ result: data.results[0] });\n  });\n}",
        filename: 'src/use.js',
        workspace: api,
        errors: [{ line: 4, column: 17, kinds: ['encounter'] }],
      },
      {
        name: 'a helper returning what it fetched from the URL it is given: awaited or followed with `.then`',
        code: "import { getJson, httpGet } from './api';\nexport async function load(base, id) {\n  const patient = await getJson(`${base}/patients/${id}`);\n  console.log(patient);\n  httpGet(`${base}/lab-results/${id}`).then((res) => console.log(res));\n}",
        filename: 'src/use.js',
        workspace: api,
        errors: [{ line: 4, column: 15, kinds: ['patient-record'] }, { line: 5, column: 66, kinds: ['lab-result'] }],
      },
      {
        name: 'a helper of the same file',
        code: "const fetchJson = (endpoint, done) => {\n  fetch(endpoint).then((r) => r.json()).then((json) => done(json));\n};\nexport function show(id) {\n  fetchJson('/api/patients/' + id, (res) => console.log(res));\n}",
        filename: 'src/use.js',
        errors: [{ line: 5, column: 57, kinds: ['patient-record'] }],
      },
    ],
  });
});

// A function named for getting or building a log (`createStatusLog`) whose result the code uses returns a record
// called a log: it writes no line. Called for its effect, a function named like a logger still writes one.
runRuleTests('no-phi-in-logs', {
  valid: [
    "import { createStatusLog, getAuditLog } from './status';\nexport function crumbs(patient: any) {\n  const entries = getAuditLog(patient);\n  return { statusLog: createStatusLog(patient.medications, []), entries };\n}",
  ],
  invalid: [
    {
      name: 'the same function called as a statement, and a writer named like a logger',
      code: "import { createStatusLog, writeLog } from './status';\nexport function crumbs(patient: any) {\n  createStatusLog(patient.medications, []);\n  writeLog(patient.medications);\n}",
      errors: [{ line: 3, column: 19, kinds: ['medication'] }, { line: 4, column: 12, kinds: ['medication'] }],
    },
  ],
});

// A function named like a logger whose result is kept as an array element or an object's property builds a log entry
// the code hands on as data (a workflow platform's activity events, returned to it): it writes no line. Called as a
// statement, awaited for its effect, returned or kept in a variable (to be logged later), it still counts as a write.
runRuleTests('no-phi-in-logs', {
  valid: [
    "import { addActivityEventLog } from './events';\nexport async function complete(patient: { email: string }, onComplete: (r: unknown) => Promise<void>) {\n  await onComplete({ events: [addActivityEventLog({ message: `contact found with email ${patient.email}` })] });\n}",
    "import { addEventLog } from './events';\nexport function run(appointments: { startDate: string }[]) {\n  const events: unknown[] = [];\n  events.push(addEventLog({ message: `appointments ${JSON.stringify(appointments)}` }));\n  return { events, entry: addEventLog({ message: appointments[0].startDate }) };\n}",
  ],
  invalid: [
    {
      name: 'a logger-named function called for its effect, awaited, returned, or its entry kept in a variable (then logged)',
      code: "import { addActivityEventLog, writeLog } from './events';\ndeclare const helpers: any;\nexport async function run(patient: { email: string }) {\n  addActivityEventLog({ message: patient.email });\n  await writeLog(patient.email);\n  const entry = addActivityEventLog({ message: patient.email });\n  helpers.log({ entry });\n  return writeLog(patient.email);\n}",
      errors: [
        { line: 4, column: 23, kinds: ['email'] },
        { line: 5, column: 18, kinds: ['email'] },
        { line: 6, column: 37, kinds: ['email'] },
        { line: 8, column: 19, kinds: ['email'] },
      ],
    },
  ],
});

// Log levels (rubric): a call through a logger at a level the repository's own production configuration visibly drops
// writes nothing in production; when the production level cannot be seen, the call counts.
const debugNamespaces = { DEBUG: ['app,errors'] };
const winstonLogger = "import winston from 'winston';\nexport const logger = winston.createLogger({ level: 'info', transports: [new winston.transports.Console(), new winston.transports.File({ filename: 'error.log', level: 'error' })] });\nexport default logger;\n";
runRuleTests('no-phi-in-logs', {
  valid: [
    // the debug package writes only the namespaces the shipped DEBUG setting enables
    { code: "const debug = require('debug')('app:mailer');\nexport function send(patient: any) { debug('sending to %s', patient.email); }", environment: debugNamespaces },
    { code: "import createDebug from 'debug';\nconst log = createDebug('app:find').extend('dob');\nexport function f(patient: any) { log('dob', patient.dateOfBirth); }", environment: { DEBUG: ['app:*,-app:find:*'] } },
    // a literal level, the library's default level, and an environment default the shipped environment does not override
    { code: "import winston from 'winston';\nconst logger = winston.createLogger({ level: 'info' });\nexport function f(patient: any) { logger.debug('loaded', patient.dateOfBirth); logger.silly(patient.email); }" },
    { code: "const pino = require('pino');\nconst logger = pino();\nconst child = logger.child({ module: 'patients' });\nexport function f(patient: any) { child.debug({ nhsNumber: patient.nhsNumber }); logger.trace(patient.email); }" },
    { code: "import pino from 'pino';\nconst logger = pino({ level: process.env.LOG_LEVEL || 'warn' });\nexport function f(patient: any) { logger.debug(patient.email); }", environment: { NODE_ENV: ['production'] } },
    { code: "import log from 'loglevel';\nlog.setLevel('warn');\nexport function f(patient: any) { log.debug(patient.email); }" },
    // the logger created in another module and imported
    { code: "import logger from './logger';\nexport function f(patient: any) { logger.debug('patient', patient.lastName); }", filename: 'src/use.ts', workspace: { 'src/logger.ts': winstonLogger } },
    { code: "const { logger } = require('../lib/logger');\nexport function f(patient) { logger.verbose('patient', patient.lastName); }", filename: 'src/routes/use.js', workspace: { 'src/lib/logger.js': "const winston = require('winston');\nconst logger = winston.createLogger({ level: 'warn' });\nmodule.exports = { logger };\n" } },
    // the library required in place; a level chosen by NODE_ENV where the shipped environment runs production
    { code: "const logger = require('pino')({ level: 'warn' });\nconst audit = require('winston').createLogger({ level: 'info' });\nexport function f(patient: any) { logger.debug(patient.email); audit.debug(patient.email); }" },
    { code: "import pino from 'pino';\nconst logger = pino({ level: process.env.NODE_ENV === 'production' ? 'info' : 'debug' });\nexport function f(patient: any) { logger.debug(patient.email); }", environment: { NODE_ENV: ['production'] } },
    // a class field set to a logger, and a child of an imported logger
    { code: "import pino from 'pino';\nexport class Reminders {\n  private readonly logger = pino({ level: 'info' });\n  send(patient: any) { this.logger.debug('sending', patient.email); }\n}" },
    { code: "import { logger } from './logger';\nconst log = logger.child({ module: 'reminders' });\nexport function send(patient: any) { log.debug('sending', patient.email); }", filename: 'src/use.ts', workspace: { 'src/logger.ts': winstonLogger } },
    // a monorepo package's logger, re-exported by the package folder's index
    {
      code: "import { log } from '@clinic/shared/services/logging';\nexport function notify(patient: any) { log.debug('notifying', patient.email); }",
      filename: 'packages/server/app/login.ts',
      workspace: {
        'packages/shared/src/services/logging/index.js': "export * from './log.js';\nexport * from './http.js';\n",
        'packages/shared/src/services/logging/log.js': "import winston from 'winston';\nexport const log = winston.createLogger({ level: 'info', format: winston.format.json() });\n",
      },
    },
  ],
  invalid: [
    {
      name: 'a debug namespace the shipped DEBUG setting enables, and one whose setting cannot be seen (no DEBUG shipped)',
      code: "const debug = require('debug')('app:mailer');\nconst errors = require('debug')('errors');\nexport function send(patient: any) {\n  debug('sending to %s', patient.email);\n  errors('failed for %s', patient.email);\n}",
      environment: { DEBUG: ['app:*'] },
      errors: [{ line: 4, column: 26, kinds: ['email'] }],
    },
    {
      name: 'no DEBUG setting shipped at all: the namespace may be on',
      code: "const debug = require('debug')('app:mailer');\nexport function send(patient: any) { debug('sending to %s', patient.email); }",
      errors: [{ line: 2, column: 61, kinds: ['email'] }],
    },
    {
      name: 'code that turns debug namespaces on (`debug.enable`) in another module: DEBUG does not decide alone',
      code: "const debug = require('debug')('app:mailer');\nexport function send(patient: any) { debug('sending to %s', patient.email); }",
      environment: debugNamespaces,
      workspace: { 'src/boot.js': "const createDebug = require('debug');\ncreateDebug.enable('app:*');\n" },
      errors: [{ line: 2, column: 61, kinds: ['email'] }],
    },
    {
      name: 'an empty DEBUG placeholder in a template shows nothing: the namespace may be on',
      code: "const debug = require('debug')('app:mailer');\nexport function send(patient: any) { debug('sending to %s', patient.email); }",
      environment: { DEBUG: [''] },
      errors: [{ line: 2, column: 61, kinds: ['email'] }],
    },
    {
      name: 'a shipped DEBUG value the reading cannot resolve may enable it',
      code: "const debug = require('debug')('app:mailer');\nexport function send(patient: any) { debug('sending to %s', patient.email); }",
      environment: { DEBUG: ['${DEBUG_NAMESPACES}'] },
      errors: [{ line: 2, column: 61, kinds: ['email'] }],
    },
    {
      name: 'levels at or above the production level are written; an env-driven level the shipped environment sets to debug writes debug',
      code: "import pino from 'pino';\nconst logger = pino({ level: process.env.LOG_LEVEL || 'info' });\nexport function f(patient: any) {\n  logger.info(patient.email);\n  logger.debug(patient.email);\n}",
      environment: { LOG_LEVEL: ['debug'] },
      errors: [{ line: 4, column: 15, kinds: ['email'] }, { line: 5, column: 16, kinds: ['email'] }],
    },
    {
      name: 'a level the code does not show (a config object, a ternary, no default) counts',
      code: "import winston from 'winston';\ndeclare const config: any;\nconst a = winston.createLogger({ level: config.logLevel });\nconst b = winston.createLogger({ level: process.env.LOG_LEVEL });\nexport function f(patient: any) {\n  a.debug(patient.email);\n  b.debug(patient.email);\n}",
      errors: [{ line: 6, column: 11, kinds: ['email'] }, { line: 7, column: 11, kinds: ['email'] }],
    },
    {
      name: 'near miss: the same package logger written at info; a package specifier two modules could be is left unresolved',
      code: "import { log } from '@clinic/shared/services/logging';\nimport { auditLog } from '@clinic/shared';\nexport function notify(patient: any) {\n  log.info('notifying', patient.email);\n  auditLog.debug('notifying', patient.email);\n}",
      filename: 'packages/server/app/login.ts',
      workspace: {
        'packages/shared/src/services/logging/index.js': "export * from './log.js';\n",
        'packages/shared/src/services/logging/log.js': "import winston from 'winston';\nexport const log = winston.createLogger({ level: 'info' });\n",
        'packages/shared/src/index.js': "export * from './a.js';\n",
        'packages/shared/index.js': "export * from './b.js';\n",
        'packages/shared/src/a.js': "import winston from 'winston';\nexport const auditLog = winston.createLogger({ level: 'info' });\n",
      },
      errors: [{ line: 4, column: 25, kinds: ['email'] }, { line: 5, column: 31, kinds: ['email'] }],
    },
    {
      name: 'near miss: a class field whose classes disagree, and a child of an imported logger at info',
      code: "import pino from 'pino';\nimport { logger } from './logger';\nconst log = logger.child({ module: 'reminders' });\nexport class A {\n  private readonly logger = pino({ level: 'info' });\n}\nexport class B {\n  private readonly logger = pino({ level: 'debug' });\n  send(patient: any) {\n    this.logger.debug('sending', patient.email);\n    log.info('sending', patient.email);\n  }\n}",
      filename: 'src/use.ts',
      workspace: { 'src/logger.ts': winstonLogger },
      errors: [{ line: 10, column: 34, kinds: ['email'] }, { line: 11, column: 25, kinds: ['email'] }],
    },
    {
      name: "winston: a transport's own level overrides the logger's; a transport the reading cannot see may have one",
      code: "import winston from 'winston';\nimport { consoleTransport } from './transports';\nconst a = winston.createLogger({ level: 'info', transports: [new winston.transports.Console({ level: 'debug' })] });\nconst b = winston.createLogger({ level: 'info', transports: [consoleTransport] });\nexport function f(patient: any) {\n  a.debug(patient.email);\n  b.debug(patient.email);\n}",
      errors: [{ line: 6, column: 11, kinds: ['email'] }, { line: 7, column: 11, kinds: ['email'] }],
    },
    {
      name: 'a level chosen by NODE_ENV where the shipped environment does not say production: the other branch',
      code: "import pino from 'pino';\nconst logger = pino({ level: process.env.NODE_ENV !== 'production' ? 'debug' : 'info' });\nexport function f(patient: any) { logger.debug(patient.email); }",
      environment: { NODE_ENV: ['production', 'development'] },
      errors: [{ line: 3, column: 48, kinds: ['email'] }],
    },
    {
      name: 'a level changed at run time: in a function of the defining module, or by another module that imports the logger',
      code: "import winston from 'winston';\nimport { logger } from './logger';\nconst local = winston.createLogger({ level: 'info' });\nexport function configure(level: string) { local.level = level; }\nexport function f(patient: any) {\n  local.debug(patient.email);\n  logger.debug(patient.email);\n}",
      filename: 'src/use.ts',
      workspace: { 'src/logger.ts': winstonLogger, 'src/boot.ts': "import { logger } from './logger';\nexport function start(config: any) {\n  logger.level = config.logLevel;\n}\n" },
      errors: [{ line: 6, column: 15, kinds: ['email'] }, { line: 7, column: 16, kinds: ['email'] }],
    },
    {
      name: 'a logger whose level is debug; and a logger imported from a module that does not set its level',
      code: "import logger from './logger';\nimport { auditLogger } from './other';\nexport function f(patient: any) {\n  logger.debug(patient.email);\n  auditLogger.debug(patient.email);\n}",
      filename: 'src/use.ts',
      workspace: { 'src/logger.ts': "import winston from 'winston';\nconst logger = winston.createLogger({ level: 'debug' });\nexport default logger;\n", 'src/other.ts': "declare function makeLogger(): any;\nexport const auditLogger = makeLogger();\n" },
      errors: [{ line: 4, column: 16, kinds: ['email'] }, { line: 5, column: 21, kinds: ['email'] }],
    },
  ],
});

// Data flow the engine follows beyond one function (issue: recall on untuned code): a field of `this` one method assigns
// and another logs; a nested function of an AngularJS controller reading `vm.x`/`$scope.x` a sibling sets; a callback
// passed by name. What is assigned decides: an error, a settings read, a count are not a patient's record.
runRuleTests('no-phi-in-logs', {
  valid: [
    {
      name: 'a field assigned an error, a settings response or a count in one method and logged in another',
      code: "import axios from 'axios';\nexport class Store {\n  problem: any; current: any; total = 0;\n  debug() { console.log(this.problem, this.current, this.total); }\n  load(id: string) {\n    axios.get(`/api/patients/${id}`).then((response) => { this.total = response.data.length; }).catch((e) => { this.problem = e; });\n    axios.get('/api/settings').then((response) => { this.current = response.data; });\n  }\n}",
    },
    {
      name: 'a field of a response another method assigned, whose shape the code does not know, read for one of its fields',
      code: "import axios from 'axios';\nexport class Beds {\n  current: any;\n  show() { console.log('bed', this.current.room.name); }\n  load(id: string) {\n    axios.get(`/api/patients/${id}/bed`).then((response) => { this.current = response.data; });\n  }\n}",
    },
    {
      name: "a report's filters: a field declared with a record type but initialised (or assigned) a fresh instance, read for its filters",
      workspace: { 'src/report.model.ts': 'export class VisitReportModel { public PatientName: string = null; public Diagnosis: string = null; public fromDate: string = null; public DateOfBirth: string = null; }\n' },
      code: "import { VisitReportModel } from './report.model';\nexport class VisitReport {\n  public current: VisitReportModel = new VisitReportModel();\n  public other: any;\n  reset() { this.other = new VisitReportModel(); }\n  load() { console.log('filters', this.current.fromDate, this.other); }\n}",
    },
    {
      name: "a field declared with a staff member's type, logged",
      workspace: { 'src/types.ts': 'export interface Practitioner { name: string; phone: string; email: string }\n' },
      code: "import { Practitioner } from './types';\nexport class Roster {\n  public onDuty?: Practitioner = undefined;\n  show() { console.log('on duty', this.onDuty); }\n}",
    },
    {
      name: "a field holding what only names guess (a report's filters), set in one method and logged in another",
      code: "export class Filters {\n  query: any;\n  text = '';\n  build() { this.query = { patientPhone: this.text, visitStart: this.text }; }\n  show() { console.log('filters', this.query); }\n}",
    },
    {
      name: "a controller's $scope field set from a staff list, logged by another nested function",
      filename: 'app/providers.controller.js',
      code: "angular.module('app').controller('ProvidersCtrl', function ($scope, $http) {\n  $scope.show = function () { console.log($scope.items); };\n  $http.get('/openmrs/ws/rest/v1/provider').then(function (response) { $scope.items = response.data; });\n});",
    },
    {
      name: 'a named callback of a settings read, and a named error callback of a patient read',
      code: "import axios from 'axios';\nfunction onLoaded(response: any) { console.log(response.data); }\nfunction onFailed(error: any) { console.log(error); }\nexport function load(id: string) {\n  axios.get('/api/settings').then(onLoaded);\n  axios.get(`/api/patients/${id}`).then(() => undefined, onFailed);\n  axios.get(`/api/patients/${id}`).catch(onFailed);\n}",
    },
  ],
  invalid: [
    {
      name: 'a field one method assigns a patient response and another method (above it) logs',
      code: "import axios from 'axios';\nexport class Store {\n  current: any;\n  debug() { console.log(this.current); }\n  load(id: string) {\n    axios.get(`/api/patients/${id}`).then((response) => { this.current = response.data; });\n  }\n}",
      errors: [{ line: 4, column: 25 }],
    },
    {
      name: 'a field declared (optional, initialised to undefined) with a record type of another file, logged',
      workspace: { 'src/types.ts': 'export interface Patient { name: string; birthDate: string }\nexport interface Props { patient: Patient; encounterDate: string }\n' },
      code: "import { Props } from './types';\nexport class PropsService {\n  public lastProps?: Props = undefined;\n  fail() { console.error('missing', this.lastProps); }\n}",
      errors: [{ line: 4, column: 37 }],
    },
    {
      name: 'a field assigned a typed parameter in one method, logged in another',
      code: "interface Patient { name: string; birthDate: string; phone: string }\nexport class Picker {\n  chosen: any;\n  select(p: Patient) { this.chosen = p; }\n  report() { console.info('chosen', this.chosen); }\n}",
      errors: [{ line: 5, column: 37 }],
    },
    {
      name: "AngularJS: vm.x and $scope.x set by one nested function, logged by another walked earlier",
      filename: 'app/patient.controller.js',
      code: "angular.module('app').controller('PatientCtrl', function ($scope, $http) {\n  var vm = this;\n  $scope.show = function () { console.log($scope.item); };\n  function keep() { console.log(vm.entry); }\n  function load(id) {\n    $http.get('/openmrs/ws/rest/v1/patient/' + id).then(function (response) {\n      vm.entry = response.data;\n      $scope.item = response.data;\n    });\n  }\n  vm.keep = keep;\n  load(1);\n});",
      errors: [{ line: 3, column: 43 }, { line: 4, column: 33 }],
    },
    {
      name: 'callbacks passed by name: .then(onLoaded), .then(this.handle), a request helper handed handle',
      code: "import axios from 'axios';\nfunction onLoaded(response: any) { console.log(response.data); }\nfunction getFromServer(url: string, callback: (d: any) => void) {\n  fetch(url).then((raw) => raw.json()).then((data) => callback(data));\n}\nfunction handle(data: any) { console.warn(data); }\nexport class Page {\n  handleResponse(res: any) { console.error(res); }\n  load(id: string) {\n    axios.get(`/api/patients/${id}`).then(onLoaded);\n    axios.get(`/api/encounters/${id}`).then(this.handleResponse.bind(this));\n    getFromServer('/api/patients/' + id, handle);\n  }\n}",
      errors: [{ line: 2, column: 48 }, { line: 6, column: 43 }, { line: 8, column: 44 }],
    },
  ],
});

// A React class component's state (issue: recall on component state): each field holds what the class puts there —
// `this.state = {…}`, `state = {…}`, `setState({…})`, `setState((previous) => ({…}))` — so `this.state.x` and `x`
// destructured from `this.state` carry it in every method. Only a person's record the code proves (a prop or navigation
// parameter named for a patient, person, case or contact; a patient route's response): flags, counts, filters, staff
// records, reference lists and an entry picked by a run-time key are not.
runRuleTests('no-phi-in-logs', {
  valid: [
    {
      name: "a component's flags, counts, filters, staff user and reference lists kept in state, logged",
      filename: 'src/screens/ListScreen.js',
      code: "import React, { Component } from 'react';\nimport axios from 'axios';\nclass ListScreen extends Component {\n  state = { loading: false, total: 0, filter: this.props.filter, user: this.props.user, locations: this.props.locations };\n  componentDidMount() {\n    axios.get('/api/settings').then((response) => this.setState({ settings: response.data, total: response.data.length }));\n  }\n  onChange = (index, key) => {\n    this.setState({ [key]: index, loading: true }, () => console.log('changed', this.state[key], this.state.loading, this.state.total));\n    console.log('filters', this.state.filter, this.state.user, this.state.locations, this.state.settings);\n  };\n  render() { return null; }\n}\nexport default ListScreen;",
    },
    {
      name: "another key of a component's state that holds a contact (a follow-up item edited beside it), logged",
      filename: 'src/screens/ContactScreen.js',
      code: "import React, { Component } from 'react';\nclass ContactScreen extends Component {\n  state = { contact: this.props.contact, item: this.props.item, index: 0 };\n  onChange = (value, id) => {\n    this.setState((prev) => ({ item: Object.assign({}, prev.item, { [id]: value }) }), () => console.log('item', this.state.item, this.state.index));\n  };\n  render() { return null; }\n}\nexport default ContactScreen;",
    },
    {
      name: 'a screen named for no clinical kind (settings, a location list) keeps the generic record it is handed in state, logged',
      filename: 'src/screens/SettingsScreen.js',
      code: "import React, { Component } from 'react';\nclass SettingsScreen extends Component {\n  state = { item: this.props.item };\n  show() { console.log('item', this.state.item); }\n  render() { return null; }\n}\nclass LocationsListView extends Component {\n  state = { entry: this.props.route.params.entry };\n  show() { console.log('entry', this.state.entry); }\n  render() { return null; }\n}\nexport { SettingsScreen, LocationsListView };",
    },
    {
      name: 'a plain class (not a component) with a state field set from a person-named argument, logged',
      code: "export class Machine {\n  state: any;\n  constructor(props: any) { this.state = { contact: props.contact }; }\n  show() { console.log('state', this.state.contact); }\n}",
    },
  ],
  invalid: [
    {
      name: 'a screen keeps the contact it is handed in state and logs it after every edit (setState updater and callback)',
      filename: 'src/screens/ContactScreen.js',
      code: "import React, { Component } from 'react';\nclass ContactScreen extends Component {\n  constructor(props) {\n    super(props);\n    this.state = { isModified: false, contact: this.props.isNew ? { firstName: '' } : Object.assign({}, this.props.contact) };\n  }\n  onChangeText = (value, id) => {\n    this.setState((prevState) => ({ contact: Object.assign({}, prevState.contact, { [id]: value }), isModified: true }), () => {\n      console.log('after edit', this.state.contact);\n    });\n  };\n  render() { return null; }\n}\nexport default ContactScreen;",
      errors: [{ line: 9, column: 33 }],
    },
    {
      name: "a navigation parameter (getParam('case'), route.params.patient) kept in state, logged destructured and whole in another method",
      filename: 'src/screens/CaseScreen.tsx',
      code: "import React from 'react';\nexport default class CaseScreen extends React.Component<any, any> {\n  state = { tab: 0, patient: this.props.route.params?.patient };\n  componentDidMount() {\n    this.setState({ record: this.props.navigation.getParam('case') });\n  }\n  save() {\n    const { record, tab } = this.state;\n    console.info('saving', record, tab);\n    console.warn('patient', this.state.patient);\n  }\n  render() { return null; }\n}",
      errors: [{ line: 9, column: 28 }, { line: 10, column: 29 }],
    },
    {
      name: 'a screen named for one clinical kind keeps the generic record it is handed (item) in state and logs it after an edit',
      filename: 'src/screens/LabResultsSingleScreen.js',
      code: "import React, { Component } from 'react';\nclass LabResultsSingleScreen extends Component {\n  constructor(props) {\n    super(props);\n    this.state = { index: 0, item: this.props.item || {} };\n  }\n  onChangeDate = (value, id) => {\n    this.setState((prev) => ({ item: Object.assign({}, prev.item, { [id]: value }) }), () => console.log('edited', this.state.item));\n  };\n  render() { return null; }\n}\nexport default LabResultsSingleScreen;",
      errors: [{ line: 8, column: 116 }],
    },
    {
      name: "a patient route's response set in state by one method and logged by a method above it",
      filename: 'src/components/Chart.jsx',
      code: "import React, { PureComponent } from 'react';\nimport axios from 'axios';\nexport class Chart extends PureComponent {\n  debug() { console.log('chart of', this.state.current); }\n  componentDidMount() {\n    axios.get(`/api/patients/${this.props.id}`).then((response) => { this.setState({ current: response.data }); });\n  }\n  render() { return null; }\n}",
      errors: [{ line: 4, column: 37 }],
    },
  ],
});

// Log levels (rubric): console methods the app's shipped page or entry module replaces with no-ops before it runs
// (`window.console.log = function () {};`) write nothing; the other console methods and other loggers still write.
describe('no-phi-in-logs: console methods the app silences (round 16)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      { code: 'export function show(patient: any) { console.log(patient.email); console.warn(patient.dateOfBirth); }', silencedConsole: ['log', 'warn'] },
      { code: 'export function show(patient: any) { window.console.log(patient.email); }', silencedConsole: ['log'] },
    ],
    invalid: [
      {
        name: 'near miss: the same call when the app silences nothing',
        code: 'export function show(patient: any) { console.log(patient.email); }',
        errors: [{ line: 1, column: 50 }],
      },
      {
        name: 'near miss: console.error and console.info are not silenced, nor a logger with a silenced method name',
        code: "import pino from 'pino';\nconst logger = pino();\nexport function show(patient: any) {\n  console.error(patient.email);\n  console.info(patient.email);\n  logger.warn(patient.email);\n}",
        silencedConsole: ['log', 'warn'],
        errors: [{ line: 4, column: 17 }, { line: 5, column: 16 }, { line: 6, column: 15 }],
      },
    ],
  });
});

// A read named only for the key it looks up by (an ORM model's `findById`, Sequelize's `findByPk`, a repository's
// `getById`) resolves with the record stored under that key: the `Id` in the method's name is the argument's, so the
// result is what the receiver's name says it holds (round 17). A model of staff, of settings or of nothing named
// stays silent, and so does the key itself.
describe('no-phi-in-logs: reads by key resolve with the record (round 17)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      "import { UserModel } from './models';\nexport async function f(id: string) { const doc = await UserModel.findById(id); console.log(doc); }",
      "declare const db: any;\nexport async function f(id: string) { const row = await db.Setting.findByPk(id); console.error('bad setting', row); }",
      "import { Encounter } from './models';\nexport async function f(id: string) { const found = await Encounter.findById(id); console.log('loaded', found.id, id); }",
      "export class S {\n  constructor(private practitionerRepository: any) {}\n  async f(id: string) { const doc = await this.practitionerRepository.getById(id); console.log(doc); }\n}",
      // a read named for an id by a key returns the id; a read of staff or settings by id returns no patient's record
      "import { getPatientIdByMrn, getUserById, getSettingsByKey } from './api';\nexport async function f(mrn: string) {\n  const found = await getPatientIdByMrn(mrn);\n  console.log(found, await getUserById(mrn), await getSettingsByKey('x'));\n}",
    ],
    invalid: [
      {
        name: "a Mongoose model's findById resolves with the model's document",
        code: "import { EncounterModel } from './models';\nexport async function f(id: string) {\n  const doc = await EncounterModel.findById(id);\n  console.log(doc);\n}",
        errors: [{ line: 4, column: 15 }],
      },
      {
        name: "Sequelize's findByPk on a model held by the db object, and findOneById",
        code: "declare const db: any;\nexport async function f(id: string, logger: any) {\n  const row = await db.Prescription.findByPk(id);\n  logger.error('could not dispense', row);\n  const other = await db.Prescription.findOneById(id);\n  console.warn(other);\n}",
        errors: [{ line: 4, column: 38 }, { line: 6, column: 16 }],
      },
      {
        name: 'a function named for the record it reads by a key resolves with that record, not with the key',
        code: "import { getEncounterById, fetchObservationsByPatientUuid } from './api';\nexport async function f(id: string) {\n  const visit = await getEncounterById(id);\n  console.log(visit);\n  const results = await fetchObservationsByPatientUuid(id);\n  console.log(results);\n}",
        errors: [{ line: 4, column: 15 }, { line: 6, column: 15 }],
      },
      {
        name: "a repository's getById",
        code: "export class S {\n  constructor(private encounterRepository: any) {}\n  async f(id: string) {\n    const doc = await this.encounterRepository.getById(id);\n    console.log(doc);\n  }\n}",
        errors: [{ line: 5, column: 17 }],
      },
    ],
  });
});

// lodash's and underscore's collection functions do what the Array methods of the same names do with their first
// argument (round 17): the same records (`_.filter`, `_.sortBy`), one of them (`_.find`, `_.first`), or what the
// callback makes of one (`_.map(xs, fn)`). Ids picked out, a collection of staff, and a `_` the file binds to
// something else stay silent.
describe('no-phi-in-logs: lodash and underscore collection functions (round 17)', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      "import _ from 'lodash';\nexport function f(patients: { id: string; diagnosis: string }[]) { console.log(_.map(patients, (p) => p.id), _.find(patients, (p) => !!p.id)?.id); }",
      "import _ from 'lodash';\nexport function f(staffMembers: { name: string; active: boolean }[]) { console.log(_.filter(staffMembers, (s) => s.active)); }",
      "import _ from 'lodash';\nexport function f(codes: string[]) { console.log(_.sortBy(codes)); }",
      "const _ = { filter: (a: unknown[], f: unknown) => [] as unknown[] };\nexport function f(patients: { diagnosis: string }[]) { console.log(_.filter(patients, () => true)); }",
    ],
    invalid: [
      {
        name: 'the same records: _.filter and _.sortBy of lodash',
        code: "import _ from 'lodash';\nexport function f(patients: { name: string; diagnosis: string; active: boolean }[]) {\n  const active = _.filter(patients, (p) => p.active);\n  console.log(active);\n  console.warn(_.sortBy(patients, 'name'));\n}",
        errors: [{ line: 4, column: 15 }, { line: 5, column: 16 }],
      },
      {
        name: 'one of them: _.find of underscore',
        code: "import _ from 'underscore';\nexport function f(patients: { name: string; diagnosis: string; active: boolean }[]) {\n  const found = _.find(patients, (p) => p.active);\n  console.log(found);\n}",
        errors: [{ line: 4, column: 15 }],
      },
      {
        name: 'what the callback makes of one: a clinical model built from each summary',
        code: "import _ from 'lodash';\nimport { Observation } from './models';\nexport function f(summaries: any[], concept: any) {\n  const built = _.map(summaries, (s) => Observation.create(concept, s.value));\n  console.log('summary', built);\n}",
        errors: [{ line: 5, column: 26 }],
      },
      {
        name: 'a single-function import: map from lodash/map and filter from lodash-es',
        code: "import map from 'lodash/map';\nimport { filter } from 'lodash-es';\nexport function f(patients: { diagnosis: string; active: boolean }[]) {\n  console.log(map(patients, (p) => p.diagnosis));\n  console.log(filter(patients, (p) => p.active));\n}",
        errors: [{ line: 4, column: 15 }, { line: 5, column: 15 }],
      },
    ],
  });
});

// A response logged where the code's own test says it failed or brought no payload: a success status conjoined with
// tests that the payload is there (`res.ok && data.data`, `res.status === 200 && rows.length > 0`), a success status
// compared with `===`, and their negations. The response, or a value declared from it, is the server's error report.
describe('no-phi-in-logs: a response logged where its success test, with its payload test, failed', () => {
  const load = (test: string, logged: string, declared = '') =>
    `export async function load(id: string) {\n  const response = await fetch(\`/api/patients/\${id}/history\`);\n  const data = await response.json();\n${declared}  if (${test}) {\n    return data.data;\n  } else {\n    console.error('request failed', ${logged});\n  }\n}`;
  runRuleTests('no-phi-in-logs', {
    valid: [
      // an envelope's status compared with a success code: the other branch is the server's error
      load('data.statusCode === 200', 'data'),
      // a success status and the payload's presence: the other branch failed or brought nothing
      load('response.ok && data.data', 'data'),
      load('data.statusCode === 200 && data.data?.url', 'data'),
      load('response.status === 200 && rows && rows.length > 0', 'response', '  const rows = data.data || data.result || [];\n'),
      // negated: a failure or an absent payload
      // a value tested for its HTTP outcome is a response, whatever the engine knows of the API wrapper it came from
      "import API from './api';\nexport async function save(treatment: { diagnosis: string }) {\n  const treatmentResponse = await API.put({ path: '/treatment', body: treatment });\n  if (treatmentResponse.ok) {\n    return treatmentResponse.data;\n  } else {\n    console.error('update failed', { treatmentResponse });\n  }\n  if (treatmentResponse.status !== 200) console.error('update failed', treatmentResponse);\n}",
      "export async function load(id: string) {\n  const response = await fetch(`/api/patients/${id}/history`);\n  const data = await response.json();\n  if (!response.ok || !data.data) {\n    console.error('request failed', data);\n    return;\n  }\n  return data.data;\n}",
    ],
    invalid: [
      {
        name: 'near miss: an API wrapper\'s result logged where its HTTP outcome was success, and a record tested on a field that is no HTTP outcome',
        code: "import API from './api';\nexport async function save(treatment: { diagnosis: string; valid: boolean }) {\n  const treatmentResponse = await API.put({ path: '/treatment', body: treatment });\n  if (treatmentResponse.ok) console.log('saved', { treatmentResponse });\n  if (treatment.valid) return;\n  else console.error('invalid', treatment);\n}",
        errors: [
          { line: 4, column: 50, kinds: ['procedure'] },
          { line: 6, column: 33, kinds: ['procedure'] },
        ],
      },
      {
        name: 'near miss: the same response logged before its test, in the success branch, and where the test was of something else',
        code: "declare const user: { isAdmin: boolean };\nexport async function load(id: string) {\n  const response = await fetch(`/api/patients/${id}/history`);\n  const data = await response.json();\n  console.log('loaded', data);\n  if (data.statusCode === 200) console.log('ok', data);\n  if (response.ok && user.isAdmin) return;\n  else console.error('failed', data);\n  if (response.ok && data.total > 0) return;\n  else console.error('failed', data);\n}",
        errors: [
          { line: 5, column: 25, kinds: ['patient-record'] },
          { line: 6, column: 50, kinds: ['patient-record'] },
          { line: 8, column: 32, kinds: ['patient-record'] },
          { line: 10, column: 32, kinds: ['patient-record'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-logs: a picture taken with the camera is a photograph of the person', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // what describes the capture (its size, its format) is no one's
      "import { WebcamImage } from 'ngx-webcam';\nexport class Camera {\n  capture(webcamImage: WebcamImage) {\n    console.info('captured', webcamImage.imageData.width, webcamImage.mimeType);\n  }\n}",
      // a field assigned only in a branch that may not run keeps what the class says it holds (nothing here)
      "export class Camera {\n  status = '';\n  capture(ok: boolean) {\n    if (ok) this.status = 'done';\n    console.info('status', this.status);\n  }\n}",
      // a type of that name the workspace declares itself is what it declares
      "interface WebcamImage { width: number; height: number }\nexport function f(webcamImage: WebcamImage) { console.info('captured', webcamImage); }",
    ],
    invalid: [
      {
        name: 'ngx-webcam image logged whole, as a data URL, and through a field of the component',
        code: "import { WebcamImage } from 'ngx-webcam';\nexport class Camera {\n  webcamImage!: WebcamImage;\n  sysImage = '';\n  capture(webcamImage: WebcamImage) {\n    console.info('got image', webcamImage);\n    if (webcamImage) { this.sysImage = webcamImage?.imageAsDataUrl;\n    console.info('as data url', this.sysImage); }\n    this.webcamImage = webcamImage;\n  }\n  snapshot() {\n    console.info('snapshot', this.webcamImage);\n  }\n}",
        errors: [{ line: 6, column: 31, kinds: ['photo'] }, { line: 8, column: 33, kinds: ['photo'] }, { line: 12, column: 30, kinds: ['photo'] }],
      },
    ],
  });
});

describe('no-phi-in-logs: HIV monitoring results and the complaint a patient presents with are clinical data', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // a concept's code, a flag and a count of results are not anyone's result
      "const VIRAL_LOAD_CONCEPT = 'a8a2f4e0-1350-11df-a1f1-0026b9348838';\nexport function f(hasViralLoad: boolean, cd4Results: unknown[]) {\n  console.log('concept', VIRAL_LOAD_CONCEPT, hasViralLoad, cd4Results.length);\n}",
    ],
    invalid: [
      {
        name: 'the last CD4 result and the viral load fetched for a patient',
        code: "declare const api: any;\nexport async function eligibility(patientId: string) {\n  const lastCd4Result = await api.get(`/cd4/${patientId}`);\n  console.log('Eligibility', lastCd4Result);\n  const { viralLoad } = await api.get(`/vl/${patientId}`);\n  console.log(`VL ${viralLoad}`);\n}",
        errors: [{ line: 4, column: 30, kinds: ['lab-result'] }, { line: 6, column: 15, kinds: ['lab-result'] }],
      },
      {
        name: 'the presenting complaint entered for a patient',
        code: "export function save(presentingComplaint: string) {\n  console.log({ presentingComplaint });\n}",
        errors: [{ line: 2, column: 15, kinds: ['diagnosis'] }],
      },
    ],
  });
});

// Kenya's HIV care patient number (the Comprehensive Care Centre number) identifies the patient like a record number.
describe('no-phi-in-logs: the CCC number is a patient record number', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // whether a patient has one is a flag, and its identifier type's uuid is configuration
      "export function banner(hasCccNumber: boolean, cccNumberIdentifierType: string) {\n  console.log('ccc', hasCccNumber, cccNumberIdentifierType);\n}",
    ],
    invalid: [
      {
        name: 'the CCC number logged under its camel-case and snake-case names',
        code: "export function enrol(body: { ccc_number: string }, cccNo: string) {\n  console.log('enrolled', body.ccc_number);\n  console.log(`client ${cccNo}`);\n}",
        errors: [{ line: 2, column: 27, kinds: ['mrn'] }, { line: 3, column: 15, kinds: ['mrn'] }],
      },
    ],
  });
});

// The clinic number is the number a patient is registered under at an HIV/ART or specialist clinic (Kenya's CCC number
// is stored as `clinic_number`).
describe('no-phi-in-logs: the clinic number is a patient record number', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // whether a client has one is a flag, and its identifier type is configuration
      "export function banner(hasClinicNumber: boolean, clinicNumberIdentifierType: string) {\n  console.log('clinic no', hasClinicNumber, clinicNumberIdentifierType);\n}",
    ],
    invalid: [
      {
        name: 'the clinic number logged under its snake-case and abbreviated names',
        code: "export function trace(client: { clinic_number: string }, clinicNo: string) {\n  console.log('tracing', client.clinic_number);\n  console.log(`client ${clinicNo}`);\n}",
        errors: [{ line: 2, column: 26, kinds: ['mrn'] }, { line: 3, column: 15, kinds: ['mrn'] }],
      },
    ],
  });
});

// Malawi's National Patient Identifier, issued to every patient by the national demographics service.
describe('no-phi-in-logs: the NPID is a national patient identifier', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      // its identifier type's id and a count are configuration and aggregates
      "export function f(npidTypeId: number, npidCount: number) {\n  console.log('npid type', npidTypeId, npidCount);\n}",
    ],
    invalid: [
      {
        name: 'a scanned NPID and a national patient id logged',
        code: "export function scanned(npid: string, patient: { nationalPatientId: string }) {\n  console.log('scanned', npid);\n  console.log(patient.nationalPatientId);\n}",
        errors: [{ line: 2, column: 26, kinds: ['national-id'] }, { line: 3, column: 15, kinds: ['national-id'] }],
      },
    ],
  });
});

// `const pTrackerId = obs?.value`, `const phone = event.target.value`: the `value` of a form control, an input or an
// observation is whatever was entered or recorded there, so the variable's name says what it holds. A name that guesses
// nothing, or a system's contact (`organizationPhone`), stays silent.
describe('no-phi-in-logs: a generic `.value` read takes the kinds its variable is named for', () => {
  runRuleTests('no-phi-in-logs', {
    valid: [
      "export function f(event: any, obs: any, org: any) {\n  const selected = event.target.value;\n  console.log(selected);\n  const organizationPhone = org.value;\n  console.log(organizationPhone);\n  const count = obs?.value;\n  console.log(count);\n}",
      // the read itself names what it holds: its own member decides
      "export function g(obs: any) {\n  const phone = obs.value.length;\n  console.log(phone);\n}",
      // picked from a non-person resource's identifier list: judged by whose resource it is (a lab's account number)
      "export function a(location: any, report: any) {\n  const accountNumber = location.identifier?.find((i: any) => i.system === 'lab')?.value;\n  console.log(accountNumber);\n  const mrn = report.identifier.find((i: any) => i.use === 'official').value;\n  console.log(mrn);\n}",
    ],
    invalid: [
      {
        name: 'a phone number typed into an input and a record number read from an observation',
        code: "export function h(event: any, obs: any) {\n  const phone = event.target.value;\n  console.log('typed', phone);\n  const pTrackerId = obs?.value;\n  console.log(pTrackerId);\n}",
        errors: [{ line: 3, column: 24, kinds: ['phone'] }, { line: 5, column: 15, kinds: ['mrn'] }],
      },
    ],
  });
});
