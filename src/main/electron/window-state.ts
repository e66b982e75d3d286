/**
 * Remembered size, position and maximized state of the main window.
 *
 * The pure parts (parse, clamp) take plain rectangles so they are tested without Electron; the
 * two file helpers use node:fs only. window.ts feeds them Electron's displays and bounds; the
 * file is `dataPaths(dataDir).windowState` (services/paths.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

/** A rectangle in screen coordinates (the shape of Electron's Rectangle). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What is remembered. `x`/`y` are absent when the window should be centred by the OS (first run,
 * or when the remembered place is on a display that is no longer attached).
 */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The smallest window the editor lays out sensibly in; BrowserWindow gets it as minWidth/minHeight. */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

/** First-run state: a comfortable drafting size, centred, not maximized. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

/** How much of the window (title bar included) must overlap a display for its place to be kept. */
const MIN_VISIBLE = 64;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Validates a parsed JSON value as a WindowState. Returns null for anything malformed (wrong
 * types, non-finite or non-positive sizes) so a damaged file never produces a broken window;
 * a position is kept only when both coordinates are valid.
 */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!isFiniteNumber(r.width) || !isFiniteNumber(r.height)) return null;
  if (r.width <= 0 || r.height <= 0) return null;
  const state: WindowState = {
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: r.maximized === true,
  };
  if (isFiniteNumber(r.x) && isFiniteNumber(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clampNumber(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}

/**
 * Fits a remembered state onto the displays attached now (their work areas, primary first).
 *
 * - No displays: the state is returned with its size floored at MIN_WINDOW_SIZE.
 * - The size is capped to the chosen display's work area and floored at MIN_WINDOW_SIZE.
 * - A position is kept only if the window overlaps some display by at least 64×64 px; it is then
 *   moved so the whole window lies inside that display's work area. Otherwise the position is
 *   dropped (the window opens centred on the primary display).
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const floor = (w: number, h: number) => ({
    width: Math.max(MIN_WINDOW_SIZE.width, w),
    height: Math.max(MIN_WINDOW_SIZE.height, h),
  });
  const primary = workAreas[0];
  if (!primary) return { ...floor(state.width, state.height), maximized: state.maximized };

  let target: Rect | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const rect: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(rect, area);
      const score = o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE ? o.width * o.height : 0;
      if (score > best) {
        best = score;
        target = area;
      }
    }
  }
  const area = target ?? primary;
  const width = Math.min(floor(state.width, state.height).width, area.width);
  const height = Math.min(floor(state.width, state.height).height, area.height);
  const out: WindowState = { width, height, maximized: state.maximized };
  if (target && state.x !== undefined && state.y !== undefined) {
    out.x = clampNumber(state.x, area.x, area.x + area.width - width);
    out.y = clampNumber(state.y, area.y, area.y + area.height - height);
  }
  return out;
}

/**
 * Reads the state file. Missing, unreadable or malformed files give DEFAULT_WINDOW_STATE: the
 * window state is a convenience and must never stop the app from opening.
 */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed ?? { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Writes the state atomically (temporary file in the same folder, then rename), so a crash in
 * the middle of a write leaves the previous state rather than half a JSON file. Errors are
 * swallowed and reported as `false`: losing the window size is not worth an error dialog.
 */
export function saveWindowState(file: string, state: WindowState): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', 'utf8');
    fs.renameSync(tmp, file);
    return true;
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the temporary file is harmless.
    }
    return false;
  }
}
