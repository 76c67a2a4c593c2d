/**
 * Generates the OCPP-J request/response types from the official JSON schemas that ocpp-rpc ships
 * (the same schemas its strict mode validates frames with), so types and validation cannot drift:
 *   libs/ocpp/src/v16/types/generated.ts   (OCPP 1.6)
 *   libs/ocpp/src/v201/types/generated.ts  (OCPP 2.0.1)
 * Run: npx ts-node --transpile-only scripts/generate-ocpp-types.ts [--check]
 */
import { compile, JSONSchema } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import * as ts from 'typescript';

interface Target {
  version: string;
  schemaFile: string;
  outFile: string;
  mapName: string;
}

const ROOT = path.resolve(__dirname, '..');
const TARGETS: Target[] = [
  {
    version: '1.6',
    schemaFile: 'node_modules/ocpp-rpc/lib/schemas/ocpp1_6.json',
    outFile: 'libs/ocpp/src/v16/types/generated.ts',
    mapName: 'OcppV16Calls',
  },
  {
    version: '2.0.1',
    schemaFile: 'node_modules/ocpp-rpc/lib/schemas/ocpp2_0_1.json',
    outFile: 'libs/ocpp/src/v201/types/generated.ts',
    mapName: 'OcppV201Calls',
  },
];

type Schema = JSONSchema & { $id: string };

/** `urn:BootNotification.req` → { action: 'BootNotification', kind: 'Request' } */
function nameOf(schema: Schema): { action: string; kind: 'Request' | 'Response' } {
  const match = /^urn:(\w+)\.(req|conf)$/.exec(schema.$id);
  if (!match) throw new Error(`Unexpected schema id ${schema.$id}`);
  return { action: match[1], kind: match[2] === 'req' ? 'Request' : 'Response' };
}

/** A schema's shape without its prose, to tell real differences from reworded descriptions. */
function shapeOf(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => (key === 'description' ? undefined : inner));
}

/**
 * The official 2.0.1 schemas repeat shared definitions in each message; a few (e.g. an enum with
 * fewer values) really differ. Those get the message's name as prefix so each type stays exact.
 */
function renameConflictingDefinitions(schema: Schema, prefix: string, seen: Map<string, string>): Schema {
  let text = JSON.stringify(schema);
  const definitions = (schema.definitions ?? {}) as Record<string, unknown>;
  for (const [name, definition] of Object.entries(definitions)) {
    const shape = shapeOf(definition);
    const previous = seen.get(name);
    if (previous === undefined) seen.set(name, shape);
    else if (previous !== shape) {
      text = text
        .split(`"#/definitions/${name}"`)
        .join(`"#/definitions/${prefix}${name}"`)
        .replace(`"${name}":{`, `"${prefix}${name}":{`);
    }
  }
  return JSON.parse(text) as Schema;
}

/** Top-level declarations of a compiled chunk, by name, with their leading comments. */
function declarations(source: string): { name: string; text: string; shape: string }[] {
  const file = ts.createSourceFile('chunk.ts', source, ts.ScriptTarget.ES2022, true);
  return file.statements.map((statement) => {
    const named = statement as ts.Statement & { name?: ts.Identifier };
    if (!named.name) throw new Error(`Unnamed declaration in generated chunk: ${statement.getText()}`);
    const text = statement.getFullText().trim();
    return {
      name: named.name.text,
      text,
      shape: text
        .replace(/\/\*\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
}

async function generate(target: Target): Promise<string> {
  const schemas = JSON.parse(readFileSync(path.join(ROOT, target.schemaFile), 'utf8')) as Schema[];
  const seen = new Map<string, string>();
  const seenDefinitions = new Map<string, string>();
  const chunks: string[] = [];
  const actions = new Set<string>();
  for (const schema of schemas) {
    const { action, kind } = nameOf(schema);
    actions.add(action);
    const typeName = `${action}${kind}`;
    const {
      $id: _id,
      $schema: _schema,
      ...body
    } = renameConflictingDefinitions(schema, typeName, seenDefinitions);
    const compiled = await compile({ ...body, title: typeName }, typeName, {
      bannerComment: '',
      additionalProperties: false,
      format: false,
      strictIndexSignatures: true,
    });
    for (const declaration of declarations(compiled)) {
      const previous = seen.get(declaration.name);
      if (previous === undefined) {
        seen.set(declaration.name, declaration.shape);
        chunks.push(declaration.text);
      } else if (previous !== declaration.shape) {
        // The official schemas repeat shared types per message; they must agree to share one name.
        throw new Error(`${target.version}: ${declaration.name} differs between schemas`);
      }
    }
  }
  const map = [...actions]
    .sort()
    .map((action) => `  ${action}: { request: ${action}Request; response: ${action}Response };`)
    .join('\n');
  const source = [
    `/* eslint-disable */`,
    `/**`,
    ` * GENERATED FILE, DO NOT EDIT. Produced by scripts/generate-ocpp-types.ts from the official`,
    ` * OCPP ${target.version} JSON schemas shipped with ocpp-rpc (${target.schemaFile}).`,
    ` */`,
    '',
    chunks.join('\n\n'),
    '',
    `/** Every OCPP ${target.version} action with its request and response payload. */`,
    `export interface ${target.mapName} {`,
    map,
    `}`,
    '',
    `export type ${target.mapName.replace(/Calls$/, 'Action')} = keyof ${target.mapName};`,
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(path.join(ROOT, target.outFile))) ?? {};
  return prettier.format(source, { ...options, parser: 'typescript' });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  for (const target of TARGETS) {
    const output = await generate(target);
    const file = path.join(ROOT, target.outFile);
    if (check) {
      if (readFileSync(file, 'utf8') !== output) {
        process.stderr.write(`${target.outFile} is stale: run scripts/generate-ocpp-types.ts\n`);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(file, output);
      process.stdout.write(`wrote ${target.outFile}\n`);
    }
  }
}

void main();
