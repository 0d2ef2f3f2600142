// Who signs in to an app, read from its package manifest when no `.phi-guard.json` says (`appUsers`).
//
// A patient app or portal says so in its package name or description ("@clinic/patient-app", "Patient Portal",
// "a personal health record for patients"); there the signed-in account is a patient and its contact data is
// PHI. Everything else keeps the default reading (staff): a package about patients ("patient-chart",
// "patient registration microfrontend") is a tool the workforce uses, so only words that say the *users* are
// patients count.
import { splitWords } from '../vocabulary/classify';
import { NearestManifestFinder, parsePackageManifest } from './package-manifests';

const PATIENT_WORDS = new Set(['patient', 'patients', 'member', 'members']);
const FACING_WORDS = new Set(['app', 'portal', 'mobile', 'phr']);
const WORKFORCE_WORDS = new Set(['staff', 'clinician', 'clinicians', 'provider', 'providers', 'admin', 'practitioner', 'practitioners', 'doctor', 'doctors', 'nurse', 'nurses', 'ehr', 'emr']);
const DESCRIPTION_PATTERNS: readonly RegExp[] = [
  /\bpatients?['’]?[- ]?(?:facing|portal|app|mobile app|self[- ]service)\b/i,
  /\bportal for patients\b/i,
  /\bapp for patients\b/i,
  /\bpersonal health records?\b/i,
];

/**
 * What in a package manifest's text says its app's users are patients ("name: @x/patient-app"), or undefined.
 * Malformed or unrelated manifests say nothing.
 */
export function patientAppEvidence(manifestText: string): string | undefined {
  const manifest = parsePackageManifest(manifestText);
  if (!manifest) return undefined;
  const { name, description, productName, displayName } = manifest;
  for (const [field, value] of [['name', name], ['productName', productName], ['displayName', displayName]] as const) {
    if (typeof value === 'string' && nameSaysPatientApp(value)) return `package ${field} "${value}"`;
  }
  if (typeof description === 'string' && descriptionSaysPatientApp(description)) return 'package description';
  return undefined;
}

function nameSaysPatientApp(name: string): boolean {
  const words = splitWords(name.replace(/^@[^/]+\//, ''));
  if (words.some((word) => WORKFORCE_WORDS.has(word))) return false;
  // "patient-app", "patientPortal", "portal-patient", "member-portal": the patient word next to the facing word.
  return words.some((word, i) => PATIENT_WORDS.has(word) && (FACING_WORDS.has(words[i + 1] ?? '') || FACING_WORDS.has(words[i - 1] ?? '')));
}

function descriptionSaysPatientApp(description: string): boolean {
  const words = description.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.some((word) => WORKFORCE_WORDS.has(word))) return false;
  return DESCRIPTION_PATTERNS.some((pattern) => pattern.test(description));
}

/** The nearest package manifest's word on whether the app's users are patients. */
export class AppUsersFinder extends NearestManifestFinder {
  constructor() {
    super(patientAppEvidence);
  }
}
