import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { type PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { departmentRow, toDepartment } from './repo.ts';
import type { Department } from './types.ts';

export interface DepartmentInput {
  name: string;
  code: string;
  kind: 'department' | 'division';
}

export function departmentsPart(x: PeopleInternals) {
  const { db, clock, audit } = x;

  async function listDepartments(actor: Actor, opts: { includeArchived?: boolean } = {}): Promise<Department[]> {
    authorize(peoplePolicy, actor, 'department.list', null);
    let q = db.selectFrom('departments').selectAll().orderBy('name');
    if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
    return (await q.execute()).map(toDepartment);
  }

  async function createDepartment(actor: Actor, input: DepartmentInput): Promise<Department> {
    authorize(peoplePolicy, actor, 'department.create', null);
    const code = input.code.trim().toUpperCase();
    return db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst()) {
        throw conflict(`A department with code ${code} already exists`);
      }
      const row = { id: newId(), name: input.name.trim(), code, kind: input.kind, created_at: toIso(clock.now()), archived_at: null };
      await tx.insertInto('departments').values(row).execute();
      const dept = toDepartment(row);
      await audit.record(tx, actor, { action: 'department.created', targetType: 'department', targetId: row.id, targetLabel: row.name, after: dept });
      return dept;
    });
  }

  async function archiveDepartment(actor: Actor, id: string): Promise<Department> {
    authorize(peoplePolicy, actor, 'department.archive', null);
    return db.transaction().execute(async (tx) => {
      const row = await departmentRow(tx, id);
      if (row.archived_at) throw conflict(`${row.name} is already archived`);
      const archived_at = toIso(clock.now());
      await tx.updateTable('departments').set({ archived_at }).where('id', '=', id).execute();
      const after = toDepartment({ ...row, archived_at });
      await audit.record(tx, actor, {
        action: 'department.archived',
        targetType: 'department',
        targetId: id,
        targetLabel: row.name,
        before: toDepartment(row),
        after,
      });
      return after;
    });
  }

  return { listDepartments, createDepartment, archiveDepartment };
}
