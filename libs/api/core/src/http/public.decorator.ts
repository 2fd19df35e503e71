import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'advisordesk:isPublic';

/** Marks a route as open without login (the public form, comparison pages, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
