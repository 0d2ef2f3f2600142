// Request header maps logged whole (issue 9): `logger.info('auth', { headers })`, `console.log(event.headers)`.
// A header map holds whatever the client or the gateway in front of the handler put in its headers; what that is,
// the file says where it reads single headers from a map (`headers['x-nhs-number']`, `event.headers[SUBJECT_HEADER]`,
// `req.headers.get('x-patient-dob')`). A header whose name says it carries a patient identifier or a patient's
// data makes every whole header map the file logs carry that kind.
import { CONTACT_KINDS, subjectOfName, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { lastSegment, memberCall, propertyName, splitWords, unwrap, type Node } from './ast';

const contactKinds = new Set(CONTACT_KINDS);
/** Words of a map's owner that say it holds the headers a server sends back, not the ones a client sent. */
const RESPONSE_WORDS = new Set(['res', 'resp', 'response', 'reply', 'outgoing']);

/** `x-nhsd-subject-nhs-number` → `nhsdSubjectNhsNumber`: a header name spelt as the classifier reads code names. */
export function headerNameAsCode(header: string): string {
  return header
    .replace(/^x-/i, '')
    .toLowerCase()
    .replace(/[-_]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `headers`, `requestHeaders`, `event.headers`, `req.headers`: a map of request headers (not a response's). */
export function isRequestHeaderMap(expression: Node): boolean {
  const node = unwrap(expression);
  let owner: string | undefined;
  if (node.type === 'Identifier') {
    const words = splitWords(node.name);
    if (words.at(-1) !== 'headers') return false;
    owner = node.name;
  } else if (node.type === 'MemberExpression' && !node.computed && propertyName(node) === 'headers') {
    owner = lastSegment(node.object) ?? '';
  } else return false;
  return !splitWords(owner).some((word) => RESPONSE_WORDS.has(word));
}

export class HeaderMaps {
  private readonly headerKinds = new Set<string>();
  private readonly logged: Node[] = [];
  /** Cheap gate: a file that never says `headers` has no header map. */
  private readonly active: boolean;

  constructor(private readonly context: RuleContext) {
    this.active = /headers/i.test(context.text);
  }

  /** `headers['x-nhs-number']`, `event.headers[SUBJECT_HEADER]`, `headers.nhsNumber` (read or written). */
  onMember(node: TSESTree.MemberExpression): void {
    if (!this.active || !isRequestHeaderMap(node.object as Node)) return;
    const key = node.computed ? this.context.constantOf(node.property) : propertyName(node);
    if (typeof key === 'string') this.noteHeader(key);
  }

  /** `headers.get('x-patient-dob')` (Fetch `Headers`, Next's `headers()`). */
  onCall(node: TSESTree.CallExpression): void {
    if (!this.active) return;
    const call = memberCall(node);
    if (call?.method !== 'get' || !isRequestHeaderMap(call.object as Node) || !node.arguments[0]) return;
    const key = this.context.constantOf(node.arguments[0]);
    if (typeof key === 'string') this.noteHeader(key);
  }

  private noteHeader(header: string): void {
    const name = headerNameAsCode(header);
    const verdict = this.context.classify(name);
    if (verdict.trap) return;
    // A name, an e-mail or a phone is a patient's only where the header says so (`x-patient-name`); an IP
    // address header (`x-forwarded-for`) is the connection's, kept for security audit.
    const patient = subjectOfName(name) === 'patient';
    for (const kind of verdict.kinds) if (kind !== 'ip-address' && (patient || !contactKinds.has(kind))) this.headerKinds.add(kind);
  }

  /** Kinds of the patient headers the file reads from header maps. */
  kinds(): string[] {
    return [...this.headerKinds].sort();
  }

  /** A log line's arguments: each whole header map, alone or as a property (`{ headers }`), is kept for the end. */
  onLogged(args: readonly TSESTree.CallExpressionArgument[]): void {
    if (!this.active) return;
    for (const argument of args) {
      const node = unwrap(argument as Node);
      if (isRequestHeaderMap(node)) this.logged.push(node);
      else if (node.type === 'ObjectExpression') {
        for (const property of node.properties) if (property.type === 'Property' && isRequestHeaderMap(property.value as Node)) this.logged.push(property.value as Node);
      }
    }
  }

  /** At the end of the file: the logged header maps, with the kinds of the patient headers the file reads. */
  findings(): Array<{ node: Node; taint: Taint }> {
    if (this.headerKinds.size === 0) return [];
    const taint: Taint = { kinds: [...this.headerKinds].sort(), origins: [], confidence: 'medium' };
    return this.logged.map((node) => ({ node, taint }));
  }
}
