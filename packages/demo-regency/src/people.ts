export const MALE_FIRST = [
  'Ahmad', 'Muhammad', 'Rudi', 'Hendra', 'Syafrizal', 'Zulkifli', 'Fauzi', 'Irwan', 'Budi', 'Agus', 'Eko', 'Dedi', 'Hasan',
  'Rahmat', 'Yudi', 'Joni', 'Arif', 'Fikri', 'Rizki', 'Andi', 'Hamdani', 'Syahrial', 'Afrizal', 'Jamaluddin', 'Khairul',
  'Darmawan', 'Firdaus', 'Herman', 'Iskandar', 'Masrul', 'Nasrul', 'Roni', 'Taufik', 'Wahyu', 'Yusril', 'Zainal', 'Bambang',
  'Dodi', 'Erwin', 'Gusri', 'Ilham', 'Jefri', 'Kurniadi', 'Mardiansyah', 'Novri', 'Saiful', 'Teguh', 'Yasir', 'Asrul', 'Deni',
];
export const FEMALE_FIRST = [
  'Siti', 'Nur', 'Dewi', 'Sri', 'Rina', 'Yuliana', 'Fitri', 'Rahmawati', 'Lestari', 'Wulan', 'Maya', 'Indah', 'Ratna', 'Eka',
  'Yeni', 'Desi', 'Novi', 'Putri', 'Aisyah', 'Nurhayati', 'Mardiana', 'Elvira', 'Fadhilah', 'Gustina', 'Hasnah', 'Irma',
  'Juwita', 'Kartini', 'Lailatul', 'Melati', 'Nelly', 'Oktaviani', 'Rosmawati', 'Sulastri', 'Tuti', 'Umi', 'Vivi', 'Winda',
  'Yanti', 'Zahara', 'Afni', 'Betty', 'Citra', 'Dian', 'Erna', 'Febri', 'Helmi', 'Intan', 'Julia', 'Kiki',
];
export const FAMILY = [
  'Saputra', 'Hidayat', 'Pratama', 'Wijaya', 'Santoso', 'Nasution', 'Harahap', 'Lubis', 'Siregar', 'Rahman', 'Syahputra',
  'Kurniawan', 'Setiawan', 'Gunawan', 'Hasibuan', 'Firmansyah', 'Ramadhan', 'Yusuf', 'Effendi', 'Hakim', 'Anwar', 'Maulana',
  'Putra', 'Sembiring', 'Tanjung', 'Rangkuti', 'Marpaung', 'Hutagalung', 'Fauzan', 'Jalil', 'Kasim', 'Malik', 'Nasir', 'Usman',
  'Zubir', 'Syarif', 'Ismail', 'Abdullah', 'Sudirman', 'Basri',
];
export const FEMALE_FAMILY = ['Sari', 'Wati', 'Ningsih', 'Handayani', 'Susanti', 'Yanti', 'Fitriani', 'Puspita', 'Rahayu', 'Anggraini', 'Safitri', 'Oktavia'];

/** An academic degree that fits the position, as names are written in Indonesian offices. */
export function degreeFor(title: string, managerial: boolean, rand: () => number): { prefix: string; suffix: string } {
  if (title.startsWith('Dokter')) return { prefix: 'dr. ', suffix: rand() < 0.3 ? ', Sp.PD' : '' };
  if (title.startsWith('Guru') || title.startsWith('Pamong Belajar') || title.startsWith('Penilik')) return { prefix: '', suffix: ', S.Pd.' };
  if (title.startsWith('Perawat')) return { prefix: '', suffix: rand() < 0.5 ? ', S.Kep., Ns.' : ', A.Md.Kep.' };
  if (title.startsWith('Bidan')) return { prefix: '', suffix: ', A.Md.Keb.' };
  if (title.startsWith('Apoteker')) return { prefix: '', suffix: ', S.Farm., Apt.' };
  if (managerial) return { prefix: '', suffix: rand() < 0.5 ? ', S.E., M.Si.' : ', S.Sos., M.M.' };
  const r = rand();
  if (r < 0.35) return { prefix: '', suffix: '' };
  if (r < 0.55) return { prefix: '', suffix: ', S.E.' };
  if (r < 0.75) return { prefix: '', suffix: ', S.Sos.' };
  if (r < 0.9) return { prefix: '', suffix: ', S.Kom.' };
  return { prefix: '', suffix: ', S.H.' };
}
