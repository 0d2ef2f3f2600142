// Shapes shared by the API and the portal.

export interface Address {
  line1: string;
  city: string;
  state: string;
  zip: string;
}

export interface Patient {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ssn: string;
  email: string;
  phone: string;
  address: Address;
  diagnosis?: string;
  allergies: string[];
}

export interface LabResult {
  id: string;
  patientId: string;
  /** The partner lab's name for our medical record number. */
  chartNo: string;
  testCode: string;
  testName: string;
  value: number;
  unit: string;
  flag: 'H' | 'L' | 'N' | 'HH' | 'LL';
  collectedAt: string;
}

export interface VitalSample {
  kind: 'heart-rate' | 'spo2' | 'bp-systolic' | 'bp-diastolic';
  value: number;
  at: string;
}

export const DOB_FORMAT = 'YYYY-MM-DD'; // safe: a format, not a date
export const SSN_PATTERN = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/; // safe: a pattern, not an SSN
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10'; // safe: code-system identifier, never fetched
