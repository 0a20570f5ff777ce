// Listing timeline: one lane per convention and appendix (an App III listing
// per Party), bars for the periods the listing engine says the taxon was
// listed (the API's listing_periods), markers for every change. SVG, with the
// history table beside it for screen readers.
import { useTranslation } from 'react-i18next';
import type { ListingChange, ListingPeriod } from '../api';
import { formatDate } from '../i18n';

interface Bar { lane: string; from: number; to: number }

const year = (iso: string | null | undefined) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCFullYear() + new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCMonth() / 12 : NaN);

/** The lane of a change or period: convention and appendix, an App III listing with its Party. */
export function laneOf(c: { convention: string; appendix: string; party: string | null }): string {
  return c.appendix === 'III' && c.party ? `${c.convention} III (${c.party})` : `${c.convention} ${c.appendix}`;
}

function bars(periods: ListingPeriod[], now: number): Bar[] {
  return periods.map((p) => ({ lane: laneOf(p), from: year(p.from), to: p.to ? year(p.to) : now }));
}

const COLORS: Record<string, string> = { I: '#b3261e', II: '#1f5fa8', III: '#6b4f00' };

export default function Timeline({ changes, periods }: { changes: ListingChange[]; periods: ListingPeriod[] }) {
  const { t, i18n } = useTranslation();
  const dated = changes.filter((c) => c.effective_at);
  if (dated.length === 0 && periods.length === 0) return <p>{t('taxon.noHistory')}</p>;
  const now = new Date().getUTCFullYear() + new Date().getUTCMonth() / 12;
  const years = [...dated.map((c) => year(c.effective_at)), ...periods.map((p) => year(p.from))];
  const min = Math.floor(Math.min(...years)) - 1;
  const max = Math.ceil(now);
  const lanes = [...new Set([...periods.map(laneOf), ...dated.map(laneOf)])].sort();
  const W = 720, left = 110, right = 16, laneH = 26, top = 10;
  const H = top + lanes.length * laneH + 28;
  const x = (y: number) => left + ((y - min) / (max - min)) * (W - left - right);
  const ticks: number[] = [];
  const step = max - min > 40 ? 10 : 5;
  for (let y = Math.ceil(min / step) * step; y <= max; y += step) ticks.push(y);
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="timeline-title" width="100%">
        <title id="timeline-title">{t('taxon.timelineTitle')}</title>
        {ticks.map((y) => (
          <g key={y}>
            <line x1={x(y)} x2={x(y)} y1={top} y2={H - 24} stroke="#ccc" />
            <text x={x(y)} y={H - 8} textAnchor="middle" fontSize="12" fill="#333">{y}</text>
          </g>
        ))}
        {lanes.map((lane, i) => (
          <text key={lane} x={4} y={top + i * laneH + 17} fontSize="12" fill="#222">{lane}</text>
        ))}
        {bars(periods, now).map((b, i) => {
          const li = lanes.indexOf(b.lane);
          const app = b.lane.split(' ')[1];
          return <rect key={i} x={x(b.from)} y={top + li * laneH + 5} width={Math.max(2, x(b.to) - x(b.from))} height={laneH - 10}
            fill={COLORS[app] ?? '#555'} opacity={0.8} rx={3} />;
        })}
        {dated.map((c, i) => {
          const li = lanes.indexOf(laneOf(c));
          return (
            <circle key={i} cx={x(year(c.effective_at))} cy={top + li * laneH + laneH / 2} r={4}
              fill={c.change_type === 'DELETION' ? '#fff' : '#111'} stroke="#111">
              <title>{`${formatDate(c.effective_at, i18n.language)}: ${t(`change.${c.change_type}`, { defaultValue: c.change_type })} ${laneOf(c)}${c.party ? ` (${c.party})` : ''}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption>{t('taxon.timelineCaption')}</figcaption>
    </figure>
  );
}
