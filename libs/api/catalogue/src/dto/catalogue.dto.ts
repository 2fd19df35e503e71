import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsVersion, Optional, Nullable } from '@advisordesk/api-core';
import {
  APPROVALS,
  CREDENTIAL_TYPES,
  LEAD_MODES,
  NAAC_GRADES,
  OWNERSHIPS,
  PROGRAM_LEVELS,
  SESSION_PATTERN,
  type CatalogueImportBody,
} from '@advisordesk/shared';

const MAX_FEE_PAISE = 1_00_00_000_00; // ₹1 crore for one component

export class UniversityDto {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name: string;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(100) state?: string | null;
  @ApiPropertyOptional({ enum: OWNERSHIPS })
  @Nullable()
  @IsIn(OWNERSHIPS, { message: `ownership must be one of: ${OWNERSHIPS.join(', ')}` })
  ownership?: string | null;
  @ApiPropertyOptional({ enum: APPROVALS, isArray: true })
  @Optional()
  @IsArray({ message: 'approvals must be a list' })
  @IsIn(APPROVALS, { each: true, message: `approvals must be from: ${APPROVALS.join(', ')}` })
  approvals?: string[];
  @ApiPropertyOptional({ enum: NAAC_GRADES })
  @Nullable()
  @IsIn(NAAC_GRADES, { message: `naacGrade must be one of: ${NAAC_GRADES.join(', ')}` })
  naacGrade?: string | null;
  @ApiPropertyOptional() @Nullable() @IsInt({ message: 'nirfRank must be a whole number' }) @Min(1) @Max(2000) nirfRank?: number | null;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(100) nirfCategory?: string | null;
  @ApiPropertyOptional() @Nullable() @IsInt({ message: 'nirfYear must be a year' }) @Min(2016) @Max(2100) nirfYear?: number | null;
  @ApiPropertyOptional() @Nullable() @IsUrl({ require_protocol: true }, { message: 'website must be an http(s) address' }) @MaxLength(500) website?:
    string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}

export class UpdateUniversityDto extends PartialType(UniversityDto, { skipNullProperties: false }) {
  @IsVersion() version: number;
}

export class ProgramDto {
  @ApiProperty() @IsUUID('all', { message: 'universityId must be a university id' }) universityId: string;
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name: string;
  @ApiProperty({ enum: PROGRAM_LEVELS }) @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` }) level: string;
  @ApiPropertyOptional({ enum: CREDENTIAL_TYPES })
  @Nullable()
  @IsIn(CREDENTIAL_TYPES, { message: `credentialType must be one of: ${CREDENTIAL_TYPES.join(', ')}` })
  credentialType?: string | null;
  @ApiPropertyOptional({ enum: LEAD_MODES }) @Nullable() @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` }) mode?:
    string | null;
  @ApiPropertyOptional() @Nullable() @IsInt({ message: 'durationMonths must be a whole number' }) @Min(1) @Max(120) durationMonths?: number | null;
  @ApiPropertyOptional() @Nullable() @IsInt({ message: 'credits must be a whole number' }) @Min(0) @Max(1000) credits?: number | null;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'stackable must be true or false' }) stackable?: boolean;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(2000) eligibility?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray({ message: 'specialisations must be a list' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  specialisations?: string[];
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}

export class UpdateProgramDto extends PartialType(ProgramDto, { skipNullProperties: false }) {
  @IsVersion() version: number;
}

export class FeeComponentDto {
  @ApiProperty({ example: 'Semester 1 tuition' }) @IsString() @IsNotEmpty({ message: 'label is required' }) @MaxLength(120) label: string;
  @ApiProperty({ description: 'integer paise', example: 4375000 })
  @IsInt({ message: 'amountPaise must be a whole number of paise' })
  @Min(0, { message: 'amountPaise must not be negative' })
  @Max(MAX_FEE_PAISE, { message: 'amountPaise is too large' })
  amountPaise: number;
  @ApiPropertyOptional({ example: 'at admission' }) @Optional() @IsString() @MaxLength(120) due?: string;
}

export class FeeStructureDto {
  @ApiProperty() @IsUUID('all', { message: 'programId must be a program id' }) programId: string;
  @ApiProperty({ example: '2026-27' }) @Matches(SESSION_PATTERN, { message: 'session must look like 2026-27' }) session: string;
  @ApiProperty({ type: [FeeComponentDto] })
  @IsArray({ message: 'components must be a list' })
  @ArrayMinSize(1, { message: 'components must have at least one fee' })
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => FeeComponentDto)
  components: FeeComponentDto[];
  @ApiPropertyOptional({ description: 'optional; if given it must equal the sum of the components' })
  @Optional()
  @IsInt({ message: 'totalPaise must be a whole number of paise' })
  @Min(0)
  totalPaise?: number;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'emiAvailable must be true or false' }) emiAvailable?: boolean;
  @ApiPropertyOptional() @Nullable() @IsString() @MaxLength(2000) scholarshipNotes?: string | null;
  @ApiPropertyOptional({ example: '2026-04-01' })
  @Nullable()
  @IsDateString({ strict: true }, { message: 'validFrom must be a date like 2026-04-01' })
  validFrom?: string | null;
  @ApiPropertyOptional({ example: '2027-03-31' })
  @Nullable()
  @IsDateString({ strict: true }, { message: 'validTo must be a date like 2027-03-31' })
  validTo?: string | null;
}

/** A fee structure's figures and dates, edited in place (its program and session stay). */
export class UpdateFeeStructureDto extends PartialType(OmitType(FeeStructureDto, ['programId', 'session'] as const), { skipNullProperties: false }) {
  @IsVersion() version: number;
}

export class CatalogueImportDto implements CatalogueImportBody {
  @ApiPropertyOptional({ description: 'universities.csv as text' }) @Optional() @IsString() @MaxLength(2_000_000) universities?: string;
  @ApiPropertyOptional({ description: 'programs.csv as text (fee components in `label:amount_inr;…`)' })
  @Optional()
  @IsString()
  @MaxLength(4_000_000)
  programs?: string;
  @ApiPropertyOptional({ description: 'session for rows without one', example: '2026-27' })
  @Optional()
  @Matches(SESSION_PATTERN, { message: 'defaultSession must look like 2026-27' })
  defaultSession?: string;
  @ApiPropertyOptional({ description: 'true: report what would change and every bad row, write nothing' })
  @Optional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
  @ApiPropertyOptional({ description: "when the file was made (ISO time; default: now, the upload's time)", example: '2026-11-20T10:00:00Z' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'asOf must be a date and time, like 2026-11-20T10:00:00Z' })
  asOf?: string;
  @ApiPropertyOptional({ description: 'true: replace fee structures edited in the panel after asOf (otherwise 409)' })
  @Optional()
  @IsBoolean({ message: 'overwriteEditedSince must be true or false' })
  overwriteEditedSince?: boolean;
}
