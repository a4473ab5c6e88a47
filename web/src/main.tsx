import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { createClient } from './client';
import i18n from './i18n';
import { Layout } from './Layout';
import { CafeSessionPage } from './pages/CafeSession';
import { CampaignPage, CampaignsPage } from './pages/Campaigns';
import { ChannelsPage } from './pages/Channels';
import { GapsPage } from './pages/Gaps';
import { OverviewPage } from './pages/Overview';
import { BoardPage } from './pages/Board';
import { GuestsPage } from './pages/Guests';
import { HeatmapPage } from './pages/Heatmap';
import { ImportPage } from './pages/Import';
import { TownHallPage } from './pages/TownHall';
import { VideosPage } from './pages/Videos';
import { LeaderPage, LeadersPage } from './pages/Leaders';
import { BranchPage, CustomerPage, DirectoryPage, EmployeePage, FcPage, TeamPage } from './pages/People';
import { currentToken, saveToken } from './session';
import './styles.css';

const App = () => {
  // A new client per sign-in, so nothing cached under one role is shown to another.
  const [token, setToken] = useState(currentToken);
  const client = useMemo(() => createClient(token), [token]);
  const signIn = (next: string | null) => {
    saveToken(next);
    setToken(next);
  };
  return (
    <Provider value={client}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout onSignIn={signIn} />}>
            <Route index element={<OverviewPage />} />
            <Route path="gaps" element={<GapsPage />} />
            <Route path="heatmap" element={<HeatmapPage />} />
            <Route path="channels" element={<ChannelsPage />} />
            <Route path="channels/cafe/:id" element={<CafeSessionPage />} />
            <Route path="channels/campaigns" element={<CampaignsPage />} />
            <Route path="channels/campaigns/:id" element={<CampaignPage />} />
            <Route path="channels/videos" element={<VideosPage />} />
            <Route path="channels/town-halls/:id" element={<TownHallPage />} />
            <Route path="leaders" element={<LeadersPage />} />
            <Route path="leaders/:id" element={<LeaderPage />} />
            <Route path="board" element={<BoardPage />} />
            <Route path="guests" element={<GuestsPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="people" element={<DirectoryPage />} />
            <Route path="people/:id" element={<EmployeePage />} />
            <Route path="fcs/:id" element={<FcPage />} />
            <Route path="branches/:id" element={<BranchPage />} />
            <Route path="customers/:id" element={<CustomerPage />} />
            <Route path="teams/:id" element={<TeamPage />} />
            <Route path="*" element={<OverviewPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </Provider>
  );
};

document.documentElement.lang = i18n.language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
