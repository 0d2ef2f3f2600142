// Inbound messages another system delivers to a serverless handler: the body of a queue or topic message
// (`record.body` of an SQS event's `Records`, `record.Sns.Message`, `record.kinesis.data`) and the content of an
// object read from a bucket (`(await s3.send(new GetObjectCommand(p))).Body.transformToString()`). Logged whole,
// such a message writes whatever the sender put in it — a patient's record when the handler is about patients,
// which the fields it reads from the message say (`nhsNumber`, `dateOfBirth`, `diagnosis`), not a clinic's
// schedule or a job's settings. One look at the file, only in files that mention these APIs; the messages
// are then tagged like a client's payload (`request-body`).

import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { keyName, propertyName } from '../rule-api/ast';
import { INBOUND_MESSAGE_FIELDS, OBJECT_BODY_READERS } from '../vocabulary/provenance';
import { childNodes, FUNCTION_TYPES } from './syntax';

type Node = TSESTree.Node;

const objectBodyReaders = new Set(OBJECT_BODY_READERS);
const CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'some', 'every', 'reduce']);

export interface InboundMessages {
  /** The reads that are a delivered message: `record.body`, `response.Body.transformToString()`, `readFromS3(…)`. */
  readonly reads: ReadonlySet<Node>;
  /** Names of the fields the file reads from those messages (after parsing them): what the messages hold. */
  readonly fields: ReadonlySet<string>;
}

const NONE: InboundMessages = { reads: new Set(), fields: new Set() };

/** A cheap first look at the file's text: only these spell an inbound message. */
export function mayReadInboundMessages(text: string): boolean {
  return text.includes('.Records') || text.includes('transformTo');
}

function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'AwaitExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    for (const child of childNodes(node)) stack.push([child, node]);
  }
}

/** `event.Records`, `input.Records` (any receiver): an SQS, SNS, Kinesis or S3 event's records. */
function isRecordsList(node: Node): boolean {
  const inner = unwrapped(node);
  return inner.type === 'MemberExpression' && !inner.computed && propertyName(inner) === 'Records';
}

/** `event.Records[0]`: one record of an event. */
function isRecordElement(node: Node, records: ReadonlySet<string>): boolean {
  const inner = unwrapped(node);
  if (inner.type === 'Identifier') return records.has(inner.name);
  return inner.type === 'MemberExpression' && inner.computed && isRecordsList(inner.object);
}

/** `record.body` (SQS), `record.Sns.Message` (SNS), `record.kinesis.data` (Kinesis): a record's message. */
function isRecordMessage(node: Node, records: ReadonlySet<string>): boolean {
  if (node.type !== 'MemberExpression' || node.computed) return false;
  const field = propertyName(node);
  const object = unwrapped(node.object);
  if (field === 'body') return isRecordElement(object, records);
  if (object.type !== 'MemberExpression' || object.computed) return false;
  const envelope = propertyName(object);
  return INBOUND_MESSAGE_FIELDS.some(([outer, inner]) => outer === envelope && inner === field) && isRecordElement(object.object, records);
}

/** `response.Body.transformToString()`: the content of an object read from a bucket (AWS SDK v3). */
function isObjectBodyRead(node: Node): boolean {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const method = propertyName(node.callee);
  if (!method || !objectBodyReaders.has(method)) return false;
  const body = unwrapped(node.callee.object);
  return body.type === 'MemberExpression' && !body.computed && propertyName(body) === 'Body';
}

/** The element parameter of `records.forEach((record) => …)`, or the variable of `for (const record of records)`. */
function elementBindings(node: Node, parent: Node | undefined, isList: (node: Node) => boolean): string[] {
  if (node.type === 'ForOfStatement' && isList(node.right) && node.left.type === 'VariableDeclaration') {
    const id = node.left.declarations[0]?.id;
    return id?.type === 'Identifier' ? [id.name] : [];
  }
  if (FUNCTION_TYPES.has(node.type) && parent?.type === 'CallExpression' && parent.arguments[0] === node && parent.callee.type === 'MemberExpression') {
    const method = propertyName(parent.callee);
    const first = (node as TSESTree.FunctionLike).params[method === 'reduce' ? 1 : 0];
    if (method && CALLBACK_METHODS.has(method) && isList(parent.callee.object) && first?.type === 'Identifier') return [first.name];
  }
  return [];
}

/**
 * The inbound messages of the file: the reads, and the fields read from them and from what parses them
 * (`JSON.parse(record.body).nhsNumber`, `const { patient } = JSON.parse(await readFromS3(key))`).
 */
export function inboundMessagesOf(program: Node, text: string): InboundMessages {
  if (!mayReadInboundMessages(text)) return NONE;
  // Records of an event: `for (const record of event.Records)`, `event.Records.map((record) => …)`, `const record = event.Records[0]`.
  const records = new Set<string>();
  walk(program, (node, parent) => {
    for (const name of elementBindings(node, parent, isRecordsList)) records.add(name);
    if (node.type === 'VariableDeclarator' && node.init && node.id.type === 'Identifier' && isRecordElement(node.init, records)) records.add(node.id.name);
  });
  // The reads, and the file's functions that return an object's content (`readCsvFromS3(bucket, key)`).
  const reads = new Set<Node>();
  const readerFunctions = new Set<string>();
  walk(program, (node) => {
    if (!isObjectBodyRead(node) && !isRecordMessage(node, records)) return;
    reads.add(node);
  });
  if (reads.size === 0) return NONE;
  walk(program, (node) => {
    const name = readerName(node);
    if (name && containsObjectBodyRead(node)) readerFunctions.add(name);
  });
  if (readerFunctions.size > 0) {
    walk(program, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && readerFunctions.has(node.callee.name)) reads.add(node);
    });
  }
  return { reads, fields: fieldsReadFrom(program, reads) };
}

/** `function readFromS3(…) { … }`, `const readFromS3 = async (…) => { … }`: the name a function of the file is called by. */
function readerName(node: Node): string | undefined {
  if (node.type === 'FunctionDeclaration') return node.id?.name;
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && FUNCTION_TYPES.has(node.init.type)) return node.id.name;
  return undefined;
}

function containsObjectBodyRead(node: Node): boolean {
  let found = false;
  walk(node.type === 'VariableDeclarator' ? node.init! : node, (child) => {
    if (!found && isObjectBodyRead(child)) found = true;
  });
  return found;
}

/**
 * The fields read from the messages and from their parsed copies: a variable initialised from a read or
 * from a call handed one (`JSON.parse(body)`, `parseCsv(text)`), their elements (`for (const row of rows)`),
 * then `copy.field`, `copy['Field']` and destructured keys.
 */
function fieldsReadFrom(program: Node, reads: ReadonlySet<Node>): Set<string> {
  const aliases = new Set<string>();
  const isMessage = (node: Node): boolean => {
    const inner = unwrapped(node);
    if (reads.has(inner)) return true;
    if (inner.type === 'Identifier') return aliases.has(inner.name);
    // `message.patient.nhsNumber`, `js?.['Withdrawal']?.['Reason']`: a field of the message is part of it.
    if (inner.type === 'MemberExpression') return isMessage(inner.object);
    return inner.type === 'CallExpression' && inner.arguments.some((argument) => argument.type !== 'SpreadElement' && isMessage(argument));
  };
  const fields = new Set<string>();
  // Two rounds: an alias declared from another alias further down the file is found in the second.
  for (let round = 0; round < 2; round++) {
    walk(program, (node, parent) => {
      for (const name of elementBindings(node, parent, isMessage)) aliases.add(name);
      if (node.type !== 'VariableDeclarator' || !node.init || !isMessage(node.init)) return;
      if (node.id.type === 'Identifier') aliases.add(node.id.name);
      else if (node.id.type === 'ObjectPattern') {
        for (const property of node.id.properties) if (property.type === 'Property') fields.add(keyName(property.key) ?? '');
      }
    });
  }
  walk(program, (node) => {
    if (node.type !== 'MemberExpression' || !isMessage(node.object)) return;
    const field = node.computed ? (node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined) : propertyName(node);
    if (field) fields.add(field);
  });
  fields.delete('');
  return fields;
}
