export { PrivacyPageController } from './privacy-page.controller';
export { PRIVACY_SCRIPT_PATH } from './privacy.page';
