// A wait of one task (not a microtask): messages already queued for the worker, a newer
// request or a cancel, are handled before the work goes on.
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
