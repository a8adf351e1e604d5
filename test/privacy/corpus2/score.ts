// The scoring rules of ../shared/phi-sample/score.mjs, as a function for the regression test (the bench
// runs score.mjs itself): a gold span is found when predictions of any kind cover ≥ 80% of its
// characters; precision is per character; a clean note is a false alarm when anything is predicted.

import type { Corpus2Record, Kind } from './types.ts';

export type Detector = (text: string) => readonly { start: number; end: number; kind: string }[];
export type Score = {
  recall: number;
  precision: number;
  falseAlarms: number;
  perKind: Map<Kind, { gold: number; found: number; recall: number }>;
};

const COVER = 0.8;

export function scoreCorpus(records: readonly Corpus2Record[], detect: Detector): Score {
  let gold = 0;
  let found = 0;
  let predicted = 0;
  let predictedInGold = 0;
  let clean = 0;
  let flagged = 0;
  const perKind = new Map<Kind, { gold: number; found: number; recall: number }>();
  for (const rec of records) {
    const pred = new Uint8Array(rec.text.length);
    for (const p of detect(rec.text)) if (p.end > p.start) pred.fill(1, Math.max(0, p.start), p.end);
    const goldMask = new Uint8Array(rec.text.length);
    for (const s of rec.spans) {
      goldMask.fill(1, s.start, s.end);
      let covered = 0;
      for (let i = s.start; i < s.end; i++) covered += pred[i] ?? 0;
      const row = perKind.get(s.kind) ?? { gold: 0, found: 0, recall: 0 };
      row.gold++;
      gold++;
      if (covered / (s.end - s.start) >= COVER) {
        row.found++;
        found++;
      }
      perKind.set(s.kind, row);
    }
    let any = false;
    for (let i = 0; i < pred.length; i++) {
      if (!pred[i]) continue;
      any = true;
      predicted++;
      if (goldMask[i]) predictedInGold++;
    }
    if (!rec.spans.length) {
      clean++;
      if (any) flagged++;
    }
  }
  for (const row of perKind.values()) row.recall = row.gold ? row.found / row.gold : 0;
  return {
    recall: gold ? found / gold : 0,
    precision: predicted ? predictedInGold / predicted : 0,
    falseAlarms: clean ? flagged / clean : 0,
    perKind,
  };
}
