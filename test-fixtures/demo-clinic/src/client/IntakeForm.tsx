import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useRouter } from 'next/router';
import { DOB_FORMAT, SSN_PATTERN } from '../shared/types';
import { trackIntakeCompleted } from './analytics';

interface IntakeValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ssn: string;
  email: string;
  phone: string;
  allergies: string;
}

const EMPTY: IntakeValues = { firstName: '', lastName: '', dateOfBirth: '', ssn: '', email: '', phone: '', allergies: '' };

export function IntakeForm() {
  const router = useRouter();
  const [values, setValues] = useState<IntakeValues>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const hasAllergy = values.allergies.trim().length > 0; // safe: a boolean

  const field = (name: keyof IntakeValues) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value }),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!SSN_PATTERN.test(values.ssn)) {
      setError('Please enter your SSN as ###-##-####.');
      return;
    }
    const res = await fetch('/api/patients', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(values), // safe: request body to our own API, same origin
    });
    if (!res.ok) {
      setError('Something went wrong. Please call the front desk.');
      return;
    }
    trackIntakeCompleted(hasAllergy, 3); // safe: a boolean and a count
    router.push(`/intake/confirm?name=${values.firstName}&dob=${values.dateOfBirth}`); // expect: no-phi-in-url
  }

  return (
    <form onSubmit={onSubmit} className="intake">
      <h1>New patient intake</h1>
      <label>
        First name <input {...field('firstName')} autoComplete="given-name" required />
      </label>
      <label>
        Last name <input {...field('lastName')} autoComplete="family-name" required />
      </label>
      <label>
        Date of birth <input {...field('dateOfBirth')} placeholder={DOB_FORMAT} required />
      </label>
      <label>
        Social Security number <input {...field('ssn')} inputMode="numeric" autoComplete="off" />
      </label>
      <label>
        Email <input {...field('email')} type="email" />
      </label>
      <label>
        Allergies <textarea name="allergies" value={values.allergies} onChange={(e) => setValues({ ...values, allergies: e.target.value })} />
      </label>
      {error && (
        <p role="alert">
          <svg
            xmlns="http://www.w3.org/2000/svg" // safe: an XML namespace, never fetched
            width="16"
            height="16"
            viewBox="0 0 16 16"
            aria-hidden="true"
          >
            <circle cx="8" cy="8" r="7" fill="currentColor" />
          </svg>
          {error}
        </p>
      )}
      <button type="submit">Continue</button>
    </form>
  );
}
