import type { GatheringChannel } from '@hub/read-model';
import type { HubContext } from '../context';
import { readBackItem } from './command';

/*
 * After a question or follow-up command at a gathering (café session, town hall): read the one item
 * back from the gathering's list in the view. One helper for both, as questions are one block.
 */

type Appended = { position: bigint | undefined };

export const questionAfter = (ctx: HubContext, channel: GatheringChannel, gatheringId: string, result: Appended, questionId: string) =>
  readBackItem(
    ctx,
    result.position,
    (l) => l.questions[channel],
    gatheringId,
    (q) => q.questionId === questionId,
    `question ${questionId}`,
  );

export const followUpAfter = (ctx: HubContext, channel: GatheringChannel, gatheringId: string, result: Appended, followUpId: string) =>
  readBackItem(
    ctx,
    result.position,
    (l) => l.questionFollowUps[channel],
    gatheringId,
    (f) => f.followUpId === followUpId,
    `follow-up ${followUpId}`,
  );
