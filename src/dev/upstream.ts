// The demo upstream `npm start` puts behind the filter: a small JSON API.
//   GET    /                    what this is
//   GET    /healthz             {"status":"ok"}
//   GET    /api/items           the item list (?q= filters by name)
//   GET    /api/items/{id}      one item, 404 when unknown
//   POST   /api/items           creates an item from a JSON body {"name": "...", "price": 1.5}
//   PUT    /api/items/{id}      replaces an item
//   DELETE /api/admin/items/{id} deletes an item (the default policy will guard /api/admin)
//   ANY    /echo                echoes method, path, headers and body (to see what the filter forwarded)
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";

interface Item { id: number; name: string; price: number }

export function demoApp() {
  const items = new Map<number, Item>([
    [1, { id: 1, name: "anvil", price: 120 }],
    [2, { id: 2, name: "rocket skates", price: 350 }],
    [3, { id: 3, name: "giant magnet", price: 75.5 }],
  ]);
  let next = 4;
  return async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://demo");
    const send = (status: number, value: unknown) => {
      const data = JSON.stringify(value, null, 2) + "\n";
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
      res.end(data);
    };
    const parts = url.pathname.split("/").filter(Boolean);
    const parseItem = (): Omit<Item, "id"> | null => {
      try {
        const v = JSON.parse(body.toString("utf8"));
        if (typeof v?.name !== "string" || typeof v?.price !== "number") return null;
        return { name: v.name, price: v.price };
      } catch { return null; }
    };
    if (url.pathname === "/") return send(200, { service: "bulwark demo upstream", routes: ["/healthz", "/api/items", "/api/items/{id}", "/api/admin/items/{id}", "/echo"] });
    if (url.pathname === "/healthz") return send(200, { status: "ok" });
    if (url.pathname === "/echo") return send(200, { method: req.method, path: req.url, headers: req.headers, body: body.toString("utf8") });
    if (parts[0] === "api" && parts[1] === "items") {
      if (parts.length === 2) {
        if (req.method === "GET") {
          const q = (url.searchParams.get("q") ?? "").toLowerCase();
          return send(200, { items: [...items.values()].filter((i) => i.name.includes(q)) });
        }
        if (req.method === "POST") {
          const v = parseItem();
          if (!v) return send(400, { error: "expected a JSON body {\"name\": string, \"price\": number}" });
          const item = { id: next++, ...v };
          items.set(item.id, item);
          return send(201, item);
        }
        return send(405, { error: "method not allowed" });
      }
      const id = Number(parts[2]);
      if (parts.length === 3 && Number.isInteger(id)) {
        if (req.method === "GET") return items.has(id) ? send(200, items.get(id)) : send(404, { error: "no such item" });
        if (req.method === "PUT") {
          const v = parseItem();
          if (!v) return send(400, { error: "expected a JSON body {\"name\": string, \"price\": number}" });
          items.set(id, { id, ...v });
          return send(200, items.get(id));
        }
        return send(405, { error: "method not allowed" });
      }
    }
    if (parts[0] === "api" && parts[1] === "admin" && parts[2] === "items" && parts.length === 4) {
      const id = Number(parts[3]);
      if (req.method === "DELETE") return items.delete(id) ? send(200, { deleted: id }) : send(404, { error: "no such item" });
      return send(405, { error: "method not allowed" });
    }
    return send(404, { error: "not found" });
  };
}

/** Starts the demo API (127.0.0.1 and an ephemeral port unless given). */
export async function startDemoUpstream(port = 0, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const app = demoApp();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => { app(req, res, Buffer.concat(chunks)).catch(() => { res.statusCode = 500; res.end(); }); });
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const { port: p } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${p}` };
}
