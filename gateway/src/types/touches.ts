import type { AsOfRow } from '@hub/read-model';
import { touchesPage, type TouchFilter } from '@hub/read-model';
import type { ObjectRef } from '@pothos/core';
import { ACCESS, seesCustomersOneByOne } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { BranchRef } from './branch';
import { forwardPage, toConnection } from './connection';
import { CustomerRef } from './customerSmile';
import { EmployeeRef } from './employee';
import { ChannelEnum, PersonKindEnum, TouchModeEnum } from './enums';
import { FcRef } from './fc';
import { TouchRef } from './touch';

/*
 * Touches as Relay connections: the `touches` query, and the timelines of a person (employee, FC,
 * customer) and of a branch (its FCs and customers), each the same filtered list.
 */

builder.objectFields(TouchRef, (t) => ({
  employee: t.field({
    type: EmployeeRef,
    nullable: true,
    description: 'The person reached, when an employee.',
    resolve: async (x, _, ctx) => (x.personKind === 'EMPLOYEE' ? ((await ctx.loadersAt(x.asOf).employee.load(x.personId)) ?? null) : null),
  }),
  fc: t.field({
    type: FcRef,
    nullable: true,
    description: 'The person reached, when an FC.',
    resolve: async (x, _, ctx) => (x.personKind === 'FC' ? ((await ctx.loadersAt(x.asOf).fc.load(x.personId)) ?? null) : null),
  }),
  customer: t.field({
    type: CustomerRef,
    nullable: true,
    description: 'The person reached, when a customer.',
    resolve: async (x, _, ctx) => (x.personKind === 'CUSTOMER' ? ((await ctx.loadersAt(x.asOf).customer.load(x.personId)) ?? null) : null),
  }),
}));

const TouchFilterInput = builder.inputType('TouchFilter', {
  description: 'Narrows the touches listed.',
  fields: (t) => ({
    personId: t.id({ required: false, description: 'Of this person.' }),
    personKind: t.field({ type: PersonKindEnum, required: false, description: 'Of employees, FCs or customers.' }),
    leaderId: t.id({ required: false, description: 'By this leader.' }),
    channel: t.field({ type: ChannelEnum, required: false, description: 'Through this channel.' }),
    mode: t.field({ type: TouchModeEnum, required: false, description: 'Face to face or broadcast.' }),
    branchId: t.id({ required: false, description: 'Of the FCs and customers of this branch.' }),
    from: t.field({ type: 'DateTime', required: false, description: 'At or after this instant.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Before this instant.' }),
  }),
});

type HubTypes = typeof builder.$inferSchemaTypes;

const touchConnectionNames = [
  { name: 'TouchConnection', description: 'A page of touches.' },
  { name: 'TouchEdge', description: 'A touch in a page, with its cursor.' },
] as const;

const toFilter = (
  f:
    | {
        personId?: string | number | null;
        personKind?: TouchFilter['personKind'];
        leaderId?: string | number | null;
        channel?: TouchFilter['channel'];
        mode?: TouchFilter['mode'];
        branchId?: string | number | null;
        from?: string | null;
        to?: string | null;
      }
    | null
    | undefined,
): TouchFilter => ({
  personId: idOrNull(f?.personId),
  personKind: f?.personKind ?? null,
  leaderId: idOrNull(f?.leaderId),
  channel: f?.channel ?? null,
  mode: f?.mode ?? null,
  branchId: idOrNull(f?.branchId),
  ...optionalPeriod({ from: f?.from ?? null, to: f?.to ?? null }),
});

builder.queryFields((t) => ({
  touches: t.connection(
    {
      // Customers' touches one by one only for roles that see customers; the others get them left out.
      authScopes: (_, args) => (args.filter?.personKind === 'CUSTOMER' ? ACCESS.customerLevel : ACCESS.read),
      type: TouchRef,
      description: 'Touches, newest first, filtered by person, leader, channel, branch and period. Forward pagination (first/after).',
      args: {
        filter: t.arg({ type: TouchFilterInput, required: false, description: 'Narrow the list.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('touches', args);
        const filter = { ...toFilter(args.filter), withoutCustomers: !seesCustomersOneByOne(ctx.principal.role) };
        return toConnection(await touchesPage(ctx.view, filter, page, momentOf(args)), page.after);
      },
    },
    ...touchConnectionNames,
  ),
}));

/** A timeline field: the touches of one person or branch, newest first, as of the parent's moment. */
const timeline = <P extends AsOfRow>(ref: ObjectRef<HubTypes, P>, typeName: string, what: string, filterOf: (parent: P) => TouchFilter) =>
  builder.objectField(ref, 'timeline', (t) =>
    t.connection(
      {
        type: TouchRef,
        description: `${what}: every touch, newest first, optionally one channel or a period. Forward pagination (first/after).`,
        args: {
          channel: t.arg({ type: ChannelEnum, required: false, description: 'Only this channel.' }),
          from: t.arg(fromArg),
          to: t.arg(toArg),
        },
        resolve: async (parent, args, ctx) => {
          const page = forwardPage('timeline', args);
          const filter = {
            ...toFilter({ channel: args.channel ?? null, from: args.from ?? null, to: args.to ?? null }),
            ...filterOf(parent),
            withoutCustomers: !seesCustomersOneByOne(ctx.principal.role),
          };
          return toConnection(await touchesPage(ctx.view, filter, page, parent.asOf), page.after);
        },
      },
      { name: `${typeName}TimelineConnection`, description: `A page of ${what.toLowerCase()}.` },
      { name: `${typeName}TimelineEdge`, description: 'A touch in a page, with its cursor.' },
    ),
  );

timeline(EmployeeRef, 'Employee', 'This employee’s timeline', (e) => ({ personId: e.employeeId, personKind: 'EMPLOYEE' }));
timeline(FcRef, 'Fc', 'This FC’s timeline', (f) => ({ personId: f.fcId, personKind: 'FC' }));
timeline(CustomerRef, 'Customer', 'This customer’s timeline', (c) => ({ personId: c.customerId, personKind: 'CUSTOMER' }));
timeline(BranchRef, 'Branch', 'This branch’s timeline (its FCs and customers)', (b) => ({ branchId: b.branchId }));
