import { printSchema } from 'graphql';
import { schema } from './schema';

/** The SDL committed as gateway/schema.graphql, so reviewers and clients can read the contract. */
export const printedSchema = () => `${printSchema(schema)}\n`;
