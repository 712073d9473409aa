import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "+ New" on a column: a title (and an amount) is enough to create a record there. */
export function NewRecordForm({
  stageName,
  onCreate,
}: {
  stageName: string;
  onCreate(fields: { title: string; amount?: number }): Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="new-record-open"
        aria-label={t('board.newIn', { stage: stageName })}
        onClick={() => setOpen(true)}
      >
        {t('board.new')}
      </button>
    );
  return (
    <form
      className="new-record"
      aria-label={t('board.newIn', { stage: stageName })}
      onSubmit={(e) => {
        e.preventDefault();
        const a = amount.trim() === '' ? undefined : Number(amount);
        onCreate({ title: title.trim(), ...(a === undefined ? {} : { amount: a }) }).then(
          () => {
            setTitle('');
            setAmount('');
            setError(null);
            setOpen(false);
          },
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      <input
        required
        autoFocus
        aria-label={t('board.title')}
        placeholder={t('board.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <input
        type="number"
        aria-label={t('board.amount')}
        placeholder={t('board.amount')}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('board.create')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('board.cancel')}
        </button>
      </div>
    </form>
  );
}
