// The name classifier: words, kinds, and the traps name-matching tools fall into.
import assert from 'node:assert/strict';
import { appliedCodeKinds, describeKinds, isAccountContextName, isAppUserName, isSyntheticOwnerName, NameClassifier, namesReferenceData, recordsAnApplication, splitWords, subjectOfName } from '../../src/vocabulary/classify';

const classifier = new NameClassifier();

describe('splitWords', () => {
  const cases: Array<[string, string[]]> = [
    ['patientDOB', ['patient', 'dob']],
    ['patient_dob', ['patient', 'dob']],
    ['PATIENT-DOB', ['patient', 'dob']],
    ['SSN_PATTERN', ['ssn', 'pattern']],
    ['dateOfBirth', ['date', 'of', 'birth']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['addressLine1', ['address', 'line', '1']],
    // an acronym's plural is the acronym
    ['patientIDs', ['patient', 'id']],
    ['encounterUUIDs', ['encounter', 'uuid']],
    ['patientSSNs', ['patient', 'ssn']],
  ];
  for (const [name, words] of cases) it(`${name} → ${words.join(' ')}`, () => assert.deepEqual(splitWords(name), words));
});

describe('NameClassifier', () => {
  const phi: Array<[string, string[]]> = [
    ['ssn', ['ssn']],
    ['patientSSN', ['ssn']],
    ['socialSecurityNumber', ['ssn']],
    ['dob', ['date-of-birth']],
    ['date_of_birth', ['date-of-birth']],
    ['medicareNo', ['health-plan-id']],
    ['Ins_NshiNumber', ['health-plan-id']],
    // clinical document types
    ['dischargeNote', ['clinical-note']],
    ['procedureNotes', ['clinical-note']],
    ['HistoryAndPhysicalNote', ['clinical-note']],
    ['mrn', ['mrn']],
    ['memberId', ['health-plan-id']],
    ['policyNumber', ['health-plan-id']],
    ['bloodType', ['lab-result']],
    ['patientDiagnosisCode', ['diagnosis']],
    ['patientName', ['name']],
    ['firstName', ['name']],
    ['emailAddress', ['email']],
    ['homePhone', ['phone']],
    ['zipCode', ['zip-code']],
    ['clinicalNotes', ['clinical-note']],
    ['patient', ['patient-record']],
    ['selectedPatient', ['patient-record']],
    ['record', ['patient-record']],
    ['medicalRecord', ['patient-record']],
    ['patientChart', ['patient-record']],
    ['clientWeight', ['vital-signs']],
    ['patientSSNs', ['ssn']],
    // from the second real-code evaluation (therapy and incident apps)
    ['sessionNotes', ['clinical-note']],
    ['noteText', ['clinical-note']],
    ['moodRating', ['sensitive-condition']],
    ['injuryDescription', ['diagnosis']],
    // a person's measurements stay theirs when summed, averaged or bounded
    ['bolusTotal', ['glucose-insulin']],
    ['maxGlucose', ['lab-result']],
    ['avgHeartRate', ['vital-signs']],
    ['sgv', ['glucose-insulin']],
    // a patient's business identifier (FHIR Patient.identifier, OpenMRS/Bahmni identifiers, India's UHID) is a record number, not its opaque id
    ['patientIdentifier', ['mrn']],
    ['uhid', ['mrn']],
    ['hospitalNumber', ['mrn']],
    // near misses of the ordinals: a number that identifies, not one that counts
    ['encounterNumber', ['encounter']],
    ['patientPhoneNumber', ['phone']],
    // names written run together (database columns, older code) are one word to the splitter and still match
    ['progressnotes', ['clinical-note']],
    ['PROCEDURENOTES', ['clinical-note']],
    ['dateofbirth', ['date-of-birth']],
    ['phonenumber', ['phone']],
    ['medicalrecordnumber', ['mrn']],
    // free-text notes, run together too; identifiers and person data of other countries and languages
    ['freetextnotes', ['clinical-note']],
    ['nhiNumber', ['nhi']],
    ['numeroSecuriteSociale', ['nir']],
    ['codiceFiscale', ['national-id']],
    ['krankenversichertennummer', ['health-plan-id']],
    ['primerApellido', ['name']],
    ['dataNascimento', ['date-of-birth']],
    ['codigoPostal', ['zip-code']],
    // the FHIR identifier entry of the NHS number system; the OpenMRS ID (OpenMRS's default patient identifier)
    ['nhsIdentifier', ['nhs-number']],
    ['openMrsId', ['mrn']],
    ['openmrsId', ['mrn']],
    // Namibia's PMTCT tracker number, mother's and infant's
    ['pTrackerId', ['mrn']],
    ['ptracker_id', ['mrn']],
    ['infantPTrackerID', ['mrn']],
    // a meter's blood ketone reading
    ['bloodKetone', ['lab-result']],
    // openIMIS's insuree insurance number
    ['chfId', ['health-plan-id']],
    ['insureeChfId', ['health-plan-id']],
    // `all` before the records it gathers: a list of them, not a flag
    ['allDiagnoses', ['diagnosis']],
    ['allLabResults', ['lab-result']],
    // a state-issued ID card's number
    ['stateIdNumber', ['license-number']],
    ['stateIdCard', ['license-number']],
    // Spanish and Portuguese: the national identity document's number
    ['documento', ['national-id']],
    ['numeroDocumento', ['national-id']],
    ['nroDocumento', ['national-id']],
    ['pacienteDocumento', ['national-id']],
  ];
  for (const [name, kinds] of phi) it(`${name} is ${kinds.join(', ')}`, () => assert.deepEqual(classifier.kindsOf(name), kinds));

  const traps = [
    'patientCount', 'dischargeNoteTemplate', 'consultNoteId', 'icdIndicator', 'birthdayYear', 'dobYear', 'visitDateYear', 'totalEncounters', 'maxPatients', 'isPatientSelected', 'hasAllergy', 'SSN_PATTERN', 'DOB_FORMAT', 'emailTemplate', 'patientId', 'patientIds',
    'maskedSsn', 'ssnHash', 'encryptedDob', 'lastFour', 'ssnLast4', 'PatientService', 'patientRepository', 'PatientForm',
    'supportEmail', 'clinicPhone', 'sitePhone', 'ssnError', 'dobLabel', 'diagnosisCount', 'showSsn', 'numPatients', 'encounterType',
    'consentTreatment', 'patientAuth', 'patientSid', 'patientJwt', 'patientDomain', 'patientPortalBucket', 'activePatientSort',
    'patientIDs', 'diagnosisRefSet', 'patientReference', 'patientLink', 'patientHref', 'patientUrl', 'appointmentMetadata', 'clientHeight', 'offsetHeight', 'medicationsTimeframe',
    // counters and device-memory pointers: `numberOfRecords`, `recordCounter`, `lastGlucosePosition`
    'numberOfRecords', 'numberOfPatients', 'recordCounter', 'lastGlucosePosition', 'currentCbgPosition',
    // which one in a series: the issue of a repeat prescription, a refill, a line of an order
    'prescriptionIssueNumber', 'medicationRepeatNumber', 'prescriptionRefillNumber', 'diagnosisSequenceNumber',
    // the reference number the app issues to a prescription: an opaque pointer like its id, not the medication
    'prescriptionNumber', 'prescription_number', 'prescriptionNo',
    // the identifier's type, a reading's count or units
    'ptrackerIdentifierType', 'ketoneCount', 'ketoneUnits',
    // `all` testing records: a state after them, or a singular (`allPatientsLoaded`, `allDiagnosisValid`)
    'allPatientsLoaded', 'allDiagnosisValid', 'allSelected',
  ];
  for (const name of traps) it(`${name} is a trap`, () => assert.equal(classifier.classify(name).trap, true));

  const neutral = [
    'name', 'address', 'notes', 'data', 'value', 'userName', 'fileName', 'serverAddress', 'condition',
    // run together, an `…Id` is a table's key (`insuranceid`, `stateid`), and an unknown compound stays unknown
    'insuranceid', 'stateid', 'vehicleid', 'releasenotes', 'openmrsuuid',
    // the key of a state in a region list (`getDistricts(stateId)`) or an OAuth flow's `state`, not an ID card's number
    'stateId', 'stateID', 'state_id',
    // a PIN typed to sign in, a hash, a thing's nombre, investigations and findings with no one's in sight
    'pinCode', 'shaDigest', 'nombre', 'investigations', 'findings', 'habits',
    // a practitioner's entry in the EHR, a system's row
    'ehrPractitioner', 'getLocalEHRPractitioner', 'practitionerRecord', 'queueRecord', 'inventoryRecord', 'auditRecords',
  ];
  for (const name of neutral) it(`${name} alone carries no PHI`, () => assert.deepEqual(classifier.kindsOf(name), []));

  it('counts contextual names with a person context from a member chain', () => {
    assert.deepEqual(classifier.kindsOf('name', true), ['name']);
    assert.deepEqual(classifier.kindsOf('notes', true), ['clinical-note']);
  });

  it('names a code of a code system clinical data only where a person holds it', () => {
    // alone, a CPT, ICD or drug code is an entry of a terminology (validated, suggested, listed from a catalogue)
    for (const name of ['cptCode', 'diagnosisCode', 'icd10Code', 'diagnosisCodes', 'medicationCode', 'procedureCode']) assert.deepEqual(classifier.kindsOf(name), [], name);
    // read from a person's record, or named as theirs, it is their diagnosis or procedure
    assert.deepEqual(classifier.kindsOf('diagnosisCode', true), ['diagnosis']);
    assert.deepEqual(classifier.kindsOf('cptCode', true), ['procedure']);
    assert.deepEqual(classifier.kindsOf('patientDiagnosisCode'), ['diagnosis']);
    assert.deepEqual(classifier.kindsOf('encounterDiagnosisCodes'), ['diagnosis', 'encounter']);
    // near misses: the clinical fact itself, and a code that is not a terminology's
    assert.deepEqual(classifier.kindsOf('diagnosis'), ['diagnosis']);
    assert.deepEqual(classifier.kindsOf('zipCode'), ['zip-code']);
  });

  it("names a place's name, not a person's, and a place's row, not a patient's record", () => {
    // read from a record (a person context), a ward's, a region's, a census area's name is the place's
    for (const name of ['wardName', 'regionName', 'areaName', 'LSOA_NAME', 'siteName', 'facilityName']) assert.deepEqual(classifier.kindsOf(name, true), [], name);
    // a patient's city stays part of their address, but is not their name
    assert.deepEqual(classifier.kindsOf('cityName', true), ['address']);
    assert.deepEqual(classifier.kindsOf('lsoaRecord'), []);
    assert.deepEqual(classifier.kindsOf('siteRecords'), []);
    // near misses: a person's names stay names, and a bare or a patient's record stays the patient's
    assert.deepEqual(classifier.kindsOf('motherName'), ['name']);
    assert.deepEqual(classifier.kindsOf('patientName'), ['name']);
    assert.deepEqual(classifier.kindsOf('name', true), ['name']);
    assert.deepEqual(classifier.kindsOf('record'), ['patient-record']);
    assert.deepEqual(classifier.kindsOf('medicalRecord'), ['patient-record']);
  });

  it('reads a two-word identifier written as one lower- or upper-case word (a SQL column, a query parameter)', () => {
    const classifier = new NameClassifier();
    assert.deepEqual(classifier.kindsOf('nhsnumber'), ['nhs-number']);
    assert.deepEqual(classifier.kindsOf('DATEOFBIRTH'), ['date-of-birth']);
    assert.deepEqual(classifier.kindsOf('phonenumber'), ['phone']);
    // words that only look like one: no pattern spells them
    assert.deepEqual(classifier.kindsOf('numberofrows'), []);
    assert.deepEqual(classifier.kindsOf('pagenumber'), []);
    assert.deepEqual(classifier.kindsOf('versionnumber'), []);
  });

  it("an observation's code names the question, not the patient's answer", () => {
    const classifier = new NameClassifier();
    assert.deepEqual(classifier.kindsOf('observationCode'), []);
    assert.deepEqual(classifier.kindsOf('observationConcepts'), []);
    assert.deepEqual(classifier.kindsOf('observationValue'), ['observation']);
    assert.deepEqual(classifier.kindsOf('diagnosisCode', true), ['diagnosis']);
  });

  it("a code held with the details of its application to someone stands for the clinical fact it codes", () => {
    const classifier = new NameClassifier();
    assert.equal(recordsAnApplication(['procedureCode', 'bodySite']), true);
    assert.equal(recordsAnApplication(['observationCode', 'value', 'unit']), true);
    assert.equal(recordsAnApplication(['cptCode', 'scheduledDate']), true);
    assert.equal(recordsAnApplication(['procedureCode', 'reasonDescription']), true);
    assert.equal(recordsAnApplication(['code', 'display', 'system', 'price']), false);
    assert.equal(recordsAnApplication(['drugCode', 'unitPrice', 'value']), false);
    assert.equal(recordsAnApplication(['code', 'createdDate', 'updatedAt']), false);
    assert.deepEqual(appliedCodeKinds(classifier, 'procedureCode'), ['procedure']);
    assert.deepEqual(appliedCodeKinds(classifier, 'observationCode'), ['observation']);
    assert.deepEqual(appliedCodeKinds(classifier, 'reasonCode'), []);
    assert.deepEqual(appliedCodeKinds(classifier, 'procedureName'), []);
  });

  it('honours configured PHI and non-PHI names', () => {
    const configured = new NameClassifier({ phiNames: { chartNo2: 'mrn' }, notPhiNames: ['dob'] });
    assert.deepEqual(configured.kindsOf('chartNo2'), ['mrn']);
    assert.equal(configured.classify('dob').trap, true);
  });

  it('describes kinds for messages', () => {
    assert.equal(describeKinds(['ssn']), 'SSN');
    assert.equal(describeKinds(['date-of-birth', 'ssn', 'email']), 'date of birth, SSN and email address');
  });
});

describe('NameClassifier: round 4 precision models', () => {
  it("parameters name no record but keep their person: `patientListParams` guesses nothing, `searchParameters.name` stays a name", () => {
    assert.deepEqual(classifier.classify('patientListParams').kinds, []);
    assert.equal(classifier.classify('patientListParams').trap, false);
    assert.equal(classifier.classify('patientListParams').personContext, true);
    assert.equal(classifier.classify('searchParameters').trap, false);
    assert.deepEqual(classifier.kindsOf('patientParams'), []);
    assert.deepEqual(classifier.kindsOf('patient'), ['patient-record']);
  });

  it("a visit's place or staff member is not the visit; the patient's location keeps the patient", () => {
    assert.deepEqual(classifier.kindsOf('encounterLocation'), []);
    assert.deepEqual(classifier.kindsOf('appointmentProvider'), []);
    assert.equal(classifier.classify('encounterLocation').personContext, false);
    assert.deepEqual(classifier.kindsOf('encounter'), ['encounter']);
    assert.equal(classifier.classify('patientLocation').personContext, true);
  });

  it('named things, definitions, check digits and plan group numbers', () => {
    assert.equal(classifier.classify('childConcept').personContext, false);
    assert.equal(classifier.classify('child').personContext, true);
    assert.equal(classifier.classify('activityDefinition').personContext, false);
    assert.equal(classifier.classify('getLuhnCheckDigit').trap, true);
    assert.equal(classifier.classify('mrnChecksum').trap, true);
    assert.deepEqual(classifier.kindsOf('mrn'), ['mrn']);
    assert.deepEqual(classifier.kindsOf('groupNumber'), []);
    assert.deepEqual(classifier.kindsOf('groupNumber', true), ['health-plan-id']);
    assert.equal(classifier.classify('callerName').personContext, false);
  });

  it("a name belongs to the word before it unless that word is a person or a part of a person's name", () => {
    for (const thing of ['childWorkspaceName', 'parentWorkspaceName', 'patientProgramName', 'patientLocationName', 'workspaceDisplayName']) {
      assert.deepEqual(classifier.kindsOf(thing), [], thing);
      assert.deepEqual(classifier.kindsOf(thing, true), [], `${thing} in a person's chain`);
    }
    // from a chain, only a known thing takes the name: an unknown word or abbreviation may be the person (`ins`: insured)
    assert.deepEqual(classifier.kindsOf('moduleName', true), []);
    assert.deepEqual(classifier.kindsOf('ins_name_f', true), ['name']);
    for (const person of ['patientName', 'motherName', 'childName', 'guardianName', 'contactName', 'emergencyContactName', 'relatedPersonName', 'patientCaregiverName', 'patientPreferredName', 'patientNewName', 'clientSurName', 'nextOfKinName', 'patientsName']) {
      assert.deepEqual(classifier.kindsOf(person), ['name'], person);
    }
  });

  it("a syntax tree's visitor is not a visit; a visit's notes and date stay", () => {
    assert.deepEqual(classifier.kindsOf('visitExpressionName'), []);
    assert.deepEqual(classifier.kindsOf('visitExpression'), []);
    assert.deepEqual(classifier.kindsOf('visitNode'), []);
    assert.deepEqual(classifier.kindsOf('visitBinaryExpression'), []);
    assert.deepEqual(classifier.kindsOf('visitArrowFunctionExpression'), []);
    assert.deepEqual(classifier.kindsOf('visitMemberExpression'), []);
    assert.deepEqual(classifier.kindsOf('visitIdentifier'), []);
    assert.deepEqual(classifier.kindsOf('visitId'), classifier.kindsOf('encounterId'));
    assert.equal(classifier.classify('visitNumber').trap, false);
    assert.deepEqual(classifier.kindsOf('visitNotes'), ['clinical-note']);
    assert.deepEqual(classifier.kindsOf('visitDate'), ['care-date']);
    assert.deepEqual(classifier.kindsOf('visit'), ['encounter']);
  });

  it("a record word then a state it is in names a flag (`patientActive`, `patientLoaded`); a clinical state or the record stays", () => {
    for (const name of ['patientActive', 'patientLoaded', 'patientFound', 'recordExists', 'patientSelected']) assert.deepEqual(classifier.kindsOf(name), [], name);
    assert.deepEqual(classifier.kindsOf('activePatient'), ['patient-record']);
    assert.deepEqual(classifier.kindsOf('patientDeceased'), ['patient-record']);
    assert.deepEqual(classifier.kindsOf('medicationActive'), ['medication']);
  });

  it('callbacks, listeners and observers are code', () => {
    assert.equal(classifier.classify('mutateVisitCallbacks').trap, true);
    assert.equal(classifier.classify('patientListeners').trap, true);
    // only as the last word: a number to call back is still a phone number
    assert.equal(classifier.classify('callbackPhone').trap, false);
  });

  it("a terminology's sets, whether a value is defined, and a UI slot name no record", () => {
    for (const name of ['appointmentReasonConceptSet', 'diagnosisValueSet', 'allergyOptionSet', 'patientEmailDefined', 'patientChartDashboardSlot']) {
      assert.equal(classifier.classify(name).trap, true, name);
    }
    assert.deepEqual(classifier.kindsOf('appointmentReason'), ['encounter']);
    assert.deepEqual(classifier.kindsOf('patientEmail'), ['email']);
  });
});

describe('Spanish and Portuguese subjects and reference data', () => {
  // health professionals, nurses, agents, care units (efectores), organisations, pharmacies and professional registration
  const workforce = ['profesional', 'profesionalesController', 'profissionalSaude', 'enfermera', 'agenteSanitario', 'efectores', 'organizacion', 'organizacaoService', 'farmacia', 'matriculaciones'];
  for (const name of workforce) it(`${name} is the workforce's`, () => assert.equal(subjectOfName(name), 'workforce'));
  // a patient word wins; `médico` is also the adjective "medical" and `matrícula` a beneficiary's number in Brazil
  const notWorkforce: Array<[string, string | undefined]> = [['profesionalPaciente', 'patient'], ['historiaMedica', undefined], ['matricula', undefined]];
  for (const [name, subject] of notWorkforce) it(`${name} is ${subject ?? 'no one'}'s`, () => assert.equal(subjectOfName(name), subject));
  const catalogues: Array<[string, boolean]> = [['vademecum', true], ['formularioTerapeutico', true], ['catalogoInsumos', true], ['nomenclador', true], ['formulario', false], ['formularioPaciente', false], ['planTerapeutico', false]];
  for (const [name, reference] of catalogues) it(`${name} ${reference ? 'names' : 'does not name'} reference data`, () => assert.equal(namesReferenceData(name), reference));
});

describe('name predicates answered once per name', () => {
  // Cached by name alone (asked at every property read): a second answer, or one after other names, is the same.
  it('subjectOfName, isAppUserName, isSyntheticOwnerName, isAccountContextName answer the same when asked again', () => {
    const names = ['patient', 'currentUser', 'practitionerEmail', 'e2eUsers', 'mockPatients', 'changePassword', 'signIn', 'visitDate', 'toString', '__proto__', 'constructor', ''];
    const ask = (name: string) => [subjectOfName(name), isAppUserName(name), isSyntheticOwnerName(name), isAccountContextName(name)];
    const first = names.map(ask);
    assert.deepEqual(first.slice(0, 3), [['patient', false, false, false], ['workforce', true, false, false], ['workforce', false, false, false]]);
    assert.deepEqual(names.map(ask), first);
    assert.deepEqual([...names].reverse().map(ask), [...first].reverse());
  });
});
