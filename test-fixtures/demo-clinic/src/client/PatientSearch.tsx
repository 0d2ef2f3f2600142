import { useState } from 'react';
import type { Patient } from '../shared/types';

// Front-desk lookup when a patient calls without their MRN.
export function PatientSearch({ onSelect }: { onSelect: (patient: Patient) => void }) {
  const [ssn, setSsn] = useState('');
  const [matches, setMatches] = useState<Patient[]>([]);
  const [loading, setLoading] = useState(false);

  async function search() {
    setLoading(true);
    try {
      const res = await fetch(`/api/patients/search?ssn=${encodeURIComponent(ssn)}`); // expect: no-phi-in-url
      setMatches((await res.json()) as Patient[]);
    } finally {
      setLoading(false);
    }
  }

  async function searchByName(lastName: string) {
    const res = await fetch('/api/patients/search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lastName }), // safe: in the body, not the URL
    });
    setMatches((await res.json()) as Patient[]);
  }

  const patientCount = matches.length;
  return (
    <div className="search">
      <input value={ssn} onChange={(e) => setSsn(e.target.value)} placeholder="SSN" autoComplete="off" />
      <button onClick={search} disabled={loading}>
        Search
      </button>
      <button onClick={() => searchByName(window.prompt('Last name') ?? '')}>By last name</button>
      <p>{patientCount} matches</p>
      <ul>
        {matches.map((p) => (
          <li key={p.id} onClick={() => onSelect(p)}>
            {p.lastName}, {p.firstName}
          </li>
        ))}
      </ul>
    </div>
  );
}
