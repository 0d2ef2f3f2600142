// FHIR search parameters that find a person by what identifies them. A FHIR search is a GET by default
// (`GET [base]/Patient?name=…`); only `POST [base]/Patient/_search` keeps the parameters out of the URL.

/** Patient search parameters (FHIR R4 `Patient`, `Person`, `RelatedPerson`) → the PHI kind the searched value is. */
const PERSON_SEARCH_PARAMETER_KINDS = new Map<string, string>([
  ['name', 'name'], ['family', 'name'], ['given', 'name'], ['phonetic', 'name'],
  ['birthdate', 'date-of-birth'],
  ['phone', 'phone'], ['telecom', 'phone'], ['email', 'email'],
  ['address', 'address'], ['address-city', 'address'], ['address-postalcode', 'zip-code'],
  ['identifier', 'mrn'],
]);

/** FHIR resource types whose search parameters above describe a person who receives care. */
const PERSON_RESOURCES = new Set(['Patient', 'RelatedPerson', 'Person']);

/** `subject:Patient.name`, `patient.family`, `patient:Patient.name:contains`: a chained search through a patient reference. */
const CHAINED_PATIENT_PARAMETER = /^(?:patient|subject|beneficiary|individual)(?::Patient)?\.([a-z-]+)(?::[a-z]+)?$/;
/** `name:contains`, `family:exact`, `identifier:of-type` — a parameter with a FHIR modifier. */
const PARAMETER_WITH_MODIFIER = /^([a-z-]+)(?::([a-z-]+))?$/;
/** FHIR search modifiers of string and token parameters (`name:asc` is a sort order, not a search). */
const VALUE_MODIFIERS = new Set(['contains', 'exact', 'text', 'not', 'of-type', 'above', 'below', 'in']);
/** Parameters spelt the way only FHIR spells them (`name` and `email` are any API's words). */
const FHIR_SPELT_PARAMETERS = new Set(['family', 'given', 'phonetic', 'birthdate', 'telecom', 'address-city', 'address-postalcode']);

export function isPersonResource(resourceType: string): boolean {
  return PERSON_RESOURCES.has(resourceType);
}

/**
 * The PHI kind a FHIR search parameter of a person resource searches by (`name:contains` → a name), or
 * undefined for any other parameter (`_id`, `_count`, `general-practitioner`, `organization`). A `:missing`
 * modifier searches by presence (`true`/`false`), not by a value.
 */
export function personSearchParameterKind(parameter: string): string | undefined {
  const match = PARAMETER_WITH_MODIFIER.exec(parameter);
  if (!match || (match[2] !== undefined && !VALUE_MODIFIERS.has(match[2]))) return undefined;
  return PERSON_SEARCH_PARAMETER_KINDS.get(match[1]);
}

/** A parameter only FHIR would write: with a modifier, a patient chain, or a FHIR spelling (`birthdate`, `given`). */
export function isFhirSpeltParameter(parameter: string): boolean {
  return parameter.includes(':') || parameter.includes('.') || FHIR_SPELT_PARAMETERS.has(parameter);
}

/**
 * The PHI kind a chained search parameter reaches through a patient reference, on any resource
 * (`Encounter?subject:Patient.name=…`, `Consent?patient:Patient.name:contains=…`).
 */
export function chainedPatientSearchParameterKind(parameter: string): string | undefined {
  if (isPatientIdentifierModifier(parameter)) return 'mrn';
  const match = CHAINED_PATIENT_PARAMETER.exec(parameter);
  return match ? PERSON_SEARCH_PARAMETER_KINDS.get(match[1]) : undefined;
}

/** `patient:identifier`, `subject:identifier`: FHIR's `:identifier` modifier of a reference parameter. */
const PATIENT_IDENTIFIER_MODIFIER = /^(?:patient|subject|beneficiary|individual):identifier$/;

/**
 * A reference search by the `:identifier` modifier (`Task?patient:identifier=…`): the value is the referenced
 * patient's business identifier (a record or national health number), never the logical id, whatever it is called.
 */
export function isPatientIdentifierModifier(parameter: string): boolean {
  return PATIENT_IDENTIFIER_MODIFIER.test(parameter);
}
