/*
 * The port of customers' personal data (PIPA): what the Customer Smile service writes and erases,
 * what the gateway reads for the roles that may see it, and the log of every such read. The
 * adapter (PostgreSQL or PGlite, crypto-shredded) is `@hub/personal-data/sql`.
 */

export interface CustomerPersonalData {
  name: string;
  phone: string;
  address: string;
}

export interface PersonalDataStore {
  /**
   * Records (or replaces) a customer's personal data; `writtenBy` (the command that wrote it)
   * lets a refused command take back exactly what it wrote, see `withdraw`.
   */
  put(customerId: string, data: CustomerPersonalData, writtenBy?: string): Promise<void>;
  /** Destroys the customer's key and ciphertext for good; true when there was something to destroy. */
  erase(customerId: string): Promise<boolean>;
  /** Removes the customer's data if `writtenBy` wrote it last (a registration that was refused after all). */
  withdraw(customerId: string, writtenBy: string): Promise<void>;
  /** By id, in the order asked; undefined where unknown or erased. */
  byIds(customerIds: readonly string[]): Promise<(CustomerPersonalData | undefined)[]>;
  /**
   * Ids of the customers whose name contains `text` (case-insensitive), in id order after `after`,
   * at most `limit`. Found through an index, not by opening every customer's data.
   */
  searchByName(text: string, page: { after: string | null; limit: number }): Promise<string[]>;
}

export const PERSONAL_DATA_FIELDS = ['name', 'phone', 'address'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

export interface PersonalDataAccess {
  customerId: string;
  /** Who asked (the subject of their API token). */
  actor: string;
  /** The API token they asked with: subjects are names an ADMIN chose, the token is what was used. */
  tokenId: string | null;
  /** The role they asked with. */
  role: string;
  fields: readonly PersonalDataField[];
  /** The request, to tie the reads of one query together. */
  correlationId: string;
}

export interface PersonalDataAccessRow extends PersonalDataAccess {
  id: string;
  accessedAt: string;
}

export interface PersonalDataAccessPage {
  nodes: { node: PersonalDataAccessRow; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface PersonalDataAccessLog {
  /** Records a batch of reads in one statement. */
  record(reads: readonly PersonalDataAccess[]): Promise<void>;
  /** Newest first; `from` inclusive, `to` exclusive (instants). */
  page(
    filter: { customerId: string | null; from: string | null; to: string | null },
    page: { first: number; after: string | null },
  ): Promise<PersonalDataAccessPage>;
}
