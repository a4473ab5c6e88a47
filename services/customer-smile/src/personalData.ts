import type { SqlExecutor } from '@hub/sql';

/*
 * Customers' personal data (name, phone, address) under Korea's PIPA: kept apart from the events,
 * in a private table the view's rebuild never touches, and erasable. Only the customer-smile
 * service writes it; the gateway reads it for roles that need it.
 */

export interface CustomerPersonalData {
  name: string;
  phone: string;
  address: string;
}

export interface PersonalDataStore {
  /** Records (or replaces) a customer's personal data. */
  put(customerId: string, data: CustomerPersonalData): Promise<void>;
  /** Deletes it for good; true when there was something to delete. */
  erase(customerId: string): Promise<boolean>;
  /** By id, in the order asked; undefined where unknown or erased. */
  byIds(customerIds: readonly string[]): Promise<(CustomerPersonalData | undefined)[]>;
}

export const PERSONAL_DATA_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_private;
CREATE TABLE IF NOT EXISTS hub_private.customer_personal_data (
  customer_id  text PRIMARY KEY,
  name         text NOT NULL,
  phone        text NOT NULL,
  address      text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);`;

export const createSqlPersonalDataStore = async (db: SqlExecutor): Promise<PersonalDataStore> => {
  await db.exec(PERSONAL_DATA_DDL);
  return {
    async put(customerId, { name, phone, address }) {
      await db.query(
        `INSERT INTO hub_private.customer_personal_data (customer_id, name, phone, address) VALUES ($1, $2, $3, $4)
         ON CONFLICT (customer_id) DO UPDATE SET name = $2, phone = $3, address = $4, updated_at = now()`,
        [customerId, name, phone, address],
      );
    },
    async erase(customerId) {
      const rows = await db.query('DELETE FROM hub_private.customer_personal_data WHERE customer_id = $1 RETURNING customer_id', [customerId]);
      return rows.length > 0;
    },
    async byIds(customerIds) {
      const rows = await db.query<{ customer_id: string; name: string; phone: string; address: string }>(
        'SELECT customer_id, name, phone, address FROM hub_private.customer_personal_data WHERE customer_id = ANY($1::text[])',
        [customerIds],
      );
      const byId = new Map(rows.map((r) => [r.customer_id, { name: r.name, phone: r.phone, address: r.address }]));
      return customerIds.map((id) => byId.get(id));
    },
  };
};
