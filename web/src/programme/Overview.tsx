// Programme overview: progress by theme (a stacked bar chart with the numbers
// also in a table), the activities, and the implementation report downloads.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { call, type ProblemError, type Answer } from './api';
import { useTranslation } from 'react-i18next';
import { useJson } from './hooks';

type Overview = Answer<'/api/v1/programmes/{code}'>;
type Programme = Overview['programme'];
type Theme = Overview['themes'][number];

const STATUSES = ['completed', 'ongoing', 'planned', 'discontinued'] as const;
const COLOURS: Record<string, string> = { completed: '#1b7a3a', ongoing: '#1f5fa8', planned: '#8a8a8a', discontinued: '#a83232' };

function ThemeChart({ themes, title }: { themes: Theme[]; title: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...themes.map((th) => Object.values(th.counts).reduce((a, b) => a + b, 0)));
  const W = 640, rowH = 26, labelW = 40;
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${themes.length * rowH + 30}`} width="100%" role="img" aria-label={title}>
        {themes.map((th, i) => {
          let x = labelW;
          return (
            <g key={th.code} transform={`translate(0 ${i * rowH})`}>
              <text x={labelW - 8} y={17} textAnchor="end" fontSize="13">{th.code}</text>
              {STATUSES.map((s) => {
                const w = ((W - labelW - 10) * (th.counts[s] ?? 0)) / max;
                const rect = w > 0 ? <rect key={s} x={x} y={4} width={w} height={rowH - 8} fill={COLOURS[s]}><title>{`${th.code} ${t(`programme.status.${s}`)}: ${th.counts[s]}`}</title></rect> : null;
                x += w;
                return rect;
              })}
            </g>
          );
        })}
        <g transform={`translate(${labelW} ${themes.length * rowH + 8})`}>
          {STATUSES.map((s, i) => (
            <g key={s} transform={`translate(${i * 140} 0)`}><rect width={12} height={12} fill={COLOURS[s]} /><text x={16} y={11} fontSize="12">{t(`programme.status.${s}`)}</text></g>
          ))}
        </g>
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}

function ProgrammeEdit({ p, onSaved }: { p: Programme; onSaved: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(p.title);
  const [introduction, setIntroduction] = useState(p.introduction ?? '');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call('PATCH', `/api/v1/programmes/${p.code}`, { version: p.version, title, introduction });
      setMsg({ ok: true, text: t('programme.activity.saved') });
      onSaved();
    } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  return (
    <details>
      <summary>{t('programme.overview.edit')}</summary>
      <form onSubmit={submit}>
        <p><label>{t('programme.overview.titleField')}<br /><input size={80} value={title} onChange={(e) => setTitle(e.target.value)} required /></label></p>
        <p><label>{t('programme.overview.introduction')}<br /><textarea rows={5} cols={80} value={introduction} onChange={(e) => setIntroduction(e.target.value)} /></label></p>
        <p><button type="submit">{t('programme.activity.save')}</button></p>
        {msg && <p role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      </form>
    </details>
  );
}

export default function ProgrammeOverview() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const list = useJson<Programme[]>('/api/v1/programmes');
  const current = code ?? list.data?.find((p) => p.status === 'active')?.code ?? list.data?.[0]?.code ?? null;
  const { data, error, reload } = useJson<Overview>(current ? `/api/v1/programmes/${current}` : null);
  if (list.data && list.data.length === 0) return <p>{t('programme.overview.none')}</p>;
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  const p = data.programme;
  return (
    <article className="programme">
      <h1>{p.title}</h1>
      <p>
        <label>{t('programme.overview.choose')}{' '}
          <select value={p.code} onChange={(e) => navigate(`/programme/${e.target.value}`)}>
            {list.data?.map((x) => <option key={x.code} value={x.code}>{x.code}</option>)}
          </select>
        </label>{' '}
        {t('programme.overview.period', { start: p.period_start, end: p.period_end })} · {t('programme.overview.status', { status: t(`programme.status.${p.status}`) })}
      </p>
      {p.introduction && <p>{p.introduction}</p>}
      {data.can.update && <ProgrammeEdit key={p.version} p={p} onSaved={reload} />}
      <section aria-labelledby="report-h">
        <h2 id="report-h">{t('programme.overview.report')}</h2>
        <ul className="inline">
          {(['html', 'docx', 'csv'] as const).map((f) => (
            <li key={f}><a href={`/api/v1/programmes/${p.code}/report?format=${f}`} download={f === 'html' ? undefined : `implementation-${p.code}.${f}`}>{t('programme.overview.download', { format: f.toUpperCase() })}</a></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chart-h">
        <h2 id="chart-h">{t('programme.overview.chart')}</h2>
        <ThemeChart themes={data.themes} title={t('programme.overview.chart')} />
        <table>
          <caption className="sr-only">{t('programme.overview.chart')}</caption>
          <thead><tr><th scope="col">{t('programme.overview.theme')}</th>{STATUSES.map((s) => <th key={s} scope="col">{t(`programme.status.${s}`)}</th>)}</tr></thead>
          <tbody>{data.themes.map((th) => <tr key={th.code}><th scope="row">{th.code}. {th.title}</th>{STATUSES.map((s) => <td key={s}>{th.counts[s] ?? 0}</td>)}</tr>)}</tbody>
        </table>
      </section>
      {data.themes.map((th) => (
        <section key={th.code} aria-labelledby={`theme-${th.code}`}>
          <h2 id={`theme-${th.code}`}>{th.code}. {th.title}</h2>
          <ul className="activities">
            {th.activities.map((a) => (
              <li key={a.code}>
                <Link to={`/programme/${p.code}/activities/${a.code}`}><strong>{a.code}</strong></Link>{' '}
                <span className={`status status-${a.status}`}>{t(`programme.status.${a.status}`)}</span>{' '}
                {a.text.length > 160 ? `${a.text.slice(0, 159)}…` : a.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {data.funding.length > 0 && (
        <section aria-labelledby="funding-h">
          <h2 id="funding-h">{t('programme.overview.funding')}</h2>
          <ul>{data.funding.map((f, i) => <li key={i}>{f.activity_code} · {f.amount.toLocaleString()} {f.currency} ({f.year}) · {f.donor}: {f.purpose}</li>)}</ul>
        </section>
      )}
    </article>
  );
}
