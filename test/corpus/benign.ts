/**
 * The benign corpus: realistic API and web traffic of a modern service mesh, in 15 categories that
 * cover every hard case of issue #10 (JSON bodies, PUT/PATCH/DELETE, JWTs, base64 cookies, GraphQL,
 * webhooks, uploads, Markdown and code in text fields, non-ASCII text, names like O'Brien, searches with
 * quotes/dashes/ampersands, URLs in parameters, long tokens, UUIDs, ISO dates, numbers).
 *
 * Argument: none; result: `benign()` returns the requests in a fixed order with ids `b-<category>-NNN`.
 * Example: `benign().find((q) => q.category === "names")` is a form or JSON carrying an apostrophe name.
 * Every value was written by us; templates are combined with our own data lists by a seeded PRNG.
 */
import {
  type Header, type Req, type Rng, rng, int, pick, hex, alnum, b64url, uuid, isoDate, b64, b64u, jwt, boundary,
  multipart, baseHeaders, browserCookies, qenc, fenc, ACCEPT_HTML, BROWSERS, SDKS, LANGS,
} from "./lib.ts";

type Shape = { method: string; uri: string; headers: Header[]; body?: string };
type T = (r: Rng, i: number) => Shape;
const at = <X>(xs: readonly X[], i: number): X => xs[i % xs.length];

const API = "api.example.test";
const APP = "app.example.test";
const SHOPH = "shop.example.test";
const WWW = "www.example.test";

function api(r: Rng, method: string, uri: string, body?: unknown, ct = "application/json"): Shape {
  const kind = r() < 0.55 ? "xhr" : "sdk";
  const h = baseHeaders(r, API, kind, { auth: true });
  if (r() < 0.3) h.push(["X-Request-Id", uuid(r)]);
  if (body !== undefined) h.push(["Content-Type", ct]);
  return { method, uri, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) };
}
function page(r: Rng, host: string, uri: string, extra: Header[] = []): Shape {
  const h = baseHeaders(r, host, "page", { cookies: r() < 0.7 });
  if (r() < 0.5) h.push(["Referer", `https://${host}/`]);
  return { method: "GET", uri, headers: [...h, ...extra] };
}
function form(r: Rng, host: string, uri: string, body: string): Shape {
  const h = baseHeaders(r, host, "page", { cookies: true });
  h.push(["Content-Type", "application/x-www-form-urlencoded"], ["Origin", `https://${host}`], ["Referer", `https://${host}${uri}`]);
  return { method: "POST", uri, headers: h, body };
}
const enc = (o: Record<string, string | number>) => Object.entries(o).map(([k, v]) => `${qenc(k).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${fenc(String(v))}`).join("&");
const xmlEscT = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const qs = (o: Record<string, string | number>) => Object.entries(o).map(([k, v]) => `${k}=${qenc(String(v))}`).join("&");

// ---- data ----------------------------------------------------------------------------------------------
const PRODUCTS = ["Trail Running Shoe", "Merino Wool Socks (3-pack)", "USB-C Hub 7-in-1", "Espresso Machine – Barista Pro", "Kids' Rain Jacket", "27\" 4K Monitor", "Noise-Cancelling Headphones", "Cast Iron Skillet 12\"", "Organic Green Tea 100g", "Yoga Mat 6mm", "LED Desk Lamp", "Women's Hiking Boot", "Stainless Steel Water Bottle 750 ml", "Board Game: Catan", "Mechanical Keyboard (TKL, brown switches)"];
const NAMES = ["Seán O'Brien", "Chiara D'Angelo", "Conor O'Neil", "Jean-Luc Picard", "María José García-López", "Nguyễn Thị Minh Khai", "Zoë Smith-Jones", "Renée O'Connor", "Jürgen Müller", "François d'Artagnan", "Anne-Marie Lefèvre", "Björk Guðmundsdóttir", "Dwayne O'Malley", "Siobhán Ní Bhriain", "Mary-Kate O'Hara", "山田 太郎", "محمد الأحمد", "Łukasz Żółć", "D'Andre Swift", "N'Golo Kanté", "Ta'Nya Brooks", "Patrick O'Sullivan-Reyes", "Dr. Amélie Poulain", "José Ángel Núñez", "Kim Min-jun", "Oğuz Çelik", "Ærøskøbing Olsen", "Leilani Kahale'o"];
const COMPANIES = ["O'Reilly Media", "AT&T", "Procter & Gamble", "Ben & Jerry's", "Marks & Spencer", "Johnson & Johnson", "Toys\"R\"Us", "Barnes & Noble", "Müller & Söhne GmbH", "L'Oréal", "Crate & Barrel", "Dunkin' Brands", "H&M", "Simon & Schuster"];
const STREETS = ["1 Rue de l'Église", "221B Baker St.", "Flat 3/2, 10 Queen's Road", "Königstraße 12a", "O'Connell Street 45", "123 Main St. Apt #4", "Calle de Alcalá, 50 – 2º Izq.", "5-2-1 Ginza, Chūō-ku", "P.O. Box 1024", "742 Evergreen Terrace"];
const CITIES = ["Dublin", "München", "Paris", "Tōkyō", "São Paulo", "Zürich", "New York", "Montréal", "Kraków", "Dubai"];
const SEARCHES = [
  "rock & roll -- best of the 70's", "\"running shoes\" -nike", "c++ vs c#", "men's t-shirt size L", "50% off sale", "usb-c to hdmi (4k)",
  "what's new in python 3.12?", "bed & breakfast near lake como", "1/2\" drill bit", "o'reilly books", "kids' shoes 3-5 years",
  "how to drop a column in postgres", "union station chicago", "tom & jerry dvd", "price < 100 brand:acme", "email@example.com",
  "#summer-sale", "100% cotton", "crème brûlée recipe", "can't login after update", "A/B testing -- sample size", "rock 'n' roll hall of fame",
  "what does 'null' mean", "2-for-1 deals", "sony wh-1000xm5 vs bose qc45", "hello world in go", "select all that apply meaning", "order #10023 status",
  "where is my order?", "guns n' roses tickets", "node.js fetch timeout", "wi-fi 6e router", "\"out of office\" message template", "black & white photo frame 8x10",
  "iphone 15 case -leather", "shoes size:42 color:\"dark blue\"", "return policy (30 days)", "vitamin d3 + k2", "r&b playlist 2000s", "dr. martens 1460",
  "ps5 (digital edition)", "\"new york\" OR \"new jersey\" hotels", "java 21 virtual threads", "1+1 offer", "kids' books age 6-8", "size 10.5 = eu 44?",
  "script font for wedding invites", "cat food 10kg", "python exec vs eval", "how to delete my account", "order by price", "alert sound settings",
];
const I18N = [
  "Weiße Turnschuhe Größe 42", "Straße & Hausnummer ändern", "crème fraîche épaisse", "où est ma commande ?", "東京 ラーメン おすすめ", "日本語の説明書はありますか？",
  "كيف يمكنني إرجاع المنتج؟", "مرحبا بالعالم", "北京烤鸭 做法", "Привет, как дела?", "שלום עולם", "배송 조회", "क्या यह उपलब्ध है?", "¿Dónde está mi pedido?",
  "Großartiges Produkt 👍🔥", "C'est génial ! ⭐⭐⭐⭐⭐", "Ελληνικά γράμματα", "Ça coûte combien ? 12,50 €", "ÄÖÜ äöü ß", "😀🎉🚀 thanks!", "İstanbul’da kargo ücreti", "Tiếng Việt có dấu",
];
const MD = [
  "## Steps to reproduce\n1. Go to **Settings → Billing**\n2. Click *Update card*\n3. See error `500`\n\n```\nTypeError: Cannot read properties of undefined (reading 'id')\n    at Checkout.render (checkout.js:112:18)\n```\n\nExpected: the card form opens. [Screenshot](https://files.example.test/s/abc.png)",
  "Thanks for the quick fix! :tada:\n\n> The export now includes the `created_at` column.\n\nOne more thing — can we get the **timezone** in ISO 8601 (e.g. `2024-05-13T10:15:00+02:00`)?",
  "# Release notes v2.4.0\n\n- Added dark mode (#412)\n- Fixed crash when the cart is empty (#398)\n- `--dry-run` flag for the CLI\n\n| Platform | Status |\n|---|---|\n| iOS | ✅ |\n| Android | ✅ |\n| Web | 🚧 |",
  "I tried running the query from the docs:\n\n```sql\nSELECT id, email FROM users WHERE created_at > '2024-01-01' ORDER BY id DESC LIMIT 10;\n```\n\nbut I get `permission denied for table users`. Do I need the *analyst* role?",
  "Deploy steps:\n\n```bash\ngit pull origin main\nnpm ci && npm run build\nsudo systemctl restart app.service\n```\n\nIf it fails, check `journalctl -u app -n 100`.",
  "> **Note**\n> The API returns `429 Too Many Requests` when you exceed 100 req/min.\n\nUse exponential back-off: wait 1s, 2s, 4s… up to 60s.",
  "Meeting notes 2024-05-14\n\n* Q2 OKRs — on track\n* Hiring: 2 backend, 1 SRE\n* Action items:\n  - [ ] @sean update the runbook\n  - [x] @chiara rotate the staging keys",
  "Here's the diff that fixed it:\n\n```diff\n- if (user.role = 'admin') {\n+ if (user.role === 'admin') {\n    showAdminPanel();\n  }\n```",
  "Recipe: **Crème brûlée** 🍮\n\n1. Heat 500 ml cream with a vanilla pod\n2. Whisk 5 yolks + 100 g sugar\n3. Bake at 150 °C for 35–40 min\n\n_Tip:_ torch the sugar right before serving!",
  "See <https://docs.example.test/api#pagination> and the [changelog](https://github.com/example/app/blob/main/CHANGELOG.md). Works with `?page=2&per_page=50`.",
  "Customer says the invoice PDF shows `&amp;` instead of `&` in the company name (\"Ben & Jerry's\"). Probably double escaping in the template.",
  "### Why does `rm -rf node_modules` fix it?\n\nBecause the lockfile changed. Run `npm ci` instead of `npm install` in CI.",
  "See [the setup guide](../docs/setup.md) and [API reference](../../reference/README.md#auth). Images live in `./assets/`.",
  "**Bug:** `DELETE /api/v1/carts/{id}` returns 204 but the cart is still there.\n\n```http\nDELETE /api/v1/carts/3f2a HTTP/1.1\nAuthorization: Bearer <token>\n```\n\nRepro rate: 3/10.",
  "Postmortem 2024-05-02 — *checkout latency*\n\n1. 14:02 deploy of `payments` v2.3.9\n2. 14:05 p99 > 2 s (alert fired)\n3. 14:11 rollback\n\nRoot cause: N+1 query (`SELECT * FROM line_items WHERE order_id = ?` per order).",
  "Can we alert 1 hour before the SLA expires? Right now the script only runs `cron` every 6h (`0 */6 * * *`).",
  "Quick poll 🗳️ — where should the offsite be?\n\n- [ ] Lisbon\n- [ ] Kraków\n- [ ] Dublin (again 😅)",
  "Our union contract requires 48h notice for schedule changes — please update the **rota** template accordingly.",
  "`SELECT` works but `INSERT INTO audit (user, action) VALUES ('o''brien', 'login')` fails with *syntax error at or near \"user\"* — `user` is reserved in Postgres, quote it.",
  "Dear team,\n\nplease find the Q2 numbers attached (revenue +12%, churn -0.4pp). Let me know if anything's off.\n\nBest,\nRenée",
  "TIL: `git log --oneline --graph --all` | `grep -i fix` is faster than clicking through the UI 😄",
  "Windows users: the path is `C:\\Users\\<you>\\AppData\\Roaming\\example\\config.json`; on macOS `~/Library/Application Support/example/`.",
  "Email template uses `{{first_name}}` and `{{order.number}}` placeholders — do we also support `{{#if vip}}`?",
  "Hi! I'm using the Python SDK:\n\n```python\nclient = Example(api_key=os.environ[\"EXAMPLE_KEY\"])\nclient.orders.list(status=\"shipped\", limit=50)\n```\n\nand get `401`. The key starts with `sk_live_`.",
];
const CODE = [
  { lang: "python", name: "fib.py", text: "def fib(n: int) -> int:\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nif __name__ == \"__main__\":\n    print([fib(i) for i in range(10)])\n" },
  { lang: "javascript", name: "filter.js", text: "export function cheapest(items) {\n  if (items.length < 1) { return null; }\n  return items.filter((i) => i.price > 0 && i.stock >= 1).sort((a, b) => a.price - b.price)[0];\n}\n" },
  { lang: "sql", name: "weekly_orders.sql", text: "SELECT o.id, o.total, c.email\nFROM orders o\nJOIN customers c ON c.id = o.customer_id\nWHERE o.created_at > now() - interval '7 days'\nORDER BY o.total DESC\nLIMIT 20;\n" },
  { lang: "shell", name: "rotate_logs.sh", text: "#!/usr/bin/env bash\nset -euo pipefail\nfor f in /var/log/app/*.log; do\n  gzip -9 \"$f\" && mv \"$f.gz\" /var/log/app/archive/\ndone\nfind /var/log/app/archive -mtime +30 -delete\n" },
  { lang: "go", name: "main.go", text: "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Printf(\"hello %d\\n\", i)\n\t}\n}\n" },
  { lang: "typescript", name: "useDebounce.ts", text: "export function useDebounce<T>(value: T, ms = 300): T {\n  const [v, setV] = useState(value);\n  useEffect(() => { const t = setTimeout(() => setV(value), ms); return () => clearTimeout(t); }, [value, ms]);\n  return v;\n}\n" },
  { lang: "yaml", name: "deployment.yaml", text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: registry.example.test/orders:2.4.0\n          ports:\n            - containerPort: 8080\n" },
  { lang: "dockerfile", name: "Dockerfile", text: "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n" },
  { lang: "rust", name: "lib.rs", text: "pub fn mean(xs: &[f64]) -> Option<f64> {\n    if xs.is_empty() { return None; }\n    Some(xs.iter().sum::<f64>() / xs.len() as f64)\n}\n" },
  { lang: "c", name: "sum.c", text: "int sum(const int *a, int n) {\n    int s = 0;\n    for (int i = 0; i < n; i++) { s += a[i]; }\n    return s;\n}\n" },
  { lang: "powershell", name: "cleanup.ps1", text: "Get-ChildItem -Path C:\\Logs -Filter *.log |\n  Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |\n  Remove-Item -WhatIf\n" },
  { lang: "python", name: "client.py", text: "import requests\n\nresp = requests.get(\"https://api.example.test/v1/orders\", params={\"status\": \"shipped\"}, timeout=10)\nresp.raise_for_status()\nfor o in resp.json()[\"data\"]:\n    print(o[\"id\"], o[\"total\"])\n" },
  { lang: "regex", name: "email.re", text: "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$" },
  { lang: "java", name: "Greeter.java", text: "public final class Greeter {\n    public String greet(String name) {\n        return name == null || name.isBlank() ? \"Hello!\" : \"Hello, \" + name + \"!\";\n    }\n}\n" },
  { lang: "sql", name: "migration_0042.sql", text: "ALTER TABLE invoices ADD COLUMN paid_at timestamptz;\nUPDATE invoices SET paid_at = updated_at WHERE status = 'paid';\nCREATE INDEX CONCURRENTLY idx_invoices_paid_at ON invoices (paid_at);\n" },
  { lang: "javascript", name: "debounce.js", text: "const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };\n" },
  { lang: "yaml", name: "ci.yml", text: "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: { node-version: 20 }\n      - run: npm ci && npm test\n      - run: npm publish\n        if: startsWith(github.ref, 'refs/tags/')\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n" },
  { lang: "yaml", name: "docker-compose.yml", text: "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-changeme}\n    volumes:\n      - ./data:/var/lib/postgresql/data\n  app:\n    build: .\n    environment:\n      DATABASE_URL: postgres://postgres:${POSTGRES_PASSWORD:-changeme}@db:5432/app\n" },
  { lang: "yaml", name: "values.tpl", text: "image: \"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}\"\n{{- if .Values.ingress.enabled }}\nhost: {{ .Values.ingress.host | quote }}\n{{- end }}\n" },
  { lang: "javascript", name: "greet.js", text: "const greet = (user) => `Hello, ${user.name}! You have ${user.unread} new messages.`;\nconsole.log(greet({ name: \"Seán\", unread: 3 }));\n" },
  { lang: "html", name: "card.vue", text: "<template>\n  <div class=\"card\" @click=\"open(item.id)\">\n    <img :src=\"item.thumb\" :alt=\"item.title\" />\n    <h3>{{ item.title }}</h3>\n  </div>\n</template>\n" },
  { lang: "python", name: "query.py", text: "cur.execute(\"SELECT id, name FROM products WHERE price < %s AND category = %s\", (max_price, category))\nrows = cur.fetchall()\n" },
  { lang: "shell", name: "install.md", text: "curl -fsSL https://get.example.test/install.sh -o install.sh\nless install.sh   # read it first!\nsh install.sh --prefix \"$HOME/.local\"\n" },
  { lang: "makefile", name: "Makefile", text: "build:\n\tgo build -o bin/app ./cmd/app\n\ntest:\n\tgo test ./... -race -count=1\n\nclean:\n\trm -rf bin/ && echo \"cleaned\"\n" },
  { lang: "php", name: "helpers.php", text: "<?php\nfunction money(float $v, string $cur = 'EUR'): string {\n    return number_format($v, 2, ',', '.') . ' ' . $cur;\n}\n" },
  { lang: "sql", name: "report.sql", text: "WITH monthly AS (\n  SELECT date_trunc('month', created_at) AS m, sum(total) AS revenue\n  FROM orders WHERE status <> 'cancelled' GROUP BY 1\n)\nSELECT m, revenue, revenue - lag(revenue) OVER (ORDER BY m) AS delta FROM monthly;\n" },
  { lang: "java", name: "OrderRepository.java", text: "@Query(\"select o from Order o where o.customer.id = :id and o.status in :statuses\")\nList<Order> find(@Param(\"id\") UUID id, @Param(\"statuses\") Set<Status> statuses);\n" },
  { lang: "ruby", name: "report.erb", text: "<h1><%= @report.title %></h1>\n<% @report.rows.each do |r| %>\n  <tr><td><%= r.name %></td><td><%= number_to_currency(r.total) %></td></tr>\n<% end %>\n" },
];
const ORDER_STATUS = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"];
const CUR = ["EUR", "USD", "GBP", "JPY", "CHF"];

// ---- api-json ------------------------------------------------------------------------------------------
const apiJson: T[] = [
  (r, i) => api(r, "POST", "/api/v1/orders", { items: [{ sku: `SKU-${int(r, 10000, 99999)}`, qty: int(r, 1, 4), unitPrice: int(r, 199, 19999) / 100 }, { sku: `SKU-${int(r, 10000, 99999)}`, qty: 1, unitPrice: int(r, 199, 9999) / 100 }], currency: at(CUR, i), shipping: { name: at(NAMES, i), street: at(STREETS, i), city: at(CITIES, i), postcode: String(int(r, 10000, 99999)), country: pick(r, ["IE", "DE", "FR", "JP", "US"]) }, coupon: r() < 0.3 ? "SPRING-24" : null, notes: pick(r, ["", "Please leave at the door", "Gift — no invoice in the box, thanks!", "Call before delivery: +49 30 1234567"]) }),
  (r) => api(r, "GET", `/api/v1/orders?${qs({ status: pick(r, ORDER_STATUS), created_after: isoDate(r), limit: pick(r, [20, 50, 100]), cursor: b64(JSON.stringify({ id: int(r, 1000, 99999), ts: isoDate(r) })) })}`),
  (r) => api(r, "POST", "/api/v1/events", { batch: Array.from({ length: int(r, 2, 4) }, () => ({ event: pick(r, ["page_view", "add_to_cart", "checkout_started", "search"]), anonymousId: uuid(r), timestamp: isoDate(r), properties: { url: `https://${SHOPH}/p/${int(r, 100, 999)}?utm_source=newsletter&utm_medium=email`, referrer: "https://www.google.com/", title: pick(r, PRODUCTS), value: int(r, 100, 20000) / 100 }, context: { userAgent: pick(r, BROWSERS), locale: pick(r, ["en-US", "de-DE", "ja-JP"]) } })), sentAt: isoDate(r) }),
  (r) => api(r, "GET", `/api/v1/products/${int(r, 1000, 99999)}?include=variants,reviews&fields[product]=name,price,stock`),
  (r) => api(r, "POST", "/api/v1/cart/items", { productId: uuid(r), variant: { size: pick(r, ["S", "M", "L", "XL", "42", "10.5"]), color: pick(r, ["navy", "black", "off-white", "forest green"]) }, quantity: int(r, 1, 3) }),
  (r) => api(r, "GET", `/api/v1/users/me`),
  (r) => api(r, "POST", "/api/v1/telemetry", { resource: { "service.name": "checkout-web", "service.version": "2.4.0" }, spans: [{ traceId: hex(r, 32), spanId: hex(r, 16), name: "GET /api/v1/cart", startTimeUnixNano: String(1715600000000000000 + int(r, 0, 999999999)), durationMs: int(r, 3, 900), attributes: { "http.status_code": 200, "http.url": "https://api.example.test/api/v1/cart?expand=items" } }] }),
  (r) => api(r, "GET", `/api/v1/flags?${qs({ user: uuid(r), env: "production", keys: "new-checkout,dark-mode,search-v2" })}`),
  (r) => api(r, "POST", "/api/v1/reviews", { productId: int(r, 1000, 99999), rating: int(r, 3, 5), title: pick(r, ["Great value!", "Does what it says", "Better than expected :)", "5/5 would buy again"]), body: pick(r, ["Fits true to size. Ordered 42 & it's perfect.", "Battery lasts ~20h; the case is a bit bulky (but OK).", "Arrived in 2 days -- well packed.", "Bought it for my dad's 60th; he loves it!"]), recommend: true }),
  (r) => api(r, "POST", "/api/v1/quotes", { lines: [{ description: "Consulting – May 2024", hours: 37.5, rate: 120 }, { description: "Travel (Dublin → Berlin)", amount: 412.8 }], taxRate: 0.19, dueDate: isoDate(r).slice(0, 10), customer: { company: pick(r, COMPANIES), vatId: `DE${int(r, 100000000, 999999999)}` } }),
  (r) => api(r, "GET", `/api/v2/inventory?${qs({ warehouse: pick(r, ["DUB-1", "FRA-2", "NRT-1"]), sku: `SKU-${int(r, 10000, 99999)}`, updated_since: isoDate(r) })}`),
  (r) => api(r, "POST", "/api/v1/notifications/preferences", { email: { marketing: false, orderUpdates: true }, push: { enabled: true, quietHours: { from: "22:00", to: "07:00", tz: "Europe/Dublin" } }, sms: null }),
  (r) => api(r, "POST", "/api/v1/payments/intents", { amount: int(r, 500, 250000), currency: pick(r, ["eur", "usd"]), paymentMethodTypes: ["card", "sepa_debit"], metadata: { orderId: uuid(r), cartHash: hex(r, 40) }, idempotencyKey: uuid(r) }),
  (r) => api(r, "GET", `/api/v1/search/suggest?${qs({ q: pick(r, ["hea", "headph", "usb c", "o'br", "crème", "rock &"]), limit: 8 })}`),
  (r) => api(r, "PUT", `/api/v1/schemas/${pick(r, ["order", "customer", "address"])}`, { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://api.example.test/schemas/order.json", type: "object", required: ["id", "total"], properties: { id: { type: "string", format: "uuid" }, total: { type: "number", minimum: 0 }, shipping: { $ref: "#/$defs/address" } }, $defs: { address: { type: "object", properties: { line1: { type: "string" }, city: { type: "string" } } } } }),
  (r) => api(r, "POST", "/api/v1/addresses/validate", { line1: pick(r, STREETS), city: pick(r, CITIES), postalCode: String(int(r, 1000, 99999)), country: pick(r, ["IE", "DE", "FR", "JP", "ES"]) }),
];

// ---- rest-verbs --------------------------------------------------------------------------------------------
const restVerbs: T[] = [
  (r) => api(r, "PUT", `/api/v1/users/${uuid(r)}/profile`, { displayName: pick(r, NAMES), bio: pick(r, ["Coffee, code & climbing.", "PM @ Example — views my own", "Ich liebe Wandern 🏔️"]), website: "https://example.com/~me", timezone: "Europe/Berlin" }),
  (r) => api(r, "PATCH", `/api/v1/orders/${uuid(r)}`, [{ op: "replace", path: "/shipping/method", value: "express" }, { op: "add", path: "/notes", value: "Ring twice, please" }], "application/json-patch+json"),
  (r) => api(r, "PATCH", `/api/v1/settings`, { theme: "dark", language: pick(r, ["de", "fr", "ja", "en-GB"]), newsletter: null }, "application/merge-patch+json"),
  (r) => api(r, "PATCH", `/api/v1/tasks/${int(r, 100, 9999)}`, { status: pick(r, ["in_progress", "done"]), completedAt: isoDate(r) }),
  (r) => api(r, "DELETE", `/api/v1/carts/${uuid(r)}/items/SKU-${int(r, 10000, 99999)}`),
  (r) => api(r, "DELETE", `/api/v1/sessions/${uuid(r)}`),
  (r) => api(r, "DELETE", `/api/v1/webhooks/wh_${alnum(r, 14)}`),
  (r) => { const s = api(r, "PUT", `/api/v1/documents/${uuid(r)}`, { title: "Q2 plan", content: "Goals:\n- ship search v2\n- cut p99 by 30%", version: int(r, 2, 40) }); s.headers.push(["If-Match", `"${hex(r, 16)}"`]); return s; },
  (r) => ({ method: "OPTIONS", uri: `/api/v1/orders/${uuid(r)}`, headers: [["Host", API], ["User-Agent", pick(r, BROWSERS)], ["Accept", "*/*"], ["Origin", `https://${APP}`], ["Access-Control-Request-Method", pick(r, ["PUT", "PATCH", "DELETE"])], ["Access-Control-Request-Headers", "authorization,content-type,x-request-id"], ["Sec-Fetch-Mode", "cors"]] }),
  (r) => api(r, "HEAD", `/api/v1/files/${uuid(r)}`),
  (r) => api(r, "PUT", `/api/v1/users/me/avatar-url`, { url: `https://cdn.example.test/avatars/${uuid(r)}.webp` }),
  (r) => api(r, "PATCH", `/api/v1/inventory/SKU-${int(r, 10000, 99999)}`, { stock: int(r, 0, 500), reserved: int(r, 0, 20), reason: "cycle count 2024-05" }),
  (r) => api(r, "PUT", `/api/v1/teams/${int(r, 1, 300)}/members/${uuid(r)}`, { role: pick(r, ["viewer", "editor", "admin"]) }),
  (r) => api(r, "DELETE", `/api/v1/users/me/tokens/pat_${alnum(r, 20)}`),
  (r) => api(r, "PATCH", `/api/v1/tickets/${int(r, 1000, 99999)}`, { assignee: pick(r, NAMES), priority: "high", tags: ["billing", "eu-customer"] }),
];

// ---- graphql --------------------------------------------------------------------------------------------------
const GQL = [
  { operationName: "GetUser", query: "query GetUser($id: ID!) {\n  user(id: $id) {\n    id\n    name\n    email\n    orders(first: 5) { edges { node { id total status } } }\n  }\n}", variables: (r: Rng) => ({ id: uuid(r) }) },
  { operationName: null, query: "{ user(id: 1) { name } }", variables: () => undefined },
  { operationName: "ProductPage", query: "query ProductPage($slug: String!, $withReviews: Boolean = false) {\n  product(slug: $slug) {\n    ...ProductFields\n    reviews(first: 10) @include(if: $withReviews) { rating body author { name } }\n  }\n}\nfragment ProductFields on Product { id name price { amount currency } images { url alt } }", variables: (r: Rng) => ({ slug: pick(r, ["trail-running-shoe", "usb-c-hub-7-in-1", "kids-rain-jacket"]), withReviews: true }) },
  { operationName: "AddToCart", query: "mutation AddToCart($input: AddToCartInput!) {\n  addToCart(input: $input) { cart { id itemCount total { amount } } errors { field message } }\n}", variables: (r: Rng) => ({ input: { productId: uuid(r), quantity: int(r, 1, 3) } }) },
  { operationName: "UpdateProfile", query: "mutation UpdateProfile($name: String!, $bio: String) { updateProfile(name: $name, bio: $bio) { id name bio } }", variables: (r: Rng) => ({ name: pick(r, NAMES), bio: pick(r, ["Rock & roll -- since '79", "SQL, Go & coffee", "Ça va ?"]) }) },
  { operationName: "Search", query: "query Search($q: String!, $after: String) {\n  search(query: $q, first: 20, after: $after) {\n    pageInfo { hasNextPage endCursor }\n    nodes { __typename ... on Product { id name } ... on Article { id title } }\n  }\n}", variables: (r: Rng) => ({ q: pick(r, SEARCHES), after: r() < 0.5 ? null : b64(`cursor:${int(r, 10, 500)}`) }) },
  { operationName: "Orders", query: "query Orders { viewer { orders(filter: {status: SHIPPED, createdAfter: \"2024-05-01T00:00:00Z\"}) { totalCount nodes { id createdAt } } } }", variables: () => ({}) },
  { operationName: "CreateIssue", query: "mutation CreateIssue($input: CreateIssueInput!) { createIssue(input: $input) { issue { number url } } }", variables: (r: Rng) => ({ input: { repositoryId: `R_${alnum(r, 16)}`, title: "Export drops rows with ' in the name", body: pick(r, MD) } }) },
  { operationName: "IntrospectionQuery", query: "query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { kind name fields(includeDeprecated: true) { name args { name type { kind name } } } } } }", variables: () => undefined },
  { operationName: "CheckoutComplete", query: "mutation CheckoutComplete($id: ID!, $payment: PaymentInput!) {\n  checkoutComplete(checkoutId: $id, payment: $payment) {\n    order { id number total { amount currency } }\n    userErrors { field message code }\n  }\n}", variables: (r: Rng) => ({ id: uuid(r), payment: { provider: "stripe", token: `pm_${alnum(r, 24)}`, billingAddress: { name: pick(r, NAMES), line1: pick(r, STREETS), city: pick(r, CITIES) } } }) },
  { operationName: "Comments", query: "query Comments($postId: ID!, $first: Int = 20, $orderBy: CommentOrder = {field: CREATED_AT, direction: DESC}) {\n  post(id: $postId) { comments(first: $first, orderBy: $orderBy) { nodes { id body author { login } createdAt } } }\n}", variables: (r: Rng) => ({ postId: `P_${alnum(r, 12)}`, first: 50 }) },
  { operationName: "OnOrderUpdated", query: "subscription OnOrderUpdated($id: ID!) { orderUpdated(id: $id) { id status updatedAt } }", variables: (r: Rng) => ({ id: uuid(r) }) },
  { operationName: "DeleteAddress", query: "mutation DeleteAddress($id: ID!) { deleteAddress(id: $id) { deletedId } }", variables: (r: Rng) => ({ id: uuid(r) }) },
  { operationName: "Dashboard", query: "query Dashboard($from: DateTime!, $to: DateTime!) {\n  sales: metrics(from: $from, to: $to, name: \"revenue\") { total series { at value } }\n  orders: metrics(from: $from, to: $to, name: \"orders\") { total }\n  top: products(first: 5, sortBy: REVENUE) { name revenue }\n}", variables: (r: Rng) => ({ from: isoDate(r), to: isoDate(r) }) },
];
const graphql: T[] = [
  (r, i) => { const g = at(GQL, i); return api(r, "POST", "/graphql", { operationName: g.operationName, query: g.query, variables: g.variables(r) }); },
  (r, i) => { const g = at(GQL, i + 3); const s = api(r, "POST", "/graphql", { operationName: g.operationName, query: g.query, variables: g.variables(r) }); s.headers.push(["apollographql-client-name", "web"], ["apollographql-client-version", "2.4.0"]); return s; },
  (r, i) => { const g = at(GQL.slice(0, 7), i + 5); return api(r, "GET", `/graphql?${qs({ operationName: g.operationName ?? "Q", variables: JSON.stringify(g.variables(r) ?? {}), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(r, 64) } }) })}`); },
  (r, i) => api(r, "POST", "/graphql", [0, 1].map((k) => { const g = at(GQL, i + k); return { operationName: g.operationName, query: g.query, variables: g.variables(r) }; })),
];

// ---- webhook ----------------------------------------------------------------------------------------------------
function hook(r: Rng, uri: string, ua: string, extra: Header[], body: string, ct = "application/json"): Shape {
  return { method: "POST", uri, headers: [["Host", API], ["User-Agent", ua], ["Accept", "*/*"], ["Content-Type", ct], ...extra], body };
}
const repo = (r: Rng) => ({ id: int(r, 100000000, 799999999), name: "storefront", full_name: "example/storefront", private: true, html_url: "https://github.com/example/storefront", default_branch: "main" });
const webhook: T[] = [
  (r) => hook(r, "/hooks/gitlab", "GitLab/16.11.2", [["X-Gitlab-Event", "Merge Request Hook"], ["X-Gitlab-Token", b64url(r, 32)], ["X-Gitlab-Event-UUID", uuid(r)]], JSON.stringify({ object_kind: "merge_request", user: { name: pick(r, NAMES), username: "jluc" }, project: { path_with_namespace: "shop/backend", web_url: "https://gitlab.example.test/shop/backend" }, object_attributes: { iid: int(r, 10, 900), title: pick(r, ["Draft: drop legacy `orders_v1` table", "Fix: handle ' in customer names", "Add index on orders(created_at)"]), description: "Migration:\n\n```sql\nDROP TABLE IF EXISTS orders_v1;\n```\n\nRollback: restore from the nightly snapshot.", state: "opened", action: "open", source_branch: "chore/drop-v1", target_branch: "main" } })),
  (r) => hook(r, "/hooks/jira", "Atlassian Webhook HTTP Client", [["X-Atlassian-Webhook-Identifier", String(int(r, 100000, 999999))]], JSON.stringify({ timestamp: int(r, 1715000000000, 1716000000000), webhookEvent: "jira:issue_updated", issue_event_type_name: "issue_commented", issue: { key: `SHOP-${int(r, 100, 4000)}`, fields: { summary: "Customers named O'Neil can't check out", status: { name: "In Progress" } } }, comment: { body: "Reproduced. The query builder concatenates the name: {code}WHERE last_name = '\" + name + \"'{code} — switching to bind params.", author: { displayName: "Chiara D'Angelo" } } })),
  (r) => hook(r, "/hooks/discord/interactions", "Discord-Interactions/1.0 (+https://discord.com)", [["X-Signature-Ed25519", hex(r, 128)], ["X-Signature-Timestamp", String(int(r, 1715000000, 1716000000))]], JSON.stringify({ type: 2, id: String(int(r, 100000000, 999999999)) + String(int(r, 100000000, 999999999)), application_id: String(int(r, 100000000, 999999999)), data: { name: "status", options: [{ name: "service", type: 3, value: pick(r, ["orders-api", "search", "checkout"]) }] }, guild_id: String(int(r, 100000000, 999999999)), member: { user: { username: "renee_oc", global_name: "Renée 🌸" } }, token: b64url(r, 160) })),
  (r) => hook(r, "/hooks/zendesk", "Zendesk Webhook", [["X-Zendesk-Webhook-Signature", b64(hex(r, 32))], ["X-Zendesk-Webhook-Signature-Timestamp", isoDate(r)]], JSON.stringify({ ticket: { id: int(r, 10000, 99999), subject: pick(r, ["Refund for order #10023", "Passwort zurücksetzen klappt nicht", "Can't log in — \"invalid token\""]), description: pick(r, MD), requester: { name: pick(r, NAMES), email: "customer@example.test" }, tags: ["refund", "priority"] } })),
  (r) => hook(r, "/hooks/stripe", "Stripe/1.0 (+https://stripe.com/docs/webhooks)", [["Stripe-Signature", `t=${int(r, 1715000000, 1716000000)},v1=${hex(r, 64)}`]], JSON.stringify({ id: `evt_${alnum(r, 24)}`, object: "event", type: "checkout.session.completed", data: { object: { id: `cs_live_${alnum(r, 58)}`, object: "checkout.session", amount_total: int(r, 500, 90000), currency: "eur", customer_details: { name: pick(r, NAMES), email: "buyer@example.test", address: { line1: pick(r, STREETS), city: pick(r, CITIES), country: "FR" } }, success_url: "https://shop.example.test/thanks?session_id={CHECKOUT_SESSION_ID}", cancel_url: "https://shop.example.test/cart", metadata: { cart: uuid(r) } } } })),
  (r) => { const after = hex(r, 40); return hook(r, "/hooks/github", `GitHub-Hookshot/${hex(r, 7)}`, [["X-GitHub-Event", "push"], ["X-GitHub-Delivery", uuid(r)], ["X-Hub-Signature-256", `sha256=${hex(r, 64)}`]], JSON.stringify({ ref: "refs/heads/main", before: hex(r, 40), after, repository: repo(r), pusher: { name: "sean-obrien", email: "sean@example.test" }, commits: [{ id: after, message: pick(r, ["fix: escape ' in CSV export (#412)", "feat(search): support \"quoted phrases\" & -exclusions", "chore: bump deps\n\nSigned-off-by: Chiara D'Angelo <chiara@example.test>", "docs: add `curl -X DELETE` example to README"]), timestamp: isoDate(r), url: `https://github.com/example/storefront/commit/${after}`, author: { name: pick(r, NAMES), email: "dev@example.test" }, added: ["src/search/query.ts"], removed: [], modified: ["README.md", "src/export/csv.ts"] }] })); },
  (r) => hook(r, "/hooks/github", `GitHub-Hookshot/${hex(r, 7)}`, [["X-GitHub-Event", "pull_request"], ["X-GitHub-Delivery", uuid(r)], ["X-Hub-Signature-256", `sha256=${hex(r, 64)}`]], JSON.stringify({ action: "opened", number: int(r, 100, 2000), pull_request: { title: "Use parameterised queries in the report builder", body: "This replaces string concatenation with `$1` placeholders:\n\n```go\nrows, err := db.Query(\"SELECT id FROM orders WHERE status = $1\", status)\n```\n\nCloses #377", user: { login: "chiara-dangelo" }, head: { ref: "fix/report-sql" }, base: { ref: "main" } }, repository: repo(r) })),
  (r) => hook(r, "/hooks/github", `GitHub-Hookshot/${hex(r, 7)}`, [["X-GitHub-Event", "issue_comment"], ["X-GitHub-Delivery", uuid(r)], ["X-Hub-Signature-256", `sha256=${hex(r, 64)}`]], JSON.stringify({ action: "created", issue: { number: int(r, 10, 900), title: "Crash on <empty> cart" }, comment: { body: pick(r, MD), user: { login: "renee-oc" }, created_at: isoDate(r) }, repository: repo(r) })),
  (r) => { const t = int(r, 1715000000, 1716000000); return hook(r, "/hooks/stripe", "Stripe/1.0 (+https://stripe.com/docs/webhooks)", [["Stripe-Signature", `t=${t},v1=${hex(r, 64)},v0=${hex(r, 64)}`]], JSON.stringify({ id: `evt_${alnum(r, 24)}`, object: "event", api_version: "2024-04-10", created: t, type: pick(r, ["payment_intent.succeeded", "invoice.paid", "customer.subscription.updated", "charge.refunded"]), livemode: true, data: { object: { id: `pi_${alnum(r, 24)}`, object: "payment_intent", amount: int(r, 500, 90000), currency: "eur", customer: `cus_${alnum(r, 14)}`, description: `Order ${uuid(r)}`, metadata: { order_id: String(int(r, 10000, 99999)) }, receipt_email: "renee.oconnor@example.test", status: "succeeded" } }, request: { id: `req_${alnum(r, 14)}`, idempotency_key: uuid(r) } })); },
  (r) => hook(r, "/hooks/slack/events", "Slackbot 1.0 (+https://api.slack.com/robots)", [["X-Slack-Request-Timestamp", String(int(r, 1715000000, 1716000000))], ["X-Slack-Signature", `v0=${hex(r, 64)}`]], JSON.stringify({ token: alnum(r, 24), team_id: `T${alnum(r, 8).toUpperCase()}`, api_app_id: `A${alnum(r, 8).toUpperCase()}`, event: { type: "message", channel: `C${alnum(r, 8).toUpperCase()}`, user: `U${alnum(r, 8).toUpperCase()}`, text: pick(r, ["can someone review <https://github.com/example/storefront/pull/412|#412>? :pray:", "deploy of `orders` to prod is done ✅ (took 4m 12s)", "who owns the `/api/v1/export` endpoint? it 500s on names with an apostrophe, e.g. O'Brien", "lunch? 🍕 12:30 @ Luigi's"]), ts: `${int(r, 1715000000, 1716000000)}.${int(r, 100000, 999999)}` }, type: "event_callback", event_id: `Ev${alnum(r, 9).toUpperCase()}`, event_time: int(r, 1715000000, 1716000000) })),
  (r) => hook(r, "/hooks/slack/commands", "Slackbot 1.0 (+https://api.slack.com/robots)", [["X-Slack-Request-Timestamp", String(int(r, 1715000000, 1716000000))], ["X-Slack-Signature", `v0=${hex(r, 64)}`]], enc({ token: alnum(r, 24), team_id: `T${alnum(r, 8).toUpperCase()}`, team_domain: "example", channel_id: `C${alnum(r, 8).toUpperCase()}`, channel_name: "deploys", user_id: `U${alnum(r, 8).toUpperCase()}`, user_name: "sean.obrien", command: "/deploy", text: pick(r, ["orders production --canary 10%", "search staging", "rollback payments v2.3.9"]), response_url: `https://hooks.slack.com/commands/T0/${int(r, 1000, 9999)}/${alnum(r, 24)}`, trigger_id: `${int(r, 1000, 9999)}.${int(r, 10000, 99999)}.${hex(r, 32)}` }), "application/x-www-form-urlencoded"),
  (r) => hook(r, "/hooks/twilio/sms", "TwilioProxy/1.1", [["X-Twilio-Signature", b64(hex(r, 20))]], enc({ ToCountry: "IE", ToState: "", SmsMessageSid: `SM${hex(r, 32)}`, NumMedia: 0, SmsSid: `SM${hex(r, 32)}`, SmsStatus: "received", Body: pick(r, ["YES", "Stop", "Where's my parcel? Order #10023", "Danke! 👍"]), From: "+353871234567", To: "+35315550100", AccountSid: `AC${hex(r, 32)}`, ApiVersion: "2010-04-01" }), "application/x-www-form-urlencoded"),
  (r) => hook(r, "/hooks/shopify/orders-create", "Shopify-Captain-Hook", [["X-Shopify-Topic", "orders/create"], ["X-Shopify-Hmac-Sha256", b64(hex(r, 32))], ["X-Shopify-Shop-Domain", "example-store.myshopify.com"], ["X-Shopify-Webhook-Id", uuid(r)]], JSON.stringify({ id: int(r, 5000000000000, 5999999999999), email: "zoe.smith-jones@example.test", created_at: isoDate(r), total_price: (int(r, 1000, 90000) / 100).toFixed(2), currency: "EUR", line_items: [{ title: pick(r, PRODUCTS), quantity: 1, price: "49.90", sku: `SKU-${int(r, 10000, 99999)}` }], shipping_address: { name: pick(r, NAMES), address1: pick(r, STREETS), city: pick(r, CITIES), country_code: "IE" }, note: "Please gift wrap 🎁", tags: "vip, returning" })),
  (r) => hook(r, "/hooks/pagerduty", "PagerDuty-Webhook/V3.0", [["X-PagerDuty-Signature", `v1=${hex(r, 64)}`]], JSON.stringify({ event: { id: alnum(r, 14), event_type: "incident.triggered", resource_type: "incident", occurred_at: isoDate(r), data: { id: `Q${alnum(r, 13).toUpperCase()}`, title: "p99 latency > 2s on orders-api (eu-west-1)", urgency: "high", html_url: `https://example.pagerduty.com/incidents/Q${alnum(r, 13).toUpperCase()}`, service: { summary: "orders-api" } } } })),
  (r) => hook(r, "/hooks/sentry", "sentry", [["Sentry-Hook-Resource", "issue"], ["Sentry-Hook-Signature", hex(r, 64)]], JSON.stringify({ action: "created", data: { issue: { id: String(int(r, 1000000, 9999999)), title: "TypeError: Cannot read properties of undefined (reading 'map')", culprit: "app/components/Cart.tsx in renderItems", level: "error", permalink: `https://sentry.example.test/organizations/example/issues/${int(r, 1000, 99999)}/` } } })),
];

// ---- upload ----------------------------------------------------------------------------------------------------
const FILES = [
  { filename: "customers.csv", type: "text/csv", value: "id,name,email,city\n1,Seán O'Brien,sean@example.test,Dublin\n2,\"Müller, Jürgen\",jm@example.test,München\n3,Chiara D'Angelo,chiara@example.test,Roma\n" },
  { filename: "notes.txt", type: "text/plain", value: "Call with vendor — 14:00 CET\n- price per unit: €4.20 (was €4.90)\n- lead time 3-4 weeks\n" },
  { filename: "config.json", type: "application/json", value: "{\n  \"theme\": \"dark\",\n  \"features\": [\"search-v2\", \"checkout-v3\"],\n  \"limits\": { \"rpm\": 600 }\n}\n" },
  { filename: "README.md", type: "text/markdown", value: "# Storefront\n\nRun `npm start` and open <http://localhost:3000>.\n\n```bash\ncp .env.example .env\n```\n" },
  { filename: "Q1 report (final) – O'Brien.csv", type: "text/csv", value: "month,revenue,orders\n2024-01,120394.20,1832\n2024-02,110203.75,1710\n2024-03,131002.10,1999\n" },
  { filename: "meeting.ics", type: "text/calendar", value: "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20240514T120000Z\nDTEND:20240514T130000Z\nSUMMARY:Sprint review\nLOCATION:Room 4.12 / Zoom\nEND:VEVENT\nEND:VCALENDAR\n" },
  { filename: "contact.vcf", type: "text/vcard", value: "BEGIN:VCARD\nVERSION:3.0\nFN:Renée O'Connor\nORG:Crate & Barrel\nTEL;TYPE=work:+1-555-0100\nEMAIL:renee@example.test\nEND:VCARD\n" },
  { filename: "app.log", type: "text/plain", value: "2024-05-13T10:15:00.123Z INFO  request id=7f3a path=/api/v1/cart status=200 dur=12ms\n2024-05-13T10:15:01.456Z WARN  slow query dur=1203ms table=orders\n" },
  { filename: "logo.svg", type: "image/svg+xml", value: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#0a7\"/><text x=\"16\" y=\"40\" font-size=\"24\" fill=\"#fff\">EX</text></svg>" },
  { filename: "script.py", type: "text/x-python", value: CODE[0].text },
  { filename: "写真メモ.txt", type: "text/plain", value: "東京タワーの写真 — 2024年5月\n" },
  { filename: "invoice-2024-05.pdf", type: "application/pdf", value: "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n" },
];
const upload: T[] = [
  (r, i) => { const b = boundary(r); const h = baseHeaders(r, APP, "xhr", { cookies: true }); h.push(["Content-Type", `multipart/form-data; boundary=${b}`]); return { method: "POST", uri: "/api/v1/files", headers: h, body: multipart(b, [{ name: "file", ...at(FILES, i) }, { name: "folder", value: pick(r, ["/", "/reports/2024", "/Shared/Marketing & Sales"]) }]) }; },
  (r, i) => { const b = boundary(r); const h = baseHeaders(r, APP, "page", { cookies: true }); h.push(["Content-Type", `multipart/form-data; boundary=${b}`]); return { method: "POST", uri: "/support/tickets/new", headers: h, body: multipart(b, [{ name: "authenticity_token", value: b64url(r, 86) }, { name: "subject", value: pick(r, ["Export fails for names with ' in them", "Can't upload CSV > 10 MB", "Rechnung fehlt / invoice missing"]) }, { name: "description", value: pick(r, MD) }, { name: "attachment", ...at(FILES, i + 4) }]) }; },
  (r, i) => { const f = at(FILES, i + 1); const h = baseHeaders(r, API, "sdk", { auth: true }); h.push(["Content-Type", f.type]); return { method: "PUT", uri: `/api/v1/uploads/${uuid(r)}/${encodeURIComponent(f.filename)}`, headers: h, body: f.value }; },
  (r, i) => { const b = boundary(r); const h = baseHeaders(r, APP, "xhr", { auth: true }); h.push(["Content-Type", `multipart/form-data; boundary=${b}`]); return { method: "POST", uri: "/api/v1/imports/customers", headers: h, body: multipart(b, [{ name: "mapping", value: JSON.stringify({ name: "B", email: "C", city: "D" }) }, { name: "dryRun", value: "true" }, { name: "file", ...at(FILES, i * 4) }]) }; },
];

// ---- form -------------------------------------------------------------------------------------------------------
const PASSWORDS = ["c0rrect-H0rse!#", "P@ssw0rd'2024", "Tr0ub4dor&3", "m!ñ0-ç@fé", "correct horse battery staple", "S3cure;Pass=1", "hunter2<>", "Passw0rd--!"];
const formT: T[] = [
  (r, i) => form(r, WWW, "/login", enc({ csrf_token: alnum(r, 40), email: `user${int(r, 1, 999)}@example.test`, password: at(PASSWORDS, i), remember_me: "on" })),
  (r, i) => form(r, WWW, "/signup", enc({ authenticity_token: b64url(r, 86), "user[name]": at(NAMES, i), "user[email]": `signup${int(r, 1, 9999)}@example.test`, "user[password]": pick(r, PASSWORDS), "user[terms]": 1 })),
  (r, i) => form(r, WWW, "/contact", enc({ name: at(NAMES, i + 3), email: "contact@example.test", subject: pick(r, ["Question about my order", "Partnership", "Bug report"]), message: pick(r, ["Hi,\r\nmy order #10023 arrived damaged (the box was wet). Could you send a replacement?\r\nThanks & regards,\r\nSeán", "Do you ship to Zürich? If so — how long does it take & what does it cost?", "The \"Buy now\" button does nothing on Safari 17.4 (iOS). Console says: Uncaught TypeError: e is undefined", "Bonjour, je voudrais changer l'adresse de livraison : 1 Rue de l'Église, 75004 Paris."]) })),
  (r, i) => form(r, SHOPH, "/checkout/address", enc({ _csrf: alnum(r, 36), "address[first_name]": at(NAMES, i).split(" ")[0], "address[last_name]": at(NAMES, i).split(" ").slice(1).join(" ") || "Doe", "address[company]": at(COMPANIES, i), "address[line1]": at(STREETS, i), "address[city]": at(CITIES, i), "address[zip]": String(int(r, 10000, 99999)), "address[phone]": "+49 (0)30 123-4567" })),
  (r) => form(r, SHOPH, "/cart/update", enc({ "items[0][sku]": `SKU-${int(r, 10000, 99999)}`, "items[0][qty]": int(r, 1, 5), "items[1][sku]": `SKU-${int(r, 10000, 99999)}`, "items[1][qty]": 0, coupon: "", note: "gift wrap pls" })),
  (r, i) => form(r, WWW, "/newsletter", enc({ email: `news${int(r, 1, 9999)}@example.test`, "interests[]": pick(r, ["tech", "outdoor", "food & drink"]), lang: pick(r, ["en", "de", "fr"]), source: at(["footer", "popup", "blog/how-we-cut-p99-latency"], i) })),
  (r) => form(r, WWW, "/comments", enc({ post_id: int(r, 100, 999), author: pick(r, NAMES), body: pick(r, ["Great write-up! One nit: `SELECT *` in the 2nd example should list columns.", "Tried it — works with Node 20 & npm 10. 👍", "Why not use <details> for the long code blocks?", "Hmm, 2 + 2 != 5; I think the table's totals are off by one :)"]) })),
  (r) => form(r, APP, "/account/password", enc({ _method: "patch", current_password: pick(r, PASSWORDS), new_password: pick(r, PASSWORDS), confirm_password: "same-as-above" })),
  (r) => form(r, WWW, "/survey/submit", enc({ q1: pick(r, ["Very satisfied", "Neutral"]), q2: "5", q3: pick(r, ["Faster shipping & fewer emails", "More sizes (XS-XXL)", "n/a", "Please add Apple Pay; it's 2024!"]), nps: int(r, 0, 10) })),
];

// ---- search -------------------------------------------------------------------------------------------------------
const search: T[] = [
  (r, i) => page(r, SHOPH, `/search?${qs({ q: at(SEARCHES, i) })}`),
  (r, i) => page(r, WWW, `/search?q=${fenc(at(SEARCHES, i + 13))}&page=${int(r, 1, 4)}&sort=relevance`),
  (r, i) => api(r, "GET", `/api/v1/search?${qs({ q: at(SEARCHES, i + 26), filters: "category:shoes|size:42", from: 0, size: 24 })}`),
  (r, i) => api(r, "POST", "/api/v1/search", { query: at(SEARCHES, i + 7), filters: { priceMin: 0, priceMax: 150, brands: ["Acme", "Ben & Jerry's"], inStock: true }, sort: [{ field: "price", order: "asc" }], page: { size: 24, cursor: null } }),
  (r, i) => page(r, "docs.example.test", `/search?${qs({ q: at(["how to delete a webhook", "select fields in graphql", "union types", "drop-in replacement for redis", "exec vs spawn node", "order by multiple columns", "where clause with dates", "cat command windows equivalent", "script tag async vs defer", "insert many rows"], i), version: "v2" })}`),
];

// ---- markdown -------------------------------------------------------------------------------------------------------
const markdown: T[] = [
  (r, i) => api(r, "POST", `/api/v1/tickets/${int(r, 1000, 99999)}/comments`, { body: at(MD, i), internal: r() < 0.3, format: "markdown" }),
  (r, i) => api(r, "PUT", `/api/v1/wiki/pages/${pick(r, ["onboarding", "runbooks/orders-api", "faq"])}`, { title: pick(r, ["Onboarding", "Runbook: orders-api", "FAQ"]), content: at(MD, i + 5), message: "Update via web editor" }),
  (r, i) => form(r, "community.example.test", "/t/reply", enc({ authenticity_token: b64url(r, 86), topic_id: int(r, 1000, 9999), raw: at(MD, i + 2) })),
  (r, i) => api(r, "POST", "/api/v1/issues", { title: pick(r, ["Checkout 500 on Safari", "Docs: pagination example is wrong", "Feature: export as .xlsx"]), body: at(MD, i + 8), labels: ["bug", "needs-triage"] }),
];

// ---- code ------------------------------------------------------------------------------------------------------------
const code: T[] = [
  (r, i) => { const c = at(CODE, i); return api(r, "POST", "/api/v1/gists", { description: `${c.lang} snippet`, public: false, files: { [c.name]: { content: c.text } } }); },
  (r, i) => { const c = at(CODE, i + 5); return api(r, "PATCH", `/api/v1/snippets/${uuid(r)}`, { language: c.lang, code: c.text, title: c.name }); },
  (r, i) => { const c = at(CODE, i + 2); return api(r, "POST", `/api/v1/tickets`, { subject: `Question about ${c.name}`, body: `Hi support,\n\nthis is what I run:\n\n${c.text}\nand it fails with exit code 1. Any idea?\n\nThanks, ${pick(r, NAMES)}`, priority: "normal" }); },
  (r, i) => { const c = at(CODE, i + 9); return api(r, "PUT", `/api/v1/notebooks/${uuid(r)}`, { cells: [{ cell_type: "markdown", source: "## Analysis of weekly orders" }, { cell_type: "code", source: c.text, outputs: [] }], metadata: { kernelspec: { name: "python3" } } }); },
  (r, i) => { const c = at(CODE, i + 11); return form(r, "paste.example.test", "/paste", enc({ syntax: c.lang, expiry: "1w", title: c.name, content: c.text })); },
];

// ---- i18n -------------------------------------------------------------------------------------------------------------
const i18n: T[] = [
  (r, i) => page(r, SHOPH, `/search?${qs({ q: at(I18N, i) })}`),
  (r, i) => api(r, "POST", "/api/v1/reviews", { productId: int(r, 1000, 99999), rating: int(r, 4, 5), title: at(I18N, i + 3), body: at(I18N, i + 7) + " " + at(I18N, i + 11), locale: pick(r, ["de-DE", "fr-FR", "ja-JP", "ar-SA"]) }),
  (r, i) => api(r, "POST", "/api/v1/chat/messages", { conversationId: uuid(r), text: at(I18N, i + 5), sentAt: isoDate(r) }),
  (r, i) => form(r, WWW, "/contact", enc({ name: at(NAMES, i + 10), message: at(I18N, i + 1), lang: "auto" })),
  (r, i) => { const [lang, path] = at([["de", "produkte/schuhe-größe-42"], ["fr", "catégories/été"], ["ja", "カテゴリ/新着"], ["ar", "منتجات/جديد"], ["de", "marken/müller-&-söhne"]] as const, i); return page(r, WWW, `/${lang}/${path.split("/").map(encodeURIComponent).join("/")}`); },
];

// ---- names ---------------------------------------------------------------------------------------------------------------
const names: T[] = [
  (r, i) => page(r, APP, `/directory?${qs({ name: at(NAMES, i) })}`),
  (r, i) => api(r, "POST", "/api/v1/contacts", { firstName: at(NAMES, i).split(" ")[0], lastName: at(NAMES, i).split(" ").slice(1).join(" "), company: at(COMPANIES, i), email: `c${int(r, 1, 999)}@example.test`, address: { street: at(STREETS, i), city: at(CITIES, i) } }),
  (r, i) => form(r, SHOPH, "/account/profile", enc({ full_name: at(NAMES, i + 7), display_name: at(NAMES, i + 7).split(" ")[0], company: at(COMPANIES, i + 3) })),
  (r, i) => api(r, "GET", `/api/v1/customers?${qs({ last_name: at(["O'Brien", "D'Angelo", "O'Neil", "d'Artagnan", "O'Connor", "Ní Bhriain", "Smith-Jones", "García-López"], i), company: at(COMPANIES, i + 5) })}`),
  (r, i) => api(r, "PUT", `/api/v1/users/${uuid(r)}`, { name: at(NAMES, i + 14), nickname: pick(r, ["Seánie", "D'Ange", "Zo", "JLP"]), employer: at(COMPANIES, i + 9) }),
];

// ---- auth ---------------------------------------------------------------------------------------------------------------
const AUTHH = "auth.example.test";
function oauthForm(r: Rng, body: string, basic = false): Shape {
  const h: Header[] = [["Host", AUTHH], ["User-Agent", pick(r, SDKS)], ["Accept", "application/json"], ["Content-Type", "application/x-www-form-urlencoded"]];
  if (basic) h.push(["Authorization", `Basic ${b64(`svc-${alnum(r, 8)}:${b64url(r, 40)}`)}`]);
  return { method: "POST", uri: "/oauth/token", headers: h, body };
}
const saml = (r: Rng) => b64(`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_${hex(r, 32)}" Version="2.0" IssueInstant="${isoDate(r)}" Destination="https://app.example.test/saml/acs"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.example.test/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${hex(r, 32)}"><saml:Subject><saml:NameID>renee.oconnor@example.test</saml:NameID></saml:Subject><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>${b64url(r, 344)}</ds:SignatureValue></ds:Signature></saml:Assertion></samlp:Response>`);
const auth: T[] = [
  (r) => oauthForm(r, enc({ grant_type: "authorization_code", code: b64url(r, 43), redirect_uri: "https://app.example.test/callback", client_id: `web-${alnum(r, 10)}`, code_verifier: b64url(r, 64) })),
  (r) => oauthForm(r, enc({ grant_type: "refresh_token", refresh_token: `${b64url(r, 22)}.${b64url(r, 120)}`, client_id: "mobile-ios" })),
  (r) => oauthForm(r, enc({ grant_type: "client_credentials", scope: "orders:read inventory:write", audience: "https://api.example.test" }), true),
  (r) => page(r, APP, `/callback?${qs({ code: b64url(r, 43), state: b64url(r, 32), session_state: `${uuid(r)}.${b64url(r, 22)}`, iss: "https://auth.example.test/" })}`),
  (r) => page(r, AUTHH, `/authorize?${qs({ response_type: "code", client_id: `web-${alnum(r, 10)}`, redirect_uri: "https://app.example.test/callback", scope: "openid profile email offline_access", state: b64url(r, 32), nonce: b64url(r, 32), code_challenge: b64url(r, 43), code_challenge_method: "S256", prompt: "login", ui_locales: "de-DE en" })}`),
  (r) => ({ method: "GET", uri: pick(r, ["/.well-known/openid-configuration", "/.well-known/jwks.json", "/realms/main/protocol/openid-connect/certs"]), headers: [["Host", AUTHH], ["User-Agent", pick(r, SDKS)], ["Accept", "application/json"]] }),
  (r, i) => { const s = api(r, "POST", "/api/v1/auth/login", { email: `user${int(r, 1, 999)}@example.test`, password: at(PASSWORDS, i), rememberMe: true, device: { name: "Renée's MacBook Pro", os: "macOS 14.4" } }); s.headers = s.headers.filter(([n]) => n !== "Authorization"); return s; },
  (r) => api(r, "POST", "/api/v1/auth/mfa/verify", { challengeId: uuid(r), code: String(int(r, 100000, 999999)), method: "totp" }),
  (r) => page(r, AUTHH, `/logout?${qs({ id_token_hint: jwt(r), post_logout_redirect_uri: "https://www.example.test/goodbye", state: b64url(r, 16) })}`),
  (r) => form(r, APP, "/saml/acs", enc({ SAMLResponse: saml(r), RelayState: "https://app.example.test/dashboard?tab=reports&range=30d" })),
  (r) => oauthForm(r, enc({ token: `${b64url(r, 30)}.${b64url(r, 60)}`, token_type_hint: "access_token" }), true),
  (r) => api(r, "POST", "/api/v1/auth/webauthn/assert", { id: b64url(r, 43), rawId: b64url(r, 43), type: "public-key", response: { clientDataJSON: b64u(JSON.stringify({ type: "webauthn.get", challenge: b64url(r, 43), origin: "https://app.example.test", crossOrigin: false })), authenticatorData: b64url(r, 49), signature: b64url(r, 96), userHandle: b64url(r, 22) } }),
  (r) => form(r, WWW, "/password/reset", enc({ token: b64url(r, 64), password: pick(r, PASSWORDS), password_confirmation: pick(r, PASSWORDS) })),
  (r) => page(r, "auth.staging.example.test", `/authorize?${qs({ response_type: "code", client_id: "local-dev", redirect_uri: pick(r, ["http://localhost:3000/callback", "http://127.0.0.1:8080/auth/callback"]), scope: "openid profile", state: b64url(r, 24), code_challenge: b64url(r, 43), code_challenge_method: "S256" })}`),
];

// ---- cookies --------------------------------------------------------------------------------------------------------
function withCookie(r: Rng, host: string, uri: string, cookie: string): Shape {
  const h = baseHeaders(r, host, "page").filter(([n]) => n !== "Cookie");
  h.push(["Cookie", cookie]);
  return { method: "GET", uri, headers: h };
}
const cookies: T[] = [
  (r) => withCookie(r, SHOPH, "/account", `${browserCookies(r)}; prefs=${b64(JSON.stringify({ theme: pick(r, ["dark", "light"]), lang: pick(r, ["de", "fr", "en"]), currency: pick(r, CUR), recently_viewed: [int(r, 100, 999), int(r, 100, 999)] }))}`),
  (r) => withCookie(r, APP, "/dashboard", `access_token=${jwt(r)}; refresh_hint=1; ${browserCookies(r)}`),
  (r) => withCookie(r, WWW, "/orders", `_storefront_session=${b64(hex(r, 60)).replace(/=+$/, "")}--${hex(r, 40)}; remember_user_token=${b64url(r, 120)}`),
  (r) => withCookie(r, APP, "/settings", `connect.sid=s%3A${b64url(r, 32)}.${b64(hex(r, 32)).replace(/=+$/, "").replace(/\+/g, "%2B").replace(/\//g, "%2F")}`),
  (r) => withCookie(r, APP, "/reports", `session=${b64u(JSON.stringify({ _fresh: true, _id: hex(r, 64), user_id: String(int(r, 1, 99999)) }))}.${b64url(r, 6)}.${b64url(r, 27)}`),
  (r) => withCookie(r, WWW, "/", `OptanonConsent=isGDPRApplies=true&datestamp=${encodeURIComponent("Mon May 13 2024 10:15:00 GMT+0200 (Central European Summer Time)")}&version=202403.1.0&groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A0&hosts=&consentId=${uuid(r)}&interactionCount=1&landingPath=NotLandingPage; OptanonAlertBoxClosed=${isoDate(r)}`),
  (r) => withCookie(r, SHOPH, "/cart", `cart=${encodeURIComponent(JSON.stringify({ items: [{ sku: `SKU-${int(r, 10000, 99999)}`, qty: 2 }, { sku: `SKU-${int(r, 10000, 99999)}`, qty: 1 }], updated: isoDate(r) }))}; ${browserCookies(r)}`),
  (r) => withCookie(r, WWW, "/blog/how-we-cut-p99-latency", `__cf_bm=${b64url(r, 43)}-${int(r, 1715000000, 1716000000)}-1.0.1.1-${b64url(r, 86)}; _fbp=fb.1.${int(r, 1715000000000, 1716000000000)}.${int(r, 100000000, 999999999)}; ajs_anonymous_id=${encodeURIComponent(`"${uuid(r)}"`)}; AMP_${hex(r, 10)}=${b64(JSON.stringify({ deviceId: uuid(r), sessionId: int(r, 1715000000000, 1716000000000), optOut: false }))}`),
  (r) => withCookie(r, APP, "/inbox", `intercom-session-${alnum(r, 8).toLowerCase()}=${b64(`${b64url(r, 40)}--${hex(r, 40)}`)}; intercom-device-id-${alnum(r, 8).toLowerCase()}=${uuid(r)}; locale=fr-FR; tz=Europe%2FParis`),
  (r) => withCookie(r, WWW, "/", `${browserCookies(r)}; recently_searched=${encodeURIComponent(JSON.stringify([pick(r, SEARCHES), pick(r, SEARCHES)]))}`),
];

// ---- static --------------------------------------------------------------------------------------------------------
const ASSETS = [
  ["/assets/app.3f9a1c7e.js", "*/*"], ["/assets/vendor.9b2e44d1.js", "*/*"], ["/static/css/main.css?v=2.4.1", "text/css,*/*;q=0.1"],
  ["/images/products/sku-12345@2x.webp", "image/avif,image/webp,*/*"], ["/fonts/Inter-var.woff2", "*/*"], ["/favicon.ico", "image/avif,image/webp,*/*"],
  ["/manifest.webmanifest", "*/*"], ["/robots.txt", "*/*"], ["/sitemap.xml", "application/xml"], ["/apple-touch-icon.png", "image/png"],
  ["/assets/icons.svg?v=7", "image/svg+xml"], ["/static/js/chunk-vendors.2c1d9e.js.map", "*/*"], ["/images/hero/summer-sale_1920x600.jpg?w=1200&q=75&fm=webp", "image/webp,*/*"],
  ["/_next/static/chunks/pages/index-7f3a9b.js", "*/*"], ["/_next/image?url=%2Fimages%2Fteam%2Frenee.jpg&w=640&q=75", "image/webp,*/*"],
] as const;
const staticT: T[] = [
  (r, i) => { const [uri, acc] = at(ASSETS, i); const host = pick(r, [WWW, SHOPH, "cdn.example.test"]); return { method: "GET", uri, headers: [["Host", host], ["User-Agent", pick(r, BROWSERS)], ["Accept", acc], ["Accept-Encoding", "gzip, deflate, br"], ["Referer", `https://${host}/`], ["Sec-Fetch-Dest", uri.includes(".css") ? "style" : uri.includes(".js") ? "script" : "image"]] }; },
  (r, i) => { const [uri, acc] = at(ASSETS, i + 7); return { method: "GET", uri, headers: [["Host", "cdn.example.test"], ["User-Agent", pick(r, BROWSERS)], ["Accept", acc], ["If-None-Match", `W/"${hex(r, 8)}-${hex(r, 27)}"`], ["If-Modified-Since", "Mon, 13 May 2024 08:00:00 GMT"], ["Cache-Control", "max-age=0"]] }; },
  (r) => ({ method: "GET", uri: `/videos/intro-${pick(r, ["720p", "1080p"])}.mp4`, headers: [["Host", "cdn.example.test"], ["User-Agent", pick(r, BROWSERS)], ["Accept", "*/*"], ["Range", `bytes=${int(r, 0, 1000000)}-`], ["Accept-Encoding", "identity;q=1, *;q=0"]] }),
  (r) => ({ method: "HEAD", uri: `/downloads/app-${pick(r, ["2.4.0", "2.3.9"])}-${pick(r, ["x64.msi", "arm64.dmg", "amd64.deb"])}`, headers: [["Host", "downloads.example.test"], ["User-Agent", pick(r, ["curl/8.5.0", "Wget/1.21.3", ...BROWSERS.slice(0, 2)])], ["Accept", "*/*"]] }),
];

// ---- browse --------------------------------------------------------------------------------------------------------
const browse: T[] = [
  (r) => page(r, SHOPH, `/c/${pick(r, ["shoes", "outdoor", "kitchen", "electronics"])}?${qs({ size: pick(r, ["42", "M", "10.5"]), color: pick(r, ["black", "navy", "off-white"]), sort: pick(r, ["price_asc", "newest", "rating"]), page: int(r, 1, 6) })}`),
  (r) => page(r, WWW, `/blog/${pick(r, ["how-we-cut-p99-latency", "kubernetes-at-scale-part-2", "rust-vs-go-for-proxies", "a-year-of-zero-trust"])}?${qs({ utm_source: pick(r, ["newsletter", "twitter", "hn"]), utm_medium: "email", utm_campaign: "2024-05_digest", utm_content: "cta-button" })}`),
  (r) => page(r, WWW, `/login?${qs({ next: pick(r, ["/account/orders", "/checkout?step=2", "/settings/billing#invoices"]) })}`),
  (r) => page(r, APP, `/sso/start?${qs({ return_to: pick(r, ["https://app.example.test/dashboard", "https://app.example.test/reports?range=30d&tz=Europe%2FBerlin", "https://admin.example.test/"]) })}`),
  (r) => page(r, APP, `/integrations/connect?${qs({ provider: pick(r, ["slack", "github", "google"]), callback: "https://example.com/x", redirect_uri: "https://app.example.test/integrations/callback" })}`),
  (r) => page(r, SHOPH, `/p/${int(r, 1000, 99999)}-${pick(r, ["trail-running-shoe", "usb-c-hub", "kids-rain-jacket"])}`, [["Referer", `https://www.google.com/search?q=${fenc(pick(r, SEARCHES))}`]]),
  (r) => page(r, WWW, `/share?${qs({ url: `https://www.example.test/blog/${pick(r, ["a-year-of-zero-trust", "release-2-4"])}`, text: pick(r, ["Worth a read 👇", "Great post & demo", "\"Zero trust\" explained"]) })}`),
  (r) => page(r, APP, `/reports?${qs({ from: isoDate(r).slice(0, 10), to: isoDate(r).slice(0, 10), group_by: "week", metrics: "revenue,orders,aov", compare: "previous_period" })}`),
  (r) => page(r, WWW, `/events?${qs({ date: isoDate(r).slice(0, 10), city: pick(r, CITIES), category: pick(r, ["music", "tech & startups", "food/drink"]) })}`),
  (r) => page(r, WWW, `/help/articles/${int(r, 1000, 9999)}-${pick(r, ["how-do-i-return-an-item", "where-s-my-order", "change-your-email"])}`),
  (r) => page(r, APP, `/track?${qs({ carrier: pick(r, ["dhl", "ups", "an-post"]), tracking: `${alnum(r, 2).toUpperCase()}${int(r, 100000000, 999999999)}${pick(r, ["DE", "IE", "GB"])}`, order: uuid(r) })}`),
  (r) => page(r, WWW, `/`),
];

// ---- xml ---------------------------------------------------------------------------------------------------------
function xmlPost(r: Rng, host: string, uri: string, body: string, ct: string, extra: Header[] = []): Shape {
  const h: Header[] = [["Host", host], ["User-Agent", pick(r, ["Apache-HttpClient/4.5.14 (Java/17.0.10)", "gSOAP/2.8", "Zeep/4.2.1 (www.python-zeep.org)", "curl/8.5.0", "Go-http-client/1.1", ...SDKS.slice(0, 3)])], ["Accept", "application/xml, text/xml, */*"], ["Content-Type", ct], ...extra];
  return { method: "POST", uri, headers: h, body };
}
const xml: T[] = [
  (r) => xmlPost(r, API, "/services/OrderService", `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ord="http://example.test/orders/v1">\n  <soap:Header><ord:Auth><ord:Token>${b64url(r, 40)}</ord:Token></ord:Auth></soap:Header>\n  <soap:Body><ord:GetOrder><ord:OrderId>${int(r, 10000, 99999)}</ord:OrderId></ord:GetOrder></soap:Body>\n</soap:Envelope>`, "text/xml; charset=utf-8", [["SOAPAction", "\"http://example.test/orders/v1/GetOrder\""]]),
  (r) => xmlPost(r, API, "/services/Billing", `<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><b:CreateInvoice xmlns:b="urn:example:billing"><b:Customer>${xmlEscT(pick(r, COMPANIES))}</b:Customer><b:Amount currency="EUR">${int(r, 100, 99999) / 100}</b:Amount><b:Due>${isoDate(r).slice(0, 10)}</b:Due></b:CreateInvoice></env:Body></env:Envelope>`, "application/soap+xml; charset=utf-8"),
  (r) => xmlPost(r, API, "/api/v1/feeds/import", `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Blog</title><link>https://www.example.test/blog</link><item><title>${xmlEscT(pick(r, ["Rock & roll -- best of the 70's", "Why we moved to Go", "Crème brûlée, explained"]))}</title><link>https://www.example.test/blog/${int(r, 100, 999)}</link><pubDate>Mon, 13 May 2024 10:15:00 +0000</pubDate><content:encoded><![CDATA[<p>Read the <a href="https://www.example.test/docs">docs</a> &mdash; it's worth it.</p>]]></content:encoded></item></channel></rss>`, "application/rss+xml"),
  (r) => xmlPost(r, API, "/api/v1/sitemaps", `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: 3 }, () => `<url><loc>https://www.example.test/p/${int(r, 1000, 9999)}?ref=sitemap&amp;lang=de</loc><lastmod>${isoDate(r).slice(0, 10)}</lastmod><changefreq>weekly</changefreq></url>`).join("")}</urlset>`, "application/xml"),
  (r) => xmlPost(r, API, "/api/v1/orders/feed", `<?xml version="1.0" encoding="UTF-8"?>\n<orders><order id="${uuid(r)}"><customer><name>${xmlEscT(pick(r, NAMES))}</name><company>${xmlEscT(pick(r, COMPANIES))}</company></customer><lines><line sku="SKU-${int(r, 10000, 99999)}" qty="2" price="19.90"/><line sku="SKU-${int(r, 10000, 99999)}" qty="1" price="5.00"/></lines><note>${xmlEscT("Deliver to reception; if closed -> leave with neighbour (No. 12)")}</note></order></orders>`, "application/xml"),
  (r) => { const b = boundary(r); const h = baseHeaders(r, APP, "xhr", { cookies: true }); h.push(["Content-Type", `multipart/form-data; boundary=${b}`]); return { method: "POST", uri: "/api/v1/assets", headers: h, body: multipart(b, [{ name: "file", filename: "icon-export.svg", type: "image/svg+xml", value: `<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 28.3.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" viewBox="0 0 24 24" xml:space="preserve"><path fill="#1D1D1B" d="M12 2L2 7l10 5 10-5-10-5z"/></svg>` }]) }; },
  (r, i) => { const [lang, t1, t2] = at([["de", "Zur Kasse", "Ihr Warenkorb ist leer"], ["fr", "Paiement", "Votre panier est vide"], ["ja", "お会計", "カートは空です"]], i); return xmlPost(r, API, "/api/v1/translations", `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="${lang}" datatype="plaintext" original="app.json"><body><trans-unit id="checkout.title"><source>Checkout</source><target>${xmlEscT(t1)}</target></trans-unit><trans-unit id="cart.empty"><source>Your cart is empty &amp; sad</source><target>${xmlEscT(t2)}</target></trans-unit></body></file></xliff>`, "application/xliff+xml"); },
  (r) => xmlPost(r, "webdav.example.test", "/files/Shared/", `<?xml version="1.0" encoding="utf-8"?>\n<D:propfind xmlns:D="DAV:"><D:prop><D:displayname/><D:getlastmodified/><D:getcontentlength/><D:resourcetype/></D:prop></D:propfind>`, "application/xml; charset=utf-8", [["Depth", "1"], ["Authorization", `Basic ${b64(`renee:${b64url(r, 16)}`)}`]]),
];
// ---- richtext (HTML from WYSIWYG editors) ---------------------------------------------------------------------------
const RICH = [
  "<p>Hello <strong>team</strong>,</p><p>the new <a href=\"https://docs.example.test/release-2-4\" target=\"_blank\" rel=\"noopener noreferrer\">release notes</a> are up.</p>",
  "<h2>Summer sale ☀️</h2><p>Up to <em>50% off</em> outdoor gear &amp; apparel.</p><img src=\"https://cdn.example.test/banners/summer.webp\" alt=\"Summer sale banner\" width=\"600\" height=\"200\">",
  "<ul><li>Fixed: names with apostrophes (O&#39;Brien) now save correctly</li><li>New: export to CSV</li></ul>",
  "<p>Hi {{first_name}},</p><p>your order <b>#{{order.number}}</b> has shipped. Track it <a href=\"{{tracking_url}}\">here</a>.</p><p>— The Example team</p>",
  "<blockquote>Simplicity is prerequisite for reliability.</blockquote><p style=\"color: #555; font-size: 14px\">— E. W. Dijkstra</p>",
  "<table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Basic</td><td>€9/mo</td></tr><tr><td>Pro</td><td>€29/mo</td></tr></tbody></table>",
  "<p>Code sample:</p><pre><code class=\"language-js\">if (a &lt; b) { return x; }</code></pre>",
  "<p dir=\"rtl\">شكراً لتسوقكم معنا!</p><p>Danke für Ihren Einkauf! <span class=\"emoji\">🎉</span></p>",
  "<p><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" width=\"560\" height=\"315\" allowfullscreen></iframe></p>",
  "<div class=\"callout callout-warning\"><p><strong>Heads-up:</strong> maintenance window on <time datetime=\"2024-05-20T22:00:00Z\">20 May, 22:00 UTC</time>.</p></div>",
];
const richtext: T[] = [
  (r, i) => api(r, "POST", "/api/v1/cms/pages", { title: pick(r, ["Summer sale", "Release 2.4", "Shipping info"]), slug: pick(r, ["summer-sale", "release-2-4", "shipping"]), html: at(RICH, i), published: false }),
  (r, i) => api(r, "PUT", `/api/v1/newsletters/${int(r, 100, 999)}`, { subject: pick(r, ["Your weekly digest 📬", "Neu im Shop", "Order update"]), bodyHtml: at(RICH, i + 3), bodyText: "See the HTML version.", sendAt: isoDate(r) }),
  (r, i) => form(r, "cms.example.test", "/admin/posts/edit", enc({ _token: b64url(r, 40), title: pick(r, ["Weekly update", "Team offsite", "FAQ"]), content: at(RICH, i + 6), status: "draft" })),
  (r, i) => api(r, "POST", `/api/v1/tickets/${int(r, 1000, 99999)}/replies`, { html: at(RICH, i + 1), cc: ["ops@example.test"] }),
];

export const BENIGN_PLAN: [string, T[], number][] = [
  ["api-json", apiJson, 75], ["rest-verbs", restVerbs, 70], ["graphql", graphql, 60], ["webhook", webhook, 70], ["upload", upload, 60],
  ["form", formT, 72], ["search", search, 70], ["markdown", markdown, 56], ["code", code, 64], ["i18n", i18n, 66],
  ["names", names, 70], ["auth", auth, 70], ["cookies", cookies, 70], ["static", staticT, 60], ["browse", browse, 72],
  ["xml", xml, 48], ["richtext", richtext, 50],
];

export function benign(): Req[] {
  const r = rng(0xb3419);
  const out: Req[] = [];
  for (const [cat, ts, n] of BENIGN_PLAN) {
    for (let k = 0; k < n; k++) {
      const s = ts[k % ts.length](r, Math.floor(k / ts.length) + k);
      out.push({ id: `b-${cat}-${String(k + 1).padStart(3, "0")}`, label: "benign", category: cat, method: s.method, uri: s.uri, headers: s.headers, ...(s.body !== undefined ? { body: s.body } : {}) });
    }
  }
  return out;
}
void ACCEPT_HTML; void LANGS;
