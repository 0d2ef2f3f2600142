import { defineRule, type JsonNode, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/engine/rule-api';
import { keyName, lastSegment, type Node } from './utils/ast';
import { calleeText, codeConstant, enclosingCall, enclosingNames, jsonEnclosingObjects, jsonObjectProperties, jsonScalar, keyWords } from './utils/config-keys';

// ── what a real identifier looks like ────────────────────────────────────────────────────────

/** SSNs printed in specimens, ads and docs, and obvious placeholders. */
const SPECIMEN_SSNS = new Set(['078051120', '219099999', '123456789', '111223333', '123121234', '987654320', '012345678', '234567890', '123454321']);
const DASHED_SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;

/** Structurally valid, not reserved (area 000/666/9xx, group 00, serial 0000), not a specimen or a repeated digit. */
export function isRealisticSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (/^(\d)\1{8}$/.test(digits) || SPECIMEN_SSNS.has(digits)) return false;
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

/** RFC 2606/6761 reserved names can never be a real mailbox. */
export function isRealisticEmail(value: string): boolean {
  const match = EMAIL.exec(value.trim());
  if (!match) return false;
  const domain = match[1].toLowerCase();
  return !(/(^|\.)example\.(com|net|org)$/.test(domain) || /\.(example|test|invalid|localhost|local)$/.test(domain));
}

/** North American numbers (not the fictional 555-0100–0199 range), or international E.164 numbers. */
export function isRealisticPhone(value: string): boolean {
  const text = value.trim();
  if (!/^[+\d\s().-]{7,25}$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+') && !text.startsWith('+1')) return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits.slice(2));
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^[2-9]\d\d[2-9]\d{6}$/.test(national)) return false;
  if (national.slice(3, 6) === '555' && /^01\d\d$/.test(national.slice(6))) return false;
  if (/^(\d)\1+$/.test(national.slice(3)) || national === '1234567890' || national === '2345678901') return false;
  return true;
}

/** A full birth date (ISO or US format), not a Jan-1 placeholder or the epoch, within the last 130 years. */
export function isRealisticBirthDate(value: string): boolean {
  const text = value.trim();
  let year: number, month: number, day: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return false;
  const thisYear = new Date().getUTCFullYear();
  if (year < thisYear - 130 || year > thisYear || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return !(month === 1 && day === 1);
}

// ── what a key says the value is ─────────────────────────────────────────────────────────────

type FieldKind = 'ssn' | 'mbi' | 'dea' | 'email' | 'phone' | 'dob';

/** Words that make a name metadata, not the value: `SSN_PATTERN`, `dobFormat`, `mbiLength`. */
const METADATA_WORDS = new Set(['pattern', 'regex', 'regexp', 're', 'format', 'fmt', 'mask', 'masked', 'placeholder', 'example', 'sample', 'label', 'length', 'len', 'template', 'hint', 'validator', 'valid', 'invalid', 'error', 'message', 'hash', 'hashed', 'encrypted', 'token', 'redacted', 'last4', 'last', 'fake', 'dummy', 'test', 'mock', 'type', 'system', 'field', 'column', 'key', 'name']);
/** Words that make an email or phone a patient's (or a relative's) rather than the system's or a clinician's. */
const PATIENT_WORDS = new Set([
  'patient', 'patients', 'pt', 'member', 'members', 'subscriber', 'beneficiary', 'guarantor', 'insured', 'enrollee', 'kin',
  'guardian', 'emergency', 'resident', 'applicant', 'dependent', 'dependents', 'spouse', 'mother', 'father', 'parent', 'parents',
  'child', 'children', 'newborn', 'caregiver', 'relatedperson', 'demographics', 'intake', 'beneficiaries', 'subscribers',
]);
const PERSON_RESOURCES = new Set(['Patient', 'RelatedPerson', 'Person']);
/** FHIR identifier systems (URLs and OIDs). */
const SSN_SYSTEMS = /us-ssn|2\.16\.840\.1\.113883\.4\.1$/;
const MBI_SYSTEMS = /us-mbi|2\.16\.840\.1\.113883\.4\.927/;

function fieldKindOfName(context: RuleContext, name: string): FieldKind | undefined {
  const words = keyWords(name);
  if (words.some((word) => METADATA_WORDS.has(word))) return undefined;
  const kinds = context.classifyName(name);
  if (kinds.includes('ssn')) return 'ssn';
  if (words.includes('mbi') || words.includes('medicare') || words.includes('hicn')) return 'mbi';
  if (words.some((word) => word === 'member' || word === 'beneficiary' || word === 'subscriber') && words.some((word) => ['id', 'number', 'no', 'num', 'identifier'].includes(word))) return 'mbi';
  if (words.includes('dea')) return 'dea';
  if (kinds.includes('date-of-birth')) return 'dob';
  if (kinds.includes('email')) return 'email';
  if (kinds.includes('phone') || kinds.includes('fax')) return 'phone';
  return undefined;
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

function namesPatient(names: readonly string[]): boolean {
  return names.some((name) => keyWords(name).some((word) => PATIENT_WORDS.has(word)));
}

interface Finding {
  messageId: 'ssn' | 'mbi' | 'dea' | 'email' | 'phone' | 'dob';
  kind: string;
  precision: 'high' | 'medium';
}

const FINDINGS: Record<FieldKind, Finding> = {
  ssn: { messageId: 'ssn', kind: 'ssn', precision: 'high' },
  mbi: { messageId: 'mbi', kind: 'health-plan-id', precision: 'high' },
  dea: { messageId: 'dea', kind: 'license-number', precision: 'high' },
  email: { messageId: 'email', kind: 'email', precision: 'medium' },
  phone: { messageId: 'phone', kind: 'phone', precision: 'medium' },
  dob: { messageId: 'dob', kind: 'date-of-birth', precision: 'medium' },
};

/** Identifiers recognisable by their shape wherever they are written: dashed SSNs and MBIs. */
function shapeFinding(text: string): Finding | undefined {
  if (text.length < 11 || text.length > 100_000) return undefined;
  for (const match of text.matchAll(DASHED_SSN)) if (isRealisticSsn(match[1] + match[2] + match[3])) return FINDINGS.ssn;
  for (const match of text.matchAll(DASHED_MBI)) if (isRealisticMbi(match[1] + match[2] + match[3])) return FINDINGS.mbi;
  return undefined;
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
    case 'dob':
      return isRealisticBirthDate(value) ? FINDINGS.dob : undefined;
    case 'email':
      return patient && isRealisticEmail(value) ? FINDINGS.email : undefined;
    case 'phone':
      return patient && isRealisticPhone(value) ? FINDINGS.phone : undefined;
  }
}

// ── where a literal sits ─────────────────────────────────────────────────────────────────────

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ArrayExpression']);

interface Placement {
  field?: FieldKind;
  patient: boolean;
}

/** The key, variable or assignment target a code literal is the value of, and whether it belongs to a patient. */
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
  const file = context.file.split('/');
  if (!property) {
    const field = name !== undefined ? fieldKindOfName(context, name) : undefined;
    return { field, patient: name !== undefined && (namesPatient([name]) || namesPatient(file)) };
  }
  const object = property.parent as TSESTree.ObjectExpression;
  const system = name === 'value' ? fieldKindOfSystem(codeObjectString(context, object, 'system')) : undefined;
  const field = system ?? (name !== undefined ? fieldKindOfName(context, name) : undefined);
  const names = [name ?? '', ...enclosingNames(property), calleeText(enclosingCall(property)) ?? '', ...file];
  return { field, patient: namesPatient(names) || inPersonResource(context, object) };
}

function codeObjectString(context: RuleContext, object: TSESTree.ObjectExpression, key: string): unknown {
  for (const property of object.properties) {
    if (property.type === 'Property' && !property.computed && keyName(property.key) === key) return codeConstant(context, property.value as Node);
  }
  return undefined;
}

/** An object literal inside a `{ resourceType: 'Patient', … }`. */
function inPersonResource(context: RuleContext, object: Node): boolean {
  for (let current: Node | undefined = object; current; current = current.parent as Node | undefined) {
    if (current.type === 'ObjectExpression') {
      const type = codeObjectString(context, current, 'resourceType');
      if (typeof type === 'string') return PERSON_RESOURCES.has(type);
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
  let patient = namesPatient(keys) || namesPatient(context.file.split('/'));
  if (!patient) {
    for (const enclosing of jsonEnclosingObjects(node)) {
      const type = jsonScalar(jsonObjectProperties(enclosing).get('resourceType'));
      if (typeof type === 'string') {
        patient = PERSON_RESOURCES.has(type);
        break;
      }
    }
  }
  return { field, patient };
}

export default defineRule({
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
      dob: '{{what}} looks like a real patient date of birth. Use synthetic or generated dates in test data.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  create(context) {
    const reportCode = (node: Node, finding: Finding, what: string) => {
      context.report({ node, messageId: finding.messageId, data: { what }, kinds: [finding.kind], precision: finding.precision });
    };
    const checkCodeString = (node: Node, text: string, keyed: boolean) => {
      const shape = shapeFinding(text);
      if (shape) return reportCode(node, shape, 'String literal');
      if (!keyed) return;
      const placement = codePlacement(context, node);
      const finding = keyedFinding(text, placement.field, placement.patient);
      if (finding) reportCode(node, finding, 'String literal');
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
          if (placement.field === 'ssn' && isRealisticSsn(digits)) reportCode(node, FINDINGS.ssn, 'Number literal');
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
        const report = (finding: Finding) => context.report({ jsonNode: node, messageId: finding.messageId, data: { what: 'String value' }, kinds: [finding.kind], precision: finding.precision });
        const shape = shapeFinding(text);
        if (shape) return report(shape);
        const placement = jsonPlacement(context, node, path);
        const finding = keyedFinding(text, placement.field, placement.patient);
        if (finding) report(finding);
      },
      JsonProperty(property: JsonPropertyInfo) {
        const value = property.valueNode;
        if (value?.type !== 'number' || !Number.isInteger(value.value)) return;
        if (fieldKindOfName(context, property.key) !== 'ssn') return;
        if (isRealisticSsn(String(value.value).padStart(9, '0')) && String(value.value).length >= 7) {
          context.report({ jsonNode: value, messageId: 'ssn', data: { what: 'Number value' }, kinds: ['ssn'], precision: 'high' });
        }
      },
    };
  },
});
