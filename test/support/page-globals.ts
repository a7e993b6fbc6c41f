// Types for callbacks that run inside the page (evaluate, waitForFunction): the test program is
// compiled without the DOM library, so such a callback reaches the page through this narrow view:
//   page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.images.length > 0)
// Only the type may be used there; the callback is sent to the browser as source text.

export interface PageNode {
  textContent: string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
}

export interface PageGlobals {
  document: {
    activeElement: unknown;
    body: { insertAdjacentHTML(position: 'beforeend', html: string): void };
    documentElement: { scrollWidth: number };
    images: ArrayLike<{ complete: boolean }>;
    querySelector(selector: string): PageNode | null;
    querySelectorAll(selector: string): ArrayLike<PageNode>;
  };
  history: { pushState(state: unknown, unused: string, url: string): void };
  dispatchEvent(event: unknown): boolean;
  PopStateEvent: new (type: string) => unknown;
  __x?: unknown;
}

/** An element handed to a callback (locator.evaluate): it can tell whether it has focus. */
export interface PageElement extends PageNode {
  ownerDocument: { activeElement: unknown };
}
