import { type ApiToken } from '@hub/access';
import { builder } from '../builder';

import { TokenRoleEnum } from './access';

export const ApiTokenRef = builder.objectRef<ApiToken & { token?: string }>('ApiToken');

ApiTokenRef.implement({
  description: 'An API token. Its secret is shown once, in the answer to `issueApiToken`; the hub keeps only a hash.',
  fields: (t) => ({
    id: t.exposeID('tokenId', { description: 'Public id, for lists and revocation.' }),
    subject: t.exposeString('subject', { description: 'Whom it stands for.' }),
    role: t.field({ type: TokenRoleEnum, description: 'Its role.', resolve: (x) => x.role }),
    issuedBy: t.exposeString('issuedBy', { description: 'Who issued it.' }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', description: 'When.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it stops working.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while active.' }),
    token: t.string({
      nullable: true,
      description: 'The secret to send as `Authorization: Bearer …`: only in the answer to issueApiToken, never again.',
      resolve: (x) => x.token ?? null,
    }),
  }),
});
