import type { ThemeConfig } from 'antd';
import { BRAND } from '@advisordesk/admin-ui';

/** The sticky header's height: toasts and the connection banner sit below it. */
export const HEADER_HEIGHT = 56;

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.ink,
    colorInfo: BRAND.ink,
    // Set by hand: derived from these dark seeds, the info and success backgrounds come out grey.
    colorInfoBg: '#eef4fa',
    colorInfoBorder: '#c9dbea',
    colorSuccess: '#2e7d5b',
    colorSuccessBg: '#eef7f1',
    colorSuccessBorder: '#b9dcc7',
    colorWarning: '#b7791f',
    colorError: '#c0392b',
    colorLink: BRAND.ink,
    colorBgLayout: BRAND.canvas,
    colorTextBase: '#1d2733',
    borderRadius: 8,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans Devanagari', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: HEADER_HEIGHT, headerPadding: '0 16px' },
    Menu: { itemBorderRadius: 6, itemSelectedBg: '#e6eef6', itemSelectedColor: BRAND.ink },
    // Selected rows (bulk actions): derived from the dark ink they come out grey, like the info background.
    Table: { headerBg: '#f7f9fb', rowSelectedBg: '#eef4fa', rowSelectedHoverBg: '#e2ecf6' },
    Card: { headerFontSize: 15 },
  },
};
