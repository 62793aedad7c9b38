import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { SearchIcon } from './icons';

interface SearchInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The search in force (from the address). */
  value: string;
  /** Called a moment after typing stops, or at once on Enter. */
  onSearch: (value: string) => void;
}

/** A search box that searches as you type, without a request for every keystroke. */
export function SearchInput({ value, onSearch, ...props }: SearchInputProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const search = useDebouncedCallback((next: string) => {
    sent.current = next.trim();
    onSearch(next.trim());
  }, 300);
  // The search changed elsewhere (Back, a link, "Clear"): show that one.
  if (value !== sent.current && !search.isPending()) {
    sent.current = value;
    setText(value);
  }
  return (
    <TextInput
      type="search"
      leftSection={<SearchIcon size={16} />}
      autoComplete="off"
      spellCheck={false}
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          search(event.currentTarget.value);
          search.flush();
        }
      }}
    />
  );
}
