// The data worker's heap, read over the page's CDP session (non-flat auto-attach), for the
// browser benchmarks.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap of the data worker over the page's CDP session (non-flat auto-attach); undefined if not reachable. */
export async function workerHeapProbe(cdp) {
  const targets = new Map();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => targets.set(e.sessionId, e.targetInfo));
  cdp.on('Target.detachedFromTarget', (e) => targets.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.error) p.reject(new Error(message.error.message));
    else p.resolve(message.result);
  });
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  } catch (error) {
    return { error: `Target.setAutoAttach: ${error.message}` };
  }
  for (let i = 0; i < 20 && ![...targets.values()].some((t) => /data\.worker/.test(t.url)); i++) await sleep(100);
  const entry = [...targets].find(([, t]) => /data\.worker/.test(t.url));
  if (!entry) return { error: `no data worker among attached targets (${[...targets.values()].map((t) => `${t.type} ${t.url.split('/').pop()}`).join(', ') || 'none'})` };
  const [sessionId, info] = entry;
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  try {
    await send('Runtime.getHeapUsage');
  } catch (error) {
    return { error: `Runtime.getHeapUsage on the worker: ${error.message}` };
  }
  return { url: info.url, send, heap: async () => send('Runtime.getHeapUsage'), gc: async () => send('HeapProfiler.collectGarbage') };
}
