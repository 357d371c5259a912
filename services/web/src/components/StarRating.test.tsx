import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { StarRating } from './StarRating';

const WORDS: [string, string, string, string, string] = ['Sangat buruk', 'Buruk', 'Cukup', 'Baik', 'Sangat baik'];

function Harness() {
  const [v, setV] = useState(0);
  return <StarRating label="Bagaimana pelayanannya?" value={v} onChange={setV} words={WORDS} />;
}

describe('StarRating', () => {
  test('is a labelled radio group of five stars, each named by its score and words', async () => {
    await renderWithProviders(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'Bagaimana pelayanannya?' });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['1 – Sangat buruk', '2 – Buruk', '3 – Cukup', '4 – Baik', '5 – Sangat baik']);
    expect(screen.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true')).toHaveLength(0);
  });

  test('a click chooses the score and writes its words out', async () => {
    await renderWithProviders(<Harness />);
    fireEvent.click(screen.getByRole('radio', { name: '4 – Baik' }));
    expect(screen.getByRole('radio', { name: '4 – Baik' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('Baik')).toBeTruthy();
  });

  test('arrow keys move the score within 1..5 and focus follows the chosen star', async () => {
    await renderWithProviders(<Harness />);
    const group = screen.getByRole('radiogroup');
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(screen.getByRole('radio', { name: '1 – Sangat buruk' }).getAttribute('aria-checked')).toBe('true');
    for (let i = 0; i < 6; i++) fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(screen.getByRole('radio', { name: '5 – Sangat baik' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '5 – Sangat baik' }).getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect(screen.getByRole('radio', { name: '4 – Baik' }).getAttribute('aria-checked')).toBe('true');
    for (let i = 0; i < 6; i++) fireEvent.keyDown(group, { key: 'ArrowDown' });
    expect(screen.getByRole('radio', { name: '1 – Sangat buruk' }).getAttribute('aria-checked')).toBe('true');
  });
});
