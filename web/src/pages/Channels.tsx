import { useTranslation } from 'react-i18next';
import { recordsFieldVisits, schedulesCafeSessions, usePrincipal } from '../auth';
import { BranchVisitForm } from '../BranchVisitForm';
import { TownHallForm } from '../TownHallForm';
import { CafeSessionList } from '../CafeSessionList';
import { ChannelsNav } from '../components/ChannelsNav';
import { UrlPeriodPicker } from '../components/PeriodPicker';
import { Loading } from '../components/States';
import { CustomerSmilePanel } from '../CustomerSmilePanel';
import { LetterPanel, TownHallPanel } from '../OtherChannels';
import { PridePanel } from '../PridePanel';
import { ReachTable } from '../ReachTable';
import { ScheduleForm } from '../ScheduleForm';
import { usePeriod } from '../usePeriod';

/** The channels one by one, for the period on screen. */
export const ChannelsPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const shared = usePeriod();
  return (
    <>
      <h1>{t('channels.title')}</h1>
      <ChannelsNav />
      <UrlPeriodPicker
        preset={shared.preset}
        reference={shared.reference}
        period={shared.period}
        asOfDay={shared.asOfDay}
        latestMonth={shared.latestMonth}
      />
      {/* Only the roles that may schedule see the form: hidden, not a refusal after typing. */}
      {schedulesCafeSessions(role) && <ScheduleForm />}
      {/* Recording what already happened is its own form, apart from scheduling. */}
      {(schedulesCafeSessions(role) || recordsFieldVisits(role)) && (
        <div className="two-columns">
          {schedulesCafeSessions(role) && <TownHallForm />}
          {recordsFieldVisits(role) && <BranchVisitForm />}
        </div>
      )}
      <CafeSessionList asOf={shared.asOf} />
      {!shared.ready ? (
        <Loading />
      ) : (
        shared.period && (
          <>
            <ReachTable period={shared.period} asOf={shared.asOf} />
            <TownHallPanel period={shared.period} asOf={shared.asOf} />
            <LetterPanel period={shared.period} asOf={shared.asOf} />
            <div className="two-columns">
              <CustomerSmilePanel period={shared.period} asOf={shared.asOf} />
              <PridePanel period={shared.period} asOf={shared.asOf} />
            </div>
          </>
        )
      )}
    </>
  );
};
