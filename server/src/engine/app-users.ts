// Who signs in to an app, read from its package manifest when no `.phi-guard.json` says (`appUsers`).
//
// A patient app or portal says so in its package name or description ("@clinic/patient-app", "Patient Portal",
// "a personal health record for patients"); there the signed-in account is a patient and its contact data is
// PHI. Everything else keeps the default reading (staff): a package about patients ("patient-chart",
// "patient registration microfrontend") is a tool the workforce uses, so only words that say the *users* are
// patients count.
import * as path from 'node:path';
import { PACKAGE_MANIFEST_NAME } from '../shared/file-kinds';
import { splitWords } from '../vocabulary/classify';
import { readSmallTextFile } from './read';

/** Manifests larger than this are not package descriptions worth reading. */
const MAX_MANIFEST_BYTES = 256 * 1024;

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
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object') return undefined;
  const { name, description, productName, displayName } = manifest as Record<string, unknown>;
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

/**
 * Finds, per folder, the nearest package manifest from a file's folder up to (and including) a base folder and
 * what it says about the app's users. Cached per folder; `clear()` forgets (a manifest changed).
 */
export class AppUsersFinder {
  private readonly byFolder = new Map<string, string | undefined>();

  /** Evidence that the app the file belongs to is used by patients, e.g. `package.json: package name "…"`. */
  evidenceFor(absPath: string, baseDir: string): string | undefined {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (folder !== base && !folder.startsWith(base + path.sep)) return undefined;
    return this.forFolder(folder, base);
  }

  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string, base: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const manifest = path.join(folder, PACKAGE_MANIFEST_NAME);
    const text = readSmallTextFile(manifest, MAX_MANIFEST_BYTES);
    let evidence: string | undefined;
    // The nearest manifest decides: a staff package inside a patient-app monorepo is the staff's.
    if (text !== undefined) {
      const found = patientAppEvidence(text);
      evidence = found ? `${path.relative(base, manifest).split(path.sep).join('/') || PACKAGE_MANIFEST_NAME}: ${found}` : undefined;
    } else if (folder !== base && path.dirname(folder) !== folder) {
      evidence = this.forFolder(path.dirname(folder), base);
    }
    this.byFolder.set(folder, evidence);
    return evidence;
  }
}
