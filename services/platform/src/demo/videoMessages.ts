import type { VideoMessageService } from '@hub/video-messages';
import type { DemoBranch, DemoStory } from './story';

/** The CEO's video messages, to employees and FCs; some watch to the end, some do not. */
export const seedVideoMessages = async (
  videoMessages: VideoMessageService,
  eligible: string[],
  branchFcs: Map<string, DemoBranch>,
  { random, ctx }: DemoStory,
) => {
  const VIDEOS = [
    'New year message 2015',
    'Customer Smile: why we visit again',
    'Q1 results in five minutes',
    'PRIDE branches: what good looks like',
  ];
  const allFcs = [...branchFcs.values()].flatMap((b) => b.fcIds);
  for (let i = 0; i < VIDEOS.length; i++) {
    const videoId = `video-2015-${i + 1}`;
    const publishedAt = new Date(Date.UTC(2015, i * 2, 5, 0, 0)).toISOString();
    const durationSeconds = 240 + i * 60;
    await videoMessages.publish(
      { videoId, authorId: 'CEO', title: VIDEOS[i]!, durationSeconds, audience: ['EMPLOYEE', 'FC'], publishedAt },
      ctx(`${videoId}:publish`, publishedAt),
    );
    const viewers = [
      ...eligible.filter(() => random() < 0.2).map((id) => ['EMPLOYEE', id] as const),
      ...allFcs.filter(() => random() < 0.1).map((id) => ['FC', id] as const),
    ];
    for (const [viewerKind, viewerId] of viewers) {
      const viewedAt = new Date(Date.parse(publishedAt) + (1 + Math.floor(random() * 10)) * 86_400_000).toISOString();
      const secondsWatched = random() < 0.5 ? durationSeconds : Math.floor(random() * durationSeconds);
      await videoMessages.recordView(
        { videoId, viewId: `${videoId}-${viewerKind}-${viewerId}`, viewerKind, viewerId, secondsWatched, viewedAt },
        ctx(`${videoId}:view:${viewerKind}:${viewerId}`, viewedAt),
      );
    }
  }
  return VIDEOS.length;
};
