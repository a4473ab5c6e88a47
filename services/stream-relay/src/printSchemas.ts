import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { streamDocuments } from './schemas';

/** Writes schemas/<type>.json and asyncapi.yaml: the contract downstream teams code against. */
const root = join(import.meta.dirname, '..');
const { schemas, asyncapi } = streamDocuments();
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [type, text] of Object.entries(schemas)) writeFileSync(join(root, 'schemas', `${type}.json`), text);
writeFileSync(join(root, 'asyncapi.yaml'), asyncapi);
console.log(`wrote ${Object.keys(schemas).length} schemas and asyncapi.yaml`);
