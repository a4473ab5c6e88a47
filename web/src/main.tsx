import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { CafeSessionList } from './CafeSessionList';
import { client } from './client';
import { CoveragePanel } from './CoveragePanel';
import { CustomerSmilePanel } from './CustomerSmilePanel';
import { PridePanel } from './PridePanel';
import { ReachTable } from './ReachTable';
import { ScheduleForm } from './ScheduleForm';
import './styles.css';

const App = () => (
  <Provider value={client}>
    <header>
      <h1>Engagement Hub</h1>
      <p>Who leadership reached, through which channel, how often — and who was left out.</p>
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
