"use client";

import { useId, useRef, useState } from "react";

export type ComboboxConfig<T> = {
  /** The listbox's options in order: option i is the element given `optionProps(i)`. */
  options: readonly T[];
  /** A click on an option, or Enter on the highlighted one. */
  onChoose: (option: T) => void;
  /** ArrowDown/ArrowUp with no options to show: look some up for the text in the box. */
  onRequestOptions: () => void;
  /** Enter with no option highlighted. Without a handler the key does what the browser does (submits the form). */
  onEnter?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  /** The text in the box: Escape with nothing open calls onClear when there is some. */
  text: string;
  onClear: () => void;
  /** The caller shows a note under the box (e.g. "No matches") while the list is open without options: Escape closes
   * it like the list, before it clears the text. */
  noOptionsNote?: boolean;
};

/** What useCombobox puts on option i (spread it on the option's element). */
export type ComboboxOptionProps = {
  id: string;
  role: "option";
  "aria-selected": boolean;
  onMouseMove: () => void;
  onClick: () => void;
};

/**
 * The keyboard and ARIA of a WAI-ARIA 1.2 combobox whose popup is a listbox (list autocomplete), with focus staying
 * in the text box: the open list and its highlighted option (aria-activedescendant), ArrowDown/ArrowUp through the
 * options (wrapping; Alt opens without highlighting), Enter on the highlighted one, Escape to close the list and then
 * clear the text, Tab and blur to close, and text-editing keys (Home, End, ArrowLeft, ArrowRight) giving the
 * highlight back to the box. What the options are, how they load and what choosing one does stay with the caller.
 */
export function useCombobox<T>({ options, onChoose, onRequestOptions, onEnter, text, onClear, noOptionsNote = false }: ComboboxConfig<T>) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && options.length > 0;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  /** New options arrived: nothing is highlighted, and the list opens if the box has the focus. */
  function showNewOptions() {
    setActive(-1);
    if (document.activeElement === inputRef.current) setOpen(true);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (options.length === 0) {
          onRequestOptions();
          return;
        }
        const down = event.key === "ArrowDown";
        if (!expanded) {
          setOpen(true);
          if (!event.altKey) setActive(down ? 0 : options.length - 1);
          return;
        }
        setActive((a) => (down ? (a + 1) % options.length : a <= 0 ? options.length - 1 : a - 1));
        return;
      }
      case "Enter":
        if (expanded && active >= 0 && options[active] !== undefined) {
          event.preventDefault();
          onChoose(options[active]);
        } else {
          onEnter?.(event);
        }
        return;
      case "Escape":
        if (expanded || (open && noOptionsNote)) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          onClear();
        }
        return;
      case "Tab":
        close();
        return;
      case "Home":
      case "End":
      case "ArrowLeft":
      case "ArrowRight":
        // Text editing: the caret moves, the highlight goes back to the box.
        setActive(-1);
        return;
    }
  }

  return {
    /** A useId() prefix for the caller's other ids (the input's, group labels'). */
    id,
    inputRef,
    open,
    setOpen,
    active,
    setActive,
    /** The list is open and has options to show (aria-expanded). */
    expanded,
    close,
    showNewOptions,
    /** Spread on the text input (type, name, value and onChange stay the caller's). */
    inputProps: {
      ref: inputRef,
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": expanded,
      "aria-controls": listboxId,
      "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
      onKeyDown,
      onBlur: close,
    } as const,
    /** Spread on the listbox element (the caller names it with aria-label). */
    listboxProps: {
      id: listboxId,
      role: "listbox",
      hidden: !expanded,
      // Clicks inside must not blur the input (which closes the list) before they land.
      onMouseDown: (event: React.MouseEvent<HTMLElement>) => event.preventDefault(),
    } as const,
    /** Spread on option i, in the order of `options`. */
    optionProps: (i: number): ComboboxOptionProps => ({
      id: optionId(i),
      role: "option",
      "aria-selected": i === active,
      onMouseMove: () => setActive(i),
      onClick: () => onChoose(options[i]),
    }),
  };
}
