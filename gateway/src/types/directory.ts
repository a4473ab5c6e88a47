import { ORG_UNIT_KINDS } from '@hub/events';
import { listOrgUnits, type OrgUnitRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';

import { BranchRef } from './branch';
import { FcRef } from './fc';
export const OrgUnitKindEnum = builder.enumType('OrgUnitKind', {
  description: 'Level in the org tree.',
  values: {
    DIVISION: { description: 'Top of the tree (본부).' },
    DEPARTMENT: { description: 'Under a division (부서).' },
    TEAM: { description: 'Under a department (팀).' },
  } satisfies Record<(typeof ORG_UNIT_KINDS)[number], { description: string }>,
});
zodEnum(ORG_UNIT_KINDS, OrgUnitKindEnum);

export const OrgUnitRef = builder.objectRef<OrgUnitRow>('OrgUnit');

OrgUnitRef.implement({
  description: 'An org unit: a division, a department under one, or a team under that.',
  fields: (t) => ({
    id: t.exposeID('orgUnitId', { description: 'Org unit id.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    kind: t.expose('kind', { type: OrgUnitKindEnum, description: 'Division, department or team.' }),
    parent: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The unit above; null for a division.',
      resolve: async (u, _, ctx) => (u.parentId ? ((await ctx.loadersAt(u.asOf).orgUnit.load(u.parentId)) ?? null) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  orgUnits: t.field({
    authScopes: ACCESS.read,
    type: [OrgUnitRef],
    description: 'The org tree, parents before their children.',
    args: { asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: (_, args, ctx) => listOrgUnits(ctx.view, momentOf(args)),
  }),
  fc: t.field({
    authScopes: ACCESS.read,
    type: FcRef,
    nullable: true,
    description: 'One FC (설계사) with their branch, whether or not anyone ever reached them; null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'FC id.' }), asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).fc.load(String(id))) ?? null,
  }),
  branch: t.field({
    authScopes: ACCESS.read,
    type: BranchRef,
    nullable: true,
    description: 'One branch with its FCs; null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Branch id.' }), asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).branch.load(String(id))) ?? null,
  }),
}));
