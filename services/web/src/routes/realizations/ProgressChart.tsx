import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ProgressPoint {
  period: string;
  value: number;
}

/** Realized values by period against the target line. Loaded lazily: recharts is not in the first load. */
export default function ProgressChart({ points, target, label, targetLabel }: { points: ProgressPoint[]; target: number; label: string; targetLabel: string }) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" fontSize={12} />
          <YAxis fontSize={12} domain={[0, (dataMax: number) => Math.max(dataMax, target)]} />
          <Tooltip />
          <ReferenceLine y={target} stroke="#b45309" strokeDasharray="4 4" label={{ value: targetLabel, position: 'insideTopRight', fontSize: 12, fill: '#92400e' }} />
          <Bar dataKey="value" fill="#0b7285" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
