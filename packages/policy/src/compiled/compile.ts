import type * as z from 'zod/mini';
import { CHECKS, type CheckCall } from '../check-definitions.js';
import type { CompiledNode, EnumValue } from './compiled-schema.js';

// Build-time only (it reads zod's schema definitions): turns zod schemas into compiled schemas,
// and writes them as a TypeScript module. It refuses anything a compiled schema cannot mirror
// exactly (transforms, defaults, unions, loose objects, unnamed refinements), naming where.

interface ZodDef {
  readonly type: string;
  readonly checks?: readonly {
    readonly _zod: { readonly def: { readonly check: string; readonly params?: { readonly check?: unknown } } };
  }[];
  readonly shape?: Readonly<Record<string, z.ZodMiniType>>;
  readonly catchall?: z.ZodMiniType;
  readonly entries?: Readonly<Record<string, EnumValue>>;
  readonly values?: readonly EnumValue[];
  readonly element?: z.ZodMiniType;
  readonly keyType?: z.ZodMiniType;
  readonly valueType?: z.ZodMiniType;
  readonly innerType?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as ZodDef;

function checksOf(def: ZodDef, where: string): { checks?: CheckCall[] } {
  if (!def.checks?.length) return {};
  return {
    checks: def.checks.map((check, i) => {
      const call = check._zod.def.params?.check;
      if (!Array.isArray(call) || typeof call[0] !== 'string' || !Object.hasOwn(CHECKS, call[0])) {
        throw new TypeError(
          `${where}: check ${i} (${check._zod.def.check}) is not a named check; use namedCheck() from checks.ts`,
        );
      }
      return call as unknown as CheckCall;
    }),
  };
}

/**
 * The compiled form of a zod schema. Nodes shared in zod are shared here (the same object), so a
 * writer can declare them once.
 * @throws TypeError naming the first construct a compiled schema cannot express, and where.
 */
export function compileSchema(
  schema: z.ZodMiniType,
  where = '$',
  memo = new Map<z.ZodMiniType, CompiledNode>(),
): CompiledNode {
  const inProgress = new Set<z.ZodMiniType>();
  const compile = (s: z.ZodMiniType, at: string): CompiledNode => {
    let node = memo.get(s);
    if (node) return node;
    if (inProgress.has(s)) throw new TypeError(`${at}: recursive schemas cannot be compiled`);
    inProgress.add(s);
    memo.set(s, (node = compileOne(s, at)));
    inProgress.delete(s);
    return node;
  };
  const compileOne = (s: z.ZodMiniType, at: string): CompiledNode => {
    const def = defOf(s);
    switch (def.type) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'unknown':
        return { type: def.type, ...checksOf(def, at) };
      case 'enum':
        return { type: 'enum', values: Object.values(def.entries!), ...checksOf(def, at) };
      case 'literal':
        return { type: 'enum', values: [...def.values!], ...checksOf(def, at) };
      case 'array':
        return { type: 'array', item: compile(def.element!, `${at}[]`), ...checksOf(def, at) };
      case 'record':
        if (defOf(def.keyType!).type !== 'string' || defOf(def.keyType!).checks?.length)
          throw new TypeError(`${at}: a record's keys must be plain strings`);
        return { type: 'record', value: compile(def.valueType!, `${at}{}`), ...checksOf(def, at) };
      case 'object':
        if (!def.catchall || defOf(def.catchall).type !== 'never')
          throw new TypeError(`${at}: objects must be strict (z.strictObject)`);
        return {
          type: 'object',
          shape: Object.fromEntries(
            Object.entries(def.shape!).map(([key, value]) => [key, compile(value, `${at}.${key}`)]),
          ),
          ...checksOf(def, at),
        };
      case 'optional':
      case 'nullable':
        if (def.checks?.length)
          throw new TypeError(`${at}: checks on ${def.type}() are not supported; check the inner schema`);
        return { type: def.type, inner: compile(def.innerType!, at) };
      default:
        throw new TypeError(`${at}: zod type "${def.type}" cannot be compiled`);
    }
  };
  return compile(schema, where);
}

/** One export of a compiled-schema module. */
export interface CompiledExport {
  readonly name: string;
  /** Its declared type, e.g. `CompiledSchema<Facts>`. */
  readonly type: string;
  /** A zod schema, or plain data (objects, arrays, JSON values) with zod schemas inside. */
  readonly value: unknown;
}

const isZodSchema = (value: unknown): value is z.ZodMiniType =>
  typeof value === 'object' && value !== null && '_zod' in value;
const propertyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/**
 * A TypeScript module declaring each export, its zod schemas compiled. A node used more than once
 * is declared once as a `const` and referred to by name, so the module stays small. `footer` is
 * source written after the exports (declarations built from them).
 */
export function compiledModuleSource(options: {
  header: string;
  imports: readonly string[];
  exports: readonly CompiledExport[];
  footer?: readonly string[];
}): string {
  const memo = new Map<z.ZodMiniType, CompiledNode>();
  const compiled = new Map<unknown, CompiledNode>();
  const uses = new Map<CompiledNode, number>();
  const count = (node: CompiledNode): void => {
    uses.set(node, (uses.get(node) ?? 0) + 1);
    if ((uses.get(node) ?? 0) > 1) return;
    for (const child of children(node)) count(child);
  };
  // Equal nodes become one object, whether or not zod shared them, so each is declared once.
  const interned = new Map<string, CompiledNode>();
  const intern = (node: CompiledNode): CompiledNode => {
    const copy =
      node.type === 'object'
        ? { ...node, shape: Object.fromEntries(Object.entries(node.shape).map(([k, v]) => [k, intern(v)])) }
        : node.type === 'array'
          ? { ...node, item: intern(node.item) }
          : node.type === 'record'
            ? { ...node, value: intern(node.value) }
            : node.type === 'optional' || node.type === 'nullable'
              ? { ...node, inner: intern(node.inner) }
              : node;
    const key = JSON.stringify(copy);
    if (!interned.has(key)) interned.set(key, copy);
    return interned.get(key)!;
  };
  const collect = (value: unknown, at: string): void => {
    if (isZodSchema(value)) {
      const node = intern(compileSchema(value, at, memo));
      compiled.set(value, node);
      count(node);
    } else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${at}[${i}]`));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) collect(v, `${at}.${k}`);
  };
  // Counting references as it goes: a node used twice is declared once.
  for (const entry of options.exports) collect(entry.value, entry.name);

  const names = new Map<CompiledNode, string>();
  const declarations: string[] = [];
  const literal = (node: CompiledNode, isDeclaration = false): string => {
    const name = names.get(node);
    if (name && !isDeclaration) return name;
    const fields: string[] = [`type: ${JSON.stringify(node.type)}`];
    if (node.type === 'enum') fields.push(`values: ${JSON.stringify(node.values)}`);
    if (node.type === 'object')
      fields.push(
        `shape: { ${Object.entries(node.shape)
          .map(([key, child]) => `${propertyName(key)}: ${literal(child)}`)
          .join(', ')} }`,
      );
    if (node.type === 'array') fields.push(`item: ${literal(node.item)}`);
    if (node.type === 'record') fields.push(`value: ${literal(node.value)}`);
    if (node.type === 'optional' || node.type === 'nullable') fields.push(`inner: ${literal(node.inner)}`);
    if ('checks' in node && node.checks) fields.push(`checks: ${JSON.stringify(node.checks)}`);
    return `{ ${fields.join(', ')} }`;
  };
  // Shared nodes, children first, so each declaration only names what is declared above it.
  const declare = (node: CompiledNode): void => {
    if (names.has(node)) return;
    for (const child of children(node)) declare(child);
    if ((uses.get(node) ?? 0) > 1 && !isTrivial(node)) {
      declarations.push(`const n${names.size}: CompiledNode = ${literal(node, true)};`);
      names.set(node, `n${names.size}`);
    }
  };
  for (const node of compiled.values()) declare(node);

  const data = (value: unknown): string => {
    if (isZodSchema(value)) return literal(compiled.get(value)!);
    if (Array.isArray(value)) return `[${value.map(data).join(', ')}]`;
    if (typeof value === 'object' && value !== null)
      return `{ ${Object.entries(value)
        .map(([k, v]) => `${propertyName(k)}: ${data(v)}`)
        .join(', ')} }`;
    return JSON.stringify(value);
  };
  const exported = options.exports.map(({ name, type, value }) => `export const ${name}: ${type} = ${data(value)};`);
  return [options.header, ...options.imports, '', ...declarations, '', ...exported, ...(options.footer ?? []), ''].join(
    '\n',
  );
}

const children = (node: CompiledNode): CompiledNode[] =>
  node.type === 'object'
    ? Object.values(node.shape)
    : node.type === 'array'
      ? [node.item]
      : node.type === 'record'
        ? [node.value]
        : node.type === 'optional' || node.type === 'nullable'
          ? [node.inner]
          : [];

/** Not worth a name: a bare type with nothing to check. */
const isTrivial = (node: CompiledNode) =>
  children(node).length === 0 && node.type !== 'enum' && !('checks' in node && node.checks);
