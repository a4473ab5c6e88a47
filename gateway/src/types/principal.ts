import { type Principal } from '@hub/access';
import { builder } from '../builder';

import { RoleEnum } from './access';

export const PrincipalRef = builder.objectRef<Principal>('Principal');

PrincipalRef.implement({
  description: 'Who the hub takes the caller to be.',
  fields: (t) => ({
    subject: t.exposeString('subject', {
      description: 'The token’s subject ("anonymous" without a token): the actor on every event this caller records.',
    }),
    role: t.field({ type: RoleEnum, description: 'The role.', resolve: (p) => p.role }),
    tokenId: t.exposeString('tokenId', { nullable: true, description: 'The token’s public id; null without a token.' }),
  }),
});
