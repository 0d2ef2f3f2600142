// The shared AST helpers that rules ask at every node: the fast paths must answer what the plain definitions do.
import assert from 'node:assert/strict';
import { parse } from '@typescript-eslint/typescript-estree';
import { childNodes, dottedName, lastSegment, type Node } from '../utils/ast';

function expressionOf(code: string): Node {
  const program = parse(code, { range: true, loc: true, jsx: false });
  const statement = program.body[0];
  if (statement?.type !== 'ExpressionStatement') throw new Error(`not an expression: ${code}`);
  return statement.expression as Node;
}

/** lastSegment as it was defined: the last part of the dotted name. */
function lastSegmentOfDottedName(node: Node): string | undefined {
  const dotted = dottedName(node);
  if (!dotted) return undefined;
  const parts = dotted.split('.');
  return parts[parts.length - 1];
}

/** childNodes as it was defined: Object.entries of the node. */
function childNodesByEntries(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') children.push(item as Node);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      children.push(value as Node);
    }
  }
  return children;
}

describe('lastSegment', () => {
  const cases: Array<[string, string | undefined]> = [
    ['logger', 'logger'],
    ['this', 'this'],
    ['this.deps.logger', 'logger'],
    ["client['post']", 'post'],
    ["config['api.url']", 'url'],
    ["config['']", ''],
    ["config['a.']", ''],
    ['a[b]', undefined],
    ['a[0]', undefined],
    ['a.b[c].d', undefined],
    ['getClient().post', undefined],
    ['a?.b.c', 'c'],
    ['a!.b', 'b'],
    ['(a as B).c', undefined],
    ["x['y'].z", 'z'],
    ['fetch', 'fetch'],
    ['window.navigator.sendBeacon', 'sendBeacon'],
    ['`t`.length', undefined],
  ];
  for (const [code, expected] of cases) {
    it(`${code} → ${expected ?? '(none)'}`, () => {
      const node = expressionOf(code);
      assert.equal(lastSegment(node), expected);
      assert.equal(lastSegment(node), lastSegmentOfDottedName(node));
    });
  }

  it('answers as the dotted name does for every expression of a file', () => {
    const program = parse(
      `class A { #p = 1; m() { return this.#p + super.toString().length; } }
       const r = a?.b!.c['d.e'][f](g.h, i['j'])?.k; obj.list[0].name; (x as Y).z; new Foo.Bar().baz; fn()()['q'];`,
      { range: true, loc: true },
    );
    const stack: Node[] = [program as unknown as Node];
    let compared = 0;
    while (stack.length) {
      const node = stack.pop()!;
      assert.equal(lastSegment(node), lastSegmentOfDottedName(node), node.type);
      compared++;
      stack.push(...childNodesByEntries(node));
    }
    assert.ok(compared > 50);
  });
});

describe('childNodes', () => {
  it('gives the children Object.entries gives, in the same order', () => {
    const program = parse(
      `import { a } from 'm'; export default class C<T> extends B implements I { @dec() x: T = a; constructor(private s: S) { super(); }
       async *g(...rest: number[]) { for await (const v of rest) yield v; } }
       const f = ({ p = 1, ...q }, [r]: R[]) => <div id={p}>{q}</div>;`,
      { range: true, loc: true, jsx: true },
    );
    const stack: Node[] = [program as unknown as Node];
    let compared = 0;
    while (stack.length) {
      const node = stack.pop()!;
      const expected = childNodesByEntries(node);
      assert.deepEqual(childNodes(node), expected, node.type);
      compared++;
      stack.push(...expected);
    }
    assert.ok(compared > 50);
  });
});
