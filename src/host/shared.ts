// Shared data and shared queues: one store per Host, shared by every worker VM, as Envoy keeps one
// process-wide store that all worker threads' VMs use.
//   proxy-wasm-cpp-host src/shared_data.cc (SharedData::get / SharedData::set / nextCas)
//   proxy-wasm-cpp-host src/shared_queue.cc (SharedQueue::registerQueue / resolveQueue / enqueue / dequeue)
import { R } from "./abi.ts";

export interface SharedEntry { value: Uint8Array; cas: number }

export class SharedData {
  // vm_id -> key -> entry (cpp-host keys the store by vm_id first)
  private data = new Map<string, Map<string, SharedEntry>>();
  private cas = 1;

  constructor(private defaultVmId = "") {}

  // cpp-host SharedData::nextCas: starts at 1, skips 0 on wrap-around (0 means "no CAS check").
  private nextCas(): number {
    const r = this.cas;
    this.cas = (this.cas + 1) >>> 0;
    if (this.cas === 0) this.cas = 1;
    return r;
  }

  /** The value and its CAS token, or undefined (the ABI answers NotFound). */
  get(key: string, vmId = this.defaultVmId): SharedEntry | undefined {
    return this.data.get(vmId)?.get(key);
  }

  /**
   * cpp-host SharedData::set: an existing key with a non-zero `cas` that differs from the stored one
   * gives CasMismatch; otherwise the value is stored with a fresh CAS. A missing key is always created.
   */
  set(key: string, value: Uint8Array | string, cas = 0, vmId = this.defaultVmId): number {
    let m = this.data.get(vmId);
    if (!m) { m = new Map(); this.data.set(vmId, m); }
    const v = typeof value === "string" ? new TextEncoder().encode(value) : value.slice();
    const e = m.get(key);
    if (e) {
      if (cas !== 0 && cas !== e.cas) return R.CasMismatch;
      e.value = v; e.cas = this.nextCas();
    } else {
      m.set(key, { value: v, cas: this.nextCas() });
    }
    return R.Ok;
  }

  /** Keys of one vm_id (cpp-host SharedData::keys, ABI proxy_get_shared_data_keys in later hosts). */
  keys(vmId = this.defaultVmId): string[] { return [...(this.data.get(vmId)?.keys() ?? [])]; }
}

export interface QueueOwner { vmIndex: number; contextId: number }

interface Queue { vmId: string; name: string; owner: QueueOwner; items: Uint8Array[] }

export class SharedQueues {
  private tokens = new Map<string, number>(); // vm_id \0 name -> token
  private queues = new Map<number, Queue>();
  private next = 1;

  /**
   * cpp-host SharedQueue::registerQueue: the token of (vm_id, name) is created once; registering again
   * (e.g. from another worker) keeps the token and makes the caller the one notified by on_queue_ready.
   */
  register(vmId: string, name: string, owner: QueueOwner): number {
    const k = vmId + "\0" + name;
    let t = this.tokens.get(k);
    if (t === undefined) {
      t = this.next++;
      this.tokens.set(k, t);
      this.queues.set(t, { vmId, name, owner, items: [] });
    } else {
      this.queues.get(t)!.owner = owner;
    }
    return t;
  }

  /** cpp-host SharedQueue::resolveQueue: token or undefined (NotFound). */
  resolve(vmId: string, name: string): number | undefined { return this.tokens.get(vmId + "\0" + name); }

  /** cpp-host SharedQueue::dequeue: NotFound for an unknown token, Empty when nothing is queued. */
  dequeue(token: number): { result: number; value?: Uint8Array } {
    const q = this.queues.get(token);
    if (!q) return { result: R.NotFound };
    const v = q.items.shift();
    if (v === undefined) return { result: R.Empty };
    return { result: R.Ok, value: v };
  }

  /** cpp-host SharedQueue::enqueue: NotFound for an unknown token; returns the owner to notify. */
  enqueue(token: number, value: Uint8Array): { result: number; owner?: QueueOwner } {
    const q = this.queues.get(token);
    if (!q) return { result: R.NotFound };
    q.items.push(value.slice());
    return { result: R.Ok, owner: q.owner };
  }

  size(token: number): number { return this.queues.get(token)?.items.length ?? 0; }
}
