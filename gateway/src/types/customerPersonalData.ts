import type { CustomerPersonalData, PersonalDataField } from '@hub/personal-data';
import { builder } from '../builder';

export const PersonalDataRef = builder.objectRef<CustomerPersonalData & { customerId: string }>('CustomerPersonalData');

PersonalDataRef.implement({
  description: 'A customer’s personal data, kept outside the events and erasable.',
  fields: (t) => {
    // Each field is recorded in the access log before it is answered (batched per request).
    const logged = (field: PersonalDataField, description: string) =>
      t.string({
        description,
        resolve: async (p, _, ctx) => {
          await ctx.personalDataRead.load({ customerId: p.customerId, field });
          return p[field];
        },
      });
    return { name: logged('name', 'Name.'), phone: logged('phone', 'Phone number.'), address: logged('address', 'Address.') };
  },
});
