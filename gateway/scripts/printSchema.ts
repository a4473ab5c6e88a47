import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/printSchema';

writeFileSync(new URL('../schema.graphql', import.meta.url), printedSchema());
console.log('wrote gateway/schema.graphql');
