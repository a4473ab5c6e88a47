import type { ViewerKind } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { asOfParam, asOfSql, viewMoment, type AsOf, type AsOfRow } from '../asOf';
import { groupBy, iso } from './rows';

export interface VideoMessageRow extends AsOfRow {
  videoId: string;
  authorId: string;
  title: string;
  durationSeconds: number;
  audience: ViewerKind[];
  publishedAt: string;
  views: number;
  distinctViewers: number;
  /** Mean share of the video watched per view, 0 to 1; null without views. */
  averageCompletion: number | null;
}

/** Video messages (all, or those of `ids`) with their viewing figures, newest first. */
export const listVideoMessages = async (db: SqlExecutor, asOf?: AsOf, ids?: readonly string[]): Promise<VideoMessageRow[]> => {
  const rows = await db.query(
    `SELECT v.*, count(w.view_id)::int AS views, count(DISTINCT w.viewer_kind || ':' || w.viewer_id)::int AS distinct_viewers,
            avg(w.seconds_watched::float8 / v.duration_seconds) AS average_completion
     FROM hub_view.videos v
     LEFT JOIN hub_view.video_views w ON w.video_id = v.video_id AND ${asOfSql('w', 1)}
     WHERE ${asOfSql('v', 1)} AND ($2::text[] IS NULL OR v.video_id = ANY($2::text[]))
     GROUP BY v.video_id ORDER BY v.published_at DESC, v.video_id`,
    [asOfParam(asOf), ids ?? null],
  );
  return rows.map((r) => ({
    videoId: r.video_id as string,
    authorId: r.author_id as string,
    title: r.title as string,
    durationSeconds: Number(r.duration_seconds),
    audience: r.audience as ViewerKind[],
    publishedAt: iso(r.published_at),
    views: Number(r.views),
    distinctViewers: Number(r.distinct_viewers),
    averageCompletion: r.average_completion == null ? null : Number(r.average_completion),
    asOf: viewMoment(asOf),
  }));
};

export const videoMessagesByIds = async (db: SqlExecutor, ids: readonly string[], asOf?: AsOf) =>
  groupBy(ids, await listVideoMessages(db, asOf, ids), (v) => v.videoId).map((g) => g[0]);
