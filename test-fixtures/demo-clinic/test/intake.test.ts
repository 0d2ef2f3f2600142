// A unit test with a made-up patient. Tests are not reported by default: their people are made up and
// their servers stubbed (`phi-guard scan --include-tests` shows what they would report).
import { describe, expect, it } from 'vitest';
import type { Patient } from '../src/shared/types';

describe('intake', () => {
  it('keeps the patient record it was given', () => {
    const patient = { name: 'Test Patient', mrn: 'MRN-000123', dateOfBirth: '1990-01-01' } as Patient;
    console.log('intake fixture', patient.dateOfBirth); // safe: a test's made-up patient (hidden by role; --include-tests shows it)
    expect(patient.mrn).toBe('MRN-000123');
  });

  it('posts to the stubbed lab server', async () => {
    const response = await fetch('http://lab.stub.internal/results'); // safe: a stubbed server in a test (hidden by role)
    expect(response).toBeDefined();
  });
});
