import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canShareViews, savedViewResourcesFor, type CreateSavedViewBody, type SavedView, type SavedViewResource } from '@advisordesk/shared';
import { AppError, errorOnField, isUniqueViolation, queryAffected, queryOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { checkSavedViewQuery } from './saved-view-query';
import { SavedViewErrors } from './saved-views.errors';

const VIEW_COLUMNS = `v.id, v.name, v.resource, v.query, v.shared, v.user_id AS "ownerId", u.name AS "ownerName", (v.user_id = $1) AS mine`;

/** Saved views of a list: everyone's own, and the ones managers and admins share with everyone. */
@Injectable()
export class SavedViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user's own views of the list and the shared ones, by name (saved_views_visible_idx). */
  list(user: AuthUser, resource: SavedViewResource): Promise<SavedView[]> {
    this.checkList(user, resource);
    return queryRows<SavedView>(
      this.dataSource,
      `SELECT ${VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.user_id
        WHERE v.resource = $2 AND (v.user_id = $1 OR v.shared)
        ORDER BY (v.user_id = $1) DESC, lower(v.name), v.id`,
      [user.id, resource],
    );
  }

  async create(user: AuthUser, body: CreateSavedViewBody): Promise<SavedView> {
    this.checkList(user, body.resource);
    if (body.shared && !canShareViews(user.role)) throw errorOnField(SavedViewErrors.shareForManagers, 'shared');
    const name = body.name.trim();
    if (!name) throw errorOnField(SavedViewErrors.nameTaken, 'name', 'name must not be blank');
    const query = checkSavedViewQuery(body.resource, body.query);
    try {
      const { id } = await queryOne<{ id: string }>(
        this.dataSource,
        `INSERT INTO saved_views (user_id, name, resource, query, shared) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.id, name, body.resource, query, body.shared ?? false],
      );
      return await queryOne<SavedView>(
        this.dataSource,
        `SELECT ${VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.user_id WHERE v.id = $2`,
        [user.id, id],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw errorOnField(SavedViewErrors.nameTaken, 'name');
      throw error;
    }
  }

  /** The owner deletes their view; those who may share also delete a shared one. Anything else is as if it did not exist. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const deleted = await queryAffected(
      this.dataSource,
      `DELETE FROM saved_views WHERE id = $1 AND resource = ANY($4::text[]) AND (user_id = $2 OR (shared AND $3))`,
      [id, user.id, canShareViews(user.role), savedViewResourcesFor(user.role)],
    );
    if (deleted === 0) throw new AppError(SavedViewErrors.notFound);
  }

  private checkList(user: AuthUser, resource: SavedViewResource): void {
    if (!savedViewResourcesFor(user.role).includes(resource)) throw errorOnField(SavedViewErrors.notYourList, 'resource');
  }
}
