import { isCafeSessionEligible } from '@hub/events';
import type { EmployeeRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { OrgUnitRef } from './directory';
import { ChannelEnum, GradeEnum } from './enums';

import { TouchRef } from './touch';
export const EmployeeRef = builder.objectRef<EmployeeRow>('Employee');

EmployeeRef.implement({
  description: 'An employee (임직원). Leaders are employees too: the CEO, executives and anyone who hosts or presents.',
  fields: (t) => ({
    id: t.exposeID('employeeId', { description: 'Employee number.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    grade: t.expose('grade', { type: GradeEnum, description: 'Current grade.' }),
    orgUnit: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'Org unit (team, department or division).',
      resolve: async (e, _, ctx) => (await ctx.loadersAt(e.asOf).orgUnit.load(e.orgUnitId)) ?? null,
    }),
    region: t.exposeString('region', { description: 'Region of the workplace.' }),
    title: t.exposeString('title', { nullable: true, description: 'Leader title such as CEO, when any.' }),
    hiredOn: t.expose('hiredOn', { type: 'Date', nullable: true, description: 'Hire date, when known.' }),
    leftOn: t.expose('leftOn', { type: 'Date', nullable: true, description: 'Leave date, once left.' }),
    cafeSessionEligible: t.boolean({
      description:
        'May be invited to a café session (톡톡타임): grade 차장 or below and still with the company — what an invitation is checked against, to show before sending.',
      resolve: (e) => isCafeSessionEligible(e.grade) && e.leftOn === null,
    }),
    touches: t.field({
      type: [TouchRef],
      description: 'Every time this person was reached, newest first.',
      args: { channel: t.arg({ type: ChannelEnum, required: false, description: 'Only this channel.' }) },
      resolve: async (e, args, ctx) => {
        const touches = await ctx.loadersAt(e.asOf).touches.load(e.employeeId);
        return args.channel ? touches.filter((x) => x.channel === args.channel) : touches;
      },
    }),
    lastTouchedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When this person was last reached, through any channel (recency).',
      resolve: async (e, _, ctx) => (await ctx.loadersAt(e.asOf).touches.load(e.employeeId))[0]?.touchedAt ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  employee: t.field({
    authScopes: ACCESS.read,
    type: EmployeeRef,
    nullable: true,
    description: 'One employee with their touches; null when unknown.',
    args: {
      id: t.arg.id({ required: true, description: 'Employee number.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).employee.load(String(id))) ?? null,
  }),
}));

/** A field that is an employee looked up by id, null when none (an anonymous asker, an unassigned owner). */
export const employeeField = (description: string) => ({ description, type: EmployeeRef, nullable: true }) as const;
