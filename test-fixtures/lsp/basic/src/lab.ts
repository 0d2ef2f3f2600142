import axios from 'axios';

export async function fetchResults(orderId: string): Promise<unknown> {
  const { data } = await axios.get(`http://api.example-lab.com/orders/${orderId}`);
  return data;
}

export function logPatient(patient: { ssn: string; name: string }): void {
  if (patient.name) {
    console.log('patient', patient.ssn);
  }
}
