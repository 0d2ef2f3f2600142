import { MedplumClient } from '@medplum/core';
import type { Condition, Patient } from '@medplum/fhirtypes';
import { logger } from '../lib/logger';
import { ICD10_SYSTEM } from '../shared/types';

export const medplum = new MedplumClient({
  baseUrl: process.env.FHIR_BASE_URL ?? 'https://fhir.riverbendclinic.example/', // safe: https
  clientId: process.env.MEDPLUM_CLIENT_ID,
});

export async function loadPatient(id: string): Promise<Patient> {
  const patient = await medplum.readResource('Patient', id);
  logger.info('fetched FHIR resource', { id: patient.id, resourceType: patient.resourceType }); // safe: logical id and type name
  return patient;
}

/** ICD-10 codes of the patient's active problems. */
export async function activeDiagnosisCodes(patientId: string): Promise<string[]> {
  const conditions: Condition[] = await medplum.searchResources('Condition', {
    subject: `Patient/${patientId}`,
    'clinical-status': 'active',
  });
  return conditions
    .map((condition) => condition.code?.coding?.find((coding) => coding.system === ICD10_SYSTEM)?.code) // safe: compares against a code-system URL
    .filter((code): code is string => Boolean(code));
}

export async function syncPatient(id: string): Promise<void> {
  const patient = await loadPatient(id);
  const birthDate = patient.birthDate;
  logger.info(`Synced patient ${patient.id}, born ${birthDate}`); // expect: no-phi-in-logs
}

export function displayName(patient: Patient): string {
  const name = patient.name?.[0];
  return [name?.given?.join(' '), name?.family].filter(Boolean).join(' ');
}

// Background tasks a job runner starts by name.
export const backgroundTasks: Record<string, (id: string) => Promise<void>> = { syncPatient };
