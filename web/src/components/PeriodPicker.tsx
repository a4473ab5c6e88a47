import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PRESETS, isPreset, type Period, type Preset } from '../period';
import { plusDays, type Day, type Month } from '../time';

export interface PeriodPickerProps {
  preset: Preset;
  reference: Month;
  period: Period | null;
  asOfDay: Day | null;
  latestMonth: Month;
  /** Writes these query-string keys (empty string: remove). */
  onChange: (changes: Record<string, string>) => void;
}

/** Presets relative to a reference month (default: the latest month with touches), or custom days; plus the as-of day. */
export const PeriodPicker = ({ preset, reference, period, asOfDay, latestMonth, onChange }: PeriodPickerProps) => {
  const { t } = useTranslation();
  const id = useId();
  const choose = (next: Preset) => {
    // Custom starts from the period on screen, so switching loses nothing.
    if (next === 'custom' && period) onChange({ preset: next, from: period.from, to: plusDays(period.to, -1) });
    else onChange({ preset: next, from: '', to: '' });
  };
  return (
    <fieldset className="period-picker">
      <legend className="visually-hidden">{t('period.label')}</legend>
      <div className="presets" role="radiogroup" aria-label={t('period.preset')}>
        {PRESETS.map((p) => (
          <label key={p} className={`chip ${p === preset ? 'on' : ''}`}>
            <input
              type="radio"
              name={`${id}-preset`}
              value={p}
              checked={p === preset}
              onChange={(e) => isPreset(e.target.value) && choose(e.target.value)}
            />
            {t(`period.${p}`)}
          </label>
        ))}
      </div>
      <div className="period-fields">
        {preset === 'custom' ? (
          <>
            <label>
              {t('period.from')} <input type="date" value={period?.from ?? ''} onChange={(e) => onChange({ from: e.target.value })} />
            </label>
            <label>
              {t('period.to')}{' '}
              <input type="date" value={period ? plusDays(period.to, -1) : ''} onChange={(e) => onChange({ to: e.target.value })} />
            </label>
          </>
        ) : (
          <label>
            {t('period.reference')}{' '}
            <input
              type="month"
              value={reference}
              onChange={(e) => onChange({ ref: e.target.value === latestMonth ? '' : e.target.value })}
            />
          </label>
        )}
        <label>
          {t('period.asOf')}{' '}
          <input type="date" value={asOfDay ?? ''} onChange={(e) => onChange({ asOf: e.target.value })} aria-describedby={`${id}-asof`} />
        </label>
        <span id={`${id}-asof`} className="hint">
          {t('period.asOfHint')}
        </span>
      </div>
      <p className="hint" data-testid="period-range">
        {period ? t('period.range', { from: period.from, to: plusDays(period.to, -1) }) : <span role="alert">{t('period.invalid')}</span>}
        {' · '}
        {t('period.latestData', { month: latestMonth })}
      </p>
    </fieldset>
  );
};

/** The picker bound to the URL's query string. */
export const UrlPeriodPicker = (props: Omit<PeriodPickerProps, 'onChange'>) => {
  const [, setSearch] = useSearchParams();
  return (
    <PeriodPicker
      {...props}
      onChange={(changes) =>
        setSearch(
          (prev) => {
            const next = new URLSearchParams(prev);
            for (const [k, v] of Object.entries(changes)) {
              if (v) next.set(k, v);
              else next.delete(k);
            }
            return next;
          },
          { replace: true },
        )
      }
    />
  );
};
