import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PrincipalContext, type Principal } from './auth';
import type { Role } from './gql/graphql';
import { LANGUAGES, setLanguage } from './i18n';
import { MeQuery } from './operations';
import { SignIn } from './SignIn';
import { Loading } from './components/States';
import { carriedSearch } from './usePeriod';

/** Pages; `only` hides a page from the other roles (hidden, not a refusal after clicking). */
const PAGES: readonly { path: string; key: string; only?: Role }[] = [
  { path: '/', key: 'overview' },
  { path: '/heatmap', key: 'heatmap' },
  { path: '/gaps', key: 'gaps' },
  { path: '/channels', key: 'channels' },
  { path: '/leaders', key: 'leaders' },
  { path: '/board', key: 'board' },
  { path: '/guests', key: 'guests' },
  { path: '/people', key: 'people' },
  { path: '/import', key: 'import', only: 'ADMIN' },
];

/** Header (who you are, language), navigation that carries the period along, and the page. */
export const Layout = ({ onSignIn }: { onSignIn: (token: string | null) => void }) => {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const [{ data, error }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const principal: Principal | null = data ? { role: data.me.role, subject: data.me.subject, signedIn: Boolean(data.me.tokenId) } : null;
  const carried = carriedSearch(search);
  return (
    <PrincipalContext.Provider value={principal ?? { role: 'VIEWER', subject: 'anonymous', signedIn: false }}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <p className="title">{t('app.title')}</p>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-tools">
          <SignIn principal={principal} error={error} onChange={onSignIn} />
          <label className="language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select
              aria-label={t('app.language')}
              value={i18n.language}
              onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'ko')}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'ko' ? '한국어' : 'English'}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <nav className="pages" aria-label={t('nav.menu')}>
        {PAGES.filter((p) => !p.only || p.only === principal?.role).map((p) => (
          // A page's own sub-pages (a leader, a café session, a campaign) keep its link marked.
          <NavLink key={p.path} to={`${p.path}${carried}`} end={p.path === '/'}>
            {t(`nav.${p.key}`)}
          </NavLink>
        ))}
      </nav>
      <main id="main">
        {/* Pages wait for the role, so none asks for what the role may not see and then flips. */}
        {principal || error ? <Outlet /> : <Loading />}
      </main>
    </PrincipalContext.Provider>
  );
};
