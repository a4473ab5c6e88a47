import SchemaBuilder from '@pothos/core';
import { idSchema, instantSchema, localDateSchema, nonEmptyText } from '@hub/events';
import { printType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodInputsFor } from './zodInput';

type Types = { Scalars: { DateTime: { Input: string; Output: string }; Date: { Input: string; Output: string } } };
const newBuilder = () => new SchemaBuilder<Types>({ scopeAuth: { authScopes: () => ({}) } });

/** A schema builder of its own, with the hub's two date scalars, and a query taking each input. */
const schemaWith = (define: (inputs: ReturnType<typeof zodInputsFor>, b: ReturnType<typeof newBuilder>) => Record<string, unknown>) => {
  const b = newBuilder();
  b.scalarType('DateTime', { serialize: (v) => v, parseValue: (v) => String(v) });
  b.scalarType('Date', { serialize: (v) => v, parseValue: (v) => String(v) });
  const inputs = zodInputsFor(b as never);
  const refs = define(inputs, b);
  b.queryType({
    fields: (t) =>
      Object.fromEntries(
        Object.entries(refs).map(([name, ref]) => [
          name,
          t.boolean({ args: { input: t.arg({ type: ref as never, required: true }) }, resolve: () => true }),
        ]),
      ),
  });
  const schema = b.toSchema({ sortSchema: false });
  return (name: string) => printType(schema.getType(name) as GraphQLNamedType);
};

describe('zodInput: a GraphQL input type from the zod schema the service parses', () => {
  it('maps each primitive to its GraphQL type, optional, nullable and defaulted fields to not required', () => {
    const print = schemaWith(({ zodInput }) => ({
      probe: zodInput(
        'ProbeInput',
        z.object({
          id: idSchema,
          maybeId: idSchema.optional(),
          refinedId: idSchema.refine((s) => s !== 'x'),
          text: nonEmptyText(10),
          phone: z.string().regex(/^\d+$/),
          count: z.number().int().min(0),
          ratio: z.number(),
          flag: z.boolean().default(false),
          at: instantSchema,
          on: localDateSchema.nullish(),
          ids: z.array(idSchema).default([]),
          words: z.array(nonEmptyText(5)).min(1),
        }),
      ),
    }));
    expect(print('ProbeInput')).toBe(
      [
        'input ProbeInput {',
        '  id: ID!',
        '  maybeId: ID',
        '  refinedId: ID!',
        '  text: String!',
        '  phone: String!',
        '  count: Int!',
        '  ratio: Float!',
        '  flag: Boolean',
        '  at: DateTime!',
        '  on: Date',
        '  ids: [ID!]',
        '  words: [String!]!',
        '}',
      ].join('\n'),
    );
  });

  it('takes descriptions from .describe() and .meta(), on the field or under its wrappers, and the type’s from the object or the options', () => {
    const print = schemaWith(({ zodInput }) => ({
      a: zodInput(
        'DescribedInput',
        z
          .object({
            who: idSchema.describe('Who.'),
            when: instantSchema.meta({ description: 'When.' }).optional(),
            why: nonEmptyText(5).optional().describe('Why, outside the wrapper.'),
          })
          .describe('Described.'),
      ),
      b: zodInput('RenamedInput', z.object({ x: z.boolean() }).describe('Not this.'), { description: 'This one.' }),
    }));
    expect(print('DescribedInput')).toBe(
      [
        '"""Described."""',
        'input DescribedInput {',
        '  """Who."""',
        '  who: ID!',
        '',
        '  """When."""',
        '  when: DateTime',
        '',
        '  """Why, outside the wrapper."""',
        '  why: String',
        '}',
      ].join('\n'),
    );
    expect(print('RenamedInput')).toContain('"""This one."""');
  });

  it('uses the enum registered for the same values, and names nested objects (lists see-through) once', () => {
    const answer = z.object({ by: idSchema }).describe('An answer.');
    const print = schemaWith(({ zodInput, zodEnum }, b) => {
      zodEnum(['LIVE', 'LATER'], b.enumType('Mode', { values: ['LIVE', 'LATER'] as const }));
      return {
        a: zodInput(
          'OuterInput',
          z.object({
            mode: z.enum(['LATER', 'LIVE']),
            modes: z.array(z.enum(['LIVE', 'LATER'])),
            answer: answer.nullish(),
            questions: z.array(z.object({ answer })).default([]),
          }),
          { nested: { answer: 'AnswerInput', questions: 'QuestionInput', 'questions.answer': 'AnswerInput' } },
        ),
      };
    });
    expect(print('OuterInput')).toBe(
      [
        'input OuterInput {',
        '  mode: Mode!',
        '  modes: [Mode!]!',
        '',
        '  """An answer."""',
        '  answer: AnswerInput',
        '  questions: [QuestionInput!]',
        '}',
      ].join('\n'),
    );
    expect(print('QuestionInput')).toBe(['input QuestionInput {', '  """An answer."""', '  answer: AnswerInput!', '}'].join('\n'));
    expect(print('AnswerInput')).toBe(['"""An answer."""', 'input AnswerInput {', '  by: ID!', '}'].join('\n'));
  });

  it('refuses, naming the field, an enum with no GraphQL enum and a nested object with no name', () => {
    expect(() => schemaWith(({ zodInput }) => ({ a: zodInput('EnumInput', z.object({ kind: z.enum(['A', 'B']) })) }))).toThrow(
      'zodInput: kind is an enum (A, B) with no GraphQL enum',
    );
    expect(() =>
      schemaWith(({ zodInput }) => ({
        a: zodInput('NestInput', z.object({ list: z.array(z.object({ inner: z.object({}) })) }), { nested: { list: 'L' } }),
      })),
    ).toThrow("zodInput: list.inner is an object; name its GraphQL input type in options.nested['list.inner']");
  });

  it('refuses a second GraphQL enum for the same values', () => {
    expect(() =>
      schemaWith(({ zodEnum }, b) => {
        zodEnum(['A'], b.enumType('One', { values: ['A'] as const }));
        zodEnum(['A'], b.enumType('Two', { values: ['A'] as const }));
        return {};
      }),
    ).toThrow('zodEnum: the values A already have a GraphQL enum');
  });
});
