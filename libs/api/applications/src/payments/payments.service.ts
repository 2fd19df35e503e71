import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { istDate, type PaymentView as PaymentWire } from '@advisordesk/shared';
import { AppError, fieldError, queryMaybeOne, queryOne, queryRows, type Queryable } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { recordActivity } from '@advisordesk/api-leads';
import { ApplicationErrors } from '../applications.errors';
import { ApplicationsService } from '../applications.service';
import type { PaymentDto } from '../dto/applications.dto';

export type PaymentView = PaymentWire<Date>;

const PAYMENT_COLUMNS = `pm.id, pm.application_id AS "applicationId", pm.kind, pm.amount_paise AS "amountPaise", to_char(pm.paid_at, 'YYYY-MM-DD') AS "paidAt",
  pm.reference, pm.recorded_by AS "recordedById", r.name AS "recordedByName", pm.created_at AS "createdAt"`;
const PAYMENT_FROM = `payments pm LEFT JOIN users r ON r.id = pm.recorded_by`;

/** Application fees, tuition and other payments a student made: amounts in paise, the day paid (India), the reference. */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
  ) {}

  async list(user: AuthUser, applicationId: string): Promise<PaymentView[]> {
    await this.applications.access(user, applicationId);
    return queryRows<PaymentView>(
      this.dataSource,
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE pm.application_id = $1 ORDER BY pm.paid_at, pm.created_at`,
      [applicationId],
    );
  }

  async add(user: AuthUser, applicationId: string, body: PaymentDto): Promise<PaymentView> {
    if (body.paidAt > istDate()) throw fieldError('paidAt', 'paidAt must not be in the future');
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.access(user, applicationId, manager, { write: true });
      const { id } = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO payments (application_id, kind, amount_paise, paid_at, reference, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [applicationId, body.kind, body.amountPaise, body.paidAt, body.reference.trim(), user.id],
      );
      await recordActivity(manager, application.leadId, 'application', user.id, {
        action: 'payment',
        applicationId,
        program: application.program,
        kind: body.kind,
        amountPaise: body.amountPaise,
        paidAt: body.paidAt,
      });
      return this.one(manager, applicationId, id);
    });
  }

  /** A payment entered by mistake (managers): gone from the totals, its removal on the timeline. */
  async remove(user: AuthUser, applicationId: string, paymentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.access(user, applicationId, manager, { write: true });
      const [removed] = await queryRows<{ kind: string; amountPaise: number }>(
        manager,
        `DELETE FROM payments WHERE id = $1 AND application_id = $2 RETURNING kind, amount_paise AS "amountPaise"`,
        [paymentId, applicationId],
      );
      if (!removed) throw new AppError(ApplicationErrors.paymentNotFound);
      await recordActivity(manager, application.leadId, 'application', user.id, {
        action: 'payment_removed',
        applicationId,
        program: application.program,
        kind: removed.kind,
        amountPaise: removed.amountPaise,
      });
    });
  }

  private async one(db: Queryable, applicationId: string, id: string): Promise<PaymentView> {
    const row = await queryMaybeOne<PaymentView>(db, `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE pm.id = $1 AND pm.application_id = $2`, [
      id,
      applicationId,
    ]);
    if (!row) throw new AppError(ApplicationErrors.paymentNotFound);
    return row;
  }
}
