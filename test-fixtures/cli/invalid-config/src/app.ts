export function show(patient: { ssn: string }): void {
  console.log(patient.ssn);
}
