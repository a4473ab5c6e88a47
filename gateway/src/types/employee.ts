import type { EmployeeRow, TouchRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { OrgUnitRef } from './directory';
import { ChannelEnum, GradeEnum, PersonKindEnum, TouchModeEnum } from './enums';

export const EmployeeRef = builder.objectRef<EmployeeRow>('Employee');
export const TouchRef = builder.objectRef<TouchRow>('Touch');

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

TouchRef.implement({
  description: 'One person reached by one leader through one channel at one time, from one recorded event.',
  fields: (t) => ({
    id: t.exposeID('touchId', { description: 'Stable id: the source event and the leader.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'Through which channel.' }),
    mode: t.expose('mode', { type: TouchModeEnum, description: 'Face to face or broadcast.' }),
    touchedAt: t.expose('touchedAt', { type: 'DateTime', description: 'When it happened.' }),
    personId: t.exposeID('personId', { description: 'Who was reached.' }),
    leader: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The leader who reached them; null when it was the company (an FC’s own customer visit).',
      resolve: async (touch, _, ctx) => (touch.leaderId ? ((await ctx.loadersAt(touch.asOf).employee.load(touch.leaderId)) ?? null) : null),
    }),
    personKind: t.expose('personKind', { type: PersonKindEnum, description: 'Employee, FC or customer.' }),
    summary: t.exposeString('summary', {
      description: 'What it was, in one line: the café session’s venue, the town hall’s theme, the visit’s purpose, the video’s title.',
    }),
    sourceId: t.exposeID('sourceId', { description: 'The café session, town hall, branch visit, video or customer visit it came from.' }),
    sourceEventId: t.exposeID('sourceEventId', { description: 'The event this touch was derived from.' }),
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
