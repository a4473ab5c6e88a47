import { PERSONAL_DATA_FIELDS, type PersonalDataAccessRow } from '@hub/personal-data';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { forwardPage, toConnection } from './connection';

const PersonalDataFieldEnum = builder.enumType('PersonalDataField', {
  description: 'A field of a customer’s personal data.',
  values: {
    NAME: { value: 'name', description: 'Name.' },
    PHONE: { value: 'phone', description: 'Phone number.' },
    ADDRESS: { value: 'address', description: 'Address.' },
  } satisfies Record<
    Uppercase<(typeof PERSONAL_DATA_FIELDS)[number]>,
    { value: (typeof PERSONAL_DATA_FIELDS)[number]; description: string }
  >,
});

const PersonalDataAccessRef = builder.objectRef<PersonalDataAccessRow>('PersonalDataAccess');
PersonalDataAccessRef.implement({
  description: 'One read of a customer’s personal data through GraphQL: who, when, which customer, which fields.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Entry id.' }),
    accessedAt: t.expose('accessedAt', { type: 'DateTime', description: 'When it was read.' }),
    actor: t.exposeString('actor', { description: 'Who read it (the subject of their API token).' }),
    tokenId: t.exposeString('tokenId', {
      nullable: true,
      description: 'The API token they read it with (its public id): what was used, whatever subject it names.',
    }),
    role: t.exposeString('role', { description: 'The role they read it with.' }),
    customerId: t.exposeID('customerId', { description: 'Whose data.' }),
    fields: t.field({ type: [PersonalDataFieldEnum], description: 'Which fields.', resolve: (a) => [...a.fields] }),
    correlationId: t.exposeString('correlationId', { description: 'The request it was read in.' }),
  }),
});

builder.queryFields((t) => ({
  personalDataAccessLog: t.connection(
    {
      authScopes: ACCESS.privacy,
      type: PersonalDataAccessRef,
      description:
        'Every read of customers’ personal data, newest first, optionally for one customer and a period (PRIVACY_OFFICER only). Forward pagination (first/after).',
      args: {
        customerId: t.arg.id({ required: false, description: 'Only reads of this customer’s data.' }),
        from: t.arg(fromArg),
        to: t.arg(toArg),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('personalDataAccessLog', args);
        return toConnection(
          await ctx.personalDataAccessLog.page({ customerId: idOrNull(args.customerId), ...optionalPeriod(args) }, page),
          page.after,
        );
      },
    },
    { name: 'PersonalDataAccessConnection', description: 'A page of the personal-data access log.' },
    { name: 'PersonalDataAccessEdge', description: 'A read in a page, with its cursor.' },
  ),
}));
