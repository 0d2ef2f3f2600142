import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PatientModel } from '../../db/patientModel';
import { logger } from '../../lib/logger';

const PSEUDONYM_KEY = process.env.PSEUDONYM_KEY ?? '';

/** Keyed hash: the same patient gets the same pseudonym, and it cannot be reversed by brute force. */
export function pseudonymFor(ssn: string): string {
  return crypto.createHmac('sha256', PSEUDONYM_KEY).update(ssn).digest('hex'); // safe: keyed HMAC-SHA-256
}

/** Cache key for the export settings; not about any patient. */
function settingsFingerprint(settings: Record<string, unknown>): string {
  return crypto.createHash('md5').update(JSON.stringify(settings)).digest('hex'); // safe: md5 of settings, no PHI
}

// Nightly extract for the billing partner; the SFTP job picks the file up at 02:00.
export async function exportPatients(outDir: string): Promise<number> {
  const patients = await PatientModel.find().lean();
  const header = 'mrn,first_name,last_name,date_of_birth,ssn_hash';
  const rows = patients.map((p) => {
    const ssnHash = crypto.createHash('md5').update(p.ssn ?? '').digest('hex'); // expect: no-weak-phi-hash
    return [p.mrn, p.firstName, p.lastName, p.dateOfBirth, ssnHash].join(',');
  });
  const csvOfPatients = [header, ...rows].join('\n');
  fs.writeFileSync(path.join(outDir, 'export.csv'), csvOfPatients); // expect: no-unencrypted-phi-file
  const settingsKey = settingsFingerprint({ outDir, columns: header });
  fs.writeFileSync(path.join(outDir, 'export.meta.json'), JSON.stringify({ rows: rows.length, settingsKey })); // safe: counts and a settings hash
  logger.info('nightly export written', { rows: rows.length }); // safe: a count
  return rows.length;
}

if (require.main === module) {
  exportPatients(process.argv[2] ?? 'exports').catch((err: unknown) => {
    logger.error('nightly export failed', { name: err instanceof Error ? err.name : 'unknown' });
    process.exitCode = 1;
  });
}
