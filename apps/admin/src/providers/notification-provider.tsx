import { createElement, Fragment } from 'react';
import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';

/** The countdown of an undoable change, with its antd Progress, loaded the first time one is shown. */
const loadUndoNotice = () => import('../components/undo-notice');

/**
 * Refine's notices through antd's `App` (as `useNotificationProvider` of @refinedev/antd does),
 * except that the countdown of an undoable change loads when first shown: Refine's own draws a
 * circular Progress, which would otherwise come with every screen though no change of the panel
 * is undoable today.
 */
export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type, cancelMutation, undoableTimeout }) => {
      if (type !== 'progress') {
        notification.open({ key, description: message, message: description ?? null, type });
        return;
      }
      void loadUndoNotice().then(({ UndoNotice }) =>
        notification.open({
          key,
          description: createElement(UndoNotice, {
            message,
            undoableTimeout,
            cancelMutation: () => {
              cancelMutation?.();
              notification.destroy(key ?? '');
            },
          }),
          message: null,
          duration: 0,
          closeIcon: createElement(Fragment),
        }),
      );
    },
    close: (key) => notification.destroy(key),
  };
}
