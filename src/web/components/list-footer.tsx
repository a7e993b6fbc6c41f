// The foot of a paged list: a loading note, then a button for the next page while there is one.
interface ListFooterProps {
  list: { isLoading: boolean; hasMore: boolean; loadMore: () => void };
  /** What is loading, e.g. "members". */
  noun: string;
  /** The button's label, e.g. "Load more members". */
  moreLabel: string;
}

export function ListFooter({ list, noun, moreLabel }: ListFooterProps) {
  return (
    <div class="list-footer" aria-live="polite">
      {list.isLoading && <p role="status">Loading {noun}…</p>}
      {list.hasMore && !list.isLoading && (
        <button type="button" class="button button-secondary" onClick={list.loadMore}>
          {moreLabel}
        </button>
      )}
    </div>
  );
}
