import { useEffect, useState } from 'react';
import type { LabResult, Patient, VitalSample } from '../shared/types';
import { identifyPatient, trackLabResultViewed, trackPageView } from './analytics';

interface Props {
  patient: Patient;
  results: LabResult[];
}

export function PatientDashboard({ patient, results }: Props) {
  const [isPatientSelected, setPatientSelected] = useState(true);
  const [vitals, setVitals] = useState<VitalSample[]>([]);

  useEffect(() => {
    trackPageView('dashboard');
    identifyPatient(patient);
    // Keep the chart so a refresh does not refetch it.
    localStorage.setItem('currentPatient', JSON.stringify(patient)); // expect: no-phi-in-browser-storage
    sessionStorage.setItem('patientDob', patient.dateOfBirth); // expect: no-phi-in-browser-storage
    document.cookie = `portalEmail=${patient.email}; path=/; max-age=2592000`; // expect: no-phi-in-browser-storage
    localStorage.setItem('isPatientSelected', String(isPatientSelected)); // safe: a boolean
    localStorage.setItem('lastPatientId', patient.id); // safe: opaque id
  }, [patient, isPatientSelected]);

  // Live vitals from the bedside monitor gateway.
  useEffect(() => {
    const socket = new WebSocket('ws://vitals.riverbendclinic.example/stream'); // expect: no-cleartext-transport
    socket.onmessage = (event) => setVitals((prev) => [...prev.slice(-59), JSON.parse(event.data) as VitalSample]);
    return () => socket.close();
  }, []);

  const latest = vitals[vitals.length - 1];
  return (
    <section className="dashboard">
      <header>
        <h1>
          {patient.firstName} {patient.lastName}
        </h1>
        <button onClick={() => setPatientSelected(false)}>Switch patient</button>
      </header>
      {latest && (
        <p className="vitals">
          {latest.kind}: {latest.value}
        </p>
      )}
      <table>
        <tbody>
          {results.map((result) => (
            <tr key={result.id} onClick={() => trackLabResultViewed(patient.diagnosis ?? 'unknown')}>
              <td>{result.testName}</td>
              <td>
                {result.value} {result.unit}
              </td>
              <td>{result.flag}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
