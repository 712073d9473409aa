import { useEffect, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import './setup-monaco.js';
import './json-schemas.js';

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a || 'null')) === JSON.stringify(JSON.parse(b || 'null'));
  } catch {
    return false;
  }
}

/**
 * Monaco on a JSON text. External changes replace the text only when they mean
 * something different (so typing is never clobbered by reformatting); edits that
 * parse and pass `validate` are reported (debounced), others only flagged.
 */
export function JsonCodeEditor(props: {
  value: string;
  onValidChange: (text: string) => void;
  /** Extra check; returns a message when the JSON must not be applied. */
  validate?: (text: string) => string | null;
  invalidMessage: string;
  validMessage?: string;
  height: number | string;
  path?: string;
  testId?: string;
}) {
  const [text, setText] = useState(props.value);
  const [status, setStatus] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { value, onValidChange, validate, invalidMessage, validMessage } = props;

  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    if (!sameJson(text, value)) setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string | undefined) => {
    const t = next ?? '';
    setText(t);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      try {
        if (t.trim() !== '') JSON.parse(t);
      } catch {
        setStatus(invalidMessage);
        return;
      }
      const problem = validate?.(t) ?? null;
      setStatus(problem ?? validMessage ?? null);
      if (!problem && !sameJson(t, value)) onValidChange(t);
    }, 400);
  };

  return (
    <div className="json-code-editor" data-testid={props.testId}>
      <Editor
        height={props.height}
        language="json"
        path={props.path}
        value={text}
        onChange={onChange}
        options={{
          minimap: { enabled: false },
          fontSize: 12,
          editContext: false,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          // Russian text is full of Cyrillic letters that look Latin; they are not a threat here.
          unicodeHighlight: { ambiguousCharacters: false },
          // Completion lists must escape the narrow inspector instead of being clipped by it.
          fixedOverflowWidgets: true,
        }}
      />
      {status && (
        <div className="code-status" data-testid="code-status">
          {status}
        </div>
      )}
    </div>
  );
}
