import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { DATA_REQUEST_NOTE_MAX_LENGTH, VERIFICATION_CODE_LENGTH } from '@advisordesk/shared';

/** `{code}` (the code the guardian read back) or `{call: true, note}` (staff called the guardian). */
export class GuardianVerifyDto {
  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((body: GuardianVerifyDto) => body.call === undefined || body.code !== undefined)
  @IsString({ message: 'code must be text: the code the guardian received, or send {call: true, note}' })
  @Matches(new RegExp(`^\\s*\\d{${VERIFICATION_CODE_LENGTH}}\\s*$`), {
    message: `code must be the ${VERIFICATION_CODE_LENGTH} digits sent to the guardian`,
  })
  code?: string;

  @ApiPropertyOptional({ description: 'true: staff called the guardian, who agreed (note says how)' })
  @Optional()
  @Equals(true, { message: 'call must be true (or leave it out and send the code)' })
  call?: true;

  @ApiPropertyOptional()
  @ValidateIf((body: GuardianVerifyDto) => body.call !== undefined || body.note !== undefined)
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required with a call: whom you spoke to and what they agreed to' })
  @MaxLength(DATA_REQUEST_NOTE_MAX_LENGTH, { message: `note must be at most ${DATA_REQUEST_NOTE_MAX_LENGTH} characters` })
  note?: string;
}
