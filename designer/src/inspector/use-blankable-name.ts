import { useState } from 'react';

/**
 * Editing state for a required name: the box may be cleared and retyped, while the
 * model keeps the previous name (a blank one would not pass the schema, so autosave
 * would be refused); leaving the box blank shows the kept name again.
 */
export function useBlankableName(value: string, onChange: (value: string) => void) {
  // Only a blank entry lives here; any other text goes straight to the model.
  const [blank, setBlank] = useState<string | null>(null);
  return {
    shown: blank ?? value,
    isBlank: blank !== null,
    change(text: string): void {
      if (text.trim() === '') setBlank(text);
      else {
        setBlank(null);
        onChange(text);
      }
    },
    reset(): void {
      setBlank(null);
    },
  };
}
