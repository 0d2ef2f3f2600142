// Client-side file downloads: what a browser app hands to the user's disk as a file. file-saver's `saveAs(blob, name)`,
// the legacy `navigator.msSaveOrOpenBlob(blob, name)`,
// downloadjs / js-file-download, react-csv's `<CSVLink data={rows}>`, and the plain-DOM idiom: an anchor given a
// `download` name and an `href` of `URL.createObjectURL(new Blob([content]))` or a `data:` URI. The browser writes the
// content to the Downloads folder as it is: an unencrypted file outside the app, like a server writing it to disk.
import type { RuleContext, Taint, TSESTree } from '../../server/src/rule-api';
import { dottedName, enclosingFunction, isStringLiteral, propertyName, unwrap, type Node } from './ast';

/** Modules whose default export (or `saveAs`) downloads its first argument under the name in its second. */
const DOWNLOAD_FUNCTION_MODULES: Readonly<Record<string, ReadonlySet<string>>> = {
  'file-saver': new Set(['saveAs', 'default']),
  downloadjs: new Set(['default']),
  'js-file-download': new Set(['default']),
};
/** react-csv's components: the `data` prop is written to a CSV download named by `filename`. */
const CSV_LINK_MODULES = new Set(['react-csv']);
const CSV_LINK_COMPONENTS = new Set(['CSVLink', 'CSVDownload']);
/** Constructors of binary content from parts: `new Blob([csv])`, `new File([json], name)`. */
const BLOB_CLASSES = new Set(['Blob', 'File']);

export interface Download {
  /** The content's expressions (a Blob's parts, the data URI, the argument). */
  data: Node[];
  /** The file name, when the code gives one. */
  name?: Node;
}

type Scope = Node | undefined;

/**
 * The downloads of one file. `bind` and `assignment`/`call`/`jsx` are fed by the rule's visitors; an anchor's download
 * is known once both its `download` name and its `href` were seen in one function, so `findings` is asked at the end.
 */
export class BrowserDownloads {
  private readonly context: RuleContext;
  private readonly functions = new Map<string, 'saveAs' | 'namespace'>();
  private readonly csvLinks = new Set<string>();
  /** Initialisers of local names (`const blob = new Blob([csv])`, `const url = URL.createObjectURL(blob)`). */
  private readonly bound = new Map<string, Node>();
  /** Anchors' hrefs, with their content's PHI read where the href is set (the content's variables are in scope there). */
  private readonly hrefs: { receiver: string; scope: Scope; data: Node[]; taints: Taint[] }[] = [];
  private readonly names = new Map<string, Node | undefined>();

  constructor(context: RuleContext) {
    this.context = context;
  }

  program(): void {
    for (const [module, exports] of Object.entries(DOWNLOAD_FUNCTION_MODULES)) {
      for (const { local, imported } of this.context.localNamesFrom(module)) {
        if (exports.has(imported)) this.functions.set(local, 'saveAs');
        // `import FileSaver from 'file-saver'` / `import * as FileSaver`: `FileSaver.saveAs(blob, name)`
        if (module === 'file-saver' && (imported === 'default' || imported === '*')) this.functions.set(`${local}.saveAs`, 'namespace');
      }
    }
    for (const module of CSV_LINK_MODULES) {
      for (const { local, imported } of this.context.localNamesFrom(module)) if (CSV_LINK_COMPONENTS.has(imported)) this.csvLinks.add(local);
    }
  }

  bind(id: Node, init: Node | null | undefined): void {
    if (id.type === 'Identifier' && init) this.bound.set(id.name, unwrap(init));
  }

  /** The content a downloaded value stands for: a Blob's parts, an object URL's Blob, a `data:` URI itself. */
  private content(node: Node, depth = 0): Node[] {
    const value = unwrap(node);
    if (depth > 4) return [value];
    if (value.type === 'Identifier') {
      const init = this.bound.get(value.name);
      if (init && (init.type === 'NewExpression' || (init.type === 'CallExpression' && this.isObjectUrl(init)))) return this.content(init, depth + 1);
      return [value];
    }
    if (value.type === 'CallExpression' && this.isObjectUrl(value) && value.arguments[0] && value.arguments[0].type !== 'SpreadElement') return this.content(value.arguments[0], depth + 1);
    if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && BLOB_CLASSES.has(value.callee.name)) {
      const parts = value.arguments[0];
      if (!parts || parts.type === 'SpreadElement') return [];
      const array = parts.type === 'Identifier' && this.bound.get(parts.name)?.type === 'ArrayExpression' ? this.bound.get(parts.name)! : parts;
      if (array.type !== 'ArrayExpression') return [parts];
      return array.elements.flatMap((element) => (element && element.type !== 'SpreadElement' ? this.content(element, depth + 1) : []));
    }
    return [value];
  }

  private isObjectUrl(call: TSESTree.CallExpression): boolean {
    const name = dottedName(call.callee);
    return name !== undefined && /(^|\.)(URL|webkitURL)\.createObjectURL$/.test(name);
  }

  /** `saveAs(blob, 'visits.csv')`, `FileSaver.saveAs(…)`, `fileDownload(csv, name)`. */
  call(node: TSESTree.CallExpression): Download | undefined {
    const name = node.callee.type === 'Identifier' ? node.callee.name : dottedName(node.callee);
    // the legacy Edge/IE API: `navigator.msSaveOrOpenBlob(blob, name)`, `navigator.msSaveBlob(blob, name)`
    const legacy = node.callee.type === 'MemberExpression' && /^msSave(OrOpen)?Blob$/.test(propertyName(node.callee) ?? '');
    if ((name && this.functions.has(name)) || legacy) {
      const [data, fileName] = node.arguments;
      if (!data || data.type === 'SpreadElement') return undefined;
      return { data: this.content(data), name: fileName && fileName.type !== 'SpreadElement' ? fileName : undefined };
    }
    // anchor.setAttribute('href', url) / anchor.setAttribute('download', name)
    if (node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'setAttribute' && isStringLiteral(node.arguments[0] as Node) && node.arguments[1] && node.arguments[1].type !== 'SpreadElement') {
      const receiver = dottedName(node.callee.object);
      const attribute = (node.arguments[0] as TSESTree.StringLiteral).value;
      if (receiver) this.anchorPart(receiver, attribute, node.arguments[1], node);
    }
    return undefined;
  }

  /** `link.href = url`, `link.download = 'patients.csv'`. */
  assignment(node: TSESTree.AssignmentExpression): void {
    if (node.operator !== '=' || node.left.type !== 'MemberExpression') return;
    const receiver = dottedName(node.left.object);
    const attribute = propertyName(node.left);
    if (receiver && attribute) this.anchorPart(receiver, attribute, node.right, node);
  }

  private anchorPart(receiver: string, attribute: string, value: Node, at: Node): void {
    const scope = enclosingFunction(at);
    if (attribute === 'href') {
      const data = this.content(value);
      this.hrefs.push({ receiver, scope, data, taints: data.map((node) => this.context.taintOf(node)) });
    }
    else if (attribute === 'download') this.names.set(`${receiver}@${scope?.range[0] ?? -1}`, value);
  }

  /** `<a href={url} download="list.csv">`, react-csv's `<CSVLink data={rows} filename="list.csv">`. */
  jsx(node: TSESTree.JSXOpeningElement): Download | undefined {
    const element = node.name.type === 'JSXIdentifier' ? node.name.name : undefined;
    if (!element) return undefined;
    // Only a CSV link component or an anchor can download: other elements (most of them) make no attribute reader.
    if (element !== 'a' && !this.csvLinks.has(element)) return undefined;
    const attribute = (name: string): Node | undefined => {
      for (const item of node.attributes) {
        if (item.type !== 'JSXAttribute' || item.name.type !== 'JSXIdentifier' || item.name.name !== name) continue;
        if (!item.value) return item as Node;
        if (item.value.type === 'JSXExpressionContainer') return item.value.expression.type === 'JSXEmptyExpression' ? undefined : (item.value.expression as Node);
        return item.value as Node;
      }
      return undefined;
    };
    if (this.csvLinks.has(element)) {
      const data = attribute('data');
      return data ? { data: this.content(data), name: attribute('filename') } : undefined;
    }
    if (element !== 'a') return undefined;
    const download = attribute('download');
    const href = attribute('href');
    if (!download || !href || isStringLiteral(href)) return undefined;
    return { data: this.content(href), name: download.type === 'JSXAttribute' ? undefined : download };
  }

  /** Anchors given both a download name and an href in one function, with the PHI their content held there. */
  anchors(): (Download & { taints: Taint[] })[] {
    const found: (Download & { taints: Taint[] })[] = [];
    for (const { receiver, scope, data, taints } of this.hrefs) {
      const key = `${receiver}@${scope?.range[0] ?? -1}`;
      if (this.names.has(key)) found.push({ data, taints, name: this.names.get(key) });
    }
    return found;
  }
}
