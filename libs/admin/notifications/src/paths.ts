/** Where "My notifications" lives (the header's user menu and the bell's footer open it). */
export const MY_NOTIFICATIONS_PATH = '/me/notifications';
