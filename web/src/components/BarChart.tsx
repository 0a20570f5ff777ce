// Horizontal bar chart (SVG) of counts; the numbers are also written as text.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';

export default function BarChart({ data, title }: { data: [string, number][]; title: string }) {
  const { i18n } = useTranslation();
  if (data.length === 0) return null;
  const max = Math.max(...data.map((d) => d[1]));
  const W = 640, rowH = 22, labelW = 200, numW = 60;
  const H = data.length * rowH + 4;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} className="bar-chart">
      {data.map(([label, n], i) => {
        const w = ((W - labelW - numW) * n) / max;
        return (
          <g key={label} transform={`translate(0 ${i * rowH})`}>
            <text x={labelW - 6} y={15} textAnchor="end" fontSize="12" fill="#222">{label.length > 28 ? `${label.slice(0, 27)}…` : label}</text>
            <rect x={labelW} y={3} width={Math.max(1, w)} height={rowH - 6} fill="#1f5fa8" rx={2} />
            <text x={labelW + w + 4} y={15} fontSize="12" fill="#222">{formatNumber(n, i18n.language)}</text>
          </g>
        );
      })}
    </svg>
  );
}
