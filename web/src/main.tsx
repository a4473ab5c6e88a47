import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { CafeSessionList } from './CafeSessionList';
import { createClient } from './client';
import { CoveragePanel } from './CoveragePanel';
import { CustomerSmilePanel } from './CustomerSmilePanel';
import { PridePanel } from './PridePanel';
import { ReachTable } from './ReachTable';
import { ScheduleForm } from './ScheduleForm';
import { currentToken, saveToken } from './session';
import { SignIn } from './SignIn';
import './styles.css';

const App = () => {
  // A new client per sign-in, so nothing cached under one role is shown to another.
  const [token, setToken] = useState(currentToken);
  const client = useMemo(() => createClient(), [token]);
  const signIn = (next: string | null) => {
    saveToken(next);
    setToken(next);
  };
  return (
  <Provider value={client}>
    <header>
      <div>
        <h1>Engagement Hub</h1>
        <p>Who leadership reached, through which channel, how often — and who was left out.</p>
      </div>
      <SignIn onChange={signIn} />
    </header>
    <main>
      <CoveragePanel />
      <ScheduleForm />
      <ReachTable />
      <CafeSessionList />
      <CustomerSmilePanel />
      <PridePanel />
    </main>
  </Provider>
  );
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
