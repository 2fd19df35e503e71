import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMobilePhone, Nullable, Optional } from '@advisordesk/api-core';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type CreateUserBody,
  type Role,
  type UpdateUserBody,
} from '@advisordesk/shared';

export class CreateUserDto implements CreateUserBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(NAME_MAX_LENGTH)
  name: string;

  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ nullable: true, description: 'mobile number (stored as E.164); students of this advisor see it on comparison pages' })
  @Nullable()
  @IsString({ message: 'phone must be text' })
  @IsMobilePhone()
  phone?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

/** Any of a user's fields (none but the phone may be null). */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) implements UpdateUserBody {}
