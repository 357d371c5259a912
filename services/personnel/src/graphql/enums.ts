import { registerEnumType } from 'type-graphql';
import { Gender, EmploymentType, EmployeeStatus, PositionKind, Grade, PppkGrade, ContractStatus, UnitKind } from '../domain/enums';
import { CorrectionDecision, CorrectionStatus } from '../domain/supervisor-correction';

// The domain's enums are plain TypeScript (domain/enums.ts); here they become GraphQL enum types,
// registered when any graphql/ module that uses them loads, before the schema is built.
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(EmploymentType, { name: 'EmploymentType' });
registerEnumType(EmployeeStatus, { name: 'EmployeeStatus' });
registerEnumType(PositionKind, { name: 'PositionKind', description: 'JPT, ADMINISTRATOR, PENGAWAS are managerial; FUNGSIONAL, PELAKSANA are not' });
registerEnumType(Grade, { name: 'Grade', description: 'golongan/ruang: I_A..I_D Juru, II_A..II_D Pengatur, III_A..III_D Penata, IV_A..IV_E Pembina' });
registerEnumType(UnitKind, { name: 'UnitKind' });
registerEnumType(PppkGrade, { name: 'PppkGrade', description: 'PPPK golongan I..XVII (Perpres 98/2020); PPPK have no pangkat' });
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'ACTIVE: the contract in force; RENEWED: followed by the next contract; ENDED: not renewed (PP 49/2018 art. 37)',
});
registerEnumType(CorrectionStatus, { name: 'SupervisorCorrectionStatus', description: 'OPEN until BKPSDM resolves it: APPLIED (the supervisor was changed) or REJECTED' });
registerEnumType(CorrectionDecision, { name: 'SupervisorCorrectionDecision', description: 'APPLIED changes the supervisor to the proposed one; REJECTED keeps it, with a reason' });
