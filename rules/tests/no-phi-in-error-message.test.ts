import { runRuleTests } from './rule-tester';

runRuleTests('no-phi-in-error-message', {
  valid: [
    // only the document's id in the message
    { code: "import { Receta } from './receta.schema';\nexport async function check(id: string) {\n  const receta = await Receta.findById(id);\n  if (!receta.valid) throw new Error(`invalid prescription ${receta._id}`);\n}", workspace: { "src/receta.schema.ts": "import * as mongoose from 'mongoose';\nexport const recetaSchema = new mongoose.Schema({ paciente: { nombre: String, documento: String }, valid: Boolean });\nexport const Receta = mongoose.model('receta', recetaSchema, 'receta');" } },
    // the branch taken when the value is missing: the message can only say it was not there (round 11)
    "export const handler = async (dateOfBirth?: string) => {\n  if (!dateOfBirth) return { statusCode: 400, body: JSON.stringify({ error: `No birth date: ${dateOfBirth}` }) };\n  return { statusCode: 200, body: '' };\n};",
    // a FHIR server's 404 echoing the URL its client asked for: nothing the client did not send
    "const fhirRoutes = require('./routes/fhir');\ndeclare const app: any;\napp.use('*', (req: any, res: any) => {\n  res.status(404).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', details: { text: `Endpoint not found: ${req.originalUrl}` } }] });\n});",
    // a whole FHIR resource in a template literal, in code that imports FHIR types, renders as `[object Object]`
    "import type { MedicationRequest } from 'fhir/r4';\nexport function dispense(medicationRequest: any) {\n  throw new Error(`Cannot dispense ${medicationRequest}`);\n}",
    "import type { Encounter } from 'fhir/r4';\nexport function close(encounter: any) {\n  throw new Error('Cannot close ' + encounter);\n}",
    // the app's own accounts: a sign-in or password-reset error names the account holder's login, not a patient
    'export const login = async function (email: string) { throw new Error(`No user exists for ${email}, denying access`); };',
    { code: 'export async function run(phone: string) { throw new Error(`No account with ${phone}`); }', filename: 'src/auth/resetPassword.ts' },
    // opaque ids, types, counts, flags, formats and code systems
    'declare const patient: any; throw new Error(`Patient ${patient.id} not found`);',
    'declare const patient: any; throw new Error(`Unsupported resource ${patient.resourceType}/${patient.id}`);',
    'const patientCount = 0; throw new Error(`Expected patients, got ${patientCount}`);',
    'declare const isPatientSelected: boolean; throw new Error(`Invalid selection state: ${isPatientSelected}`);',
    'declare const patient: any; const hasAllergy = patient.allergies.length > 0; throw new Error(`hasAllergy=${hasAllergy}`);',
    "const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/; throw new Error(`SSN must match ${SSN_PATTERN}`);",
    "const DOB_FORMAT = 'YYYY-MM-DD'; throw new RangeError(`Date of birth must be ${DOB_FORMAT}`);",
    "const emailTemplate = 'reminder'; throw new Error(`Unknown template ${emailTemplate}`);",
    "throw new Error('Unknown code system http://hl7.org/fhir/sid/icd-10');",
    "throw new ValidationError('Invalid SSN format');",
    // a message the code writes itself, with the response handed alongside as the error's payload (not its text)
    "declare class UnexpectedResponseError extends Error { constructor(message: string, response: unknown) }\nexport function dataOf(response: { data: { patient: { birthDate: string } } }) {\n  if (response.data) return response.data;\n  throw new UnexpectedResponseError('Unexpected response from server.', response);\n}",
    "declare class LookupError extends Error { constructor(message: string, context: unknown) }\ndeclare const patient: { dateOfBirth: string };\nthrow new LookupError(`Lookup failed after ${3} tries`, { patient });",
    // sanitised values
    'declare function redact(v: unknown): string; declare const ssn: string; throw new Error(`No member with SSN ${redact(ssn)}`);',
    'declare const patient: any; const lastFour = patient.ssn.slice(-4); throw new Error(`No match for SSN ending ${lastFour}`);',
    // a helper named like an error factory that only logs and throws its own generic errors gives nothing to
    // throw: `throw handleLookupError(outcome)` is judged at the helper's own throw statements
    "declare const logger: { error(m: string, o: object): void };\ntype Outcome = { type: string; nhsNumber: string; patient: { birthDate: string } };\nexport function lookup(outcome: Outcome) {\n  if (outcome.type !== 'ok') throw handleLookupError(outcome);\n  return outcome.type;\n}\nconst handleLookupError = (outcome: Outcome) => {\n  logger.error('lookup failed', { type: outcome.type });\n  throw new Error('Patient not found');\n};",
    // React Suspense throws a pending load, not an error: nothing of it is shown or logged as a message
    "import type { Patient } from 'fhir/r4';\nlet pending: undefined | Promise<Patient>;\nlet current: Patient | undefined;\nexport function usePatient(load: () => Promise<Patient>): Patient {\n  if (current) return current;\n  if (!pending) pending = load().then((patient) => (current = patient));\n  throw pending;\n}",
    "import type { Patient } from 'fhir/r4';\nexport function useRecord(patient: Patient) {\n  const waiting = new Promise<Patient>((resolve) => setTimeout(() => resolve(patient), 10));\n  throw waiting;\n}",
    // an expression evaluator's errors name identifiers of the code it evaluates: a syntax tree's `Identifier`
    // (jsep, acorn, esprima) is not FHIR's, and `visitExpressionName` is a tree visitor, not a patient's visit
    "import jsep from 'jsep';\nexport function parametersOf(arrow: jsep.ArrowExpression): string[] {\n  const names = arrow.params?.map((p) => (p as jsep.Identifier).name) ?? [];\n  if (names.length > 3) throw `Too many parameters: ${names.join(', ')}`;\n  return names;\n}",
    "import jsep from 'jsep';\nexport function check(node: jsep.Identifier) {\n  if (node.name === 'constructor') throw new Error(`Cannot access the ${node.name} property`);\n}",
    "declare function visitExpressionName(node: unknown): string;\nexport function member(node: { object: unknown }) {\n  const objectName = visitExpressionName(node.object);\n  throw new ReferenceError(`${objectName} is not defined`);\n}",
    // a name that belongs to the word before it: a workspace's, a program's, a module's name, whoever's chart it is in
    "export function open(registry: Record<string, unknown>, parentWorkspaceName: string, childWorkspaceName: string) {\n  if (!registry[childWorkspaceName]) throw new Error(`No workspace named ${childWorkspaceName} under ${parentWorkspaceName}`);\n}",
    "declare const patientProgramName: string; throw new Error(`Unknown program ${patientProgramName}`);",
    // a constants table of the app's own text, imported from a module whose leaves are all literals, is not patient data
    {
      code: "const { MESSAGE } = require('../constants/messages');\nexports.book = function (slot) {\n  if (!slot) throw new Error(MESSAGE.APPOINTMENT.APPOINTMENT_NOT_AVAILABLE);\n  throw new Error(MESSAGE.PATIENT.NOT_FOUND);\n};",
      filename: 'src/services/booking.js',
      workspace: { 'src/constants/messages.js': "const MESSAGE = {\n  APPOINTMENT: { APPOINTMENT_NOT_AVAILABLE: 'Slot already booked', COUNT: 3 },\n  PATIENT: { NOT_FOUND: 'Patient not found' },\n};\nmodule.exports = { MESSAGE };\n" },
    },
    {
      code: "import { messages } from './text';\nexport function visit(ok: boolean) { if (!ok) throw new Error(messages.appointment.notAvailable); }",
      workspace: { 'src/text.ts': "export const messages = Object.freeze({ appointment: { notAvailable: `The appointment is taken` } });\n" },
    },
    // a SCREAMING_SNAKE_CASE member path is a constant, wherever it is declared
    'declare const ERRORS: { PATIENT: { DIAGNOSIS_MISSING: string } }; throw new Error(ERRORS.PATIENT.DIAGNOSIS_MISSING);',
    // an exhaustiveness check: a parameter typed `never` is reached only on a branch the type checker proved
    // unreachable, so the record a caller passes on the impossible `else` never gets into the message
    "import type { Appointment, Slot } from 'fhir/r4';\nfunction assertNever(value: never): never {\n  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);\n}\ntype Event = { type: 'appointment'; appointment: Appointment } | { type: 'slot'; slot: Slot };\nexport function pick(event: Event, open: (a: Appointment) => void) {\n  if (event.type === 'appointment') open(event.appointment);\n  else if (event.type !== 'slot') assertNever(event);\n}",
    // a vaccination or testing site is an organisation: a failed lookup of sites carries the site's phone, not a patient's
    "interface Site { id: string; name: string; phoneNumber: string }\ndeclare const api: { get<T>(path: string): Promise<{ success: boolean; data: T }> };\ndeclare class HttpFailure extends Error { constructor(response: unknown) }\nexport async function sites() {\n  const response = await api.get<Site[]>('sites');\n  if (!response.success) return Promise.reject(new HttpFailure(response));\n  return response.data;\n}",
    // a Lambda proxy result with a success status, an error helper handed only the app's text, a logging helper
    // handed a status, and a response helper handed no error status are not error responses with PHI
    "declare const patient: { dateOfBirth: string }; export const ok = () => ({ statusCode: 200, body: JSON.stringify({ dateOfBirth: patient.dateOfBirth }) });",
    "function errorResponse(statusCode: number, message: string) { return { statusCode, body: JSON.stringify({ error: message }) }; }\nexport const handler = async (postcode?: string) => (postcode ? errorResponse(404, 'No local authority found') : errorResponse(400, 'Postcode is required'));",
    "declare function logError(status: number, detail: unknown): void; declare const patient: { fullName: string }; logError(404, patient.fullName);",
    "declare function buildResponse(status: number, body: unknown): unknown; declare const patient: { fullName: string }; export const r = buildResponse(200, { name: patient.fullName });",
    // Promise.allSettled collects its callbacks' rejections as results (`{ status: 'rejected', reason }`): they are
    // data for the caller, not errors raised to a client or a logger
    "declare function lookUp(nhsNumber: string): Promise<{ items: unknown[] }>;\nexport async function update(records: Array<{ nhs_number: string }>) {\n  return Promise.allSettled(\n    records.map(async (record) => {\n      const found = await lookUp(record.nhs_number);\n      if (found.items.length) return found;\n      if (!record.nhs_number.trim()) throw new Error(`Blank NHS number ${record.nhs_number}`);\n      return Promise.reject({ rejectedNhsNumber: record.nhs_number, reason: `No record ${record.nhs_number}` });\n    }),\n  );\n}",
    // a branch taken only when the value is missing carries none of it (`No patient born undefined`)
    "export const handler = async (dateOfBirth?: string) => {\n  if (!dateOfBirth) return { statusCode: 404, body: JSON.stringify({ error: `No patient born ${dateOfBirth}` }) };\n  return { statusCode: 200 };\n};",
    // rethrowing what was caught
    'try { JSON.parse("{") } catch (err) { throw err; }',
    // success responses are another rule's business; error responses with ids only
    "declare const res: any; declare const patient: any; res.status(200).json(patient);",
    "declare const res: any; declare const patient: any; res.status(404).json({ error: 'Patient not found', patientId: patient.id });",
    "declare const res: any; declare const err: Error; res.status(500).json({ error: err.message });",
    // stack traces only in development
    "declare const res: any; declare const err: Error; res.status(500).json({ error: 'Internal error', stack: process.env.NODE_ENV === 'production' ? undefined : err.stack });",
    "declare const res: any; declare const err: Error; if (process.env.NODE_ENV !== 'production') { res.status(500).send(err.stack); }",
    // resolve is not reject
    'declare const patient: any; new Promise((resolve) => resolve(patient.ssn));',
    // a stack that is not sent
    'declare const err: Error; const lines = err.stack?.split("\\n");',
  ],
  invalid: [
    {
      // a model's documents hold what its schema declares (see no-phi-in-logs): serialised into the message, the whole record
      name: 'a document read through a model whose schema embeds the patient, serialised into a thrown message',
      code: "import { Receta } from './receta.schema';\nexport async function check(id: string) {\n  const receta = await Receta.findById(id);\n  if (!receta.valid) throw new Error(`invalid prescription ${JSON.stringify(receta)}`);\n}",
      workspace: { "src/receta.schema.ts": "import * as mongoose from 'mongoose';\nexport const recetaSchema = new mongoose.Schema({ paciente: { nombre: String, documento: String }, valid: Boolean });\nexport const Receta = mongoose.model('receta', recetaSchema, 'receta');" },
      errors: [{ line: 4, column: 38 }],
    },
    // near miss of Promise.allSettled: Promise.all rejects with the first rejection, which propagates as the error
    {
      code: "declare function lookUp(nhsNumber: string): Promise<{ items: unknown[] }>;\nexport async function update(records: Array<{ nhs_number: string }>) {\n  return Promise.all(\n    records.map(async (record) => {\n      const found = await lookUp(record.nhs_number);\n      if (found.items.length) return found;\n      return Promise.reject({ rejectedNhsNumber: record.nhs_number, reason: `No record ${record.nhs_number}` });\n    }),\n  );\n}",
      errors: [{ line: 7, column: 29, kinds: ['nhs-number'] }],
    },
    // a Lambda / API Gateway proxy result with an error status, written in place or through a helper named for a
    // response or for sending an error: the body echoes the patient's postcode and date of birth to the client
    {
      code: "function errorResponse(statusCode: number, message: string) {\n  return { statusCode, body: JSON.stringify({ error: message }) };\n}\nexport const handler = async (postcode: string, dateOfBirth: string) => {\n  if (!postcode) return { statusCode: 404, body: JSON.stringify({ error: `No patient born ${dateOfBirth}` }) };\n  return errorResponse(404, `No local authority found for ${postcode}`);\n};",
      errors: [
        { line: 5, column: 50, kinds: ['date-of-birth'] },
        { line: 6, column: 29, kinds: ['zip-code'] },
      ],
    },
    {
      code: "declare function sendError(res: unknown, status: number, message: string): void;\ndeclare const res: unknown;\nexport function lookup(patient: { email: string }) {\n  sendError(res, 409, `A patient with ${patient.email} already exists`);\n}",
      errors: [{ line: 4, column: 23, kinds: ['email'] }],
    },
    // near miss of a site's lookup: the same failure carrying a patient's record puts the patient's phone in it
    {
      code: "interface Patient { id: string; name: string; phoneNumber: string }\ndeclare const api: { get<T>(path: string): Promise<{ success: boolean; data: T }> };\ndeclare class HttpFailure extends Error { constructor(response: unknown) }\nexport async function patients() {\n  const response = await api.get<Patient[]>('patients');\n  if (!response.success) return Promise.reject(new HttpFailure(response));\n  return response.data;\n}",
      errors: [{ line: 6, column: 48, kinds: ["name", "patient-record", "phone"] }],
    },
    // near misses of an exhaustiveness check: a helper whose parameter can hold a value passes the record on
    {
      code: "import type { Patient } from 'fhir/r4';\nfunction unexpected(value: unknown): never {\n  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);\n}\nexport function check(patient: Patient) {\n  if (!patient.id) unexpected(patient.name);\n}",
      errors: [{ line: 3, column: 19, kinds: ["name"] }],
    },
    // near misses: a field of the resource read into the message, and a patient's name, put their data in the text
    {
      code: "import type { Patient } from 'fhir/r4';\nexport function check(patient: Patient) {\n  throw new Error(`Patient ${patient.name?.[0]?.family} has no identifier`);\n}",
      errors: [{ line: 3, column: 19, kinds: ['name'] }],
    },
    // and where nothing says the code holds FHIR resources, the name alone does not say it is an object
    {
      code: "export function dispense(medicationRequest: any) {\n  throw new Error(`Cannot dispense ${medicationRequest}`);\n}",
      errors: [{ line: 2, column: 19, kinds: ['medication'] }],
    },
    {
      code: "import type { Patient } from 'fhir/r4';\nexport function check(patientName: string) {\n  throw new Error(`No record for ${patientName}`);\n}",
      errors: [{ line: 3, column: 19, kinds: ['name'] }],
    },
    // near misses of a constants table: a table whose values are computed from a patient, and a message that
    // interpolates the patient's name beside the table's text
    {
      code: "import { text } from './text';\nthrow new Error(text.patient.name);",
      workspace: { 'src/text.ts': "declare const patient: { name: string };\nexport const text = { patient: { name: patient.name } };\n" },
      errors: [{ line: 2, column: 17, kinds: ['name'] }],
    },
    {
      code: "const { MESSAGE } = require('../constants/messages');\nexports.book = function (patient) {\n  throw new Error(`${MESSAGE.APPOINTMENT.NOT_AVAILABLE} for ${patient.firstName}`);\n};",
      filename: 'src/services/booking.js',
      workspace: { 'src/constants/messages.js': "const MESSAGE = { APPOINTMENT: { NOT_AVAILABLE: 'Slot already booked' } };\nmodule.exports = { MESSAGE };\n" },
      errors: [{ line: 3, column: 19, kinds: ['name'] }],
    },
    {
      name: "account context yields to the patient: a patient registration's validation error echoes the e-mail",
      code: 'export function registerPatient(email: string) {\n  throw new Error(`Email ${email} is already registered`);\n}',
      filename: 'src/auth/register.ts',
      errors: [{ line: 2, column: 19, kinds: ['email'] }],
      output: null,
    },
    {
      name: "account context yields to the patient: a patient portal's sign-in error",
      code: 'export const login = async function (email: string) {\n  throw new Error(`No account for ${email}`);\n};',
      filename: 'src/patient/portal/login.ts',
      errors: [{ line: 2, column: 19, kinds: ['email'] }],
      output: null,
    },
    {
      name: "a payload handed alongside stays out, but the message's own text and an options object's text keys count",
      code: "declare class LookupError extends Error { constructor(message: string, context: unknown) }\ndeclare const patient: { dateOfBirth: string; diagnosis: string };\nthrow new LookupError(`No match for ${patient.dateOfBirth}`, patient);\nthrow new LookupError('Lookup failed', { detail: patient.diagnosis });",
      errors: [
        { line: 3, column: 23, kinds: ['date-of-birth'] },
        { line: 4, column: 50, kinds: ['diagnosis'] },
      ],
      output: null,
    },
    {
      name: 'a factory of this file that returns the error it builds is judged by what it puts in it',
      code: "type Outcome = { nhsNumber: string };\nexport function lookup(outcome: Outcome) {\n  throw lookupError(outcome);\n}\nfunction lookupError(outcome: Outcome) {\n  return new Error(`No patient ${outcome.nhsNumber}`);\n}",
      errors: [{ line: 3, column: 21, kinds: ['nhs-number'] }],
      output: null,
    },
    {
      name: 'Error(…) called without new, in a function declared after its caller',
      code: "import type { DiagnosticReport } from 'fhir/r4';\nexport async function run(report: DiagnosticReport) {\n  return make(report);\n}\nasync function make(report: DiagnosticReport) {\n  if (!report.id) throw Error(`misconfigured: ${JSON.stringify(report)}`);\n  return report.id;\n}",
      errors: [{ line: 6, column: 31, kinds: ['lab-result'] }],
      output: null,
    },
    {
      name: 'a thrown record that is not a promise still counts',
      code: "import type { Patient } from 'fhir/r4';\nexport function check(patient: Patient) {\n  const failure = { message: 'invalid', patient };\n  throw failure;\n}",
      errors: [{ line: 4, column: 9 }],
      output: null,
    },
    {
      name: 'throw new Error with an SSN',
      code: 'declare const ssn: string;\nthrow new Error(`No member with SSN ${ssn}`);',
      errors: [{ line: 2, column: 17, kinds: ['ssn'], message: 'Thrown error carries SSN' }],
      output: null,
    },
    {
      name: 'error subclasses, HttpException and createError',
      code: "import createError from 'http-errors';\ndeclare class HttpException { constructor(m: unknown, s: number) }\nexport function check(patient: { dateOfBirth: string; email: string; diagnosis: string }) {\n  if (!patient) throw new NotFoundError(`No patient born ${patient.dateOfBirth}`);\n  if (patient) throw new HttpException({ message: 'Duplicate', email: patient.email }, 409);\n  throw createError(422, `Unsupported diagnosis ${patient.diagnosis}`);\n}",
      errors: [
        { line: 4, column: 41, kinds: ['date-of-birth'] },
        { line: 5, column: 40, kinds: ['email'] },
        { line: 6, column: 26, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'an error built first and thrown later',
      code: 'declare const patient: any;\nconst error = new Error(`MRN ${patient.mrn} is locked`);\nthrow error;',
      errors: [{ line: 3, column: 7, kinds: ['mrn'] }],
    },
    {
      name: "a FHIR Identifier, a person's own names and relatives' names stay PHI next to the syntax-tree cases",
      code: "import type { Identifier } from 'fhir/r4';\nexport function fail(id: Identifier, patientFamilyName: string, motherName: string, chart: fhir4.Identifier) {\n  throw new Error(`No match for ${id.value}`);\n  throw new Error(`No match for ${patientFamilyName}`);\n  throw new Error(`No match for ${motherName}`);\n  throw new Error(`No match for ${chart.value}`);\n}",
      errors: [
        { line: 3, column: 19, kinds: ['mrn'] },
        { line: 4, column: 19, kinds: ['name'] },
        { line: 5, column: 19, kinds: ['name'] },
        { line: 6, column: 19, kinds: ['mrn'] },
      ],
    },
    {
      name: "FHIR datatypes through a namespace: an alias of a FHIR package, or a nested FHIR namespace",
      code: "import type * as T from '@medplum/fhirtypes';\nexport function fail(id: T.Identifier, name: fhirclient.FHIR.HumanName) {\n  throw new Error(`No match for ${id.value}`);\n  throw new Error(`No match for ${name.family}`);\n}",
      errors: [
        { line: 3, column: 19, kinds: ['mrn'] },
        { line: 4, column: 19, kinds: ['name'] },
      ],
    },
    {
      name: 'Promise.reject and reject in an executor',
      code: "declare const patient: any;\nexport function load() {\n  if (!patient) return Promise.reject(new Error(`Missing chart for ${patient.fullName}`));\n  return new Promise((resolve, fail) => {\n    setTimeout(() => fail(`Timeout loading ${patient.phoneNumber}`), 10);\n  });\n}",
      errors: [
        { line: 3, column: 49, kinds: ['name'], message: 'Promise rejection carries person' },
        { line: 5, column: 27, kinds: ['phone'] },
      ],
    },
    {
      name: 'Express next(new Error()) and error responses',
      code: "import express from 'express';\nconst app = express();\napp.post('/lookup', (req, res, next) => {\n  const { ssn, dob } = req.body;\n  if (!ssn) return next(new Error(`Lookup failed for DOB ${dob}`));\n  res.status(404).json({ error: `No patient with SSN ${ssn}` });\n});",
      errors: [
        { line: 5, column: 35, kinds: ['date-of-birth'] },
        { line: 6, column: 33, kinds: ['ssn'], message: 'HTTP error response carries SSN' },
      ],
    },
    {
      name: 'Fastify reply.code(400).send and Koa ctx.throw / ctx.body',
      code: "declare const fastify: any; declare const router: any;\nfastify.post('/x', async (request: any, reply: any) => {\n  reply.code(400).send(`Invalid member number ${request.body.memberNumber}`);\n});\nrouter.post('/y', async (ctx: any) => {\n  ctx.throw(400, `Bad email ${ctx.request.body.email}`);\n  ctx.status = 422;\n  ctx.body = { error: `Allergy ${ctx.request.body.allergy} unknown` };\n});",
      errors: [
        { line: 3, column: 24, kinds: ['health-plan-id'] },
        { line: 6, column: 18, kinds: ['email'] },
        { line: 8, column: 23, kinds: ['allergy'] },
      ],
    },
    {
      name: 'FHIR Patient in a Next.js route handler error response',
      code: "import { NextResponse } from 'next/server';\nexport async function GET(_req: Request, medplum: any) {\n  const patient = await medplum.readResource('Patient', '123');\n  return NextResponse.json({ error: `Coverage missing for ${patient.birthDate}` }, { status: 404 });\n}",
      errors: [{ line: 4, column: 37, kinds: ['date-of-birth'] }],
    },
    {
      name: 'stack traces in responses, always',
      code: "declare const res: any; declare const reply: any;\ntry { JSON.parse('{') } catch (err: any) {\n  res.status(500).json({ message: 'failed', stack: err.stack });\n  res.send(err.stack);\n  reply.send(`Error: ${err.stack}`);\n}",
      errors: [
        { line: 3, column: 52, message: 'Stack trace sent in an HTTP response' },
        { line: 4, column: 12 },
        { line: 5, column: 24 },
      ],
    },
  ],
});

// A destructuring that renames a field says what the code takes it for: `{ primaryRecord: metadata }` of a value
// nothing else describes is the sheet's metadata, whatever the key's own name guesses.
describe('no-phi-in-error-message: the name a destructuring gives a field beats the guess from its key', () => {
  runRuleTests('no-phi-in-error-message', {
    valid: [
      {
        name: 'a workbook reader returns its header row as primaryRecord, renamed metadata',
        filename: 'src/import/read-workbook.js',
        code: "import { readSheet } from './sheets';\n\n\n\nexport function readWorkbookHeader(sheet) {\n  const { primaryRecord: metadata } = readSheet(sheet);\n  if (!metadata.code) throw new Error(`Workbook ${metadata.name} for ${metadata.homeServer} has no code`);\n  return metadata;\n}",
      },
    ],
    invalid: [
      {
        name: 'near miss: kept under a name that still says record',
        filename: 'src/import/read-workbook.js',
        code: "import { readSheet } from './sheets';\n\n\n\nexport function readWorkbookHeader(sheet) {\n  const { primaryRecord: firstRecord } = readSheet(sheet);\n  if (!firstRecord.code) throw new Error(`Bad record ${JSON.stringify(firstRecord)}`);\n  return firstRecord;\n}",
        errors: [{ line: 7, column: 42, kinds: ['patient-record'] }],
      },
      {
        name: 'near miss: a field the value is known to hold keeps its PHI whatever it is renamed',
        filename: 'src/visits.ts',
        code: "interface Visit { diagnosis: string; ward: string }\nexport function check(visit: Visit) {\n  const { diagnosis: metadata } = visit;\n  if (!visit.ward) throw new Error(`No ward for ${metadata}`);\n}",
        errors: [{ line: 4, column: 36, kinds: ["diagnosis"] }],
      },
    ],
  });
});

describe('no-phi-in-error-message: an Error\'s options name its text, a helper is handed the handler\'s objects (round 11)', () => {
  runRuleTests('no-phi-in-error-message', {
    valid: [
      // the options object of an Error subclass: `message` is its text, `args` the payload for whoever catches it
      "class RethrownError extends Error { constructor(o: any) { super(o.message); } }\nexport function run(patientQuery: any) {\n  try { return patientQuery; } catch (err: any) {\n    throw new RethrownError({ message: err.message, source: 'export', error: err, args: { query: patientQuery } });\n  }\n}",
      // Koa's context handed to a response helper is where it writes, even after the handler put records in its body
      "declare const utils: any;\nexport async function importData(ctx: any, patientRecords: any[]) {\n  try { ctx.body = patientRecords; } catch (error2) {\n    utils.logAndSetResponse(ctx, 500, `Could not import ${error2}`, 'error');\n  }\n}",
    ],
    invalid: [
      {
        name: "near misses: the message itself names the patient, a Nest exception's object is the response body, a spread options object",
        code: "class BadRequestError extends Error {}\ndeclare class BadRequestException { constructor(o: unknown) }\nexport function check(patient: { birthDate: string; ssn: string }, extra: any) {\n  if (patient.ssn.length < 9) throw new BadRequestError({ message: `Bad SSN ${patient.ssn}`, status: 400 });\n  if (extra) throw new BadRequestException({ message: 'Invalid', birthDate: patient.birthDate });\n  throw new BadRequestError({ message: 'Invalid', ...patient });\n}",
        errors: [
          { line: 4, column: 68, kinds: ['ssn'] },
          { line: 5, column: 44, kinds: ['date-of-birth'] },
          { line: 6, column: 29, kinds: ['patient-record'] },
        ],
      },
    ],
  });
});

// A value the handler looks up in the app's own user table is the account holder's login: in a staff app, the
// health worker's phone, not a patient's.
describe('no-phi-in-error-message: a phone looked up in the app\'s user table is the staff user\'s', () => {
  runRuleTests('no-phi-in-error-message', {
    valid: [
      // Sequelize's where, and Mongoose's filter with a shorthand key
      "import express from 'express';\ndeclare const User: any;\nconst router = express.Router();\nrouter.post('/', async (req, res) => {\n  const phone_no = req.body.phone_no;\n  const user = await User.findOne({ where: { phone_no: phone_no, status: 'Active' } });\n  if (!user) res.status(400).send(`Phone Number: ${phone_no} is not registered in the system`);\n});",
      "import express from 'express';\ndeclare const UserModel: any;\nconst router = express.Router();\nrouter.post('/', async (req, res) => {\n  const { email } = req.body;\n  const account = await UserModel.findOne({ email });\n  if (!account) res.status(404).json({ error: `No account for ${email}` });\n});",
    ],
    invalid: [
      {
        name: 'near misses: the phone looked up in the patients\' table, and a clinical value next to the user lookup',
        code: "import express from 'express';\ndeclare const Client: any; declare const User: any;\nconst router = express.Router();\nrouter.post('/', async (req, res) => {\n  const { phone_no, diagnosis } = req.body;\n  const client = await Client.findOne({ where: { phone_no } });\n  if (!client) res.status(400).send(`Phone Number: ${phone_no} is not registered`);\n  const user = await User.findOne({ where: { diagnosis } });\n  if (!user) res.status(400).send(`No user for ${diagnosis}`);\n});",
        errors: [
          { line: 7, column: 37, kinds: ['phone'] },
          { line: 9, column: 35, kinds: ['diagnosis'] },
        ],
      },
      {
        name: 'near miss: a patient portal\'s user table holds patients\' accounts',
        code: "import express from 'express';\ndeclare const models: any;\nconst router = express.Router();\nrouter.post('/', async (req, res) => {\n  const { email } = req.body;\n  const existing = await models.PortalUser.findOne({ where: { email } });\n  if (existing) res.status(409).json({ error: `Email ${email} is already registered to another patient` });\n});",
        errors: [{ line: 7, column: 47, kinds: ['email'] }],
      },
    ],
  });
});

// An API that answers failures with 200 and an envelope saying so: `{ success: false, message }` is its error response.
describe('no-phi-in-error-message: a failure envelope is an error response whatever its status', () => {
  runRuleTests('no-phi-in-error-message', {
    valid: [
      // a success envelope carries the result the client asked for
      "import express from 'express';\nconst router = express.Router();\nrouter.post('/assign', async (req, res) => {\n  const { ccc_number } = req.body;\n  return res.json({ success: true, message: `Client ${ccc_number} assigned` });\n});",
      // a failure envelope whose message names no patient, only an opaque id
      "import express from 'express';\nconst router = express.Router();\nrouter.post('/assign', async (req, res) => {\n  const { clientId } = req.body;\n  return res.json({ success: false, message: `Client ${clientId} could not be assigned` });\n});",
      // a status that is not a failure word
      "import express from 'express';\nconst router = express.Router();\nrouter.post('/assign', async (req, res) => {\n  const { phone } = req.body;\n  res.json({ status: 'queued', message: `Reminder for ${phone} queued` });\n});",
    ],
    invalid: [
      {
        name: 'failure envelopes (success/ok false, error true, a failure status) echo the patient\'s number, phone and date of birth',
        code: "import express from 'express';\nconst router = express.Router();\nrouter.post('/lookup', async (req, res) => {\n  const { phone_no, dateOfBirth, ccc_number } = req.body;\n  if (!req.query.found) return res.json({ success: false, message: `Clinic number ${ccc_number} does not exist in the system` });\n  res.send({ ok: false, error: `No patient born ${dateOfBirth}` });\n  res.json({ error: true, msg: `Phone ${phone_no} is not active` });\n  res.json({ status: 'fail', message: `Phone ${phone_no} is not active` });\n});",
        errors: [
          { line: 5, column: 68, kinds: ['mrn'] },
          { line: 6, column: 32, kinds: ['date-of-birth'] },
          { line: 7, column: 32, kinds: ['phone'] },
          { line: 8, column: 39, kinds: ['phone'] },
        ],
      },
      {
        name: 'the clinic number a client was looked up by, echoed when the lookup fails',
        code: "import express from 'express';\nconst router = express.Router();\nrouter.post('/assign', async (req, res) => {\n  const clinic_number = req.body.clinic_number;\n  const client = await Client.findOne({ where: { clinic_number } });\n  if (!client) return res.json({ success: false, message: `Clinic number ${clinic_number} does not exist` });\n});",
        errors: [{ line: 6, column: 59, kinds: ['mrn'] }],
      },
    ],
  });
});
