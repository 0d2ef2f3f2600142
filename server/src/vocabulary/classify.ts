// Classifies code names (identifiers, property names, object keys, string keys) into PHI kinds.
// Names are split into words first, so `patientDOB`, `patient_dob` and `PATIENT-DOB` agree.
import { PHI_KINDS, type PhiKindDefinition } from './phi-kinds';
import {
  AMOUNT_AND_LAYOUT_WORDS,
  CARE_SETTING_WORDS,
  NAMED_THING_WORDS,
  MEASUREMENT_AGGREGATE_WORDS,
  MEASUREMENT_KINDS,
  SYNTHETIC_OWNER_WORDS,
  ACCOUNT_CONTEXT_WORDS,
  MESSAGE_CHANNEL_WORDS,
  MESSAGE_SENDING_VERBS,
  OPERATIONS_MESSAGING_WORDS,
  APP_USER_WORDS,
  BOOLEAN_PREFIXES,
  CODE_STRUCTURE_SUFFIXES,
  CONTACT_KINDS as CONTACT_KIND_LIST,
  DOM_LAYOUT_PROPERTIES,
  METADATA_WORDS,
  NON_PERSON_QUALIFIERS,
  PLACE_WORDS,
  ORDINAL_SERIES_WORDS,
  PATIENT_SUBJECT_WORDS,
  PAYER_CATALOGUE_WORDS,
  PERSON_CONTEXT_WORDS,
  PERSON_NAME_MODIFIERS,
  PRODUCT_WORDS,
  REFERENCE_DATA_WORDS,
  SYNTAX_TREE_WORDS,
  SYSTEM_RECORD_QUALIFIERS,
  TAINT_CLEARING_WORDS,
  WORKFORCE_GROUP_WORDS,
  MACHINE_GROUP_WORDS,
  MACHINE_WORDS,
  WORKFORCE_SUBJECT_WORDS,
} from './name-traps';

export interface NameClassification {
  /** PHI kinds the name carries (contextual kinds only when a person context is present). */
  kinds: readonly string[];
  /** The name is a known trap (count, flag, format, masked form, id…): it names no PHI. */
  trap: boolean;
  /**
   * The trap says the value is a safe derivative (a count, a flag, a masked form, an opaque id), so
   * it holds no PHI even when assigned from PHI. Descriptive traps (`error`, `label`, `url`) do not.
   */
  clearsTaint: boolean;
  /** The name itself supplies a person context for contextual words further down a member chain. */
  personContext: boolean;
}

// An acronym's plural is the acronym (`patientIDs`, `encounterUUIDs`, `patientSSNs`: id, uuid, ssn), not `I` + `Ds`.
const WORD_PATTERN = /[A-Z]{2,}s(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;

const splitCache = new Map<string, readonly string[]>();
const SPLIT_CACHE_LIMIT = 50_000;

/** Identifier kinds that are numbers a person is known by: a key naming one says what an `…Id` value is. */
const PERSON_NUMBER_KINDS: ReadonlySet<string> = new Set([
  'ssn', 'mrn', 'health-plan-id', 'national-id', 'nhs-number', 'aadhaar', 'abha', 'cpf', 'cns', 'bsn', 'ihi', 'health-card-number', 'nhi', 'nir',
]);

/** Last words of a name that make it an id or identifier of something rather than a number (`memberId`, `patientIdentifier`). */
const ID_HEAD_WORDS: ReadonlySet<string> = new Set(['id', 'ids', 'uid', 'uids', 'uuid', 'uuids', 'identifier', 'identifiers']);

/**
 * `{ nhsNumber: patientId }`, `?mrn=${patientId}`: a key that names a number a person is known by says the id
 * handed in is that number (an app may well call the NHS number its patient id). A uuid/uid (`mrn: patientUuid`)
 * stays opaque, and a key that is itself an id (`memberId: userId`, `patientIdentifier: patientId`) says nothing.
 */
export function keyNamesTheNumberOfAnId(keyKinds: readonly string[], key: string, valueName: string): boolean {
  const valueLast = splitWords(valueName).at(-1) ?? '';
  const keyLast = splitWords(key).at(-1) ?? '';
  return (valueLast === 'id' || valueLast === 'ids') && !ID_HEAD_WORDS.has(keyLast) && keyKinds.some((kind) => PERSON_NUMBER_KINDS.has(kind));
}

/**
 * `{ patientId: nhsNumber }`, `params: { id: ssn }`: a value known to be nothing but a number a person is known by stays
 * that number under a key naming an id (the app uses the NHS number as its patient id). A record or anything else
 * under such a key is still taken for the opaque id the key names.
 */
export function isOnlyAPersonNumber(kinds: readonly string[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => PERSON_NUMBER_KINDS.has(kind));
}

/**
 * A yes/no question about a name that depends on the name alone, answered once per name: the analysis asks
 * the same ones at every read of a property and for every enclosing function's name.
 */
function nameTest(judge: (name: string) => boolean): { test(name: string): boolean } {
  const answers = new Map<string, boolean>();
  return {
    test(name) {
      let answer = answers.get(name);
      if (answer === undefined) {
        answer = judge(name);
        if (answers.size >= SPLIT_CACHE_LIMIT) answers.clear();
        answers.set(name, answer);
      }
      return answer;
    },
  };
}

/** Lower-case words of a code name. Cached: rules ask about the same names over and over. */
export function splitWords(name: string): readonly string[] {
  let words = splitCache.get(name);
  if (!words) {
    const matched = name.match(WORD_PATTERN);
    words = matched ? matched.map((word) => (ACRONYM_PLURAL.test(word) ? word.slice(0, -1) : word).toLowerCase()) : [];
    if (splitCache.size >= SPLIT_CACHE_LIMIT) splitCache.clear();
    splitCache.set(name, words);
  }
  return words;
}

interface CompiledPattern {
  words: readonly string[];
  kind: string;
  contextual: boolean;
}

/** Kinds whose contextual words name a system's contact when qualified (`supportEmail`, `clinicPhone`). */
export const CONTACT_KINDS: ReadonlySet<string> = new Set(CONTACT_KIND_LIST);
const patientSubjectWords = new Set(PATIENT_SUBJECT_WORDS);
const workforceSubjectWords = new Set(WORKFORCE_SUBJECT_WORDS);
const careSettingWords = new Set(CARE_SETTING_WORDS);
const namedThingWords = new Set(NAMED_THING_WORDS);
const PARAMETER_WORDS = new Set(['params', 'parameters']);
const amountAndLayoutWords = new Set(AMOUNT_AND_LAYOUT_WORDS);
const measurementKinds = new Set(MEASUREMENT_KINDS);
const domLayoutProperties = new Set(DOM_LAYOUT_PROPERTIES);
const RECORD_WORDS = new Set(['record', 'records', 'chart']);
const DATE_KINDS = new Set(['date-of-birth', 'death-date', 'care-date']);
/** Last words that make a name a date (`visitStartDate`, `encounterDateTime`). */
const DATE_HEAD_WORDS = new Set(['date', 'dates', 'datetime']);
/** Last words that name an observation's question (its LOINC or concept code), not its answer: `observationCode`. */
const OBSERVATION_QUESTION_WORDS = new Set(['code', 'codes', 'concept', 'concepts', 'coding', 'codings']);
const syntheticOwnerWords = new Set(SYNTHETIC_OWNER_WORDS);
const workforceGroupWords = new Set(WORKFORCE_GROUP_WORDS);
const machineGroupWords = new Set(MACHINE_GROUP_WORDS);
const machineWords = new Set(MACHINE_WORDS);

/**
 * The words with a workforce group's `member` read as staff (`staffMember` → staff, staff): a staff or team
 * member is one of the workforce, not a health plan's member, so `staffMemberName` and `teamMember.phone`
 * are not a patient's.
 */
function withWorkforceMembers(words: readonly string[]): readonly string[] {
  if (!words.some((word, i) => (word === 'member' || word === 'members') && (isWorkforceMember(words, i) || isMachineMember(words, i)))) return words;
  return words.map((word, i) => {
    if (word !== 'member' && word !== 'members') return word;
    return isWorkforceMember(words, i) ? 'staff' : isMachineMember(words, i) ? 'node' : word;
  });
}

function isWorkforceMember(words: readonly string[], i: number): boolean {
  return i > 0 && workforceGroupWords.has(words[i - 1]);
}

/**
 * A member of a database replica set or a cluster (`replicaSetMember`, `clusterMembers`), or one named for the
 * machine it is (`memberHosts`, `memberNode`): a server, not a health plan's member.
 */
function isMachineMember(words: readonly string[], i: number): boolean {
  return (i > 0 && machineGroupWords.has(words[i - 1]) && (words[i - 1] !== 'set' || (i > 1 && words[i - 2] === 'replica'))) || (i + 1 < words.length && machineWords.has(words[i + 1]));
}
const measurementAggregateWords = new Set(MEASUREMENT_AGGREGATE_WORDS);
const syntaxTreeWords = new Set(SYNTAX_TREE_WORDS);
const personNameModifiers = new Set(PERSON_NAME_MODIFIERS);
const thingWords = new Set([...NON_PERSON_QUALIFIERS, ...CODE_STRUCTURE_SUFFIXES, ...SYNTAX_TREE_WORDS, ...PRODUCT_WORDS, ...PLACE_WORDS]);
/** Person-context words that are not people: `encounterName`, `clinicalName` would be the visit's or the term's. */
const NON_PERSON_CONTEXT_WORDS = new Set(['clinical', 'medical', 'health', 'encounter', 'visit', 'admission', 'chart', 'record', 'case', 'home', 'intake']);

/**
 * `visitExpression`, `visitNodeName`, `visitBinaryExpression`, `visitMemberExpression`: a syntax-tree visitor, named
 * for the node type it visits (ESTree's `MemberExpression` is no health plan member); an evaluator's
 * `visitExpressionName` is not a patient's visit (`visitNotes`, `visitDate`, `visitId` keep theirs).
 */
function isSyntaxTreeVisitor(words: readonly string[]): boolean {
  if (words.length < 2 || words[0] !== 'visit') return false;
  // `visitIdentifier`: ESTree's node type (a visit's own number is `visitId`, `visitNumber`)
  return (words.length === 2 && words[1] === 'identifier') || words.slice(1).some((word) => syntaxTreeWords.has(word));
}

/**
 * `childWorkspaceName`, `patientProgramName`, `visitExpressionName`: the word right before a contextual
 * `name` is the thing the name belongs to unless it is a person (`motherName`, `patientName`) or a part or
 * form of a personal name (`patientFamilyName`, `clientPreferredName`): see PERSON_NAME_MODIFIERS.
 */
function namesTheWordBefore(words: readonly string[], start: number): boolean {
  if (start === 0) return false;
  const before = words[start - 1];
  if (personNameModifiers.has(before) || patientSubjectWords.has(before)) return false;
  if (personContextWords.has(before) && !NON_PERSON_CONTEXT_WORDS.has(before)) return false;
  // The owner word is known to be a thing (`moduleName`, `documentName` read from a patient), or the name itself
  // says whose it is further left (`childWorkspaceName`): an unknown word or abbreviation that a person
  // context comes to from outside (`elig.ins_name_f`, the insured's) may be the person.
  return thingWords.has(before) || words.slice(0, start - 1).some((word) => personContextWords.has(word));
}

/**
 * `bedFeatureFullName`, `drugDisplayName`, `wardFullName`: a person's-name compound (`fullName`, `displayName`) after
 * a word naming a thing (a bed, a drug, a ward) is that thing's name, as long as no word before it names a person
 * (`patientFullName`, `motherFullName` keep theirs).
 */
function aThingOwnsTheName(words: readonly string[], start: number): boolean {
  if (start === 0) return false;
  const before = words.slice(0, start);
  if (before.some((word) => personContextWords.has(word) || patientSubjectWords.has(word) || personNameModifiers.has(word))) return false;
  // the thing itself right before the name (`wardFullName`), or an aspect of it (`bedFeatureFullName`, `drugTypeDisplayName`)
  const last = before[before.length - 1];
  if (thingWords.has(last)) return true;
  return THING_ASPECT_WORDS.has(last) && before.length > 1 && thingWords.has(before[before.length - 2]);
}

/** What a thing has that has a name of its own: a bed's feature, a drug's type, a product's variant. */
const THING_ASPECT_WORDS = new Set(['feature', 'features', 'type', 'types', 'kind', 'kinds', 'category', 'option', 'options', 'variant', 'variants', 'model', 'class', 'group', 'unit']);

export type Subject = 'patient' | 'workforce';

/**
 * Whose data a name is about: `patient`, `guarantorPhone`, `memberId` are a patient's; `user`,
 * `practitioner`, `clinicFax`, `employerName`, `ctx.authenticated` the workforce's or an
 * organisation's. A patient word wins over a workforce word (`patientUser`). Undefined when neither.
 */
export function subjectOfName(name: string): Subject | undefined {
  // Asked for every enclosing function's name at most reads: a function of the name alone, judged once per name.
  const known = subjectCache.get(name);
  if (known !== undefined) return known === NO_SUBJECT ? undefined : known;
  const words = withWorkforceMembers(splitWords(name));
  const subject = words.some((word) => patientSubjectWords.has(word)) ? 'patient' : words.some((word) => workforceSubjectWords.has(word)) ? 'workforce' : undefined;
  if (subjectCache.size >= SPLIT_CACHE_LIMIT) subjectCache.clear();
  subjectCache.set(name, subject ?? NO_SUBJECT);
  return subject;
}

/** A name's last word saying the value is a code of a code system, not the clinical fact recorded for someone. */
const CODE_HEAD_WORDS = new Set(['code', 'codes']);

/**
 * Holders of codes that are no one's: a terminology service's answer, a catalogue, a model's suggestions
 * (`terminologyResponse.codes`, `catalog.drugCode`, `suggestions.icdCodes`), a configuration (`PROVIDER_CONFIG.autoCptCodes`).
 */
const CODE_CATALOGUE_WORDS = new Set([
  'terminology', 'catalog', 'catalogs', 'catalogue', 'catalogues', 'inventory', 'formulary', 'valueset', 'codesystem', 'lookup',
  'lookups', 'master', 'suggestion', 'suggestions', 'suggested', 'recommendation', 'recommendations', 'recommended', 'candidates',
  'config', 'configuration', 'settings', 'defaults',
]);

/** Whether a value so named holds a terminology's, a catalogue's or a model's suggested codes (see CODE_CATALOGUE_WORDS). */
export function namesACodeCatalogue(name: string): boolean {
  return splitWords(name).some((word) => CODE_CATALOGUE_WORDS.has(word));
}

/** The clinical kinds a code of a code system stands for (see classify). */
export function terminologyKinds(kinds: readonly string[]): readonly string[] {
  return kinds.filter((kind) => TERMINOLOGY_KINDS.has(kind));
}

/** `cptCode`, `diagnosisCodes`: a code of a code system, clinical data only where a person's record holds it (see classify). */
export function namesATerminologyCode(name: string): boolean {
  const last = splitWords(name).at(-1);
  return last !== undefined && CODE_HEAD_WORDS.has(last);
}
/**
 * Fields that record a code's application to someone rather than describe the code: where on the body
 * (`bodySite`, `laterality`), what came of it (`result`, `interpretation`, `value` with a `unit`), when it is or was
 * done (`scheduledDate`, `performedAt`), why (`reason`, `reasonCode`, `indication`) and notes on it. A catalogue
 * entry holds a code, its display, its system and a price, none of these.
 */
const APPLICATION_WORDS = new Set(['laterality', 'interpretation', 'indication', 'indications', 'reason', 'reasons', 'result', 'results', 'notes', 'note']);
const APPLICATION_TIME_WORDS = new Set(['scheduled', 'performed', 'effective', 'collected', 'collection', 'administered', 'onset', 'recorded', 'resulted', 'observed', 'occurrence']);
const TIME_HEAD_WORDS = new Set(['date', 'datetime', 'at', 'time', 'on']);

/** Whether a record with fields so named records a code's application to someone (see APPLICATION_WORDS). */
export function recordsAnApplication(fieldNames: readonly string[]): boolean {
  let value = false;
  let unit = false;
  for (const name of fieldNames) {
    const words = splitWords(name);
    const last = words[words.length - 1];
    if (last === undefined) continue;
    if (APPLICATION_WORDS.has(last) || (words[0] !== undefined && (words[0] === 'reason' || words[0] === 'reasons'))) return true;
    if (last === 'site' && words.includes('body')) return true;
    if (TIME_HEAD_WORDS.has(last) && words.length > 1 && APPLICATION_TIME_WORDS.has(words[0])) return true;
    if (last === 'value' && words.length <= 2) value = true;
    if (last === 'unit' || last === 'units') unit = true;
  }
  return value && unit;
}

/**
 * What a code field of a record of someone's care stands for: its clinical kinds as a person's, or, for a code
 * that names only its question (`observationCode`, `testCode` are no one's alone), the kinds of what it codes
 * (`observation`): a record with the code and its result is that observation about that person.
 */
export function appliedCodeKinds(classifier: NameClassifier, name: string): readonly string[] {
  const words = splitWords(name);
  if (!OBSERVATION_QUESTION_WORDS.has(words[words.length - 1] ?? '')) return [];
  const held = terminologyKinds(classifier.classify(name, true).kinds);
  if (held.length || words.length < 2) return held;
  return terminologyKinds(classifier.classify(words.slice(0, -1).join('_'), true).kinds);
}
/** Clinical kinds coded from a terminology (ICD, CPT/HCPCS, RxNorm and drug catalogues, LOINC, CVX, allergen lists). */
const TERMINOLOGY_KINDS = new Set(['diagnosis', 'procedure', 'medication', 'lab-result', 'immunization', 'allergy', 'observation']);

const NO_SUBJECT = 'none';
const subjectCache = new Map<string, Subject | typeof NO_SUBJECT>();

const accountContextWords = new Set(ACCOUNT_CONTEXT_WORDS);

/**
 * `login`, `doChangePassword`, `localSignIn`, `AuthService`, `inviteMember`, `auth/resetPassword`: code
 * about the app's own accounts (see ACCOUNT_CONTEXT_WORDS). Two-word spellings count (`signIn`, `logIn`).
 */
export function isAccountContextName(name: string): boolean {
  return accountContextNames.test(name);
}
const accountContextNames = nameTest((name) => {
  const words = splitWords(name);
  return words.some((word, i) => accountContextWords.has(word) || (i > 0 && accountContextWords.has(words[i - 1] + word)));
});

const operationsMessagingWords = new Set(OPERATIONS_MESSAGING_WORDS);

/** `ReportRunner`, `reports.js`, `sendAlert`, `alerting/`: code that sends the system's own reports and alerts (see OPERATIONS_MESSAGING_WORDS). */
export function isOperationsMessagingName(name: string): boolean {
  return splitWords(name).some((word) => operationsMessagingWords.has(word));
}

const messageSendingVerbs = new Set(MESSAGE_SENDING_VERBS);
const messageChannelWords = new Set(MESSAGE_CHANNEL_WORDS);

/** `sendEmail`, `sendSMSClickatell`, `deliverNotification`: a helper that sends a message to whoever its caller names (see MESSAGE_SENDING_VERBS). */
export function isMessageSendingHelperName(name: string): boolean {
  const words = splitWords(name);
  return words.length >= 2 && messageSendingVerbs.has(words[0]) && messageChannelWords.has(words[1]);
}

const appUserWords = new Set(APP_USER_WORDS);

/** `user`, `currentUser`, `ctx.authenticated`: the app's own user, whose role depends on the app (staff, or a patient in a portal). */
export function isAppUserName(name: string): boolean {
  return appUserNames.test(name);
}
const appUserNames = nameTest((name) => {
  const words = splitWords(name);
  return words.some((word) => appUserWords.has(word)) && !words.some((word) => workforceSubjectWords.has(word) && !appUserWords.has(word));
});

/** The kinds without contact details (what a workforce member's or an organisation's value can still carry). */
export function withoutContactKinds(kinds: readonly string[]): readonly string[] {
  return kinds.some((kind) => CONTACT_KINDS.has(kind)) ? kinds.filter((kind) => !CONTACT_KINDS.has(kind)) : kinds;
}

const booleanPrefixes = new Set(BOOLEAN_PREFIXES);
const metadataWords = new Set(METADATA_WORDS);
const codeStructureSuffixes = new Set(CODE_STRUCTURE_SUFFIXES);
const personContextWords = new Set(PERSON_CONTEXT_WORDS);
const taintClearingWords = new Set(TAINT_CLEARING_WORDS);
const ordinalSeriesWords = new Set(ORDINAL_SERIES_WORDS);
const nonPersonQualifiers = new Set(NON_PERSON_QUALIFIERS);

const NO_PHI: NameClassification = Object.freeze({ kinds: Object.freeze([]), trap: false, clearsTaint: false, personContext: false });
const TRAP: NameClassification = Object.freeze({ kinds: Object.freeze([]), trap: true, clearsTaint: true, personContext: false });
const DESCRIPTIVE_TRAP: NameClassification = Object.freeze({ kinds: Object.freeze([]), trap: true, clearsTaint: false, personContext: false });

export const PHI_KIND_BY_ID: ReadonlyMap<string, PhiKindDefinition> = new Map(PHI_KINDS.map((kind) => [kind.id, kind]));

function compilePatterns(): Map<string, CompiledPattern[]> {
  const byFirstWord = new Map<string, CompiledPattern[]>();
  const add = (pattern: string, kind: string, contextual: boolean) => {
    const words = splitWords(pattern);
    if (words.length === 0) return;
    const list = byFirstWord.get(words[0]) ?? [];
    list.push({ words, kind, contextual });
    byFirstWord.set(words[0], list);
  };
  for (const kind of PHI_KINDS) {
    for (const pattern of kind.strong) add(pattern, kind.id, false);
    for (const pattern of kind.contextual ?? []) add(pattern, kind.id, true);
  }
  // Names written run together (`progressnotes`, `dateofbirth`, `PATIENTNAME`, database columns and older code)
  // are one word to the splitter: a strong pattern of several words also matches as that one word. Not the
  // `…Id` patterns: run together (`insuranceid`, `stateid`) they are mostly a table's foreign key.
  for (const kind of PHI_KINDS) {
    for (const pattern of kind.strong) {
      const words = splitWords(pattern);
      if (words.length < 2 || ID_HEAD_WORDS.has(words[words.length - 1])) continue;
      const runTogether = words.join('');
      if (!byFirstWord.get(runTogether)?.some((compiled) => compiled.words.length === 1)) add(runTogether, kind.id, false);
    }
  }
  // Longest pattern first, so `dateOfBirth` wins over a shorter pattern starting with `date`.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

const BUILT_IN_PATTERNS = compilePatterns();

function isLastFour(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === 'last' && (words[i + 1] === 'four' || words[i + 1] === '4')) return true;
  }
  return false;
}

/** `getLuhnCheckDigit`, `mrnChecksum`, `checkChar`: one character computed from an identifier, not the identifier. */
function isCheckDigit(words: readonly string[]): boolean {
  if (words.includes('checksum')) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === 'check' && (words[i + 1] === 'digit' || words[i + 1] === 'char' || words[i + 1] === 'character' || words[i + 1] === 'sum')) return true;
  }
  return false;
}

const DICTIONARY_SET_WORDS = new Set(['concept', 'concepts', 'value', 'code', 'codes', 'option']);

/**
 * `appointmentReasonConceptSet`, `diagnosisValueSet`, `allergyOptionSet`: a terminology's set of coded answers
 * (OpenMRS concept sets, FHIR value sets, DHIS2 option sets), the same for every patient: dictionary, not a record.
 */
function namesADictionarySet(words: readonly string[]): boolean {
  return words.some((word, i) => i > 0 && (word === 'set' || word === 'sets') && DICTIONARY_SET_WORDS.has(words[i - 1]));
}

/** States a record is in, as the last word of a flag's name (`patientActive`, `patientLoaded`, `recordExists`). */
const RECORD_STATE_SUFFIXES = new Set(['active', 'inactive', 'enabled', 'disabled', 'selected', 'exists', 'loaded', 'loading', 'found', 'valid', 'invalid', 'locked', 'changed', 'dirty', 'ready', 'visible', 'expanded', 'open', 'opened', 'saved', 'saving']);

/** Quantifiers that, before a record noun ending the name, gather records rather than test them: `allVisits`, `allPatients` (but `allSelected`, `allPatientsLoaded` test). */
const GATHERING_QUANTIFIERS = new Set(['all']);

/** `allVisits`, `allLabResults`: a quantifier then words a PHI pattern matched, to the end of the name: a list of those records, not a flag. */
function gathersRecords(words: readonly string[], covered: readonly boolean[]): boolean {
  return GATHERING_QUANTIFIERS.has(words[0]) && words.length > 1 && words.slice(1).every((_, i) => covered[i + 1]) && /s$/.test(words[words.length - 1]);
}

/**
 * Whether the name is metadata about PHI rather than PHI. Words inside a matched pattern do not count:
 * `policyNumber`, `bloodType` and `memberId` are PHI although `policy`, `type` and `id` alone are traps.
 */
function isTrap(words: readonly string[], covered: readonly boolean[], matches: readonly CompiledPattern[]): NameClassification | undefined {
  if (isLastFour(words) || isCheckDigit(words) || namesADictionarySet(words)) return TRAP;
  // `numberOfRecords`, `number_of_patients`: a count, whatever it counts.
  if (words.length > 2 && words[0] === 'number' && words[1] === 'of') return TRAP;
  // `prescriptionIssueNumber`, `repeatNumber`: which one in a series, not a value of the record.
  if (words.some((word, i) => i > 0 && word === 'number' && !covered[i] && !covered[i - 1] && ordinalSeriesWords.has(words[i - 1]))) return TRAP;
  // `prescriptionNumber`, `prescription_no`: the reference number the app issues to one prescription (an order), an
  // opaque pointer like its id, not the medication. A medical record, member or policy number is a pattern of its own.
  const lastWord = words[words.length - 1];
  if (words.length > 1 && (lastWord === 'number' || lastWord === 'no') && !covered[words.length - 1] && matches.length > 0 && matches.every((match) => match.kind === 'medication')) return TRAP;
  const measuresAPerson = matches.length > 0 && matches.every((match) => measurementKinds.has(match.kind));
  const keepsMeasurement = (word: string) => measuresAPerson && measurementAggregateWords.has(word);
  if (words.length > 1 && booleanPrefixes.has(words[0]) && !keepsMeasurement(words[0]) && !gathersRecords(words, covered)) return TRAP;
  // `patientActive`, `patientLoaded`, `recordFound`: a record word then a state it is in, a flag about the record.
  const stateAt = words.length - 1;
  if (words.length > 1 && RECORD_STATE_SUFFIXES.has(words[stateAt]) && !covered[stateAt] && matches.length > 0 && matches.every((match) => match.kind === 'patient-record')) return TRAP;
  // Safe Harbor keeps the year: `birthYear`, `birthdayYear`, `admissionYear` are not date elements.
  if (matches.length > 0 && matches.every((match) => DATE_KINDS.has(match.kind)) && words.some((word, i) => !covered[i] && (word === 'year' || word === 'years' || word === 'yyyy'))) return TRAP;
  const last = words.length - 1;
  // Amount and layout words qualify another word (`patientBalance`, `dobX`); alone (`x`, `due`) they are just names.
  const qualifies = words.length > 1;
  const trapWords = words.filter((word, i) => !covered[i] && !keepsMeasurement(word) && (metadataWords.has(word) || (qualifies && amountAndLayoutWords.has(word)) || (i === last && codeStructureSuffixes.has(word))));
  if (trapWords.length === 0) return undefined;
  // `validData`, `changedValues`, `loadedRecords`: a state word qualifying a data noun names the data in that state
  // (what passed validation, what changed), not a flag about it; it adds no kinds but keeps what the value holds.
  const clearing = trapWords.filter((word) => !(qualifies && DATA_NOUNS.has(words[last]) && DATA_STATE_WORDS.has(word) && words.indexOf(word) < last && !booleanPrefixes.has(words[0])));
  return clearing.some((word) => taintClearingWords.has(word) || (qualifies && amountAndLayoutWords.has(word))) ? TRAP : DESCRIPTIVE_TRAP;
}

/** States data is in (`validData`: what passed validation), unlike progress flags (`loadingData`, `savingRecords`). */
const DATA_STATE_WORDS = new Set(['valid', 'invalid', 'changed', 'selected', 'saved', 'loaded', 'found', 'dirty']);

/** Nouns for data as a whole: what a state word before them qualifies (`validData`, `changedValues`). */
const DATA_NOUNS = new Set(['data', 'values', 'value', 'payload', 'body', 'record', 'records', 'result', 'results', 'entries', 'rows', 'items', 'input', 'inputs']);

const referenceDataWords = new Set(REFERENCE_DATA_WORDS);

/** A reference-data word not part of a matched pattern, and no patient or record word (see REFERENCE_DATA_WORDS). */
function namesReferenceDataWords(words: readonly string[], covered?: readonly boolean[]): boolean {
  // a two-word term spelt as one (`formularioTerapeutico`: a therapeutic formulary) counts as its joined words
  return words.some((word, i) => !covered?.[i] && (referenceDataWords.has(word) || (i + 1 < words.length && !covered?.[i + 1] && referenceDataWords.has(word + words[i + 1]))))
    && !words.some((word) => patientSubjectWords.has(word) || RECORD_WORDS.has(word));
}

/** `allergyMasterData`, `masterdataService`, `catalogService`: a name for reference data, or for what reads it (see REFERENCE_DATA_WORDS). */
export function namesReferenceData(name: string): boolean {
  return referenceDataNames.test(name);
}
const referenceDataNames = nameTest((name) => namesReferenceDataWords(splitWords(name)));

const systemRecordQualifiers = new Set([...NON_PERSON_QUALIFIERS, ...SYSTEM_RECORD_QUALIFIERS, ...PLACE_WORDS]);

/** A workforce or organisation word (not the app's own `user`, who is a patient in a portal) and no patient word. */
function isWorkforceRecord(words: readonly string[]): boolean {
  return words.some((word) => workforceSubjectWords.has(word) && !appUserWords.has(word)) && !words.some((word) => patientSubjectWords.has(word));
}

/** No patient-record word but `record`, `records`, `chart` (and no other person word): whose record is open. */
function recordWordOnly(words: readonly string[], matches: readonly CompiledPattern[]): boolean {
  const byRecord = matches.filter((match) => match.kind === 'patient-record');
  if (!byRecord.every((match) => match.contextual && match.words.length === 1 && RECORD_WORDS.has(match.words[0]))) return false;
  return !words.some((word) => !RECORD_WORDS.has(word) && personContextWords.has(word));
}

/**
 * `record`, `newRecord`, `records`: a record that names no one (no person or clinical word beside it, not a chart).
 * Whose row it is the code around says: in code about a clinic or the workforce it is theirs (see classifyHere).
 */
export function namesOnlyAnyonesRecord(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) => word === 'record' || word === 'records') && !words.some((word) => word !== 'record' && word !== 'records' && personContextWords.has(word));
}

/** A record qualified by a system's noun (`queueRecord`, `inventoryRecord`, `auditRecords`): that system's row. */
function isSystemRecord(words: readonly string[], covered: readonly boolean[]): boolean {
  return words.some((word, i) => !covered[i] && systemRecordQualifiers.has(word));
}

export interface ClassifierExtensions {
  phiNames?: Record<string, string>;
  notPhiNames?: readonly string[];
}

export class NameClassifier {
  private readonly cache = new Map<string, NameClassification>();
  private readonly extraPhiNames = new Map<string, string>();
  private readonly notPhiNames = new Set<string>();
  private graphReading?: NameClassifier;

  constructor(private readonly extensions: ClassifierExtensions = {}, private readonly chartIsAGraph = false) {
    for (const [name, kind] of Object.entries(extensions.phiNames ?? {})) {
      this.extraPhiNames.set(name.toLowerCase(), kind);
      this.extraPhiNames.set(splitWords(name).join(' '), kind);
    }
    for (const name of extensions.notPhiNames ?? []) {
      this.notPhiNames.add(name.toLowerCase());
      this.notPhiNames.add(splitWords(name).join(' '));
    }
  }

  /**
   * The classifier for a module that draws graphs with a charting library: there `chart` (`chartData`, `charts`) is the
   * graph being drawn, not a patient's chart, so it names no record; every other word reads as usual (`patientChartData`
   * keeps its patient, `vitalsChart` its vitals).
   */
  forGraphModule(): NameClassifier {
    if (this.chartIsAGraph) return this;
    this.graphReading ??= new NameClassifier(this.extensions, true);
    return this.graphReading;
  }

  classify(name: string, personContext = false): NameClassification {
    const cacheKey = personContext ? `+${name}` : name;
    let result = this.cache.get(cacheKey);
    if (!result) {
      result = this.classifyUncached(name, personContext);
      this.cache.set(cacheKey, result);
    }
    return result;
  }

  kindsOf(name: string, personContext = false): readonly string[] {
    return this.classify(name, personContext).kinds;
  }

  private classifyUncached(name: string, contextFromChain: boolean): NameClassification {
    const lower = name.toLowerCase();
    const joined = splitWords(name).join(' ');
    const split = splitWords(name);
    const words = withWorkforceMembers(this.chartIsAGraph ? split.map((word) => (word === 'chart' || word === 'charts' ? 'graph' : word)) : split);
    // `visitMemberExpression`, `visitIdentifier`: a visitor over a syntax tree, named for the node type it visits.
    if (isSyntaxTreeVisitor(words)) return NO_PHI;
    if (this.notPhiNames.has(lower) || this.notPhiNames.has(joined) || domLayoutProperties.has(name)) return TRAP;
    const configured = this.extraPhiNames.get(lower) ?? this.extraPhiNames.get(joined);
    if (configured) return { kinds: [configured], trap: false, clearsTaint: false, personContext: true };
    if (words.length === 0) return NO_PHI;

    const matches: CompiledPattern[] = [];
    const matchStarts: number[] = [];
    const covered = new Array<boolean>(words.length).fill(false);
    for (let i = 0; i < words.length; ) {
      const match = this.matchAt(words, i);
      if (!match) {
        i++;
        continue;
      }
      matches.push(match);
      matchStarts.push(i);
      for (let j = i; j < i + match.words.length; j++) covered[j] = true;
      i += match.words.length;
    }
    const trap = isTrap(words, covered, matches);
    if (trap) return trap;
    // `allergyMasterData`, `covidSymptomsMaster`, `drugCatalogue`: reference data offered to choose from, the same for
    // every patient (see REFERENCE_DATA_WORDS); `patientMaster`, `masterRecord` keep theirs.
    if (!contextFromChain && namesReferenceDataWords(words, covered)) return TRAP;

    // `queueRecord`, `inventoryRecord`, `practitionerRecord`: a system's row or the workforce's entry, whose
    // `name` is not a person's; `patientRecord`, `medicalRecord`, `visitRecord` keep their person.
    const notAPatientsRecord = !contextFromChain && recordWordOnly(words, matches) && (isWorkforceRecord(words) || isSystemRecord(words, covered));
    // `childConcept`, `patientDocument`: the last word names a thing, whose `name` is the thing's.
    const namesAThing = namedThingWords.has(words[words.length - 1]) && !covered[words.length - 1];
    const personContext = contextFromChain || (!notAPatientsRecord && !namesAThing && words.some((word) => personContextWords.has(word)));
    // `supportEmail`, `clinicPhone`, `practitionerName`, `userEmail`: a system's or the workforce's contact.
    const qualifiedAsSystem = words.some((word) => nonPersonQualifiers.has(word)) || (words.some((word) => workforceSubjectWords.has(word)) && !words.some((word) => patientSubjectWords.has(word)));
    const kinds = new Set<string>();
    let qualifiedAway = false;
    let thingsName = false;
    for (const [at, match] of matches.entries()) {
      if (match.contextual && !personContext) continue;
      if (match.kind === 'name' && (match.contextual ? namesTheWordBefore(words, matchStarts[at]) : aThingOwnsTheName(words, matchStarts[at]))) {
        thingsName = true;
        continue;
      }
      if (qualifiedAsSystem && CONTACT_KINDS.has(match.kind)) {
        qualifiedAway = true;
        continue;
      }
      kinds.add(match.kind);
    }
    // `ehrPractitioner`, `getLocalEHRPractitioner`, `clinicRecord`: the workforce's or an organisation's
    // entry in the EHR, not a patient's record (clinical kinds such as `labResult` stay).
    if (kinds.has('patient-record') && (notAPatientsRecord || isWorkforceRecord(words))) kinds.delete('patient-record');
    // `supportEmail`, `clinicPhone`: a system's contact, not a person's, whatever object holds it.
    if (qualifiedAway && kinds.size === 0) return TRAP;
    if (matches.length === 0 && !personContext) return NO_PHI;
    // `encounterLocation`, `appointmentProvider`, `visitFacility`: the place or the staff member of the visit
    // (its last word), not the visit's record. (`patientLocation` keeps its patient: a ward, or where they live.)
    if (careSettingWords.has(words[words.length - 1]) && !covered[words.length - 1] && !words.some((word) => patientSubjectWords.has(word))) {
      kinds.delete('encounter');
      kinds.delete('patient-record');
      if (kinds.size === 0) return NO_PHI;
      return { kinds: [...kinds].sort(), trap: false, clearsTaint: false, personContext: contextFromChain };
    }
    // `patientListParams`, `visitSearchParameters`: a list's or a search's parameters hold what is put in them
    // (followed), not the record their name mentions; their fields keep the person (`searchParameters.name`).
    if (PARAMETER_WORDS.has(words[words.length - 1]) && !covered[words.length - 1]) return { kinds: [], trap: false, clearsTaint: false, personContext };
    // `insurancePlans`, `getInsurancePlansAndOrgs`: the payers' catalogue of plans and organisations, not a patient's coverage.
    if (!contextFromChain && kinds.has('insurance') && words.some((word) => payerCatalogueWords.has(word)) && !words.some((word) => patientSubjectWords.has(word))) {
      kinds.delete('insurance');
      if (kinds.size === 0) return NO_PHI;
    }
    // `cptCode`, `diagnosisCodes`, `medicationCode`: an entry of a code system (CPT, ICD, LOINC, a drug catalogue), which is
    // clinical data only linked to a person: read from their record (`encounter.diagnosisCode`) or named as theirs
    // (`patientDiagnosisCode`). A code validated against a terminology service or listed from a catalogue is no one's.
    if (!personContext && CODE_HEAD_WORDS.has(words[words.length - 1]) && [...kinds].some((kind) => TERMINOLOGY_KINDS.has(kind))) {
      for (const kind of TERMINOLOGY_KINDS) kinds.delete(kind);
      if (kinds.size === 0) return NO_PHI;
    }
    // In `patientSsn` the word `patient` says whose SSN it is, not that the whole record is there; in
    // `patientProgramName` whose program's name it is.
    if (kinds.size > 1 || thingsName) kinds.delete('patient-record');
    // `observationCode`, `obsConcept`: which observation is meant (a code of the terminology), not what was observed;
    // the value is the patient's (`observationValue`).
    if (kinds.size === 1 && kinds.has('observation') && OBSERVATION_QUESTION_WORDS.has(words[words.length - 1]) && !covered[words.length - 1]) return NO_PHI;
    // `visitStartDate`, `encounterEndDate`: a date of the visit, not the visit's record.
    if (kinds.has('encounter') && DATE_HEAD_WORDS.has(words[words.length - 1]) && !covered[words.length - 1]) {
      kinds.delete('encounter');
      kinds.add('care-date');
    }
    return { kinds: [...kinds].sort(), trap: false, clearsTaint: false, personContext };
  }

  private matchAt(words: readonly string[], index: number): CompiledPattern | undefined {
    const candidates = BUILT_IN_PATTERNS.get(words[index]);
    if (!candidates) return undefined;
    return candidates.find((pattern) => pattern.words.every((word, offset) => words[index + offset] === word));
  }
}

export function kindLabel(kindId: string): string {
  return PHI_KIND_BY_ID.get(kindId)?.label ?? kindId.replace(/-/g, ' ');
}

/** "SSN and date of birth", "name, email address and diagnosis". */
export function describeKinds(kindIds: readonly string[]): string {
  const labels = kindIds.map(kindLabel);
  if (labels.length === 0) return 'PHI';
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Whether an object named so holds test data (`e2eUsers`, `intakeTests`, `mockPatient`): see SYNTHETIC_OWNER_WORDS. */
export function isSyntheticOwnerName(name: string): boolean {
  return syntheticOwnerNames.test(name);
}
const syntheticOwnerNames = nameTest((name) => splitWords(name).some((word) => syntheticOwnerWords.has(word)));

/** `childConcept`, `patientDocument`, `intakeQuestion`: the last word names a thing that has a name of its own (see NAMED_THING_WORDS). */
export function namesAThing(name: string): boolean {
  const last = splitWords(name).at(-1);
  return last !== undefined && namedThingWords.has(last);
}

/** `PatientDocumentsFolder`, `patientReportTemplate`: the name's head noun is a thing, not a person. */
export function headNounIsAThing(name: string): boolean {
  const last = splitWords(name).at(-1);
  return last !== undefined && nonPersonQualifiers.has(last);
}

/**
 * `Drug`, `WardLocation`, `ActivityFlow`: the head noun of a type's name is a product, a place or a thing with a name of
 * its own (see PRODUCT_WORDS, PLACE_WORDS, NAMED_THING_WORDS), or undefined. Its `name`, `fullName` and `shortName` are
 * that thing's.
 */
export function namedThingOfType(typeName: string): string | undefined {
  const last = splitWords(typeName).at(-1);
  return last !== undefined && (productWords.has(last) || placeWords.has(last) || namedThingWords.has(last)) ? last : undefined;
}

const productWords = new Set(PRODUCT_WORDS);
const placeWords = new Set(PLACE_WORDS);
const payerCatalogueWords = new Set(PAYER_CATALOGUE_WORDS);

/** `medication`, `prescription.drug`, `vaccines[0]`: the last word names a product, whose `name` is its own (see PRODUCT_WORDS). */
export function namesAProduct(name: string): boolean {
  return productWords.has(splitWords(name).at(-1) ?? '');
}
