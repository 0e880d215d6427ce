import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { scopeOperations } from '../graphql/scope-gate.js';
import { escapeHtml } from './html.js';

type RootKind = 'query' | 'mutation' | 'subscription';

const rootTitles: Record<RootKind, string> = {
  query: 'Queries',
  mutation: 'Mutations',
  subscription: 'Subscriptions',
};

/** The anchor of a root operation on the reference page: `#query-rightCheck`. */
export function operationAnchor(kind: RootKind, name: string): string {
  return `${kind}-${name}`;
}

/** The anchor of a type on the reference page: `#type-RightCheckResult`. */
export function typeAnchor(name: string): string {
  return `type-${name}`;
}

/** The schema's own types, without GraphQL's introspection types (`__Type`, …). */
export function documentedTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function roots(schema: GraphQLSchema): [RootKind, GraphQLObjectType][] {
  const found: [RootKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return found.filter((root): root is [RootKind, GraphQLObjectType] => Boolean(root[1]));
}

function rootNames(schema: GraphQLSchema): Set<string> {
  return new Set(roots(schema).map(([, type]) => type.name));
}

/** `[Plate!]!` with the named type linked to its entry. */
function typeReference(type: GraphQLType): string {
  if (isNonNullType(type)) return `${typeReference(type.ofType)}!`;
  if (isListType(type)) return `[${typeReference(type.ofType)}]`;
  const name = getNamedType(type).name;
  return `<a href="#${typeAnchor(name)}">${escapeHtml(name)}</a>`;
}

function description(text: string | null | undefined): string {
  if (!text) return '';
  // Descriptions are written as sentences with `code` in backticks; nothing else is formatted.
  const html = escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
  return `<p>${html}</p>`;
}

function deprecation(reason: string | null | undefined): string {
  if (reason === null || reason === undefined) return '';
  return `<p class="deprecated"><strong>Deprecated.</strong> ${escapeHtml(reason)}</p>`;
}

function defaultValue(argument: GraphQLArgument | GraphQLInputField): string {
  if (argument.defaultValue === undefined) return '';
  return ` = ${escapeHtml(JSON.stringify(argument.defaultValue))}`;
}

function argumentList(args: readonly (GraphQLArgument | GraphQLInputField)[]): string {
  if (args.length === 0) return '';
  const items = args.map(
    (argument) =>
      `<dt><code>${escapeHtml(argument.name)}: ${typeReference(argument.type)}${defaultValue(argument)}</code></dt>` +
      `<dd>${description(argument.description)}${deprecation(argument.deprecationReason)}</dd>`,
  );
  return `<dl class="arguments">${items.join('')}</dl>`;
}

function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .map((argument) => `${escapeHtml(argument.name)}: ${typeReference(argument.type)}`)
    .join(', ');
  return `${escapeHtml(field.name)}${args ? `(${args})` : ''}: ${typeReference(field.type)}`;
}

function operation(kind: RootKind, field: GraphQLField<unknown, unknown>): string {
  return [
    `<section class="entry" id="${operationAnchor(kind, field.name)}">`,
    `<h3><code>${escapeHtml(field.name)}</code></h3>`,
    `<p class="signature"><code>${signature(field)}</code></p>`,
    description(field.description),
    deprecation(field.deprecationReason),
    field.args.length > 0 ? `<h4>Arguments</h4>${argumentList(field.args)}` : '',
    '</section>',
  ].join('\n');
}

function fieldList(fields: readonly GraphQLField<unknown, unknown>[]): string {
  const items = fields.map(
    (field) =>
      `<dt><code>${signature(field)}</code></dt>` +
      `<dd>${description(field.description)}${deprecation(field.deprecationReason)}` +
      `${argumentList(field.args)}</dd>`,
  );
  return `<dl class="fields">${items.join('')}</dl>`;
}

function kindName(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  return 'scalar';
}

function typeBody(type: GraphQLNamedType): string {
  if (isObjectType(type) || isInterfaceType(type)) {
    const implemented = type.getInterfaces();
    const implementsLine =
      implemented.length > 0
        ? `<p>Implements ${implemented.map((item) => typeReference(item)).join(', ')}.</p>`
        : '';
    return implementsLine + fieldList(Object.values(type.getFields()));
  }
  if (isUnionType(type)) {
    return `<p>One of ${type
      .getTypes()
      .map((member) => typeReference(member))
      .join(', ')}; ask for <code>__typename</code> to tell which.</p>`;
  }
  if (isEnumType(type)) {
    const values = type
      .getValues()
      .map(
        (value) =>
          `<dt><code>${escapeHtml(value.name)}</code></dt>` +
          `<dd>${description(value.description)}${deprecation(value.deprecationReason)}</dd>`,
      );
    return `<dl class="values">${values.join('')}</dl>`;
  }
  if (isInputObjectType(type)) return argumentList(Object.values(type.getFields()));
  if (isScalarType(type) && type.specifiedByURL) {
    return `<p>Specified by <code>${escapeHtml(type.specifiedByURL)}</code>.</p>`;
  }
  return '';
}

/** What each partner scope lets a credential call: the catalogue the scope gate enforces. */
function scopeTable(): string {
  const rows = Object.entries(scopeOperations).map(([scope, operations]) => {
    const links = (Object.entries(operations) as [RootKind, readonly string[]][]).flatMap(
      ([kind, names]) =>
        names.map(
          (name) =>
            `<a href="#${operationAnchor(kind, name)}"><code>${escapeHtml(name)}</code></a>`,
        ),
    );
    return `<tr><th scope="row"><code>${escapeHtml(scope)}</code></th><td>${links.join(', ')}</td></tr>`;
  });
  return [
    '<section id="scopes">',
    '<h2>Scopes</h2>',
    '<p>A partner credential with scopes may call only the operations its scopes list, and ' +
      '<code>me</code> and <code>logout</code>; anything else answers <code>FORBIDDEN</code>. ' +
      'A login without scopes is limited by its role alone.</p>',
    '<div class="wide" tabindex="0"><table><thead><tr><th scope="col">scope</th>' +
      '<th scope="col">operations</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

function typeEntry(type: GraphQLNamedType): string {
  return [
    `<section class="entry" id="${typeAnchor(type.name)}">`,
    `<h3><code>${escapeHtml(type.name)}</code> <span class="kind">${kindName(type)}</span></h3>`,
    description(type.description),
    typeBody(type),
    '</section>',
  ].join('\n');
}

/**
 * The API reference as the main part of a page: every query, mutation and subscription with
 * its description, arguments, return type and deprecation, then every type with its fields,
 * members or values, each name linked to its entry; last the partner scopes and what they allow.
 */
export function schemaReference(schema: GraphQLSchema): string {
  const rootTypes = rootNames(schema);
  const types = documentedTypes(schema).filter((type) => !rootTypes.has(type.name));
  const operations = roots(schema).map(([kind, root]) => {
    const fields = Object.values(root.getFields()).sort((a, b) => a.name.localeCompare(b.name));
    const index = fields
      .map((field) => `<li><a href="#${operationAnchor(kind, field.name)}">${field.name}</a></li>`)
      .join('');
    return [
      `<section id="${kind}">`,
      `<h2>${rootTitles[kind]}</h2>`,
      `<ul class="index">${index}</ul>`,
      ...fields.map((field) => operation(kind, field)),
      '</section>',
    ].join('\n');
  });
  const typeIndex = types
    .map((type) => `<li><a href="#${typeAnchor(type.name)}">${type.name}</a></li>`)
    .join('');
  const contents = [
    ...roots(schema).map(([kind]) => `<li><a href="#${kind}">${rootTitles[kind]}</a></li>`),
    '<li><a href="#types">Types</a></li>',
    '<li><a href="#scopes">Scopes</a></li>',
  ].join('');
  return [
    '<h1>API reference</h1>',
    '<p>Generated from the schema this server runs. Every operation is a <code>POST</code> to ' +
      '<code>/graphql</code> (subscriptions: graphql-ws on the same path); the conventions are ' +
      'in <a href="/docs/conventions">GraphQL conventions</a>.</p>',
    `<nav aria-label="On this page"><ul class="contents">${contents}</ul></nav>`,
    ...operations,
    '<section id="types">',
    '<h2>Types</h2>',
    `<ul class="index">${typeIndex}</ul>`,
    ...types.map(typeEntry),
    '</section>',
    scopeTable(),
  ].join('\n');
}
