import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A new API token, shown this once (only its hash is kept), with a copy button. */
export function TokenCreated({
  name,
  token,
  onDone,
}: {
  name: string;
  token: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard permission (plain HTTP, an old browser): the text stays selected.
      setCopied(false);
    }
  };
  return (
    <section
      className="token-created"
      aria-labelledby="token-created-title"
      data-testid="token-created"
    >
      <h2 id="token-created-title">{t('access.tokens.createdTitle', { name })}</h2>
      <p>{t('access.tokens.shownOnce')}</p>
      <div className="token-value">
        <input
          ref={field}
          readOnly
          value={token}
          aria-label={t('access.tokens.value')}
          onFocus={(e) => e.target.select()}
          data-testid="token-value"
        />
        <button
          type="button"
          className="primary"
          onClick={() => void copy()}
          data-testid="token-copy"
        >
          {t('access.tokens.copy')}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === true && t('access.tokens.copied')}
        {copied === false && t('access.tokens.copyByHand')}
      </p>
      <button type="button" onClick={onDone} data-testid="token-done">
        {t('access.tokens.done')}
      </button>
    </section>
  );
}
