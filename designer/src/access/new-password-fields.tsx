import { useTranslation } from 'react-i18next';

/** The runtime's bounds (422 `WEAK_PASSWORD` outside them). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** A new password and its repetition, with the length rule spelled out. */
export function NewPasswordFields(p: {
  readonly password: string;
  readonly repeat: string;
  onPassword(v: string): void;
  onRepeat(v: string): void;
  /** Prefix of the inputs' test ids. */
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const hintId = `${p.testId}-password-hint`;
  return (
    <>
      <label>
        {t('access.field.newPassword')}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          aria-describedby={hintId}
          value={p.password}
          onChange={(e) => p.onPassword(e.target.value)}
          data-testid={`${p.testId}-password`}
        />
      </label>
      <p id={hintId} className="muted field-note">
        {t('access.password.rule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
      </p>
      <label>
        {t('access.field.repeatPassword')}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={p.repeat}
          aria-invalid={p.repeat !== '' && p.repeat !== p.password}
          onChange={(e) => p.onRepeat(e.target.value)}
          data-testid={`${p.testId}-repeat`}
        />
      </label>
    </>
  );
}
