// FHIR R4 resources and datatypes that carry PHI, with the PHI kinds of their fields.
// A value typed `Patient` (from @medplum/fhirtypes, @types/fhir's `fhir4.Patient`, or a local
// declaration of the same name when the workspace has none of its own) or read through a FHIR client
// carries these. Fields not listed (id, meta, resourceType, status, gender…) are not PHI by themselves.

export interface FhirFieldSpec {
  /** PHI kinds of the field's value. */
  kinds?: string[];
  /** Datatype or resource of the field, for reads further down (`patient.name[0].family`). */
  type?: string;
  /** The field takes the kinds of the value it is read from (Attachment.data in a Patient photo). */
  inherit?: boolean;
}

export interface FhirTypeSpec {
  /** Kinds of the whole value when it is logged or stored as a whole. */
  kinds: string[];
  fields: Record<string, FhirFieldSpec>;
}

const person = (kinds: string[]): FhirTypeSpec => ({
  kinds,
  fields: {
    name: { kinds: ['name'], type: 'HumanName' },
    telecom: { kinds: ['phone', 'email'], type: 'ContactPoint' },
    address: { kinds: ['address'], type: 'Address' },
    birthDate: { kinds: ['date-of-birth'] },
    deceasedDateTime: { kinds: ['death-date'] },
    identifier: { kinds: ['mrn'], type: 'Identifier' },
    photo: { kinds: ['photo'], type: 'Attachment' },
    contact: { kinds: ['name', 'phone', 'address'], type: 'PatientContact' },
    text: { kinds: ['patient-record'] },
    extension: { kinds: ['patient-record'] },
  },
});

const subjectRefs: Record<string, FhirFieldSpec> = {
  subject: { type: 'Reference' },
  patient: { type: 'Reference' },
  beneficiary: { type: 'Reference' },
  text: { inherit: true },
  note: { kinds: ['clinical-note'], type: 'Annotation' },
};

export const FHIR_TYPES: Record<string, FhirTypeSpec> = {
  Patient: person(['patient-record']),
  Person: person(['patient-record']),
  RelatedPerson: person(['patient-record']),
  HumanName: {
    kinds: ['name'],
    fields: { family: { kinds: ['name'] }, given: { kinds: ['name'] }, text: { kinds: ['name'] }, prefix: { kinds: ['name'] }, suffix: { kinds: ['name'] } },
  },
  Address: {
    kinds: ['address'],
    fields: {
      line: { kinds: ['address'] },
      city: { kinds: ['address'] },
      district: { kinds: ['address'] },
      postalCode: { kinds: ['zip-code'] },
      text: { kinds: ['address'] },
    },
  },
  ContactPoint: { kinds: ['phone', 'email'], fields: { value: { kinds: ['phone', 'email'] } } },
  Identifier: { kinds: ['mrn'], fields: { value: { kinds: ['mrn'] } } },
  Attachment: { kinds: [], fields: { data: { inherit: true }, url: { inherit: true }, title: { inherit: true } } },
  PatientContact: {
    kinds: ['name', 'phone', 'address'],
    fields: {
      name: { kinds: ['name'], type: 'HumanName' },
      telecom: { kinds: ['phone', 'email'], type: 'ContactPoint' },
      address: { kinds: ['address'], type: 'Address' },
    },
  },
  Reference: { kinds: [], fields: { display: { kinds: ['name'] } } },
  Annotation: { kinds: ['clinical-note'], fields: { text: { kinds: ['clinical-note'] } } },
  Observation: {
    kinds: ['observation'],
    fields: {
      ...subjectRefs,
      code: { kinds: ['observation'] },
      valueQuantity: { kinds: ['observation'] },
      valueString: { kinds: ['observation'] },
      valueCodeableConcept: { kinds: ['observation'] },
      valueBoolean: { kinds: ['observation'] },
      valueInteger: { kinds: ['observation'] },
      valueRange: { kinds: ['observation'] },
      valueRatio: { kinds: ['observation'] },
      valueSampledData: { kinds: ['observation'] },
      valueDateTime: { kinds: ['observation'] },
      valuePeriod: { kinds: ['observation'] },
      interpretation: { kinds: ['observation'] },
      component: { kinds: ['observation'] },
      bodySite: { kinds: ['observation'] },
      effectiveDateTime: { kinds: ['care-date'] },
      issued: { kinds: ['care-date'] },
    },
  },
  Condition: {
    kinds: ['diagnosis'],
    fields: {
      ...subjectRefs,
      code: { kinds: ['diagnosis'] },
      severity: { kinds: ['diagnosis'] },
      bodySite: { kinds: ['diagnosis'] },
      evidence: { kinds: ['diagnosis'] },
      stage: { kinds: ['diagnosis'] },
      onsetDateTime: { kinds: ['care-date'] },
      recordedDate: { kinds: ['care-date'] },
    },
  },
  Procedure: {
    kinds: ['procedure'],
    fields: { ...subjectRefs, code: { kinds: ['procedure'] }, reasonCode: { kinds: ['diagnosis'] }, performedDateTime: { kinds: ['care-date'] }, bodySite: { kinds: ['procedure'] }, outcome: { kinds: ['procedure'] } },
  },
  MedicationRequest: {
    kinds: ['medication'],
    fields: {
      ...subjectRefs,
      medicationCodeableConcept: { kinds: ['medication'] },
      medicationReference: { kinds: ['medication'] },
      dosageInstruction: { kinds: ['medication'] },
      reasonCode: { kinds: ['diagnosis'] },
      authoredOn: { kinds: ['care-date'] },
    },
  },
  MedicationStatement: {
    kinds: ['medication'],
    fields: { ...subjectRefs, medicationCodeableConcept: { kinds: ['medication'] }, dosage: { kinds: ['medication'] }, reasonCode: { kinds: ['diagnosis'] } },
  },
  AllergyIntolerance: {
    kinds: ['allergy'],
    fields: { ...subjectRefs, code: { kinds: ['allergy'] }, reaction: { kinds: ['allergy'] }, criticality: { kinds: ['allergy'] } },
  },
  Immunization: {
    kinds: ['immunization'],
    fields: { ...subjectRefs, vaccineCode: { kinds: ['immunization'] }, occurrenceDateTime: { kinds: ['care-date'] }, lotNumber: { kinds: ['immunization'] } },
  },
  Encounter: {
    kinds: ['encounter'],
    fields: { ...subjectRefs, period: { kinds: ['care-date'] }, reasonCode: { kinds: ['diagnosis'] }, diagnosis: { kinds: ['diagnosis'] }, hospitalization: { kinds: ['encounter'] }, location: { kinds: ['encounter'] } },
  },
  DiagnosticReport: {
    kinds: ['lab-result'],
    fields: { ...subjectRefs, code: { kinds: ['lab-result'] }, result: { kinds: ['lab-result'] }, conclusion: { kinds: ['lab-result'] }, conclusionCode: { kinds: ['lab-result'] }, presentedForm: { kinds: ['lab-result'] }, effectiveDateTime: { kinds: ['care-date'] } },
  },
  DocumentReference: {
    kinds: ['clinical-note'],
    fields: { ...subjectRefs, content: { kinds: ['clinical-note'] }, description: { kinds: ['clinical-note'] } },
  },
  Coverage: {
    kinds: ['insurance'],
    fields: { ...subjectRefs, subscriberId: { kinds: ['health-plan-id'] }, identifier: { kinds: ['health-plan-id'] }, class: { kinds: ['health-plan-id'] }, payor: { kinds: ['insurance'] }, subscriber: { type: 'Reference' } },
  },
  Claim: {
    kinds: ['insurance'],
    fields: { ...subjectRefs, diagnosis: { kinds: ['diagnosis'] }, procedure: { kinds: ['procedure'] }, insurance: { kinds: ['insurance'] }, item: { kinds: ['insurance'] }, billablePeriod: { kinds: ['care-date'] } },
  },
  ExplanationOfBenefit: {
    kinds: ['insurance'],
    fields: { ...subjectRefs, diagnosis: { kinds: ['diagnosis'] }, procedure: { kinds: ['procedure'] }, insurance: { kinds: ['insurance'] }, item: { kinds: ['insurance'] } },
  },
  Appointment: {
    kinds: ['encounter'],
    fields: { start: { kinds: ['care-date'] }, end: { kinds: ['care-date'] }, description: { kinds: ['encounter'] }, reasonCode: { kinds: ['diagnosis'] }, comment: { kinds: ['clinical-note'] }, participant: { type: 'AppointmentParticipant' } },
  },
  // Who and where an appointment involves: references to the patient, the practitioner and the location (opaque ids,
  // like a Reference logged whole), a role code, a status; a reference's `display` read on its own is still a name.
  AppointmentParticipant: { kinds: [], fields: { actor: { type: 'Reference' } } },
  CarePlan: {
    kinds: ['procedure'],
    fields: { ...subjectRefs, activity: { kinds: ['procedure'] }, description: { kinds: ['procedure'] }, addresses: { kinds: ['diagnosis'] } },
  },
  QuestionnaireResponse: { kinds: ['clinical-note'], fields: { ...subjectRefs, item: { kinds: ['clinical-note'], type: 'QuestionnaireResponseItem' }, authored: { kinds: ['care-date'] } } },
  // One answered question of a response (an intake form's name, birth date, history…): the answers are the patient's.
  QuestionnaireResponseItem: { kinds: ['clinical-note'], fields: { answer: { kinds: ['clinical-note'] }, item: { kinds: ['clinical-note'], type: 'QuestionnaireResponseItem' } } },
  Bundle: { kinds: ['patient-record'], fields: { entry: { kinds: ['patient-record'] } } },
  // Resources about one patient whose fields the analysis does not need one by one: whole, they are that patient's.
  // (Orders — ServiceRequest, Task, Specimen — are left out: searches for them are logged for their ids and statuses.)
  CoverageEligibilityRequest: { kinds: ['insurance'], fields: { ...subjectRefs, insurance: { kinds: ['insurance'] } } },
  CoverageEligibilityResponse: { kinds: ['insurance'], fields: { ...subjectRefs, insurance: { kinds: ['insurance'] } } },
  ImagingStudy: { kinds: ['lab-result'], fields: { ...subjectRefs, series: { kinds: ['lab-result'] }, description: { kinds: ['lab-result'] } } },
  MedicationAdministration: { kinds: ['medication'], fields: { ...subjectRefs, medicationCodeableConcept: { kinds: ['medication'] }, dosage: { kinds: ['medication'] } } },
  MedicationDispense: { kinds: ['medication'], fields: { ...subjectRefs, medicationCodeableConcept: { kinds: ['medication'] }, dosageInstruction: { kinds: ['medication'] } } },
  FamilyMemberHistory: { kinds: ['medical-history'], fields: { ...subjectRefs, condition: { kinds: ['medical-history'] } } },
  ClinicalImpression: { kinds: ['clinical-note'], fields: { ...subjectRefs, summary: { kinds: ['clinical-note'] }, finding: { kinds: ['diagnosis'] } } },
  EpisodeOfCare: { kinds: ['encounter'], fields: { ...subjectRefs, diagnosis: { kinds: ['diagnosis'] }, period: { kinds: ['care-date'] } } },
};

/** Resource types whose presence in `resourceType: '…'` or a FHIR client call makes a value PHI. */
export const PHI_RESOURCE_TYPES: ReadonlySet<string> = new Set(
  Object.keys(FHIR_TYPES).filter((name) => FHIR_TYPES[name].kinds.length > 0 && /^[A-Z]/.test(name)),
);

/** FHIR client methods whose first argument (or `resourceType`) names the resource type they return. */
export const FHIR_READ_METHODS: ReadonlySet<string> = new Set([
  'readResource', 'searchResources', 'searchOne', 'search', 'read', 'vread', 'readReference', 'createResource',
  'updateResource', 'patchResource', 'createResourceIfNoneExist', 'upsertResource', 'readHistory', 'searchResourcePages',
]);

/** FHIR datatypes: generic words that other libraries use too (nodemailer's Address, …). */
export const FHIR_DATATYPES: ReadonlySet<string> = new Set(['HumanName', 'Address', 'ContactPoint', 'Identifier', 'Attachment', 'PatientContact', 'Reference', 'Annotation']);

/**
 * Resource types that describe no patient: definitions and catalogues (a Questionnaire, a ValueSet, a Library),
 * conformance resources, and the organisation's own records (its organisations, places and staff). Their business
 * identifiers, names and codes are theirs.
 */
export const NON_PATIENT_RESOURCE_TYPES: readonly string[] = [
  'Questionnaire', 'ValueSet', 'CodeSystem', 'ConceptMap', 'NamingSystem', 'StructureDefinition', 'StructureMap', 'SearchParameter',
  'OperationDefinition', 'CapabilityStatement', 'ImplementationGuide', 'CompartmentDefinition', 'MessageDefinition', 'GraphDefinition',
  'Library', 'Measure', 'PlanDefinition', 'ActivityDefinition', 'ObservationDefinition', 'SpecimenDefinition', 'ChargeItemDefinition',
  'EventDefinition', 'EvidenceVariable', 'Organization', 'Location', 'HealthcareService', 'Endpoint', 'Practitioner', 'PractitionerRole',
];

/**
 * FHIR resource types by name (not datatypes): the PHI-bearing and the non-patient ones above and the other resources
 * apps commonly hold. A value named for one (`serviceRequest`, `encounter`) in code that imports FHIR types is that
 * resource, an object: as text it is `[object Object]`.
 */
export const FHIR_RESOURCE_NAMES: ReadonlySet<string> = new Set([
  ...[...PHI_RESOURCE_TYPES].filter((name) => !FHIR_DATATYPES.has(name) && name !== 'QuestionnaireResponseItem'),
  ...NON_PATIENT_RESOURCE_TYPES,
  'ServiceRequest', 'Task', 'Communication', 'CommunicationRequest', 'Specimen', 'Consent', 'Composition', 'Medication', 'Device',
  'DeviceRequest', 'Schedule', 'Slot', 'Account', 'Provenance', 'AuditEvent', 'Media', 'RiskAssessment', 'NutritionOrder', 'Goal',
  'Flag', 'List', 'Group', 'Invoice', 'ChargeItem', 'DetectedIssue', 'AdverseEvent', 'CareTeam', 'Contract', 'PaymentNotice',
  'VisionPrescription', 'BodyStructure', 'MolecularSequence', 'Substance', 'SupplyRequest', 'SupplyDelivery', 'DeviceUseStatement',
]);

