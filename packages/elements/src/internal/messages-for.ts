import type { ElementCopy } from './registry.js';

const handedDown = new WeakMap<object, Map<ElementCopy, object>>();
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * What a composite element's `messages` say to an element inside it (of copy `child`): the common words the child
 * prints, then the child's own namespace (`{ error: 'Expired', 'refresh-button': { label: 'Renew' } }`). The same
 * object for the same `messages`, so passing it down does not re-render the child. Only composite elements import
 * this: a page with a lone badge does not ship it.
 */
export function messagesFor(messages: object, child: { copy: ElementCopy }): object {
  const { copy } = child;
  let byChild = handedDown.get(messages);
  if (!byChild) handedDown.set(messages, (byChild = new Map()));
  let words = byChild.get(copy);
  if (!words) {
    const source = messages as Record<string, unknown>;
    const own = source[copy.ns];
    words = { ...Object.fromEntries(Object.keys(copy.common).filter((key) => Object.hasOwn(source, key)).map((key) => [key, source[key]])), ...(isObject(own) ? own : {}) };
    byChild.set(copy, words);
  }
  return words;
}
