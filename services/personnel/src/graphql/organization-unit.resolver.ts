import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, hasRole, requireUser, requireUserOrService, signedIn, type KitContext, Guard } from '@kinerja/subgraph-kit';
import { feedbackQrUnitIds } from '../domain/access';
import { EmployeeStatus } from '../domain/enums';
import './enums';
import type { OrganizationUnitRow } from '../entities/organization-unit';
import { createOrganizationUnit, setUnitHead } from '../personnel';
import { requireReader } from './access';
import { EmployeeConnection } from './connections';
import { Employee } from './employee';
import { unitEmployees } from './employee-list';
import { CreateOrganizationUnitInput } from './inputs';
import { employeeById, unitTree } from './loaders';
import { OrganizationUnit } from './organization-unit';
import { PublicUnit } from './public-unit';
import { recordKeeper } from './guards';

@Resolver(() => OrganizationUnit)
export class OrganizationUnitResolver {
  @Query(() => OrganizationUnit, { nullable: true, description: 'By id or by code' })
  async organizationUnit(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ) {
    requireUserOrService(ctx); // subgraphs look units up by code too (evaluation: public feedback by unitCode)
    if ((id ? 1 : 0) + (code ? 1 : 0) !== 1) throw new BadInput('id', 'give exactly one of id or code');
    const tree = await unitTree(ctx);
    return (id ? tree.byId.get(id) : tree.byCode.get(code as string)) ?? null;
  }

  @Query(() => PublicUnit, { nullable: true, description: 'Anyone, signed in or not: a unit\'s public name and kind by code, for the citizen feedback page (WEB.md)' })
  async publicUnit(@Ctx() ctx: KitContext, @Arg('code', () => String) code: string): Promise<PublicUnit | null> {
    // No identity needed: a citizen scanning a counter's QR code has none. Name and kind only.
    if (code.length > 32) throw new BadInput('code', 'must be at most 32 characters', 'Kode unit paling banyak 32 karakter');
    const unit = (await unitTree(ctx)).byCode.get(code.trim());
    return unit ? { code: unit.code, name: unit.name, kind: unit.kind } : null;
  }

  @Query(() => [OrganizationUnit], { description: 'The whole tree, roots first' })
  async organizationUnits(@Ctx() ctx: KitContext) {
    requireReader(ctx);
    return (await unitTree(ctx)).ordered();
  }

  @Query(() => [OrganizationUnit], {
    description: 'The units whose QR code of the citizen feedback page the caller may print (WEB.md), roots first: every unit for ADMIN (BKPSDM); '
      + 'for a unit head the units they head and every unit below them; an empty list for anyone else (domain/access.ts, printsFeedbackQr)',
  })
  @Guard(signedIn)
  async feedbackQrUnits(@Ctx() ctx: KitContext): Promise<OrganizationUnitRow[]> {
    const tree = await unitTree(ctx);
    const ordered = tree.ordered();
    const allowed = new Set(feedbackQrUnitIds({ admin: hasRole(ctx, 'ADMIN'), employeeId: requireUser(ctx) }, ordered));
    return ordered.filter((u) => allowed.has(u.id));
  }

  @FieldResolver(() => OrganizationUnit, { nullable: true })
  async parent(@Root() unit: OrganizationUnitRow, @Ctx() ctx: KitContext) {
    return unit.parentId ? (await unitTree(ctx)).byId.get(unit.parentId) ?? null : null;
  }

  @FieldResolver(() => [OrganizationUnit])
  async children(@Root() unit: OrganizationUnitRow, @Ctx() ctx: KitContext) {
    return (await unitTree(ctx)).children.get(unit.id) ?? [];
  }

  @FieldResolver(() => Employee, { nullable: true })
  async head(@Root() unit: OrganizationUnitRow, @Ctx() ctx: KitContext) {
    return unit.headId ? employeeById(ctx).load(unit.headId) : null;
  }

  @FieldResolver(() => EmployeeConnection)
  async employees(
    @Root() unit: OrganizationUnitRow,
    @Ctx() ctx: KitContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('includeSubunits', () => Boolean, { nullable: true, defaultValue: false }) includeSubunits?: boolean,
    @Arg('status', () => EmployeeStatus, { nullable: true }) status?: EmployeeStatus,
  ) {
    const tree = await unitTree(ctx);
    const scope = includeSubunits ? tree.subtree(unit.id) : [unit.id];
    return unitEmployees(ctx, { unitId: unit.id, scope, first: first ?? null, after: after ?? null, status: status ?? null });
  }

  @Mutation(() => OrganizationUnit, { description: 'ADMIN' })
  @Guard(recordKeeper)
  async createOrganizationUnit(@Ctx() ctx: KitContext, @Arg('input', () => CreateOrganizationUnitInput) input: CreateOrganizationUnitInput) {
    return createOrganizationUnit(ctx, input);
  }

  @Mutation(() => OrganizationUnit, { description: 'ADMIN. The head must be an active employee of the unit; a unit has one head.' })
  @Guard(recordKeeper)
  async setUnitHead(@Ctx() ctx: KitContext, @Arg('unitId', () => ID) unitId: string, @Arg('employeeId', () => ID) employeeId: string) {
    return setUnitHead(ctx, unitId, employeeId);
  }
}
