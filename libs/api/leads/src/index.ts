export * from './leads.module';
export * from './leads.service';
export * from './timeline.service';
export * from './activity';
export * from './lead.view';
export * from './lead-list';
export * from './lead-access';
export * from './reference';
