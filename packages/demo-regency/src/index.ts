export * from './regency';
export * from './random';
export { REGENCY_UNITS, type UnitSpec, type UnitKind } from './units';
export { signInAccounts, type SignInAccount, type AccountRole } from './accounts';
