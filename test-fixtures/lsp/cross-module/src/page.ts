import { saveToStorage } from './lib/store';

declare const patient: { id: string; dateOfBirth: string };

saveToStorage('last-patient', patient.id);
saveToStorage('patient-dob', patient.dateOfBirth);
