import { koreanDayStart } from '@hub/events';
import type { PrideService } from '@hub/pride';
import type { DemoBranch, DemoStory } from './story';

/**
 * PRIDE: FCs report their weekly activity; PRIDE branches' FCs are more active. Eight weeks of
 * spring 2015 from every PRIDE branch and as many others, to compare side by side.
 */
export const seedPrideActivity = async (pride: PrideService, branchFcs: Map<string, DemoBranch>, { random, ctx }: DemoStory) => {
  let activityReports = 0;
  const prideBranches = [...branchFcs.values()].filter((b) => b.pride);
  const others = [...branchFcs.values()].filter((b) => !b.pride).slice(0, prideBranches.length);
  for (const { fcIds, pride: isPride } of [...prideBranches, ...others]) {
    for (const fcId of fcIds) {
      for (let week = 0; week < 8; week++) {
        const weekOf = new Date(Date.UTC(2015, 3, 6 + week * 7)).toISOString().slice(0, 10); // Mondays from 2015-04-06
        const customerVisitsThatWeek = Math.floor(random() * (isPride ? 8 : 5)) + (isPride ? 6 : 3);
        const calls = Math.floor(random() * 15) + (isPride ? 20 : 12);
        const contracts = Math.floor(random() * (isPride ? 3 : 2));
        activityReports++;
        await pride.reportWeeklyActivity(
          { fcId, weekOf, customerVisits: customerVisitsThatWeek, calls, contracts },
          ctx(`activity:${fcId}:${weekOf}`, koreanDayStart(weekOf)),
        );
      }
    }
  }
  return activityReports;
};
