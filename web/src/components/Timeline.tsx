import { useTranslation } from 'react-i18next';
import { nameWithTitle } from '../names';
import type { TouchFieldsFragment } from '../gql/graphql';
import { seoulDateTime } from '../time';
import { Empty } from './States';
import { ScrollX } from './ScrollX';

/** Every touch, newest first: when (KST), through which channel, by whom, what it was. */
export const Timeline = ({ touches, total }: { touches: readonly TouchFieldsFragment[]; total: number }) => {
  const { t } = useTranslation();
  if (touches.length === 0) return <Empty>{t('people.noTouches')}</Empty>;
  return (
    <>
      <p className="hint">{t('people.touchCount', { shown: touches.length, total })}</p>
      <ScrollX label={t('people.timeline')}>
        <table data-testid="timeline">
          <thead>
            <tr>
              <th scope="col">{t('channels.when')}</th>
              <th scope="col">{t('overview.channelCol')}</th>
              <th scope="col">{t('overview.leaderCol')}</th>
              <th scope="col">{t('people.what')}</th>
            </tr>
          </thead>
          <tbody>
            {touches.map((x) => (
              <tr key={x.id}>
                <td>{seoulDateTime(x.touchedAt)}</td>
                <td>
                  {t(`channel.${x.channel}`)}
                  {x.mode === 'FACE_TO_FACE' ? ` · ${t('people.inPerson')}` : ''}
                </td>
                <td>{x.leader ? nameWithTitle(x.leader) : t('overview.company')}</td>
                <td className="wrap">{x.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
};
