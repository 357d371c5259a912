import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { KitContext } from '@kinerja/subgraph-kit';
import type { EmployeeRow } from '../entities/employee';
import type { OrganizationUnitRow } from '../entities/organization-unit';
import { Employee } from './employee';
import { OrganizationUnit } from './organization-unit';
import { reportsOf, supervisorChains, unitTree } from './loaders';

/**
 * Relationship data other subgraphs need to authorize (ARCHITECTURE.md: supervisor and unit-head
 * rights come from personnel data, per request). `@inaccessible`: subgraphs read it through
 * `_entities` with a signed service identity; it is not part of the public graph.
 */
@Directive('@inaccessible')
@ObjectType()
export class AccessProfile {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  // unitPath, supervisorChain and headOf: resolved only when asked (AccessProfileResolver), so a caller
  // wanting position kinds (recognition's consumer) costs no unit tree or chain query.
  @Field(() => String) status: string;
  @Field(() => String) employmentType: string;
  @Field(() => String) positionKind: string;
}

@Directive('@inaccessible')
@ObjectType()
export class UnitMember {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field(() => String) status: string;
  @Field(() => String) employmentType: string;
}

export function unitPathOf(tree: Awaited<ReturnType<typeof unitTree>>, unitId: string): string[] {
  const path: string[] = [];
  let current: OrganizationUnitRow | undefined = tree.byId.get(unitId);
  while (current && path.length < 32) {
    path.push(current.id);
    current = current.parentId ? tree.byId.get(current.parentId) : undefined;
  }
  return path;
}

@Resolver(() => Employee)
export class EmployeeAccessResolver {
  @Directive('@inaccessible')
  @FieldResolver(() => AccessProfile)
  accessProfile(@Root() employee: EmployeeRow): AccessProfile {
    return {
      id: employee.id,
      unitId: employee.unitId,
      status: employee.status,
      employmentType: employee.employmentType,
      positionKind: employee.positionKind,
    };
  }
}

@Resolver(() => AccessProfile)
export class AccessProfileResolver {
  @FieldResolver(() => [ID], { description: 'The unit and its ancestors, nearest first' })
  async unitPath(@Root() profile: AccessProfile, @Ctx() ctx: KitContext): Promise<string[]> {
    return unitPathOf(await unitTree(ctx), profile.unitId);
  }

  @FieldResolver(() => [ID], { description: 'Direct supervisor first, then up the chain' })
  supervisorChain(@Root() profile: AccessProfile, @Ctx() ctx: KitContext): Promise<string[]> {
    return supervisorChains(ctx).load(profile.id);
  }

  @FieldResolver(() => [ID], { description: 'Everyone whose supervisor chain holds this employee (direct and indirect reports)' })
  reports(@Root() profile: AccessProfile, @Ctx() ctx: KitContext): Promise<string[]> {
    return reportsOf(ctx).load(profile.id);
  }

  @FieldResolver(() => [ID], { description: 'Units this employee heads' })
  async headOf(@Root() profile: AccessProfile, @Ctx() ctx: KitContext): Promise<string[]> {
    return (await unitTree(ctx)).units.filter((u) => u.headId === profile.id).map((u) => u.id);
  }
}

@Resolver(() => OrganizationUnit)
export class UnitMembersResolver {
  @Directive('@inaccessible')
  @FieldResolver(() => [ID], { description: 'The unit and every unit below it' })
  async subtreeIds(@Root() unit: OrganizationUnitRow, @Ctx() ctx: KitContext): Promise<string[]> {
    return (await unitTree(ctx)).subtree(unit.id);
  }

  @Directive('@inaccessible')
  @FieldResolver(() => [UnitMember], { description: 'Everyone in the unit (and sub-units), for aggregates elsewhere' })
  async members(
    @Root() unit: OrganizationUnitRow,
    @Ctx() ctx: KitContext,
    @Arg('includeSubunits', () => Boolean, { defaultValue: true }) includeSubunits: boolean,
  ): Promise<UnitMember[]> {
    const tree = await unitTree(ctx);
    // One statement for every unit asked in this request (aggregates elsewhere ask for many).
    return ctx.loaders.get<string, UnitMember[]>(`unitMembers:${includeSubunits}`, async (unitIds) => {
      const scopes = unitIds.map((id) => (includeSubunits ? tree.subtree(id) : [id]));
      const all = [...new Set(scopes.flat())];
      const rows: UnitMember[] = await ctx.dataSource.query(
        `SELECT id::text, unit_id::text AS "unitId", status, employment_type AS "employmentType" FROM employee WHERE unit_id = ANY($1::uuid[]) ORDER BY id`,
        [all],
      );
      const byUnit = new Map<string, UnitMember[]>();
      for (const r of rows) {
        const list = byUnit.get(r.unitId);
        if (list) list.push(r);
        else byUnit.set(r.unitId, [r]);
      }
      return scopes.map((scope) => scope.flatMap((u) => byUnit.get(u) ?? []));
    }).load(unit.id);
  }
}

