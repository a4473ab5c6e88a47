import { type BranchRow } from '@hub/read-model';
import { builder } from '../builder';

import { FcRef } from './fc';

export const BranchRef = builder.objectRef<BranchRow>('Branch');

BranchRef.implement({
  description: 'A sales branch (영업 지점).',
  fields: (t) => ({
    id: t.exposeID('branchId', { description: 'Branch id.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    region: t.exposeString('region', { description: 'Region.' }),
    district: t.exposeString('district', { description: 'District (구), e.g. 서초구.' }),
    seoul: t.exposeBoolean('seoul', { description: 'In Seoul.' }),
    pride: t.boolean({ description: 'A PRIDE branch (model branch of the FC activity program).', resolve: (b) => b.prideSince !== null }),
    prideSince: t.expose('prideSince', { type: 'Date', nullable: true, description: 'PRIDE branch since this date.' }),
    fcs: t.field({
      type: [FcRef],
      description: 'FCs (설계사) working at this branch, by name.',
      resolve: (b, _, ctx) => ctx.loadersAt(b.asOf).fcsOfBranch.load(b.branchId),
    }),
  }),
});
