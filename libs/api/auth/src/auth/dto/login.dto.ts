import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { EMAIL_MAX_LENGTH } from '@advisordesk/shared';

export class LoginDto {
  @ApiProperty({ example: 'admin@advisordesk.local' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'refreshToken is required' })
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiProperty({ required: false, description: 'End this session only; without it every session of the user ends' })
  @Optional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
