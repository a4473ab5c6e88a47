import { idSchema, instantSchema, localDateSchema } from '@hub/events';
import type { EnumRef, InputFieldRef, InputObjectRef, SchemaTypes } from '@pothos/core';
import { z } from 'zod';
import { builder } from './builder';

/*
 * A mutation's input is defined once, as the zod schema its service parses at the edge
 * (services/<context>/src/commands.ts). `zodInput` derives the GraphQL input type from it, so the
 * two cannot drift; validation stays the service's parse (the GraphQL types only shape the input).
 * Descriptions come from the schema's `.describe()` / `.meta({ description })`.
 */

type Scalar = 'ID' | 'String' | 'Int' | 'Float' | 'Boolean' | 'DateTime' | 'Date';

/** The GraphQL scalar of each shared primitive; a field made from one (described, refined, optional) inherits it. */
const primitives = z.registry<{ scalar: Scalar }>();
primitives.add(idSchema, { scalar: 'ID' });
primitives.add(instantSchema, { scalar: 'DateTime' });
primitives.add(localDateSchema, { scalar: 'Date' });

export type ZodInputOptions = {
  /** The type's description, where one schema serves two inputs (else the schema's own). */
  description?: string;
  /** The GraphQL name of each nested object, by its field path (`questions`, `questions.answer`); lists are see-through. */
  nested?: Record<string, string>;
};

const descriptionOf = (schema: z.ZodType): string | undefined => z.globalRegistry.get(schema)?.description;
const valuesKey = (values: readonly (string | number)[]) => [...values].map(String).sort().join('|');

/** The schema under optional/nullable/default wrappers, whether the field may be left out, and the first description on the way. */
const unwrap = (schema: z.ZodType): { inner: z.ZodType; required: boolean; description: string | undefined } => {
  let inner = schema;
  let required = true;
  let description = descriptionOf(schema);
  while (!primitives.get(inner)) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault)
      required = false;
    else if (!(inner instanceof z.ZodReadonly)) break;
    inner = inner.unwrap() as z.ZodType;
    description ??= descriptionOf(inner);
  }
  return { inner, required, description };
};

/** `zodEnum` and `zodInput` for one schema builder (the hub's below; a spec makes its own). */
export const zodInputsFor = <Types extends SchemaTypes>(b: PothosSchemaTypes.SchemaBuilder<Types>) => {
  type InputType = Scalar | EnumRef<Types, string> | InputObjectRef<Types, unknown>;
  const enumsByValues = new Map<string, EnumRef<Types, string>>();
  /** Input types made so far, by name: a nested object shared by two inputs is one type. */
  const made = new Map<string, InputObjectRef<Types, unknown>>();

  const typeOf = (schema: z.ZodType, path: string, options: ZodInputOptions): InputType => {
    const scalar = primitives.get(schema)?.scalar;
    if (scalar) return scalar;
    if (schema instanceof z.ZodString) return 'String';
    if (schema instanceof z.ZodBoolean) return 'Boolean';
    if (schema instanceof z.ZodNumber) return schema.isInt ? 'Int' : 'Float';
    if (schema instanceof z.ZodEnum) {
      const ref = enumsByValues.get(valuesKey(schema.options));
      if (!ref)
        throw new Error(`zodInput: ${path} is an enum (${schema.options.join(', ')}) with no GraphQL enum; register one with zodEnum`);
      return ref;
    }
    if (schema instanceof z.ZodObject) {
      const name = options.nested?.[path];
      if (!name) throw new Error(`zodInput: ${path} is an object; name its GraphQL input type in options.nested['${path}']`);
      return objectType(name, schema, options, `${path}.`, descriptionOf(schema));
    }
    if (schema instanceof z.ZodPipe) return typeOf(schema.in as z.ZodType, path, options);
    throw new Error(`zodInput: ${path}: no GraphQL input type for a zod ${schema.def.type}`);
  };

  const objectType = (
    name: string,
    schema: z.ZodObject,
    options: ZodInputOptions,
    prefix: string,
    description: string | undefined,
  ): InputObjectRef<Types, unknown> => {
    const known = made.get(name);
    if (known) return known;
    const ref = b.inputRef<Record<string, unknown>>(name) as unknown as InputObjectRef<Types, unknown> & {
      implement: (options: object) => unknown;
    };
    made.set(name, ref);
    ref.implement({
      ...(description ? { description } : {}),
      // A thunk: enums and nested types are looked up when the schema is built, whatever the import order.
      fields: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) =>
        Object.fromEntries(
          Object.entries(schema.shape).map(([key, field]): [string, InputFieldRef<Types, unknown>] => {
            const path = `${prefix}${key}`;
            const { inner, required, description } = unwrap(field as z.ZodType);
            // Lists are see-through: their items are never null; the list itself may be optional.
            const item = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType).inner : null;
            const type = item ? [typeOf(item, path, options)] : typeOf(inner, path, options);
            return [key, t.field({ type: type as 'String', required, ...(description ? { description } : {}) })];
          }),
        ),
    });
    return ref;
  };

  return {
    /** Says which GraphQL enum stands for a zod enum of these values (call it where the enum is defined). */
    zodEnum: <R extends EnumRef<Types, string>>(values: readonly string[], ref: R): R => {
      const key = valuesKey(values);
      const known = enumsByValues.get(key);
      if (known && known !== ref) throw new Error(`zodEnum: the values ${values.join(', ')} already have a GraphQL enum`);
      enumsByValues.set(key, ref);
      return ref;
    },
    /**
     * The GraphQL input type of a zod object: strings → String (ID for `idSchema`), whole numbers →
     * Int, other numbers → Float, booleans, enums → the enum registered for their values, instants →
     * DateTime, calendar dates → Date, lists, nested objects → input types named in `options.nested`;
     * optional, nullable or defaulted → not required.
     */
    zodInput: <S extends z.ZodObject>(name: string, schema: S, options: ZodInputOptions = {}) =>
      objectType(name, schema, options, '', options.description ?? descriptionOf(schema)) as unknown as InputObjectRef<Types, z.input<S>>,
  };
};

export const { zodEnum, zodInput } = zodInputsFor(builder);
