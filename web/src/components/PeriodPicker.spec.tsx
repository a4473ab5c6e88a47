import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { presetPeriod } from '../period';
import { PeriodPicker } from './PeriodPicker';

afterEach(cleanup);

describe('<PeriodPicker>', () => {
  it('offers the five presets in Korean, shows the range and the latest month with data', () => {
    render(
      <PeriodPicker
        preset="last12"
        reference="2015-06"
        period={presetPeriod('last12', '2015-06')}
        asOfDay={null}
        latestMonth="2015-06"
        onChange={() => undefined}
      />,
    );
    for (const name of ['이번 달', '이번 분기', '올해 누적', '최근 12개월', '직접 입력'])
      expect(screen.getByRole('radio', { name })).toBeTruthy();
    expect((screen.getByRole('radio', { name: '최근 12개월' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('period-range').textContent).toContain('2014-07-01 ~ 2015-06-30');
    expect(screen.getByTestId('period-range').textContent).toContain('2015-06');
  });

  it('choosing a preset clears custom days; choosing custom starts from the period on screen', () => {
    const onChange = vi.fn();
    render(
      <PeriodPicker
        preset="quarter"
        reference="2015-05"
        period={presetPeriod('quarter', '2015-05')}
        asOfDay={null}
        latestMonth="2015-06"
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('radio', { name: '올해 누적' }));
    expect(onChange).toHaveBeenLastCalledWith({ preset: 'ytd', from: '', to: '' });
    fireEvent.click(screen.getByRole('radio', { name: '직접 입력' }));
    expect(onChange).toHaveBeenLastCalledWith({ preset: 'custom', from: '2015-04-01', to: '2015-06-30' });
  });

  it('custom shows both days; an end before the start is said, not sent', () => {
    const onChange = vi.fn();
    render(
      <PeriodPicker preset="custom" reference="2015-06" period={null} asOfDay="2015-12-31" latestMonth="2015-06" onChange={onChange} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('시작일은 종료일보다 앞서야 합니다.');
    fireEvent.change(screen.getByLabelText('시작일'), { target: { value: '2015-01-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2015-01-01' });
    expect((screen.getByLabelText('기준 시점') as HTMLInputElement).value).toBe('2015-12-31');
  });

  it('speaks English after the switch', async () => {
    await i18n.changeLanguage('en');
    render(
      <PeriodPicker
        preset="month"
        reference="2015-06"
        period={presetPeriod('month', '2015-06')}
        asOfDay={null}
        latestMonth="2015-06"
        onChange={() => undefined}
      />,
    );
    expect(screen.getByRole('radio', { name: 'Year to date' })).toBeTruthy();
    await i18n.changeLanguage('ko');
  });
});
