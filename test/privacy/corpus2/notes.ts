// Note shapes for corpus2: a free-text complaint or question, a handover list, bullet points, a census
// line, an SMS-like message. Identifier notes put one target kind (and sometimes others) into a shape;
// clean notes fill the same shapes with clinical vocabulary only.

import { person } from './names.ts';
import type { Rand } from './rand.ts';
import { KINDS, type Kind, type Seg, t, v } from './types.ts';
import { ageSegs, dateSegs, MAKERS, mrnSegs, nameForm } from './values.ts';
import {
  AGES_UNDER_90,
  CODES,
  COMPLAINTS,
  DEVICES,
  DOSES,
  DRUGS,
  EPONYMS,
  FREQ,
  LABS,
  QUESTIONS,
  ROLES,
  ROOMS,
  ROUTES,
  TIMES,
  TRAPS,
  VITALS,
  WARDS,
} from './vocab.ts';

/** One clinical sentence: the words a detector must leave alone. */
export function clinical(r: Rand): string {
  const drug = () => `${r.one(DRUGS)} ${r.one(DOSES)} ${r.one(ROUTES)} ${r.one(FREQ)}`;
  return r.one([
    () => `${r.one(COMPLAINTS)} when I order ${drug()}`,
    () => `${r.one(LABS)()}, ${r.one(LABS)()} and ${r.one(VITALS)} at ${r.one(TIMES)}`,
    () => `hx of ${r.one(EPONYMS)}, on ${drug()}`,
    () => `${r.one(ROLES)} asked about the ${r.one(EPONYMS)} order in ${r.one(WARDS)}`,
    () => `${r.one(DEVICES)} alarming in ${r.one(ROOMS)} ${r.one(TIMES)}`,
    () => `${r.one(AGES_UNDER_90)} in ${r.one(ROOMS)} with ${r.one(EPONYMS)}, ${r.one(VITALS)}`,
    () => `billing wants ${r.one(CODES)} for the ${r.one(EPONYMS)} note`,
    () => `${r.one(QUESTIONS)} ${r.one(DEVICES)} keeps logging me out`,
    () => `gave ${drug()}, recheck ${r.one(LABS)()} ${r.one(TIMES)}`,
    () => `${r.one(WARDS)} is short a ${r.one(ROLES)} tonight, ${r.one(CODES)}`,
    () => `${r.one(EPONYMS)} and ${r.one(EPONYMS)} both on the problem list, ${r.one(VITALS)}`,
    () => `${r.one(COMPLAINTS)} (${r.one(CODES)}) ${r.one(QUESTIONS)}`,
    () => `placed ${r.one(EPONYMS)} ${r.one(TIMES)}, ${r.one(VITALS)}, ${r.one(LABS)()}`,
    () => `transfer to ${r.one(WARDS)} after ${r.one(DRUGS)} drip, ${r.one(VITALS)}`,
    () => `${r.one(TRAPS)}, ${r.one(TRAPS)} - ${r.one(QUESTIONS)}`,
    () => `${r.one(DEVICES)} shows ${r.one(TRAPS)} but ${r.one(LABS)()}`,
  ])();
}

const joinWith = (r: Rand) => r.one([' ', '. ', ' - ', '; ', ', ', '\n', ' // ', ' and ']);

/** A target kind and, in a third of notes, one or two more kinds the same note holds. */
function kindsFor(r: Rand, target: Kind): Kind[] {
  const out = [target];
  if (r.coin(0.35)) out.push(r.one(KINDS));
  if (r.coin(0.12)) out.push(r.one(KINDS));
  return out;
}

function prose(r: Rand, parts: Seg[][]): Seg[] {
  const segs: Seg[] = [];
  const lead = r.one([
    () => `${r.one(COMPLAINTS)} for`,
    () => `${r.one(QUESTIONS)}`,
    () => 'FYI',
    () => `${r.one(COMPLAINTS)}:`,
    () => `${clinical(r)} -`,
    () => 'need help w/ this one,',
  ])();
  segs.push(t(`${lead} `));
  parts.forEach((p, i) => {
    if (i > 0) segs.push(t(joinWith(r)));
    segs.push(...p);
  });
  if (r.coin(0.6)) segs.push(t(`${joinWith(r)}${clinical(r)}`));
  if (r.coin(0.3)) segs.push(t(` ${r.one(QUESTIONS)}`));
  return segs;
}

function handover(r: Rand, parts: Seg[][]): Seg[] {
  const segs: Seg[] = [t(r.one(['HANDOVER\n', 'handoff:\n', 'Night report\n', 'sign-out list\n', '']))];
  const lines = r.between(2, 4);
  const idLine = r.between(0, lines - 1);
  for (let i = 0; i < lines; i++) {
    segs.push(t(`${r.one(['- ', '* ', `${i + 1}. `, '• ', ''])}${r.one(ROOMS)}: `));
    if (i === idLine) {
      parts.forEach((p, j) => {
        if (j > 0) segs.push(t(r.one([', ', ' | ', ' / ', '; '])));
        segs.push(...p);
      });
      segs.push(t(`, ${clinical(r)}`));
    } else {
      segs.push(t(`${r.one(AGES_UNDER_90)}, ${clinical(r)}`));
    }
    segs.push(t('\n'));
  }
  return segs;
}

function census(r: Rand, parts: Seg[][]): Seg[] {
  const p = person(r);
  const segs: Seg[] = [t(`${r.one(['RM', 'BED', 'Rm'])} ${r.between(100, 999)} | `)];
  if (!parts.some((x) => x.some((s) => s.kind === 'name')) && r.coin(0.5)) {
    segs.push(v('name', `${p.family.toUpperCase()},${p.given.toUpperCase()}`), t(' | '));
  }
  parts.forEach((x) => {
    segs.push(...x, t(' | '));
  });
  segs.push(t(`Dx ${r.one(EPONYMS)} | ${r.one(VITALS)}`));
  return segs;
}

function bullets(r: Rand, parts: Seg[][]): Seg[] {
  const mark = r.one(['• ', '- ', '* ', '> ']);
  const segs: Seg[] = [t(`${r.one(COMPLAINTS)}\n`)];
  for (const p of parts) segs.push(t(mark), ...p, t('\n'));
  segs.push(t(`${mark}${clinical(r)}`));
  return segs;
}

function sms(r: Rand, parts: Seg[][]): Seg[] {
  const segs: Seg[] = [t(r.one(['pls ', 'plz ', 'can u ', 'need u to ', 'hey - ', 'fyi ']))];
  segs.push(t(r.one(['call ', 'check ', 'look up ', 'fix chart for ', 'page re '])));
  parts.forEach((p, i) => {
    if (i > 0) segs.push(t(' '));
    segs.push(...p);
  });
  segs.push(t(` ${r.one(['asap', 'thx', 'ty!!', 'b4 0700', 'when u can', 'tmrw am', ':)', 'k?'])}`));
  return segs;
}

/** A note holding at least one identifier of `target`. */
export function idNote(r: Rand, target: Kind): Seg[] {
  const parts = kindsFor(r, target).map((k) => MAKERS[k](r));
  // Chart banners pair a name with its record number and birth date.
  if (r.coin(0.08)) {
    const p = person(r);
    parts.unshift([v('name', nameForm(r, p))], mrnSegs(r), r.coin(0.5) ? dateSegs(r) : ageSegs(r));
  }
  const shape = r.one([prose, prose, prose, handover, census, bullets, sms]);
  return shape(r, parts);
}

/** A note with no identifier: the same shapes, clinical words only. */
export function cleanNote(r: Rand): Seg[] {
  const n = r.between(1, 3);
  const bits = Array.from({ length: n }, () => clinical(r));
  return r.one([
    () => [t(bits.join(joinWith(r)))],
    () => [t(`${r.one(['handoff:\n', 'HANDOVER\n', ''])}${bits.map((b) => `- ${r.one(ROOMS)}: ${b}`).join('\n')}`)],
    () => [t(`${r.one(COMPLAINTS)}\n${bits.map((b) => `• ${b}`).join('\n')}`)],
    () => [t(`${r.one(['pls ', 'can u ', 'fyi '])}${bits[0]} ${r.one(['asap', 'thx', 'tmrw am'])}`)],
    () => [
      t(
        `${r.one(['RM', 'BED'])} ${r.between(100, 999)} | ${r.one(AGES_UNDER_90)} | Dx ${r.one(EPONYMS)} | ${r.one(VITALS)}`,
      ),
    ],
  ])();
}
