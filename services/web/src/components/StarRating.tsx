import { Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** Words for each score, 1..5, read by screen readers and shown under the stars. */
  words: [string, string, string, string, string];
}

/**
 * 1 to 5 stars as a radio group: arrow keys move, each star has its words ("Sangat baik"), the
 * chosen score is written out under the stars (no colour-only meaning).
 */
export function StarRating({ label, value, onChange, words }: Props) {
  const id = useId();
  const move = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') {
      e.preventDefault();
      onChange(Math.min(5, (value || 0) + 1));
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') {
      e.preventDefault();
      onChange(Math.max(1, (value || 2) - 1));
    }
  };
  return (
    <div>
      <Text id={`${id}-label`} fw={600} mb={6}>
        {label}
      </Text>
      <Group gap={4} role="radiogroup" aria-labelledby={`${id}-label`} onKeyDown={move}>
        {[1, 2, 3, 4, 5].map((n) => {
          const checked = value === n;
          return (
            <UnstyledButton
              key={n}
              role="radio"
              aria-checked={checked}
              aria-label={`${n} – ${words[n - 1]}`}
              tabIndex={checked || (value === 0 && n === 1) ? 0 : -1}
              onClick={() => onChange(n)}
              style={{ fontSize: 40, lineHeight: 1, padding: 4, color: n <= value ? '#b45309' : '#6b7280', minWidth: 48, minHeight: 48 }}
            >
              <span aria-hidden="true">{n <= value ? '★' : '☆'}</span>
            </UnstyledButton>
          );
        })}
      </Group>
      <Text size="sm" mt={4} aria-live="polite">
        {value > 0 ? words[value - 1] : <VisuallyHidden>{label}</VisuallyHidden>}
      </Text>
    </div>
  );
}
