import { runRuleTests } from './rule-tester';

runRuleTests('no-phi-in-url', {
  valid: [
    // a GET route in code about health professionals (Spanish `profesional`) or practitioners reads their name, e-mail,
    // birth date and identity document: the workforce's, not a patient's
    { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/profesionales', async (req, res) => {\n  const opciones: Record<string, unknown> = {};\n  if (req.query.apellido) opciones.apellido = req.query.apellido;\n  if (req.query.email) opciones.email = req.query.email;\n  if (req.query.fechaNacimiento) opciones.fechaNacimiento = req.query.fechaNacimiento;\n  if (req.query.documento) opciones.documento = req.query.documento;\n  res.json(opciones);\n});", filename: 'src/routes/profesional.ts' },
    { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/search', async (req, res) => {\n  const { lastName, dateOfBirth } = req.query;\n  res.json({ lastName, dateOfBirth });\n});", filename: 'src/practitioners/routes.ts' },
    // the route's own path says so too (`/practitioners`, `/formulary`)
    { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/practitioners/search', async (req, res) => {\n  res.json([req.query.lastName, req.query.dateOfBirth]);\n});", filename: 'src/routes/index.ts' },
    { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/profesionales', async (req, res) => {\n  const { nombre, apellido, documento } = req.query;\n  res.json([nombre, apellido, documento]);\n});", filename: 'src/routes/index.ts' },
    { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/formulary', async (req, res) => {\n  res.json(req.query.medication);\n});", filename: 'src/routes/index.ts' },
    // a therapeutic formulary's or a vademecum's search by drug name is a catalogue's, no one's medication
    { code: "import express from 'express';\nconst router = express.Router();\ndeclare function find(q: unknown): Promise<unknown>;\nrouter.get('/formulario', async (req, res) => {\n  res.json(await find(req.query.nombreMedicamento));\n});", filename: 'src/routes/formularioTerapeutico.ts' },
    { code: "import express from 'express';\nconst router = express.Router();\ndeclare function find(q: unknown): Promise<unknown>;\nrouter.get('/', async (req, res) => {\n  res.json(await find(req.query.medication));\n});", filename: 'src/vademecum/routes.ts' },
    // an endpoint setting of Angular's build environment named for what it lists (a worklist of patients) is configuration
    "import { HttpClient } from '@angular/common/http';\nimport { environment } from 'src/environments/environment';\nexport class DoctorService {\n  constructor(private http: HttpClient) {}\n  getRadiologistWorklist(vanID: string) { return this.http.get(environment.radiologistWorklist + vanID); }\n}",
    // a FHIR API route forwarding the query its client sent to the FHIR server behind it: nothing goes into a URL that was not in one
    { code: "export async function GET(request: Request) {\n  const query = new URL(request.url).searchParams.toString();\n  return fetch(`${process.env.FHIR_BASE}/Patient${query ? `?${query}` : ''}`);\n}", filename: 'src/app/api/fhir/[...path]/route.ts' },
    // A declared shape with a brand tag is still that shape: paging and a status, whatever the parameter is called.
    {
      filename: 'src/services/list.ts',
      workspace: { 'src/models/paging.ts': "interface Paging { page: number; status: string }\nexport type PatientPaging = Paging & { readonly __brand: 'paging' };\n" },
      code: "import axios from 'axios';\nimport { PatientPaging } from '../models/paging';\nexport const list = (patient: PatientPaging) => axios.get(`/api/patients?${JSON.stringify(patient)}`);",
    },
    // an Observation search by opaque ids and the observation's code (which question, not the patient's answer)
    "declare function openmrsFetch(url: string): unknown;\nexport function latestObservation(patientUuid: string, encounterUuid: string, observationCode: string) {\n  return openmrsFetch(`/ws/fhir2/R4/Observation?patient=${patientUuid}&encounter=${encounterUuid}&code=${observationCode}&_count=1`);\n}",
    // a FHIR search's code filter holds criteria (a saved query's value-set code list), not the patient's results,
    // diagnoses or medications — even on a query object that also holds the patient's demographics
    "type Demographics = { given: string; family: string; birthDate: string };\nexport class SavedQuery {\n  patientDemographics?: Demographics;\n  labCodes: string[] = [];\n  conditionCodes: string[] = [];\n  queries: { [key: string]: { basePath: string; params: URLSearchParams } } = {};\n  build(patientId: string) {\n    const labsFilter = this.labCodes.join(',');\n    const params = new URLSearchParams();\n    params.append('subject', `Patient/${patientId}`);\n    params.append('code', labsFilter);\n    params.append('reason-code', this.conditionCodes.join(','));\n    this.queries['observation'] = { basePath: '/Observation', params };\n  }\n}",
    "import axios from 'axios';\ntype Demographics = { given: string; family: string; birthDate: string };\nexport class Search {\n  patientDemographics?: Demographics;\n  conditionCodes: string[] = [];\n  medicationCodes: string[] = [];\n  conditions(patientId: string) {\n    return axios.get('/fhir/Condition', { params: { patient: patientId, 'code:in': this.conditionCodes.join(',') } });\n  }\n  medications(patientId: string) {\n    return fetch(`/fhir/MedicationRequest?patient=${patientId}&code=${this.medicationCodes.join(',')}&_count=50`);\n  }\n}",
    // a logical-id or reference parameter (`_id`, `subject`) matches the resource's logical id: a value
    // called only an identifier there is that id, not a record number
    "export async function summary(patientIdentifiers: string[], since: string) {\n  const query = new URLSearchParams();\n  query.set('subject', patientIdentifiers.join(','));\n  query.set('_lastUpdated', since);\n  await fetch(`/fhir/Patient?_id=${patientIdentifiers.join(',')}`);\n  return fetch(`/fhir/Encounter?${query}`);\n}",
    // an id named first and then for what it identifies (`idPaciente`) is an opaque id, in an identifier slot too
    "export function domains(host: string, domain: string, idPaciente: string) {\n  return fetch(`${host}/fhir/Patient/$patient-location?identifier=${domain}|${idPaciente}`);\n}",
    // parameters kept beside a FHIR `_search` path are that POST search's body, not a URL
    "export function byDemographics(queries: Record<string, unknown>, patient: { birthDate: string; family: string }) {\n  const params = new URLSearchParams();\n  params.append('birthdate', patient.birthDate);\n  params.append('family', patient.family);\n  queries['patient'] = { basePath: `/Patient/_search`, params };\n}",
    // a route template named for patient grids, filled with the new grid's uuid: the template is code, the uuid opaque
    "import { navigate } from '@openmrs/esm-framework';\ndeclare const routes: { patientGridDetails: { interpolate(p: object): string } };\ndeclare const result: { uuid: string };\nexport function openCreatedGrid() {\n  navigate({ to: `/spa${routes.patientGridDetails.interpolate({ id: result.uuid })}` });\n}",
    // a report over every patient of a date range, filtered by a diagnosis and a ward: the URL names nobody
    "declare const http: any; declare const filter: any;\nhttp.get('/Reporting/DiagnosisWiseReport?FromDate=' + filter.fromDate + '&ToDate=' + filter.toDate + '&Diagnosis=' + filter.diagnosis + '&WardId=' + filter.wardId);",
    "declare const filter: any; fetch(`/api/stats/census?startDate=${filter.start}&endDate=${filter.end}&icdCode=${filter.diagnosisCode}`);",
    // a search of the types a visit can have, or of a ward list: a catalogue, not a patient
    "declare const http: any;\nexport function visitTypes(searchTxt: string) { return http.get('/api/Visit/VisitTypes?search=' + searchTxt); }",
    "declare const http: any;\nexport function wards(searchTxt: string) { return http.get('/api/Ward/List?search=' + searchTxt); }",
    // opaque ids, types, counts, flags, formats and code-system URLs are not PHI
    'declare const patient: any; fetch(`/api/patients/${patient.id}`);',
    'declare const patient: any; fetch(`/fhir/${patient.resourceType}/${patient.id}`);',
    'const patientCount = 3; fetch(`/api/stats?count=${patientCount}`);',
    'declare const isPatientSelected: boolean; fetch(`/api/ui?selected=${isPatientSelected}`);',
    'declare const patient: any; const hasAllergy = patient.allergies.length > 0; fetch(`/api/flags?hasAllergy=${hasAllergy}`);',
    "const SSN_PATTERN = '^\\\\d{3}-\\\\d{2}-\\\\d{4}$'; fetch(`/api/validate?pattern=${SSN_PATTERN}`);",
    "const DOB_FORMAT = 'YYYY-MM-DD'; fetch(`/api/config?dob=${DOB_FORMAT}`);",
    "const emailTemplate = 'welcome'; fetch(`/api/mail/preview?template=${emailTemplate}`);",
    "declare const code: string; fetch(`https://fhir.example.com/Condition?code=http://hl7.org/fhir/sid/icd-10|${code}`);",
    "fetch('http://hl7.org/fhir/sid/icd-10');",
    'declare const patientId: string; fetch(`/api/patients?patientId=${patientId}`);',
    // sanitised values
    'declare function redact(v: unknown): string; declare const ssn: string; fetch(`/api/lookup?ssn=${redact(ssn)}`);',
    'declare const patient: any; const lastFour = patient.ssn.slice(-4); fetch(`/api/lookup?ssn=${lastFour}`);',
    'declare const patient: any; const ssnLast4 = patient.ssn.slice(-4); axios.get("/api/lookup", { params: { ssnLast4 } });',
    // PHI in a POST body is the fix, not a finding
    "declare const patient: any; fetch('/api/patients/search', { method: 'POST', body: JSON.stringify({ ssn: patient.ssn }) });",
    "import axios from 'axios'; declare const patient: any; axios.post('/api/patients/search', { dob: patient.birthDate });",
    "declare const patient: any; fetch('/api/intake', { method: 'POST', body: new URLSearchParams({ ssn: patient.ssn }) });",
    "declare const patient: any; const form = new URLSearchParams(); form.append('dob', patient.birthDate); fetch('/api/intake', { method: 'POST', body: form });",
    "declare const patient: any; const req = new Request('/api/patients', { method: 'POST', body: JSON.stringify(patient) }); fetch(req);",
    { code: 'declare const patient: any;\nexport const Avatar = () => <img src={patient.photo} alt="" />;', filename: 'src/Avatar.tsx' },
    // not a URL: a message with a question mark, a map key, a mailto/tel link
    'declare const patient: any; const text = `Discharge ${patient.fullName}? This cannot be undone.`;',
    'declare const cache: Map<string, unknown>; declare const patient: any; cache.get(`patient:${patient.ssn}`);',
    { code: 'declare const patient: any;\nexport const Contact = () => <a href={`tel:${patient.phoneNumber}`}>Call</a>;', filename: 'src/Contact.tsx' },
    { code: 'declare const patient: any;\nexport const Mail = () => <a href={`mailto:${patient.email}`}>Email</a>;', filename: 'src/Mail.tsx' },
    // routes with opaque ids
    "declare const router: any; declare const patient: any; router.push(`/patients/${patient.id}/chart`);",
    { code: "import { Link } from 'react-router-dom';\ndeclare const patient: any;\nexport const Row = () => <Link to={`/patients/${patient.id}`}>Open</Link>;", filename: 'src/Row.tsx' },
    // GET routes reading paging, POST routes reading PHI from the body
    "import express from 'express'; const app = express();\napp.get('/patients', (req, res) => { const { page, limit } = req.query; res.json({ page, limit }); });",
    "import express from 'express'; const app = express();\napp.post('/patients/search', (req, res) => { const ssn = req.body.ssn; res.json({ found: !!ssn }); });",
    "import express from 'express'; const app = express();\napp.get('/patients/:id', (req, res) => { res.json({ id: req.params.id, q: req.query.patientId }); });",
    // free-text searches that are not for patients, or search by an opaque id
    'export function searchDrugs(term: string) { return fetch(`/api/drugs?q=${term}`); }',
    'export function searchPatientsProviders(term: string) { return fetch(`/api/providers?q=${term}`); }',
    'export function searchPatients(patientUuid: string) { return fetch(`/api/patients?q=${patientUuid}`); }',
    "export function searchPatients() { return fetch(`/api/patients?q=${'active'}`); }",
    "export function usePatientSearch(page: number) { const params = new URLSearchParams({ q: 'recent', page: String(page) }); return fetch(`/api/patients?${params}`); }",
    // page URL state without PHI: paging, opaque ids
    { code: "import { useSearchParams } from 'react-router-dom';\nexport function usePatientList(page: number, patientId: string) {\n  const [, setSearchParams] = useSearchParams();\n  setSearchParams({ page: String(page), patientId });\n}", filename: 'src/usePatientList.ts' },
    // DHIS2: filters of ids or constants, configuration objects, a program alone (not only the tracker uses it)
    "declare const orgUnitId: string; declare const typeId: string; export const args = { filter: `orgUnit:EQ:${orgUnitId}`, trackedEntityType: typeId };",
    "declare const typeId: string; export const args = { filter: 'status:EQ:ACTIVE', trackedEntityType: typeId };",
    "export const LABELS = { attribute: { field: 'displayAttributeLabel' }, trackedEntityType: { field: 'displayTypeLabel' } };",
    "declare function buildFilter(v: unknown): string; declare const values: unknown; declare const programId: string; export const args = { filter: buildFilter(values), program: programId };",
    // handlers: paging from the query, a sign-in handler reading the user's own e-mail, a POST route registered here
    'export function list(req: any, res: any) { const { page, limit } = req.query; res.json({ page, limit }); }',
    'export function resetPassword(req: any, res: any) { res.json({ sent: !!req.query.email }); }',
    'export function notAHandler(req: any) { return req.query.dob; }',
    // the page URL copied into its own origin or path only, or into a sentence
    "export const a = `/login?origin=${window.location.origin}`;",
    "export const b = `/login?from=${location.pathname}`;",
    "export const c = `Open ${location.href}? It is outside the app.`;",
    // a TanStack query object, paging in a data hook's query
    "declare function useQuery(options: unknown, more?: unknown): unknown; declare const routes: any; export function usePatients(page: number, searchTerm: string) { useQuery({ queryKey: ['patients', searchTerm], queryFn: () => 1 }); useQuery(routes.patients, { query: { page, limit: 10 } }); }",
    'export function fetchPatientGraph(gqlQuery: string) { return fetch(`/api/patients/graphql?query=${encodeURIComponent(gqlQuery)}`); }',
    'export function searchPatients(sortOrder: string) { return fetch(`/api/patients?search=${sortOrder}`); }',
    "import { useLocation } from 'react-router-dom'; export function useBack(patient: { id: string }) { const location = useLocation(); return `${location.pathname}?patient=${patient.id}`; }",
    // a record named by its id: a `patient: string` is a logical id, `.set('patient', patientUuid)` an opaque reference
    'export function lastObservation(patient: string, code: string) { const params = new URLSearchParams({ patient, code, max: \'1\' }); return fetch(`/fhir/Observation/$lastn?${params.toString()}`); }',
    "declare class HttpParams { set(k: string, v: string): HttpParams }\nexport class Visits { constructor(private http: any) {}\n  list(patientUuid: string) { const params = new HttpParams().set('patient', patientUuid).set('v', 'full'); return this.http.get('/ws/visit', { params }); } }",
    "declare const history: any; declare const patients: any[];\nexport function openFirst() { const patient = patients[0]; const target = `/patients/${patient.userid}/data`; history.push(target); }",
    // terminology and drug catalogue searches with no patient attached: concept names, allergen and diagnosis terms
    'export function useAllergenSearch(allergenToLookup: string, classUuid: string) { return fetch(`/ws/conceptsearch?conceptClasses=${classUuid}&q=${allergenToLookup}`); }',
    'export function findDiagnosisConcepts(searchTerm: string, diagnosisConceptClass: string) { return fetch(`/ws/concept?name=${searchTerm}&class=${diagnosisConceptClass}`); }',
    'export function vaccineSet(config: { immunizationConceptSet: string }) { return fetch(`/ws/concept?references=${config.immunizationConceptSet}&v=full`); }',
    "declare const Urls: any; declare const $http: any;\nexport function drugSetMembers(conceptSetName: string) { return $http.get(Urls.drugUrl, { params: { q: conceptSetName, s: 'byConceptSet' } }); }",
    "declare const Urls: any; declare const $http: any;\nexport function frequencies() { return $http.get(Urls.conceptSearchUrl, { params: { name: Urls.dosageFrequencyConceptName } }); }",
    'declare function batch(urls: string[]): Promise<unknown>;\nexport function medicationByName(medicationName: string) { return batch([`Medication?identifier=${medicationName}`]); }',
    // a path read from a constants namespace is configuration, whatever its name says
    "declare const App: any; declare const $http: any;\nexport function bedDetails(bedId: string) { return $http.get(App.Constants.bedFromVisit + '/' + bedId); }",
    // app settings are not routes
    "import express from 'express'; const app = express(); const env = app.get('env');",
    // a sign-in, password-reset or staff screen puts the account holder's own e-mail in a link, not a patient's
    "export function ForgotPasswordCtrl($scope: any) {\n  $scope.$watch('userEmail', function (value: string) {\n    $scope.link = '#!/login?email=' + value;\n  });\n}",
    { code: "export function rememberLogin(value: string, phone: string) {\n  return `#/verify?email=${value}&phone=${phone}`;\n}", filename: 'src/auth/links.ts' },
    "export function StaffDirectoryCtrl($scope: any) {\n  $scope.open = (value: string) => `#!/staff?email=${value}`;\n}",
    // the key of a whole patient record (`patient.code`, a numeric database key an EHR routes by) is opaque like its id
    { code: "import { useNavigate } from 'react-router-dom';\nexport function PatientRow(props: any) {\n  const navigate = useNavigate();\n  const patient = props.patient;\n  return () => navigate(`/patients/details/${patient.code ?? ''}/bills`);\n}", filename: 'src/PatientRow.tsx' },
    // a concept set (a terminology's coded answers) and a FHIR value set are dictionary, not a patient's data
    'declare const appointmentReasonConceptSet: string; fetch(`/ws/rest/v1/concept?memberOf=${appointmentReasonConceptSet}`);',
    'declare const diagnosisValueSet: string; fetch(`/fhir/ValueSet/$expand?url=${diagnosisValueSet}`);',
    // a REST resource of metadata types (attribute, encounter, identifier types) is searched by the type's name
    "declare function openmrsFetch(url: string, init?: object): Promise<unknown>;\ndeclare const restBaseUrl: string;\nexport function performPersonAttributeTypeSearch(query: string) {\n  return openmrsFetch(`${restBaseUrl}/personattributetype/?q=${query}`, { method: 'GET' });\n}",
    // a URL chosen by a condition: the condition may name PHI, the chosen URL carries only an opaque id or nothing
    "import useSWR from 'swr';\ndeclare const fetcher: any;\nexport function usePatient(patientUuid: string, mrn: string) {\n  return useSWR(mrn ? `/api/patients/${patientUuid}` : null, fetcher);\n}",
    "import useSWR from 'swr';\ndeclare const fetcher: any;\nexport function useVisits(patientUuid: string) {\n  return useSWR(patientUuid && `/api/visits?patient=${patientUuid}&limit=20`, fetcher);\n}",
    // a compiled template filled with opaque ids and paging only; a `template` that is the app's own function, not an engine's
    "import { template } from 'lodash';\nexport function openVisit(patientUuid: string, visitUrlTemplate: string) {\n  const compiled = template(visitUrlTemplate);\n  return fetch(compiled({ patientUuid, page: 2 }));\n}",
    "import { template } from './text-utils';\nexport function openRegistry(nationalId: string, registryTemplate: string) {\n  return fetch(template(registryTemplate)({ nationalId }));\n}",
    // a value named as the record itself and declared or only guessed a patient (`patient: number`), spliced into a link's
    // path, is the record's reference; a trap-named or destructured parameter keeps its declared shape
    { code: "type Props = { patient: number; label: string };\nexport const One = ({ patient, label }: Props) => <a href={`/profile/${patient}/events`}>{label}</a>;\nexport const Two = (props: Props) => <a href={`/profile/${props.patient}`}>{props.label}</a>;\nexport const columns = [{ render: (value) => <a href={`/profile/${value.patient}/document/${value.id}`}>{value.local}</a> }];", filename: 'src/events/EventsCard.tsx' },
    // under a key naming an id, a record (or anything but a bare person number) is taken for the opaque id the key names
    "import axios from 'axios';\nexport const visits = (patient: { name: string; ssn: string }) => axios.get('/api/visits', { params: { patientId: patient } });\nexport const forms = (patientUuid: string) => axios.get('/api/forms', { params: { patientId: patientUuid } });",
    // a value known only by a name that ends in the record's noun (`event.paciente`, `encounter`), spliced into text, is the
    // record (`[object Object]`) or, being text, its id: no data of the record (judged false on an Angular EHR's routes)
    "declare const router: { navigate(commands: unknown[]): void };\nexport function onSearch(event: any) {\n  router.navigate([`/vaccination/new/${event.paciente}`]);\n}\nexport function open(encounter: any) {\n  return fetch('/api/visits/' + encounter);\n}\nexport function show(event: any) {\n  router.navigate([`/vaccination/${event?.paciente ?? 'new'}`]);\n}",
    // search keys spelt by a table's members: a reference, a code and a date bound set no person's data, nor does a constant system
    {"workspace": {"src/types/searchKeys.ts": "export const ConditionKeys = {\n  PATIENT_NUMBER: 'subject.identifier',\n  VISIT: 'encounter',\n  CODE: 'code',\n  DATE: 'recorded-date',\n}\nexport enum ClaimKeys { PATIENT_NUMBER = 'patient.identifier', STATUS = 'status' }\n"}, "filename": "src/services/conditions.ts", "code": "import axios from 'axios';\nimport { ConditionKeys } from '../types/searchKeys';\nexport async function fetchConditions(visit: string, code: string, minDate: string) {\n  const options = [`${ConditionKeys.VISIT}=${visit}`, `${ConditionKeys.CODE}=${code}`, `${ConditionKeys.DATE}=ge${minDate}`, `subject.active=true`, `${ConditionKeys.PATIENT_NUMBER}=${'https://example.org/ipp|'}`];\n  return axios.get(`/Condition?${options.join('&')}`);\n}\n"},
  ],
  invalid: [
    // a FHIR search key chained through the patient reference (`subject.identifier`), spelt by a constant table's member
    // (imported, from the source root, or declared here) or written out, sets the patient's business identifier: in a
    // parameter collected into a list that is joined into the GET's query string, or in the URL itself
    {"name": "a patient identifier key from an imported table, in a collected search parameter", "workspace": {"src/types/searchKeys.ts": "export const ConditionKeys = {\n  PATIENT_NUMBER: 'subject.identifier',\n  VISIT: 'encounter',\n  CODE: 'code',\n  DATE: 'recorded-date',\n}\nexport enum ClaimKeys { PATIENT_NUMBER = 'patient.identifier', STATUS = 'status' }\n"}, "filename": "src/services/conditions.ts", "code": "import axios from 'axios';\nimport { ConditionKeys } from '../types/searchKeys';\nexport async function fetchConditions(args: { ipp?: string; code?: string; minDate?: string }) {\n  const { ipp, code, minDate } = args;\n  let options: string[] = ['_count=20'];\n  if (ipp) options = [...options, `${ConditionKeys.PATIENT_NUMBER}=${ipp}`];\n  if (code) options = [...options, `${ConditionKeys.CODE}=${code}`];\n  if (minDate) options = [...options, `${ConditionKeys.DATE}=ge${minDate}`];\n  return axios.get(`/Condition?${options.join('&')}`);\n}\n", "errors": [{"line": 6, "column": 70, "kinds": ["mrn"]}]},
    {"name": "a patient identifier key of an enum imported from the source root", "workspace": {"src/types/searchKeys.ts": "export const ConditionKeys = {\n  PATIENT_NUMBER: 'subject.identifier',\n  VISIT: 'encounter',\n  CODE: 'code',\n  DATE: 'recorded-date',\n}\nexport enum ClaimKeys { PATIENT_NUMBER = 'patient.identifier', STATUS = 'status' }\n"}, "filename": "src/services/claims.ts", "code": "import { ClaimKeys } from 'types/searchKeys';\ndeclare const api: { get(url: string): Promise<unknown> };\nexport function fetchClaims(ipp: string, status: string) {\n  const params = [`${ClaimKeys.STATUS}=${status}`, `${ClaimKeys.PATIENT_NUMBER}=${ipp}`];\n  return api.get(`/Claim?${params.join('&')}`);\n}\n", "errors": [{"line": 4, "column": 83, "kinds": ["mrn"]}]},
    {"name": "a patient identifier key of a table declared here, in the URL", "filename": "src/services/observations.ts", "code": "const ObservationKeys = { PATIENT_NUMBER: 'subject.identifier' };\nexport function fetchObservations(ipp: string) {\n  return fetch(`/fhir/Observation?${ObservationKeys.PATIENT_NUMBER}=${ipp}&_count=10`);\n}\n", "errors": [{"line": 3, "column": 71, "kinds": ["mrn"]}]},
    {"name": "a written-out chained identifier key in a collected search parameter", "filename": "src/services/documents.ts", "code": "import axios from 'axios';\nexport function fetchDocuments(ipp: string) {\n  const options = ['_count=20', `patient:identifier=${ipp}`];\n  return axios.get(`/DocumentReference?${options.join('&')}`);\n}\n", "errors": [{"line": 3, "column": 55, "kinds": ["mrn"]}]},
    {"name": "a record's fields, or the record serialised, spliced into a URL still count", "code": "declare const router: { navigate(commands: unknown[]): void };\nexport function onSearch(event: any) {\n  router.navigate([`/vaccination/new/${event.paciente.documento}`]);\n  return fetch(`/api/check?p=${JSON.stringify(event.paciente)}`);\n}", "errors": [{"line": 3, "column": 20}, {"line": 4, "column": 32}]},
    {"name": "parameters kept beside a plain search path go into its URL", "code": "export function byDemographics(queries: Record<string, unknown>, patient: { birthDate: string }) {\n  const params = new URLSearchParams();\n  params.append('birthdate', patient.birthDate);\n  queries['patient'] = { basePath: `/Patient`, params };\n}", "errors": [{"line": 3, "column": 30, "message": "date of birth"}]},
    // a specific identifier in a reference parameter, or an identity document's number in an identifier slot, still counts
    {"name": "an MRN in a subject parameter", "code": "declare const patient: { mrn: string };\nfetch(`/fhir/Observation?subject=${patient.mrn}`);", "errors": [{"line": 2, "column": 36, "message": "medical record number"}]},
    {"name": "an id document's number in a patient identifier search", "code": "export function find(idNumber: string) {\n  return fetch(`/fhir/Patient?identifier=${idNumber}`);\n}", "errors": [{"line": 2, "column": 44}]},
    // a code filter's criteria do not hide a name or a birth date put beside it, nor a diagnosis in a parameter that is not a code filter
    {"name": "names and a birth date beside a code filter", "code": "export function immunizations(patient: { firstName: string; birthDate: string }, vaccineCodes: string[]) {\n  const params = new URLSearchParams();\n  params.append('code', vaccineCodes.join(','));\n  params.append('given', patient.firstName);\n  params.append('birthdate', patient.birthDate);\n  return fetch(`/fhir/Immunization?${params}`);\n}", "errors": [{"line": 4, "column": 26, "message": "name"}]},
    {"name": "a diagnosis in a note parameter is not criteria", "code": "declare const patient: { diagnosis: string; id: string };\nfetch(`/api/notes?patient=${patient.id}&note=${patient.diagnosis}`);", "errors": [{"line": 2, "column": 48, "message": "diagnosis"}]},
    {"name": "a route template of a constants namespace filled with a patient's name: its arguments go into the URL", "filename": "src/open.ts", "code": "import { navigate } from '@openmrs/esm-framework';\ndeclare const routes: { patientDetails: { interpolate(p: object): string } };\ndeclare const patient: { name: string };\nexport function openPatient() {\n  navigate({ to: `/spa${routes.patientDetails.interpolate({ name: patient.name })}` });\n}", "errors": [{"line": 5, "column": 25, "message": "name"}]},
    {
      name: "a URL chosen by a condition (SWR's conditional key, a guarded or defaulted URL) is requested whenever chosen",
      code: [
        "import useSWR from 'swr';",
        'declare const fetcher: any; declare const registryUrl: string;',
        'export function useRegistryLookup(patientIdentifier: string) {',
        '  return useSWR(patientIdentifier ? `${registryUrl}/${patientIdentifier}` : null, fetcher);',
        '}',
        'export function useNationalIdLookup(nationalId: string) {',
        '  return useSWR(nationalId && `/registry/search?nationalId=${nationalId}`, fetcher);',
        '}',
        'export function lookupByNhsNumber(nhsNumber: string, cachedUrl?: string) {',
        '  return fetch(cachedUrl || `/api/summary?nhsNumber=${nhsNumber}`);',
        '}',
      ].join('\n'),
      errors: [
        { line: 4, column: 55, kinds: ['mrn'] },
        { line: 7, column: 62, kinds: ['national-id'] },
        { line: 10, column: 55, kinds: ['nhs-number'] },
      ],
    },
    {
      name: 'a template compiled into a function (lodash, underscore, Handlebars) and filled with PHI is the URL',
      code: [
        "import { template } from 'lodash';",
        "import _ from 'underscore';",
        "import Handlebars from 'handlebars';",
        'declare const router: { replace(url: string): void };',
        'export function afterBooking(patient: { nationalCode: string }, destinationTemplate: string) {',
        '  const compiled = template(destinationTemplate);',
        '  return fetch(compiled({ national_code: patient.nationalCode }));',
        '}',
        'export function openChart(mrn: string, chartTemplate: string) {',
        '  return fetch(_.template(chartTemplate)({ mrn }));',
        '}',
        'export function openSummary(patient: { nhsNumber: string }, summaryTemplate: string) {',
        '  const render = Handlebars.compile(summaryTemplate);',
        '  return fetch(render({ nhs: patient.nhsNumber }));',
        '}',
      ].join('\n'),
      errors: [
        { line: 7, column: 16, kinds: ['national-id'] },
        { line: 10, column: 16, kinds: ['mrn'] },
        { line: 14, column: 16, kinds: ['nhs-number'] },
      ],
    },
    {
      name: 'near misses of an aggregate report filter: a patient key beside the diagnosis, no date range, not a report',
      code: [
        'declare const http: any; declare const filter: any;',
        "http.get('/Reporting/DiagnosisReport?FromDate=' + filter.fromDate + '&ToDate=' + filter.toDate + '&PatientCode=' + filter.code + '&Diagnosis=' + filter.diagnosis);",
        "http.get('/Reporting/DiagnosisReport?Diagnosis=' + filter.diagnosis);",
        "http.get('/api/diagnoses?FromDate=' + filter.fromDate + '&ToDate=' + filter.toDate + '&Diagnosis=' + filter.diagnosis);",
      ].join('\n'),
      errors: [
        { line: 2, column: 146, kinds: ['diagnosis'] },
        { line: 3, column: 52, kinds: ['diagnosis'] },
        { line: 4, column: 102, kinds: ['diagnosis'] },
      ],
    },
    {
      name: "near misses of the metadata-type search: a person search, and a patient's name sent to a type search",
      code: "declare function openmrsFetch(url: string, init?: object): Promise<unknown>;\ndeclare const restBaseUrl: string;\nexport function performPersonSearch(query: string) {\n  return openmrsFetch(`${restBaseUrl}/person/?q=${query}`, { method: 'GET' });\n}\nexport function searchPatientType(patientName: string) {\n  return openmrsFetch(`${restBaseUrl}/personattributetype/?q=${patientName}`, { method: 'GET' });\n}",
      errors: [
        { line: 4, column: 51, kinds: ['name'] },
        { line: 7, column: 64, kinds: ['name'] },
      ],
    },
    {
      name: "free-text search of a list of patients' visits or admissions: what staff type to find the patient",
      code: "declare const http: any;\nexport class VisitsApi {\n  listVisits(days: number, searchTxt: string) {\n    return http.get('/api/Visit/ListVisits?dayslimit=' + days + '&search=' + searchTxt);\n  }\n  admissions(searchText: string) {\n    return http.get(`/api/admissions?q=${searchText}`);\n  }\n}",
      errors: [
        { line: 4, column: 78, kinds: ['name'] },
        { line: 7, column: 42, kinds: ['name'] },
      ],
    },
    {
      name: "a shared search service: routes in an enum, the route a switch case narrows its parameter to, the typed term appended",
      code: "declare const http: any;\nexport enum SearchRoutes {\n  PatientByName = '/api/Patient/SearchPatient?search=',\n  VisitList = '/api/Visit/GetVisitByStatus?status=',\n  Wards = '/api/Ward/List?search=',\n}\nexport class SearchService {\n  status = '';\n  searchEntries(apiUrl: string, term: string) {\n    switch (apiUrl) {\n      case SearchRoutes.VisitList:\n        return http.get(apiUrl + this.status + '&search=' + term);\n      case SearchRoutes.PatientByName:\n        return http.get(apiUrl + term);\n      case SearchRoutes.Wards:\n        return http.get(apiUrl + term);\n      default:\n        return http.get(apiUrl + term);\n    }\n  }\n  byName(term: string) {\n    return http.get(SearchRoutes.PatientByName + term);\n  }\n}",
      errors: [
        { line: 12, column: 61, kinds: ['name'] },
        { line: 14, column: 34, kinds: ['name'] },
        { line: 22, column: 50, kinds: ['name'] },
      ],
    },
    {
      name: 'a Medicare number and a national health insurance (NSHI) number, abbreviated, in the query string',
      code: "declare const http: any;\nexport function member(medicareNo: string) { return http.get(`/api/Medicare/Member?MedicareNo=${medicareNo}`); }\nexport function insured(nshiNumber: string) { return http.get('/api/Insurance/Patients?nshiNumber=' + nshiNumber); }",
      errors: [
        { line: 2, column: 97, kinds: ['health-plan-id'] },
        { line: 3, column: 103, kinds: ['health-plan-id'] },
      ],
    },
    {
      name: 'fetch with an SSN in the query string',
      code: 'declare const ssn: string;\nfetch(`/api/patients?ssn=${ssn}`);',
      errors: [{ line: 2, column: 28, kinds: ['ssn'], message: 'Request URL of `fetch` carries SSN' }],
      output: null,
    },
    {
      name: 'the query parameter name says what an opaque value is',
      code: 'declare const form: any;\nfetch(`/api/eligibility?dob=${form.values.born}&plan=basic`);',
      errors: [{ line: 2, column: 31, kinds: ['date-of-birth'] }],
    },
    {
      name: 'concatenation and encodeURIComponent',
      code: "declare const patient: any;\nfetch('/api/search?name=' + encodeURIComponent(patient.lastName));",
      errors: [{ line: 2, column: 29, kinds: ['name'] }],
    },
    {
      name: 'an MRN in the path',
      code: 'declare const patient: any;\nfetch(`/api/charts/${patient.mrn}/notes`);',
      errors: [{ line: 2, column: 22, kinds: ['mrn'] }],
    },
    {
      name: 'a URL built first, requested later, is reported once where it is built',
      code: 'declare const patient: any;\nconst url = `/api/lookup?dob=${patient.dateOfBirth}`;\nfetch(url);',
      errors: [{ line: 2, column: 32, kinds: ['date-of-birth'], message: 'URL query string built with date of birth' }],
    },
    {
      name: 'a path with PHI in a variable, requested later',
      code: 'declare const patient: any;\nconst url = `/api/members/${patient.memberNumber}`;\nawait fetch(url);',
      errors: [{ line: 3, column: 13, kinds: ['health-plan-id'] }],
    },
    {
      name: 'axios params and got searchParams',
      code: "import axios from 'axios';\nimport got from 'got';\ndeclare const patient: any;\naxios.get('/api/patients', { params: { ssn: patient.ssn } });\ngot('https://api.example.com/members', { searchParams: { dob: patient.birthDate } });",
      errors: [
        { line: 4, column: 38, kinds: ['ssn'], message: 'Query parameters of `axios.get` carry SSN' },
        { line: 5, column: 56, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'a receiver only named like an HTTP client is a guess',
      code: 'declare const apiClient: any; declare const patient: any;\napiClient.get(`/patients?phone=${patient.phoneNumber}`);',
      errors: [{ line: 2, column: 34, kinds: ['phone'] }],
    },
    {
      name: 'Angular HttpParams',
      code: "declare const patient: any; declare class HttpParams { set(k: string, v: string): HttpParams }\nclass S { constructor(private http: any) {}\n  find() { return this.http.get('/api/patients', { params: new HttpParams().set('ssn', patient.ssn) }); } }",
      errors: [{ line: 3, column: 60, kinds: ['ssn'] }],
    },
    {
      name: 'URLSearchParams: searchParams.set and a params object used in a URL',
      code: "declare const patient: any;\nconst url = new URL('https://api.example.com/lookup');\nurl.searchParams.set('mrn', patient.mrn);\nconst params = new URLSearchParams({ email: patient.email });\nfetch(`/api/portal?${params}`);",
      errors: [
        { line: 3, column: 29, kinds: ['mrn'], message: 'URL search parameters carry medical record number' },
        { line: 4, column: 16, kinds: ['email'] },
      ],
    },
    {
      name: 'URLSearchParams append with an opaque value and a PHI key',
      code: "declare const value: string;\nconst params = new URLSearchParams();\nparams.append('ssn', value);\nwindow.location.search = params.toString();",
      errors: [{ line: 3, column: 22, kinds: ['ssn'] }],
    },
    {
      name: 'window.location, location.assign and history.pushState',
      code: "declare const patient: any;\nwindow.location.href = `/results?diagnosis=${patient.diagnosis}`;\nlocation.assign('/chart?dob=' + patient.birthDate);\nhistory.pushState({}, '', `/visit?mrn=${patient.mrn}`);",
      errors: [
        { line: 2, column: 46, kinds: ['diagnosis'], message: 'Page URL set by `window.location.href` carries diagnosis' },
        { line: 3, column: 33, kinds: ['date-of-birth'] },
        { line: 4, column: 41, kinds: ['mrn'] },
      ],
    },
    {
      name: 'Next router.push with a query object and React Router navigate',
      code: "import { useRouter } from 'next/router';\nimport { useNavigate } from 'react-router-dom';\nexport function useOpen(patient: any) {\n  const router = useRouter();\n  const go = useNavigate();\n  router.push({ pathname: '/results', query: { ssn: patient.ssn } });\n  go(`/patients/search?lastName=${patient.lastName}`);\n}",
      errors: [
        { line: 6, column: 46, kinds: ['ssn'] },
        { line: 7, column: 35, kinds: ['name'] },
      ],
    },
    {
      name: 'a patient record\'s code is its key, but its identifier, MRN and name are PHI',
      code: "import { useNavigate } from 'react-router-dom';\nexport function PatientRow(props: any) {\n  const navigate = useNavigate();\n  const patient = props.patient;\n  navigate(`/patients/${patient.code}/mrn/${patient.mrn}`);\n  navigate(`/patients/${patient.code}?id=${patient.identifier}`);\n  navigate(`/patients/${patient.code}?name=${patient.lastName}`);\n}",
      filename: 'src/PatientRow.tsx',
      errors: [
        { line: 5, column: 45, kinds: ['mrn'] },
        { line: 6, column: 44, kinds: ['patient-record'] },
        { line: 7, column: 46, kinds: ['name'] },
      ],
    },
    {
      name: 'a value named as a number the hospital gives the patient (`patientCode`) is not the record\'s reference',
      code: "declare const http: { get(url: string): unknown };\nexport function billHistory(patientCode: string) {\n  return http.get('/Reporting/PatientBillHistory?PatientCode=' + patientCode);\n}",
      errors: [{ line: 3, column: 66, kinds: ['patient-record'] }],
    },
    {
      name: 'beside a patient reference in a link, an identifier field, a field read off the record and a key that names PHI are still reported',
      code: "type Props = { patient: number; mrn: string };\nexport const One = ({ patient, mrn }: Props) => <a href={`/profile/${patient}/mrn/${mrn}`}>x</a>;\nexport const Two = (row: any) => <a href={`/profile/${row.patient}?ssn=${row.patient}`}>x</a>;",
      filename: 'src/events/EventsCard.tsx',
      errors: [
        { line: 2, column: 85, kinds: ['mrn'] },
        { line: 3, column: 74, kinds: ['ssn'] },
      ],
    },
    {
      name: 'an e-mail in a link built on a patient screen, a sign-in that names the patient or a sign-up (patients sign up) is still reported',
      code: "export function PatientContactCtrl($scope: any) {\n  $scope.open = (value: string) => `#!/contact?email=${value}`;\n}\nexport function patientLogin(value: string) {\n  return `#/login?email=${value}`;\n}\nexport function confirmSignup(key: string, signupEmail: string) {\n  return `/verification?key=${key}&signupEmail=${signupEmail}`;\n}",
      errors: [
        { line: 2, column: 56, kinds: ['email'] },
        { line: 5, column: 27, kinds: ['email'] },
        { line: 8, column: 50, kinds: ['email'] },
      ],
    },
    {
      name: 'Vue router and Angular router',
      code: "declare const patient: any;\nclass C { $router: any; router: any;\n  a() { this.$router.push({ name: 'results', query: { dob: patient.birthDate } }); }\n  b() { this.router.navigate(['/patients', patient.mrn]); } }",
      errors: [
        { line: 3, column: 53, kinds: ['date-of-birth'] },
        { line: 4, column: 44, kinds: ['mrn'] },
      ],
    },
    {
      name: 'links in JSX',
      code: "import Link from 'next/link';\nimport type { Patient } from '@medplum/fhirtypes';\nexport function Row({ patient }: { patient: Patient }) {\n  return <>\n    <a href={`/search?dob=${patient.birthDate}`}>same birthday</a>\n    <Link href={{ pathname: '/chart', query: { name: patient.name?.[0]?.family } }}>chart</Link>\n  </>;\n}",
      filename: 'src/Row.tsx',
      errors: [
        { line: 5, column: 29, kinds: ['date-of-birth'], message: 'Link URL' },
        { line: 6, column: 46, kinds: ['name'] },
      ],
    },
    {
      name: 'a GET route reading the national identity document (Spanish `documento`) from req.query',
      code: "import express from 'express';\nconst router = express.Router();\ndeclare function search(q: unknown): Promise<unknown>;\nrouter.get('/cda', async (req, res) => {\n  const documento = req.query.documento;\n  res.json(await search({ documento }));\n});",
      filename: 'src/routes/cda.ts',
      errors: [{ line: 5, column: 21, kinds: ['national-id'], message: 'GET route reads national identity number' }],
    },
    {
      name: "in code about professionals, a parameter naming the patient and clinical data stay PHI",
      code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/profesionales/agenda', async (req, res) => {\n  res.json([req.query.pacienteDocumento, req.query.diagnostico]);\n});",
      filename: 'src/routes/profesional.ts',
      errors: [{ line: 4, column: 13, kinds: ['national-id'] }, { line: 4, column: 42, kinds: ['diagnosis'] }],
    },
    {
      name: "a practitioner route's path that names the patient keeps the patient's identifiers",
      code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/practitioners/:id/patients', async (req, res) => {\n  res.json(req.query.lastName);\n});",
      filename: 'src/routes/index.ts',
      errors: [{ line: 4, column: 12, kinds: ['name'] }],
    },
    {
      name: 'in catalogue code, an identifier read from the query stays PHI (only terminology kinds are the catalogue\'s)',
      code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/', async (req, res) => {\n  res.json(req.query.documento);\n});",
      filename: 'src/vademecum/routes.ts',
      errors: [{ line: 4, column: 12, kinds: ['national-id'] }],
    },
    {
      name: 'Express GET route reading PHI from req.query',
      code: "import express from 'express';\nconst app = express();\napp.get('/api/patients/lookup', async (req, res) => {\n  const ssn = req.query.ssn as string;\n  const { dob, page } = req.query;\n  res.json({ ok: !!ssn && !!dob, page });\n});",
      errors: [
        { line: 4, column: 15, kinds: ['ssn'], message: 'GET route reads SSN from the query string' },
        { line: 5, column: 11, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'Fastify route object and Koa router',
      code: "declare const fastify: any; declare const router: any;\nfastify.route({ method: 'GET', url: '/members', handler: async (request: any) => request.query.memberNumber });\nrouter.get('/visits', async (ctx: any) => { ctx.body = ctx.request.query.diagnosis; });",
      errors: [
        { line: 2, column: 82, kinds: ['health-plan-id'] },
        { line: 3, column: 56, kinds: ['diagnosis'] },
      ],
    },
    {
      name: 'NestJS @Query on a @Get handler',
      code: "declare function Get(): any; declare function Query(name?: string): any;\nclass PatientsController {\n  @Get()\n  find(@Query('ssn') ssn: string) { return ssn.length; }\n}",
      errors: [{ line: 4, column: 15, kinds: ['ssn'] }],
    },
    {
      name: 'FHIR Patient read through Medplum, redirected with its birth date',
      code: "export async function handler(medplum: any, id: string, res: any) {\n  const patient = await medplum.readResource('Patient', id);\n  res.redirect(`/portal/welcome?born=${patient.birthDate}`);\n}",
      errors: [{ line: 3, column: 40, kinds: ['date-of-birth'] }],
    },
    {
      name: 'DHIS2 tracker search: attribute filters built from the search form',
      code: "declare function filtersFromForm(values: unknown): string[];\ndeclare const formValues: unknown;\nexport const searchArgs = (programId: string) => ({\n  filter: filtersFromForm(formValues),\n  program: programId,\n  orgUnitMode: 'ACCESSIBLE',\n});",
      errors: [{ line: 4, column: 11, kinds: ['name', 'national-id'], message: 'DHIS2 tracker query sends tracked-entity attribute values' }],
    },
    {
      name: 'DHIS2 uniqueness check of a typed attribute value, and params handed in by the caller',
      code: "declare function querySingleResource(query: unknown): Promise<unknown>;\nexport function isTaken(typeId: string, attributeId: string, typedValue: string) {\n  return querySingleResource({\n    resource: 'tracker/trackedEntities',\n    params: { trackedEntityType: typeId, filter: `${attributeId}:EQ:${typedValue}` },\n  });\n}\nexport const findPeople = (queryParams: unknown) => querySingleResource({ resource: 'tracker/trackedEntities', params: queryParams });",
      errors: [
        { line: 5, column: 50, kinds: ['name', 'national-id'] },
        { line: 8, column: 120, kinds: ['name', 'national-id'], message: 'in the `params` parameter' },
      ],
    },
    {
      name: 'free-text search on a patient endpoint or in a patient-search function',
      code: "export function searchPatients(term: string) {\n  return fetch(`/api/patients?q=${term}`);\n}\nexport function usePatientLookup(searchQuery: string) {\n  const params = new URLSearchParams({ search: searchQuery, limit: '10' });\n  return fetch(`/api/records?${params}`);\n}",
      errors: [
        { line: 2, column: 35, kinds: ['name'], message: 'Request URL of `fetch` carries person' },
        { line: 5, column: 18, kinds: ['name'] },
      ],
    },
    {
      name: 'page URL state: navigate({ to }), setSearchParams and a one-parameter query setter',
      code: "import { useSearchParams } from 'react-router-dom';\nimport { useQueryState } from 'nuqs';\ndeclare function navigate(target: { to: string }): void;\nexport function PatientSearchBar() {\n  const [, setSearchParams] = useSearchParams();\n  const [, setPhone] = useQueryState('phone');\n  const submit = (searchTerm: string) => {\n    navigate({ to: `/search?query=${encodeURIComponent(searchTerm)}` });\n    setSearchParams({ q: searchTerm, page: '1' });\n    setPhone(searchTerm);\n  };\n  return submit;\n}",
      filename: 'src/PatientSearchBar.tsx',
      errors: [
        { line: 8, column: 37, kinds: ['name'], message: 'Page URL set by `navigate`' },
        { line: 9, column: 21, kinds: ['name'], message: 'Page URL set by `setSearchParams`' },
        { line: 10, column: 14, kinds: ['phone'], message: 'Page URL set by `setPhone`' },
      ],
    },
    {
      name: 'search filters copied into URLSearchParams and written to the page URL',
      code: "import { useSearchParams } from 'react-router-dom';\ninterface Filters { lastName: string; dob: string; page: number }\nexport function useSearch(filters: Filters) {\n  const [searchParams, setSearchParams] = useSearchParams();\n  const next = new URLSearchParams(searchParams);\n  Object.entries(filters).forEach(([key, value]) => next.set(key, String(value)));\n  setSearchParams(next);\n}",
      errors: [{ line: 6, column: 67, kinds: ['date-of-birth', 'name'], message: 'URL search parameters carry' }],
    },
    {
      name: 'a request handler whose route is registered in another module reads PHI from the query string',
      code: "export async function byPhone(req: any, res: any) {\n  const { phone, page } = req.query;\n  res.json({ phone, page });\n}\nexport const lookup = async (ctx: any) => { ctx.body = ctx.request.query.ssn; };",
      errors: [
        { line: 2, column: 11, kinds: ['phone'], message: 'Request handler reads phone number from the query string' },
        { line: 5, column: 56, kinds: ['ssn'] },
      ],
    },
    {
      name: 'the page URL copied into another URL (low precision)',
      code: "export function toLogin() {\n  window.location.href = `/login?redirect=${encodeURIComponent(window.location.href)}`;\n  return '/auth?returnTo=' + location.href;\n}",
      errors: [
        { line: 2, column: 45, message: 'The page URL (`window.location.href`) is copied' },
        { line: 3, column: 30 },
      ],
    },
    {
      name: 'query options of a data hook, axios params and Angular queryParams of a patient search',
      code: "import axios from 'axios';\ndeclare function useQuery(route: unknown, options?: unknown): unknown;\ndeclare const routes: { searchPatient: string };\ndeclare const router: { navigate(commands: unknown[], extras: unknown): void };\nexport function usePatientSearch(searchTerm: string, phone: string) {\n  useQuery(routes.searchPatient, { query: { phone_number: phone, limit: 10 } });\n  axios.get('/api/patients', { params: { q: searchTerm } });\n  router.navigate([], { queryParams: { search: searchTerm } });\n}",
      errors: [
        { line: 6, column: 43, kinds: ['phone'], message: 'Query parameters of `useQuery`' },
        { line: 7, column: 40, kinds: ['name'] },
        { line: 8, column: 38, kinds: ['name'] },
      ],
    },
    {
      name: 'useRouter().push and wouter setLocation navigate',
      code: "import { useRouter } from 'next/router';\nimport { useLocation } from 'wouter';\nexport function useOpenSearch(patient: { lastName: string; birthDate: string }) {\n  const [, setLocation] = useLocation();\n  useRouter().push(`/search?name=${patient.lastName}`);\n  setLocation(`/search?dob=${patient.birthDate}`);\n}",
      errors: [
        { line: 5, column: 36, kinds: ['name'], message: 'Page URL set by `useRouter().push`' },
        { line: 6, column: 30, kinds: ['date-of-birth'], message: 'Page URL set by `setLocation`' },
      ],
    },
    {
      name: 'superagent query()',
      code: "import superagent from 'superagent';\ndeclare const patient: any;\nsuperagent.get('/api/claims').query({ memberNumber: patient.memberNumber });",
      errors: [{ line: 3, column: 37, kinds: ['health-plan-id'] }],
    },
    {
      name: 'a patient record object in search parameters is still the record',
      code: "declare const patient: any;\nconst params = new URLSearchParams({ patient });\nfetch(`/fhir/Observation?${params}`);",
      errors: [{ line: 2, column: 16, kinds: ['patient-record'] }],
    },
    {
      name: 'a builder key with an opaque value whose name says nothing stays reported',
      code: "declare class HttpParams { set(k: string, v: string): HttpParams }\nexport class Lookup { constructor(private http: any) {}\n  find(value: string) { return this.http.get('/api/patients', { params: new HttpParams().set('dob', value) }); } }",
      errors: [{ line: 3, column: 73, kinds: ['date-of-birth'] }],
    },
    {
      name: 'a patient route with a clinical search term is not a catalogue lookup',
      code: 'export function patientAllergies(patientUuid: string, allergenToLookup: string) {\n  return fetch(`/ws/patients/${patientUuid}/allergies?q=${allergenToLookup}`);\n}',
      errors: [{ line: 2, column: 59, kinds: ['allergy'] }],
    },
    {
      name: 'a catalogue URL with a patient attached, or an identifier proper, stays reported',
      code: "declare const Urls: any; declare const $http: any; declare const patient: any;\n$http.get(Urls.conceptUrl, { params: { name: patient.name } });\nfetch(`/ws/concept?q=${patient.ssn}`);\nexport function orders(medicationName: string, patientUuid: string) { return fetch(`MedicationRequest?patient=${patientUuid}&medication=${medicationName}`); }",
      errors: [
        { line: 2, column: 38, kinds: ['name'] },
        { line: 3, column: 24, kinds: ['ssn'] },
        { line: 4, column: 139, kinds: ['medication'] },
      ],
    },
    {
      name: 'a route with a name read from a patient',
      code: 'declare const history: any; declare const patients: any[];\nexport function openFirst() { const patient = patients[0]; history.push(`/patients/${patient.fullName}/data`); }',
      errors: [{ line: 2, column: 86, kinds: ['name'] }],
    },
    {
      name: 'a constants namespace does not hide the PHI added beside it',
      code: "declare const App: any; declare const $http: any; declare const patient: any;\n$http.get(App.Constants.visitUrl + '?name=' + patient.fullName);",
      errors: [{ line: 2, column: 47, kinds: ['name'] }],
    },
    {
      name: 'a string parameter is an id only when named after the record itself, not a date of it',
      code: 'export function pendingOrders(patientName: string, visitStartDate: string) {\n  return fetch(`/ws/order?name=${patientName}&from=${visitStartDate}`);\n}',
      errors: [{ line: 2, column: 34, kinds: ['care-date', 'name'] }],
    },
  ],
});

// GET routes whose handlers read PHI from the query without a single `req.query.x` read showing it
// (rules/utils/get-routes.ts): the query object taken apart or handed to helpers, FHIR search routes.
const EXPRESS = "import express from 'express';\nimport asyncHandler from 'express-async-handler';\nconst router = express.Router();\n";
const FHIR_CORE = "const { resolveSchema } = require('@bluehalo/node-fhir-server-core');\n";
runRuleTests('no-phi-in-url', {
  valid: [
    // the query object taken apart for paging, sorting, statuses and opaque ids
    EXPRESS + "router.get('/visits', asyncHandler(async (req, res) => {\n  const { models, query } = req;\n  const { page = 0, orderBy, status, patientId, ...filters } = query;\n  res.json(await models.Visit.list({ page, orderBy, status, patientId, ward: filters.wardId }));\n}));",
    // a POST route's handler: its method is not GET
    EXPRESS + "router.post('/patients/search', asyncHandler(async (req, res) => {\n  const { query } = req;\n  res.json({ lastName: query.lastName });\n}));",
    // a helper told to read only non-PHI parameters
    EXPRESS + "declare function mapFilters(q: unknown, spec: unknown[]): unknown;\nrouter.get('/orders', asyncHandler(async (req, res) => {\n  const { sort, ...filters } = req.query;\n  res.json(mapFilters(filters, [{ key: 'status' }, { key: 'priority' }]));\n}));",
    // a client request is not a route registration, a read by id is not a search
    "declare const api: any; declare const params: unknown;\nexport async function load() { const bundle = await api.get('/fhir/Patient', { params }); return bundle; }",
    EXPRESS + "declare function readPatient(): any;\nrouter.get('/fhir/Patient/:id', readPatient());",
    // a generic REST router outside FHIR code
    { code: EXPRESS + "declare function list(): any;\nrouter.get('/api/:resource', list());", filename: 'src/crud/routes.ts' },
    // hapi route objects (issue 9): a POST route's handler, a GET route reading paging and opaque ids
    {
      name: 'hapi route objects: POST, and GET with paging and ids only',
      filename: 'src/routes/tasks.ts',
      code: "import Hapi from '@hapi/hapi';\nexport default [\n  { method: 'POST', path: '/Patient/search', handler: (request: Hapi.Request, h: Hapi.ResponseToolkit) => h.response(request.query.birthDate) },\n  { method: 'GET', path: '/Task', options: { handler: (request: Hapi.Request, h: Hapi.ResponseToolkit) => {\n    const query = request.query as { page?: string; 'focus:identifier'?: string };\n    return h.response(listTasks(query));\n  } } },\n];\nfunction listTasks(query: { page?: string; 'focus:identifier'?: string }) { return [query.page, query['focus:identifier']]; }",
    },
    // a route table object that is not a route (no handler) and a GET route in a test file
    { code: "import Hapi from '@hapi/hapi';\nexport const routes = [{ method: 'GET', path: '/Patient', handler: (request: Hapi.Request) => request.query.name }];", filename: 'src/routes/patient.test.ts' },
    // node-fhir-server-core: an Observation service, and a Patient read by id
    { code: FHIR_CORE + "module.exports.search = (args) => { const code = args['code']; const subject = args['subject']; return { code, subject }; };", filename: 'src/services/observation/observation.service.js' },
    { code: FHIR_CORE + "module.exports.searchById = (args) => ({ id: args.id });", filename: 'src/services/patient/patient.service.js' },
    // routes in a test file
    { code: EXPRESS + "router.get('/patients', (req, res) => { const { query } = req; res.json({ name: query.firstName }); });", filename: 'test/patients.test.ts' },
    // a path parameter that is an opaque id
    EXPRESS + "declare function show(): any;\nrouter.get('/patients/:patientId', show());",
    // a sentence handed to a helper beside the query is not a parameter name
    EXPRESS + "declare function audit(message: string, details: unknown): void;\nrouter.get('/patients', asyncHandler(async (req, res) => {\n  const { query } = req;\n  audit('patient lookup by name and date of birth', query);\n  res.json({ page: query.page });\n}));",
    // Koa routes registered through app.use(route.get(…)) that read paging only
    "import route from 'koa-route';\ndeclare const app: any;\napp.use(route.get('/audits', async (ctx) => {\n  const filters = ctx.request.query;\n  ctx.body = { limit: filters.filterLimit, page: filters.filterPage };\n}));",
    // staff accounts: the app user's own e-mail and phone are not a patient's
    EXPRESS + "router.get('/staff', asyncHandler(async (req, res) => {\n  const { query } = req;\n  res.json({ email: query.email, phone: query.phone });\n}));",
    EXPRESS + "declare function byEmail(): any;\nrouter.get('/users/:email', byEmail());",
    "import express from 'express';\nexport const usersRouter = express.Router();\nusersRouter.get('/', async (req, res) => {\n  const { query: { page, ...filters } } = req;\n  res.json({ page, email: filters.email });\n});",
  ],
  invalid: [
    {
      name: 'hapi route objects: an exported GET route list whose handler hands the query to a helper, and options.handler (issue 9)',
      filename: 'src/routes/tracker/task.ts',
      code: "import Hapi, { RouteDefMethods } from '@hapi/hapi';\ninterface TaskQuery { 'patient:identifier'?: string; status?: string }\nexport default [{\n  method: 'GET' as RouteDefMethods,\n  path: '/Task',\n  handler: async (request: Hapi.Request, responseToolkit: Hapi.ResponseToolkit) => {\n    const query = request.query as TaskQuery;\n    return responseToolkit.response(await findTasks(query));\n  },\n}, {\n  method: ['GET', 'HEAD'],\n  path: '/Patient/lookup',\n  options: { handler: (request: Hapi.Request) => request.query['nhsNumber'] },\n}];\nasync function findTasks(query: TaskQuery) { return query['patient:identifier']; }",
      errors: [
        { line: 7, column: 19, message: 'GET route handler reads' },
        { line: 13, column: 50, message: 'GET route reads NHS number' },
      ],
    },
    {
      name: 'the query object cast to its declared type and handed to a helper (issue 9)',
      filename: 'src/routes/appointments.ts',
      code: "import Hapi from '@hapi/hapi';\ntype Search = { family?: string; birthdate?: string };\nexport const routes = [{ method: 'GET', path: '/appointments', handler: (request: Hapi.Request, h: Hapi.ResponseToolkit) => {\n  const query = request.query;\n  const search = query as Search;\n  return h.response(find(search));\n} }];\nfunction find(search: Search) { return [search.family, search.birthdate]; }",
      errors: [{ line: 4, column: 17, message: 'birthdate' }],
    },
    {
      name: 'hapi server.route([...]) with a GET route object reading a birth date',
      filename: 'src/server.ts',
      code: "import Hapi from '@hapi/hapi';\nexport function register(server: Hapi.Server) {\n  server.route([{ method: 'GET', path: '/patients', handler: (request: Hapi.Request, h: Hapi.ResponseToolkit) => h.response(request.query.birthDate) }]);\n}",
      errors: [{ line: 3, column: 125, message: 'GET route reads date of birth' }],
    },
    {
      name: 'a generic FHIR search route whose own path says FHIR (issue 9)',
      filename: 'lib/server.js',
      code: "const express = require('express');\nconst app = express();\napp.get('/fhir/:resourceType', (req, res, next) => {\n  core.search(res.locals.ctx, req.params.resourceType, next);\n});",
      errors: [{ line: 3, column: 9, message: 'FHIR search route' }],
    },
    {
      name: 'the query object taken from the request and its rest read by name',
      code: EXPRESS + "router.get('/patients', asyncHandler(async (req, res) => {\n  const { models, query } = req;\n  const { page = 0, ...filters } = query;\n  res.json(await models.Patient.list({ page, lastName: filters.lastName, birth: filters['dateOfBirth'] }));\n}));",
      errors: [{ line: 5, column: 19, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'a nested pattern reads the parameter straight from the request',
      code: EXPRESS + "router.get('/appointments', asyncHandler(async (req, res) => {\n  const { query: { after, patientNameOrMrn } } = req;\n  res.json({ after, patientNameOrMrn });\n}));",
      errors: [{ line: 5, column: 11, kinds: ['mrn', 'name'] }],
    },
    {
      name: 'a list of parameter names checked against the query',
      code: EXPRESS + "router.get('/patients', asyncHandler(async (req, res) => {\n  const { order, ...filters } = req.query;\n  const used = ['firstName', 'lastName', 'ward'].filter((key) => filters[key]);\n  res.json({ used, order });\n}));",
      errors: [{ line: 5, column: 33, kinds: ['name'] }],
    },
    {
      name: 'a helper handed the query with the parameter names it reads (medium)',
      code: EXPRESS + "declare function mapFilters(q: unknown, spec: unknown[]): unknown;\nrouter.get('/lab-requests', asyncHandler(async (req, res) => {\n  const { query } = req;\n  const { sort, ...filters } = query;\n  res.json(mapFilters(filters, [{ key: 'lastName', exact: false }, { key: 'status' }]));\n}));",
      errors: [{ line: 6, column: 11, kinds: ['name'], severity: 'error' }],
    },
    {
      name: 'a filter factory made from the query and called with parameter names (medium)',
      code: EXPRESS + "declare function textFilterFor(q: unknown): (key: string, column: string) => unknown;\nrouter.get('/registrations', asyncHandler(async (req, res) => {\n  const { query } = req;\n  const textFilter = textFilterFor(query);\n  res.json([textFilter('firstName', 'p.first_name'), textFilter('status', 's.code')]);\n}));",
      errors: [{ line: 6, column: 11, kinds: ['name'] }],
    },
    {
      name: 'a helper of the same file that reads the query it is handed (medium)',
      code: EXPRESS + "const whereOf = (params) => ({ dob: params.birthDate, ward: params.wardId });\nrouter.get('/vaccinations', asyncHandler(async (req, res) => {\n  const { page, ...params } = req.query;\n  res.json({ page, where: whereOf(params) });\n}));",
      errors: [{ line: 6, column: 31, kinds: ['date-of-birth'] }],
    },
    {
      name: 'a Koa handler whose route is registered elsewhere copies its query',
      code: "export async function findMember(ctx) {\n  const filters = ctx.request.query;\n  ctx.body = await lookup(filters.ssn);\n}\ndeclare function lookup(v: unknown): unknown;",
      errors: [{ line: 2, column: 19, kinds: ['ssn'] }],
    },
    {
      name: 'a Koa route registered through app.use(route.get(…)) copying its query (high: the route is GET)',
      code: "import route from 'koa-route';\ndeclare const app: any; declare function find(v: unknown): unknown;\napp.use(route.get('/members', async (ctx) => {\n  const filters = ctx.request.query;\n  ctx.body = find(filters.lastName);\n}));",
      errors: [{ line: 4, column: 19, kinds: ['name'] }],
    },
    {
      name: 'a FHIR Patient search route served over GET (medium)',
      code: EXPRESS + "declare function searchPatients(): any;\nrouter.get('/fhir/Patient', searchPatients());",
      errors: [{ line: 5, column: 12, kinds: ['address', 'date-of-birth', 'email', 'mrn', 'name', 'phone', 'zip-code'] }],
    },
    {
      name: 'a generic FHIR search route, in a route table and in a loop over resource types',
      code: "export const routes = [\n  { type: 'get', path: '/:base_version/:resource', interaction: 'search-type' },\n  { type: 'get', path: '/:base_version/:resource', interaction: 'operations' },\n  { type: 'get', path: '/:base_version/:resource/:id', interaction: 'read' },\n];\ndeclare const router: any; declare const resources: any[]; declare function search(r: unknown): any;\nfor (const Resource of resources) router.get(`/${Resource.fhirName}`, search(Resource));",
      filename: 'src/fhir/routes.js',
      errors: [{ line: 2, column: 24 }, { line: 7, column: 46 }],
    },
    {
      name: 'a node-fhir-server-core Patient service reading demographic search parameters, also in a helper',
      code: FHIR_CORE + "const buildQuery = (args) => {\n  const family = args['family'];\n  const { birthdate, _count } = args;\n  return { family, birthdate, _count };\n};\nmodule.exports.search = (args) => resolveSchema('4_0_0', 'Patient') && buildQuery(args);\nmodule.exports.history = (args) => ({ email: args.email });",
      filename: 'src/services/patient/patient.service.js',
      errors: [{ line: 3, column: 18, kinds: ['date-of-birth', 'name'] }, { line: 8, column: 46, kinds: ['email'] }],
    },
    {
      name: 'a GET path parameter named for PHI',
      code: EXPRESS + "declare function bySsn(): any;\nrouter.get('/patients/by-ssn/:ssn', bySsn());",
      errors: [{ line: 5, column: 12, kinds: ['ssn'] }],
    },
  ],
});

describe('no-phi-in-url: a date of care beside opaque ids only (judged false: dates of no one)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // a visit's start as a search bound next to the patient's uuid: the date is tied to no one in the URL
      'export function pendingOrders(patientUuid: string, orderTypeUuid: string, visitStartDate: string) {\n  return fetch(`/ws/order?patient=${patientUuid}&orderTypes=${orderTypeUuid}&activatedOnOrAfterDate=${visitStartDate}`);\n}',
      // an encounter search by an opaque visit uuid and the encounter's date
      "declare const $http: any;\nexport function findEncounters(visitUuid: string, encounterDate: string) {\n  return $http.get('/ws/encounter', { params: { visitUuid, encounterDate, includeAll: true } });\n}",
    ],
    invalid: [
      {
        name: "a visit date beside the patient's name is reported with it",
        code: "declare const $http: any;\nexport function findEncounters(patientName: string, encounterDate: string) {\n  return $http.get('/ws/encounter', { params: { patientName, encounterDate } });\n}",
        errors: [{ line: 3, column: 47, kinds: ['care-date', 'name'] }],
      },
      {
        name: "a visit date in a route keyed by the patient's MRN is reported",
        code: 'declare const patient: { mrn: string }; declare const visitDate: string;\nfetch(`/ws/patients/${patient.mrn}/visits?date=${visitDate}`);',
        errors: [{ line: 2, column: 23, kinds: ['care-date', 'mrn'] }],
      },
      {
        name: 'a date of birth beside an opaque id stays reported: it is not a date of care',
        code: 'export function lookup(patientUuid: string, birthDate: string) {\n  return fetch(`/ws/patient?uuid=${patientUuid}&birthdate=${birthDate}`);\n}',
        errors: [{ line: 2, column: 61, kinds: ['date-of-birth'] }],
      },
    ],
  });
});

describe('no-phi-in-url: request descriptions, generated clients and AngularJS', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // a body-carrying method: the wrapper's `query` may be the body (a search posted as JSON, a GraphQL document)
      "export class Api { request(o: unknown) { return o; }\n  search(firstName: string) { return this.request({ url: '/patients/search', method: 'POST', query: { firstName } }); } }",
      "declare const client: any; const PATIENTS = 'query Patients($name: String) { patients(name: $name) { id } }';\nexport function find(name: string) { return client.request({ url: '/graphql', query: PATIENTS, variables: { name } }); }",
      // paging, sort, status and opaque ids in a GET description
      "export class Api { request(o: unknown) { return o; }\n  list(page: number, size: number, patientUuid: string, status: string) { return this.request({ url: '/patients', method: 'GET', query: { page, size, patientUuid, status } }); } }",
      "export class Api { request(o: unknown) { return o; }\n  list(patientId: string, page: number) { const query: Record<string, unknown> = {}; query['patientId'] = patientId; query['page'] = page; return this.request({ path: '/visits', method: 'GET', query }); } }",
      { code: "export class BillsApi { request(o: unknown) { return o; }\n  pending(patientCode?: number, datefrom?: string) { const query: Record<string, unknown> = { datefrom }; if (patientCode != null) { query['patientCode'] = patientCode; } return this.request({ url: '/bills/pending', method: 'GET', query }); } }", filename: 'src/generated/apis/BillsApi.ts' },
      { code: "export class AdmissionsApi { request(o: unknown) { return o; }\n  current(patientCode: number) { const query: Record<string, unknown> = { 'patient_code': patientCode }; return this.request({ url: '/admissions/current', method: 'GET', query }); } }", filename: 'src/generated/apis/AdmissionsApi.ts' },
      // `path` that is not a URL: a form field's configuration
      "declare function field(o: unknown): void; declare const patient: any; field({ path: 'name', params: { value: patient.fullName } });",
      // AngularJS: paging and opaque ids in the page query, a getter, a resource listed by page
      "declare const $location: any; export function next(page: number, patientUuid: string) { $location.search('page', page); $location.search({ patientUuid }); return $location.url(); }",
      "declare const $resource: any; const Patients = $resource('/patients/:id'); export function list() { return Patients.query({ limit: 10, startIndex: 0 }); }",
      // UI-Router: a state whose URL is not known here, a parameter its URL does not declare, a record's id in a resource query
      "declare const $state: any; declare const patient: any; $state.go('patients.search', { dob: patient.birthDate });",
      "declare const $state: any; declare const $stateProvider: any; declare const patient: any;\n$stateProvider.state('ward', { url: '/ward/:wardUuid' });\n$state.go('ward', { wardUuid: patient.wardUuid, name: patient.fullName });",
      "declare const $resource: any; const Bills = $resource('/bills'); export function pending(patientCode: number) { return Bills.query({ patientCode }); }",
      // a form body built with +=, not a URL
      "declare const patient: any; let body = 'grant=1'; body += '&ssn=' + patient.ssn; export { body };",
      // a design tool's generated UI component: its link comes from the design (the generated API client below is reported)
      { code: "// This class is auto-generated by a design tool; please do not edit!\nimport * as React from 'react';\ndeclare const $props: { data: { fullName: string } };\nexport function ProfileCard() {\n  return <a href={`https://bridge.example.org/?display_name=${$props.data.fullName}`}>open</a>;\n}", filename: 'src/design/plasmic/ProfileCard.tsx' },
      // a generated client in a test file
      { code: "export class Api { request(o: unknown) { return o; }\n  search(firstName: string) { return this.request({ url: '/patients/search', method: 'GET', query: { firstName } }); } }", filename: 'src/__tests__/api.test.ts' },
    ],
    invalid: [
      {
        name: 'an OpenAPI-generated client fills its query object by key and hands { url, method: GET, query } to this.request',
        filename: 'src/generated/apis/PatientsApi.ts',
        code: [
          'export class PatientsApi {',
          '  request(o: unknown) { return o; }',
          '  searchPatient({ firstName, birthDate, page }: { firstName?: string; birthDate?: string; page?: number }) {',
          '    const query: Record<string, unknown> = {};',
          "    if (firstName != null) { query['firstName'] = firstName; }",
          "    if (birthDate != null) { query['birthDate'] = birthDate; }",
          "    if (page != null) { query['page'] = page; }",
          "    return this.request({ url: '/patients/search', method: 'GET', query });",
          '  }',
          '}',
        ].join('\n'),
        errors: [{ line: 5, column: 51, message: '`this.request`' }],
      },
      {
        name: 'an opaque value stored under a PHI key, a wrapper with no method, $http with a GET config',
        code: [
          'declare function apiRequest(o: unknown): unknown; declare const $http: any;',
          'export function byBirthDate(value: string) { const params: Record<string, string> = {}; params.dob = value; return apiRequest({ path: `/api/patients`, params }); }',
          "export function byName(patientName: string) { return $http({ method: 'GET', url: '/patients', params: { name: patientName } }); }",
        ].join('\n'),
        errors: [
          { line: 2, column: 102, message: '`apiRequest`', kinds: ['date-of-birth'] },
          { line: 3, column: 111, message: '`$http`', kinds: ['name'] },
        ],
      },
      {
        name: 'axios params filled by key in the function: reported where the PHI is stored',
        code: [
          "import axios from 'axios';",
          'export function byBirthDate(value: string, page: number) {',
          '  const params: Record<string, unknown> = {};',
          "  params['page'] = page;",
          "  params['birthDate'] = value;",
          "  return axios.get('/api/patients', { params });",
          '}',
        ].join('\n'),
        errors: [{ line: 5, column: 25, message: '`axios.get`', kinds: ['date-of-birth'] }],
      },
      {
        name: 'AngularJS $location.search and $location.url write the page URL',
        code: [
          'declare const $location: any; declare const patient: any;',
          "$location.search('name', patient.fullName);",
          '$location.search({ phone: patient.phoneNumber });',
          "$location.url('/search?name=' + patient.fullName);",
        ].join('\n'),
        errors: [
          { line: 2, column: 26, message: '`$location.search`' },
          { line: 3, column: 27, message: '`$location.search`' },
          { line: 4, column: 33, message: '`$location.url`' },
        ],
      },
      {
        name: 'UI-Router $state.go parameters and an AngularJS $resource query',
        code: [
          "declare const $state: any; declare const $stateProvider: any; declare const $resource: any; declare const patient: any;",
          "$stateProvider.state('patients', { url: '/patients' }).state('patients.search', { url: '/search?dob&page' });",
          "$state.go('patients.search', { page: 1, dob: patient.birthDate });",
          "const Patients = $resource('/patients/:id');",
          'export function find(familyName: string) { return Patients.query({ familyName }); }',
        ].join('\n'),
        errors: [
          { line: 3, column: 46, message: '`$state.go`', kinds: ['date-of-birth'] },
          { line: 5, column: 68, message: '`Patients.query`' },
        ],
      },
      {
        name: 'a query string built with += into a URL variable, Angular HttpParams bound to a variable',
        code: [
          'declare const patient: any; declare class HttpParams { set(k: string, v: string): HttpParams }',
          "let filterUrl = '/audits?limit=10'; filterUrl += '&phone=' + patient.phoneNumber; export { filterUrl };",
          "export class PatientResource { constructor(private http: any) {}\n  searchPatient(searchText: string) { const params = new HttpParams().set('q', searchText).set('v', 'full'); return this.http.get('/ws/patient', { params }); } }",
        ].join('\n'),
        errors: [
          { line: 2, column: 62, kinds: ['phone'] },
          { line: 4, column: 80, kinds: ['name'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-url: a patient identifier is a record number, not an opaque id', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      'export function open(patientUuid: string) {\n  return fetch(`/ws/rest/v1/patient/${patientUuid}`);\n}',
    ],
    invalid: [
      {
        name: 'the typed identifier of a patient search goes into the query string',
        code: 'export function findByIdentifier(patientIdentifier: string) {\n  return fetch(`/ws/rest/v1/patient?identifier=${patientIdentifier}`);\n}',
        errors: [{ line: 2, column: 50, kinds: ['mrn'] }],
      },
    ],
  });
});

describe('no-phi-in-url: query options of a request to a patient endpoint (free text, identifier)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      "import axios from 'axios';\nexport function findDrug(query: string) {\n  return axios.get('/openmrs/ws/rest/v1/drug', { params: { q: query } });\n}",
      "import axios from 'axios';\nexport function byUuid(patientUuid: string) {\n  return axios.get('/openmrs/ws/rest/v1/patient', { params: { identifier: patientUuid, v: 'full' } });\n}",
      "import axios from 'axios';\nexport function findLocation(term: string) {\n  return axios.get(BASE + '/location', { params: { q: term } });\n}",
      "import axios from 'axios';\nexport function byMrn(patientUuid: string) {\n  return axios.get('/tracker', { params: { mrn: patientUuid } });\n}",
      // Typed text in the path of a drug search, and an opaque id in a patient path, are not a patient's name.
      "declare const base: string;\nexport const drugs = (searchQuery: string) => fetch(`${base}/drug/search/${searchQuery}`);",
      "export const one = (patientUuid: string) => fetch(`/api/patients/${patientUuid}`);",
      "export const byCode = (query: string) => fetch(`/api/patients/${query.length}`);",
      // The query object is built in another function: its name alone does not say what it carries.
      "import axios from 'axios';\nconst searchParams = { q: 'x' };\nexport function search(term: string) {\n  return axios.get('/ws/patient', { params: searchParams });\n}",
      "import axios from 'axios';\nexport function findLocation(term: string) {\n  const searchParams = { q: term, startIndex: 0 };\n  return axios.get(BASE + '/location', { params: searchParams });\n}",
    ],
    invalid: [
      {
        name: 'typed search text as a path segment of a patient lookup endpoint',
        code: "declare const restBaseUrl: string;\nexport const searchPatient = async (identifierType: string, searchQuery: string) => {\n  const url = `${restBaseUrl}/registry/getSHAPatient/${searchQuery}/${identifierType}`;\n  return fetch(url);\n};\nexport const search = (query: string) => fetch(`/api/patients/search/${query}`);",
        errors: [{ line: 4, column: 16, kinds: ['name'] }, { line: 6, column: 72, kinds: ['name'] }],
      },
      {
        name: 'a query key naming a person number says what the patient id handed in is, through a request helper',
        code: "import axios from 'axios';\nasync function trackerRequest(address: string, queryParams: Record<string, string>) {\n  return axios.get(address, { params: queryParams });\n}\nexport async function summary(patientId: string) {\n  const queryParams: Record<string, string> = { nhsNumber: patientId };\n  return trackerRequest('/tracker/summary', queryParams);\n}",
        errors: [{ line: 3, column: 39, kinds: ['nhs-number'] }],
      },
      {
        name: 'a value known to be a person number stays that number under a key naming an id (the app uses it as its patient id)',
        code: "import axios from 'axios';\nexport const details = async ({ nhsNumber, baseUrl }: { nhsNumber: string; baseUrl: string }) => {\n  const { data } = await axios.get(baseUrl + '/SearchPatient', { params: { patientId: nhsNumber } });\n  return data;\n};\nexport const bySsn = (ssn: string) => axios.get('/api/members', { params: { id: ssn } });",
        errors: [{ line: 3, column: 74, kinds: ['nhs-number'] }, { line: 6, column: 75, kinds: ['ssn'] }],
      },
      {
        name: 'a branded string type (`Brand<string, B>`) is a scalar: the parameter is what its name says, an NHS number',
        filename: 'src/services/status.ts',
        workspace: {
          'src/utils/types.ts': 'export type Brand<T, B> = T & { readonly __brand: B };\n',
          'src/models/ids.ts': "import { Brand } from '../utils/types';\nexport type NhsNumber = Brand<string, 'NhsNumber'>;\n",
        },
        code: "import axios from 'axios';\nimport { NhsNumber } from '../models/ids';\nexport const status = (nhsNumber: NhsNumber) => axios.get(`/api/patient-check/${nhsNumber}`);",
        errors: [{ line: 3, column: 81, kinds: ['nhs-number'] }],
      },
      {
        name: 'a query object built first in the same function reads as if written inline',
        filename: 'src/patientService.js',
        code: "export function search($http, query, offset, identifier) {\n  var searchParams = { filterOnAllIdentifiers: true, q: query, startIndex: offset || 0, identifier: identifier || query };\n  return $http.get(Constants.searchUrl + '/patient/lucene', { method: 'GET', params: searchParams });\n}",
        errors: [{ line: 3, column: 86, kinds: ['mrn', 'name'] }],
      },
      {
        name: 'AngularJS $http.get to a concatenated patient search URL: the typed name or identifier',
        filename: 'src/patientService.js',
        code: "export function searchByNameOrIdentifier($http, query, limit) {\n  return $http.get(Constants.searchUrl + '/patient/lucene', { params: { identifier: query, q: query, limit: limit } });\n}",
        errors: [{ line: 2, column: 71, kinds: ['mrn', 'name'] }],
      },
      {
        name: 'axios params of a patient endpoint: the free-text search',
        code: "import axios from 'axios';\nexport function search(query: string) {\n  return axios.get('/openmrs/ws/rest/v1/patient', { params: { q: query } });\n}",
        errors: [{ line: 3, column: 61, kinds: ['name'] }],
      },
    ],
  });
});

describe('no-phi-in-url: an app whose users are patients (config appUsers)', () => {
  const signIn = "export function login(email: string) {\n  return fetch(`/api/auth/lookup?email=${email}`);\n}";
  const signedInUser = "declare const session: { user?: { email?: string } } | null;\nexport async function loadTeam() {\n  return fetch(`/api/team/context?email=${encodeURIComponent(session?.user?.email || '')}`);\n}\nexport const fetchUserContext = async (email: string) => {\n  return fetch(`/api/team/context?email=${encodeURIComponent(email)}`);\n};";
  runRuleTests('no-phi-in-url', {
    valid: [
      // By default a sign-in reads the account holder's own login: the workforce's, not PHI.
      { code: signIn, filename: 'src/auth/login.ts' },
      // In a patient app the staff screens still handle staff contacts.
      { code: "export function inviteStaff(email: string) {\n  return fetch(`/api/staff/invite?email=${email}`);\n}", filename: 'src/admin/staff.ts', config: { appUsers: 'patients' } },
      // By default the signed-in user's own e-mail (next-auth's `session.user`), and a lookup of the signed-in user, are the workforce's.
      { code: signedInUser, filename: 'src/app/team/page.tsx' },
    ],
    invalid: [
      {
        name: "a patient app sends the signed-in patient's own e-mail in the query string",
        code: signedInUser,
        filename: 'src/app/team/page.tsx',
        config: { appUsers: 'patients' },
        errors: [{ line: 3, column: 43, kinds: ['email'] }, { line: 6, column: 43, kinds: ['email'] }],
      },
      {
        name: "a patient's e-mail, or one sent from a patient's screen, stays the patient's beside the signed-in user",
        code: "declare const session: { user?: { email?: string } } | null;\ndeclare const patient: { email: string };\nexport async function loadUserContext() {\n  return fetch(`/api/context?email=${encodeURIComponent(patient.email)}&by=${session?.user?.email}`);\n}\nexport function PatientContactCard() {\n  const onUserSubmit = (email: string) => fetch(`/api/lookup?email=${encodeURIComponent(email)}`);\n  return onUserSubmit;\n}",
        filename: 'src/app/team/page.tsx',
        errors: [{ line: 4, column: 38, kinds: ['email'] }, { line: 7, column: 70, kinds: ['email'] }],
      },
      {
        name: "a patient app's sign-in sends the patient's e-mail in the query string",
        code: signIn,
        filename: 'src/auth/login.ts',
        config: { appUsers: 'patients' },
        errors: [{ line: 2, column: 42, kinds: ['email'] }],
      },
    ],
  });
});

describe('no-phi-in-url: patient list reads and searches whose request is made elsewhere', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // Searches of something other than patients, and reads that do not act on patients.
      'declare function fetchDrugs(options: unknown): void;\nexport function DrugPicker(searchText: string) { fetchDrugs({ search: searchText }); }',
      'declare function fetchPatientProviders(id: string, options: unknown): void;\nexport function CareTeam(id: string, searchText: string) { fetchPatientProviders(id, { search: searchText }); }',
      'declare function setLocationSearchOptions(options: unknown): void;\nexport function Wards(searchText: string) { setLocationSearchOptions({ search: searchText }); }',
      // Paging, sorting, ids and constants in a patient list read.
      "declare function fetchPatients(options: unknown): void;\nexport function List(page: number, patientId: string) { fetchPatients({ offset: page * 10, sort: '+fullName', patientId, search: 'recent' }); }",
      'declare function fetchPatients(options: unknown): void;\nexport function List(sortOrder: string) { fetchPatients({ query: sortOrder }); }',
      // A search option read from a constants namespace; a workspace hook (its transport is unknown: an in-memory filter, a socket).
      "declare const App: any; declare function findPatients(params: unknown): void;\nexport function active(locationUuid: string) { const params = { q: App.Constants.activePatientsQuery, location_uuid: locationUuid }; findPatients(params); }",
      'declare function usePatientsSearchResults(options: unknown): unknown;\nexport function Results(query: string) { return usePatientsSearchResults({ query, page: 1 }); }',
      // A state setter of something else than search options, one patient by id, and a write.
      'declare function setPatientFetchCount(n: unknown): void;\nexport function List(searchText: string) { setPatientFetchCount({ search: searchText }); }',
      'declare function usePatient(id: string, options: unknown): void;\nexport function Chart(id: string, searchText: string) { usePatient(id, { search: searchText }); }',
      'declare function savePatients(options: unknown): void;\nexport function Import(searchText: string) { savePatients({ search: searchText }); }',
      // Restangular: a drug catalogue search, opaque ids and paging.
      "declare const Restangular: any;\nexport function findDrugs(searchText: string) { return Restangular.all('drugs').getList({ q: searchText }); }",
      "declare const Restangular: any;\nexport function byGroups(groupId: string, page: number) { return Restangular.one('patients').get({ groupId, page }); }",
      // A query-state hook's keyed setter writing paging, or a search whose input finds drugs, or no label at all.
      { code: "declare function useQueryParam(): any;\nexport const Pager = () => {\n  const { updateQueryParam } = useQueryParam();\n  return <Pagination onChange={(page: number) => updateQueryParam('page', String(page))} />;\n};", filename: 'src/Pager.tsx' },
      { code: "declare function useQueryParam(): any;\nexport const DrugSearch = () => {\n  const { updateQueryParam } = useQueryParam();\n  return <Search placeholder=\"Search drugs by name\" onSubmit={(searchTerm: string) => updateQueryParam('search', searchTerm)} />;\n};", filename: 'src/DrugSearch.tsx' },
      { code: "declare function useQueryParam(): any;\nexport const Library = () => {\n  const { updateQueryParam } = useQueryParam();\n  return <><input placeholder=\"Patient name\" /><Search onSubmit={(searchTerm: string) => updateQueryParam('search', searchTerm)} /></>;\n};", filename: 'src/Library.tsx' },
      // A request method called without arguments (Restangular `.post()`, `.remove()`) before a reported GET is no route.
      "declare const Restangular: any;\nexport function addRole(user: any, roleId: string) { return Restangular.one('user', user.id).one('role', roleId).post(); }",
      // Not a URL: a fallback after a fragment added to a form body.
      "declare const patient: any;\nlet body = 'a=1';\nbody += '&surname=' + patient.lastName || '';\nexport { body };",
      // A list read of a workspace module that builds SQL for an on-device database (or reads a PouchDB) and sends no request: a local query.
      {
        name: 'search text handed to list reads of modules that query an on-device database',
        filename: 'src/actions/cases.js',
        code: "import { getPersonsForOutbreak } from '../queries/sqlQueries';\nimport { fetchPatientsLocal } from '../queries/pouch';\nexport function load({ outbreakId, searchText }) {\n  getPersonsForOutbreak({ outbreakId, search: searchText });\n  fetchPatientsLocal({ search: searchText });\n}",
        workspace: {
          'src/queries/sqlQueries.js': "import { executeQuery } from './helpers';\nvar jsonSql = require('json-sql')();\nexport function getPersonsForOutbreak({ outbreakId, search }) { return executeQuery(jsonSql.build({ type: 'select', table: 'person', condition: { outbreakId, name: { $like: search } } })); }\n",
          'src/queries/pouch.js': "import PouchDB from 'pouchdb-react-native';\nconst db = new PouchDB('persons');\nexport function fetchPatientsLocal({ search }) { return db.find({ selector: { name: { $regex: search } } }); }\n",
        },
      },
    ],
    invalid: [
      {
        name: 'search text handed to a list read of a module that builds SQL for a server and also sends requests',
        filename: 'src/actions/cases.js',
        code: "import { getPersonsForOutbreak } from '../queries/remote';\nexport function load({ outbreakId, searchText }) {\n  getPersonsForOutbreak({ outbreakId, search: searchText });\n}",
        workspace: {
          'src/queries/remote.js': "var jsonSql = require('json-sql')();\nexport function getPersonsForOutbreak({ outbreakId, search }) { return fetch('/api/persons?q=' + search + '&sql=' + jsonSql.build({ type: 'select', table: 'person' }).query); }\n",
        },
        errors: [{ line: 3, column: 47, message: '`getPersonsForOutbreak`', kinds: ['name'] }],
      },
      {
        name: 'typed search text in the options of a patient list read, and in the state its options are kept in',
        filename: 'src/components/PatientPicker.js',
        code: [
          'export function PatientPicker({ fetchPatientsForClinic, clinicId, setPatientFetchOptions, patientFetchOptions }) {',
          '  const onSearch = (searchText) => {',
          '    fetchPatientsForClinic(clinicId, { search: searchText });',
          '    setPatientFetchOptions({ ...patientFetchOptions, offset: 0, search: searchText });',
          '  };',
          '  return onSearch;',
          '}',
        ].join('\n'),
        errors: [
          { line: 3, column: 48, message: '`fetchPatientsForClinic`', kinds: ['name'] },
          { line: 4, column: 73, message: '`setPatientFetchOptions`', kinds: ['name'] },
        ],
      },
      {
        name: 'search options built first and spread into the options handed to a patient search',
        code: [
          'declare function searchPatients(options: unknown): unknown;',
          'export function useFinder(listSearchTextInput: string) {',
          '  const filterOptions = { limit: 50, search: listSearchTextInput };',
          '  const options = { ...filterOptions, offset: 0 };',
          '  return searchPatients(options);',
          '}',
        ].join('\n'),
        errors: [{ line: 3, column: 46, message: '`searchPatients`', kinds: ['name'] }],
      },
      {
        name: 'Restangular GET params of a patient route: typed search text and a searched surname',
        filename: 'src/services/patientService.js',
        code: [
          'export function find(Restangular, searchText, surname, user) {',
          "  Restangular.one('user', user.id).one('features').post();",
          "  Restangular.one('patients').get({ q: searchText, page: 1 });",
          "  return Restangular.all('patient').customGETLIST('search', { searchSurname: surname });",
          '}',
        ].join('\n'),
        errors: [
          { line: 3, column: 40, message: '`Restangular.get`', kinds: ['name'] },
          { line: 4, column: 78, message: '`Restangular.customGETLIST`', kinds: ['name'] },
        ],
      },
      {
        name: "a query-state hook's keyed setter writes typed text from a search box labelled for patients into the page URL",
        filename: 'src/RecordSearch.tsx',
        code: [
          'declare function useQueryParam(): any;',
          'export const RecordSearch = () => {',
          '  const { updateQueryParam, pushQueryUpdate } = useQueryParam();',
          '  return (',
          '    <Search placeholder="Search by patient name or MRN" onSubmit={(searchTerm: string) => {',
          "      updateQueryParam('search', searchTerm);",
          '      pushQueryUpdate();',
          '    }} />',
          '  );',
          '};',
        ].join('\n'),
        errors: [{ line: 6, column: 34, message: '`updateQueryParam`', kinds: ['name'] }],
      },
      {
        name: "a query fragment with an empty-text fallback (`'&k=' + v || ''`) added to a URL",
        code: "declare function fieldValue(id: string): string;\nlet exportUrl = '/api/export/patients?format=csv';\nexportUrl += '&searchForename=' + fieldValue('forename') || '';\nwindow.open(exportUrl);",
        errors: [{ line: 3, column: 35, kinds: ['name'] }],
      },
    ],
  });
});

describe('no-phi-in-url: copies of the page query in a workspace that writes patient search terms into page URLs', () => {
  const searchPage = {
    'src/registration/searchPatientController.js': "export function searchPatientController($scope, $location) {\n  $scope.search = function () {\n    $location.search({ name: $scope.searchParameters.name, page: 1 });\n  };\n}\n",
  };
  const pager = [
    'export function pager(history, match, location) {',
    '  return function onChange(current) {',
    '    const next = new URLSearchParams(location.search);',
    "    next.set('page', String(current));",
    '    history.push(`${match.url}?${next.toString()}`);',
    '  };',
    '}',
    'export const openRecord = (recordId) => `/records/${recordId}?backTo=${encodeURIComponent(window.location.pathname + window.location.search)}`;',
  ].join('\n');
  runRuleTests('no-phi-in-url', {
    valid: [
      // No file of the workspace writes patient search terms into page URLs: copies of the query are not reported.
      { code: pager, filename: 'src/common/pager.js' },
      // Only paging written into the page URL by a patient screen; and a search page of drugs.
      { code: pager, filename: 'src/common/pager.js', workspace: { 'src/patients/list.js': "export function patientList($location, page) { $location.search({ page: page }); }\n" } },
      { code: pager, filename: 'src/common/pager.js', workspace: { 'src/drugs/search.js': "export function drugSearch($location, term) { $location.search({ q: term }); }\n" } },
      // The path alone is copied.
      { code: 'export const back = () => `/records?from=${window.location.pathname}`;', filename: 'src/common/back.js', workspace: searchPage },
      // The page's own path and query put back together reach no new recipient: a pager resubmitting the same page
      // with another page number, a reset key, a comparison with menu URLs, the same path on the app's configured back end.
      {
        code: [
          'export function pageForward(form, current) {',
          '  const query = new URLSearchParams(window.location.search);',
          '  const baseURL = window.location.pathname;',
          "  query.set('page', String(current + 1));",
          "  form.action = baseURL + '?' + query.toString();",
          '  form.submit();',
          '}',
        ].join('\n'),
        filename: 'src/common/pager.js',
        workspace: searchPage,
      },
      { code: 'export function boundaryKey(location) { const resetKey = `${location.pathname}${location.search}`; return resetKey; }', filename: 'src/common/boundary.js', workspace: searchPage },
      { code: 'export function isActive(location, menuUrl) { const currentFullUrl = location.pathname + location.search; return currentFullUrl === menuUrl; }', filename: 'src/common/menu.js', workspace: searchPage },
      { code: 'export function toServer(config) { window.location.href = config.serverBaseUrl + window.location.pathname + window.location.search; }', filename: 'src/common/legacy.js', workspace: searchPage },
    ],
    invalid: [
      {
        name: 'pagination and a backTo link copy the page query when a patient search writes names into page URLs',
        filename: 'src/common/pager.js',
        workspace: searchPage,
        code: pager,
        errors: [
          { line: 5, column: 34, message: 'searchPatientController.js', kinds: [] },
          { line: 8, column: 118, message: '`window.location.search`', kinds: [] },
        ],
      },
      {
        name: "the page's path and query handed on to another URL, origin, path or a redirect-style parameter",
        filename: 'src/common/handoff.js',
        workspace: searchPage,
        code: [
          'export const login = (location) => `/login?next=${location.pathname}${location.search}`;',
          "export const partner = () => 'https://partner.example' + window.location.pathname + window.location.search;",
          "const PARTNER = 'https://partner.example';",
          'export const partnerPage = () => { window.location.href = PARTNER + window.location.pathname + window.location.search; };',
          'export const legacy = (location) => `/legacy${location.pathname}${location.search}`;',
          'export const state = (location) => ({ returnTo: location.pathname + location.search });',
          "export const redirect = (params, location) => params.set('redirect', location.pathname + location.search);",
        ].join('\n'),
        errors: [
          { line: 1, column: 71, message: '`location.search`', kinds: [] },
          { line: 2, column: 85, message: '`window.location.search`', kinds: [] },
          { line: 4, column: 96, message: '`window.location.search`', kinds: [] },
          { line: 5, column: 67, message: '`location.search`', kinds: [] },
          { line: 6, column: 69, message: '`location.search`', kinds: [] },
          { line: 7, column: 90, message: '`location.search`', kinds: [] },
        ],
      },
    ],
  });
});

describe('no-phi-in-url: FHIR patient searches by demographics, patient search filters and tRPC queries (served over GET)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // Staff, organisations and places are searched by name too: no patient.
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const findDoctors = (searchText: string) => getFHIRResources('Practitioner', { 'name:contains': searchText });",
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const findWards = (searchText: string) => getFHIRResources('Location', { name: searchText, _count: 20 });",
      // A patient read by its opaque id, paging and includes; a constant name; presence only (`:missing`).
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const chart = (id: string) => getFHIRResources('Patient', { _id: id, _revinclude: ['CarePlan:subject'] });",
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const demo = () => getFHIRResources('Patient', { name: 'Test', _count: 1 });",
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const unnamed = (flag: boolean) => getFHIRResources('Patient', { 'name:missing': flag });",
      // An identifier search by an opaque uuid; a write is not a search; a code search on Observation.
      "declare const medplum: any;\nexport const byUuid = (patientUuid: string) => medplum.searchResources('Patient', { identifier: patientUuid });",
      "declare function createFHIRResource(type: string, body: unknown): unknown;\nexport const add = (fullName: string) => createFHIRResource('Patient', { name: fullName });",
      "declare const medplum: any;\nexport const labs = (code: string, patientRef: string) => medplum.searchResources('Observation', { code, subject: patientRef });",
      // A filter declaration of practitioners, and a patient filter on a code (not a person parameter).
      "declare function makePractitionerListFilters(name: string): unknown;\nexport const filters = () => makePractitionerListFilters('name:contains');",
      "declare function makePatientListFilters(param: string): unknown;\nexport const filters = () => makePatientListFilters('_has:QuestionnaireResponse:subject:questionnaire');",
      // tRPC: a mutation (POST), a query by opaque id, a query procedure without a PHI field, a query of something else.
      "import { z } from 'zod';\ndeclare const publicProcedure: any;\nexport const register = publicProcedure.input(z.object({ firstName: z.string(), birthDate: z.string() })).mutation(({ input }: any) => input);",
      "import { z } from 'zod';\ndeclare const protectedProcedure: any;\nexport const byId = protectedProcedure.input(z.object({ patientId: z.string() })).query(({ input }: any) => input.patientId);",
      "import { z } from 'zod';\ndeclare const publicProcedure: any;\nexport const page = publicProcedure.input(z.object({ limit: z.number(), cursor: z.string().optional() })).query(() => []);",
      "declare const trpc: any;\nexport function Chart({ patientId }: { patientId: string }) { return trpc.patient.byId.useQuery({ patientId }); }",
      // The app's own users searched by their contact details (staff accounts, not patients).
      { code: "import { z } from 'zod';\nconst UserSearch = z.object({ username: z.string().optional(), mobile: z.string().optional(), email: z.string().optional() });\nexport function searchUsersRoute(procedure: any) { return procedure.input(UserSearch).query(() => []); }", filename: 'src/router/user/index.ts' },
      "import { z } from 'zod';\ndeclare const publicProcedure: any;\nexport const lookup = publicProcedure.input(z.object({ username: z.string(), email: z.string() })).query(() => null);",
      // A cohort selected by a birth-date range (a FHIR prefix, a bound's name), not a person's birth date.
      "declare function getFHIRResources(type: string, params: unknown): unknown;\nexport const adults = (cutoff: string, maxBirthDate: string) => [getFHIRResources('Patient', { birthdate: `le${cutoff}` }), getFHIRResources('Patient', { birthdate: maxBirthDate })];",
      // Not FHIR: an ORM-style find by a model name with any API's keys, and a sort order in a patient list's columns.
      "declare const repository: any;\nexport const lookup = (searchText: string) => repository.find('Patient', { name: searchText });",
      "declare function patientListColumns(sort: string): unknown;\nexport const columns = () => patientListColumns('name:asc');",
      // FHIR search URLs of staff, and of a patient by its opaque id.
      "declare const client: any;\nexport const doctors = (searchText: string) => client.request('Practitioner?name=' + encodeURIComponent(searchText));",
      "declare const client: any;\nexport const byUuid = (patientUuid: string) => client.request(`Patient?identifier=${patientUuid}`);",
      // Not tRPC: a query builder's `query(fn)` and a query hook of a file that does not import tRPC.
      "declare const db: any;\nexport const rows = db.select().input({ firstName: 'x' }).query((q: any) => q);",
      "declare const api: any;\nexport function Hook(dateOfBirth: string) { return api.patients.search.useQuery({ dateOfBirth }); }",
    ],
    invalid: [
      {
        name: 'a FHIR Patient search by typed name, phone and birth date (resource type first, or a search description)',
        code: [
          "import { getFHIRResources } from '@beda.software/fhir-react';",
          'declare const medplum: any; declare const fhir: any;',
          "export const byName = (searchText: string) => getFHIRResources('Patient', { 'name:contains': searchText, _count: 10 });",
          'export function byPhone(phone: string, dob: string) {',
          '  const params = { telecom: phone, birthdate: dob };',
          "  return medplum.searchResources('Patient', params);",
          '}',
          "export const described = (term: string) => fhir.search({ resourceType: 'Patient', searchParams: { family: term } });",
        ].join('\n'),
        errors: [
          { line: 3, column: 94, message: "`getFHIRResources('Patient')`", kinds: ['name'] },
          { line: 5, column: 29, message: "`searchResources('Patient')`", kinds: ['date-of-birth', 'phone'] },
          { line: 8, column: 107, message: "`search('Patient')`", kinds: ['name'] },
        ],
      },
      {
        name: 'FHIR search URLs (fhirclient `request`) of patients by typed name and birth date, and fhir.js `search({ type, query })`',
        code: [
          'declare const client: any; declare const smart: any;',
          "export const byName = (searchText: string) => client.request('Patient?name=' + encodeURIComponent(searchText));",
          'export const byBirthDate = (dob: string) => client.request(`/fhir/Patient?birthdate=${dob}&_count=5`);',
          "export const byFamily = (family: string) => smart.patient.api.search({ type: 'Patient', query: { family } });",
        ].join('\n'),
        errors: [
          { line: 2, column: 80, message: '`client.request`', kinds: ['name'] },
          { line: 3, column: 87, message: '`client.request`', kinds: ['date-of-birth'] },
          { line: 4, column: 98, message: "`search('Patient')`", kinds: ['name'] },
        ],
      },
      {
        name: 'a chained search through the patient reference of another resource',
        code: "declare function useSearch(type: string, params: unknown): unknown;\nexport const Encounters = (searchText: string) => useSearch('Encounter', { 'subject:Patient.name': searchText, status: 'finished' });",
        errors: [{ line: 2, column: 100, message: "`useSearch('Encounter')`", kinds: ['name'] }],
      },
      {
        name: "a patient list's search filter declared with a FHIR name parameter (plain and chained)",
        code: [
          'declare function makePatientListFilters(nameParam: string, other: string): unknown;',
          "export const byName = () => makePatientListFilters('name:contains', '_has:QuestionnaireResponse:subject:questionnaire');",
          "export const consented = () => makePatientListFilters('patient:Patient.name:contains', '_has:QuestionnaireResponse:subject:questionnaire');",
        ].join('\n'),
        errors: [
          { line: 2, column: 52, message: '`makePatientListFilters`', kinds: ['name'] },
          { line: 3, column: 55, message: '`makePatientListFilters`', kinds: ['name'] },
        ],
      },
      {
        name: 'a tRPC query procedure whose input schema has PHI fields (inline and declared in the file)',
        code: [
          "import { z } from 'zod';",
          'declare const publicProcedure: any; declare const t: any;',
          'const PersonSearch = z.object({ firstName: z.string(), lastName: z.string(), birthDate: z.string() }).partial();',
          'export const router = {',
          '  search: publicProcedure.input(PersonSearch).query(({ input }: any) => input),',
          '  byPhone: t.procedure.input(z.object({ phoneNumber: z.string() })).query(() => []),',
          '};',
        ].join('\n'),
        errors: [
          { line: 5, column: 33, kinds: ['date-of-birth', 'name'] },
          { line: 6, column: 30, kinds: ['phone'] },
        ],
      },
      {
        name: 'a tRPC client query called with PHI, through `trpc` and through an `api` imported from a tRPC module',
        filename: 'src/Search.tsx',
        code: [
          "import { api } from '~/utils/trpc';",
          'declare const trpc: any;',
          'export function Search({ dateOfBirth, phoneNumber }: { dateOfBirth: string; phoneNumber: string }) {',
          '  const a = trpc.patient.search.useQuery({ dateOfBirth, page: 1 });',
          '  const b = api.patients.byPhone.useQuery({ phoneNumber });',
          '  return [a, b];',
          '}',
        ].join('\n'),
        errors: [
          { line: 4, column: 44, message: '`trpc.patient.search.useQuery`', kinds: ['date-of-birth'] },
          { line: 5, column: 45, message: '`api.patients.byPhone.useQuery`', kinds: ['phone'] },
        ],
      },
      {
        name: "tRPC's TanStack Query integration: query options of a procedure called with PHI",
        code: "declare const trpc: any;\nexport const options = (birthDate: string) => trpc.people.byBirthDate.queryOptions({ birthDate });",
        errors: [{ line: 2, column: 86, message: '`trpc.people.byBirthDate.queryOptions`', kinds: ['date-of-birth'] }],
      },
    ],
  });
});

describe('no-phi-in-url: names that are not data (a form\'s identifier, an issue number)', () => {
  const formSearch = [
    'export function formQuery(param: { valueIdentifier: { system?: string; value?: string } }) {',
    '  const identifier = param.valueIdentifier;',
    "  const identifierSystem = identifier.system ?? '';",
    "  const identifierValue = identifier.value ?? '';",
    '  return `Questionnaire?identifier=${identifierSystem}|${identifierValue}`;',
    '}',
  ].join('\n');
  runRuleTests('no-phi-in-url', {
    valid: [
      // A search of a form, a value set or a clinic is about that resource.
      formSearch,
      formSearch.replace('`Questionnaire?', '`${base}/fhir/ValueSet?').replace('export function', 'declare const base: string;\nexport function'),
      'export function clinicQuery(clinicName: string, phone: string) {\n  return `Organization?name=${clinicName}&phone=${phone}`;\n}',
      // Which issue of a repeat prescription: an ordinal.
      'export function detailsUrl(prescriptionId: string, prescriptionIssueNumber?: string) {\n  const searchParams = new URLSearchParams();\n  if (prescriptionIssueNumber) searchParams.append(\'issueNumber\', prescriptionIssueNumber);\n  return fetch(`/api/prescriptions/${prescriptionId}?${searchParams}`);\n}',
    ],
    invalid: [
      {
        name: 'the same identifier in a Patient search is a record number',
        code: formSearch.replace('`Questionnaire?', '`Patient?'),
        // reported at the token's value: its system (before the `|`) is a namespace
        errors: [{ line: 5, column: 52, kinds: ['mrn'] }],
      },
      {
        name: "a search of a non-patient resource that brings a patient in by its subject is the patient's",
        code: 'export function formsFor(patient: { name: string }) {\n  return `Questionnaire?subject-name=${patient.name}`;\n}',
        errors: [{ line: 2, column: 40, kinds: ['name'] }],
      },
      {
        name: 'an encounter number (not an ordinal) identifies the encounter; a prescription number is its opaque reference',
        code: 'export function detailsUrl(encounterNumber: string, prescriptionNumber: string) {\n  const searchParams = new URLSearchParams();\n  searchParams.append(\'enc\', encounterNumber);\n  searchParams.append(\'rx\', prescriptionNumber);\n  return fetch(`/api/prescriptions?${searchParams}`);\n}',
        errors: [{ line: 3, column: 30, kinds: ['encounter'] }],
      },
    ],
  });
});

describe('Lambda handlers behind API Gateway that read PHI from the URL parts of their event', () => {
  const handler = (body: string) => `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n${body}\n  return { statusCode: 200, body: '' };\n};`;
  runRuleTests('no-phi-in-url', {
    valid: [
      // opaque ids and the body are not the URL
      handler('  const orderId = event.queryStringParameters?.orderId;\n  console.info(orderId);'),
      handler("  const { nhsNumber } = JSON.parse(event.body ?? '{}');\n  console.info(typeof nhsNumber);"),
      handler('  const page = event.queryStringParameters?.page;\n  const id = event.pathParameters?.id;\n  void page; void id;'),
      // a staff account's own contact details
      "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const getStaffUser = async (event: APIGatewayProxyEvent) => {\n  const email = event.queryStringParameters?.email;\n  return { statusCode: 200, body: String(email) };\n};",
      // in a test, a fake event
      { code: handler('  const nhsNumber = event.queryStringParameters?.nhsNumber;\n  void nhsNumber;'), filename: 'src/__tests__/handler.test.ts' },
    ],
    invalid: [
      {
        name: 'the NHS number and date of birth read from the query string',
        code: handler('  const nhsNumber = event.queryStringParameters?.nhsNumber;\n  const dateOfBirth = event.queryStringParameters?.dateOfBirth;\n  void nhsNumber; void dateOfBirth;'),
        errors: [{ line: 3, column: 21, kinds: ['date-of-birth', 'nhs-number'], message: 'Lambda handler reads' }],
        output: null,
      },
      {
        name: 'validated by a schema first (zod safeParse, then its data)',
        code: handler("  const result = querySchema.safeParse(event.queryStringParameters);\n  if (!result.success) return { statusCode: 400, body: '' };\n  const { nhs_number: nhsNumber, order_id: orderId } = result.data;\n  void nhsNumber; void orderId;").replace("export const handler", "declare const querySchema: { safeParse(value: unknown): { success: boolean; data: { nhs_number: string; order_id: string } } };\nexport const handler"),
        errors: [{ line: 6, column: 11, kinds: ['nhs-number'] }],
        output: null,
      },
      {
        name: 'destructured from the query string, and a path parameter',
        code: handler("  const { postcode } = event.queryStringParameters ?? {};\n  const nhsNumber = event.pathParameters?.['nhsNumber'];\n  void postcode; void nhsNumber;"),
        errors: [{ line: 3, column: 11, kinds: ['nhs-number', 'zip-code'] }],
        output: null,
      },
    ],
  });
});

describe('no-phi-in-url: a FHIR server formats its search criteria back into URLs (paging and self links)', () => {
  const header = "import url from 'url';\nimport querystring from 'querystring';\nimport { CriteriaSearchRequest } from '@acme/fhir-server-interface';\n";
  runRuleTests('no-phi-in-url', {
    valid: [
      // a paging link with only the offset and page size, or an opaque cursor
      `${header}export function next(request: CriteriaSearchRequest, offset: number) {\n  return url.format({ host: request.baseUrl, pathname: \`/\${request.resourceType}\`, query: { _getpagesoffset: offset, _count: 20 } });\n}`,
      `${header}export function next(request: CriteriaSearchRequest, cursor: string) {\n  return \`\${request.baseUrl}/\${request.resourceType}?\${querystring.stringify({ _cursor: cursor })}\`;\n}`,
      // url.format of a URL object without a query; a format function of another module
      `${header}export function self(request: CriteriaSearchRequest) { return url.format({ host: request.baseUrl, pathname: '/metadata' }); }`,
      "import { format } from 'date-fns';\nexport function label(patient: any) { return format(patient.birthDate, 'yyyy'); }",
      // a history interaction's parameters (`_since`, `_count`) are not a search's criteria; nor a search handler's outside a FHIR server
      "import url from 'url';\nimport { Handler } from '@acme/fhir-server-interface';\nexport class Resources {\n  typeHistory(resourceType: string, queryParams: any) { return url.format({ host: 'h', pathname: `/${resourceType}/_history`, query: queryParams }); }\n}",
      "import url from 'url';\nexport class Products {\n  search(queryParams: any) { return url.format({ host: 'h', pathname: '/products', query: queryParams }); }\n}",
      // criteria of a FHIR search request in a test
      { code: `${header}export function next(request: CriteriaSearchRequest) { return url.format({ host: 'h', query: request.queryParams }); }`, filename: 'src/links.test.ts' },
    ],
    invalid: [
      {
        name: "a next-page link that copies every criterion of the search into the link's query string",
        code: `${header}export function next(request: CriteriaSearchRequest, offset: number) {\n  const { queryParams } = request;\n  return url.format({ host: request.baseUrl, pathname: \`/\${request.resourceType}\`, query: { ...queryParams, _getpagesoffset: offset } });\n}`,
        errors: [{ line: 6, column: 91, kinds: ['date-of-birth', 'mrn', 'name'], message: 'POSTed to `_search`' }],
      },
      {
        name: 'a self link built with querystring.stringify of the criteria',
        code: `${header}export function self(request: CriteriaSearchRequest) {\n  return \`\${request.baseUrl}/\${request.resourceType}?\${querystring.stringify(request.queryParams)}\`;\n}`,
        errors: [{ line: 5, column: 56, kinds: ['date-of-birth', 'mrn', 'name'], message: 'FHIR search criteria' }],
      },
      {
        name: "a search handler's criteria handed to a static bundle helper that links through `this` (a static method of the same class)",
        code: "import url from 'url';\nimport { Handler } from '@acme/fhir-server-interface';\nclass Bundles {\n  static searchset(base: string, queryParams: any) { return { link: [this.link(base, queryParams)] }; }\n  static link(host: string, query?: any) { return url.format({ host, query }); }\n}\nexport class Resources {\n  async typeSearch(resourceType: string, queryParams: any) { return Bundles.searchset('https://fhir.example.org', queryParams); }\n}",
        errors: [{ line: 5, column: 70, kinds: ['date-of-birth', 'mrn', 'name'], message: 'FHIR search criteria' }],
      },
      {
        name: 'url.format of a legacy URL object whose query holds a patient\'s birth date',
        code: "import { format } from 'url';\nexport function link(patient: { birthDate: string }) { return format({ host: 'h', query: { birthdate: patient.birthDate } }); }",
        errors: [{ line: 2, column: 90, kinds: ['date-of-birth'] }],
      },
    ],
  });
});

// An object literal handed to a parameter of a declared type: a field no caller sets (`options.query`) is undefined,
// not the PHI the literal's other fields (`body`) carry.
describe('no-phi-in-url: a declared options field no caller sets carries nothing', () => {
  const client = (calls: string) => `import { AxiosInstance } from 'axios';\nimport { Claim } from 'fhir/r4';\ninterface CallOptions {\n  endpoint: string;\n  body?: unknown;\n  query?: URLSearchParams;\n}\nexport class ClaimClient {\n  constructor(private readonly http: AxiosInstance) {}\n  async submit(claim: Claim) {\n    ${calls}\n  }\n  private async call(options: CallOptions) {\n    return this.http.request({ url: \`/api/\${options.endpoint}\`, method: 'POST', data: options.body, params: options.query });\n  }\n}`;
  runRuleTests('no-phi-in-url', {
    valid: [
      { name: 'every caller sends the claim as the body and sets no query', filename: 'src/claim-client.ts', code: client("await this.call({ endpoint: 'Claim', body: claim });\n    return this.call({ endpoint: 'Claim/$validate', body: claim });") },
    ],
    invalid: [
      {
        name: 'near miss: a caller puts the claim in the query',
        filename: 'src/claim-client.ts',
        code: client("return this.call({ endpoint: 'Claim', query: new URLSearchParams({ claim: JSON.stringify(claim) }) });"),
        errors: [{ line: 11, column: 50, kinds: ['insurance'] }, { line: 14, column: 109, kinds: ['insurance'] }],
      },
    ],
  });
});

describe('no-phi-in-url: optional query parameters and a base URL glued to a patient segment', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // an optional paging or status parameter, and an optional name search of a non-person resource
      'export const list = (page?: number) => fetch(`/fhir/Patient?_count=10${page ? `&_getpagesoffset=${page}` : \'\'}`);',
      "export const orgs = (searchText?: string) => fetch(`/fhir/Organization?_count=10${searchText ? `&name=${searchText}` : ''}`);",
      // an optional part whose text names no parameter stays one unknown value
      "export const one = (patientUuid: string, full?: boolean) => fetch(`/fhir/Patient/${patientUuid}${full ? '?_summary=false' : ''}`);",
      // an opaque id looked up on a patient endpoint behind a base URL
      'declare const BASE_URL: string;\nexport const byUuid = (patientUuid: string) => fetch(`${BASE_URL}patient?identifier=${patientUuid}`);',
    ],
    invalid: [
      {
        name: 'a typed name added to a FHIR Patient search only when the user typed one',
        code: "export const findPatients = (searchText?: string) =>\n  fetch(`/fhir/Patient?_count=10${searchText ? `&name=${searchText}` : ''}`);",
        errors: [{ line: 2, column: 57, kinds: ["name"] }],
      },
      {
        name: 'the same with `&&`, and an identifier looked up on a patient endpoint glued to a base URL',
        code: [
          'declare const BASE_URL: string;',
          'export const findPatients = (searchText: string) => fetch(`/fhir/Patient?_count=10${searchText && `&name=${searchText}`}`);',
          'export const byIdentifier = (identifier: string) => fetch(`${BASE_URL}patient?identifier=${identifier}&v=full`);',
        ].join('\n'),
        errors: [
          { line: 2, column: 108, kinds: ["name"] },
          { line: 3, column: 92, kinds: ['mrn'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-url: account lookups, references, master data and identifier searches (round 10)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // a geo: URI opens the device's map app: it is not sent to a server
      "declare const Linking: any;\nexport function openMap(subject: { latitude: number; longitude: number; fullName: string }) {\n  return Linking.openURL(`geo:${subject.latitude},${subject.longitude}?q=${subject.latitude},${subject.longitude}(${subject.fullName})`);\n}",
      // a GET route of the sign-in module reads the signed-in user's own e-mail
      { code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/user-context', async (req, res) => {\n  const email = req.query.email;\n  res.json(await lookup(email));\n});\ndeclare function lookup(email: unknown): Promise<unknown>;\nexport default router;", filename: 'src/routes/auth.js' },
      // a lookup of one of the app's user accounts (a class method) by e-mail: the account holder's own contact
      "class DirectoryService {\n  request(method: string, path: string): Promise<unknown[]> { return Promise.resolve([]); }\n  async findUserByEmail(email: string) {\n    const users = await this.request('GET', `/users?email=${encodeURIComponent(email)}&exact=true`);\n    return users[0];\n  }\n}\nexport default new DirectoryService();",
      // a handler reads record ids from the query: a parameter named for a record (`encounters`, `patient`) takes its id
      "export async function reportHandler(req: any, res: any) {\n  const { encounters, patient, limit = 100 } = req.query;\n  res.json(await run(encounters, patient, limit));\n}\ndeclare function run(...args: unknown[]): Promise<unknown>;",
      // master data: a fee schedule looked up by a procedure code names nobody
      "import axios from 'axios';\nexport async function feeFor(claim: any, index: number) {\n  const cptCode = claim.lines[index].procedureCode;\n  return axios.get('/masters/fee-schedule', { params: { cptCode, payerId: claim.payerId } });\n}",
      // a generic FHIR GET route whose handler reads only the page size from the query searches by no demographic
      { code: "const express = require('express');\nconst router = express.Router();\nrouter.get('/:resourceType', async (req, res) => {\n  const limit = parseInt(req.query._count) || 20;\n  res.json(await req.db.query('SELECT resource FROM fhir_resources WHERE type = $1 LIMIT $2', [req.params.resourceType, limit]));\n});\nmodule.exports = router;", filename: 'src/routes/fhir.js' },
      // a patient-named helper handed records or a name pair to build from, not query fields that identify a patient
      "declare const client: unknown; declare const claims: object[]; declare const patient: any;\ndeclare function fetchPatientPaidByClaimId(o: object): Promise<unknown>;\ndeclare function getPatientNameSearchParams(o: object): unknown[];\nexport function load() {\n  fetchPatientPaidByClaimId({ client, claims });\n  return getPatientNameSearchParams({ firstLast: { first: patient.name[0].given[0], last: patient.name[0].family }, maxResultOverride: 10 });\n}",
      // a patient list read with paging and a clinic's opaque id only
      "declare function fetchPatients(api: unknown, options: object, cb: () => void): void;\nexport function loadPage(api: unknown, clinicId: string, page: number) {\n  fetchPatients(api, { clinicId, offset: page * 20, sort: 'fullName' }, () => undefined);\n}",
    ],
    invalid: [
      {
        name: 'a GET route outside account code still reads a patient\'s e-mail from the query',
        filename: 'src/routes/patients.js',
        code: "import express from 'express';\nconst router = express.Router();\nrouter.get('/by-email', async (req, res) => {\n  const email = req.query.email;\n  res.json(await lookup(email));\n});\ndeclare function lookup(email: unknown): Promise<unknown>;\nexport default router;",
        errors: [{ line: 4, column: 17, kinds: ['email'] }],
      },
      {
        name: 'a lookup of patients by e-mail stays a finding in a class method',
        code: "class PatientDirectory {\n  request(method: string, path: string): Promise<unknown[]> { return Promise.resolve([]); }\n  async findPatientByEmail(email: string) {\n    const found = await this.request('GET', `/patients?email=${encodeURIComponent(email)}`);\n    return found[0];\n  }\n}\nexport default new PatientDirectory();",
        errors: [{ line: 4, column: 64, kinds: ["email"] }],
      },
      {
        name: 'a generic FHIR GET route that hands its query on whole, or reads a Patient search parameter, is still a patient search route',
        filename: 'src/routes/fhir.js',
        code: "const express = require('express');\nconst router = express.Router();\nrouter.get('/:resourceType', async (req, res) => res.json(await search(req.params.resourceType, req.query)));\nrouter.get('/fhir/:resource', async (req, res) => res.json(await find(req.params.resource, { name: req.query.name, count: req.query._count })));\nmodule.exports = router;",
        errors: [{ line: 3, column: 12, kinds: ['address', 'date-of-birth', 'email', 'mrn', 'name', 'phone', 'zip-code'] }, { line: 4, column: 12, kinds: ['address', 'date-of-birth', 'email', 'mrn', 'name', 'phone', 'zip-code'] }],
      },
      {
        name: 'Angular HttpParams reassigned with a patient identifier: reported where the identifier is set',
        code: "import { HttpClient, HttpParams } from '@angular/common/http';\nexport class ImagingResource {\n  constructor(private http: HttpClient, private baseUrl: () => string) {}\n  getReport(patientIdentifier: string) {\n    const url = this.baseUrl();\n    let params: HttpParams = new HttpParams();\n    params = params.set('patient', patientIdentifier);\n    return this.http.get(url + 'imaging-report', { params: params });\n  }\n}",
        errors: [{ line: 7, column: 36, kinds: ['mrn'] }],
      },
      {
        name: 'a FHIR `:identifier` reference search carries the patient\'s business identifier, whatever the variable is called',
        code: "import axios from 'axios';\nexport function trackerQuery(criteria: { patientId?: string }) {\n  const searchParams = new URLSearchParams();\n  if (criteria.patientId) searchParams.set('patient:identifier', criteria.patientId.replace(/ /g, ''));\n  return axios.get('/Task', { params: searchParams });\n}",
        errors: [{ line: 4, column: 66, kinds: ['mrn'] }],
      },
      {
        name: 'a patient list read looked up by record number and birth date sends them in the query string',
        code: "declare function fetchPatients(api: unknown, options: object, cb: () => void): void;\nexport function launch(api: unknown, patientInfo: { mrn: string; dob: string }) {\n  const { mrn, dob } = patientInfo;\n  fetchPatients(api, { mrn, birthDate: dob }, () => undefined);\n}",
        errors: [{ line: 4, column: 24, kinds: ['mrn'] }],
      },
    ],
  });
});

describe('no-phi-in-url: navigation state, FHIR search parameters filled by key, query fragments of a known URL (round 11)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // navigation state of a tab name and an id known only by a record's name
      { code: "import { useNavigate } from 'react-router-dom';\nexport function useOpenTab(patientId: string) {\n  const navigate = useNavigate();\n  return () => navigate(`/patient/${patientId}`, { state: { defaultTab: 'encounters', patient: patientId } });\n}", filename: 'src/useOpenTab.tsx' },
      // a sign-in step hands the account holder's own e-mail or phone to the next page (the answer of an auth service call)
      "import { Router } from '@angular/router';\ndeclare const authService: { requestOtp(p: object): { subscribe(cb: (r: { success: boolean }) => void): void } };\nexport class VerificationComponent {\n  constructor(private router: Router, private form: { value: { email: string } }) {}\n  verify() {\n    authService.requestOtp({ email: this.form.value.email }).subscribe((res) => {\n      if (res.success) this.router.navigate(['/session/verify-otp'], { state: { via: 'email', email: this.form.value.email } });\n    });\n  }\n}",
      // the answer of a sign-in mutation (an option callback) hands the signed-in user's e-mail to the next step
      { code: "import { useNavigate } from 'react-router';\ndeclare function useRequestLoginToken(o: { onSuccess(r: { email: string }): void }): { mutate(): void };\nexport const RequestLoginTokenView = () => {\n  const navigate = useNavigate();\n  const { mutate } = useRequestLoginToken({ onSuccess: ({ email }) => { navigate('/login-submit', { state: { email } }); } });\n  return mutate;\n};", filename: 'packages/patient-portal/src/views/RequestLoginTokenView.tsx', config: { appUsers: 'patients' } },
      // a FHIR patient search filled by key with paging and an organisation id only
      "import { MedplumClient } from '@medplum/core';\ndeclare const medplum: MedplumClient;\nexport async function recentPatients(organizationId: string) {\n  const params = new URLSearchParams();\n  params.set('_sort', '-_lastUpdated');\n  params.set('organization', organizationId);\n  return medplum.searchResources('Patient', params);\n}",
      // FHIR query text beside a resource that describes no patient, or searching a patient by its opaque id
      "declare const fhir: { getResource(o: object, cb: () => void): void };\nexport function form(id: { system: string; value: string }, cb: () => void) {\n  const query = `identifier=${id.system}|${id.value}`;\n  fhir.getResource({ resource: 'Questionnaire', query }, cb);\n}\nexport function byId(patientId: string, cb: () => void) {\n  fhir.getResource({ resource: 'Patient', query: `_id=${patientId}&_include=Patient:link` }, cb);\n}",
      // optional route parameters in a REST API that is not FHIR
      { code: "const express = require('express');\nconst router = express.Router();\nrouter.get('/:resource?/:id?', (req, res) => res.json(load(req)));\ndeclare function load(req: unknown): unknown;\nmodule.exports = router;", filename: 'src/routes/api.js' },
      // GET routes registered by name: a lookup by an opaque id, or by the app user's own e-mail; a patient list handed its query
      // for paging (not a search); a generic route without FHIR in sight
      { code: "const express = require('express');\nconst handlers = require('./handlers');\nconst app = express();\napp.get('/api/patient/:uuid', handlers.handle_patient_by_id);\napp.get('/api/users/lookup', handlers.getUserByEmail);\nmodule.exports = app;", filename: 'server/app.js' },
      { code: "const express = require('express');\nconst router = express.Router();\ndeclare const patients: { list(db: unknown, q: unknown): Promise<unknown> };\nrouter.get('/patients', async (req, res) => res.json(await patients.list(req.db, req.query)));\nmodule.exports = router;", filename: 'src/routes/public.js' },
      { code: "import express from 'express';\ndeclare function handleSearch(type: string, q: unknown): Promise<unknown>;\nexport const router = express.Router({ mergeParams: true });\nrouter.get('/', async (req, res) => {\n  const { resourceType } = req.params;\n  res.send(await handleSearch(resourceType, req.query));\n});", filename: 'src/routes/generic.ts' },
      // the type's history and an instance's history take `_since` and `_count`, not demographics
      { code: "import express from 'express';\nimport type { Search } from 'fhir-works-on-aws-interface';\ndeclare function history(type: string, q: unknown): Promise<unknown>;\nexport const router = express.Router({ mergeParams: true });\nrouter.get('/_history', async (req, res) => {\n  const { resourceType } = req.params;\n  res.send(await history(resourceType, req.query));\n});\nrouter.get('/:id/_history', async (req, res) => res.send(await history(req.params.resourceType, req.query)));", filename: 'src/routes/generic.ts' },
      // an identifier type (not its value) in the path of a catalogue of identifier types, through a URL helper
      "declare function makeUrl(u: string): string; declare const restBaseUrl: string;\nexport const identifierTypes = (identifierType: string) => fetch(makeUrl(`${restBaseUrl}/patientidentifiertype/${identifierType}`));",
      // a name typed into a search of organisations, appended to the URL that names the resource
      "export async function findOrganizations(search: string) {\n  let url = `/api/fhir/Organization?_count=10`;\n  if (search) url += `&name=${encodeURIComponent(search)}`;\n  return fetch(url);\n}",
    ],
    invalid: [
      {
        name: 'a patient search form\'s values handed to the next page in router navigation state',
        filename: 'src/useAddPatient.tsx',
        code: "import { useNavigate } from 'react-router-dom';\nimport { useFormContext } from 'react-hook-form';\ntype PatientCriteriaEntry = { firstName?: string; lastName?: string; dateOfBirth?: string };\nexport function useAddPatient() {\n  const navigate = useNavigate();\n  const { getValues } = useFormContext<PatientCriteriaEntry>();\n  return () => {\n    const criteria = getValues();\n    navigate('/patient/add', { state: { criteria } });\n  };\n}",
        errors: [{ line: 9, column: 39, kinds: ['date-of-birth', 'name'], message: 'Router navigation state' }],
      },
      {
        name: 'Angular router navigation state with a patient\'s phone (not the answer of an account call)',
        code: "import { Router } from '@angular/router';\ndeclare const linkService: { requestOtp(hash: string, phone: string): { subscribe(cb: (r: { success: boolean }) => void): void } };\nexport class PrescriptionDownload {\n  constructor(private router: Router, private hash: string) {}\n  send(patientPhoneNumber: string) {\n    linkService.requestOtp(this.hash, patientPhoneNumber).subscribe((res) => {\n      if (res.success) this.router.navigate(['/verify-otp'], { state: { via: 'phone', val: patientPhoneNumber } });\n    });\n  }\n}",
        errors: [{ line: 7, column: 71, kinds: ['phone'] }],
      },
      {
        name: 'a FHIR patient search whose URLSearchParams get the typed name by `set`',
        code: "import { MedplumClient } from '@medplum/core';\ndeclare const medplum: MedplumClient;\nexport async function findPatients(query: string) {\n  const params = new URLSearchParams();\n  params.set('_sort', '-_lastUpdated');\n  const trimmed = query.trim();\n  if (trimmed) params.set('name', trimmed);\n  return medplum.searchResources('Patient', params);\n}",
        errors: [{ line: 8, column: 45, kinds: ['name'] }],
      },
      {
        name: 'a FHIR patient search whose parameter object is filled by key before the search',
        code: "import { fhirService } from './fhir.service';\nexport async function searchPatients(params: { name?: string; birthDate?: string; facilityId?: string }) {\n  const searchParams: Record<string, string> = { _count: '50' };\n  if (params.facilityId) searchParams.organization = params.facilityId;\n  if (params.birthDate) searchParams.birthdate = params.birthDate;\n  return fhirService.search('Patient', searchParams);\n}",
        workspace: { 'src/fhir.service.ts': 'export const fhirService: any = {};\n' },
        errors: [{ line: 6, column: 40, kinds: ['date-of-birth'] }],
      },
      {
        name: 'a catch-all FHIR GET route with optional trailing parameters also serves the type-level search',
        filename: 'server/lib/routes/fhir.js',
        code: "const express = require('express');\nconst router = express.Router();\nrouter.get('/:resource?/:id?', (req, res) => {\n  getResource({ req }, (data) => res.json(data));\n});\ndeclare function getResource(o: object, cb: (data: unknown) => void): void;\nmodule.exports = router;",
        errors: [{ line: 3, column: 12, message: 'any resource type' }],
      },
      {
        name: 'FHIR query text beside the Patient resource type: the identifier (a token\'s value, not its system) is searched by URL',
        code: "declare const fhir: { getResource(o: object, cb: () => void): void };\nexport function pix(sourceIdentifier: string, cb: () => void) {\n  const query = `identifier=${sourceIdentifier}&_include:recurse=Patient:link`;\n  fhir.getResource({ resource: 'Patient', query }, cb);\n}\nexport function match(valid: { system: string; value: string }, cb: () => void) {\n  const query = `identifier=${valid.system}|${valid.value}&_include=Patient:link`;\n  fhir.getResource({ resource: 'Patient', query }, cb);\n}",
        errors: [{ line: 3, column: 31, kinds: ['mrn'] }, { line: 7, column: 47, kinds: ['mrn'] }],
      },
      {
        name: 'a GET route whose handler, registered by name, looks a patient up by NHS number on a path without that parameter',
        filename: 'server/app.js',
        code: "const express = require('express');\nconst handlers = require('./handlers');\nconst app = express();\napp.get('/api/patient*', handlers.handle_patient_by_nhs_number);\nmodule.exports = app;",
        errors: [{ line: 4, column: 9, kinds: ['nhs-number'] }],
      },
      {
        name: 'a GET route of a patient collection handing its whole query to a search',
        filename: 'src/routes/public.js',
        code: "const express = require('express');\nconst router = express.Router();\ndeclare const patientController: { search(db: unknown, q: unknown): Promise<unknown> };\nrouter.get('/patients', async (req, res) => {\n  res.json(await patientController.search(req.db, req.query));\n});\nmodule.exports = router;",
        errors: [{ line: 4, column: 12, kinds: ['name'] }],
      },
      {
        name: 'a FHIR route that takes the resource type from its path parameters and hands its whole query to a search',
        filename: 'src/routes/generic.ts',
        code: "import express from 'express';\nimport type { Search } from 'fhir-works-on-aws-interface';\ndeclare function handleSearch(type: string, q: unknown): Promise<unknown>;\nexport const router = express.Router({ mergeParams: true });\nrouter.get('/', async (req, res) => {\n  const { resourceType } = req.params;\n  res.send(await handleSearch(resourceType, req.query));\n});",
        errors: [{ line: 5, column: 12, message: 'any resource type' }],
      },
      {
        name: 'typed search text and an identifier value in the path of a patient lookup, through a URL helper and a data hook',
        code: "import useSWR from 'swr';\ndeclare function makeUrl(u: string): string; declare const restBaseUrl: string; declare const openmrsFetch: any;\nexport const searchPatient = async (identifierType: string, searchQuery: string) => {\n  const url = `${restBaseUrl}/kenyaemr/getSHAPatient/${searchQuery}/${identifierType}`;\n  return fetch(makeUrl(url));\n};\nexport const useDependents = (identifierValue: string) => useSWR(`${restBaseUrl}/kenyaemr/getSHAPatient/${identifierValue}/National ID`, openmrsFetch);",
        errors: [{ line: 5, column: 16, kinds: ['name'] }, { line: 7, column: 107, kinds: ['mrn'] }],
      },
      {
        name: 'a typed name appended to a URL of a FHIR Patient search is a name search',
        code: "export async function loadPatients(search: string, pageSize: number) {\n  let url = `/api/fhir/Patient?_count=${pageSize}`;\n  if (search) {\n    url += `&name=${encodeURIComponent(search)}`;\n  }\n  return fetch(url);\n}",
        errors: [{ line: 4, column: 21, kinds: ['name'] }],
      },
    ],
  });
});

describe('no-phi-in-url: HTTP clients of the workspace own, whatever their instance is called', () => {
  // A shared service whose get/delete hands the URL to Angular's HttpClient and turns `options.params` into HttpParams.
  const server = [
    "import { HttpClient, HttpParams } from '@angular/common/http';",
    "import { Injectable } from '@angular/core';",
    '@Injectable()',
    'export class Server {',
    '  constructor(private http: HttpClient) {}',
    '  private prepare(options: any) { return { params: new HttpParams({ fromObject: options?.params ?? {} }) }; }',
    '  get(url: string, options: any = {}) {',
    '    return this.http.get(this.absolute(url), this.prepare(options));',
    '  }',
    '  delete(url: string, options: any = {}) { return this.http.delete(url, this.prepare(options)); }',
    "  private absolute(url: string) { return '/api' + url; }",
    '}',
  ].join('\n');
  // A cache whose `get(key)` reads a Redis client: a `get` of a client, but not of a URL.
  const cache = "export class Cache {\n  constructor(private client: any) {}\n  get(key: string) { return this.client.get(key); }\n}\n";
  // An HttpClient subclass: `super.get(url, …)` is the request.
  const subclass = "import { Http } from '@angular/http';\nexport class HttpInterceptor extends Http {\n  get(url: string, options?: any) {\n    return super.get(url, options);\n  }\n}\n";
  // Services handing their parameter to the wrapper's GET as its query: patients' index, and a drug catalogue.
  const patients = "import { Server } from '../shared/server.service';\nexport class PacienteService {\n  private pacientesUrl = '/core/mpi/pacientes';\n  constructor(private server: Server) {}\n  get(params: any) { return this.server.get(this.pacientesUrl, { params }); }\n}\n";
  const drugs = "import { Server } from '../shared/server.service';\nexport class InsumoService {\n  private url = '/core/tm/insumos';\n  constructor(private server: Server) {}\n  find(query: any) { return this.server.get(this.url, { params: query, showError: false }); }\n}\n";
  runRuleTests('no-phi-in-url', {
    valid: [
      // typed search text sent to a catalogue's endpoint through a service: a drug's name, nobody's
      {
        filename: 'src/app/farmacia/stock.component.ts',
        workspace: { 'src/app/shared/server.service.ts': server, 'src/app/services/insumo.service.ts': drugs },
        code: "import { InsumoService } from '../services/insumo.service';\nexport class StockComponent {\n  texto = '';\n  constructor(private insumos: InsumoService) {}\n  buscar() {\n    return this.insumos.find({ search: this.texto.trim(), limit: 20 });\n  }\n}",
      },
      {
        filename: 'src/app/coverage/coverage.component.ts',
        workspace: { 'src/app/shared/cache.ts': cache },
        code: "import { Cache } from '../shared/cache';\nexport class CoverageComponent {\n  constructor(private server: Cache) {}\n  lookup(paciente: { documento: string }) {\n    return this.server.get('/puco', { params: { dni: paciente.documento } });\n  }\n}",
      },
      // a professionals' registry looked up by their identity document: the workforce's, not a patient's
      {
        filename: 'src/app/services/profesional.service.ts',
        workspace: { 'src/app/shared/server.service.ts': server },
        code: "import { Server } from '../shared/server.service';\nexport class ProfesionalService {\n  private profesionalUrl = '/core/tm/profesionales';\n  constructor(private server: Server) {}\n  get(params: { documento: string }) {\n    return this.server.get(this.profesionalUrl, { params: { documento: params.documento } });\n  }\n}",
      },
      // the same registry searched by name from a patient's admission screen: the endpoint says whose names they are
      {
        filename: 'src/app/camas/ingresar-paciente.component.ts',
        workspace: {
          'src/app/shared/server.service.ts': server,
          'src/app/services/profesional.service.ts': "import { Server } from '../shared/server.service';\nexport class ProfesionalService {\n  private profesionalUrl = '/core/tm/profesionales';\n  constructor(private server: Server) {}\n  get(params: any) { return this.server.get(this.profesionalUrl, { params }); }\n}\n",
        },
        code: "import { ProfesionalService } from '../services/profesional.service';\nexport class IngresarPacienteComponent {\n  constructor(private servicioProfesional: ProfesionalService) {}\n  loadProfesionales(event: { query: string }) {\n    return this.servicioProfesional.get({ nombreCompleto: event.query });\n  }\n}",
      },
      // a path kept in a field the class only ever initialises is that text, not a patient record by its name
      {
        filename: 'src/app/mpi/paciente.service.ts',
        workspace: { 'src/app/shared/server.service.ts': server },
        code: "import { Server } from '../shared/server.service';\nexport class PacienteService {\n  private pacienteV2 = '/core-v2/mpi/pacientes';\n  constructor(private server: Server) {}\n  estado(id: string) {\n    return this.server.get(`${this.pacienteV2}/estadoActual/${id}`);\n  }\n}",
      },
    ],
    invalid: [
      {
        name: "a national identity document sent as a query parameter through a workspace's own HttpClient wrapper",
        filename: 'src/app/coverage/coverage.component.ts',
        workspace: { 'src/app/shared/server.service.ts': server },
        code: "import { Server } from '../shared/server.service';\nexport class CoverageComponent {\n  constructor(private server: Server) {}\n  lookup(paciente: { documento: string; sexo: string }) {\n    return this.server.get('/modules/obraSocial/puco', { params: { dni: paciente.documento, sexo: paciente.sexo } });\n  }\n}",
        errors: [{ line: 5, column: 66, kinds: ['national-id'] }],
      },
      {
        name: 'an e-mail address in the path of a DELETE through the wrapper, under another field name and an import alias',
        filename: 'src/app/account/account.service.ts',
        workspace: { 'src/app/shared/server.service.ts': server },
        code: "import { Server as Backend } from '../shared/server.service';\nexport class AccountService {\n  constructor(private backend: Backend) {}\n  remove(patient: { email: string }) {\n    return this.backend.delete(`/modules/mobileApp/${patient.email}`);\n  }\n}",
        errors: [{ line: 5, column: 54, kinds: ['email'] }],
      },
      {
        name: 'a date of birth in the query of a subclass of an HTTP client',
        filename: 'src/app/search.ts',
        workspace: { 'src/app/core/http-interceptor.ts': subclass },
        code: "import { HttpInterceptor } from './core/http-interceptor';\nexport class Search {\n  constructor(private backend: HttpInterceptor) {}\n  find(patient: { birthDate: string }) {\n    return this.backend.get(`/patients?dob=${patient.birthDate}`);\n  }\n}",
        errors: [{ line: 5, column: 46, kinds: ['date-of-birth'] }],
      },
      {
        name: "typed search text handed to a service whose get(params) sends them as the query of a patient endpoint's GET",
        filename: 'src/app/auditoria/auditoria.component.ts',
        workspace: { 'src/app/shared/server.service.ts': server, 'src/app/services/paciente.service.ts': patients },
        code: "import { PacienteService } from '../services/paciente.service';\nexport class AuditoriaComponent {\n  textoLibre = '';\n  constructor(private pacienteService: PacienteService) {}\n  buscar() {\n    const params = { search: this.textoLibre.trim(), skip: 0, limit: 20 };\n    return this.pacienteService.get(params);\n  }\n}",
        errors: [{ line: 7, column: 37, kinds: ['name'] }],
      },
      {
        name: "a public field initialised empty is a form's value (a template binds it), not a constant",
        filename: 'src/app/reports/deposits.component.ts',
        code: "declare const http: any;\nexport class DepositsComponent {\n  public PatientName = '';\n  load() {\n    return http.get('/BillingReports/Deposits?patientName=' + this.PatientName);\n  }\n}",
        errors: [{ line: 5, column: 63, kinds: ['name'] }],
      },
    ],
  });
});

describe("no-phi-in-url: list filters kept in the page URL's query by the workspace's own hooks", () => {
  // A workspace hook that reads and writes the page URL's query, and one that wraps it (a package of a monorepo).
  const urlQuery = [
    "import { useSearchParams } from 'react-router-dom';",
    'export const useUrlQuery = () => {',
    '  const [searchParams, setSearchParams] = useSearchParams();',
    '  const updateQuery = (values: Record<string, string>) => setSearchParams({ ...Object.fromEntries(searchParams), ...values });',
    '  return { urlQuery: Object.fromEntries(searchParams), updateQuery };',
    '};',
  ].join('\n');
  const urlQueryParams = [
    "import { useUrlQuery } from './useUrlQuery';",
    'export const useUrlQueryParams = ({ filters = [] }: { filters?: Array<{ key: string; condition?: string }> } = {}) => {',
    '  const { urlQuery, updateQuery } = useUrlQuery();',
    '  const updateFilterQuery = (key: string, value: string) => updateQuery({ [key]: value });',
    '  return { filterBy: filters.map((filter) => urlQuery[filter.key]), updateQuery, updateFilterQuery };',
    '};',
  ].join('\n');
  // The same shape of hook keeping its filters in component state: nothing reaches a URL.
  const localFilters = [
    "import { useState } from 'react';",
    'export const useListFilters = ({ filters = [] }: { filters?: Array<{ key: string }> } = {}) => {',
    '  const [values, setValues] = useState<Record<string, string>>({});',
    '  const updateFilterQuery = (key: string, value: string) => setValues({ ...values, [key]: value });',
    '  return { filterBy: filters.map((filter) => values[filter.key]), updateFilterQuery };',
    '};',
  ].join('\n');
  // A hook that navigates to a patient's page: its setter of a patient is no query setter.
  const patientNavigation = [
    "import { useNavigate, useLocation } from 'react-router-dom';",
    'export const usePatientNavigation = () => {',
    '  const navigate = useNavigate();',
    '  const location = useLocation();',
    '  const setPatient = (patient: { id: string; lastName: string }) => navigate(`/patients/${patient.id}`, { state: { from: location.pathname } });',
    '  return { setPatient };',
    '};',
  ].join('\n');
  const hooks = { 'packages/common/src/hooks/useUrlQuery.ts': urlQuery, 'packages/common/src/hooks/useUrlQueryParams.ts': urlQueryParams };
  const filterList = (file: string, keys: string[]) => ({
    filename: file,
    workspace: hooks,
    code: [
      "import { useUrlQueryParams } from '../../../common/src/hooks/useUrlQueryParams';",
      'export const ListView = () => {',
      `  const { filterBy } = useUrlQueryParams({ filters: [${keys.map((key) => `{ key: '${key}' }`).join(', ')}] });`,
      '  return filterBy;',
      '};',
    ].join('\n'),
  });
  const toolbar = (file: string, parameters: string[]) => ({
    filename: file,
    code: [
      'declare function FilterMenu(props: { filters: unknown[] }): unknown;',
      'export const Toolbar = () => FilterMenu({',
      `  filters: [${parameters.map((parameter) => `{ type: 'text', urlParameter: '${parameter}' }`).join(', ')}],`,
      '});',
    ].join('\n'),
  });
  runRuleTests('no-phi-in-url', {
    valid: [
      // paging, sort, status, dates of the list and gender in a patient list's URL
      filterList('packages/system/src/Patient/ListView/ListView.tsx', ['status', 'gender', 'createdDatetime', 'sort']),
      toolbar('packages/system/src/Patient/ListView/Toolbar.tsx', ['status', 'gender', 'createdDatetime']),
      // names on a staff, supplier or location list are no patient's
      filterList('packages/system/src/Location/ListView/ListView.tsx', ['name', 'lastName', 'identifier']),
      toolbar('packages/system/src/Staff/ListView/Toolbar.tsx', ['firstName', 'lastName', 'dateOfBirth']),
      // another record's fields on a patient list: the supplier's name, the location's code
      toolbar('packages/system/src/Patient/ListView/Toolbar.tsx', ['supplier.name', 'location.code']),
      // a hook of the same shape that keeps filters in component state writes no URL
      { ...filterList('packages/system/src/Patient/ListView/ListView.tsx', ['firstName', 'dateOfBirth']), code: "import { useListFilters } from '../../../common/src/hooks/useListFilters';\nexport const ListView = () => useListFilters({ filters: [{ key: 'firstName' }, { key: 'dateOfBirth' }] });", workspace: { 'packages/common/src/hooks/useListFilters.ts': localFilters } },
      // a hook that navigates: its `setPatient` is handed a patient, not a query (and navigates by id)
      {
        filename: 'src/patients/PatientRow.tsx',
        workspace: { 'src/hooks/usePatientNavigation.ts': patientNavigation },
        code: "import { usePatientNavigation } from '../hooks/usePatientNavigation';\nexport const PatientRow = (row: { id: string; lastName: string }) => {\n  const { setPatient } = usePatientNavigation();\n  return () => setPatient({ id: row.id, lastName: row.lastName });\n};",
      },
      // opaque ids and paging through the workspace's query hook
      {
        filename: 'src/patients/PatientList.tsx',
        workspace: hooks,
        code: "import { useUrlQuery } from '../../packages/common/src/hooks/useUrlQuery';\nexport const PatientList = (page: number, patientId: string) => {\n  const { updateQuery } = useUrlQuery();\n  updateQuery({ page: String(page), patientId });\n};",
      },
    ],
    invalid: [
      {
        name: "a patient list's filters kept in the page URL through the workspace's query hook (two hooks deep)",
        ...filterList('packages/system/src/Patient/ListView/ListView.tsx', ['firstName', 'gender', 'dateOfBirth', 'identifier']),
        errors: [
          { line: 3, column: 61, message: '`firstName`', kinds: ['name'] },
          { line: 3, column: 102, message: '`dateOfBirth`', kinds: ['date-of-birth'] },
          { line: 3, column: 126, message: '`identifier`', kinds: ['mrn'] },
        ],
      },
      {
        name: "an encounter list's filter on the patient's last name, named for the patient",
        ...filterList('packages/system/src/Encounter/ListView/ListView.tsx', ['patient.lastName', 'status']),
        errors: [{ line: 3, column: 61, message: '`patient.lastName`', kinds: ['name'] }],
      },
      {
        name: "a patient list's filter menu binds typed names and the next of kin's name to URL parameters",
        ...toolbar('packages/system/src/Patient/ListView/Toolbar.tsx', ['lastName', 'gender', 'nextOfKinName']),
        errors: [
          { line: 3, column: 43, message: '`lastName`', kinds: ['name'] },
          { line: 3, column: 129, message: '`nextOfKinName`', kinds: ['name'] },
        ],
      },
      {
        name: "a patient search writes the typed last name into the page URL through the workspace's query hook",
        filename: 'src/patients/PatientSearch.tsx',
        workspace: hooks,
        code: "import { useUrlQueryParams } from '../../packages/common/src/hooks/useUrlQueryParams';\nexport const PatientSearch = () => {\n  const { updateFilterQuery, updateQuery } = useUrlQueryParams();\n  return [(text: string) => updateFilterQuery('lastName', text), (dob: string) => updateQuery({ dateOfBirth: dob })];\n};",
        errors: [
          { line: 4, column: 59, message: '`updateFilterQuery`', kinds: ['name'] },
          { line: 4, column: 95, message: '`updateQuery`', kinds: ['date-of-birth'] },
        ],
      },
    ],
  });
});

describe("no-phi-in-url: a page that reads a person's identifiers from its own URL's query", () => {
  const form = (file: string, keys: string[]) => ({
    filename: file,
    code: [
      "import { useSearchParams } from 'next/navigation';",
      'declare function setField(key: string, value: string): void;',
      'export function SearchForm() {',
      '  const params = useSearchParams();',
      ...keys.map((key) => `  setField('${key}', params?.get('${key}') || '');`),
      '}',
    ].join('\n'),
  });
  runRuleTests('no-phi-in-url', {
    valid: [
      // paging, sort and status of a patient list: no one's identifiers
      form('src/patients/PatientList.tsx', ['page', 'sort', 'status']),
      // one kind of identifier, nothing naming a patient: an invitation's e-mail
      form('src/app/invite/page.tsx', ['email']),
      // a practitioner's own details prefilled on a workforce screen
      form('src/practitioners/PractitionerForm.tsx', ['firstName', 'lastName', 'dateOfBirth']),
    ],
    invalid: [
      {
        name: 'a search form prefilled from its own URL with names, phone, birth date and record number',
        ...form('src/app/query/components/SearchForm.tsx', ['first', 'lastName', 'phone', 'dob', 'mrn', 'gender']),
        errors: [{ line: 6, column: 24, message: '`params.get`', kinds: ['name', 'phone', 'date-of-birth', 'mrn'] }],
      },
      {
        name: "a patient page reads the record number from the query of window.location",
        filename: 'src/patient/openChart.ts',
        code: "export function openChart() {\n  const query = new URLSearchParams(window.location.search);\n  const page = query.get('page');\n  const mrn = query.get('mrn');\n  return { page, mrn };\n}",
        errors: [{ line: 4, column: 15, kinds: ['mrn'] }],
      },
      {
        name: 'the write and the read in one file: only the write is reported',
        filename: 'src/search/Search.tsx',
        code: "import { useSearchParams } from 'react-router-dom';\nexport function Search(phone: string) {\n  const [searchParams, setSearchParams] = useSearchParams();\n  const dob = searchParams.get('dob');\n  const lastName = searchParams.get('lastName');\n  setSearchParams({ lastName: lastName ?? '', dob: dob ?? '', phone });\n}",
        errors: [{ line: 6, column: 19, kinds: ['phone', 'name', 'date-of-birth'] }],
      },
    ],
  });
});

describe('no-phi-in-url: a saved patient search URL reused for more requests', () => {
  const search = (pager: string) => [
    "import { useState } from 'react';",
    'declare function getFromServer(url: string, done: (r: unknown) => void): void;',
    'export function SearchPatientForm() {',
    "  const [url, setUrl] = useState('');",
    '  const handleSubmit = (values: { lastName: string; dateOfBirth: string }) => {',
    "    const searchEndPoint = '/rest/patient-search-results?lastName=' + values.lastName + '&dateOfBirth=' + values.dateOfBirth;",
    '    getFromServer(searchEndPoint, () => {});',
    '    setUrl(searchEndPoint);',
    '  };',
    `  const loadNextPage = (nextPage: number) => getFromServer(${pager}, () => {});`,
    '  return { handleSubmit, loadNextPage };',
    '}',
  ].join('\n');
  runRuleTests('no-phi-in-url', {
    valid: [
      // a saved URL of opaque ids and paging, paged again
      "import { useState } from 'react';\ndeclare function getFromServer(url: string): void;\nexport function Orders(patientId: string) {\n  const [url, setUrl] = useState('');\n  const first = () => { const endPoint = '/rest/orders?patientId=' + patientId + '&status=open'; getFromServer(endPoint); setUrl(endPoint); };\n  const next = (page: number) => getFromServer(url + '&page=' + page);\n  return { first, next };\n}",
    ],
    invalid: [
      {
        name: 'only the search is reported when another state (a ward list URL) is paged',
        code: "import { useState } from 'react';\ndeclare function getFromServer(url: string): void;\nexport function Search(values: { lastName: string }) {\n  const [url, setUrl] = useState('');\n  const [listUrl, setListUrl] = useState('/rest/wards?active=true');\n  const go = () => { const endPoint = '/rest/patient-search?lastName=' + values.lastName; getFromServer(endPoint); setUrl(endPoint); setListUrl('/rest/wards?active=false'); };\n  const next = (page: number) => getFromServer(listUrl + '&page=' + page);\n  return { go, next, url };\n}",
        errors: [{ line: 6, column: 74, kinds: ['name'] }],
      },
      {
        name: "the paging of a patient search resends the saved URL with the searched name and birth date",
        code: search("url + '&page=' + nextPage"),
        errors: [
          { line: 6, column: 71, kinds: ['name', 'date-of-birth'] },
          { line: 10, column: 60, message: '`url`', kinds: ['name', 'date-of-birth'] },
        ],
      },
      {
        name: 'the saved URL paged in a template',
        code: search('`${url}&page=${nextPage}`'),
        errors: [
          { line: 6, column: 71, kinds: ['name', 'date-of-birth'] },
          { line: 10, column: 63, message: '`url`', kinds: ['name', 'date-of-birth'] },
        ],
      },
    ],
  });
});

describe('no-phi-in-url: a generic search value whose sibling names what was searched for', () => {
  const search = (type: string) => `declare function get(url: string): void;\nexport function searchOrders(searchValue: string) {\n  const params = new URLSearchParams({ searchType: '${type}', searchValue, useAllInfo: 'true' });\n  get('/rest/ElectronicOrders?' + params.toString());\n}`;
  runRuleTests('no-phi-in-url', {
    valid: [
      search('DATE_STATUS'),
      search('status'),
      // the sibling is not a literal: nothing says what the value is
      "declare function get(url: string): void;\nexport function find(searchType: string, searchValue: string) {\n  const params = new URLSearchParams({ searchType, searchValue });\n  get('/rest/orders?' + params.toString());\n}",
    ],
    invalid: [
      { name: 'an order search by identifier sends the typed identifier in the query', code: search('IDENTIFIER'), errors: [{ line: 3, column: 18, kinds: ['mrn'] }] },
      { name: 'a search by last name, the field named in camel case', code: search('lastName'), errors: [{ line: 3, column: 18, kinds: ['name'] }] },
    ],
  });
});

// A parameter named as an id takes a record's key (a region's, a location's): reference data ids are lookup keys,
// not a patient's address or record. What a value's kinds make an identifier of a person still counts.
runRuleTests('no-phi-in-url', {
  valid: [
    "export function load(patient: any, streetAddress: string) {\n  fetch('/rest/health-districts-for-region?regionId=' + patient.healthRegion);\n  fetch(`/rest/address-hierarchy/children?parentId=${streetAddress}`);\n}",
  ],
  invalid: [
    {
      name: 'the same values under keys that are not ids, and a medical record number under an id key',
      code: "export function load(patient: any, streetAddress: string, mrn: string) {\n  fetch('/rest/districts?region=' + patient.healthRegion + '&street=' + streetAddress);\n  fetch(`/rest/records?patientId=${mrn}`);\n}",
      errors: [{ line: 2, column: 73, kinds: ['address'] }, { line: 3, column: 36, kinds: ['mrn'] }],
    },
    {
      name: "an id key that names a person's identifier (nationalId) takes that identifier, read off the patient's record",
      code: "declare function usePatient(uuid: string): { patient: any };\ndeclare function useSWR(url?: string): unknown;\nexport function useEligibility(patientUuid: string) {\n  const { patient } = usePatient(patientUuid);\n  const nationalId = patient?.identifier?.filter((identifier: any) => identifier)?.at(0)?.value;\n  const url = nationalId ? `/ws/claims/CoverageEligibilityRequest?nationalId=${nationalId}` : undefined;\n  return useSWR(url);\n}",
      errors: [{ line: 6, column: 80, kinds: ['patient-record'] }],
    },
  ],
});

// HTTP clients the rule does not know by name: a GET of a URL built as a request URL whatever the receiver, a
// constructor-style member that forwards its parameter as a GET's query, and request descriptions ({ method, url }).
describe('no-phi-in-url: requests made through clients not known by name', () => {
  const contacts = [
    'go.Contacts = function () {',
    '  var Contacts = Eventable.extend(function (self, json_api, base_url) {',
    '    self.json_api = json_api;',
    '    self.base_url = base_url;',
    '    self.get_contact = function (filters) {',
    '      var url = self.base_url + "/api/v2/contacts.json";',
    '      return self.json_api.get(url, { params: filters });',
    '    };',
    '    self.get_flow = function (flowUuid) {',
    '      return self.json_api.get(self.base_url + "/api/v2/flows.json", { params: { uuid: flowUuid } });',
    '    };',
    '  });',
    '  return Contacts;',
    '}();',
    '',
  ].join('\n');
  runRuleTests('no-phi-in-url', {
    valid: [
      // a cache's or a map's get(key): a key, not a request URL
      'export function cached(cache: Map<string, string>, msisdn: string) {\n  return cache.get("profile-" + msisdn);\n}',
      'export function stored(store: any, phone: string) {\n  return store.get("contacts/" + phone);\n}',
      // a route registration has a handler, not a request
      'export function routes(router: any) {\n  router.get("/api/v2/contacts/:id", (req: any, res: any) => res.end(String(req.params.id)));\n}',
      // a request URL with an opaque id
      'export function load(im: any, patientUuid: string) {\n  return new JsonApi(im).get(im.config.url + "/api/v2/patients/" + patientUuid + "/", { headers: {} });\n}\ndeclare const JsonApi: any;',
      // the member forwards an opaque id; the caller passes one
      { code: 'go.app = function () {\n  return function (self: any) {\n    self.contacts = new go.Contacts();\n    self.lookup = function (contactUuid: string) {\n      return self.contacts.get_contact({ uuid: contactUuid });\n    };\n  };\n}();\ndeclare const go: any;', filename: 'src/app.ts', workspace: { 'src/contacts.js': contacts } },
      // two different members of the same name: which one the caller reaches is unknown
      { code: 'export function lookup(self: any, msisdn: string) {\n  return self.contacts.get_contact({ urn: "tel:" + msisdn });\n}', filename: 'src/app.ts', workspace: { 'src/contacts.js': contacts, 'src/other.js': contacts.replace(/json_api/g, 'rest_api') } },
      // a one-word method name is not enough to find a member by its name
      { code: 'export function find(self: any, msisdn: string) {\n  return self.contacts.get({ urn: "tel:" + msisdn });\n}', filename: 'src/app.ts', workspace: { 'src/contacts.js': contacts.replace(/get_contact/g, 'get') } },
      // a request description with an opaque id, and an object with a method but no URL built of values
      "declare function apiCallBegan(action: object): object;\nexport function load(patientId: string) {\n  return apiCallBegan({ method: 'GET', url: '/api/patient/' + patientId });\n}",
      "declare function apiCallBegan(action: object): object;\nexport function load(phone: string) {\n  return apiCallBegan({ method: 'POST', url: '/api/contacts', data: { phone } });\n}",
      // a FHIR batch entry's relative URL travels in the batch's body
      "export function entries(requests: object[], subscriberId: string) {\n  requests.push({ method: 'DELETE', url: `RelatedPerson/${subscriberId}` });\n}",
    ],
    invalid: [
      {
        name: 'a phone number in the path of a GET through an unknown client, on a base URL from the configuration',
        code: 'declare const JsonApi: any;\nexport function profile(im: any, msisdn: string) {\n  return new JsonApi(im).get(im.config.eventstore.url + "/api/v2/healthcheckuserprofile/" + msisdn + "/", { headers: {} });\n}',
        errors: [{ line: 3, column: 93, message: '`JsonApi.get`', kinds: ['phone'] }],
      },
      {
        name: 'a phone number in the query options of a GET through an unknown client',
        code: 'declare const JsonApi: any;\nexport function triage(im: any, msisdn: string) {\n  return new JsonApi(im).get(im.config.url + "/api/v3/covid19triage/", { params: { msisdn: msisdn } });\n}',
        errors: [{ line: 3, column: 82, kinds: ['phone'] }],
      },
      {
        name: "a phone number in a path joined to the base URL by Node's url.resolve",
        code: 'var urls = require("url");\nexport function failures(self: any, msisdn: string) {\n  var api_url = urls.resolve(self.base_url, "/api/v2/deliveryfailure/" + msisdn + "/");\n  return self.json_api.get(api_url);\n}',
        errors: [{ line: 4, column: 28, message: '`self.json_api.get`', kinds: ['phone'] }],
      },
      {
        name: "a constructor-style member forwards the caller's filters, which hold a phone number, as a GET's query",
        filename: 'src/app.ts',
        workspace: { 'src/contacts.js': contacts },
        code: 'go.app = function () {\n  return function (self: any) {\n    self.contacts = new go.Contacts();\n    self.lookup = function (msisdn: string) {\n      return self.contacts.get_contact({ urn: "whatsapp:" + _.trim(msisdn, "+") });\n    };\n  };\n}();\ndeclare const go: any;\ndeclare const _: any;',
        errors: [{ line: 5, column: 40, message: '`self.contacts.get_contact`', kinds: ['phone'] }],
      },
      {
        name: 'the same member declared again in a bundle built from its source is still one member',
        filename: 'src/app.ts',
        workspace: { 'src/contacts.js': contacts, 'go-app.js': `${contacts}\ngo.Other = function () {}();\n` },
        code: 'export function lookup(self: any, msisdn: string) {\n  return self.contacts.get_contact({ urn: "tel:" + msisdn });\n}',
        errors: [{ line: 2, column: 36, message: '`self.contacts.get_contact`', kinds: ['phone'] }],
      },
      {
        name: 'a request description handed to a redux API middleware action carries an SSN in its URL',
        code: "declare function apiCallBegan(action: object): object;\nexport function load(dispatch: any, patient: { ssn: string }) {\n  dispatch(apiCallBegan({ method: 'GET', url: '/api/patient/' + patient.ssn, onSuccess: 'patient/loaded' }));\n}",
        errors: [{ line: 3, column: 65, message: '`apiCallBegan`', kinds: ['ssn'] }],
      },
    ],
  });
});

// A handler that hands its whole query (`req.query`, a copy of it) to a search function of its file: the keys that
// function reads from its parameter — directly or through a query builder it constructs over it — are in the URL.
describe('no-phi-in-url: a handler handing its whole query to a search of the same file', () => {
  const SEARCH = "declare const db: any;\ndeclare const _: any;\ndeclare class FilterParser { constructor(q: any, o?: any); equals(k: string, c?: string): void; fullText(k: string): void; dateFrom(k: string, c?: string): void; setOrder(s: string): void; applyQuery(s: string): string }\n";
  runRuleTests('no-phi-in-url', {
    valid: [
      // the builder maps paging, staff, stock and opaque-id keys only
      { filename: 'src/controllers/stock.js', code: SEARCH + "function read(req, res, next) {\n  return find(req.query).then((rows) => res.json(rows)).catch(next);\n}\nfunction find(options) {\n  const filters = new FilterParser(options, { tableAlias: 's' });\n  filters.equals('depot_uuid');\n  filters.equals('user_id');\n  filters.dateFrom('custom_period_start', 'date');\n  filters.setOrder('ORDER BY s.date DESC');\n  return db.exec(filters.applyQuery('SELECT * FROM stock'));\n}\nmodule.exports = { read };" },
      // the query handed to a function of another library (not followed, no literals read)
      { filename: 'src/controllers/lists.js', code: "declare const db: any;\nfunction read(req, res, next) {\n  return db.find('patient_name', req.query).then((rows) => res.json(rows));\n}\nmodule.exports = { read };" },
      // a builder key naming only a record (a voucher's or a patient's reference) and a ledger's account number
      { filename: 'src/controllers/finance/journal.js', code: SEARCH + "function read(req, res, next) {\n  return find(req.query).then((rows) => res.json(rows));\n}\nfunction find(options) {\n  const filters = new FilterParser(options);\n  filters.fullText('hrRecord');\n  filters.equals('patient');\n  return db.exec(filters.applyQuery('SELECT'), options.accountNumber);\n}\nmodule.exports = { read };" },
      // a search over staff records (the folder, or the searched module, names employees): workforce data
      { filename: 'src/controllers/payroll/employees/index.js', code: SEARCH + "function list(req, res, next) {\n  return find(req.query).then((rows) => res.json(rows));\n}\nfunction find(options) {\n  const filters = new FilterParser(options);\n  filters.dateFrom('dateBirthFrom', 'dob');\n  return db.exec(filters.applyQuery('SELECT'));\n}\nmodule.exports = { list };" },
      {
        filename: 'src/controllers/payroll/reports/registrations.js',
        workspace: { 'src/controllers/payroll/employees/index.js': "exports.find = find;\nfunction find(options) {\n  const filters = new FilterParser(options);\n  filters.dateFrom('dateBirthFrom', 'dob');\n  return db.exec(filters.applyQuery('SELECT'));\n}" },
        code: "const _ = require('lodash');\nconst Employees = require('../employees');\nasync function build(req, res) {\n  const options = _.clone(req.query);\n  res.json(await Employees.find(options));\n}\nmodule.exports = { build };",
      },
      // a search of another module whose keys are a stock list's (cross-file, through the workspace summaries)
      {
        filename: 'src/controllers/stock/report.js',
        workspace: { 'src/controllers/stock/index.js': "exports.find = find;\nfunction find(options) {\n  const filters = new FilterParser(options);\n  filters.equals('depot_uuid');\n  filters.equals('inventory_uuid');\n  return db.exec(filters.applyQuery('SELECT'));\n}" },
        code: "const Stock = require('./index');\nasync function build(req, res) {\n  res.json(await Stock.find(req.query));\n}\nmodule.exports = { build };",
      },
      // a search of another module, called by a POST route
      {
        filename: 'src/routes/patients.js',
        workspace: { 'src/controllers/patients.js': "export function search(options) { return [options.lastName, options.page]; }" },
        code: EXPRESS + "import { search } from '../controllers/patients';\nrouter.post('/patients/search', (req, res) => res.json(search(req.query)));",
      },
      // a POST route handing its body's query to the same search
      { filename: 'src/routes/patients.js', code: EXPRESS + SEARCH + "router.post('/patients/search', (req, res) => res.json(find(req.query)));\nfunction find(options) {\n  const filters = new FilterParser(options);\n  filters.dateFrom('dateBirthFrom', 'dob');\n  return db.exec(filters.applyQuery('SELECT'));\n}" },
    ],
    invalid: [
      {
        name: 'find(req.query) in a handler registered elsewhere; the search builds its WHERE from birth-date and hospital-number keys',
        filename: 'src/controllers/patients.js',
        code: SEARCH + "function read(req, res, next) {\n  return find(req.query).then((rows) => res.json(rows)).catch(next);\n}\nfunction find(options) {\n  const filters = new FilterParser(options, { tableAlias: 'p' });\n  filters.dateFrom('dateBirthFrom', 'dob');\n  filters.equals('hospital_no');\n  filters.setOrder('ORDER BY p.registration_date DESC');\n  return db.exec(filters.applyQuery('SELECT * FROM patient'));\n}\nmodule.exports = { read };",
        errors: [{ line: 5, column: 15, kinds: ['date-of-birth', 'mrn'] }],
      },
      {
        name: 'a copy of the query (lodash clone, object spread) handed to a search that destructures it',
        filename: 'src/routes/registrations.js',
        code: EXPRESS + SEARCH + "router.get('/reports/registrations', async (req, res) => {\n  const options = _.clone(req.query);\n  res.json(await search(options));\n});\nrouter.get('/admissions', async (req, res) => {\n  const conditions = { ...req.query };\n  res.json(await search(conditions));\n});\nfunction search({ lastName, page }) { return db.exec(lastName, page); }",
        errors: [{ line: 8, column: 27, kinds: ['name'] }, { line: 12, column: 27, kinds: ['name'] }],
      },
      {
        name: 'a copy of the query handed to the patient search of another module (CommonJS namespace, query builder there)',
        filename: 'src/controllers/reports/registrations.js',
        workspace: { 'src/controllers/patients/index.js': "const FilterParser = require('../../lib/filter');\nexports.find = find;\nfunction find(options) {\n  const filters = new FilterParser(options, { tableAlias: 'p' });\n  filters.dateFrom('dateBirthFrom', 'dob');\n  filters.equals('hospital_no');\n  filters.equals('project_id');\n  return db.exec(filters.applyQuery('SELECT'));\n}" },
        code: "const _ = require('lodash');\nconst Patients = require('../patients');\nasync function build(req, res) {\n  const options = _.clone(req.query);\n  res.json(await Patients.find(options));\n}\nmodule.exports = { build };",
        errors: [{ line: 4, column: 27, kinds: ['date-of-birth', 'mrn'] }],
      },
      {
        name: 'req.query handed to an imported search (ES import) that destructures it',
        filename: 'src/routes/patients.ts',
        workspace: { 'src/services/patients.ts': "export async function searchPatients(query: any) {\n  const { familyName, page } = query;\n  return [familyName, page];\n}" },
        code: EXPRESS + "import { searchPatients } from '../services/patients';\nrouter.get('/patients', asyncHandler(async (req, res) => res.json(await searchPatients(req.query))));",
        errors: [{ line: 5, column: 88, kinds: ['name'] }],
      },
    ],
  });
});

// A handler that reads a query parameter from the URL it serves, not from a framework's parsed `req.query`: a Next.js
// route handler (`request.nextUrl.searchParams`), the web `new URL(request.url).searchParams` (Remix/SvelteKit loaders,
// workers), Node's `url.parse(req.url, true).query`. Whatever the method, those values are in the request URL.
describe('no-phi-in-url: handlers reading PHI from the query of the URL they serve', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      // opaque ids, codes and flags read from the URL carry no PHI
      { code: "import { NextRequest, NextResponse } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const params = request.nextUrl.searchParams;\n  const patientId = params.get('patientId');\n  const filter = params.get('filter') ?? 'upcoming';\n  return NextResponse.json({ patientId, filter });\n}", filename: 'src/app/api/appointments/route.ts' },
      // the query forwarded whole reads no parameter by name (a proxy: nothing goes into a URL that was not in one)
      { code: "export async function GET(request: Request) {\n  const { searchParams } = new URL(request.url);\n  return fetch(`${process.env.FHIR_BASE}/Patient?${searchParams.toString()}`);\n}", filename: 'src/app/api/fhir/route.ts' },
      // a URL that is not the incoming request's (a configured callback URL), and a parameter not named as a request
      "export function parse(config: { url: string }, item: { url: string }) {\n  const lastName = new URL(config.url).searchParams.get('lastName');\n  const dob = new URL(item.url).searchParams.get('dob');\n  return [lastName, dob];\n}",
      // the staff side: a practitioner directory looked up by the practitioner's phone
      { code: "const url = require('url');\nasync function findPractitionerByPhone(req, res) {\n  const query = url.parse(req.url, true).query;\n  res.end(JSON.stringify(await directory.find(query.phone)));\n}\nmodule.exports = { findPractitionerByPhone };", filename: 'src/routes/practitioners.js' },
      // `url.parse(req.url)` without the query parsed, and the path only
      "const url = require('url');\nfunction serve(req, res) {\n  const pathname = url.parse(req.url).pathname;\n  res.end(pathname);\n}\nmodule.exports = { serve };",
    ],
    invalid: [
      {
        name: 'a Next.js route handler reads the searched patient\'s birth date and phone from nextUrl.searchParams',
        filename: 'src/app/api/query/route.ts',
        code: "import { NextRequest, NextResponse } from 'next/server';\ndeclare function find(q: object): Promise<unknown>;\nexport async function GET(request: NextRequest) {\n  const params = request.nextUrl.searchParams;\n  const dob = params.get('dob') ?? '';\n  const phone = params.get('phone') ?? '';\n  return NextResponse.json(await find({ dob, phone }));\n}",
        errors: [{ line: 5, column: 26, message: 'query string of the URL it serves', kinds: ['date-of-birth', 'phone'] }],
      },
      {
        name: 'the web URL of a loader\'s request (destructured searchParams), and the URL object kept in a variable',
        filename: 'app/routes/patients.tsx',
        code: "declare function search(name: string | null): Promise<unknown>;\nexport async function loader({ request }: { request: Request }) {\n  const { searchParams } = new URL(request.url);\n  return search(searchParams.get('lastName'));\n}\nexport async function other(request: Request) {\n  const url = new URL(request.url);\n  return search(url.searchParams.get('dateOfBirth'));\n}",
        errors: [{ line: 4, column: 34, message: 'query string of the URL it serves', kinds: ['name'] }, { line: 8, column: 38, message: 'query string of the URL it serves', kinds: ['date-of-birth'] }],
      },
      {
        name: 'Node\'s url.parse(req.url, true).query read by field and destructured, in a handler registered elsewhere',
        filename: 'src/routes/certificates.js',
        code: "const url = require('url');\nasync function getCertificateByPhone(req, res) {\n  var queryData = url.parse(req.url, true).query;\n  const found = await registry.find(queryData.phone);\n  return filterByDob(found, queryData.dob);\n}\nfunction byEmail(req, res) {\n  const { email } = url.parse(req.url, true).query;\n  res.end(email.length);\n}\nmodule.exports = { getCertificateByPhone, byEmail };",
        errors: [{ line: 4, column: 37, message: 'query string of the URL it serves', kinds: ['date-of-birth', 'phone'] }, { line: 8, column: 11, message: 'query string of the URL it serves', kinds: ['email'] }],
      },
    ],
  });
});

// A GET handler handing its whole request to a controller of another module (`buscarRecetas(req)`): the keys that
// controller reads from the request's query (`req.query.documento`, a destructuring, the query under another name) are
// in the route's URL. Not when the route is not a GET, the keys are opaque ids or codes, or the search is of staff.
describe('no-phi-in-url: a GET handler handing its request to a controller that reads its query', () => {
  const controller = "export async function buscarRecetas(req) {\n  const params = req.params.id ? req.params : req.query;\n  const documento = params.documento || null;\n  return [documento, params.sexo];\n}\nexport async function buscarConFiltros(req) {\n  const { fechaInicio, estado, documento } = req.query;\n  return [fechaInicio, estado, documento];\n}\nexport async function porOrganizacion(req) {\n  return [req.query.organizacionId, req.query.estado];\n}\nexport async function buscarProfesional(req) {\n  return req.query.documento;\n}\n";
  const router = (method: string, call: string) => `import express from 'express';\nimport { buscarRecetas, buscarConFiltros, porOrganizacion, buscarProfesional } from './controller';\nconst router = express.Router();\nexport const get = async (req, res) => {\n  res.json(await ${call}(req));\n};\nrouter.${method}('/recetas', get);\nexport default router;`;
  runRuleTests('no-phi-in-url', {
    valid: [
      { filename: 'src/recetas/routes.ts', workspace: { 'src/recetas/controller.ts': controller }, code: router('post', 'buscarRecetas') },
      { filename: 'src/recetas/routes.ts', workspace: { 'src/recetas/controller.ts': controller }, code: router('get', 'porOrganizacion') },
      // the request's body, not its query, read by the controller
      { filename: 'src/recetas/routes.ts', workspace: { 'src/recetas/controller.ts': "export async function buscarRecetas(req) {\n  return req.body.documento;\n}\n" }, code: router('get', 'buscarRecetas') },
      // a controller named for the workforce searches staff by their own identity document
      { filename: 'src/recetas/routes.ts', workspace: { 'src/recetas/controller.ts': controller }, code: router('get', 'buscarProfesional') },
    ],
    invalid: [
      {
        name: 'the query taken under another name (params or query) and read by key',
        filename: 'src/recetas/routes.ts',
        workspace: { 'src/recetas/controller.ts': controller },
        code: router('get', 'buscarRecetas'),
        errors: [{ line: 5, column: 32, kinds: ["national-id"] }],
      },
      {
        name: 'the query destructured in the controller',
        filename: 'src/recetas/routes.ts',
        workspace: { 'src/recetas/controller.ts': controller },
        code: router('get', 'buscarConFiltros'),
        errors: [{ line: 5, column: 35, kinds: ["national-id"] }],
      },
    ],
  });
});

// Round 18: patient search text on its way into GET query strings.
// (1) A key stored into a query object (`params.search = text`) is judged against the endpoint the object is sent to,
// like an entry written inline. (2) A query string built with the separator after each parameter
// (`query += \`given=${first}&\``) into a variable started with `?`. (3) An AngularJS service function that hands its
// parameter (or a copy of it) to `$http.get(url, { params })`: the caller's object is the query string.
describe('no-phi-in-url: patient search text stored by key, trailing-separator query strings, AngularJS service params (round 18)', () => {
  const pacienteService = "import { HttpClient } from '@angular/common/http';\nexport class PacienteService {\n  private url = '/core/mpi/pacientes';\n  constructor(private http: HttpClient) {}\n  get(params: any) {\n    return this.http.get(this.url, { params });\n  }\n}\n";
  const drugService = "import { HttpClient } from '@angular/common/http';\nexport class DrugService {\n  private url = '/core/drugs';\n  constructor(private http: HttpClient) {}\n  get(params: any) {\n    return this.http.get(this.url, { params });\n  }\n}\n";
  const component = (service: string, type: string, value: string, method = 'get') => `import { ${type} } from './${service}';\nexport class ListComponent {\n  filtro: string;\n  constructor(private service: ${type}) {}\n  buscar() {\n    const params: any = { activo: true, skip: 0 };\n    if (this.filtro) {\n      params.search = ${value};\n    }\n    return this.service.${method}(params);\n  }\n}`;
  const angularService = "angular.module('app').service('PatientService', PatientService);\nfunction PatientService($http) {\n  const service = this;\n  service.searchByName = searchByName;\n  service.countVisits = countVisits;\n  service.createPatient = createPatient;\n  function searchByName(options) {\n    const opts = angular.copy(options || {});\n    return $http.get('/patients/search/name', { params : opts }).then((r) => r.data);\n  }\n  function countVisits(options) {\n    return $http.get('/visits/count', { params : options }).then((r) => r.data);\n  }\n  function createPatient(patient) {\n    return $http.post('/patients', patient).then((r) => r.data);\n  }\n  return service;\n}\n";
  runRuleTests('no-phi-in-url', {
    valid: [
      // the same store sent to a drug catalogue: a drug's name, nobody's
      { filename: 'src/app/list.component.ts', workspace: { 'src/app/drug.service.ts': drugService }, code: component('drug.service', 'DrugService', 'this.filtro') },
      // an opaque id stored under the search key, and a constant
      { filename: 'src/app/list.component.ts', workspace: { 'src/app/paciente.service.ts': pacienteService }, code: component('paciente.service', 'PacienteService', 'this.patientId') },
      { filename: 'src/app/list.component.ts', workspace: { 'src/app/paciente.service.ts': pacienteService }, code: component('paciente.service', 'PacienteService', "'activos'") },
      // a trailing-separator string that was not started as a URL query: SQL text, and a form body
      "export function where(firstName: string) {\n  let clause = 'WHERE ';\n  clause += `name=${firstName}&`;\n  return clause;\n}",
      "export function form(firstName: string) {\n  let body = 'grant_type=password&';\n  body += `given=${firstName}&`;\n  return fetch('/token', { method: 'POST', body });\n}",
      // codes and paging in a trailing-separator query
      "export function byStatus(status: string, page: number) {\n  let query = 'Encounter?';\n  query += `status=${status}&`;\n  query += `_page=${page}&`;\n  return fetch(query);\n}",
      // the AngularJS service: opaque ids to a GET, and a patient sent by POST (a body, not a URL)
      { filename: 'src/components/counter.js', workspace: { 'src/services/patients.service.js': angularService }, code: "function Counter(Patients) {\n  this.count = function (uuids) {\n    return Patients.countVisits({ patient_uuids: uuids, limit: 10 });\n  };\n  this.save = function (form) {\n    return Patients.createPatient({ last_name: form.lastName });\n  };\n}\nmodule.exports = Counter;" },
    ],
    invalid: [
      {
        name: 'the text typed into a patient list filter stored as `params.search` and sent to the patients endpoint',
        filename: 'src/app/list.component.ts',
        workspace: { 'src/app/paciente.service.ts': pacienteService },
        code: component('paciente.service', 'PacienteService', 'this.filtro'),
        errors: [{ line: 8, column: 23, kinds: ['name'] }],
      },
      {
        name: 'a FHIR Patient search built with the separator after each parameter',
        code: "export function patientQuery(params: { firstName?: string; birthDate?: string; gender?: string }) {\n  const { firstName, birthDate, gender } = params;\n  let patientQuery = 'Patient?';\n  if (gender) patientQuery += `gender=${gender}&`;\n  if (firstName) patientQuery += `given=${firstName}&`;\n  if (birthDate) patientQuery += `birthdate=${birthDate}&`;\n  return patientQuery.replace(/&$/, '');\n}",
        errors: [{ line: 5, column: 43, kinds: ["date-of-birth", "name"] }],
      },
      {
        name: 'an AngularJS component hands the typed name to a service function that sends a copy as $http params',
        filename: 'src/components/find-patient.js',
        workspace: { 'src/services/patients.service.js': angularService },
        code: "function FindPatient(Patients) {\n  this.search = function (text) {\n    const options = { last_name: text.toLowerCase(), limit: 10 };\n    return Patients.searchByName(options);\n  };\n}\nmodule.exports = FindPatient;",
        errors: [{ line: 4, column: 34, kinds: ["name"] }],
      },
    ],
  });
});

// An AngularJS service injected under its registered name whose function hands the caller's whole request config to
// `$http.get(url, config)`: the config's `params` are the GET's query string, judged against the service's URL.
describe('no-phi-in-url: a whole $http config handed to an AngularJS service injected by name (round 18)', () => {
  const strategy = (path: string) => `angular.module('app')\n  .service('searchStrategy', ['$http', '$q', function ($http, $q) {\n    var search = function (config) {\n      var searchUrl = Constants.baseUrl + "${path}";\n      return $http.get(searchUrl, config);\n    };\n    return { search: search };\n  }]);\n`;
  const caller = "angular.module('app')\n  .factory('finder', ['searchStrategy', function (searchStrategy) {\n    var find = function (query, offset) {\n      var config = {\n        params: { q: query, startIndex: offset || 0 },\n        withCredentials: true\n      };\n      return searchStrategy.search(config);\n    };\n    var byUuid = function (uuid) {\n      return searchStrategy.search({ params: { patient: uuid, v: 'full' } });\n    };\n    return { find: find, byUuid: byUuid };\n  }]);";
  runRuleTests('no-phi-in-url', {
    valid: [
      // the typed text searches a drug catalogue
      { filename: 'src/finder.js', workspace: { 'src/strategy.js': strategy('/drug') }, code: caller },
      // a service registered under another name than the caller's parameter is not guessed at
      { filename: 'src/finder.js', workspace: { 'src/strategy.js': strategy('/patient').replace("'searchStrategy'", "'otherStrategy'") }, code: caller },
    ],
    invalid: [
      {
        name: 'the typed search text in the config handed to a patient search service',
        filename: 'src/finder.js',
        workspace: { 'src/strategy.js': strategy('/patient') },
        code: caller,
        errors: [{ line: 5, column: 17, kinds: ['name'] }],
      },
    ],
  });
});

// A name parameter of an endpoint that lists patients filters them by their name (the REST reading of FHIR's
// `Patient?name=`): what fills it is a person's name. Not on a drug or staff endpoint, not a constant or an id, and
// not a key naming the name of something else (`file_name`, `location_name`).
describe('no-phi-in-url: a name parameter of a patient endpoint (round 18)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      "import axios from 'axios';\nexport const drugs = (text: string) => axios.get('/api/drugs', { params: { name: text } });",
      "import axios from 'axios';\nexport const staff = (text: string) => axios.get('/api/patients/providers', { params: { name: text } });",
      "import axios from 'axios';\nexport const files = (text: string) => axios.get('/api/patients/documents', { params: { file_name: text, location_name: text } });",
      "import axios from 'axios';\nexport const sorted = () => axios.get('/api/patients', { params: { name: 'asc' } });",
      "import axios from 'axios';\nexport const byId = (patientUuid: string) => axios.get('/api/patients', { params: { name: patientUuid } });",
    ],
    invalid: [
      {
        name: 'the typed text as the name filter of the patients list',
        code: "import axios from 'axios';\nexport const find = (text: string) => axios.get('/api/patients', { params: { name: text, limit: 20 } });",
        errors: [{ line: 2, column: 76, kinds: ['name'] }],
      },
      {
        name: 'a display name in a patient search URL',
        code: "export const find = (text: string) => fetch(`/api/patients/search?display_name=${text}&limit=20`);",
        errors: [{ line: 1, column: 82, kinds: ['name'] }],
      },
    ],
  });
});

// A base service class whose method takes a URL and a query object from its caller and builds the query string onto the
// URL (`static getJson(url, params) { return client.get(`${url}?${toQuery(params)}`) }`): what a subclass hands it through
// `super.getJson(…)`, `this.getJson(…)` or `Service.getJson(…)` is that request's query string, judged against the URL
// the caller gives.
describe('no-phi-in-url: query strings built onto the caller\'s URL by a base service class', () => {
  const service = "import ApiClient from './api_client';\nimport Url from '../utils/url';\nexport class Service {\n  static async getJson(url: string, params = {} as Record<string, any>) {\n    const built = `${url}?${Url.toQuery(params)}`;\n    return ApiClient.get(built);\n  }\n  static async postJson(url: string, data: any) {\n    return ApiClient.post(url, data);\n  }\n}\n";
  // the same shape without a request: a helper that only formats text
  const formatter = "export class Format {\n  static link(path: string, params: Record<string, string>) {\n    return path + '?' + new URLSearchParams(params).toString();\n  }\n}\n";
  const workspace = { 'src/services/service.ts': service, 'src/utils/format.ts': formatter };
  runRuleTests('no-phi-in-url', {
    valid: [
      // a drug's name to a catalogue, a patient sent in a POST body, an opaque id in the query
      { filename: 'src/services/drug_service.ts', workspace, code: "import { Service } from './service';\nexport class DrugService extends Service {\n  static byName(drugName: string) {\n    return this.getJson('drugs', { name: drugName });\n  }\n  static register(given_name: string) {\n    return super.postJson('patients', { given_name });\n  }\n  static visits(patientId: number) {\n    return super.getJson('visits', { patient_id: patientId });\n  }\n}" },
      // a diagnosis searched in the concept catalogue names a concept, nobody's
      { filename: 'src/services/concept_service.ts', workspace, code: "import { Service } from './service';\nexport class ConceptService extends Service {\n  static find(diagnosis: string) {\n    return super.getJson('concepts', { name: diagnosis });\n  }\n}" },
      // a class that formats a link but makes no request is not a request helper
      { filename: 'src/services/links.ts', workspace, code: "import { Format } from '../utils/format';\nexport class Links extends Format {\n  static patient(npid: string) {\n    return super.link('patients/by_npid', { npid });\n  }\n}" },
    ],
    invalid: [
      {
        name: 'a subclass hands a national patient id to super.getJson, and a family name through the subclass itself',
        filename: 'src/services/patient_service.ts',
        workspace,
        code: "import { Service } from './service';\nexport class PatientService extends Service {\n  static findByNpid(npid: string, params = {}) {\n    return super.getJson('search/patients/by_npid', { npid, ...params });\n  }\n  static suggest(familyName: string) {\n    return PatientService.getJson('search/family_name', { search_string: familyName });\n  }\n}",
        errors: [{ line: 4, column: 53, kinds: ['national-id'] }, { line: 7, column: 57, kinds: ['name'] }],
      },
      {
        name: 'another module calls the base class by name with a given name in the query',
        filename: 'src/services/person_service.ts',
        workspace,
        code: "import { Service } from './service';\nexport function searchGiven(given_name: string) {\n  return Service.getJson('search/given_name', { search_string: given_name });\n}",
        errors: [{ line: 3, column: 47, kinds: ['name'] }],
      },
    ],
  });
});

// The key of a thing's record is not the thing: `photoId` keys a photo row (an image's bytes do not travel in a URL),
// `vehicleId` a fleet row (not a VIN or a plate), `medicalRecordId` a record row (not the chart's record NUMBER).
// The closest true shapes — the plate, the record number, an identifier scheme named `…Id` (`memberId`) — still report.
describe('no-phi-in-url: a record key named for the thing it keys (round 19)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      "declare function request(url: string): unknown;\nexport const getPhoto = (photoId: string) => request(`/v2/photo_reports/${photoId}`);",
      "import axios from 'axios';\nexport const getPhoto = (photo: { photoId: number }) => axios.get('/api/photos', { params: { id: photo.photoId } });",
      "declare const http: any;\nexport function detail(medicalRecordId: number, patVisitId: number) {\n  return http.get('/api/MedicalRecords/Details?medicalRecordId=' + medicalRecordId + '&patientVisitId=' + patVisitId);\n}",
      "import express from 'express';\nconst router = express.Router();\ndeclare function find(q: unknown): Promise<unknown>;\nrouter.get('/incidents', async (req, res) => {\n  const { page = '1', vehicleId } = req.query;\n  res.json(await find({ page, vehicleId }));\n});",
    ],
    invalid: [
      {
        name: 'a licence plate read from a GET query string',
        code: "import express from 'express';\nconst router = express.Router();\ndeclare function find(q: unknown): Promise<unknown>;\nrouter.get('/incidents', async (req, res) => {\n  const { licensePlate } = req.query;\n  res.json(await find({ licensePlate }));\n});",
        errors: [{ line: 5, column: 11, kinds: ['vehicle-id'] }],
      },
      {
        name: 'the medical record number in a request URL',
        code: "declare const http: any;\nexport function detail(medicalRecordNumber: string) {\n  return http.get('/api/MedicalRecords/Details?mrn=' + medicalRecordNumber);\n}",
        errors: [{ line: 3, column: 56, kinds: ['mrn'] }],
      },
      {
        name: 'a health plan member id (an identifier scheme, not a row key) in a request URL',
        code: "declare const http: any;\nexport function coverage(memberId: string) {\n  return http.get('/api/coverage?memberId=' + memberId);\n}",
        errors: [{ line: 3, column: 47, kinds: ['health-plan-id'] }],
      },
    ],
  });
});

// An inline query object becomes `key=value` text: an entry that is only a record (a `patients` list, an
// `edit_person` key filled with an id) is the record's id or reference there, as in a query string written out
// (`?patient=${x}`). An entry carrying a person's data (a name) still reports, on a page URL and on a request.
describe('no-phi-in-url: an inline query object whose only PHI is a record (round 19)', () => {
  runRuleTests('no-phi-in-url', {
    valid: [
      "declare const service: any;\nexport function countEmployees(patients: string[]) {\n  return service.$http.get('/patients/merge/count', { params: { patients } });\n}",
      "export const view = {\n  methods: {\n    edit(this: any, attribute: string) {\n      this.$router.push({ path: '/patient/registration', query: { edit_person: this.patientId, person_attribute: attribute } });\n    },\n  },\n};",
    ],
    invalid: [
      {
        name: 'a name beside the record key in a request query object',
        code: "declare const service: any;\nexport function find(patients: string[], patientName: string) {\n  return service.$http.get('/patients/search', { params: { patients, patientName } });\n}",
        errors: [{ line: 3, column: 58, kinds: ["name"] }],
      },
      {
        name: 'a serialised appointment record in a page route query object is its content, not its id',
        code: "declare const router: any;\nexport function confirm(appointmentData: object, appointmentId: string) {\n  router.push({ name: 'Confirmation', params: { id: appointmentId }, query: { data: encodeURIComponent(JSON.stringify({ ...appointmentData })) } });\n}",
        errors: [{ line: 3, column: 77, kinds: ['encounter'] }],
      },
      {
        name: 'a name in a page route query object',
        code: "export const view = {\n  methods: {\n    open(this: any, x: string) {\n      this.$router.push({ path: '/patient/registration', query: { edit_person: this.patientId, patient_name: x } });\n    },\n  },\n};",
        errors: [{ line: 4, column: 65, kinds: ['name'] }],
      },
    ],
  });
});

// A helper handed the query together with a list of the parameter names it reads (`getReportParams('hiv-summary-report',
// ['startDate', 'gender'], query)`): the list is what it reads; a lone string beside it names the report, a table or an
// audit label, not a query parameter (a report named for HIV is not an HIV status read from the URL).
describe('no-phi-in-url: a name handed beside a list of query parameters is not one of them', () => {
  const route = (name: string, keys: string) => `const etlHelpers = require('./etl-helpers');\nmodule.exports = [{\n  method: 'GET',\n  path: '/etl/report',\n  config: {\n    handler: function (request, reply) {\n      const requestParams = Object.assign({}, request.query, request.params);\n      const reportParams = etlHelpers.getReportParams('${name}', [${keys}], requestParams);\n      reply(reportParams);\n    }\n  }\n}];`;
  runRuleTests('no-phi-in-url', {
    valid: [
      { filename: 'etl-routes.js', code: route('hiv-summary-report', "'startDate', 'endDate', 'locationUuids'") },
      { filename: 'etl-routes.js', code: route('medical-history-report', "'patientUuid'") },
    ],
    invalid: [
      {
        name: 'the listed parameters are a patient search',
        filename: 'etl-routes.js',
        code: route('patient-search', "'firstName', 'phone'"),
        errors: [{ line: 7, column: 47, kinds: ['name', 'phone'] }],
      },
    ],
  });
});
