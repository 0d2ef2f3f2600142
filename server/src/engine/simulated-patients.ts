// Applications whose every patient is fictional by design: a teaching or training simulation of an EHR, where
// students chart made-up case studies. Such an application holds no PHI (RUBRIC: simulated patients), so its code
// gets the `simulation` role, hidden by default like tests. The signal is the repository's own word for itself:
// the package manifest at the scanned root (or at the config's folder) describing an educational, training or
// simulated health record system. Only that root manifest counts, so one teaching package inside a product does
// not hide the product, and a config's `roles` globs override it (`{ "production": ["**"] }`).
import * as path from 'node:path';
import { PACKAGE_MANIFEST_NAME } from '../shared/file-kinds';
import { MAX_MANIFEST_BYTES, parsePackageManifest } from './package-manifests';
import { readSmallTextFile } from './read';

/** A record system named in the description: the thing being simulated. */
const RECORD_SYSTEM = /\b(ehr|emr|electronic (health|medical|patient) records?|(health|medical|patient) records? systems?)\b/i;

/** What says the record system is for learning: "an educational tool", "a simulated EHR", "an EHR for nursing students". */
const SIMULATION_PHRASES: readonly RegExp[] = [
  /\b(educational|teaching|training|learning|practice)[- ](tool|platform|environment|simulation|simulator|sandbox|ehr|emr|electronic (health|medical) records?)\b/i,
  /\bsimulat(ed|es|ing|ion|ions|or)\b[^.]{0,60}\b(ehr|emr|electronic (health|medical|patient) records?|patients?|case stud(y|ies))\b/i,
  /\b(ehr|emr|electronic (health|medical) records?)( systems?)? for (medical |nursing |health(care)? )?(students|education|teaching|training)\b/i,
  /\bfictional (patients?|case stud(y|ies))\b/i,
];

/** Real care for real patients, even where learning happens: a teaching hospital's EHR is a product. */
const REAL_CARE = /\bteaching hospitals?\b|\bteaching clinics?\b|\bacademic medical cent(er|re)s?\b/i;

/**
 * What in a package manifest's text says its application's patients are all simulated ("package description"),
 * or undefined. Both a learning phrase and a record system must be named.
 */
export function simulatedPatientsEvidence(manifestText: string): string | undefined {
  const manifest = parsePackageManifest(manifestText);
  if (!manifest) return undefined;
  const { description, keywords } = manifest;
  const words = Array.isArray(keywords) ? keywords.filter((keyword): keyword is string => typeof keyword === 'string').join(', ') : '';
  const text = `${typeof description === 'string' ? description : ''}\n${words}`;
  if (REAL_CARE.test(text) || !RECORD_SYSTEM.test(text)) return undefined;
  return SIMULATION_PHRASES.some((pattern) => pattern.test(text)) ? 'package description of a simulated (teaching) record system' : undefined;
}

/** The root manifest's evidence per base folder, read once per scan. */
export class SimulatedPatientsFinder {
  private readonly byBase = new Map<string, string | undefined>();

  evidenceFor(baseDir: string): string | undefined {
    const base = path.resolve(baseDir);
    if (this.byBase.has(base)) return this.byBase.get(base);
    const manifest = path.join(base, PACKAGE_MANIFEST_NAME);
    const text = readSmallTextFile(manifest, MAX_MANIFEST_BYTES);
    const found = text === undefined ? undefined : simulatedPatientsEvidence(text);
    const evidence = found ? `${PACKAGE_MANIFEST_NAME}: ${found}` : undefined;
    this.byBase.set(base, evidence);
    return evidence;
  }

  clear(): void {
    this.byBase.clear();
  }
}
