import { runRuleTests } from './rule-tester';
import type { PhiGuardConfigFile } from '../../server/src/core/config-types';

/** The broad evidence mode: patient contacts, and birth dates with the rest of their record, in production code. */
const BROAD: PhiGuardConfigFile = { rules: { 'no-phi-literal': ['error', { evidence: 'broad' }] } };

runRuleTests('no-phi-literal', {
  valid: [
    // patterns and formats are not identifiers
    'const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/;',
    "const ssnRegex = new RegExp('^\\\\d{3}-\\\\d{2}-\\\\d{4}$');",
    "const DOB_FORMAT = 'YYYY-MM-DD';\nconst ssnMask = '###-##-####';\nconst ssnPlaceholder = '123-45-6789';",
    // placeholders, specimens and reserved ranges
    "const ssn = '000-00-0000';",
    "const patient = { ssn: '123-45-6789', altSsn: '078-05-1120', other: '219-09-9999', repeated: '111-11-1111' };",
    "const ssns = ['666-12-3456', '912-34-5678', '219-00-1234', '219-45-0000'];",
    "const fixture = { ssn: '900000001', socialSecurityNumber: 987654320 };",
    // CMS's published MBI example and an MBI shape outside an MBI key
    "const member = { mbi: '1EG4-TE5-MK73', medicareId: '1EG4TE5MK73' };",
    "const orderNumber = '2RK7XY3PQ18';",
    // a DEA number with a wrong check digit, and the textbook example
    "const prescriber = { deaNumber: 'FS3819263', dea: 'AB1234563' };",
    // reserved emails, fictional phones, system contacts
    "const patient = { email: 'jane.doe@example.com', phone: '(617) 555-0142', altEmail: 'pt@clinic.test' };",
    "const clinic = { email: 'frontdesk@mercy-clinic.org', phone: '617-253-1234' };",
    "const supportEmail = 'help@healthapp.io';\nconst emailTemplate = 'welcome@healthapp.io';",
    // email and phone without a patient: a user or a clinician
    "const user = { email: 'dr.house@princeton-plainsboro.org', phone: '609-258-3000' };",
    // dates: placeholders and non-birth dates
    "const patient = { dob: '1900-01-01', birthDate: '1970-01-01', createdAt: '1984-03-12' };",
    "const visit = { date: '2021-06-14' };",
    "const patient = { dob: '1984' };",
    // a lone birth date identifies no one: a variable, or an object with no other identifier
    "const birthDateString = '1993-08-02';\nconst dob = '03/12/1984';",
    "export const patient = { id: 'pat-1', birthDate: '2020-07-22', gender: 'female' };",
    // birth dates in search, filter and query parameters are bounds, not a person's
    "declare const medplum: any;\nawait medplum.searchResources('Patient', { name: 'Maria Lopez', birthdate: '1984-03-12' });",
    "const searchParams = { family: 'Okafor', birthdate: '1984-03-17', phone: '617-253-9876' };",
    "declare const prisma: any;\nawait prisma.patient.findMany({ where: { lastName: 'Okafor', dateOfBirth: '1984-03-17' } });",
    "const query = new URLSearchParams({ given: 'Adaeze', birthdate: '1984-03-17' });",
    // a date-time is a timestamp, not a birth date
    "const fixture = { birthdate: '2017-03-01T13:10:00', firstName: 'Maria', ssnOnFile: false };",
    // placeholder names, reserved emails and fictional phones are no identifiers
    "const patient = { firstName: 'Test', lastName: 'Patient', dob: '1984-03-12' };",
    "const patient = { name: 'John Doe', birthDate: '1984-03-12', email: 'jane@example.com', phone: '(312) 555-0142', mrn: '00001' };",
    // a login name is not a person's name; names without a birth date are out of scope
    "const account = { userName: 'Mlopez', birthDate: '1984-03-12' };",
    "const patient = { firstName: 'Maria', lastName: 'Lopez' };",
    { code: '{ "search": { "family": "Okafor", "birthdate": "1984-03-17" }, "expected": { "birthDate": "1984-03-17", "id": "pat-1" } }', filename: 'test/fixtures/patient-search.json' },
    // placeholder identifiers mark a made-up record: digit runs, zeros between two digits, the field's name with a counter
    "export const rows = [\n  { name: 'Maria Okafor', date_of_birth: '1984-03-17', identifier: '123', patient_uuid: 'patientUuid123' },\n  { name: 'Tomas Brandt', date_of_birth: '1979-06-02', identifier: '456' },\n];",
    { code: '{ "resourceType": "Bundle", "entry": [ { "resource": { "resourceType": "Patient", "id": "14984",\n  "identifier": [ { "system": "http://example.org/nationalid", "value": "30000007" } ],\n  "name": [ { "text": "Amina Yusuf", "family": "Yusuf", "given": ["Amina"] } ], "birthDate": "1971-05-14" } } ] }', filename: 'src/pre-auth/responses.json' },
    "export const patient = { uuid: '00000000-0000-0000-0000-000000000001', name: 'Amina Yusuf', birthDate: '1971-05-14' };",
    // template literals with interpolation are not literals of a value
    "declare const area: string; const s = `${area}-45-6788`;",
    // numbers that are not SSNs
    "const config = { port: 219451234, timeoutMs: 345678901 };",
    // JSON fixtures with safe values
    { code: '{ "patients": [{ "ssn": "900-12-3456", "email": "a@example.org", "phone": "555-0100", "birthDate": "1901-01-01" }] }', filename: 'test/fixtures/patients.json' },
    { code: '{ "resourceType": "Practitioner", "telecom": [{ "system": "phone", "value": "617-253-1234" }] }', filename: 'fixtures/practitioner.json' },
    { code: '{ "support": { "email": "help@healthapp.io" }, "version": "123-45-678" }', filename: 'config/app.json' },

    // ── default evidence: without a validating identifier, names, dates, e-mails and phones are not reported ──
    { name: 'default evidence: a lone patient e-mail and phone in production code', code: "const patientEmail = 'maria.lopez82@gmail.com';\nexport const seed = { patient: { phone: '(617) 253-9876', dob: '1984-03-12' } };", filename: 'src/intake.ts' },
    { name: 'default evidence: a name, birth date and MRN with no validating identifier', code: "export const record = { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', mrn: 'MRN-4471823' };", filename: 'src/intake.ts' },
    // ── (a) reserved and test ranges per identifier kind ──
    { name: 'NHS numbers in the test range 999 000 0000–999 999 9999, spaced in text too', code: "export const rx = { patientNhsNumber: '9993812048' };\nconst note = 'registered as 999 381 2056';", filename: 'src/prescriptions.ts' },
    { name: 'NHS numbers starting 9 (sandboxes), 5 or 8 are never issued', code: "export const rows = [{ nhsNumber: '9458123674' }, { nhsNumber: '5029183744' }, { nhsNumber: '8217304955' }];", filename: 'src/tracker/client.ts' },
    { name: 'SSNs of two digits or one digit nearly everywhere, and the SSA advertising range', code: "export const a = { ssn: '555-44-4444' };\nexport const b = { ssn: '555555585' };\nexport const c = { ssn: '987-65-4325' };", filename: 'src/intake.ts' },
    { name: 'an SSN whose three groups are each one digit repeated, typed by hand for a test', code: "it('matches', () => {\n  const patient = { identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: '555-66-7777' }] };\n  expect(find('us-ssn|222-33-4444')).toEqual(patient);\n});", filename: 'src/match.test.ts' },
    { name: 'a check digit computed for a placeholder: low-entropy digits under any identifier key', code: '{ "resourceType": "Patient", "identifier": [{ "system": "urn:oid:2.16.840.1.113883.2.1.4.1", "value": "4444444444" }], "nhsNumber": "4444444444" }', filename: 'data/patient.json' },
    // ── (b) sample-data files by folder and by name ──
    { name: 'a k6 performance-test resource (broad evidence)', code: '{ "resourceType": "Patient", "name": [{ "family": ["Okafor"], "given": ["Adaeze"] }], "birthDate": "1984-03-17", "telecom": [{ "system": "email", "value": "adaeze.okafor@gmail.com" }] }', filename: 'performance/resources/patient.json', config: BROAD },
    { name: 'load-test and demo folders (broad evidence)', code: "export const patient = { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', email: 'adaeze.okafor@gmail.com' };", filename: 'load-tests/data/patients.ts', config: BROAD },
    { name: 'a demo folder (broad evidence)', code: "export const patient = { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', email: 'adaeze.okafor@gmail.com' };", filename: 'src/demo/patients.ts', config: BROAD },
    { name: 'a sandbox mock server named for what it is (broad evidence)', code: "export const patient = { patientEmail: 'adaeze.okafor@gmail.com', patientPhone: '(617) 253-9876' };", filename: 'src/services/tracker/sandbox.ts', config: BROAD },
    { name: 'a sample request named for what it is (broad evidence)', code: '{ "patient": { "firstName": "Adaeze", "dob": "1984-03-17", "email": "adaeze.okafor@gmail.com" } }', filename: 'assets/sample_convert_request.json', config: BROAD },
    { name: 'an API response exemplar in JSON (broad evidence)', code: '{ "patient": { "firstName": "Adaeze", "dob": "1984-03-17", "email": "adaeze.okafor@gmail.com" } }', filename: 'assets/create_patient_response.json', config: BROAD },
    // ── (c) a record holding any placeholder is made up, all of it ──
    { name: 'HL7 v2 sample people in a record (broad evidence)', code: "export const patient = { firstName: 'Eve', lastName: 'Everywoman', birthDate: '1962-03-20', phone: '(617) 253-9876' };", filename: 'src/intake.ts', config: BROAD },
    { name: 'Synthea names carry a counter (broad evidence)', code: "export const patient = { resourceType: 'Patient', name: [{ given: ['Marisol412'], family: 'Okafor' }], birthDate: '1984-03-17', telecom: [{ system: 'phone', value: '617-253-9876' }] };", filename: 'src/intake.ts', config: BROAD },
    { name: 'test-patient prefixes (broad evidence)', code: "export const patient = { familyName: 'ZZTESTPATIENT', givenName: 'Adaeze', dateOfBirth: '1984-03-17', email: 'adaeze.okafor@gmail.com' };", filename: 'src/intake.ts', config: BROAD },
    { name: 'a disposable-inbox e-mail, the song number, an ascending run (broad evidence)', code: "export const a = { name: 'Adaeze Okafor', birthDate: '1984-03-17', email: 'adaeze@mailinator.com' };\nexport const b = { name: 'Tomas Brandt', birthDate: '1979-06-02', phone: '(617) 867-5309' };\nexport const c = { name: 'Lena Fischer', birthDate: '1990-11-23', phone: '+27 83 123 4567' };", filename: 'src/intake.ts', config: BROAD },
    { name: 'a validating SSN in a record whose other values are placeholders', code: "export const patient = { name: 'John Doe', ssn: '401-22-7788', phone: '(617) 555-0142' };", filename: 'src/intake.ts' },
    { name: 'a placeholder SSN makes the whole record made up (broad evidence)', code: "export const patient = { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', ssn: '555-44-4444', email: 'adaeze.okafor@gmail.com' };", filename: 'src/intake.ts', config: BROAD },
    { name: 'an identifier from the NHS test range makes the record made up (broad evidence)', code: "export const patient = { nhsNumber: '9993812048', givenName: 'Adaeze', familyName: 'Okafor', dateOfBirth: '1984-03-17', email: 'adaeze.okafor@gmail.com' };", filename: 'src/intake.ts', config: BROAD },
    { name: 'an HL7 v2 message whose sending application (MSH-3) is a message generator', code: '[{ "data": "MSH|^~\\\\&|HL7 Generator^^|LAB^01D0000000^CLIA|||202401010000||ORU^R01|1|P|2.5.1\\nPID|1|4471823^^^LAB||OKAFOR^ADAEZE^A||19610615|F|||||||||||401-22-7788" }]', filename: 'cypress/fixtures/case.json' },
    { name: 'an HL7 v2 message still holding a generator’s placeholders for the person’s identifiers', code: "export const template = 'MSH|^~\\\\&|LAB|FAC|||202101010000||ORU^R01|1|P|2.5\\rPID|1|SSNHOLDER^^^SSA||OKAFOR^ADAEZE||BIRTHYEAR0615|F|||STREETADDRESS^^Boston^MA|||||||401-22-7788';", filename: 'src/hl7/feed.ts' },
    { name: 'a string holding an HL7 v2 message about the specification’s fictional patient', code: "export const message = 'MSH|^~\\\\&|LAB|FAC|||202101010000||ADT^A01|1|P|2.5\\rPID|||4471823^^^MRN||EVERYMAN^ADAM^A||19610615|M|||||||||||401-22-7788';", filename: 'src/hl7/example-free.ts' },
    // ── (b) by content: a file of several made-up person records is sample data, its other records too ──
    { name: 'a constants file of several made-up people (broad evidence)', code: "export const PATIENTS = [\n  { firstName: 'John', lastName: 'Doe', birthDate: '1980-02-03', phone: '(617) 555-0142' },\n  { firstName: 'Eve', lastName: 'Everywoman', birthDate: '1962-03-20' },\n  { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', email: 'adaeze.okafor@gmail.com' },\n];", filename: 'src/constants/patients.ts', config: BROAD },
    { name: 'a JSON file of several made-up people (broad evidence)', code: '[\n  { "firstName": "Jane", "lastName": "Doe", "dob": "1980-02-03" },\n  { "firstName": "Luke", "lastName": "Skywalker", "dob": "1977-05-25" },\n  { "firstName": "Adaeze", "lastName": "Okafor", "dob": "1984-03-17", "email": "adaeze.okafor@gmail.com" }\n]', filename: 'data/patients.json', config: BROAD },
  ],
  invalid: [
    {
      name: 'an SSN with one group not a repeated digit is reported (twin of the hand-typed groups)',
      code: "it('matches', () => {\n  const patient = { identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: '555-67-7777' }] };\n});",
      filename: 'src/match.test.ts',
      errors: [{ line: 2, column: 85, message: 'String literal looks like a real SSN', kinds: ['ssn'] }],
      output: null,
    },
    {
      name: 'a dashed SSN anywhere, including test code',
      code: "it('formats', () => {\n  expect(format('219451234')).toBe('219-45-1234');\n});",
      filename: 'src/format.test.ts',
      errors: [{ line: 2, column: 36, message: 'String literal looks like a real SSN', kinds: ['ssn'] }],
      output: null,
    },
    {
      name: 'nine digits under an SSN key, a numeric SSN and a spaced one',
      code: "const patient = { ssn: '219451234', socialSecurityNumber: 219451235, patient_ssn: '219 45 1236' };",
      errors: [
        { line: 1, column: 24 },
        { line: 1, column: 59, message: 'Number literal looks like a real SSN' },
        { line: 1, column: 83 },
      ],
    },
    {
      name: 'an SSN inside a longer string and in a template quasi',
      code: "declare const name: string;\nconst note = 'Verified SSN 401-22-7788 by phone';\nconst line = `${name} 401-22-7789`;",
      errors: [{ line: 2, column: 14 }, { line: 3, column: 21 }],
    },
    {
      name: 'MBIs: dashed anywhere, undashed under a Medicare key',
      code: "const row = ['2RK7-XY3-PQ18'];\nconst member = { medicareBeneficiaryId: '3CJ5WN8AD41', memberId: '5HT2-KM4-RY09' };",
      errors: [
        { line: 1, column: 14, message: 'Medicare Beneficiary Identifier', kinds: ['health-plan-id'] },
        { line: 2, column: 41 },
        { line: 2, column: 66 },
      ],
    },
    {
      name: 'a DEA number with a valid check digit under a DEA key',
      code: "const prescriber = { deaNumber: 'FS3819262' };",
      errors: [{ line: 1, column: 33, message: 'DEA registration number', kinds: ['license-number'] }],
    },
    {
      name: 'patient email, phone and birth date',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "const patientEmail = 'maria.lopez82@gmail.com';\nexport const seed = { patient: { phone: '(617) 253-9876', dob: '1984-03-12' } };",
      errors: [
        { line: 1, column: 22, message: 'real patient email address', kinds: ['email'] },
        { line: 2, column: 41, message: 'real patient phone number' },
        { line: 2, column: 64, message: 'real patient date of birth', kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'a birth date next to a name and an MRN: the date and both identifiers',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "export const fixture = {\n  firstName: 'Adaeze',\n  lastName: 'Okafor',\n  birthDate: '1984-03-17',\n  mrn: 'MRN-4471823',\n  active: true,\n};",
      errors: [
        { line: 2, column: 14, message: 'real person’s name', kinds: ['name'] },
        { line: 3, column: 13, kinds: ['name'] },
        { line: 4, column: 14, kinds: ['date-of-birth'] },
        { line: 5, column: 8, message: 'real medical record number', kinds: ['mrn'] },
      ],
    },
    {
      name: 'a birth date next to an email: whoever the record is about',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "const user = { email: 'maria.lopez82@gmail.com', birthdate: '1984-03-12' };",
      errors: [
        { line: 1, column: 23, kinds: ['email'] },
        { line: 1, column: 61, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'FHIR Patient in code: HumanName parts and birthDate',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "export const patient = {\n  resourceType: 'Patient',\n  name: [{ given: ['Maria', 'Elena'], family: 'Lopez' }],\n  birthDate: '1984-03-12',\n};",
      errors: [
        { line: 3, column: 20 },
        { line: 3, column: 29 },
        { line: 3, column: 47 },
        { line: 4, column: 14, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'JSON fixture: a real-looking SSN is reported; made-up names and dates in test data are not',
      code: '{\n  "valid": {\n    "firstName": "Adaeze",\n    "dateOfBirth": "1984-03-17",\n    "ssn": "529-38-4172",\n    "email": "patient.one@gmail.com",\n    "phone": "(312) 655-0142"\n  }\n}',
      filename: 'test/fixtures/intake-cases.json',
      errors: [{ line: 5, column: 12, kinds: ['ssn'] }],
    },
    {
      name: 'production code: name and SSN next to a birth date; a fixture-like record outside test folders still counts',
      config: BROAD,
      code: '{\n  "valid": {\n    "firstName": "Adaeze",\n    "dateOfBirth": "1984-03-17",\n    "ssn": "529-38-4172"\n  }\n}',
      filename: 'data/intake-cases.json',
      errors: [
        { line: 3, column: 18, kinds: ['name'] },
        { line: 4, column: 20, kinds: ['date-of-birth'] },
        { line: 5, column: 12, kinds: ['ssn'] },
      ],
    },
    {
      name: 'a factory call names the patient',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "createPatient({ email: 'maria.lopez82@gmail.com', homePhone: '+44 20 7946 1234' });",
      errors: [{ line: 1, column: 24 }, { line: 1, column: 62 }],
    },
    {
      name: 'FHIR Patient in code: telecom and identifier systems',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "export const patient = {\n  resourceType: 'Patient',\n  identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: '401227788' }],\n  telecom: [{ system: 'email', value: 'maria.lopez82@gmail.com' }],\n};",
      errors: [{ line: 3, column: 67 }, { line: 4, column: 39 }],
    },
    {
      name: 'JSX text',
      code: "export const Row = () => <td>SSN: 401-22-7788</td>;",
      filename: 'src/Row.tsx',
      errors: [{ line: 1, column: 30 }],
    },
    {
      name: 'JSON fixture: a FHIR bundle with a Patient',
      code: '{\n  "resourceType": "Bundle",\n  "entry": [{ "resource": {\n    "resourceType": "Patient",\n    "birthDate": "1984-03-12",\n    "telecom": [{ "system": "phone", "value": "617-253-9876" }],\n    "identifier": [{ "system": "http://hl7.org/fhir/sid/us-mbi", "value": "3CJ5WN8AD41" }]\n  } }]\n}',
      filename: 'test/fixtures/bundle.json',
      // In a fixture only the MBI, which validates, counts; the birth date and the phone are made up.
      errors: [{ line: 7, column: 75, kinds: ['health-plan-id'] }],
    },
    {
      name: 'JSON seed file named for patients, and a numeric SSN',
      code: '[{ "email": "maria.lopez82@gmail.com", "ssn": 401227788, "notes": "called 401-22-7790" }]',
      filename: 'db/seeds/patients.json',
      // Seed data is made up: the email does not count; SSNs that validate do.
      errors: [
        { line: 1, column: 47, message: 'Number value looks like a real SSN' },
        { line: 1, column: 67, message: 'String value looks like a real SSN' },
      ],
    },
    {
      name: 'a record with an issued-looking identifier is not marked as made up',
      config: BROAD,
      filename: 'src/intake.ts',
      code: "export const rows = [\n  { name: 'Maria Okafor', date_of_birth: '1984-03-17', identifier: '10482', patient_uuid: '3f2a9c1e-7b4d-4e8a-9c2f-1a6b8d0e4f53' },\n];",
      errors: [{ line: 2, column: 11, kinds: ['name'] }, { line: 2, column: 42, kinds: ['date-of-birth'] }],
    },
    {
      name: 'JSON: a FHIR Patient whose national id is not a placeholder',
      config: BROAD,
      code: '{ "resourceType": "Bundle", "entry": [ { "resource": { "resourceType": "Patient", "id": "14984",\n  "identifier": [ { "system": "http://example.org/nationalid", "value": "30481957" } ],\n  "name": [ { "text": "Amina Yusuf", "family": "Yusuf", "given": ["Amina"] } ], "birthDate": "1971-05-14" } } ] }',
      filename: 'src/pre-auth/preauth-bundle.json',
      errors: [{ line: 3, column: 48, kinds: ['name'] }, { line: 3, column: 67, kinds: ['name'] }, { line: 3, column: 94, kinds: ['date-of-birth'] }],
    },
    {
      name: 'default evidence: an SSN that validates is reported in production code, the rest of its record is not',
      code: "export const patient = { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17', ssn: '401-22-7788', email: 'adaeze.okafor@gmail.com' };",
      filename: 'src/intake.ts',
      errors: [{ line: 1, column: 97, kinds: ['ssn'] }],
    },
    {
      name: 'NHS numbers in issued ranges (England 4xx/6xx), keyed and spaced in text',
      code: "export const rx = { patientNhsNumber: '4739205815' };\nconst note = 'registered as 685 201 9470';",
      filename: 'src/prescriptions.ts',
      errors: [{ line: 1, column: 39, kinds: ['nhs-number'] }, { line: 2, column: 14, kinds: ['nhs-number'] }],
    },
    {
      name: 'sample-data files still report identifiers that validate',
      code: '{ "resourceType": "Patient", "name": [{ "family": ["Okafor"], "given": ["Adaeze"] }], "birthDate": "1984-03-17", "identifier": [{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "401-22-7788" }] }',
      filename: 'performance/resources/patient.json',
      errors: [{ line: 1, column: 184, kinds: ['ssn'] }],
    },
    {
      name: 'each FHIR resource of a bundle is its own record: a placeholder in one does not hide the other (broad evidence)',
      code: "export const bundle = { resourceType: 'Bundle', entry: [\n  { resource: { resourceType: 'Patient', name: [{ given: ['Eve'], family: 'Everywoman' }], birthDate: '1962-03-20' } },\n  { resource: { resourceType: 'Patient', name: [{ given: ['Adaeze'], family: 'Okafor' }], birthDate: '1984-03-17' } },\n] };",
      filename: 'src/intake.ts',
      config: BROAD,
      errors: [{ line: 3, column: 59, kinds: ['name'] }, { line: 3, column: 78, kinds: ['name'] }, { line: 3, column: 102, kinds: ['date-of-birth'] }],
    },
    {
      name: 'each entry of a collection of records is its own record (default evidence: the SSN)',
      code: "export const byId = {\n  a1: { name: 'John Doe', ssn: '401-22-7788' },\n  b2: { name: 'Adaeze Okafor', ssn: '401-22-7789' },\n};",
      filename: 'src/intake.ts',
      errors: [{ line: 3, column: 37, kinds: ['ssn'] }],
    },
    {
      name: 'an HL7 v2 message about someone not fictional still reports its SSN',
      code: "export const message = 'MSH|^~\\\\&|LAB|FAC|||202101010000||ADT^A01|1|P|2.5\\rPID|||4471823^^^MRN||OKAFOR^ADAEZE^A||19610615|F|||||||||||401-22-7788';",
      filename: 'src/hl7/feed.ts',
      errors: [{ line: 1, column: 24, kinds: ['ssn'] }],
    },
    {
      name: 'a message sent by a lab system, or holding a single placeholder, still reports its SSN (twins of the generator cases)',
      code: "export const a = 'MSH|^~\\\\&|LAB Results^^|FAC|||202101010000||ORU^R01|1|P|2.5\\rPID|1|4471823^^^LAB||OKAFOR^ADAEZE||19610615|F|||||||||||401-22-7788';\nexport const b = 'MSH|^~\\\\&|LAB|FAC|||202101010000||ORU^R01|1|P|2.5\\rPID|1|SSNHOLDER^^^SSA||OKAFOR^ADAEZE||19610615|F|||||||||||401-22-7788';",
      filename: 'src/hl7/feed.ts',
      errors: [{ line: 1, column: 18, kinds: ['ssn'] }, { line: 2, column: 18, kinds: ['ssn'] }],
    },
    {
      name: 'one made-up record does not make a file sample data (broad evidence)',
      code: "export const PATIENTS = [\n  { firstName: 'John', lastName: 'Doe', birthDate: '1980-02-03' },\n  { firstName: 'Adaeze', lastName: 'Okafor', birthDate: '1984-03-17' },\n];",
      filename: 'src/constants/patients.ts',
      config: BROAD,
      errors: [{ line: 3, column: 16, kinds: ['name'] }, { line: 3, column: 36, kinds: ['name'] }, { line: 3, column: 57, kinds: ['date-of-birth'] }],
    },
  ],
});
