import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { fieldEncryption } from 'mongoose-field-encryption';

const patientSchema = new Schema(
  {
    mrn: { type: String, required: true, unique: true, index: true },
    fhirId: { type: String, index: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true, index: true },
    dateOfBirth: { type: String, required: true }, // safe: encrypted by the plugin below
    email: String,
    phone: String,
    ssn: String, // expect: no-unencrypted-phi-column
    diagnosis: String, // safe: encrypted by the plugin below
    allergies: [String], // safe: encrypted by the plugin below
    hasAllergy: { type: Boolean, default: false }, // safe: a flag
    clinicalNotes: String, // safe: encrypted by the plugin below
  },
  { timestamps: true },
);

// Clinical fields are encrypted at rest (AES-256, key from the KMS-backed env var).
// `ssn` was added to the schema in v1.3 but nobody added it to this list.
patientSchema.plugin(fieldEncryption, {
  fields: ['dateOfBirth', 'diagnosis', 'allergies', 'clinicalNotes'],
  secret: process.env.FIELD_ENCRYPTION_KEY ?? '',
});

export type PatientDoc = InferSchemaType<typeof patientSchema>;
export const PatientModel = mongoose.model('Patient', patientSchema);
