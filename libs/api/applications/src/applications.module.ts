import { Module } from '@nestjs/common';

/** Application assistance: applications, their documents and files, the student's upload link, payments. */
@Module({})
export class ApplicationsModule {}
