// Helpers for the k-anonymity attack tests: a lead's raw view of the API (JSON read loosely, so an
// attack reads whatever shape the API has), the worker's own cron, and weeks on a fixed calendar.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import { weekStart } from '../../shared/cost';
import worker from '../../worker/index';
import { setClock } from '../../worker/lib/clock';
import { api } from '../worker/helpers';

export const K = 3; // the default setting

/** Monday 2026-03-02 00:00 UTC is week `BASE_WEEK`; `at(w, d, h)` is day d, hour h of week BASE_WEEK + w. */
export const BASE_WEEK = 2930;
export const at = (week: number, day = 1, hour = 10, minute = 0) =>
  weekStart(BASE_WEEK + week) + day * 86_400_000 + hour * 3_600_000 + minute * 60_000;
/** A calendar day (YYYY-MM-DD) of week BASE_WEEK + w. */
export const dayOf = (week: number, day = 1) => new Date(at(week, day)).toISOString().slice(0, 10);

// biome-ignore lint/suspicious/noExplicitAny: attacks read the API's JSON whatever its shape
export type Json = any;

export async function getJson(token: string, path: string): Promise<Json> {
  const res = await api(path, { token });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(200);
  return path.includes('.csv') ? text : JSON.parse(text);
}

/** Runs the Worker's scheduled handler at `when`, as the rollup cron trigger would. */
export async function runCron(when: number, cron = '* * * * *') {
  setClock(() => when);
  const controller = createScheduledController({ scheduledTime: new Date(when), cron });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Letters only: a run of digits could read as a record number to the identifier check. */
export function tag(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** Numbers a cell shows: a number, or nothing when the cell is held back. */
export const shownFlags = (cell: Json): number => (typeof cell?.flags === 'number' ? cell.flags : 0);
export const shownMinutes = (cell: Json): number =>
  typeof cell?.minutesPerWeek === 'number' ? cell.minutesPerWeek : 0;
