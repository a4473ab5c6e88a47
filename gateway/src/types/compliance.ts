import type { AsOfRow } from '@hub/read-model';
import { COMPLIANCE_GROUPINGS, type ComplianceRow } from '@hub/read-model';
import { builder } from '../builder';
import { BranchRef } from './branch';
import { FcRef } from './fc';

export const ComplianceRef = builder.objectRef<ComplianceRow & { groupBy: (typeof COMPLIANCE_GROUPINGS)[number]; asOf: AsOfRow['asOf'] }>(
  'FollowUpCompliance',
);

ComplianceRef.implement({
  description: 'Customer Smile compliance of one FC, branch or region: follow-ups falling due in the period and how each stands.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'The FC id, branch id or region.' }),
    fc: t.field({
      type: FcRef,
      nullable: true,
      description: 'The FC, when grouped by FC.',
      resolve: async (r, _, ctx) => (r.groupBy === 'FC' ? ((await ctx.loadersAt(r.asOf).fc.load(r.key)) ?? null) : null),
    }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      description: 'The branch, when grouped by branch.',
      resolve: async (r, _, ctx) => (r.groupBy === 'BRANCH' ? ((await ctx.loadersAt(r.asOf).branch.load(r.key)) ?? null) : null),
    }),
    due: t.exposeInt('due', { description: 'Follow-ups due in the period.' }),
    onTime: t.exposeInt('onTime', { description: 'Visited by the due date.' }),
    late: t.exposeInt('late', { description: 'Visited after it.' }),
    overdue: t.exposeInt('overdue', { description: 'Not visited, past due.' }),
    open: t.exposeInt('open', { description: 'Not due yet.' }),
    onTimeRate: t.exposeFloat('onTimeRate', {
      nullable: true,
      description: 'onTime / (onTime + late + overdue); null when none has an outcome yet.',
    }),
  }),
});
