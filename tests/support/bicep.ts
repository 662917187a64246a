import fs from 'node:fs';
import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Reads a Bicep file with the tree-sitter Bicep grammar (npm `tree-sitter-bicep`, run by `web-tree-sitter` from its
 * WebAssembly build: nothing to download or compile). The Bicep compiler itself is a .NET program published only as a
 * downloaded binary, so it cannot run here; this gives the syntax tree, every declaration, and the literal values of
 * resource bodies, which is what the infra tests check. What it does not do: resolve resource types and API versions
 * against Azure's schemas, or type-check expressions (the compiler does that at `az deployment`).
 */
export class Expression {
  constructor(readonly text: string) {}
}
export type BicepValue = string | number | boolean | null | Expression | BicepValue[] | { [key: string]: BicepValue };

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
  /** Decorator calls as written, e.g. `minValue(1)`. */
  decorators: string[];
}

export interface BicepResource {
  symbol: string;
  /** e.g. Microsoft.Web/sites */
  type: string;
  apiVersion: string;
  /** The `if (...)` condition, when the resource is conditional. */
  condition?: string;
  body: { [key: string]: BicepValue };
}

export interface BicepFile {
  /** Places the grammar could not parse (ERROR or MISSING nodes), as line:column and text. */
  syntaxErrors: string[];
  params: BicepParam[];
  variables: string[];
  resources: BicepResource[];
  outputs: string[];
  /** Identifiers used in expressions that no param, var, resource or output declares. */
  undeclaredReferences: string[];
  /** Params no expression uses. */
  unusedParams: string[];
}

let language: Promise<Language> | undefined;

function bicepLanguage(): Promise<Language> {
  // The grammar's bytes, not its path: given a path, web-tree-sitter reads it with a dynamic import jest does not allow.
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm'));
  language ??= Parser.init().then(() => Language.load(wasm));
  return language;
}

export async function parseBicep(source: string): Promise<BicepFile> {
  const bicep = await bicepLanguage(); // Parser.init() must have finished before a Parser exists
  const parser = new Parser();
  parser.setLanguage(bicep);
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter gave no tree');
  const root = tree.rootNode;

  const syntaxErrors = root
    .descendantsOfType(['ERROR'])
    .concat(missingNodes(root))
    .filter((n): n is Node => n !== null)
    .map((n) => `${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.isMissing ? `missing ${n.type}` : JSON.stringify(n.text.slice(0, 60))}`);

  const params: BicepParam[] = [];
  const variables: string[] = [];
  const resources: BicepResource[] = [];
  const outputs: string[] = [];
  let decorators: string[] = [];
  for (const node of root.namedChildren) {
    if (!node) continue;
    if (node.type === 'decorators') {
      decorators = node.namedChildren.filter((d): d is Node => d !== null).map((d) => d.text.replace(/^@/, ''));
      continue;
    }
    const [nameNode, second, third] = node.namedChildren;
    const name = nameNode?.text ?? '';
    if (node.type === 'parameter_declaration') {
      params.push({ name, type: second?.text ?? '', hasDefault: third !== null && third !== undefined, secure: decorators.includes('secure()'), decorators });
    } else if (node.type === 'variable_declaration') {
      variables.push(name);
    } else if (node.type === 'resource_declaration') {
      const [type, apiVersion] = stringValue(second).split('@');
      const conditional = third?.type === 'if_statement';
      const bodyNode = conditional ? third.namedChildren.find((c) => c?.type === 'object') : third;
      const body = bodyNode ? toValue(bodyNode) : {};
      resources.push({
        symbol: name,
        type,
        apiVersion,
        condition: conditional ? third.namedChildren[0]?.text : undefined,
        body: isObject(body) ? body : {},
      });
    } else if (node.type === 'output_declaration') {
      outputs.push(name);
    }
    decorators = [];
  }

  const declared = new Set([...params.map((p) => p.name), ...variables, ...resources.map((r) => r.symbol), ...outputs]);
  const referenced = referencedIdentifiers(root);
  return {
    syntaxErrors,
    params,
    variables,
    resources,
    outputs,
    undeclaredReferences: [...new Set(referenced.filter((id) => !declared.has(id)))],
    unusedParams: params.map((p) => p.name).filter((name) => !referenced.includes(name)),
  };
}

function missingNodes(node: Node): Node[] {
  const found: Node[] = [];
  const visit = (n: Node) => {
    if (n.isMissing) found.push(n);
    for (const child of n.children) if (child) visit(child);
  };
  visit(node);
  return found;
}

/**
 * Identifiers used as values: everything but declaration names, object keys, function names, and the names after a dot
 * (property_identifier, a separate node type).
 */
function referencedIdentifiers(root: Node): string[] {
  const names: string[] = [];
  for (const id of root.descendantsOfType('identifier')) {
    if (!id?.parent || id.isMissing) continue;
    const parent = id.parent;
    const isDeclarationName = /_declaration$/.test(parent.type) && parent.namedChildren[0]?.id === id.id;
    const isObjectKey = parent.type === 'object_property' && parent.namedChildren[0]?.id === id.id;
    const isFunctionName = parent.type === 'call_expression' && parent.childForFieldName('function')?.id === id.id;
    if (!isDeclarationName && !isObjectKey && !isFunctionName) names.push(id.text);
  }
  return names;
}

function stringValue(node: Node | null | undefined): string {
  if (!node || node.type !== 'string') return '';
  return node.namedChildren.every((c) => c?.type === 'string_content' || c?.type === 'escape_sequence')
    ? JSON.parse(`"${node.text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`)
    : '';
}

/** A literal as a JS value; anything computed (references, calls, interpolated strings, ternaries) as an Expression. */
function toValue(node: Node): BicepValue {
  switch (node.type) {
    case 'object': {
      const out: { [key: string]: BicepValue } = {};
      for (const property of node.namedChildren) {
        if (property?.type !== 'object_property') continue;
        const [key, value] = property.namedChildren;
        if (!key || !value) continue;
        out[key.type === 'string' ? stringValue(key) || key.text : key.text] = toValue(value);
      }
      return out;
    }
    case 'array':
      return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').map(toValue);
    case 'string': {
      const literal = node.namedChildren.every((c) => c?.type === 'string_content' || c?.type === 'escape_sequence');
      return literal ? stringValue(node) : new Expression(node.text);
    }
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    default:
      return new Expression(node.text);
  }
}

function isObject(value: BicepValue): value is { [key: string]: BicepValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Expression);
}

/** The value at a dotted path inside a resource body (`properties.siteConfig.appSettings`), or undefined. */
export function valueAt(body: BicepValue, dottedPath: string): BicepValue | undefined {
  let current: BicepValue | undefined = body;
  for (const key of dottedPath.split('.')) {
    if (current === undefined || !isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}
