import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsVersion, Nullable, Optional } from '@advisordesk/api-core';
import {
  APPLICATION_LIMITS,
  APPLICATION_STATUSES,
  CHECKLIST_MAX_ITEMS,
  DOCUMENT_KINDS,
  MAX_BUDGET_PAISE,
  NOTE_MAX_LENGTH,
  PAYMENT_KINDS,
  SESSION_PATTERN,
  type AddDocumentBody,
  type ApplicationStatus,
  type ApplicationStatusBody,
  type ChecklistItem,
  type CreateApplicationBody,
  type DocumentKind,
  type PaymentBody,
  type PaymentKind,
  type ReviewDocumentBody,
  type UpdateApplicationBody,
} from '@advisordesk/shared';

const Session = () => Matches(SESSION_PATTERN, { message: 'session must look like 2026-27' });
const Day = (field: string) => IsDateString({ strict: true }, { message: `${field} must be a date like 2026-12-31` });

export class CreateApplicationDto implements CreateApplicationBody {
  @ApiProperty() @IsUUID('all', { message: 'programId must be a program id' }) programId: string;
  @ApiPropertyOptional({ example: '2026-27', description: "default: the session of the program's current fee structure" })
  @Optional()
  @Session()
  session?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @Nullable() @Day('deadline') deadline?: string | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(APPLICATION_LIMITS.universityApplicationNo) universityApplicationNo?: string | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(APPLICATION_LIMITS.note) note?: string | null;
}

export class UpdateApplicationDto implements UpdateApplicationBody {
  @ApiPropertyOptional({ example: '2026-27' }) @Optional() @Session() session?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @Nullable() @Day('deadline') deadline?: string | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(APPLICATION_LIMITS.universityApplicationNo) universityApplicationNo?: string | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(APPLICATION_LIMITS.note) note?: string | null;
  @IsVersion() version: number;
}

export class ApplicationStatusDto implements ApplicationStatusBody {
  @ApiProperty({ enum: APPLICATION_STATUSES })
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of: ${APPLICATION_STATUSES.join(', ')}` })
  status: ApplicationStatus;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(NOTE_MAX_LENGTH) note?: string;
  @IsVersion() version: number;
}

export class ChecklistItemDto implements ChecklistItem {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` })
  kind: DocumentKind;
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(APPLICATION_LIMITS.documentLabel)
  label: string;
  @ApiProperty() @IsBoolean({ message: 'required must be true or false' }) required: boolean;
}

export class AddDocumentDto extends ChecklistItemDto implements AddDocumentBody {}

export class ChecklistDto {
  @ApiProperty({ type: [ChecklistItemDto] })
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(CHECKLIST_MAX_ITEMS, { message: `items: at most ${CHECKLIST_MAX_ITEMS} documents` })
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  items: ChecklistItemDto[];
}

/** A program's checklist: `items: null` goes back to the default. */
export class ProgramChecklistDto {
  @ApiProperty({ type: [ChecklistItemDto], nullable: true })
  @Nullable()
  @IsArray({ message: 'items must be a list (or null for the default)' })
  @ArrayMaxSize(CHECKLIST_MAX_ITEMS, { message: `items: at most ${CHECKLIST_MAX_ITEMS} documents` })
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  items: ChecklistItemDto[] | null;
}

export class ReviewDocumentDto implements ReviewDocumentBody {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'], { message: 'status must be verified or rejected' })
  status: 'verified' | 'rejected';
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(APPLICATION_LIMITS.documentNote) note?: string;
}

export class PaymentDto implements PaymentBody {
  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsIn(PAYMENT_KINDS, { message: `kind must be one of: ${PAYMENT_KINDS.join(', ')}` })
  kind: PaymentKind;
  @ApiProperty({ example: 4_500_000, description: 'paise (₹45,000 = 4500000)' })
  @IsInt({ message: 'amountPaise must be a whole number of paise' })
  @Min(1, { message: 'amountPaise must be more than zero' })
  @Max(MAX_BUDGET_PAISE, { message: 'amountPaise is larger than any fee' })
  amountPaise: number;
  @ApiProperty({ example: '2026-11-30' }) @Day('paidAt') paidAt: string;
  @ApiProperty({ example: 'UTR 4321 0987 6543' })
  @IsString()
  @IsNotEmpty({ message: 'reference must not be empty: the transaction or receipt number' })
  @MaxLength(APPLICATION_LIMITS.paymentReference)
  reference: string;
}
