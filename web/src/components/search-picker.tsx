import { Combobox, Loader, TextInput, type TextInputProps, useCombobox } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from './icons';

interface SearchPickerProps<T> extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** What is typed; the parent searches the server for it (debounced) and passes the `items`. */
  value: string;
  onChange: (value: string) => void;
  items: readonly T[];
  /** True while the server is asked for the items of the latest text. */
  searching: boolean;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** Said when the server found nothing for the text. */
  emptyText: string;
}

/** A search box whose suggestions come from the server; picking one hands it to `onPick`. */
export function SearchPicker<T>({
  value,
  onChange,
  items,
  searching,
  keyOf,
  renderItem,
  onPick,
  emptyText,
  ...props
}: SearchPickerProps<T>) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const typed = value.trim() !== '';
  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(key) => {
        const item = items.find((candidate) => keyOf(candidate) === key);
        if (item) onPick(item);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          type="search"
          autoComplete="off"
          spellCheck={false}
          leftSection={<SearchIcon size={16} />}
          rightSection={searching ? <Loader size={14} aria-label={t('common.loading')} /> : null}
          {...props}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!typed}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {items.length > 0 ? (
            items.map((item) => (
              <Combobox.Option value={keyOf(item)} key={keyOf(item)}>
                {renderItem(item)}
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{searching ? t('common.loading') : emptyText}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
