// The PHI is only visible from here: audit.ts logs a whole Row.
export interface Row {
  id: string;
  ssn: string;
}
