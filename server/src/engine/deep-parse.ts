// Long chains of one operator (`'<tr>' + a + '</td><td>' + b + …`, a generated SQL string, a thousand
// `||` checks) parse into a left-deep tree as deep as the chain is long. TypeScript's parser copes (it
// parses binary expressions in a loop), but typescript-estree's converter and the taint walk recurse on
// that depth and overflow the stack at about a thousand terms: the file was skipped, and a leak at the
// end of a long concatenation went unreported. This parses such a file with TypeScript, rebalances every
// long chain of one operator into a tree of logarithmic depth (same operands, same source ranges, same
// operators between them), and hands the result to typescript-estree. What a chain's value carries (the
// PHI of any of its operands) does not depend on how its operands are grouped; only chains of operators
// for which that holds are touched, and only when the normal parse failed.
import { parseAndGenerateServices, type TSESTree, type TSESTreeOptions } from '@typescript-eslint/typescript-estree';
import * as ts from 'typescript';

/** Chains shorter than this are left as they are (depth below it never overflows). */
const MIN_CHAIN = 32;

const REBALANCED_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

/**
 * Parses `text` like typescript-estree's `parse` with `options`, with long operator chains rebalanced.
 * Throws what the parser throws (a syntax error, or a RangeError for nesting no rebalancing helps).
 */
export function parseWithBalancedChains(text: string, options: TSESTreeOptions & { jsx: boolean }): { program: TSESTree.Program; chains: number } {
  const sourceFile = ts.createSourceFile(
    options.jsx ? 'estree.tsx' : 'estree.ts',
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    /* setParentNodes */ true,
    options.jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const chains = rebalanceChains(sourceFile);
  const { ast } = parseAndGenerateServices(sourceFile, { ...options, preserveNodeMaps: false });
  return { program: ast as TSESTree.Program, chains };
}

/** Rebalances every chain of at least MIN_CHAIN terms in place; returns how many. Iterative: the tree is deep. */
export function rebalanceChains(sourceFile: ts.SourceFile): number {
  let chains = 0;
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isBinaryExpression(node) && REBALANCED_OPERATORS.has(node.operatorToken.kind)) {
      const chain = leftSpine(node);
      if (chain.binaries.length + 1 >= MIN_CHAIN) {
        rebuild(chain);
        chains++;
        stack.push(...chain.operands);
        continue;
      }
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return chains;
}

interface Chain {
  /** The chain's binary expressions, the outermost (the one its parent holds) first. */
  binaries: ts.BinaryExpression[];
  /** Operands left to right. */
  operands: ts.Expression[];
  /** operators[k] stands between operands[k] and operands[k + 1]. */
  operators: ts.BinaryOperatorToken[];
}

/** `((a + b) + c) + d` → operands a, b, c, d: the left spine of one operator. */
function leftSpine(top: ts.BinaryExpression): Chain {
  const kind = top.operatorToken.kind;
  const binaries: ts.BinaryExpression[] = [];
  const rights: ts.Expression[] = [];
  const operators: ts.BinaryOperatorToken[] = [];
  let current: ts.Expression = top;
  while (ts.isBinaryExpression(current) && current.operatorToken.kind === kind) {
    binaries.push(current);
    rights.push(current.right);
    operators.push(current.operatorToken);
    current = current.left;
  }
  return { binaries, operands: [current, ...rights.reverse()], operators: operators.reverse() };
}

/**
 * Regroups the operands as a balanced tree, reusing the chain's own node objects (the outermost stays
 * the root, so the parent's reference holds). Each inner node gets the operator that stands between its
 * two halves and spans from its first operand's start to its last operand's end, so ranges, positions
 * and operators are those of the source.
 */
function rebuild(chain: Chain): void {
  const [root, ...pool] = chain.binaries;
  let next = 0;
  const mutable = (node: ts.Node) => node as unknown as { pos: number; end: number; parent: ts.Node };
  // Explicit stack of ranges to build; a range [from, to] of operands becomes one node.
  const build = (node: ts.BinaryExpression, from: number, to: number): void => {
    const work: Array<{ node: ts.BinaryExpression; from: number; to: number }> = [{ node, from, to }];
    while (work.length > 0) {
      const item = work.pop()!;
      const middle = (item.from + item.to) >> 1;
      const target = item.node as unknown as { left: ts.Expression; right: ts.Expression; operatorToken: ts.BinaryOperatorToken };
      target.operatorToken = chain.operators[middle];
      mutable(chain.operators[middle]).parent = item.node;
      mutable(item.node).pos = chain.operands[item.from].pos;
      mutable(item.node).end = chain.operands[item.to].end;
      const halves: Array<[number, number, 'left' | 'right']> = [
        [item.from, middle, 'left'],
        [middle + 1, item.to, 'right'],
      ];
      for (const [start, end, side] of halves) {
        if (start === end) {
          target[side] = chain.operands[start];
          mutable(chain.operands[start]).parent = item.node;
        } else {
          const child = pool[next++];
          target[side] = child;
          mutable(child).parent = item.node;
          work.push({ node: child, from: start, to: end });
        }
      }
    }
  };
  build(root, 0, chain.operands.length - 1);
}
