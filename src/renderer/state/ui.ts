/**
 * The window's own preferences and messages: theme and zoom (kept in localStorage), which side
 * panel shows, and the toast that reports what a command did or why it failed.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { errorMessage } from '../i18n/index.js';

/** The side panel's tabs. */
export type Panel = 'outline' | 'library' | 'matches' | 'negotiation' | 'notes' | 'versions' | 'checks' | 'document';

/** The tabs in order. */
export const PANELS: Panel[] = ['outline', 'library', 'matches', 'negotiation', 'notes', 'versions', 'checks', 'document'];

/** A toast: a message, shown for a few seconds (longer for an error). */
export interface Toast {
  text: string;
  error: boolean;
}

/** Theme, zoom and the side panel. */
export function useUiPrefs() {
  const [theme, setTheme] = useState<'light' | 'dark'>(() => (localStorage.getItem('plenary-theme') === 'dark' ? 'dark' : 'light'));
  const [zoom, setZoom] = useState(() => Number(localStorage.getItem('plenary-zoom')) || 1);
  const [panel, setPanel] = useState<Panel>('outline');
  const [panelOpen, setPanelOpen] = useState(true);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('plenary-theme', theme);
  }, [theme]);
  useEffect(() => {
    localStorage.setItem('plenary-zoom', String(zoom));
  }, [zoom]);
  const showPanel = useCallback((p: Panel) => {
    setPanelOpen(true);
    setPanel(p);
  }, []);
  return { theme, setTheme, zoom, setZoom, panel, setPanel, panelOpen, setPanelOpen, showPanel };
}

/** The toast, `notify` to show one and `report` to show an error's message. */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const notify = useCallback((text: string, error = false) => {
    setToast({ text, error });
    window.setTimeout(() => setToast((t) => (t?.text === text ? null : t)), error ? 9000 : 3500);
  }, []);
  const report = useCallback((e: unknown) => notify(e instanceof ApiError || e instanceof Error ? errorMessage(e) : String(e), true), [notify]);
  return { toast, dismiss: () => setToast(null), notify, report };
}
