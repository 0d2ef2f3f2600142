// A storage helper in its own module: callers decide what goes in.
export function saveToStorage(key: string, value: unknown): void {
  localStorage.setItem(key, JSON.stringify(value));
}
