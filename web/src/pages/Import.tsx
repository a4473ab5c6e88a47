import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useSubscription } from 'urql';
import { usePrincipal } from '../auth';
import { ScrollX } from '../components/ScrollX';
import { Empty } from '../components/States';
import type { CsvEncoding, CsvImportKind, ImportCsvMutation as Result } from '../gql/graphql';
import { CsvImportProgressSubscription, ImportCsvMutation } from '../operations';

const KINDS: CsvImportKind[] = ['ORG_UNITS', 'EMPLOYEES', 'BRANCHES', 'FCS', 'CUSTOMERS', 'CONTRACTS'];
const ENCODINGS: CsvEncoding[] = ['AUTO', 'UTF8', 'CP949', 'EUC_KR'];
/** The gateway refuses request bodies above 5 MB; base64 adds a third. */
const MAX_BYTES = 3_500_000;

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  // In chunks: String.fromCharCode(...a million bytes) overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** CSV upload (ADMIN): try it (dry run) to see each row's error, then import. */
export const ImportPage = () => {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const [state, run] = useMutation(ImportCsvMutation);
  const [report, setReport] = useState<Result['importCsv'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The id this page gives the running import, to follow its rows over SSE while the file is processed.
  const [importId, setImportId] = useState<string | null>(null);
  const [{ data: live }] = useSubscription({
    query: CsvImportProgressSubscription,
    variables: { importId: importId ?? '' },
    pause: !importId || role !== 'ADMIN',
  });
  const progress = live?.csvImportProgress.id === importId ? live.csvImportProgress : null;
  if (role !== 'ADMIN')
    return (
      <>
        <h1>{t('import.title')}</h1>
        <Empty>{t('import.adminOnly')}</Empty>
      </>
    );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    setReport(null);
    setProblem(null);
    if (!(file instanceof File) || file.size === 0) return setProblem(t('import.noFile'));
    if (file.size > MAX_BYTES) return setProblem(t('import.tooLarge'));
    const dryRun = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') !== 'import';
    const id = crypto.randomUUID();
    setImportId(id);
    const r = await run({
      input: {
        kind: String(data.get('kind')) as CsvImportKind,
        encoding: String(data.get('encoding')) as CsvEncoding,
        dryRun,
        importId: id,
        contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
      },
    });
    setImportId(null);
    if (r.error || !r.data) setProblem(r.error?.graphQLErrors.map((g) => g.message).join('; ') || r.error?.message || '');
    else {
      setReport(r.data.importCsv);
      if (!dryRun && r.data.importCsv.failed === 0) form.reset();
    }
  };
  return (
    <>
      <h1>{t('import.title')}</h1>
      <section aria-labelledby="import-form">
        <h2 id="import-form">{t('import.upload')}</h2>
        <form onSubmit={(e) => void submit(e)} aria-labelledby="import-form">
          <label>
            {t('import.kind')}
            <select name="kind" defaultValue="EMPLOYEES">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`import.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.encoding')}
            <select name="encoding" defaultValue="AUTO">
              {ENCODINGS.map((k) => (
                <option key={k} value={k}>
                  {k === 'AUTO' ? t('import.auto') : k}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.file')} <input name="file" type="file" accept=".csv,text/csv" required />
          </label>
          <button type="submit" value="dry-run" disabled={state.fetching}>
            {t('import.dryRun')}
          </button>
          <button type="submit" value="import" disabled={state.fetching}>
            {t('import.import')}
          </button>
        </form>
        {state.fetching && (
          <div className="import-progress" data-testid="import-progress">
            {/* Without a total yet (the file is still being read) the bar is indeterminate. */}
            {progress && progress.total > 0 ? (
              <progress max={progress.total} value={progress.done} aria-label={t('import.progress')} />
            ) : (
              <progress aria-label={t('import.progress')} />
            )}
            <span role="status">
              {progress && progress.total > 0 ? t('import.rowsDone', { done: progress.done, total: progress.total }) : t('import.working')}
            </span>
          </div>
        )}
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </section>
      {report && (
        <section aria-labelledby="import-report" data-testid="import-report">
          <h2 id="import-report">{report.dryRun ? t('import.dryRunReport') : t('import.report')}</h2>
          <p role="status">
            {t('import.summary', {
              rows: report.rows,
              imported: report.imported,
              unchanged: report.unchanged,
              failed: report.failed,
              encoding: report.encoding,
            })}
          </p>
          {report.errors.length > 0 && (
            <ScrollX label={t('import.errors')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('import.line')}
                    </th>
                    <th scope="col">{t('import.key')}</th>
                    <th scope="col">{t('import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((er) => (
                    <tr key={`${er.line}-${er.key ?? ''}`}>
                      <td className="num">{er.line}</td>
                      <td>{er.key ?? '—'}</td>
                      <td className="wrap">{er.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          )}
        </section>
      )}
    </>
  );
};
