export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum EmploymentType { PNS = 'PNS', PPPK = 'PPPK' }
export enum EmployeeStatus { ACTIVE = 'ACTIVE', INACTIVE = 'INACTIVE', RETIRED = 'RETIRED' }
export enum PositionKind { JPT = 'JPT', ADMINISTRATOR = 'ADMINISTRATOR', PENGAWAS = 'PENGAWAS', FUNGSIONAL = 'FUNGSIONAL', PELAKSANA = 'PELAKSANA' }
export enum Grade {
  I_A = 'I_A', I_B = 'I_B', I_C = 'I_C', I_D = 'I_D',
  II_A = 'II_A', II_B = 'II_B', II_C = 'II_C', II_D = 'II_D',
  III_A = 'III_A', III_B = 'III_B', III_C = 'III_C', III_D = 'III_D',
  IV_A = 'IV_A', IV_B = 'IV_B', IV_C = 'IV_C', IV_D = 'IV_D', IV_E = 'IV_E',
}
/** PPPK golongan I..XVII (Perpres 98/2020); PPPK have no pangkat. */
export enum PppkGrade {
  I = 'I', II = 'II', III = 'III', IV = 'IV', V = 'V', VI = 'VI', VII = 'VII', VIII = 'VIII', IX = 'IX',
  X = 'X', XI = 'XI', XII = 'XII', XIII = 'XIII', XIV = 'XIV', XV = 'XV', XVI = 'XVI', XVII = 'XVII',
}
/** A PPPK work contract (perjanjian kerja): in force, followed by a renewal, or ended. */
export enum ContractStatus { ACTIVE = 'ACTIVE', RENEWED = 'RENEWED', ENDED = 'ENDED' }
export enum UnitKind {
  SEKRETARIAT = 'SEKRETARIAT', DINAS = 'DINAS', BADAN = 'BADAN', INSPEKTORAT = 'INSPEKTORAT', KECAMATAN = 'KECAMATAN',
  KELURAHAN = 'KELURAHAN', BAGIAN = 'BAGIAN', BIDANG = 'BIDANG', UPTD = 'UPTD',
}
