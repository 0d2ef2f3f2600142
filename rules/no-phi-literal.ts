import { createRule, kindLabel, splitWords, subjectOfName, type JsonNode, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { isIssuedNhsNumber, isLowEntropyDigits, isPlausibleNationalId, isValidAadhaar, isValidAbhaNumber, isValidBsn, isValidCns, isValidCpf, isValidIhi, isValidMedicareAu, isValidNhi, isValidNhsNumber, isValidNir, isValidOhip } from './utils/identifiers';
import { findInSubtree, keyName, lastSegment, propertyNamed, type Node } from './utils/ast';
import { calleeText, codeConstant, enclosingCall, enclosingNames, jsonEnclosingObjects, jsonObjectProperties, jsonScalar, keyWords, namesHaveWord } from './utils/config-keys';
import { isPersonResource } from './utils/fhir-search';

// ── what a real identifier looks like ────────────────────────────────────────────────────────

/**
 * SSNs printed in specimens, ads and docs, and obvious placeholders: the Woolworth wallet card (078-05-1120),
 * the SSA pamphlet specimen (219-09-9999), and the range SSA reserves for advertising (987-65-4320–4329).
 * Source: SSA, "Social Security Number Randomization" and POMS RM 10201.035.
 */
const SPECIMEN_SSNS = new Set(['078051120', '219099999', '123456789', '111223333', '123121234', '012345678', '234567890', '123454321']);
const ADVERTISING_SSNS = /^98765432\d$/;
const DASHED_SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;

/** Structurally valid, not reserved (area 000/666/9xx, group 00, serial 0000), not a specimen, a repeated digit or groups of repeated digits. */
export function isRealisticSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (isLowEntropyDigits(digits) || SPECIMEN_SSNS.has(digits) || ADVERTISING_SSNS.test(digits)) return false;
  // each group one digit repeated (555-66-7777, 222-33-4444): typed by hand for a test, one in a million real numbers
  if (/^(\d)\1\1(\d)\2(\d)\3\3\3$/.test(digits)) return false;
  return !'0123456789'.includes(digits) && !'9876543210'.includes(digits);
}

/** MBI letters: A–Z without S, L, O, I, B, Z. */
const L = '[AC-HJKMNP-RT-Y]';
const LN = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(`^[1-9]${L}${LN}\\d${L}${LN}\\d${L}${L}\\d\\d$`);
const DASHED_MBI = new RegExp(`(?<![\\w-])([1-9]${L}${LN}\\d)-(${L}${LN}\\d)-(${L}${L}\\d\\d)(?![\\w-])`, 'g');
/** CMS's published example MBI. */
const SPECIMEN_MBIS = new Set(['1EG4TE5MK73']);

export function isRealisticMbi(value: string): boolean {
  if (!MBI.test(value) || SPECIMEN_MBIS.has(value)) return false;
  // placeholders such as 1AA0AA0AA00: one letter and one digit repeated
  const letters = new Set(value.replace(/\d/g, ''));
  const digits = new Set(value.slice(1).replace(/\D/g, ''));
  return !(letters.size === 1 && digits.size === 1);
}

/** A DEA registration number: registrant type, a letter (or 9), seven digits with a valid check digit. */
export function isRealisticDea(value: string): boolean {
  const match = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/.exec(value);
  if (!match) return false;
  const d = match[3].split('').map(Number);
  if (match[3] === '1234563' || /^(\d)\1{6}$/.test(match[3])) return false;
  return ((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10) === d[6];
}

const EMAIL = /^[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$/;

/**
 * Domains no patient's mailbox is at: RFC 2606/6761 reserved names (example.com/.net/.org, .test, .example,
 * .invalid, .localhost), and the throwaway domains test data is written with by convention — placeholder
 * names (test.com, fake.com, email.com, domain.com) and public disposable inboxes (mailinator, yopmail…),
 * which anyone can read and no one gives a clinic.
 */
const PLACEHOLDER_EMAIL_DOMAINS = new Set([
  'test.com', 'fake.com', 'email.com', 'domain.com', 'mail.test', 'foo.com', 'bar.com', 'acme.com', 'company.com',
  'mailinator.com', 'yopmail.com', 'guerrillamail.com', 'sharklasers.com', '10minutemail.com', 'trashmail.com', 'maildrop.cc', 'dispostable.com',
]);

export function isRealisticEmail(value: string): boolean {
  const match = EMAIL.exec(value.trim());
  if (!match) return false;
  const domain = match[1].toLowerCase();
  if (PLACEHOLDER_EMAIL_DOMAINS.has(domain)) return false;
  return !(/(^|\.)example\.(com|net|org)$/.test(domain) || /\.(example|test|invalid|localhost|local)$/.test(domain));
}

/**
 * A North American subscriber number no one has: the 555 exchange (555-0100–0199 is reserved for fiction by
 * the NANPA, and the rest of 555 is a directory-assistance code, not a line), the song's 867-5309, or a run
 * of ascending digits (`123-456-7890`, `+27 83 123 4567`).
 */
function isFictionalPhoneDigits(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length === 10 && (national.slice(3, 6) === '555' || national.slice(3) === '8675309')) return true;
  if (isLowEntropyDigits(national.slice(3))) return true;
  return /1234567|2345678|3456789|9876543/.test(digits);
}

/** North American numbers (not the fictional 555-0100–0199 range), or international E.164 numbers. */
export function isRealisticPhone(value: string): boolean {
  const text = value.trim();
  if (!/^[+\d\s().-]{7,25}$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+') && !text.startsWith('+1')) return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits.slice(2)) && !isFictionalPhoneDigits(digits);
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^[2-9]\d\d[2-9]\d{6}$/.test(national)) return false;
  return !isFictionalPhoneDigits(digits);
}

/**
 * A full birth date (ISO or US format), not a Jan-1 placeholder or the epoch, within the last 130 years.
 * Not a date-time: `2017-03-01T13:10:00` is when something happened (a search bound, a timestamp), not a birth date.
 */
export function isRealisticBirthDate(value: string): boolean {
  const text = value.trim();
  let year: number, month: number, day: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return false;
  const thisYear = new Date().getUTCFullYear();
  if (year < thisYear - 130 || year > thisYear || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return !(month === 1 && day === 1);
}

/** Values that stand in for a name in test data: `Test Patient`, `John Doe`, `Foo`. */
const PLACEHOLDER_NAME_WORDS = new Set([
  'test', 'testing', 'patient', 'demo', 'sample', 'example', 'unknown', 'anonymous', 'anon', 'doe', 'foo', 'bar', 'baz', 'qux',
  'lorem', 'ipsum', 'first', 'last', 'middle', 'name', 'firstname', 'lastname', 'mock', 'fake', 'dummy', 'null', 'undefined',
  'none', 'todo', 'tbd', 'user', 'admin', 'string', 'placeholder', 'redacted', 'xxx', 'n/a', 'na',
]);

/**
 * Names of well-known fictional people that sample records are written with: the HL7 v2 specification's
 * Adam Everyman and Eve Everywoman, the legal placeholders John/Jane Doe and Richard Roe (`doe` above), and
 * film characters whose names no registered patient has.
 */
const FICTIONAL_NAME_WORDS = new Set(['everyman', 'everywoman', 'roe', 'skywalker', 'mothma', 'vader', 'organa', 'kenobi', 'baggins', 'targaryen', 'lannister', 'donotuse']);

/**
 * A name word that marks a made-up person: a placeholder (`Test`, `Doe`), a fictional name, a test-patient
 * prefix (`ZTEST`, `XXTESTPATIENT`), or a name with a counter — Synthea, the usual generator of synthetic
 * FHIR patients, appends digits to every name it makes (`Aaron697`).
 */
function isPlaceholderNameWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return PLACEHOLDER_NAME_WORDS.has(lower) || FICTIONAL_NAME_WORDS.has(lower) || /^(z|zz|xx)?test/.test(lower) || /^\p{L}+\d{1,4}$/u.test(word);
}

/**
 * A text (a message, a note, an HL7 v2 or CDA document in a string) that names a well-known fictional person
 * as a word of its own: `PID|||…|EVERYMAN^ADAM^A|…` is the HL7 specification's sample message, and every
 * identifier in it is the specimen's.
 */
export function textNamesFictionalPerson(text: string): boolean {
  if (text.length > 100_000) return false;
  for (const word of text.match(/\p{L}{3,}/gu) ?? []) if (FICTIONAL_NAME_WORDS.has(word.toLowerCase()) || /^(z|zz|xx)test/i.test(word)) return true;
  return isFilledTemplate(text) || isGeneratedHl7Message(text);
}

/** An HL7 v2 message header (`MSH|^~\&|HL7 Generator^^|…`): its sending application is MSH-3. */
const HL7_SENDING_APPLICATION = /(?:^|[\r\n])MSH\|[^|\r\n]{1,5}\|([^|\r\n]{0,200})\|/g;
/** A sending application that makes messages up rather than records care: a generator, a simulator, a test or mock sender. */
const GENERATING_APPLICATION = /\b(generator|generated|synthetic|simulator|simulated|test|testing|mock|fake|dummy|sample)\b/i;

/** An HL7 v2 message whose sender is a message generator or a simulator: the person in it was made up with it. */
function isGeneratedHl7Message(text: string): boolean {
  if (!text.includes('MSH|')) return false;
  for (const match of text.matchAll(HL7_SENDING_APPLICATION)) if (GENERATING_APPLICATION.test(match[1].replace(/\^/g, ' '))) return true;
  return false;
}

/**
 * Capitalised tokens a message template writes where a generator puts a person's identifiers (`SSNHOLDER`,
 * `STREETADDRESS`, `BIRTHYEAR`, `PATIENTNAME`): a field's name run together with what stands in for it.
 */
const TEMPLATE_PLACEHOLDER = /(?<![A-Za-z])(?:SSN|MRN|DOB|BIRTH|STREET|FIRST|LAST|PATIENT|PHONE|EMAIL|ZIP)_?(?:HOLDER|PLACEHOLDER|ADDRESS|YEAR|DATE|NAME|NUMBER|CODE)(?![a-z])/g;

/**
 * A message (an HL7 v2 or CDA document in a string) in which some of the person's identifiers are still the
 * placeholders of the template a generator fills: two distinct ones (`PID|…|SSNHOLDER^…|…|BIRTHYEAR0516|…|STREETADDRESS^…`)
 * say every other value in it was made up by that generator too.
 */
function isFilledTemplate(text: string): boolean {
  if (text.length < 40) return false;
  const tokens = new Set(Array.from(text.matchAll(TEMPLATE_PLACEHOLDER), (match) => match[0].replace('_', '')));
  return tokens.size >= 2;
}

/** A capitalised personal name of one to four words (`Adaeze`, `Maria Lopez`, `O'Brien`), not a placeholder. */
export function isRealisticName(value: string): boolean {
  const text = value.trim();
  if (text.length < 2 || text.length > 60) return false;
  if (!/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(text)) return false;
  return !text.split(/\s+/).some(isPlaceholderNameWord);
}

/** A medical record number: an optional short letter prefix and 5–12 digits, not a repeated digit or a run. */
export function isRealisticMrn(value: string): boolean {
  const text = value.trim();
  const match = /^(?:[A-Za-z]{1,4}[-\s]?)?(\d[\d-]{3,14}\d)$/.exec(text);
  if (!match) return false;
  const digits = match[1].replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 12) return false;
  if (/^(\d)\1+$/.test(digits) || /^0+\d{1,2}$/.test(digits)) return false;
  return !'01234567890123'.includes(digits) && !'98765432109876'.includes(digits);
}

// ── synthetic records ─────────────────────────────────────────────────────────────────────────

/** Roles whose data is made up by convention: only identifiers that validate as real are reported there. */
const SYNTHETIC_ROLES: ReadonlySet<string> = new Set(['test', 'mock', 'fixture', 'story', 'e2e', 'docs']);
/** Folders of synthetic or sample data, wherever they are (seed scripts, examples, demo data). */
const SYNTHETIC_FOLDER = /(^|\/)(synthetic[\w-]*|synth[-_][\w-]*|samples?|examples?|seeds?|seeders|seed[-_]data|demo[-_]?data|fake[-_]?data|sample[-_]?data|test[-_]?data|mock[-_]?data|fixtures?)\//i;
/**
 * Folders whose files drive a program with made-up input rather than hold anyone's data: performance and
 * load tests (k6, artillery, JMeter, Gatling, stress), benchmarks, sandboxes and mock servers, demos, test packs.
 */
const DATA_SAMPLE_FOLDER = /(^|\/)(perf|performance|load[-_]?tests?|loadtests?|load[-_]?testing|k6|artillery|jmeter|gatling|stress[-_]?tests?|benchmarks?|bench|sandbox(es)?|mock[-_]?servers?|demos?|test[-_]?packs?|dummy[-_]?data)\//i;
/** Words of a file's own name that say it is a sample: `sample_request.json`, `demo-patients.js`, `sandbox.ts`. */
const DATA_SAMPLE_FILE_WORDS = new Set(['sample', 'samples', 'example', 'examples', 'demo', 'demos', 'sandbox', 'mock', 'mocks', 'fake', 'fakes', 'dummy', 'seed', 'seeds', 'placeholder', 'synthetic', 'fixture', 'fixtures', 'stub', 'stubs', 'testdata']);
/** A JSON file named as a request or response of an API is an exemplar of the payload, recorded or written for docs and tests. */
const EXEMPLAR_FILE_WORDS = new Set(['request', 'requests', 'response', 'responses', 'payload', 'payloads']);

/** A file of sample data by its folder or its own name (see the doc's "Sample data" section). */
export function isDataSampleFile(file: string): boolean {
  if (SYNTHETIC_FOLDER.test(file) || DATA_SAMPLE_FOLDER.test(file)) return true;
  const base = file.slice(file.lastIndexOf('/') + 1);
  const stem = base.replace(/(\.[A-Za-z0-9]+)+$/, '');
  const words = stem.split(/[-_.\s]+/).flatMap((part) => splitWords(part));
  if (words.some((word) => DATA_SAMPLE_FILE_WORDS.has(word))) return true;
  return /\.json5?$/i.test(base) && words.some((word) => EXEMPLAR_FILE_WORDS.has(word));
}

/** What a key says about the values below it, for telling made-up records: a name, or the record's own identifier. */
type MarkerKey = 'name' | 'id' | 'ssn' | undefined;
/** Last words of keys that hold a record's identifier: `id`, `patient_uuid`, `identifier`, `mrn`. */
const ID_KEY_WORDS = new Set(['id', 'uuid', 'uid', 'guid', 'identifier', 'identifiers', 'mrn']);

/**
 * A record identifier only made-up data holds: a digit run or a repeated digit (`123`, `456`, `1111`), a number of
 * zeros between two digits (`20000003`), a placeholder uuid (`00000000-0000-0000-0000-000000000001`), or the field's
 * own name with a counter (`patientUuid123`, `uuid-2`). Real identifiers are issued, not typed in order.
 */
export function isPlaceholderIdentifier(value: string): boolean {
  const text = value.trim();
  if (/^\d{3,20}$/.test(text)) {
    return /^(\d)\1+$/.test(text) || isLowEntropyDigits(text) || '01234567890123'.includes(text) || '98765432109876'.includes(text) || /^[1-9]0{4,}[1-9]\d?$/.test(text);
  }
  const uuid = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(text);
  if (uuid) return /^([0-9a-f])\1*[0-9a-f]{0,2}$/i.test(uuid.slice(1).join(''));
  const counted = /^([A-Za-z][A-Za-z_-]*?)[-_]?\d{1,4}$/.exec(text);
  return !!counted && splitWords(counted[1]).some((word) => ID_KEY_WORDS.has(word));
}

/** What a record key says about its values, for `isSyntheticMarker`. */
function markerKey(context: RuleContext, key: string | undefined, parent: MarkerKey): MarkerKey {
  if (key === undefined) return parent === 'id' || parent === 'ssn' ? parent : undefined;
  const field = fieldKindOfName(context, key);
  if (field === 'name') return 'name';
  if (field === 'ssn') return 'ssn';
  if (field === 'mrn' || field === 'mbi' || (field !== undefined && field in WORLD_IDS) || ID_KEY_WORDS.has(splitWords(key).at(-1) ?? '')) return 'id';
  // FHIR `identifier: [{ system, value }]`: the identifier's parts stay under it.
  return parent === 'id' || parent === 'ssn' ? parent : undefined;
}

/** A value that only a made-up record holds: a reserved domain, a fictional number, a reserved SSN area, a placeholder name (under a name key), a placeholder identifier (under an id key). */
export function isSyntheticMarker(value: string, underKey: MarkerKey): boolean {
  const text = value.trim();
  const underNameKey = underKey === 'name';
  if ((underKey === 'id' || underKey === 'ssn') && isPlaceholderIdentifier(text)) return true;
  if (text.length < 3 || text.length > 80) return false;
  const email = EMAIL.exec(text);
  if (email) return !isRealisticEmail(text);
  // nine plain digits are an SSN's only under its key: under another identifier's (a BSN, a national id) they are that identifier
  const ssn = (underKey === 'id' ? /^(\d{3})-(\d{2})-(\d{4})$/ : /^(\d{3})[\s-]?(\d{2})[\s-]?(\d{4})$/).exec(text);
  if (ssn) return !isRealisticSsn(ssn[1] + ssn[2] + ssn[3]);
  const digits = text.replace(/\D/g, '');
  if (/^[+\d\s().-]{10,20}$/.test(text) && digits.length >= 10) {
    if (isFictionalPhoneDigits(digits)) return true;
    // an identifier from a reserved or test range (the NHS number test range and sandboxes)
    if (underKey === 'id' && digits.length === 10 && /^[\d\s-]+$/.test(text) && isValidNhsNumber(digits) && !isIssuedNhsNumber(digits)) return true;
    return false;
  }
  if (underNameKey && /^[\p{L}\d'’.\s-]+$/u.test(text)) return text.split(/[\s-]+/).some(isPlaceholderNameWord);
  return false;
}

// ── what a key says the value is ─────────────────────────────────────────────────────────────

type WorldIdField = 'nhs-number' | 'aadhaar' | 'abha' | 'cpf' | 'cns' | 'bsn' | 'ihi' | 'nhi' | 'nir' | 'health-card-number' | 'national-id';
type FieldKind = 'ssn' | 'mbi' | 'dea' | 'email' | 'phone' | 'dob' | 'mrn' | 'name' | WorldIdField;

/** The world's health and national identifiers: the PHI kind a key names, and how its value validates. */
const WORLD_IDS: Record<WorldIdField, { validate: (value: string) => boolean; checkDigit: boolean }> = {
  'nhs-number': { validate: (value) => isValidNhsNumber(value) && isIssuedNhsNumber(value), checkDigit: true },
  aadhaar: { validate: isValidAadhaar, checkDigit: true },
  abha: { validate: isValidAbhaNumber, checkDigit: false },
  cpf: { validate: isValidCpf, checkDigit: true },
  cns: { validate: isValidCns, checkDigit: true },
  bsn: { validate: isValidBsn, checkDigit: true },
  ihi: { validate: isValidIhi, checkDigit: true },
  nhi: { validate: isValidNhi, checkDigit: true },
  nir: { validate: isValidNir, checkDigit: true },
  'health-card-number': { validate: (value) => isValidOhip(value) || isValidMedicareAu(value), checkDigit: true },
  'national-id': { validate: isPlausibleNationalId, checkDigit: false },
};
const WORLD_ID_FIELDS = Object.keys(WORLD_IDS) as WorldIdField[];

/** Words that make a name metadata, not the value: `SSN_PATTERN`, `dobFormat`, `mbiLength`. */
const METADATA_WORDS = new Set(['pattern', 'regex', 'regexp', 're', 'format', 'fmt', 'mask', 'masked', 'placeholder', 'example', 'sample', 'label', 'length', 'len', 'template', 'hint', 'validator', 'valid', 'invalid', 'error', 'message', 'hash', 'hashed', 'encrypted', 'token', 'redacted', 'last4', 'last', 'fake', 'dummy', 'test', 'mock', 'type', 'system', 'field', 'column', 'key', 'name']);
/** Words that make an email or phone a patient's (or a relative's) rather than the system's or a clinician's. */
const PATIENT_WORDS = new Set([
  'patient', 'patients', 'pt', 'member', 'members', 'subscriber', 'beneficiary', 'guarantor', 'insured', 'enrollee', 'kin',
  'guardian', 'emergency', 'resident', 'applicant', 'dependent', 'dependents', 'spouse', 'mother', 'father', 'parent', 'parents',
  'child', 'children', 'newborn', 'caregiver', 'relatedperson', 'demographics', 'intake', 'beneficiaries', 'subscribers',
]);
/** FHIR identifier systems (URLs and OIDs). */
const SSN_SYSTEMS = /us-ssn|2\.16\.840\.1\.113883\.4\.1$/;
const MBI_SYSTEMS = /us-mbi|2\.16\.840\.1\.113883\.4\.927/;

/** FHIR HumanName parts. */
const NAME_PART_KEYS = new Set(['given', 'family', 'prefix_name']);
/** Names of accounts, not people: `userName`, `loginName`. */
const ACCOUNT_WORDS = new Set(['user', 'login', 'account', 'screen', 'nick', 'nickname', 'display', 'host', 'file', 'company', 'org', 'organization', 'clinic', 'facility', 'practice', 'drug', 'medication', 'product', 'brand', 'generic']);

function fieldKindOfName(context: RuleContext, name: string): FieldKind | undefined {
  const words = keyWords(name);
  if (isPersonNameKey(context, name, words)) return 'name';
  if (words.some((word) => METADATA_WORDS.has(word))) return undefined;
  const kinds = context.classifyName(name);
  if (kinds.includes('ssn')) return 'ssn';
  if (words.includes('mbi') || words.includes('medicare') || words.includes('hicn')) return 'mbi';
  if (words.some((word) => word === 'member' || word === 'beneficiary' || word === 'subscriber') && words.some((word) => ['id', 'number', 'no', 'num', 'identifier'].includes(word))) return 'mbi';
  if (words.includes('dea')) return 'dea';
  if (kinds.includes('date-of-birth')) return 'dob';
  if (kinds.includes('email')) return 'email';
  if (kinds.includes('phone') || kinds.includes('fax')) return 'phone';
  if (kinds.includes('mrn')) return 'mrn';
  const world = WORLD_ID_FIELDS.find((field) => kinds.includes(field));
  if (world) return world;
  return undefined;
}

/** `firstName`, `lastName`, `patientName`, a FHIR `given`/`family`; `name` itself (only ever a companion of a birth date). */
function isPersonNameKey(context: RuleContext, name: string, words: readonly string[]): boolean {
  if (NAME_PART_KEYS.has(name)) return true;
  if (!words.includes('name') && !words.includes('names') && !words.includes('surname') && !words.includes('firstname') && !words.includes('lastname')) return false;
  if (words.some((word) => ACCOUNT_WORDS.has(word) || (METADATA_WORDS.has(word) && word !== 'name' && word !== 'last'))) return false;
  return context.classify(name, true).kinds.includes('name');
}

/** FHIR `{ system: 'email', value: … }` and `{ system: 'http://hl7.org/fhir/sid/us-ssn', value: … }`. */
function fieldKindOfSystem(system: unknown): FieldKind | undefined {
  if (typeof system !== 'string') return undefined;
  if (system === 'email') return 'email';
  if (system === 'phone' || system === 'sms' || system === 'fax') return 'phone';
  if (SSN_SYSTEMS.test(system)) return 'ssn';
  if (MBI_SYSTEMS.test(system)) return 'mbi';
  return undefined;
}

/**
 * Whether the nearest name that says whose data it is (the key, the enclosing keys and call, then the
 * file's path) says a patient's: a clinic's phone in `helpers/locations.tsx` of an intake app is the
 * clinic's, not a patient's.
 */
function namesPatient(names: readonly string[]): boolean {
  for (const name of names) {
    if (!name) continue;
    if (namesHaveWord([name], PATIENT_WORDS)) return true;
    if (subjectOfName(name) === 'workforce') return false;
  }
  return false;
}

interface Finding {
  messageId: 'ssn' | 'mbi' | 'dea' | 'email' | 'phone' | 'dob' | 'mrn' | 'name' | 'worldId' | 'worldIdFormat';
  kind: string;
  precision: 'high' | 'medium';
  /** Identifiers whose value validates (structure, reserved ranges, check digits), unlike names and dates. */
  validates: boolean;
}

const worldFinding = (field: WorldIdField): Finding => ({ messageId: WORLD_IDS[field].checkDigit ? 'worldId' : 'worldIdFormat', kind: field, precision: WORLD_IDS[field].checkDigit ? 'high' : 'medium', validates: WORLD_IDS[field].checkDigit });

const FINDINGS: Record<FieldKind, Finding> = {
  ...(Object.fromEntries(WORLD_ID_FIELDS.map((field) => [field, worldFinding(field)])) as Record<WorldIdField, Finding>),
  ssn: { messageId: 'ssn', kind: 'ssn', precision: 'high', validates: true },
  mbi: { messageId: 'mbi', kind: 'health-plan-id', precision: 'high', validates: true },
  dea: { messageId: 'dea', kind: 'license-number', precision: 'high', validates: true },
  email: { messageId: 'email', kind: 'email', precision: 'medium', validates: false },
  phone: { messageId: 'phone', kind: 'phone', precision: 'medium', validates: false },
  dob: { messageId: 'dob', kind: 'date-of-birth', precision: 'medium', validates: false },
  mrn: { messageId: 'mrn', kind: 'mrn', precision: 'medium', validates: false },
  name: { messageId: 'name', kind: 'name', precision: 'medium', validates: false },
};

/** Formats distinctive enough to recognise without a key, when their check digits pass. */
const SPACED_NHS = /(?<![\w-])(\d{3}) (\d{3}) (\d{4})(?![\w-])/g;
const DOTTED_CPF = /(?<![\w.-])(\d{3}\.\d{3}\.\d{3}-\d{2})(?![\w.-])/g;
const SPACED_AADHAAR = /(?<![\w-])([2-9]\d{3} \d{4} \d{4})(?![\w-])/g;

const DIGIT_THEN_SEPARATOR = /\d[-. ]/;

/** Identifiers recognisable by their shape wherever they are written: dashed SSNs and MBIs. */
function shapeFinding(text: string): Finding | undefined {
  if (text.length < 11 || text.length > 100_000) return undefined;
  // Each shape below has a digit followed by its separator (`-`, `.` or a space): text without one holds none of them.
  if (!DIGIT_THEN_SEPARATOR.test(text)) return undefined;
  for (const match of text.matchAll(DASHED_SSN)) if (isRealisticSsn(match[1] + match[2] + match[3])) return FINDINGS.ssn;
  for (const match of text.matchAll(DASHED_MBI)) if (isRealisticMbi(match[1] + match[2] + match[3])) return FINDINGS.mbi;
  for (const match of text.matchAll(SPACED_NHS)) if (isValidNhsNumber(match[0]) && isIssuedNhsNumber(match[0])) return FINDINGS['nhs-number'];
  for (const match of text.matchAll(DOTTED_CPF)) if (isValidCpf(match[1]) && !isLowEntropyDigits(match[1].replace(/\D/g, ''))) return FINDINGS.cpf;
  for (const match of text.matchAll(SPACED_AADHAAR)) if (isValidAadhaar(match[1]) && !isLowEntropyDigits(match[1].replace(/\D/g, ''))) return FINDINGS.aadhaar;
  return undefined;
}

/** Placeholder digits under any identifier kind: a check digit can be computed for `1111111111111` too. */
function validWorldId(field: WorldIdField, value: string): boolean {
  return WORLD_IDS[field].validate(value) && !isLowEntropyDigits(value.replace(/\D/g, ''));
}

/** Identifiers only recognisable because the key names them. */
function keyedFinding(text: string, field: FieldKind | undefined, patient: boolean): Finding | undefined {
  if (!field || text.length > 64) return undefined;
  const value = text.trim();
  switch (field) {
    case 'ssn':
      return /^\d{3}[\s-]?\d{2}[\s-]?\d{4}$/.test(value) && isRealisticSsn(value.replace(/\D/g, '')) ? FINDINGS.ssn : undefined;
    case 'mbi':
      return isRealisticMbi(value.replace(/-/g, '')) ? FINDINGS.mbi : undefined;
    case 'dea':
      return isRealisticDea(value) ? FINDINGS.dea : undefined;
    case 'email':
      return patient && isRealisticEmail(value) ? FINDINGS.email : undefined;
    case 'phone':
      return patient && isRealisticPhone(value) ? FINDINGS.phone : undefined;
    case 'dob':
    case 'mrn':
    case 'name':
      // a birth date, a name or an MRN alone identifies no one: only next to another identifier (see below)
      return undefined;
    default:
      return validWorldId(field, value) ? FINDINGS[field] : undefined;
  }
}

/**
 * An identifier that, held in the same record as a birth date, makes that record a person's: a name, an
 * SSN, MBI, MRN, email or phone, whoever's it is.
 */
function companionFinding(text: string, field: FieldKind | undefined): Finding | undefined {
  const shape = shapeFinding(text);
  if (shape) return shape;
  if (!field || text.length > 64) return undefined;
  const value = text.trim();
  switch (field) {
    case 'ssn':
    case 'mbi':
      return keyedFinding(text, field, true);
    case 'email':
      return isRealisticEmail(value) ? FINDINGS.email : undefined;
    case 'phone':
      return isRealisticPhone(value) ? FINDINGS.phone : undefined;
    case 'mrn':
      return isRealisticMrn(value) ? FINDINGS.mrn : undefined;
    case 'name':
      return isRealisticName(value) ? FINDINGS.name : undefined;
    case 'dea':
    case 'dob':
      return undefined;
    default:
      return keyedFinding(text, field, true);
  }
}

/** Words that make an object a search, a filter or query parameters, not a record: its dates are bounds, not birth dates. */
const QUERY_WORDS = new Set(['query', 'queries', 'search', 'searches', 'filter', 'filters', 'params', 'param', 'parameters', 'where', 'criteria', 'qs']);

function namesQuery(names: readonly (string | undefined)[]): boolean {
  return names.some((name) => name !== undefined && keyWords(name).some((word) => QUERY_WORDS.has(word)));
}

// ── where a literal sits ─────────────────────────────────────────────────────────────────────

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ArrayExpression']);

interface Placement {
  field?: FieldKind;
  patient: boolean;
}

/** The fields keyedFinding reports only when the literal is a patient's (a clinic's phone is not). */
const PATIENT_DEPENDENT_FIELDS: ReadonlySet<FieldKind | undefined> = new Set<FieldKind | undefined>(['email', 'phone']);

/** The file's path segments, innermost first; asked for every literal of a file, split once per file. */
let lastPathSegments: { file: string; reversed: readonly string[] } | undefined;
function reversedPathSegments(file: string): readonly string[] {
  if (lastPathSegments?.file !== file) lastPathSegments = { file, reversed: file.split('/').reverse() };
  return lastPathSegments.reversed;
}

/**
 * The key, variable or assignment target a code literal is the value of, and whether it belongs to a patient.
 * `patient` is worked out only for a field whose finding depends on it (see PATIENT_DEPENDENT_FIELDS); false for the others.
 */
function codePlacement(context: RuleContext, literal: Node): Placement {
  let current: Node = literal;
  let parent = current.parent as Node | undefined;
  while (parent && WRAPPERS.has(parent.type)) {
    current = parent;
    parent = parent.parent as Node | undefined;
  }
  let name: string | undefined;
  let property: TSESTree.Property | undefined;
  if (parent?.type === 'Property' && parent.value === current) {
    property = parent;
    name = keyName(parent.key);
  } else if (parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
    name = parent.id.name;
  } else if (parent?.type === 'AssignmentExpression' && parent.right === current) {
    name = lastSegment(parent.left);
  }
  const folders = reversedPathSegments(context.file);
  if (!property) {
    const field = name !== undefined ? fieldKindOfName(context, name) : undefined;
    return { field, patient: name !== undefined && PATIENT_DEPENDENT_FIELDS.has(field) && namesPatient([name, ...folders]) };
  }
  const object = property.parent as TSESTree.ObjectExpression;
  const system = name === 'value' ? fieldKindOfSystem(codeObjectString(context, object, 'system')) : undefined;
  const field = system ?? (name !== undefined ? fieldKindOfName(context, name) : undefined);
  // Every literal of a file asks for its placement; whose it is matters only to an email or a phone (keyedFinding).
  if (!PATIENT_DEPENDENT_FIELDS.has(field)) return { field, patient: false };
  const names = [name ?? '', ...enclosingNames(property), calleeText(enclosingCall(property)) ?? '', ...folders];
  return { field, patient: namesPatient(names) || inPersonResource(context, object) };
}

function codeObjectString(context: RuleContext, object: TSESTree.ObjectExpression, key: string): unknown {
  const property = propertyNamed(object, key);
  return property ? codeConstant(context, property.value as Node) : undefined;
}

/** An object literal inside a `{ resourceType: 'Patient', … }`. */
function inPersonResource(context: RuleContext, object: Node): boolean {
  for (let current: Node | undefined = object; current; current = current.parent as Node | undefined) {
    if (current.type === 'ObjectExpression') {
      const type = codeObjectString(context, current, 'resourceType');
      if (typeof type === 'string') return isPersonResource(type);
    } else if (!['Property', 'ArrayExpression', 'TSAsExpression', 'TSSatisfiesExpression'].includes(current.type)) {
      return false;
    }
  }
  return false;
}

function jsonPlacement(context: RuleContext, node: JsonNode, path: readonly string[]): Placement {
  const keys = path.filter((segment) => !/^\d+$/.test(segment));
  const name = node.parent?.type === 'property' ? path[path.length - 1] : keys[keys.length - 1];
  const object = node.parent?.type === 'property' ? node.parent.parent : undefined;
  const system = name === 'value' ? fieldKindOfSystem(jsonScalar(jsonObjectProperties(object).get('system'))) : undefined;
  const field = system ?? (name !== undefined ? fieldKindOfName(context, name) : undefined);
  let patient = namesPatient([...[...keys].reverse(), ...context.file.split('/').reverse()]);
  if (!patient) {
    for (const enclosing of jsonEnclosingObjects(node)) {
      const type = jsonScalar(jsonObjectProperties(enclosing).get('resourceType'));
      if (typeof type === 'string') {
        patient = isPersonResource(type);
        break;
      }
    }
  }
  return { field, patient };
}

// ── records: a birth date counts only next to another identifier ───────────────────────────

/** Expressions a literal can be wrapped in while still being a property's value. */
const CODE_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

function codeText(node: Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function unwrapCode(node: Node): Node {
  let current = node;
  while (CODE_WRAPPERS.has(current.type)) current = (current as TSESTree.TSAsExpression).expression;
  return current;
}

/** The object property whose value (through arrays and type assertions) a literal is. */
function codePropertyOf(literal: Node): TSESTree.Property | undefined {
  let current: Node = literal;
  let parent = current.parent as Node | undefined;
  while (parent && WRAPPERS.has(parent.type)) {
    current = parent;
    parent = parent.parent as Node | undefined;
  }
  return parent?.type === 'Property' && parent.value === current ? parent : undefined;
}

/** A property of search/filter/query parameters: `searchResources('Patient', { birthdate })`, `where: { … }`, `const params = { … }`. */
function isCodeQuery(property: TSESTree.Property): boolean {
  return namesQuery([...enclosingNames(property), calleeText(enclosingCall(property))]);
}

/** `{ birthDate: '1984-03-12', … }` directly in this object, in a record rather than a query. */
function codeRecordBirthDate(context: RuleContext, object: TSESTree.ObjectExpression): boolean {
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = keyName(property.key);
    if (key === undefined || fieldKindOfName(context, key) !== 'dob') continue;
    const text = codeText(unwrapCode(property.value as Node));
    if (text !== undefined && isRealisticBirthDate(text) && !isCodeQuery(property)) return true;
  }
  return false;
}

/** Whether an object literal (nested objects and arrays included) holds an identifier other than the given property. */
function codeHoldsCompanion(context: RuleContext, node: Node, except: Node): boolean {
  if (node === except) return false;
  switch (node.type) {
    case 'ObjectExpression':
      return node.properties.some((property) => property.type === 'Property' && property !== except && codeHoldsCompanion(context, property.value as Node, except));
    case 'ArrayExpression':
      return node.elements.some((element) => !!element && element.type !== 'SpreadElement' && codeHoldsCompanion(context, element, except));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return codeHoldsCompanion(context, node.expression, except);
    case 'Literal':
    case 'TemplateLiteral': {
      const field = codePlacement(context, node).field;
      if (node.type === 'Literal' && typeof node.value === 'number') return field === 'ssn' && Number.isInteger(node.value) && node.value >= 1_000_000 && isRealisticSsn(String(node.value).padStart(9, '0'));
      const text = codeText(node);
      return text !== undefined && !!companionFinding(text, field);
    }
    default:
      return false;
  }
}

/** Values looked at per record for placeholders; each record is looked at once (cached), so a large sample stays linear. */
const RECORD_BUDGET = 3000;

/** Whether an object literal (nested objects and arrays included) holds a value only a made-up record holds. */
function codeHoldsSyntheticMarker(context: RuleContext, node: Node, underKey: MarkerKey = undefined, budget = { left: RECORD_BUDGET }): boolean {
  if (--budget.left < 0) return false;
  switch (node.type) {
    case 'ObjectExpression':
      return node.properties.some((property) => {
        if (property.type !== 'Property') return false;
        return codeHoldsSyntheticMarker(context, property.value as Node, markerKey(context, keyName(property.key), underKey), budget);
      });
    case 'ArrayExpression':
      return node.elements.some((element) => !!element && element.type !== 'SpreadElement' && codeHoldsSyntheticMarker(context, element, underKey, budget));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return codeHoldsSyntheticMarker(context, node.expression, underKey, budget);
    default: {
      const text = codeText(node);
      return text !== undefined && isSyntheticMarker(text, underKey);
    }
  }
}

/**
 * The record a literal belongs to: the nearest FHIR resource around it (an object with `resourceType`), else
 * the outermost object literal it sits in (through properties, arrays and type assertions) that is not a
 * collection of records — in `{ rx1: {…}, rx2: {…} }` each entry is its own record.
 */
function codeRecordOf(context: RuleContext, node: Node): Node | undefined {
  return codeRecordFrom(node.parent as Node | undefined);
}

/** The record whose innermost candidate object is `start` (or one of its ancestors). */
function codeRecordFrom(start: Node | undefined): Node | undefined {
  let record: Node | undefined;
  for (let current: Node | undefined = start; current; current = current.parent as Node | undefined) {
    if (current.type === 'ObjectExpression') {
      if (propertyNamed(current, 'resourceType')) return current;
      if (!record || !isCodeCollection(current)) record = current;
    } else if (current.type !== 'Property' && current.type !== 'ArrayExpression' && !CODE_WRAPPERS.has(current.type)) break;
  }
  return record;
}

/** An object of two or more entries that are all records themselves (objects, or arrays of objects). */
function isCodeCollection(object: TSESTree.ObjectExpression): boolean {
  if (object.properties.length < 2) return false;
  return object.properties.every((property) => {
    if (property.type !== 'Property') return false;
    const value = unwrapCode(property.value as Node);
    return value.type === 'ObjectExpression' || (value.type === 'ArrayExpression' && value.elements.length > 0 && value.elements.every((element) => !!element && unwrapCode(element as Node).type === 'ObjectExpression'));
  });
}

/** A birth date that sits in an object together with another identifier, outside search parameters. */
function codeBirthDateInRecord(context: RuleContext, literal: Node, text: string): boolean {
  if (!isRealisticBirthDate(text)) return false;
  const property = codePropertyOf(literal);
  if (!property || isCodeQuery(property)) return false;
  return codeHoldsCompanion(context, property.parent as Node, property);
}

/** An identifier held, at any depth, by an object that also holds a birth date. */
function codeInRecordWithBirthDate(context: RuleContext, literal: Node): boolean {
  for (let current: Node | undefined = literal.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if (current.type === 'ObjectExpression' && codeRecordBirthDate(context, current)) return true;
    if (current.type !== 'ObjectExpression' && current.type !== 'Property' && current.type !== 'ArrayExpression' && !CODE_WRAPPERS.has(current.type)) return false;
  }
  return false;
}

/** Keys from the JSON document's root down to a node (array indexes left out). */
function jsonKeyPath(node: JsonNode): string[] {
  const keys: string[] = [];
  for (let current: JsonNode | undefined = node; current; current = current.parent) {
    if (current.type === 'property' && current.children?.[0]) keys.unshift(String(current.children[0].value));
  }
  return keys;
}

/** The property a JSON value (through arrays) is the value of. */
function jsonPropertyOf(node: JsonNode): JsonNode | undefined {
  let current: JsonNode | undefined = node.parent;
  while (current?.type === 'array') current = current.parent;
  return current?.type === 'property' ? current : undefined;
}

function jsonField(context: RuleContext, node: JsonNode): FieldKind | undefined {
  const property = jsonPropertyOf(node);
  const key = property?.children?.[0] ? String(property.children[0].value) : undefined;
  if (key === undefined) return undefined;
  const system = key === 'value' && node.parent === property ? fieldKindOfSystem(jsonScalar(jsonObjectProperties(property!.parent).get('system'))) : undefined;
  return system ?? fieldKindOfName(context, key);
}

function jsonRecordBirthDate(context: RuleContext, object: JsonNode): boolean {
  if (namesQuery(jsonKeyPath(object))) return false;
  for (const [key, value] of jsonObjectProperties(object)) {
    if (value?.type === 'string' && fieldKindOfName(context, key) === 'dob' && isRealisticBirthDate(String(value.value))) return true;
  }
  return false;
}

function jsonHoldsCompanion(context: RuleContext, node: JsonNode, except: JsonNode): boolean {
  if (node === except) return false;
  if (node.type === 'object' || node.type === 'array') return (node.children ?? []).some((child) => jsonHoldsCompanion(context, child, except));
  if (node.type === 'property') return !!node.children?.[1] && jsonHoldsCompanion(context, node.children[1], except);
  if (node.type === 'string') return !!companionFinding(String(node.value), jsonField(context, node));
  if (node.type === 'number' && Number.isInteger(node.value)) return jsonField(context, node) === 'ssn' && Number(node.value) >= 1_000_000 && isRealisticSsn(String(node.value).padStart(9, '0'));
  return false;
}

function jsonBirthDateInRecord(context: RuleContext, node: JsonNode, text: string): boolean {
  if (!isRealisticBirthDate(text)) return false;
  const property = jsonPropertyOf(node);
  const object = property?.parent;
  if (!property || object?.type !== 'object' || namesQuery(jsonKeyPath(object))) return false;
  return jsonHoldsCompanion(context, object, property);
}

function jsonHoldsSyntheticMarker(context: RuleContext, node: JsonNode, underKey: MarkerKey = undefined, budget = { left: RECORD_BUDGET }): boolean {
  if (--budget.left < 0) return false;
  if (node.type === 'property') {
    const key = node.children?.[0]?.value;
    return !!node.children?.[1] && jsonHoldsSyntheticMarker(context, node.children[1], markerKey(context, typeof key === 'string' ? key : undefined, underKey), budget);
  }
  if (node.type === 'object' || node.type === 'array') return (node.children ?? []).some((child) => jsonHoldsSyntheticMarker(context, child, underKey, budget));
  return node.type === 'string' && isSyntheticMarker(String(node.value), underKey);
}

/**
 * The record a JSON value belongs to: the nearest FHIR resource around it, else the outermost object below the
 * document's top level that is not a collection of records (as for code).
 */
function jsonRecordOf(node: JsonNode): JsonNode | undefined {
  return jsonRecordFrom(node.parent) ?? (node.parent?.type === 'property' ? node.parent.parent : undefined);
}

function jsonRecordFrom(start: JsonNode | undefined): JsonNode | undefined {
  let record: JsonNode | undefined;
  for (let current = start; current; current = current.parent) {
    if (current.type !== 'object') continue;
    if (jsonObjectProperties(current).has('resourceType')) return current;
    if (current.parent !== undefined && (!record || !isJsonCollection(current))) record = current;
  }
  return record;
}

function isJsonCollection(object: JsonNode): boolean {
  const properties = object.children ?? [];
  if (properties.length < 2) return false;
  return properties.every((property) => {
    const value = property.children?.[1];
    return value?.type === 'object' || (value?.type === 'array' && (value.children ?? []).length > 0 && (value.children ?? []).every((child) => child.type === 'object'));
  });
}

function jsonInRecordWithBirthDate(context: RuleContext, node: JsonNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'object' && jsonRecordBirthDate(context, current)) return true;
  return false;
}

// ── files of made-up people, by their content ─────────────────────────────────────────────────

/** Field kinds that make an object a person's record when two of them are present. */
const PERSON_FIELDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['name', 'dob', 'email', 'phone', 'ssn', 'mbi', 'mrn', ...WORLD_ID_FIELDS]);
/** Made-up person records that make a whole file sample data: one can be an oversight, several are a data set. */
const SAMPLE_RECORDS_PER_FILE = 2;

function personFieldCount(context: RuleContext, keys: Iterable<string>): number {
  let count = 0;
  for (const key of keys) if (PERSON_FIELDS.has(fieldKindOfName(context, key) as FieldKind)) count++;
  return count;
}

/** Whether a code file holds several person records (objects with two or more person fields, or FHIR Patients) whose values are placeholders. */
function codeFileOfSampleRecords(context: RuleContext, program: Node): boolean {
  const seen = new Set<Node>();
  let budget = 20_000;
  let found = false;
  findInSubtree(program, (node) => {
    // past the budget, stop walking (a file this large is judged by its records alone)
    if (--budget < 0) return true;
    if (node.type !== 'ObjectExpression') return false;
    const type = codeObjectString(context, node, 'resourceType');
    const keys = node.properties.flatMap((property) => (property.type === 'Property' ? [keyName(property.key) ?? ''] : []));
    if (!(typeof type === 'string' && isPersonResource(type)) && personFieldCount(context, keys) < 2) return false;
    const record = codeRecordFrom(node) ?? node;
    if (seen.has(record) || !codeHoldsSyntheticMarker(context, record)) return false;
    seen.add(record);
    found = seen.size >= SAMPLE_RECORDS_PER_FILE;
    return found;
  }, true);
  return found;
}

function jsonFileOfSampleRecords(context: RuleContext, root: JsonNode): boolean {
  const seen = new Set<JsonNode>();
  const stack: JsonNode[] = [root];
  let budget = 20_000;
  while (stack.length && --budget > 0) {
    const node = stack.pop()!;
    for (const child of node.children ?? []) stack.push(child);
    if (node.type !== 'object') continue;
    const properties = jsonObjectProperties(node);
    const type = jsonScalar(properties.get('resourceType'));
    if (!(typeof type === 'string' && isPersonResource(type)) && personFieldCount(context, properties.keys()) < 2) continue;
    const record = jsonRecordFrom(node) ?? node;
    if (seen.has(record) || !jsonHoldsSyntheticMarker(context, record)) continue;
    seen.add(record);
    if (seen.size >= SAMPLE_RECORDS_PER_FILE) return true;
  }
  return false;
}

export default createRule({
  meta: {
    id: 'no-phi-literal',
    description: 'Disallow real-looking patient identifiers (SSNs, Medicare numbers, DEA numbers, patient contact details and birth dates) in source code, tests and fixtures.',
    rationale:
      'Identifiers copied from production into source, test data, seed files and fixtures end up in every clone of the repository, in CI logs and in bug reports, outside every access control. HIPAA de-identification (164.514(b)) requires removing them. Use synthetic values that cannot belong to anyone: SSNs in the 000/666/9xx areas, reserved example.com addresses, 555-01xx phone numbers, generated data.',
    category: 'literals',
    defaultSeverity: 'error',
    cwe: ['CWE-359', 'CWE-200'],
    hipaa: ['164.514(b)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      ssn: '{{what}} looks like a real SSN. Use an obviously invalid test value (area 000, 666 or 900–999) or generate one at test time.',
      mbi: '{{what}} looks like a real Medicare Beneficiary Identifier. Use a generated value or CMS’s published example.',
      dea: '{{what}} looks like a real DEA registration number (its check digit is valid). Use a value with a wrong check digit in test data.',
      email: '{{what}} looks like a real patient email address. Use a reserved domain such as example.com.',
      phone: '{{what}} looks like a real patient phone number. Use a fictional number (555-0100 to 555-0199).',
      dob: '{{what}} looks like a real patient date of birth, next to another identifier of the same person. Use synthetic or generated dates in test data.',
      mrn: '{{what}} looks like a real medical record number, in a record with a date of birth. Use generated values in test data.',
      name: '{{what}} looks like a real person’s name, in a record with a date of birth. Use synthetic names (or generated data) in test data.',
      worldId: '{{what}} looks like a real {{label}}: its check digit is valid. Use a value with a wrong check digit, or generate one at test time.',
      worldIdFormat: '{{what}} looks like a real {{label}}. Use an obviously fake value (repeated digits) or generate one at test time.',
    },
    schema: {
      type: 'object',
      properties: {
        evidence: {
          type: 'string',
          enum: ['identifiers', 'broad'],
          description:
            "What counts as evidence that a literal is a real person's: 'identifiers' (default) reports only identifiers whose value validates (SSN issued ranges, MBI, DEA and national/health check digits) outside reserved and test ranges; 'broad' also reports patient e-mails and phones, and birth dates with the names, MRNs and contacts of the same record, in production code.",
        },
      },
      additionalProperties: false,
    },
    languages: ['code', 'json'],
    // Real identifiers copied into tests and fixtures are the leak this rule is for; there it reports
    // only values that validate as real (see SYNTHETIC_ROLES), never made-up names or dates.
    roles: ['production', 'script', 'development', 'unreachable', 'simulation', 'test', 'mock', 'fixture', 'story', 'e2e'],
  },
  defaultOptions: { evidence: 'identifiers' as 'identifiers' | 'broad' },
  create(context, options) {
    // Tests, fixtures and sample data hold made-up people: only identifiers that validate as real count there.
    const synthetic = SYNTHETIC_ROLES.has(context.fileRole) || isDataSampleFile(context.file);
    // On whole repositories every name, date, e-mail and phone reported without a validating identifier was
    // made up (see the doc): by default only validating identifiers are evidence enough.
    const validatedOnly = synthetic || options.evidence !== 'broad';
    const reportCode = (node: Node, finding: Finding, what: string) => {
      context.report({ node, messageId: finding.messageId, data: { what, label: kindLabel(finding.kind) }, kinds: [finding.kind], precision: finding.precision });
    };
    /** Whether each record holds a placeholder value, looked at once per record. */
    const syntheticCodeRecords = new WeakMap<object, boolean>();
    const inSyntheticCodeRecord = (node: Node): boolean => {
      const record = codeRecordOf(context, node);
      if (!record) return false;
      let known = syntheticCodeRecords.get(record);
      if (known === undefined) syntheticCodeRecords.set(record, (known = codeHoldsSyntheticMarker(context, record)));
      return known;
    };
    const syntheticJsonRecords = new WeakMap<object, boolean>();
    const inSyntheticJsonRecord = (node: JsonNode): boolean => {
      const record = jsonRecordOf(node);
      if (!record) return false;
      let known = syntheticJsonRecords.get(record);
      if (known === undefined) syntheticJsonRecords.set(record, (known = jsonHoldsSyntheticMarker(context, record)));
      return known;
    };
    /** A file of several made-up person records is sample data wherever it lives (looked at once, on the first broad finding). */
    let sampleByContent: boolean | undefined;
    const codeFileIsSample = (node: Node): boolean => {
      if (sampleByContent === undefined) {
        let root: Node = node;
        while (root.parent) root = root.parent as Node;
        sampleByContent = codeFileOfSampleRecords(context, root);
      }
      return sampleByContent;
    };
    const jsonFileIsSample = (node: JsonNode): boolean => {
      if (sampleByContent === undefined) {
        let root: JsonNode = node;
        while (root.parent) root = root.parent;
        sampleByContent = jsonFileOfSampleRecords(context, root);
      }
      return sampleByContent;
    };
    /** A birth date next to another identifier, or an identifier next to a birth date (broad evidence only). */
    const recordFinding = (node: Node, text: string, field: FieldKind | undefined): Finding | undefined => {
      if (validatedOnly) return undefined;
      if (field === 'dob') return codeBirthDateInRecord(context, node, text) ? FINDINGS.dob : undefined;
      const companion = companionFinding(text, field);
      return companion && codeInRecordWithBirthDate(context, node) ? companion : undefined;
    };
    /** Only findings whose value validates (SSN structure, MBI format, check digits), unless broad evidence is asked for outside sample data. */
    const validatingOnly = (finding: Finding | undefined): Finding | undefined => (finding && validatedOnly && !finding.validates ? undefined : finding);
    /** In the broad mode, a finding that does not validate is dropped in a file of made-up people. */
    const codeBroadKept = (finding: Finding | undefined, node: Node): Finding | undefined => (finding && !finding.validates && codeFileIsSample(node) ? undefined : finding);
    const jsonBroadKept = (finding: Finding | undefined, node: JsonNode): Finding | undefined => (finding && !finding.validates && jsonFileIsSample(node) ? undefined : finding);
    const checkCodeString = (node: Node, text: string, keyed: boolean) => {
      let finding = shapeFinding(text);
      if (finding && textNamesFictionalPerson(text)) return;
      if (!finding && keyed) {
        const placement = codePlacement(context, node);
        finding = codeBroadKept(validatingOnly(keyedFinding(text, placement.field, placement.patient)) ?? recordFinding(node, text, placement.field), node);
      }
      // A record that holds any placeholder (a fictional name, a reserved domain, a test-range id) is made up, all of it.
      if (finding && !inSyntheticCodeRecord(node)) reportCode(node, finding, 'String literal');
    };

    const jsonRecordFinding = (node: JsonNode, text: string, field: FieldKind | undefined): Finding | undefined => {
      if (validatedOnly) return undefined;
      if (field === 'dob') return jsonBirthDateInRecord(context, node, text) ? FINDINGS.dob : undefined;
      const companion = companionFinding(text, field);
      return companion && jsonInRecordWithBirthDate(context, node) ? companion : undefined;
    };

    return {
      Literal(node: TSESTree.Literal) {
        if ('regex' in node && node.regex) return;
        if (typeof node.value === 'string') {
          checkCodeString(node, node.value, true);
        } else if (typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1_000_000 && node.value < 1_000_000_000) {
          // 219451234 under an ssn key (leading zeros cannot be written, so 9 digits or fewer)
          const placement = codePlacement(context, node);
          const digits = String(node.value).padStart(9, '0');
          if (placement.field === 'ssn' && isRealisticSsn(digits) && !inSyntheticCodeRecord(node)) reportCode(node, FINDINGS.ssn, 'Number literal');
        }
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (node.expressions.length === 0) {
          checkCodeString(node, node.quasis[0]?.value.cooked ?? '', true);
          return;
        }
        for (const quasi of node.quasis) checkCodeString(quasi, quasi.value.cooked ?? '', false);
      },
      JSXText(node: TSESTree.JSXText) {
        checkCodeString(node, node.value, false);
      },
      JsonString(node: JsonNode, path: string[]) {
        const text = String(node.value);
        const report = (finding: Finding) => context.report({ jsonNode: node, messageId: finding.messageId, data: { what: 'String value', label: kindLabel(finding.kind) }, kinds: [finding.kind], precision: finding.precision });
        let finding = shapeFinding(text);
        if (finding && textNamesFictionalPerson(text)) return;
        if (!finding) {
          const placement = jsonPlacement(context, node, path);
          finding = jsonBroadKept(validatingOnly(keyedFinding(text, placement.field, placement.patient)) ?? jsonRecordFinding(node, text, placement.field), node);
        }
        if (finding && !inSyntheticJsonRecord(node)) report(finding);
      },
      JsonProperty(property: JsonPropertyInfo) {
        const value = property.valueNode;
        if (value?.type !== 'number' || !Number.isInteger(value.value)) return;
        if (fieldKindOfName(context, property.key) !== 'ssn') return;
        if (isRealisticSsn(String(value.value).padStart(9, '0')) && String(value.value).length >= 7 && !inSyntheticJsonRecord(value)) {
          context.report({ jsonNode: value, messageId: 'ssn', data: { what: 'Number value' }, kinds: ['ssn'], precision: 'high' });
        }
      },
    };
  },
});
