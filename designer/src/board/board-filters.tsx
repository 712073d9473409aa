import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import type { BoardFilters } from './board-types.js';

/** Filters of the board: my records, responsible, text in the title, amount range. */
export function BoardFilterBar({
  filters,
  mine,
  canMine,
  directory,
  onChange,
  onMine,
}: {
  filters: BoardFilters;
  mine: boolean;
  /** "My records" needs a signed-in person with a directory user. */
  canMine: boolean;
  directory: Directory;
  onChange(f: BoardFilters): void;
  onMine(on: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="board-filters"
      role="search"
      aria-label={t('board.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="inline">
        <input
          type="checkbox"
          checked={mine}
          disabled={!canMine}
          onChange={(e) => onMine(e.target.checked)}
          data-testid="filter-mine"
        />
        {t('board.mine')}
      </label>
      <label>
        {t('board.responsible')}
        <select
          value={filters.responsible ?? ''}
          disabled={mine}
          onChange={(e) => onChange({ ...filters, responsible: e.target.value })}
          data-testid="filter-responsible"
        >
          <option value="">{t('board.anyone')}</option>
          {directory.users.map((u) => (
            <option key={u.key} value={u.key}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('board.search')}
        <input
          type="search"
          value={filters.text ?? ''}
          maxLength={200}
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
          data-testid="filter-text"
        />
      </label>
      <label>
        {t('board.amountFrom')}
        <input
          type="number"
          className="amount"
          value={filters.amountMin ?? ''}
          onChange={(e) => onChange({ ...filters, amountMin: e.target.value })}
          data-testid="filter-amount-min"
        />
      </label>
      <label>
        {t('board.amountTo')}
        <input
          type="number"
          className="amount"
          value={filters.amountMax ?? ''}
          onChange={(e) => onChange({ ...filters, amountMax: e.target.value })}
          data-testid="filter-amount-max"
        />
      </label>
    </form>
  );
}
