// The PHI vocabulary: every kind of data PHI Guard tracks, what HIPAA calls it, how sensitive it is,
// and the names that code uses for it. Data, not logic: the engine's name classifier compiles it.
//
// Patterns are written in camelCase and split into words exactly like code names are, so
// `dateOfBirth` matches `date_of_birth`, `DATE-OF-BIRTH` and `patientDateOfBirth`.
// `strong` patterns are PHI wherever they appear; `contextual` ones (`name`, `address`, `notes`…) only
// when a person context is present too (`patientName`, `patient.name`, `guarantor.address`), because on
// their own they mostly name files, servers and settings.

export type PhiCategory = 'identifier' | 'clinical' | 'record';
export type Sensitivity = 'high' | 'medium';

export interface PhiKindDefinition {
  id: string;
  /** What users read in messages: "date of birth", "SSN". */
  label: string;
  category: PhiCategory;
  /** HIPAA Safe Harbor identifier number (45 CFR 164.514(b)(2)(i)(A)–(R)), for identifiers. */
  safeHarbor?: number;
  sensitivity: Sensitivity;
  strong: string[];
  contextual?: string[];
  description: string;
  /** Where the identifier is issued, for identifiers of one country: "United Kingdom", "India". */
  jurisdiction?: string;
}

export const SAFE_HARBOR_IDENTIFIERS: Record<number, string> = {
  1: 'Names',
  2: 'Geographic subdivisions smaller than a state',
  3: 'All elements of dates (except year) related to an individual',
  4: 'Telephone numbers',
  5: 'Fax numbers',
  6: 'Email addresses',
  7: 'Social Security numbers',
  8: 'Medical record numbers',
  9: 'Health plan beneficiary numbers',
  10: 'Account numbers',
  11: 'Certificate/license numbers',
  12: 'Vehicle identifiers and serial numbers, including license plates',
  13: 'Device identifiers and serial numbers',
  14: 'Web URLs',
  15: 'IP addresses',
  16: 'Biometric identifiers, including finger and voice prints',
  17: 'Full-face photographs and comparable images',
  18: 'Any other unique identifying number, characteristic, or code',
};

export const PHI_KINDS: readonly PhiKindDefinition[] = [
  // ── HIPAA Safe Harbor identifiers ───────────────────────────────────────────────────────────
  {
    id: 'name',
    label: "person's name",
    category: 'identifier',
    safeHarbor: 1,
    sensitivity: 'high',
    strong: ['firstName', 'lastName', 'fullName', 'givenName', 'familyName', 'middleName', 'surname', 'maidenName', 'legalName', 'forename', 'forenames', 'firstname', 'lastname', 'fullname', 'givenNames', 'patientName', 'memberName', 'subscriberName', 'humanName',
      // Spanish, Portuguese and French health apps: surnames (apellido, sobrenome), first names (prénom), full names
      'apellido', 'apellidos', 'primerApellido', 'segundoApellido', 'apellidoPaterno', 'apellidoMaterno', 'nombreCompleto',
      'sobrenome', 'nomeCompleto', 'prenom', 'prenoms', 'nomDeFamille', 'nomComplet', 'nomUsage'],
    contextual: ['name', 'names', 'preferredName', 'displayName', 'nickname', 'nombre', 'nombres', 'nome'],
    description: "A person's name. Names are the first of HIPAA's 18 Safe Harbor identifiers.",
  },
  {
    id: 'address',
    label: 'street address',
    category: 'identifier',
    safeHarbor: 2,
    sensitivity: 'high',
    strong: ['streetAddress', 'homeAddress', 'mailingAddress', 'residentialAddress', 'addressLine', 'addressLine1', 'addressLine2', 'address1', 'address2', 'street', 'streetName', 'patientAddress',
      // Spanish, Portuguese: the street address (dirección, endereço, logradouro)
      'direccion', 'endereco', 'logradouro'],
    contextual: ['address', 'addresses', 'line', 'city', 'county', 'district'],
    description: 'Street address, city, county or other geographic subdivision smaller than a state.',
  },
  {
    id: 'zip-code',
    label: 'ZIP code',
    category: 'identifier',
    safeHarbor: 2,
    sensitivity: 'medium',
    strong: ['zip', 'zipCode', 'zipcode', 'postalCode', 'postcode', 'zip5', 'zip4',
      // Brazil's CEP, the Spanish, Portuguese and French postal code. (India's `pincode` is left out: a PIN lookup
      // service names no one, and `pinCode` is as often a sign-in PIN.)
      'cep', 'codigoPostal', 'codePostal'],
    description: 'ZIP code. Only the first three digits of a ZIP code covering more than 20,000 people may remain in de-identified data.',
  },
  {
    id: 'date-of-birth',
    label: 'date of birth',
    category: 'identifier',
    safeHarbor: 3,
    sensitivity: 'high',
    strong: ['dob', 'dateOfBirth', 'birthDate', 'birthdate', 'birthday', 'birthDay', 'dateBirth', 'bday',
      // Spanish, Portuguese, French, German
      'fechaNacimiento', 'fechaDeNacimiento', 'dataNascimento', 'dataDeNascimento', 'dateNaissance', 'dateDeNaissance', 'geburtsdatum'],
    description: 'Date of birth: every element of a date (except the year) related to an individual is an identifier.',
  },
  {
    id: 'death-date',
    label: 'date of death',
    category: 'identifier',
    safeHarbor: 3,
    sensitivity: 'high',
    strong: ['deathDate', 'dateOfDeath', 'deceasedDate', 'deceasedDateTime', 'dod'],
    description: 'Date of death.',
  },
  {
    id: 'care-date',
    label: 'admission/discharge/visit date',
    category: 'identifier',
    safeHarbor: 3,
    sensitivity: 'medium',
    strong: ['admissionDate', 'admitDate', 'admittedAt', 'admitted', 'dischargeDate', 'dischargedAt', 'visitDate', 'serviceDate', 'dateOfService', 'encounterDate', 'appointmentDate', 'appointmentTime', 'surgeryDate', 'procedureDate'],
    description: 'Dates of admission, discharge, service or visits related to an individual.',
  },
  {
    id: 'age',
    label: 'age',
    category: 'identifier',
    safeHarbor: 3,
    sensitivity: 'medium',
    strong: ['patientAge', 'ageInYears'],
    contextual: ['age'],
    description: 'Age. Ages over 89 must be aggregated into a single category of 90 or older.',
  },
  {
    id: 'phone',
    label: 'phone number',
    category: 'identifier',
    safeHarbor: 4,
    sensitivity: 'high',
    strong: ['phone', 'phoneNumber', 'phoneNo', 'phoneNum', 'telephone', 'telephoneNumber', 'mobileNumber', 'mobilePhone', 'cellPhone', 'cellNumber', 'homePhone', 'workPhone', 'msisdn',
      // Spanish, Portuguese, Italian
      'telefono', 'telefone', 'celular', 'numeroCelular', 'numeroTelefono'],
    contextual: ['mobile', 'cell', 'tel', 'telecom'],
    description: 'Telephone number.',
  },
  {
    id: 'fax',
    label: 'fax number',
    category: 'identifier',
    safeHarbor: 5,
    sensitivity: 'high',
    // In health software a bare fax number is a clinic's, lab's or payer's (referrals, orders, records
    // requests); it is a patient's only where a person is named with it (`patientFax`, `guarantor.fax`).
    strong: [],
    contextual: ['fax', 'faxNumber', 'faxNo', 'faxNumbers'],
    description: 'Fax number.',
  },
  {
    id: 'email',
    label: 'email address',
    category: 'identifier',
    safeHarbor: 6,
    sensitivity: 'high',
    strong: ['email', 'emailAddress', 'eMail', 'emailAddr',
      // Spanish, French
      'correoElectronico', 'courriel'],
    description: 'Email address.',
  },
  {
    id: 'ssn',
    label: 'SSN',
    category: 'identifier',
    safeHarbor: 7,
    sensitivity: 'high',
    strong: ['ssn', 'socialSecurityNumber', 'socialSecurityNo', 'socialSecurity', 'socSecNo', 'ssNumber', 'nationalInsuranceNumber', 'taxpayerId'],
    description: 'Social Security number.',
  },
  {
    id: 'mrn',
    label: 'medical record number',
    category: 'identifier',
    safeHarbor: 8,
    sensitivity: 'high',
    strong: ['mrn', 'medicalRecordNumber', 'medicalRecordNo', 'medicalRecordId', 'chartNumber', 'chartNo', 'patientNumber', 'patientNo', 'ehrId', 'emrId', 'mpi', 'empi', 'patientIdentifier', 'patientIdentifiers', 'uhid', 'hospitalNumber', 'hospitalNo',
      // the OpenMRS ID, OpenMRS's default patient identifier (with a Luhn mod-30 check character)
      'openMrsId', 'openmrsId',
      // the PTracker ID: the patient number of Namibia's PMTCT (mother-and-infant HIV) tracker, held by mother and infant
      'pTrackerId', 'ptrackerId', 'pTrackerIdentifier', 'ptrackerIdentifier',
      // the CCC number: Kenya's HIV care patient number (Comprehensive Care Centre), on every HIV client's record
      'cccNumber', 'cccNo'],
    // A person's `identifier(s)` (FHIR `Patient.identifier`, OpenMRS `patient.identifiers[].identifier`, Bahmni
    // `patient.identifier`) are the business identifiers the record is known by (MRN, national id), not the
    // opaque key (`id`, `uuid`).
    contextual: ['recordNumber', 'registrationNumber', 'registrationNo', 'identifier', 'identifiers'],
    description: 'Medical record number.',
  },
  {
    id: 'health-plan-id',
    label: 'health plan member number',
    category: 'identifier',
    safeHarbor: 9,
    sensitivity: 'high',
    strong: ['memberId', 'memberNumber', 'memberNo', 'subscriberId', 'subscriberNumber', 'beneficiaryId', 'beneficiaryNumber', 'insuranceId', 'insuranceNumber', 'policyNumber', 'policyNo', 'policyId', 'medicareId', 'medicareNumber', 'medicaidId', 'medicaidNumber', 'mbi', 'hicn', 'healthPlanId', 'planMemberId',
      // the `No` abbreviation beside `policyNo`, `memberNo`; Nepal's national health insurance (NSHI) member number
      'medicareNo', 'medicaidNo', 'nshiNumber', 'nshiNo',
      // openIMIS (social health insurance in Tanzania, Nepal, Cameroon…): the insuree's insurance number, its `CHFID`
      'chfId',
      // national health insurance numbers: Germany's KVNR (Krankenversichertennummer), France's carte Vitale, Spain's and
      // Italy's health cards (tarjeta/tessera sanitaria), Ghana's and Nigeria's NHIS, the Philippines' PhilHealth, Indonesia's BPJS
      'kvnr', 'krankenversichertennummer', 'versichertennummer', 'carteVitale', 'numeroCarteVitale', 'tarjetaSanitaria', 'tesseraSanitaria',
      'numeroAfiliacion', 'numeroSeguridadSocial', 'nhisNumber', 'nhisNo', 'nhisId', 'philhealthNumber', 'philhealthId', 'philhealthNo', 'bpjsNumber', 'noBpjs'],
    // A plan's group number is the employer's or the group's, shared by everyone in it: a patient's only on their coverage.
    contextual: ['groupNumber'],
    description: 'Health plan beneficiary or member number (insurance member ID, Medicare MBI).',
  },
  {
    id: 'account-number',
    label: 'account number',
    category: 'identifier',
    safeHarbor: 10,
    sensitivity: 'high',
    strong: ['accountNumber', 'accountNo', 'bankAccount', 'bankAccountNumber', 'iban', 'cardNumber', 'creditCard', 'creditCardNumber', 'billingAccount'],
    description: 'Account number (billing, bank or card).',
  },
  {
    id: 'license-number',
    label: 'licence/certificate number',
    category: 'identifier',
    safeHarbor: 11,
    sensitivity: 'high',
    strong: ['driversLicense', 'driverLicense', 'driversLicenseNumber', 'licenseNumber', 'licenceNumber', 'passportNumber', 'passport', 'passportNo', 'drivingLicense', 'drivingLicence', 'driversLicence', 'birthCertificate', 'birthCertificateNumber', 'certificateNumber',
      // a state-issued ID card's number; `stateId` alone is the key of a state in a region list (`getDistricts(stateId)`) or an OAuth flow's `state`
      'stateIdNumber', 'stateIdCard', 'stateIdCardNumber', 'stateIdentificationNumber'],
    description: 'Certificate or licence number (driver’s licence, passport).',
  },
  // ── Health and national identifiers outside the US (Safe Harbor 18: any other unique number) ──
  {
    id: 'national-id',
    label: 'national identity number',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['nationalId', 'nationalIdNumber', 'nationalIdentityNumber', 'nationalIdentificationNumber', 'idNumber', 'idNo', 'identityNumber', 'identityCardNumber', 'idCardNumber', 'nin', 'nationalRegistryNumber', 'personalNumber', 'personnummer', 'citizenId', 'hudumaNumber', 'huduma', 'birthCertificateNumber', 'alienId', 'refugeeId', 'nupi', 'uniquePatientIdentifier', 'clientRegistryId', 'cuil', 'curp', 'dni', 'nationalCode', 'codeMelli', 'melliCode',
      // Pakistan's CNIC, Italy's codice fiscale, Denmark's CPR, Norway's fødselsnummer, Finland's henkilötunnus, Ireland's PPSN,
      // Belgium's national register number (rijksregisternummer, INSZ/NISS), Israel's teudat zehut, Colombia's cédula
      'cnic', 'cnicNumber', 'codiceFiscale', 'cprNumber', 'cprNr', 'fodselsnummer', 'henkilotunnus', 'ppsn', 'ppsNumber',
      'nationalRegisterNumber', 'rijksregisternummer', 'inszNumber', 'nissNumber', 'teudatZehut', 'cedula', 'numeroCedula', 'cedulaIdentidad',
      // Malawi's National Patient Identifier (NPID), issued by the national demographics service to every patient of its EMRs
      'npid', 'nationalPatientId', 'nationalPatientIdentifier',
      // Spanish and Portuguese health code names the national identity document's number `documento` (Argentina's DNI, Uruguay's
      // and Paraguay's cédula, Portugal's documento de identificação): `numeroDocumento`, `nroDocumento`, `pacienteDocumento`.
      // (The plural `documentos` is as often a person's uploaded files.)
      'documento', 'documentoIdentidad', 'documentoIdentificacao',
      // INE: France's identifiant national étudiant (every student's lifelong national number) and Mexico's INE
      // voter credential (the de facto national identity card); both identify one person nationwide.
      'ine', 'ineNumber', 'numeroIne', 'identifiantNationalEtudiant', 'credencialIne'],
    description: 'A national identity number used to identify a person in health records (Kenya’s ID and NUPI, Argentina’s DNI, Mexico’s CURP and INE credential, France’s INE student number, Iran’s national code, Pakistan’s CNIC, Italy’s codice fiscale, Belgium’s national register number…).',
  },
  {
    id: 'nhs-number',
    label: 'NHS number (UK)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['nhsNumber', 'nhsNo', 'nhsId', 'chiNumber', 'nhsIdentifier'],
    description: 'NHS number (England, Wales, Isle of Man) or CHI number (Scotland): ten digits with a mod-11 check digit.',
    jurisdiction: 'United Kingdom',
  },
  {
    id: 'aadhaar',
    label: 'Aadhaar number (India)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['aadhaar', 'aadhar', 'aadhaarNumber', 'aadharNumber', 'aadhaarNo', 'aadharNo', 'uidai', 'aadhaarId'],
    description: 'Aadhaar number: twelve digits with a Verhoeff check digit.',
    jurisdiction: 'India',
  },
  {
    id: 'abha',
    label: 'ABHA number (India)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['abha', 'abhaNumber', 'abhaNo', 'abhaId', 'abhaAddress', 'healthIdNumber', 'phrAddress', 'ndhmHealthId', 'abdmId'],
    contextual: ['healthId'],
    description: 'Ayushman Bharat Health Account number (14 digits) or ABHA address.',
    jurisdiction: 'India',
  },
  {
    id: 'cpf',
    label: 'CPF (Brazil)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['cpf', 'cpfNumber', 'numeroCpf', 'cadastroPessoaFisica'],
    description: 'Cadastro de Pessoas Físicas: eleven digits with two check digits.',
    jurisdiction: 'Brazil',
  },
  {
    id: 'cns',
    label: 'CNS health card number (Brazil)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['cnsNumber', 'cartaoSus', 'cartaoNacionalSaude', 'numeroCns', 'susCard'],
    description: 'Cartão Nacional de Saúde: fifteen digits with a mod-11 check.',
    jurisdiction: 'Brazil',
  },
  {
    id: 'bsn',
    label: 'BSN (Netherlands)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['bsn', 'burgerservicenummer', 'bsnNumber', 'citizenServiceNumber'],
    description: 'Burgerservicenummer: nine digits passing the 11-proof.',
    jurisdiction: 'Netherlands',
  },
  {
    id: 'ihi',
    label: 'IHI (Australia)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['ihi', 'ihiNumber', 'individualHealthcareIdentifier', 'myHealthRecordId'],
    description: 'Individual Healthcare Identifier: sixteen digits beginning 800360, Luhn check digit.',
    jurisdiction: 'Australia',
  },
  {
    id: 'nhi',
    label: 'NHI number (New Zealand)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['nhi', 'nhiNumber', 'nhiNo', 'nationalHealthIndex', 'nationalHealthIndexNumber'],
    description: 'National Health Index number: three letters and four characters, the last a mod-11 check digit or a mod-23 check letter.',
    jurisdiction: 'New Zealand',
  },
  {
    id: 'nir',
    label: 'social security number (France)',
    category: 'identifier',
    safeHarbor: 18,
    sensitivity: 'high',
    strong: ['nir', 'nirNumber', 'numeroNir', 'numeroSecu', 'numeroSecuriteSociale', 'numSecu', 'numeroInscriptionRepertoire'],
    description: 'NIR (numéro de sécurité sociale, on the carte Vitale): thirteen characters and a two-digit mod-97 key.',
    jurisdiction: 'France',
  },
  {
    id: 'health-card-number',
    label: 'provincial health card number (Canada)',
    category: 'identifier',
    safeHarbor: 9,
    sensitivity: 'high',
    strong: ['healthCardNumber', 'healthCardNo', 'healthCard', 'ohip', 'ohipNumber', 'phn', 'personalHealthNumber', 'ramq', 'ramqNumber', 'healthInsuranceNumber', 'medicareCardNumber'],
    description: 'A provincial health card number (Ontario OHIP, BC PHN, Québec RAMQ…) or an Australian Medicare card number.',
  },
  {
    id: 'vehicle-id',
    label: 'vehicle identifier',
    category: 'identifier',
    safeHarbor: 12,
    sensitivity: 'high',
    strong: ['vin', 'licensePlate', 'licencePlate', 'plateNumber', 'vehicleId'],
    description: 'Vehicle identifiers and serial numbers, including licence plates.',
  },
  {
    id: 'device-id',
    label: 'device identifier',
    category: 'identifier',
    safeHarbor: 13,
    sensitivity: 'medium',
    strong: ['deviceSerial', 'deviceSerialNumber', 'udi', 'imei', 'implantSerial', 'pacemakerSerial'],
    contextual: ['serialNumber'],
    description: 'Device identifiers and serial numbers (an implant’s UDI, a phone’s IMEI).',
  },
  {
    id: 'ip-address',
    label: 'IP address',
    category: 'identifier',
    safeHarbor: 15,
    sensitivity: 'medium',
    strong: ['ipAddress', 'clientIp', 'remoteIp', 'patientIp', 'userIp'],
    description: 'IP address of an individual’s device.',
  },
  {
    id: 'biometric',
    label: 'biometric identifier',
    category: 'identifier',
    safeHarbor: 16,
    sensitivity: 'high',
    strong: ['biometric', 'biometrics', 'biometricData', 'fingerprintImage', 'fingerprintTemplate', 'retinaScan', 'irisScan', 'voiceprint', 'faceTemplate', 'faceEmbedding'],
    description: 'Biometric identifiers, including finger and voice prints.',
  },
  {
    id: 'photo',
    label: 'photograph',
    category: 'identifier',
    safeHarbor: 17,
    sensitivity: 'high',
    strong: ['patientPhoto', 'facePhoto', 'headshot', 'selfie', 'photoId'],
    contextual: ['photo', 'picture', 'avatar', 'portrait'],
    description: 'Full-face photographs and comparable images.',
  },
  // ── Clinical data ───────────────────────────────────────────────────────────────────────────
  {
    id: 'diagnosis',
    label: 'diagnosis',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['diagnosis', 'diagnoses', 'diagnosisCode', 'dx', 'icd10', 'icd10Code', 'icdCode', 'icd', 'problemList', 'chiefComplaint', 'chiefComplaints', 'presentingComplaint', 'presentingComplaints', 'differential', 'prognosis', 'injury', 'injuries', 'injuryDescription',
      // Spanish, Portuguese, Italian
      'diagnostico', 'diagnosticos', 'diagnosi'],
    contextual: ['condition', 'conditions', 'problem', 'problems'],
    description: 'Diagnoses, conditions and problems (ICD-10 codes included).',
  },
  {
    id: 'medication',
    label: 'medication',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['medication', 'medications', 'medicine', 'medicines', 'meds', 'prescription', 'prescriptions', 'medicationName', 'rxNorm', 'dosage', 'medicationRequest', 'medicationStatement',
      // Spanish, Portuguese, French
      'medicamento', 'medicamentos', 'medicament', 'medicaments'],
    contextual: ['rx', 'drug', 'drugs', 'dose'],
    description: 'Medications, prescriptions and doses.',
  },
  {
    id: 'allergy',
    label: 'allergy',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['allergy', 'allergies', 'allergen', 'allergens', 'allergyIntolerance',
      // Spanish, Portuguese, French
      'alergia', 'alergias', 'allergie'],
    description: 'Allergies and intolerances.',
  },
  {
    id: 'lab-result',
    label: 'lab result',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['labResult', 'labResults', 'labValue', 'labReport', 'labTest', 'pathologyReport', 'bloodType', 'hba1c', 'a1c', 'glucose', 'cholesterol', 'biopsy', 'geneticTest', 'geneticResult', 'genome', 'genotype', 'hivStatus', 'hivTest', 'toxicology', 'diagnosticReport',
      // blood and urine ketones (meters, strips)
      'ketone', 'ketones', 'bloodKetone', 'bloodKetones',
      // the two results HIV care is monitored by: the viral load and the CD4 count
      'viralLoad', 'viralLoads', 'cd4', 'cd4Count', 'cd4Counts'],
    contextual: ['testResult', 'testResults', 'result', 'results', 'lab', 'labs',
      // investigations: the tests ordered and their results, in Commonwealth clinical English
      'investigations'],
    description: 'Lab and test results (blood tests, pathology, genetics, HIV status).',
  },
  {
    id: 'vital-signs',
    label: 'vital signs',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['vitals', 'vitalSigns', 'bloodPressure', 'heartRate', 'respiratoryRate', 'oxygenSaturation', 'spo2', 'bmi', 'bodyTemperature', 'systolic', 'diastolic'],
    contextual: ['pulse', 'temperature', 'weight', 'height'],
    description: 'Vital signs and clinical observations (blood pressure, heart rate, weight).',
  },
  {
    id: 'glucose-insulin',
    label: 'glucose and insulin data',
    category: 'clinical',
    sensitivity: 'high',
    // Diabetes devices (CGMs, insulin pumps, closed loops) name their readings in their own words.
    strong: ['bloodGlucose', 'sensorGlucose', 'glucoseReading', 'glucoseReadings', 'glucoseValue', 'glucoseLevel', 'sgv', 'sgvs', 'mbg', 'insulin', 'insulinDose', 'bolus', 'boluses', 'bolusInsulin', 'basalInsulin', 'tempBasal', 'basalRate', 'insulinOnBoard', 'iob', 'carbsOnBoard', 'carbIntake'],
    contextual: ['basal', 'carbs', 'bg'],
    description: 'Glucose readings and insulin delivery from diabetes devices (CGM values, boluses, basal rates, insulin on board).',
  },
  {
    id: 'clinical-note',
    label: 'clinical notes',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['clinicalNote', 'clinicalNotes', 'progressNote', 'progressNotes', 'soapNote', 'chartNote', 'chartNotes', 'visitNote', 'visitNotes', 'dischargeSummary', 'doctorNotes', 'nursingNote', 'therapyNote', 'therapyNotes', 'psychotherapyNotes', 'clinicalSummary', 'hpi', 'transcript', 'sessionNote', 'sessionNotes', 'noteText', 'counselingNotes', 'counsellingNotes',
      // the clinical document types (LOINC's note types): discharge, procedure, operative, consult, admission, nurse notes, H&P
      'dischargeNote', 'dischargeNotes', 'procedureNote', 'procedureNotes', 'operativeNote', 'operativeNotes', 'consultNote', 'consultNotes',
      'consultationNote', 'consultationNotes', 'admissionNote', 'admissionNotes', 'nurseNote', 'nurseNotes', 'nursingNotes', 'historyAndPhysical', 'historyAndPhysicalNote',
      // a patient's case in clinical documentation (case notes are the UK's word for the medical record)
      'caseNote', 'caseNotes', 'caseSummary', 'caseInformation',
      // free-text notes; what an examination found
      'freeTextNote', 'freeTextNotes', 'clinicalFindings', 'examFindings', 'examinationFindings', 'physicalExamFindings'],
    contextual: ['note', 'notes', 'comment', 'comments', 'assessment', 'summary', 'findings'],
    description: 'Clinical notes, summaries and transcripts.',
  },
  {
    id: 'medical-history',
    label: 'medical history',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['medicalHistory', 'familyHistory', 'socialHistory', 'surgicalHistory', 'healthHistory', 'pastMedicalHistory', 'caseHistory', 'perinatalHistory', 'obstetricHistory', 'menstrualHistory',
      // the social history's habits (smoking, alcohol, drugs)
      'socialHabits', 'personalHabits', 'lifestyleHabits'],
    contextual: ['history', 'habits'],
    description: 'Medical, surgical, family and social history.',
  },
  {
    id: 'procedure',
    label: 'procedure',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['procedureCode', 'cptCode', 'surgery', 'surgeries', 'treatment', 'treatments', 'treatmentPlan', 'carePlan', 'therapy'],
    contextual: ['procedure', 'procedures', 'cpt'],
    description: 'Procedures, treatments and care plans.',
  },
  {
    id: 'immunization',
    label: 'immunization',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['immunization', 'immunizations', 'vaccination', 'vaccinations', 'vaccineRecord'],
    contextual: ['vaccine', 'vaccines'],
    description: 'Immunizations and vaccinations.',
  },
  {
    id: 'sensitive-condition',
    label: 'sensitive health condition',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['mentalHealth', 'psychiatric', 'psychiatry', 'substanceUse', 'substanceAbuse', 'pregnancy', 'pregnant', 'hiv', 'abortion', 'suicide', 'suicidal', 'addiction', 'symptom', 'symptoms', 'disability', 'mood', 'moodRating', 'moodScore', 'phq9', 'gad7'],
    description: 'Especially sensitive health information: mental health, substance use, reproductive and sexual health, HIV.',
  },
  {
    id: 'insurance',
    label: 'insurance/coverage',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['insurance', 'insuranceInfo', 'insuranceProvider', 'insurer', 'explanationOfBenefit', 'eob', 'priorAuthorization', 'copay', 'insuranceClaim', 'insuranceClaims'],
    contextual: ['payer', 'plan', 'coverage', 'claim', 'claims'],
    description: 'Insurance, coverage and claims information.',
  },
  {
    id: 'encounter',
    label: 'appointment/encounter',
    category: 'clinical',
    sensitivity: 'medium',
    strong: ['appointment', 'appointments', 'encounter', 'encounters', 'admission', 'referral', 'referrals'],
    contextual: ['visit', 'visits'],
    description: 'Appointments, encounters, admissions and referrals.',
  },
  {
    id: 'observation',
    label: 'clinical observation',
    category: 'clinical',
    sensitivity: 'high',
    strong: ['observation', 'observations'],
    description: 'Clinical observations (FHIR Observation: vitals, lab values, assessments).',
  },
  // ── Whole records ───────────────────────────────────────────────────────────────────────────
  {
    id: 'patient-record',
    label: 'patient record',
    category: 'record',
    sensitivity: 'high',
    strong: ['patient', 'patients', 'patientRecord', 'patientData', 'patientInfo', 'patientDetails', 'patientProfile', 'phi', 'ephi', 'healthRecord', 'healthRecords', 'medicalRecord', 'medicalRecords', 'ehr', 'emr', 'worklist', 'worklists', 'workList', 'workLists', 'demographics', 'intake', 'intakeForm', 'subscriber', 'beneficiary', 'guarantor', 'relatedPerson', 'emergencyContact', 'nextOfKin', 'policyHolder', 'policyholder', 'responsibleParty', 'insuredPerson',
      // Spanish, Portuguese, Italian
      'paciente', 'pacientes'],
    contextual: ['chart', 'record', 'records', 'person', 'member', 'members'],
    description: 'A whole patient (or member) record: everything in it, names and clinical data included.',
  },
];
