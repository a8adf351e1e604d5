// How a note is typed: all lower case, SMS-like shorthand, everyday misspellings. Shorthand and typos
// touch plain text only (never a value), so a span's value is never altered; lower case applies to the
// whole note, names included, the way people type on a phone.

import type { Rng } from './prng.ts';
import type { Seg, Split } from './types.ts';

const SHORTHAND: Record<string, string> = {
  please: 'pls',
  with: 'w/',
  without: 'w/o',
  because: 'b/c',
  you: 'u',
  your: 'ur',
  patient: 'pt',
  about: 'abt',
  tomorrow: 'tmrw',
  tonight: 'tonite',
  thanks: 'thx',
  before: 'b4',
  message: 'msg',
  and: '&',
  are: 'r',
  people: 'ppl',
  something: 'smth',
  know: 'kno',
  okay: 'ok',
  really: 'rly',
  minutes: 'mins',
  hours: 'hrs',
  question: 'q',
  discharge: 'dc',
  history: 'hx',
  treatment: 'tx',
  symptoms: 'sx',
  between: 'btwn',
  should: 'shld',
  would: 'wd',
  again: 'agn',
};

const TYPOS: Record<string, string[]> = {
  patient: ['pateint', 'patinet'],
  received: ['recieved'],
  discharge: ['dishcarge', 'discharg'],
  medication: ['medicaiton', 'medciation'],
  tomorrow: ['tommorow', 'tomorow'],
  because: ['becuase', 'bc'],
  which: ['whcih'],
  their: ['thier'],
  really: ['realy'],
  separate: ['seperate'],
  definitely: ['definately'],
  schedule: ['schedual', 'shedule'],
  pharmacy: ['pharmcy', 'pharamcy'],
  allergy: ['alergy', 'allergey'],
  consent: ['consnet'],
  anyone: ['anyoen'],
  again: ['agian'],
  still: ['stil'],
  there: ['ther'],
  always: ['alwyas'],
  order: ['oder'],
  wrong: ['wrnog'],
  should: ['shoudl'],
  family: ['famliy'],
  about: ['abotu'],
  printed: ['pritned'],
  registration: ['registraion'],
  insurance: ['insurnace'],
  address: ['adress'],
  appointment: ['appt', 'appointmnet'],
  hospice: ['hospce'],
  blood: ['bllod'],
  never: ['nevr'],
};

function mapWords(text: string, replace: (word: string) => string | undefined): string {
  return text.replace(/[A-Za-z]+/g, (w) => {
    const r = replace(w.toLowerCase());
    if (r === undefined) return w;
    return w[0] === w[0]?.toUpperCase() && r[0] ? r[0].toUpperCase() + r.slice(1) : r;
  });
}

export type Style = { lower: boolean; shorthand: boolean; typos: boolean };

export function pickStyle(rng: Rng, split: Split): Style {
  return {
    lower: rng.chance(split === 'heldout' ? 0.2 : 0.15),
    shorthand: rng.chance(0.12),
    typos: rng.chance(0.12),
  };
}

export function applyStyle(rng: Rng, segs: Seg[], style: Style): Seg[] {
  return segs.map((s) => {
    let text = s.text;
    if (!s.kind) {
      if (style.shorthand) text = mapWords(text, (w) => (rng.chance(0.7) ? SHORTHAND[w] : undefined));
      if (style.typos) text = mapWords(text, (w) => (TYPOS[w] && rng.chance(0.6) ? rng.pick(TYPOS[w]) : undefined));
    }
    if (style.lower) text = text.toLowerCase();
    return { ...s, text };
  });
}
