import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowState,
  type Rect,
} from '../../../src/main/electron/window-state.js';

const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

describe('parseWindowState', () => {
  it('accepts a complete state and rounds numbers', () => {
    expect(parseWindowState({ x: 10.4, y: 20.6, width: 1000, height: 700, maximized: true })).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('keeps a position only when both coordinates are valid', () => {
    expect(parseWindowState({ x: 10, width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false });
    expect(parseWindowState({ x: 10, y: 'top', width: 1000, height: 700 })).not.toHaveProperty('x');
  });

  it('rejects malformed values', () => {
    for (const bad of [null, 42, 'x', [], {}, { width: 0, height: 10 }, { width: 10, height: -1 }, { width: Infinity, height: 10 }, { width: '800', height: 600 }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });

  it('treats anything but true as not maximized', () => {
    expect(parseWindowState({ width: 900, height: 600, maximized: 'yes' })?.maximized).toBe(false);
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    const s = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(clampToDisplays(s, [PRIMARY])).toEqual(s);
  });

  it('drops the position when the display it was on is gone', () => {
    const s = { x: 2100, y: 100, width: 1000, height: 700, maximized: true };
    expect(clampToDisplays(s, [PRIMARY])).toEqual({ width: 1000, height: 700, maximized: true });
  });

  it('keeps a window on a second display and fits it inside that display', () => {
    const s = { x: 2000, y: 100, width: 1600, height: 1200, maximized: false };
    expect(clampToDisplays(s, [PRIMARY, RIGHT])).toEqual({ x: 1920, y: 0, width: 1280, height: 984, maximized: false });
  });

  it('moves a partly off-screen window back inside its display', () => {
    const s = { x: 1500, y: -50, width: 800, height: 600, maximized: false };
    expect(clampToDisplays(s, [PRIMARY])).toEqual({ x: 1120, y: 0, width: 800, height: 600, maximized: false });
  });

  it('drops the position when only a sliver would be visible', () => {
    const s = { x: 1900, y: 100, width: 800, height: 600, maximized: false };
    expect(clampToDisplays(s, [PRIMARY])).not.toHaveProperty('x');
  });

  it('caps the size to the display and floors it at the minimum', () => {
    expect(clampToDisplays({ width: 5000, height: 4000, maximized: false }, [PRIMARY])).toEqual({
      width: 1920,
      height: 1040,
      maximized: false,
    });
    expect(clampToDisplays({ width: 100, height: 100, maximized: false }, [PRIMARY])).toEqual({
      ...MIN_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('copes with no displays at all', () => {
    expect(clampToDisplays({ x: 5, y: 5, width: 100, height: 900, maximized: false }, [])).toEqual({
      width: MIN_WINDOW_SIZE.width,
      height: 900,
      maximized: false,
    });
  });
});

describe('load and save', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-winstate-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a state and leaves no temporary file', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    const state = { x: 1, y: 2, width: 1024, height: 768, maximized: true };
    expect(saveWindowState(file, state)).toBe(true);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('gives the default for a missing or damaged file', () => {
    expect(loadWindowState(path.join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const file = path.join(dir, 'window-state.json');
    fs.writeFileSync(file, '{"width": 10');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(file, '{"width": "wide", "height": 10}');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reports failure instead of throwing when the folder cannot be written', () => {
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    expect(saveWindowState(path.join(blocker, 'window-state.json'), DEFAULT_WINDOW_STATE)).toBe(false);
  });
});
