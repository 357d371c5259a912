/** Kabupaten Bungo's agencies (DOMAIN.md, "Demo regency"): real names, invented people. */
export type UnitKind = 'SEKRETARIAT' | 'DINAS' | 'BADAN' | 'INSPEKTORAT' | 'KECAMATAN' | 'KELURAHAN' | 'BAGIAN' | 'BIDANG' | 'UPTD';

export interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  /** Relative headcount weight of the unit itself (staff outside its sub-units). */
  weight: number;
  /** What most staff here do: title and whether the position is functional. */
  staff: Array<{ title: string; functional: boolean }>;
  children?: UnitSpec[];
}

const ADMIN_STAFF = [
  { title: 'Pengadministrasi Umum', functional: false },
  { title: 'Pengelola Keuangan', functional: false },
  { title: 'Pengelola Data', functional: false },
  { title: 'Analis Kebijakan', functional: true },
  { title: 'Arsiparis', functional: true },
];

const bidang = (code: string, name: string, weight: number, staff = ADMIN_STAFF): UnitSpec => ({ code, name, kind: 'BIDANG', weight, staff });
const bagian = (code: string, name: string, weight: number): UnitSpec => ({ code, name, kind: 'BAGIAN', weight, staff: ADMIN_STAFF });

const KECAMATAN = [
  'Bathin II Babeko', 'Bathin II Pelayang', 'Bathin III', 'Bathin III Ulu', 'Bungo Dani', 'Jujuhan', 'Jujuhan Ilir',
  'Limbur Lubuk Mengkuang', 'Muko-Muko Bathin VII', 'Pasar Muara Bungo', 'Pelepat', 'Pelepat Ilir', 'Rantau Pandan',
  'Rimbo Tengah', 'Tanah Sepenggal', 'Tanah Sepenggal Lintas', 'Tanah Tumbuh',
];

const KELURAHAN: Record<string, string[]> = {
  'Pasar Muara Bungo': ['Bungo Barat', 'Bungo Timur', 'Jaya Setia', 'Pasir Putih', 'Tanjung Gedang'],
  'Rimbo Tengah': ['Cadika', 'Sungai Kerjan', 'Sungai Pinang', 'Manggis'],
  'Bungo Dani': ['Sungai Binjai', 'Lembah Kuamang'],
};

function code(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 28);
}

export const REGENCY_UNITS: UnitSpec[] = [
  {
    code: 'SETDA', name: 'Sekretariat Daerah Kabupaten Bungo', kind: 'SEKRETARIAT', weight: 2, staff: ADMIN_STAFF,
    children: [
      bagian('SETDA-UMUM', 'Bagian Umum', 3), bagian('SETDA-ORG', 'Bagian Organisasi', 2),
      bagian('SETDA-HUKUM', 'Bagian Hukum', 2), bagian('SETDA-PBJ', 'Bagian Pengadaan Barang dan Jasa', 2),
      bagian('SETDA-PEMERINTAHAN', 'Bagian Tata Pemerintahan', 2), bagian('SETDA-PROKOPIM', 'Bagian Protokol dan Komunikasi Pimpinan', 2),
    ],
  },
  {
    code: 'BKPSDMD', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah', kind: 'BADAN', weight: 2, staff: ADMIN_STAFF,
    children: [
      bidang('BKPSDMD-MUTASI', 'Bidang Mutasi dan Promosi', 2, [{ title: 'Analis Sumber Daya Manusia Aparatur', functional: true }, ...ADMIN_STAFF]),
      bidang('BKPSDMD-PSDM', 'Bidang Pengembangan Sumber Daya Manusia', 2, [{ title: 'Analis Sumber Daya Manusia Aparatur', functional: true }, ...ADMIN_STAFF]),
      bidang('BKPSDMD-KINERJA', 'Bidang Penilaian Kinerja Aparatur dan Penghargaan', 2, [{ title: 'Analis Sumber Daya Manusia Aparatur', functional: true }, ...ADMIN_STAFF]),
    ],
  },
  {
    code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'BADAN', weight: 2, staff: ADMIN_STAFF,
    children: [
      bidang('BAPPEDA-PEREKONOMIAN', 'Bidang Perekonomian dan SDA', 2, [{ title: 'Perencana', functional: true }]),
      bidang('BAPPEDA-PEMBANGUNAN', 'Bidang Pemerintahan dan Pembangunan Manusia', 2, [{ title: 'Perencana', functional: true }]),
      bidang('BAPPEDA-INFRA', 'Bidang Infrastruktur dan Kewilayahan', 2, [{ title: 'Perencana', functional: true }]),
    ],
  },
  {
    code: 'INSPEKTORAT', name: 'Inspektorat Daerah', kind: 'INSPEKTORAT', weight: 5,
    staff: [{ title: 'Auditor', functional: true }, { title: 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah', functional: true }, ...ADMIN_STAFF],
  },
  {
    code: 'DISDIKBUD', name: 'Dinas Pendidikan dan Kebudayaan', kind: 'DINAS', weight: 3, staff: ADMIN_STAFF,
    children: [
      bidang('DISDIKBUD-PAUD', 'Bidang Pendidikan Anak Usia Dini dan Pendidikan Nonformal', 4, [{ title: 'Pamong Belajar', functional: true }, { title: 'Penilik', functional: true }, ...ADMIN_STAFF]),
      bidang('DISDIKBUD-SD', 'Bidang Pembinaan Sekolah Dasar', 30, [{ title: 'Guru Ahli Pertama', functional: true }, { title: 'Guru Ahli Muda', functional: true }, { title: 'Guru Ahli Madya', functional: true }]),
      bidang('DISDIKBUD-SMP', 'Bidang Pembinaan Sekolah Menengah Pertama', 22, [{ title: 'Guru Ahli Pertama', functional: true }, { title: 'Guru Ahli Muda', functional: true }, { title: 'Guru Ahli Madya', functional: true }]),
      bidang('DISDIKBUD-BUDAYA', 'Bidang Kebudayaan', 2, [{ title: 'Pamong Budaya', functional: true }, ...ADMIN_STAFF]),
    ],
  },
  {
    code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS', weight: 3, staff: ADMIN_STAFF,
    children: [
      bidang('DINKES-KESMAS', 'Bidang Kesehatan Masyarakat', 3, [{ title: 'Penyuluh Kesehatan Masyarakat', functional: true }, { title: 'Nutrisionis', functional: true }]),
      bidang('DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', 3, [{ title: 'Epidemiolog Kesehatan', functional: true }, { title: 'Sanitarian', functional: true }]),
      { code: 'RSUD-HANAFIE', name: 'UPTD RSUD H. Hanafie Muara Bungo', kind: 'UPTD', weight: 22,
        staff: [{ title: 'Perawat', functional: true }, { title: 'Bidan', functional: true }, { title: 'Dokter', functional: true }, { title: 'Apoteker', functional: true }, { title: 'Pranata Laboratorium Kesehatan', functional: true }] },
      ...['Muara Bungo I', 'Rimbo Tengah', 'Tanah Tumbuh', 'Pelepat', 'Jujuhan', 'Rantau Pandan'].map((n): UnitSpec => ({
        code: `PKM-${code(n)}`, name: `UPTD Puskesmas ${n}`, kind: 'UPTD', weight: 5,
        staff: [{ title: 'Perawat', functional: true }, { title: 'Bidan', functional: true }, { title: 'Dokter', functional: true }, { title: 'Sanitarian', functional: true }],
      })),
    ],
  },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'DINAS', weight: 3, staff: [{ title: 'Pengendali Dampak Lingkungan', functional: true }, ...ADMIN_STAFF],
    children: [bidang('DLH-KEBERSIHAN', 'Bidang Pengelolaan Sampah', 3), bidang('DLH-PENGENDALIAN', 'Bidang Pengendalian Pencemaran', 2)] },
  { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'DINAS', weight: 3, staff: [{ title: 'Teknik Jalan dan Jembatan', functional: true }, ...ADMIN_STAFF],
    children: [bidang('DPUPR-BINAMARGA', 'Bidang Bina Marga', 4, [{ title: 'Teknik Jalan dan Jembatan', functional: true }, ...ADMIN_STAFF]), bidang('DPUPR-SDA', 'Bidang Sumber Daya Air', 3), bidang('DPUPR-TATARUANG', 'Bidang Penataan Ruang', 2, [{ title: 'Penata Ruang', functional: true }])] },
  { code: 'DINSOS', name: 'Dinas Sosial', kind: 'DINAS', weight: 3, staff: [{ title: 'Pekerja Sosial', functional: true }, { title: 'Penyuluh Sosial', functional: true }, ...ADMIN_STAFF],
    children: [bidang('DINSOS-REHSOS', 'Bidang Rehabilitasi Sosial', 2), bidang('DINSOS-PFM', 'Bidang Penanganan Fakir Miskin', 2)] },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'DINAS', weight: 3, staff: [{ title: 'Pranata Komputer', functional: true }, { title: 'Pranata Hubungan Masyarakat', functional: true }, ...ADMIN_STAFF],
    children: [bidang('DISKOMINFO-APTIKA', 'Bidang Aplikasi Informatika', 2, [{ title: 'Pranata Komputer', functional: true }]), bidang('DISKOMINFO-IKP', 'Bidang Informasi dan Komunikasi Publik', 2)] },
  { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'DINAS', weight: 4, staff: [{ title: 'Penguji Kendaraan Bermotor', functional: true }, { title: 'Petugas Lalu Lintas', functional: false }, ...ADMIN_STAFF] },
  { code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', kind: 'BADAN', weight: 6, staff: [{ title: 'Polisi Pamong Praja', functional: true }, ...ADMIN_STAFF] },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', kind: 'BADAN', weight: 4, staff: [{ title: 'Analis Bencana', functional: true }, { title: 'Petugas Pemadam dan Penyelamatan', functional: false }, ...ADMIN_STAFF] },
  { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', kind: 'BADAN', weight: 3, staff: [{ title: 'Analis Keuangan Pusat dan Daerah', functional: true }, ...ADMIN_STAFF],
    children: [bidang('BPKAD-ANGGARAN', 'Bidang Anggaran', 2), bidang('BPKAD-PERBENDAHARAAN', 'Bidang Perbendaharaan', 2), bidang('BPKAD-ASET', 'Bidang Aset', 2)] },
  ...KECAMATAN.map((n): UnitSpec => ({
    code: `KEC-${code(n)}`, name: `Kecamatan ${n}`, kind: 'KECAMATAN', weight: 2,
    staff: [{ title: 'Pengadministrasi Pemerintahan', functional: false }, { title: 'Pengelola Pelayanan Masyarakat', functional: false }, ...ADMIN_STAFF.slice(0, 2)],
    children: (KELURAHAN[n] ?? []).map((k): UnitSpec => ({
      code: `KEL-${code(k)}`, name: `Kelurahan ${k}`, kind: 'KELURAHAN', weight: 1,
      staff: [{ title: 'Pengadministrasi Pemerintahan', functional: false }, { title: 'Pengelola Pelayanan Masyarakat', functional: false }],
    })),
  })),
];
