// A small workspace with one leak per line marked `expect:` (see server/test/cli/cli.e2e.test.ts).
interface Patient {
  name: string;
  ssn: string;
  birthDate: string;
}

export function logPatient(patient: Patient): void {
  console.log(patient.ssn); // expect: no-phi-in-logs
}

export async function fetchResults(): Promise<Response> {
  return fetch('http://api.partner-lab.com/results'); // expect: no-cleartext-transport
}

export function auditBirthday(patient: Patient): void {
  // phi-guard-disable-next-line no-phi-in-logs -- synthetic fixture data, kept to test suppression counts
  console.log(patient.birthDate);
}
