// A small stacked bar chart in SVG: one bar per month, one colour per series (a project or a product).
export type BarChartData = { categories: string[]; series: { name: string; values: number[] }[] };

const palette = ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

export function BarChart({ data, title }: { data: BarChartData; title: string }) {
  const width = 640;
  const height = 240;
  const pad = { left: 48, bottom: 28, top: 12 };
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const band = (width - pad.left) / Math.max(1, data.categories.length);
  const scale = (value: number) => (value / max) * (height - pad.bottom - pad.top);
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
        <line x1={pad.left} x2={width} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#999" />
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" fontSize="11">
          {max.toLocaleString()}
        </text>
        {data.categories.map((category, i) => {
          let y = height - pad.bottom;
          return (
            <g key={category} data-category={category}>
              {data.series.map((s, j) => {
                const h = scale(s.values[i] ?? 0);
                y -= h;
                return (
                  <rect
                    key={s.name}
                    x={pad.left + i * band + band * 0.15}
                    y={y}
                    width={band * 0.7}
                    height={h}
                    fill={palette[j % palette.length]}
                  >
                    <title>{`${s.name} ${category}: ${(s.values[i] ?? 0).toLocaleString()}`}</title>
                  </rect>
                );
              })}
              <text x={pad.left + i * band + band / 2} y={height - 10} textAnchor="middle" fontSize="11">
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {data.series.map((s, j) => (
          <span key={s.name} className="legend">
            <i style={{ background: palette[j % palette.length] }} /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
