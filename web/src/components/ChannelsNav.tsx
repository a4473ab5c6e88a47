import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { carriedSearch } from '../usePeriod';

const SECTIONS = [
  { path: '/channels', key: 'all' },
  { path: '/channels/campaigns', key: 'campaigns' },
  { path: '/channels/videos', key: 'videos' },
] as const;

/** The channels' own pages, carrying the period and as-of day along like the main navigation. */
export const ChannelsNav = () => {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const carried = carriedSearch(search);
  return (
    <nav className="tabs channels-nav" aria-label={t('channelsNav.label')}>
      {SECTIONS.map((s) => (
        <NavLink key={s.path} to={`${s.path}${carried}`} end className={({ isActive }) => `chip ${isActive ? 'on' : ''}`}>
          {t(`channelsNav.${s.key}`)}
        </NavLink>
      ))}
    </nav>
  );
};
