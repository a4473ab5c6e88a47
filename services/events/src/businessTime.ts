import { validationError } from './errors';
import { koreanDay, koreanDayStart } from './primitives';

/*
 * Business time: every fact event's `metadata.occurredAt` says when it happened in the world,
 * apart from when the hub recorded it. Where the command's own data carries that moment (a hire
 * date, a visit time) the data decides; an explicit `occurredAt` that says otherwise is refused
 * rather than silently preferred, because one of the two is wrong.
 */

/** Business time of a fact dated by a calendar day (hiredOn, signedOn, weekOf …). */
export const occurredOnDay = (given: string | undefined, day: string, field: string): string => {
  if (given !== undefined && koreanDay(given) !== day) {
    throw validationError(`occurredAt ${given} contradicts ${field} ${day} (a day in Korea): give one or make them agree`, {
      occurredAt: given,
      [field]: day,
    });
  }
  return given ?? koreanDayStart(day);
};

/** Business time of a fact dated by an instant (visitedAt, viewedAt, answeredAt …). */
export const occurredAtInstant = (given: string | undefined, instant: string, field: string): string => {
  if (given !== undefined && Date.parse(given) !== Date.parse(instant)) {
    throw validationError(`occurredAt ${given} contradicts ${field} ${instant}: give one or make them agree`, {
      occurredAt: given,
      [field]: instant,
    });
  }
  return given ?? instant;
};

/** A fact cannot have happened after the moment it is recorded. */
export const assertNotInFuture = (occurredAt: string | undefined, now: string) => {
  if (occurredAt !== undefined && Date.parse(occurredAt) > Date.parse(now)) {
    throw validationError(`occurredAt ${occurredAt} is in the future (now ${now}): only what already happened can be recorded as history`, {
      occurredAt,
      now,
    });
  }
};

/**
 * Scheduling is for the future. A session or town hall that already took place is recorded as
 * history, explicitly: with an `occurredAt` (when it was scheduled or held) no later than now.
 */
export const assertSchedulable = (scheduledAt: string, now: string, occurredAt: string | undefined, what: string) => {
  if (occurredAt !== undefined) return assertNotInFuture(occurredAt, now);
  if (Date.parse(scheduledAt) < Date.parse(now)) {
    throw validationError(
      `${what} at ${scheduledAt} is in the past: scheduling is for the future; to record a ${what} that already took place, give occurredAt (when it happened, no later than now)`,
      { scheduledAt, now },
    );
  }
};
