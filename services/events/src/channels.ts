import { z } from 'zod';

/** The seven ways leadership reaches people; every touch names one. */
export const CHANNELS = ['CAFE_SESSION', 'TOWN_HALL', 'BRANCH_VISIT', 'VIDEO_MESSAGE', 'CUSTOMER_VISIT', 'PRIDE', 'EMAIL_LETTER'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);

export const TOUCH_MODES = ['FACE_TO_FACE', 'BROADCAST'] as const;
export type TouchMode = (typeof TOUCH_MODES)[number];
