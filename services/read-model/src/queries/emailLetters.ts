import type { ViewerKind } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { newestFirstPage } from './page';
import { iso } from './rows';

export interface EmailLetterRow extends AsOfRow {
  letterId: string;
  authorId: string;
  subject: string;
  audience: ViewerKind[];
  orgUnitIds: string[];
  branchIds: string[];
  sentAt: string;
  /** Recipients the letter was sent to. */
  sent: number;
  /** Of those, the ones it reached (bounces left out). */
  delivered: number;
  /** Readers who opened it (each counted once). */
  opened: number;
  /** opened / delivered, 0 to 1; null when nothing was delivered. */
  openRate: number | null;
}

const toLetter =
  (asOf: AsOf) =>
  (r: Record<string, unknown>): EmailLetterRow => {
    const delivered = Number(r.delivered);
    const opened = Number(r.opened);
    return {
      letterId: r.letter_id as string,
      authorId: r.author_id as string,
      subject: r.subject as string,
      audience: r.audience as ViewerKind[],
      orgUnitIds: r.org_unit_ids as string[],
      branchIds: r.branch_ids as string[],
      sentAt: iso(r.sent_at),
      sent: Number(r.sent),
      delivered,
      opened,
      openRate: delivered === 0 ? null : opened / delivered,
      asOf: viewMoment(asOf),
    };
  };

/** Letters (optionally one author's, or sent within [from, to)) with their figures, newest first; a page with cursors. */
export const emailLettersPage = (
  db: SqlExecutor,
  filter: { authorId?: string | null; from?: string | null; to?: string | null; letterIds?: readonly string[] | null },
  page: { first: number; after?: string | null },
  asOf?: AsOf,
) =>
  newestFirstPage(
    db,
    {
      filtered: `SELECT l.*, (SELECT count(*)::int FROM hub_view.email_letter_opens o WHERE o.letter_id = l.letter_id AND ${asOfSql('o', 1)}) AS opened
        FROM hub_view.email_letters l WHERE ${asOfSql('l', 1)} AND ($2::text IS NULL OR l.author_id = $2)
        AND ($3::timestamptz IS NULL OR l.sent_at >= $3) AND ($4::timestamptz IS NULL OR l.sent_at < $4)
        AND ($5::text[] IS NULL OR l.letter_id = ANY($5::text[]))`,
      params: [asOfParam(asOf), filter.authorId ?? null, filter.from ?? null, filter.to ?? null, filter.letterIds ?? null],
      timeColumn: 'sent_at',
      idColumn: 'letter_id',
    },
    page,
    toLetter(asOf),
    (l) => [l.sentAt, l.letterId],
  );

/** One letter with its figures, or undefined (a mutation's read-back). */
export const emailLetterById = async (db: SqlExecutor, letterId: string, asOf?: AsOf) =>
  (await emailLettersPage(db, { letterIds: [letterId] }, { first: 1 }, asOf)).nodes[0]?.node;
