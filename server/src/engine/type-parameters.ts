// Type parameters of generic code, read from the tree: `class Repository<T>`, `function createDraftStore<TDraft>()`.
// What such a parameter holds is what the workspace instantiates the generic with
// (`class PatientRepository extends Repository<Patient>`), which the workspace index records.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { keyName } from '../rule-api/ast';

type Node = TSESTree.Node;

export interface TypeParameterSite {
  /** The generic's name as instantiations spell it: the class, the function, the method. */
  generic: string;
  position: number;
}

function genericName(node: Node): string | undefined {
  switch (node.type) {
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      if (node.id) return node.id.name;
      const parent = (node as { parent?: Node }).parent;
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
      if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && !parent.computed) return keyName(parent.key);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The generic that declares `typeName` as a type parameter around `node`, and the parameter's position. */
export function enclosingTypeParameter(node: Node, typeName: string): TypeParameterSite | undefined {
  let current: Node | undefined = node;
  for (let depth = 0; current && depth < 64; depth++) {
    const params = (current as { typeParameters?: TSESTree.TSTypeParameterDeclaration }).typeParameters?.params;
    if (params?.length) {
      const position = params.findIndex((param) => param.name.name === typeName);
      if (position >= 0) {
        const generic = genericName(current);
        return generic ? { generic, position } : undefined;
      }
    }
    current = (current as { parent?: Node }).parent;
  }
  return undefined;
}
