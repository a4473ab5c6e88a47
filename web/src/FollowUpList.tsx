import { useTranslation } from 'react-i18next';
import { nameWithTitle } from './names';
import { ScrollX } from './components/ScrollX';
import { Empty } from './components/States';

interface FollowUp {
  id: string;
  description: string;
  dueOn: string;
  completedOn?: string | null;
  note?: string | null;
  owner?: { name: string; title?: string | null } | null;
}

/** The follow-ups promised at one café session or town hall, with owner, due day and whether done. */
export const FollowUpList = ({ followUps, headingId }: { followUps: readonly FollowUp[]; headingId: string }) => {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('followUps.title')} <span className="count">({followUps.length})</span>
      </h2>
      {followUps.length === 0 ? (
        <Empty>{t('followUps.none')}</Empty>
      ) : (
        <ScrollX label={t('followUps.title')}>
          <table data-testid="gathering-follow-ups">
            <thead>
              <tr>
                <th scope="col">{t('board.what')}</th>
                <th scope="col">{t('board.owner')}</th>
                <th scope="col">{t('board.due')}</th>
                <th scope="col">{t('followUps.status')}</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.id}>
                  <td className="wrap">{f.description}</td>
                  <td>{f.owner ? nameWithTitle(f.owner) : '—'}</td>
                  <td>{f.dueOn}</td>
                  <td className="wrap">
                    {f.completedOn ? t('followUps.done', { day: f.completedOn }) : t('followUps.open')}
                    {f.note ? ` · ${f.note}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </section>
  );
};
