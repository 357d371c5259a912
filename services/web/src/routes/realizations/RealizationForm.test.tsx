import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { fileProblem, RealizationForm } from './RealizationForm';

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens on it.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() } });
}

describe('a realization with its evidence', () => {
  test('a file must be a PDF, PNG or JPEG of at most 5 MB', () => {
    expect(fileProblem(null)).toBeNull();
    expect(fileProblem(new File(['%PDF-'], 'a.pdf', { type: 'application/pdf' }))).toBeNull();
    expect(fileProblem(new File(['x'], 'a.exe', { type: 'application/x-msdownload' }))).toBe('type');
    expect(fileProblem(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }))).toBe('size');
  });

  test('sends the value, the link and the chosen file; a wrong file type says why and sends nothing', async () => {
    localStorage.clear();
    const onSave = vi.fn().mockResolvedValue(true);
    await renderWithProviders(<RealizationForm indicatorId="i1" qualitative={false} year={2026} defaultPeriod="2026-12" saving={false} onSave={onSave} />);
    const user = userEvent.setup({ applyAccept: false });
    await user.type(screen.getByLabelText(/^Nilai realisasi/), '3');
    await user.upload(screen.getByLabelText('Berkas bukti dukung'), new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }));
    expect(screen.getByText('Berkas harus PDF, PNG atau JPEG.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Simpan realisasi' }) as HTMLButtonElement).disabled).toBe(true);
    const pdf = new File(['%PDF-1.4'], 'laporan.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Berkas bukti dukung'), pdf);
    await user.click(screen.getByLabelText(/^Tautan bukti dukung/));
    await user.paste('https://drive.example.go.id/a.pdf');
    await user.click(screen.getByRole('button', { name: 'Simpan realisasi' }));
    expect(onSave).toHaveBeenCalledWith({ period: '2026-12', value: 3, note: null, evidenceUrl: 'https://drive.example.go.id/a.pdf', file: pdf });
  }, 20_000);

  test('a qualitative indicator asks for the result in words, not a value', async () => {
    localStorage.clear();
    await renderWithProviders(<RealizationForm indicatorId="i2" qualitative year={2026} defaultPeriod="2026-Q4" saving={false} onSave={vi.fn()} />);
    expect(screen.queryByLabelText(/^Nilai realisasi/)).toBeNull();
    expect(screen.getByLabelText(/^Uraian hasil/)).toBeTruthy();
  });
});
