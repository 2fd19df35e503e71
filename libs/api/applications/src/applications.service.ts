import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APPLICATION_PIPELINE,
  checkApplicationMove,
  LEAD_STATUS_FOR_APPLICATION,
  type ApplicationStatus,
  type ApplicationView as ApplicationWire,
  type StageMoveRefusal,
} from '@advisordesk/shared';
import {
  AppError,
  errorOnField,
  fetchPage,
  fieldError,
  isUniqueViolation,
  parseListQuery,
  queryAffected,
  queryMaybeOne,
  queryRows,
  setClauses,
  type ErrorCode,
  type Page,
  type Queryable,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { advanceLeadTo, leadVisibility, staleVersionError, LeadsService, limitToVisibleLeads, recordActivity } from '@advisordesk/api-leads';
import { APPLICATION_ACCESS_COLUMNS, APPLICATION_ACCESS_FROM, APPLICATION_COLUMNS, APPLICATION_FROM, APPLICATION_LIST } from './applications.sql';
import { ApplicationErrors } from './applications.errors';
import { ChecklistsService } from './checklists/checklists.service';
import type { ApplicationStatusDto, CreateApplicationDto, UpdateApplicationDto } from './dto/applications.dto';

export type ApplicationView = ApplicationWire<Date>;

/** What every action on an application checks first: the application, through its lead's access. */
export interface ApplicationAccess {
  id: string;
  leadId: string;
  status: ApplicationStatus;
  version: number;
  /** "Program, University", as the timeline names it. */
  program: string;
  programName: string;
  universityName: string;
}

const REFUSALS: Record<Exclude<StageMoveRefusal, 'lost_needs_reason'>, ErrorCode> = {
  same_status: ApplicationErrors.sameStatus,
  enrolled_is_final: ApplicationErrors.enrolledIsFinal,
  backward_needs_manager: ApplicationErrors.backwardNeedsManager,
  reopen_needs_manager: ApplicationErrors.reopenNeedsManager,
};

const EDITABLE = ['session', 'deadline', 'universityApplicationNo', 'note'] as const;

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly checklists: ChecklistsService,
  ) {}

  /** The applications the user may see (an advisor: those of their leads), erased people's left out. */
  list(user: AuthUser, query: Record<string, unknown>): Promise<Page<ApplicationView>> {
    const list = limitToVisibleLeads(parseListQuery(query, APPLICATION_LIST), user);
    list.where.push('l.erased_at IS NULL');
    return fetchPage<ApplicationView>(this.dataSource, APPLICATION_COLUMNS, APPLICATION_FROM, list);
  }

  async get(user: AuthUser, id: string, db: Queryable = this.dataSource): Promise<ApplicationView> {
    const visibility = leadVisibility(user, 2);
    const row = await queryMaybeOne<ApplicationView>(
      db,
      `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.id = $1 AND l.erased_at IS NULL AND ${visibility.sql}`,
      [id, ...visibility.params],
    );
    if (!row) throw new AppError(ApplicationErrors.notFound);
    return row;
  }

  /**
   * 404 unless the user may see the application's lead (an advisor's request for another advisor's
   * application is the same 404 as an unknown id); 410 once the lead was erased, for a change.
   * `lock` takes the row for the rest of the transaction.
   */
  async access(
    user: AuthUser,
    id: string,
    db: Queryable = this.dataSource,
    options: { write?: boolean; lock?: boolean } = {},
  ): Promise<ApplicationAccess> {
    const visibility = leadVisibility(user, 2);
    const row = await queryMaybeOne<ApplicationAccess & { erased: boolean }>(
      db,
      `SELECT ${APPLICATION_ACCESS_COLUMNS}, l.erased_at IS NOT NULL AS erased FROM ${APPLICATION_ACCESS_FROM}
        WHERE a.id = $1 AND ${visibility.sql} ${options.lock ? 'FOR UPDATE OF a' : ''}`,
      [id, ...visibility.params],
    );
    if (!row) throw new AppError(ApplicationErrors.notFound);
    if (row.erased) throw new AppError(options.write ? ApplicationErrors.leadErased : ApplicationErrors.notFound);
    return row;
  }

  /**
   * Starts an application from a program (in one click from the shortlist): the session defaults to
   * the program's current fee structure's, and the document checklist is the program's own or the
   * default, copied so a later change of the checklist does not rewrite this one.
   */
  async create(user: AuthUser, leadId: string, body: CreateApplicationDto): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      await this.leads.assertWritable(user, leadId, manager);
      const program = await queryMaybeOne<{ name: string; universityName: string; session: string | null }>(
        manager,
        `SELECT p.name, u.name AS "universityName",
                (SELECT f.session FROM fee_structures f WHERE f.program_id = p.id AND f.is_current ORDER BY f.session DESC LIMIT 1) AS session
           FROM programs p JOIN universities u ON u.id = p.university_id WHERE p.id = $1`,
        [body.programId],
      );
      if (!program) throw fieldError('programId', 'programId must be an existing program');
      const session = body.session ?? program.session;
      if (!session) throw errorOnField(ApplicationErrors.noCurrentFee, 'session');
      const [created] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO applications (lead_id, program_id, session, deadline, university_application_no, note, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (lead_id, program_id, session) DO NOTHING RETURNING id`,
        [leadId, body.programId, session, body.deadline ?? null, body.universityApplicationNo?.trim() || null, body.note?.trim() || null, user.id],
      );
      if (!created) throw new AppError(ApplicationErrors.alreadyApplied);
      const items = await this.checklists.itemsFor(manager, body.programId);
      await manager.query(
        `INSERT INTO application_documents (application_id, position, kind, label, required)
         SELECT $1, i.n - 1, i.e->>'kind', i.e->>'label', (i.e->>'required')::boolean FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS i(e, n)`,
        [created.id, JSON.stringify(items)],
      );
      await recordActivity(manager, leadId, 'application', user.id, {
        action: 'created',
        applicationId: created.id,
        program: `${program.name}, ${program.universityName}`,
        session,
      });
      return this.get(user, created.id, manager);
    });
  }

  /** Session, deadline, the university's application number, the note; on the version the user read. */
  async update(user: AuthUser, id: string, body: UpdateApplicationDto): Promise<ApplicationView> {
    return this.dataSource
      .transaction(async (manager) => {
        await this.access(user, id, manager, { write: true });
        const params: unknown[] = [id, body.version, user.id];
        // An emptied text is no value.
        const values: Record<string, unknown> = { ...body };
        for (const field of ['universityApplicationNo', 'note'])
          if (typeof values[field] === 'string' && !(values[field] as string).trim()) values[field] = null;
        const sets = setClauses(EDITABLE, values, params);
        const changed = await queryAffected(
          manager,
          `UPDATE applications SET ${[...sets, 'version = version + 1', 'updated_at = now()', 'updated_by = $3'].join(', ')} WHERE id = $1 AND version = $2`,
          params,
        );
        if (changed !== 1) throw await this.staleVersion(user, id, manager);
        return this.get(user, id, manager);
      })
      .catch((error) => {
        if (isUniqueViolation(error)) throw errorOnField(ApplicationErrors.alreadyApplied, 'session');
        throw error;
      });
  }

  /**
   * Moves an application under the pipeline rules (`checkApplicationMove`), on the version the user
   * read; the lead follows its furthest application forward (submitted → applied, offer → admitted,
   * enrolled → enrolled) and never back. Both on the lead's timeline.
   */
  async changeStatus(user: AuthUser, id: string, body: ApplicationStatusDto): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.access(user, id, manager, { write: true, lock: true });
      if (current.version !== body.version) throw await this.staleVersion(user, id, manager);
      const verdict = checkApplicationMove(current.status, body.status, user.role);
      if (!verdict.allowed) throw new AppError(REFUSALS[verdict.reason as keyof typeof REFUSALS]);
      const changed = await queryAffected(
        manager,
        `UPDATE applications SET status = $3, version = version + 1, updated_at = now(), updated_by = $4,
                max_stage = GREATEST(max_stage, COALESCE(array_position($5::text[], $3) - 1, 0))
          WHERE id = $1 AND version = $2`,
        [id, body.version, body.status, user.id, APPLICATION_PIPELINE],
      );
      if (changed !== 1) throw await this.staleVersion(user, id, manager);
      await recordActivity(manager, current.leadId, 'application', user.id, {
        action: 'status',
        applicationId: id,
        program: current.program,
        from: current.status,
        to: body.status,
        ...(body.note?.trim() ? { note: body.note.trim() } : {}),
      });
      const leadStatus = LEAD_STATUS_FOR_APPLICATION[body.status];
      if (leadStatus && leadStatus !== 'lost') {
        await advanceLeadTo(manager, current.leadId, leadStatus, user.id, { via: 'application', applicationId: id, program: current.program });
      }
      return this.get(user, id, manager);
    });
  }

  /** The 409 for a change made on an old version, saying who changed the application last and when. */
  private staleVersion(user: AuthUser, id: string, db: EntityManager): Promise<AppError> {
    return staleVersionError(db, 'applications', id, user, ApplicationErrors);
  }
}
