import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}

/** One checkbox and its words on a line, the label tied to the box by id. */
export function Check({ id, checked, onChange, children }: Props) {
  return (
    <label class="check" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {children}
    </label>
  );
}

/** `list` with `item` added (when `on`) or taken out: what a checkbox in a list of choices does to the list. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}
