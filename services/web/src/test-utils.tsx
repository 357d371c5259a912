import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import id from '../locales/id.json';

export async function testI18n(lng: 'id' | 'en' = 'id') {
  const i = i18next.createInstance();
  await i.use(initReactI18next).init({ resources: { id: { translation: id }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i;
}

export async function renderWithProviders(ui: ReactElement, lng: 'id' | 'en' = 'id') {
  const i = await testI18n(lng);
  return render(
    <MantineProvider>
      <I18nextProvider i18n={i}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
}
