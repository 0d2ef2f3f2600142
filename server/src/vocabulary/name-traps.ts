// Words that tell the classifier a name is NOT PHI even though it contains a PHI word, and words that
// give contextual PHI words (name, address, notes…) a person to belong to. These are the traps that
// name-matching scanners fall into: `patientCount`, `isPatientSelected`, `hasAllergy`, `SSN_PATTERN`,
// `DOB_FORMAT`, `emailTemplate`, `patientId`, `maskedSsn`, `lastFour`.

/** A first word that makes the name a boolean or a predicate: `isPatientSelected`, `hasAllergy`. */
export const BOOLEAN_PREFIXES: readonly string[] = [
  'is', 'has', 'have', 'had', 'should', 'can', 'could', 'did', 'does', 'do', 'was', 'were', 'will', 'would',
  'needs', 'need', 'must', 'allow', 'allows', 'enable', 'enabled', 'disable', 'show', 'hide', 'use', 'uses',
  'include', 'includes', 'require', 'requires', 'check', 'validate', 'contains', 'supports', 'num', 'count',
  'total', 'max', 'min', 'no', 'any', 'all', 'not', 'consent', 'consents', 'consented', 'agreed', 'accepts', 'accepted',
];

/**
 * Words that, anywhere in a name, mean the value is metadata about PHI rather than PHI:
 * counts and sizes, formats and patterns, templates and labels, masked or encrypted forms,
 * validation state, keys and indexes.
 */
export const METADATA_WORDS: readonly string[] = [
  // counts and sizes; where a reader is in a device's memory (`lastGlucosePosition`: a page pointer, not a reading)
  'count', 'counts', 'length', 'len', 'size', 'total', 'totals', 'index', 'idx', 'max', 'min', 'limit', 'offset', 'page', 'pages',
  'counter', 'counters', 'position', 'positions',
  // formats, patterns, templates, presentation; addresses (`patientUrl`, `patientLink`, `patientHref`: where a record is, not the record)
  'format', 'formats', 'fmt', 'pattern', 'patterns', 'regex', 'regexp', 're', 'template', 'templates', 'tpl', 'placeholder',
  'label', 'labels', 'caption', 'title', 'heading', 'header', 'headers', 'column', 'columns', 'col', 'field', 'fields',
  'mask', 'schema', 'schemas', 'type', 'types', 'kind', 'system', 'systems', 'url', 'uri', 'urls', 'endpoint', 'path',
  // Spanish and Portuguese: a type (`tipoDocumento`: which identity document, not its number) and a format
  'tipo', 'tipos', 'formato',
  'route', 'routes', 'href', 'hrefs', 'link', 'links', 'key', 'keys', 'prefix', 'suffix', 'separator', 'delimiter', 'precision', 'unit', 'units',
  // which coding a value uses (`icdIndicator`: ICD-9 or ICD-10), not the value
  'indicator', 'indicators',
  // protected forms
  'masked', 'redacted', 'hashed', 'hash', 'digest', 'encrypted', 'enc', 'cipher', 'ciphertext', 'token', 'tokenized',
  'tokenised', 'anonymized', 'anonymised', 'deidentified', 'pseudonymized', 'pseudonymised', 'obfuscated', 'scrubbed', 'last4', 'hmac',
  // validation and UI state
  'error', 'errors', 'err', 'valid', 'validity', 'validator', 'validation', 'invalid', 'required', 'visible', 'visibility', 'editable',
  'enabled', 'disabled', 'touched', 'dirty', 'focused', 'loading', 'loaded', 'exists', 'present', 'missing', 'provided', 'verified',
  'defined', 'undefined', 'matches', 'match', 'changed', 'flag', 'flags', 'toggle', 'option', 'options', 'opts', 'config', 'settings', 'mode', 'version',
  'status', 'event', 'events', 'policy', 'rule', 'rules', 'permission', 'permissions', 'scope', 'scopes', 'role', 'roles',
  'auth', 'sid', 'jwt', 'csrf', 'xsrf', 'bearer', 'selector', 'locale', 'timezone', 'sample', 'representation', 'repr', 'projection', 'fields', 'include', 'includes',
  // dates about records rather than about the person
  'created', 'updated', 'modified', 'deleted', 'expires', 'expiry', 'expiration', 'timestamp', 'ttl',
  // Spanish: an expiry (`documentoVencimiento`: when an identity document expires)
  'vencimiento',
  // opaque ids anywhere in a name (`encounterIdQuery`, `patientUuids`); HIPAA identifiers such as
  // `memberId`, `medicalRecordId`, `nationalId` are whole patterns of their own and stay PHI
  'id', 'ids', 'uuid', 'uuids', 'guid', 'guids', 'uid', 'uids', 'pk', 'fk', 'oid', 'tag', 'tags',
  // ids written as one lower-case word (`patient.userid`, `record.userid`): still an account's opaque key
  'userid', 'userids', 'useruuid',
  // ranges, filters and aggregates: about many records or none, not a person's (`appointmentCalendarDates`, `visitFilter`)
  'calendar', 'range', 'ranges', 'bounds', 'window', 'period', 'filter', 'filters', 'criteria', 'summary', 'summaries', 'stats',
  // infrastructure a name belongs to (`patientDomain`: the patient portal's CloudFront domain)
  'domain', 'domains', 'subdomain', 'hostname', 'bucket', 'cdn',
  // how a list is ordered (`activePatientSort`): a column and a direction
  'sort', 'sorts', 'sorting', 'sortby',
  'statistics', 'metrics', 'aggregate', 'aggregates', 'histogram', 'distribution', 'breakdown',
  // references are opaque pointers (`diagnosisRefSet`, `patientReference`, `encounterRefs`: `Condition/<id>`)
  'ref', 'refs', 'reference', 'references',
  // a record's metadata (FHIR `meta`: tags, profiles, versions) and a settings timeframe are not its content
  'meta', 'metadata', 'timeframe',
  // what a form, a plan or a payer requires (`planRequirements`, `insuranceRequirements`): rules about data, not the data
  'requirement', 'requirements',
  // who issued an identifier (FHIR `Identifier.assigner`, HL7 v2 CX-4 `assigningAuthority`): an organisation, not the person
  'assigner', 'authority', 'authorities',
];

/**
 * Words before `number` that make it an ordinal in a series (`prescriptionIssueNumber`: which issue of a repeat
 * prescription, `repeatNumber`, `refillNumber`, `lineNumber`): a position, like a count, not the record's content.
 */
export const ORDINAL_SERIES_WORDS: readonly string[] = [
  'issue', 'repeat', 'refill', 'sequence', 'seq', 'line', 'revision', 'attempt', 'retry', 'step', 'page',
];

/**
 * What a payer sells or is (`insurancePlans`, `getInsurancePlansAndOrgs`, `insuranceOrganization`, `payerNetwork`): a
 * catalogue of plans and the organisations offering them, not a patient's coverage. A patient word keeps the
 * patient's (`patientInsurancePlan`), and a member, policy or subscriber number is an identifier of its own.
 */
export const PAYER_CATALOGUE_WORDS: readonly string[] = [
  'plan', 'plans', 'org', 'orgs', 'organization', 'organizations', 'organisation', 'organisations', 'network', 'networks',
  'catalog', 'catalogue', 'product', 'products', 'carrier', 'carriers', 'options',
];

/**
 * Last words of an object that is a table of labels (`labels.diagnosis`, `columns.patientName`,
 * `indicators['hiv-overview']`, `translations.dateOfBirth`): what is read from it by a field's name is that
 * field's label, caption or column, not the field's value.
 */
export const LABEL_TABLE_WORDS: readonly string[] = [
  'label', 'labels', 'caption', 'captions', 'title', 'titles', 'heading', 'headings', 'header', 'headers', 'column', 'columns',
  'indicator', 'indicators', 'translation', 'translations', 'i18n', 'placeholder', 'placeholders', 'tooltip', 'tooltips',
];

/**
 * Trap words that mean the value itself is a safe derivative of PHI — a count, a flag, a masked or
 * hashed form, an opaque id — so a variable so named holds no PHI even when assigned from PHI.
 * Other trap words (format, label, error, status, url…) only stop the name from adding PHI kinds:
 * `const error = new Error(\`SSN ${ssn}\`)` still carries the SSN.
 */
export const TAINT_CLEARING_WORDS: readonly string[] = [
  'count', 'counts', 'length', 'len', 'size', 'total', 'totals', 'index', 'idx', 'max', 'min', 'limit', 'offset',
  'counter', 'counters', 'position', 'positions',
  'masked', 'redacted', 'hashed', 'hash', 'digest', 'encrypted', 'enc', 'cipher', 'ciphertext', 'token', 'tokenized',
  'tokenised', 'anonymized', 'anonymised', 'deidentified', 'pseudonymized', 'pseudonymised', 'obfuscated', 'scrubbed', 'last4', 'hmac',
  'valid', 'validity', 'invalid', 'required', 'visible', 'visibility', 'editable', 'enabled', 'disabled', 'touched', 'dirty',
  'focused', 'loading', 'loaded', 'exists', 'present', 'missing', 'provided', 'verified', 'defined', 'undefined', 'matches', 'match', 'changed',
  'flag', 'flags', 'toggle', 'id', 'ids', 'uuid', 'uuids', 'guid', 'guids', 'uid', 'uids', 'pk', 'fk', 'oid',
  'userid', 'userids', 'useruuid',
];

/** Last words that name code, not data: `PatientService`, `patientRouter`, `PatientForm`. */
export const CODE_STRUCTURE_SUFFIXES: readonly string[] = [
  'service', 'services', 'repository', 'repo', 'controller', 'router', 'api', 'client', 'form', 'forms', 'model', 'models',
  'module', 'table', 'collection', 'resolver', 'resolvers', 'handler', 'handlers', 'component', 'components', 'view', 'views',
  'screen', 'modal', 'dialog', 'button', 'btn', 'input', 'inputs', 'mapper', 'factory', 'provider', 'context', 'hook', 'dao',
  'dto', 'entity', 'util', 'utils', 'helper', 'helpers', 'manager', 'builder', 'parser', 'serializer', 'validator', 'reducer',
  'reducers', 'slice', 'saga', 'action', 'actions', 'store', 'selector', 'ref', 'refs', 'spec', 'test', 'tests', 'mock', 'fixture',
  'generator', 'adapter', 'gateway', 'queue', 'worker', 'job', 'task', 'command', 'migration', 'seed', 'seeds', 'loader', 'fetcher',
  'formatter', 'renderer', 'listener', 'middleware', 'plugin', 'config', 'constants', 'enum', 'interface',
  // functions kept to be called back (`mutateVisitCallbacks`, `patientListeners`): code, never a value of the record
  'callback', 'callbacks', 'listeners', 'observer', 'observers', 'emitter',
  'portal', 'portals', 'app', 'apps', 'dashboard', 'site', 'slot', 'slots', 'widget', 'widgets',
  'props', 'id', 'ids', 'uuid', 'guid', 'uid', 'pk', 'fk', 'oid',
];

/**
 * Words that give a contextual PHI word a person: `patientName`, `guarantorAddress`, `homePhone`.
 * A member chain counts too: `patient.contact[0].name`.
 */
export const PERSON_CONTEXT_WORDS: readonly string[] = [
  'patient', 'patients', 'pt', 'member', 'members', 'subscriber', 'beneficiary', 'guarantor', 'insured', 'enrollee', 'person',
  'persons', 'people', 'contact', 'contacts', 'kin', 'guardian', 'emergency', 'resident', 'applicant', 'dependent', 'dependents',
  'spouse', 'mother', 'father', 'parent', 'parents', 'child', 'children', 'baby', 'newborn', 'home', 'personal',
  'demographics', 'intake', 'client', 'human', 'individual', 'clinical', 'medical', 'health', 'related', 'relatedperson',
  'encounter', 'visit', 'admission', 'chart', 'record', 'case',
  // Spanish, Portuguese, Italian: the patient (paciente)
  'paciente', 'pacientes',
];

/**
 * Words of reference (master) data: the lists an application offers to choose from, the same for every patient
 * (`allergyMasterData`, `covidSymptomsMaster`, `drugCatalogue`, `diagnosisFormulary`, `terminologyResponse`). A value
 * so named is a catalogue of allergens, symptoms, drugs or visit categories, not a person's allergies or symptoms,
 * and a service so named (`masterDataService`, `catalogService`) reads such lists. A patient word keeps the patient's
 * (`masterPatientIndex`, `patientMaster`), and so does a record (`masterRecord`: a registry's golden record of someone).
 */
export const REFERENCE_DATA_WORDS: readonly string[] = [
  'master', 'masters', 'masterdata', 'catalog', 'catalogs', 'catalogue', 'catalogues', 'formulary', 'formularies',
  'terminology', 'terminologies', 'valueset', 'valuesets', 'codesystem', 'codesystems',
  // Spanish and Portuguese: catalogues (catálogo), a drug compendium (vademécum), a schedule of billable procedures
  // (nomenclador). A therapeutic formulary is `formularioTerapeutico`: `formulario` alone is a form (a patient's too).
  'catalogo', 'catalogos', 'vademecum', 'vademecums', 'nomenclador', 'nomencladores', 'formularioterapeutico',
];

/**
 * Nouns that own a `record` of their own (`queueRecord`, `inventoryRecord`, `auditRecords`): with the
 * system nouns of NON_PERSON_QUALIFIERS, a record so qualified is that system's row, not a patient's chart.
 */
export const SYSTEM_RECORD_QUALIFIERS: readonly string[] = [
  'inventory', 'stock', 'sync', 'audit', 'log', 'logs', 'job', 'jobs', 'batch', 'cache', 'import', 'export', 'migration',
  'config', 'settings', 'metadata', 'schema', 'lookup',
];

// Not `caller`: in code it is the calling function or component (`callerName`, a log's source), not a person on the phone.

/**
 * Things that have names (`documentName`, `questionName`, `childConcept.name`): a name whose last word is one
 * of them is that thing, so a person word before it (`child`, `patient`) does not make its `name` a person's.
 * A form question is a `concept` in OpenMRS-style data models.
 */
export const NAMED_THING_WORDS: readonly string[] = [
  'document', 'documents', 'doc', 'docs', 'folder', 'folders', 'attachment', 'attachments', 'question', 'questions', 'questionnaire',
  'section', 'step', 'category', 'group', 'resource', 'template', 'report', 'panel', 'specimen', 'catalog', 'item',
  'concept', 'concepts', 'definition', 'definitions',
  // what a care programme asks people to go through, and who runs it: a questionnaire flow's, an activity's, a survey's
  // or an institution's name is its title (`activityFlow.name`, `flowName`, `patient.institutionName`), never a person's
  'flow', 'flows', 'workflow', 'workflows', 'activity', 'activities', 'survey', 'surveys', 'institution', 'institutions',
  'organisation', 'organisations', 'organization', 'organizations',
];

/**
 * Places, areas and sites (`wardName`, `regionName`, `siteRecord`, a census area's `LSOA_NAME`): a name whose word
 * before `name` is one of them is the place's name, and a record so qualified is the place's row, never a person's,
 * whoever's record holds it. (A patient's `cityName` stays part of their address.) LSOA and MSOA are the UK census's
 * small areas ("lower/middle layer super output area").
 */
export const PLACE_WORDS: readonly string[] = [
  'area', 'areas', 'region', 'regions', 'ward', 'wards', 'site', 'sites', 'place', 'places', 'zone', 'zones', 'locality',
  'localities', 'neighbourhood', 'neighborhood', 'district', 'districts', 'county', 'counties', 'city', 'cities', 'town',
  'towns', 'village', 'villages', 'province', 'provinces', 'borough', 'parish', 'subcounty', 'lsoa', 'msoa', 'location',
  'locations', 'facility', 'facilities', 'building', 'room', 'rooms', 'bed', 'beds',
];

/**
 * Products whose `name` is their own (a drug's catalogue name, a vaccine's brand): `prescription.medication.name`,
 * `order.drug.name`. Read from one of them, `name` names the product, never a person, whoever's record holds it.
 */
export const PRODUCT_WORDS: readonly string[] = [
  'medication', 'medications', 'medicine', 'medicines', 'med', 'meds', 'drug', 'drugs', 'vaccine', 'vaccines', 'product', 'products',
  'formulation', 'formulations', 'substance', 'substances', 'device', 'devices',
];

/**
 * Words that may stand right before `name` and keep it a person's: parts and forms of a personal name
 * (`patientFamilyName`, `patientPreferredName`, `clientSurName`) and people who are not in PERSON_CONTEXT_WORDS
 * (`patientCaregiverName`). Any other word there is the thing the name belongs to (`childWorkspaceName`,
 * `patientProgramName`, `visitLocationName`).
 */
export const PERSON_NAME_MODIFIERS: readonly string[] = [
  'first', 'last', 'full', 'given', 'family', 'middle', 'sur', 'fore', 'nick', 'maiden', 'legal', 'preferred', 'display',
  'birth', 'christian', 'official', 'usual', 'formal', 'informal', 'short', 'long', 'formatted', 'printed', 'known', 'alias',
  'other', 'alt', 'alternate', 'alternative', 'previous', 'former', 'old', 'new', 'current', 'original', 'real', 'proper',
  'second', 'third', 'local', 'english', 'native', 'latin', 'arabic', 'phonetic', 'spoken', 'my', 'your', 'his', 'her', 'their',
  'caregiver', 'carer', 'relative', 'sibling', 'brother', 'sister', 'son', 'daughter', 'husband', 'wife', 'partner',
  'grandparent', 'grandmother', 'grandfather', 'friend', 'next', 'user', 's',
];

/**
 * The nouns of a syntax tree: after `visit` they make it the visitor's verb (`visitExpression`,
 * `visitNodeName`), an evaluator walking code, not a patient's visit.
 */
export const SYNTAX_TREE_WORDS: readonly string[] = [
  'expression', 'expressions', 'node', 'nodes', 'statement', 'statements', 'literal', 'literals', 'ast', 'token', 'tokens',
  'declaration', 'declarations', 'operand', 'operands', 'operator', 'callee', 'syntax', 'tree', 'ident',
];

/** Words that, in a name, make an email/phone/address a system's rather than a person's. */
export const NON_PERSON_QUALIFIERS: readonly string[] = [
  'support', 'admin', 'administrator', 'noreply', 'sender', 'from', 'smtp', 'server', 'host', 'system', 'service', 'company',
  'clinic', 'hospital', 'practice', 'organization', 'org', 'office', 'vendor', 'sales', 'billing', 'notification', 'alerts',
  'mac', 'bind', 'listen', 'proxy', 'gateway', 'network', 'wallet', 'contract', 'memory', 'file', 'files', 'image', 'docker',
  'app', 'application', 'package', 'project', 'repo', 'branch', 'bucket', 'queue', 'topic', 'channel', 'database', 'db',
  'table', 'test', 'dummy', 'example', 'sample', 'fake', 'mock', 'default', 'attr', 'attribute', 'element', 'tag', 'node',
  'class', 'function', 'method', 'property', 'prop', 'var', 'variable', 'env', 'environment', 'theme', 'font', 'color', 'icon',
  'brand', 'product', 'plan', 'tier', 'country', 'state', 'provider', 'practitioner', 'doctor', 'physician', 'staff',
  'display', 'screen', 'device', 'browser', 'window', 'dom', 'css', 'html', 'xml', 'json',
  // things that have names: `documentName`, `folderName`, `attachmentName`, `questionName`
  ...NAMED_THING_WORDS,
];

/**
 * The DOM's layout geometry (`container.clientHeight`, `window.innerHeight`, `img.naturalWidth`): pixels of
 * an element or a window, never a person's height — `client` here is the browser's client area.
 */
export const DOM_LAYOUT_PROPERTIES: readonly string[] = [
  'clientHeight', 'clientWidth', 'clientTop', 'clientLeft', 'offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft',
  'scrollHeight', 'scrollWidth', 'scrollTop', 'scrollLeft', 'innerHeight', 'innerWidth', 'outerHeight', 'outerWidth',
  'naturalHeight', 'naturalWidth', 'availHeight', 'availWidth', 'devicePixelRatio',
];

/**
 * Properties whose value is never PHI, whatever object they are read from: opaque ids and references
 * (FHIR logical ids, `Patient/<uuid>` references, database keys), metadata.
 */
export const NON_PHI_PROPERTIES: readonly string[] = [
  'id', 'uuid', 'guid', '_id', '_rev', 'rev', 'reference', 'references', 'ref', 'facility', 'resourceType', 'meta', 'versionId', 'lastUpdated', 'length', 'size', 'count', 'total',
  'status', 'type', 'kind', 'system', 'version', 'url', 'profile', 'constructor', 'prototype', 'createdAt', 'updatedAt',
  // FHIR datatypes' codes: a ContactPoint's, HumanName's, Address's or Identifier's `use` (home, work, official) and `rank`
  'use', 'rank',
  'isActive', 'active', 'success', 'ok', 'statusCode', 'headersSent', 'method', 'readyState',
  ...DOM_LAYOUT_PROPERTIES,
];

/**
 * Properties that, read from a whole patient record, are the record's key rather than data about the
 * person: `patient.code` is the numeric database key an EHR routes by (`/patients/details/42`), like
 * `patient.id`. Only on a patient record: `diagnosis.code`, `observation.code` are clinical codes.
 */
export const PATIENT_KEY_PROPERTIES: readonly string[] = ['code', 'key', 'pk', 'rowid'];

/**
 * Whose data: words that make the subject of a name, an object or a function a patient (or a patient's
 * relative, guarantor, plan member). Contact details are PHI only for these subjects.
 */
export const PATIENT_SUBJECT_WORDS: readonly string[] = [
  'patient', 'patients', 'pt', 'member', 'members', 'subscriber', 'subscribers', 'beneficiary', 'beneficiaries', 'guarantor',
  'insured', 'enrollee', 'kin', 'guardian', 'dependent', 'dependents', 'relatedperson', 'resident', 'residents', 'newborn',
  'caregiver', 'demographics', 'intake', 'registration', 'person', 'persons', 'people', 'holder', 'policyholder', 'responsible',
  'paciente', 'pacientes',
];

/**
 * The app's own users: staff in an EHR or a console, but the patient in a patient portal. They are the
 * workforce unless the code around says it serves patients (`src/patient/…`, `getPatientsForUser`).
 */
export const APP_USER_WORDS: readonly string[] = ['user', 'users', 'authenticated'];

/**
 * Whose data: words that make the subject the workforce or an organisation — the app's (staff) users,
 * practitioners, clinics, labs, payers, employers, vendors. Their names, e-mails, phones, faxes and
 * addresses are not PHI; clinical data stays PHI whoever handles it. Logging in is not among them: in
 * a patient app, patients log in.
 */
export const WORKFORCE_SUBJECT_WORDS: readonly string[] = [
  'user', 'users', 'staff', 'employee', 'employees', 'practitioner', 'practitioners', 'provider', 'providers', 'doctor', 'doctors',
  'physician', 'physicians', 'nurse', 'nurses', 'clinician', 'clinicians', 'admin', 'admins', 'administrator', 'operator',
  'agent', 'agents', 'owner', 'organization', 'organizations', 'organisation', 'organisations', 'org', 'orgs', 'clinic', 'clinics',
  'hospital', 'hospitals', 'facility', 'facilities', 'location', 'locations', 'practice', 'lab', 'labs', 'laboratory',
  'pharmacy', 'pharmacies', 'payer', 'payers', 'payor', 'payors', 'insurer', 'insurers', 'employer', 'employers', 'company',
  'companies', 'vendor', 'vendors', 'supplier', 'partner', 'partners', 'support', 'sender', 'referrer', 'referring',
  'authenticated', 'team', 'tenant', 'tenants', 'developer', 'developers', 'inviter', 'author', 'submitter', 'approver',
  'reviewer', 'signer', 'crew', 'faculty', 'personnel', 'workforce',
  // clinicians by their trade: a telemedicine platform's specialists, a pharmacy's pharmacists, therapists, surgeons,
  // dentists (their profile, payout account and e-mail are the workforce's)
  'specialist', 'specialists', 'pharmacist', 'pharmacists', 'therapist', 'therapists', 'surgeon', 'surgeons', 'dentist', 'dentists',
  // a places search (Google Places, Mapbox) returns businesses: a pharmacy's or a clinic's listing (not `place`, a verb in `placeOrder`)
  'places',
  // a vaccination, testing or trial site is a clinic by another name: its phone and address are the organisation's
  'site', 'sites',
  // Spanish and Portuguese: health professionals (profesional, profissional), nurses, agents, a care provider's unit
  // (efector, Argentina's word for a facility that delivers care), organisations and pharmacies, and the registration
  // (matriculación) that licenses a professional. Not `médico`, also the adjective "medical" (`historiaMedica`), nor
  // `matrícula`, also a health plan beneficiary's number in Brazil.
  'profesional', 'profesionales', 'profissional', 'profissionais', 'enfermero', 'enfermera', 'enfermeros', 'enfermeras',
  'enfermeiro', 'enfermeira', 'agente', 'agentes', 'efector', 'efectores', 'organizacion', 'organizaciones', 'organizacao',
  'organizacoes', 'farmacia', 'farmacias', 'matriculacion', 'matriculaciones',
];

/**
 * Groups of the workforce whose `member` is one of its people, not a health plan's member: `staffMember`,
 * `teamMember`, `careTeamMembers`, `boardMember`. (A `familyMember` or `householdMember` stays the patient's relative.)
 */
export const WORKFORCE_GROUP_WORDS: readonly string[] = ['staff', 'team', 'teams', 'crew', 'faculty', 'board', 'committee', 'workforce', 'personnel'];

/**
 * Groups of machines whose `member` is a server: a database replica set's or a cluster's (`replicaSetMember`,
 * `clusterMembers`, `shardMember`). `set` counts only after `replica` (a `setMember` may be anything's setter).
 */
export const MACHINE_GROUP_WORDS: readonly string[] = ['replica', 'set', 'cluster', 'clusters', 'shard', 'shards', 'quorum', 'swarm', 'ring'];

/** What a machine `member` is named for (`memberHosts`, `memberNodes`, `memberPort`): a server, not a plan member. */
export const MACHINE_WORDS: readonly string[] = ['host', 'hosts', 'hostname', 'hostnames', 'node', 'nodes', 'port', 'ports', 'server', 'servers', 'instance', 'instances', 'replica', 'replicas', 'shard', 'shards'];

/**
 * Where and by whom care happened: read from a patient's record (`record.location`, `visit.practitioner`,
 * `patient.generalPractitioner`) they are still a place or a staff member, so their names and contact
 * details are not the patient's. Not the app's `user` (a patient portal's user is the patient) nor an
 * employer (the patient's own demographic).
 */
export const CARE_SETTING_WORDS: readonly string[] = [
  'location', 'locations', 'facility', 'facilities', 'clinic', 'clinics', 'hospital', 'hospitals', 'ward', 'wards', 'department',
  'practice', 'lab', 'labs', 'laboratory', 'pharmacy', 'pharmacies', 'organization', 'organizations', 'organisation', 'organisations',
  'practitioner', 'practitioners', 'provider', 'providers', 'doctor', 'doctors', 'physician', 'physicians', 'nurse', 'nurses',
  'clinician', 'clinicians', 'staff', 'specialist', 'specialists', 'pharmacist', 'pharmacists', 'therapist', 'therapists',
  'surgeon', 'surgeons', 'dentist', 'dentists',
];

/**
 * Code about the app's own accounts: signing in, passwords, invitations, provisioning user accounts.
 * The e-mail or phone it handles is the account holder's login, not a patient's contact — unless the
 * code around says it serves patients (a patient portal's sign-in), which wins. A weaker signal than
 * the workforce words: it only counts where nothing names the patient.
 */
export const ACCOUNT_CONTEXT_WORDS: readonly string[] = [
  'login', 'logout', 'signin', 'signup', 'password', 'passwords', 'auth', 'authenticate', 'authentication', 'invite',
  'invitation', 'invitations', 'provision', 'provisioning', 'credentials',
  // feedback sent from the app is its user's (the sender's phone and e-mail), like the user's own account
  'feedback',
];
// Not `otp`, `verify`, `session` or `account`: one-time codes go to patients' phones, a session can be a
// visit, and a billing account is the patient's.

/**
 * Code that sends the system's own reports and alerts (a report runner, an alerting module, a weekly
 * metrics mail): it sends them to configured recipients — staff, administrators, contact groups — so
 * the e-mail or phone it handles is a workforce contact. Like ACCOUNT_CONTEXT_WORDS a weak signal: it
 * only counts where nothing names the patient (`reports/patientSummary.ts`, `patient.email` stay PHI),
 * and clinical data sent in a report or an alert stays PHI whoever receives it.
 */
export const OPERATIONS_MESSAGING_WORDS: readonly string[] = ['report', 'reports', 'reporting', 'alert', 'alerts', 'alerting'];

/**
 * A message-sending helper (`sendEmail(to, …)`, `sendSms(contactAddress, …)`, `deliverNotification`)
 * sends to whoever its caller names: the destination's name inside it does not say whose it is. What
 * a caller passes still flows in (a patient's e-mail passed to it is followed and reported); only the
 * guess from the parameter's name is not made. The helper's name is a sending verb and a channel.
 */
export const MESSAGE_SENDING_VERBS: readonly string[] = ['send', 'deliver', 'dispatch', 'queue', 'enqueue', 'post'];
export const MESSAGE_CHANNEL_WORDS: readonly string[] = ['email', 'emails', 'mail', 'mails', 'sms', 'text', 'texts', 'message', 'messages', 'notification', 'notifications', 'fax', 'faxes'];

/** Kinds that are contact details: PHI when they are a patient's, not when they are the workforce's. */
export const CONTACT_KINDS: readonly string[] = ['name', 'address', 'zip-code', 'phone', 'fax', 'email', 'ip-address', 'photo'];

/**
 * Kinds that are measurements of one person: their totals, extremes and averages (`bolusTotal`,
 * `maxGlucose`, `avgHeartRate`) are still that person's clinical data, unlike a count of patients.
 */
export const MEASUREMENT_KINDS: readonly string[] = ['glucose-insulin', 'vital-signs', 'lab-result'];

/** Aggregate words that keep a measurement what it is (see MEASUREMENT_KINDS). */
export const MEASUREMENT_AGGREGATE_WORDS: readonly string[] = ['total', 'totals', 'max', 'min', 'sum', 'average', 'avg', 'mean', 'daily'];

/** Words for amounts and layout: `patientResponsibility`, `balanceDue`, `dobX`, `nameWidth` hold numbers, not PHI. */
export const AMOUNT_AND_LAYOUT_WORDS: readonly string[] = [
  'amount', 'amounts', 'balance', 'balances', 'price', 'cost', 'costs', 'fee', 'fees', 'charge', 'charges', 'due', 'owed',
  'paid', 'refund', 'refunds', 'deductible', 'responsibility', 'subtotal', 'cents', 'dollars',
  'x', 'y', 'width', 'height', 'margin', 'padding', 'coord', 'coords', 'fontsize',
];

/**
 * Words that, in the name of the object a value is read from, make it test data: `e2eUsers[0].email`,
 * `intakeTests.phoneNumber`, `mockPatient.dob`, `fakeMember.name`. (`sample` is not among them: a lab
 * sample is a patient's specimen.)
 */
export const SYNTHETIC_OWNER_WORDS: readonly string[] = [
  'test', 'tests', 'e2e', 'mock', 'mocks', 'mocked', 'fake', 'fakes', 'faker', 'dummy', 'example', 'examples', 'fixture', 'fixtures',
  'demo', 'stub', 'stubs', 'synthetic', 'placeholder',
];

/**
 * What a function returns is the noun before its preposition (`getStripeAccountForAppointment` returns an
 * account, `getColorForDiagnosis` a colour, `getPatientsForUser` patients); what follows says whose or which.
 */
export const NAME_PREPOSITIONS: readonly string[] = ['for', 'by', 'from', 'of'];

/**
 * Nouns that only say "what it holds" (`getDataForPatient`, `fetchDocumentsForEncounter`): the noun after the
 * preposition then says what the result is.
 */
export const GENERIC_RESULT_NOUNS: readonly string[] = [
  'data', 'info', 'information', 'details', 'detail', 'resource', 'resources', 'record', 'records', 'bundle', 'everything',
  'item', 'items', 'entry', 'entries', 'document', 'documents', 'file', 'files', 'attachment', 'attachments', 'list', 'lists',
  'context', 'payload', 'response', 'content', 'contents', 'object', 'objects', 'value', 'values', 'result', 'results', 'all',
  'history', 'chart', 'summary', 'one', 'many', 'first', 'last', 'latest', 'current', 'active', 'existing', 'new',
  'message', 'messages', 'communication', 'communications', 'form', 'forms', 'response', 'responses', 'answers', 'report', 'reports',
];
