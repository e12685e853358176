/**
 * XSS detection on top of the HTML5 tokenizer (libinjection's algorithm).
 *
 * What it does: tokenizes the input with html5.ts from five starting points (as HTML text,
 * and as an unquoted, '...', "..." or `...` attribute value) and reports XSS when any pass sees:
 * a doctype; a dangerous tag (script, iframe, object, embed, style, base, link, meta, svg*,
 * xsl*, ...); an event-handler attribute (on + a known DOM event name); xmlns/xlink attributes;
 * style/filter attributes with a value; URL attributes (href, src, action, formaction, ...)
 * whose value starts, after HTML entity decoding and whitespace, with javascript:/java,
 * vbscript, data or view-source; SVG attributeName naming a dangerous attribute; comments
 * with a backtick, IE conditional comments ("[if"), "xml", "import" or "ENTITY".
 *
 * Argument: a byte range (`p: usize`, `n: i32`).
 * Result: `isXss(p, n)` -> bool.
 * Example: `<img src=x onerror=alert(1)>` -> true; `<b>bold</b>` -> false.
 *
 * Engineering: no allocation, linear passes, no recursion, reads never leave [p, p + n).
 *
 * Written for Bulwark from libinjection's documented behaviour (BSD-3-Clause original); the
 * word lists are the ones libinjection uses.
 */
import {
  H5State, H5_DATA_STATE, H5_VALUE_NO_QUOTE, H5_VALUE_SINGLE_QUOTE, H5_VALUE_DOUBLE_QUOTE,
  H5_VALUE_BACK_QUOTE, DOCTYPE, TAG_NAME_OPEN, ATTR_NAME, ATTR_VALUE, TAG_COMMENT,
} from "./html5";

const A_NONE = 0;
const A_BLACK = 1; // always bad
const A_URL = 2; // value is a URL
const A_STYLE = 3; // value is CSS
const A_INDIRECT = 4; // value names an attribute

/** DOM event names (after "on"), upper case. */
const EVENTS: StaticArray<string> = [
  "ABORT", "ACTIVATE", "ACTIVE", "ADDSOURCEBUFFER", "ADDSTREAM", "ADDTRACK", "AFTERPRINT",
  "ANIMATIONCANCEL", "ANIMATIONEND", "ANIMATIONITERATION", "ANIMATIONSTART", "AUDIOEND",
  "AUDIOPROCESS", "AUDIOSTART", "AUTOCOMPLETEERROR", "AUTOCOMPLETE", "BEFOREACTIVATE",
  "BEFORECOPY", "BEFORECUT", "BEFOREINPUT", "BEFORELOAD", "BEFOREPASTE", "BEFOREPRINT",
  "BEFOREUNLOAD", "BEGINEVENT", "BLOCKED", "BLUR", "BOUNDARY", "BUFFEREDAMOUNTLOW", "CACHED",
  "CANCEL", "CANPLAYTHROUGH", "CANPLAY", "CHANGE", "CHARGINGCHANGE", "CHARGINGTIMECHANGE",
  "CHECKING", "CLICK", "CLOSE", "COMPLETE", "COMPOSITIONEND", "COMPOSITIONSTART",
  "COMPOSITIONUPDATE", "CONNECTING", "CONNECTIONSTATECHANGE", "CONNECT", "CONTEXTMENU",
  "CONTROLLERCHANGE", "COPY", "CUECHANGE", "CUT", "DATAAVAILABLE", "DATACHANNEL", "DBLCLICK",
  "DEVICECHANGE", "DEVICEMOTION", "DEVICEORIENTATION", "DISCHARGINGTIMECHANGE", "DISCONNECT",
  "DOMACTIVATE", "DOMCHARACTERDATAMODIFIED", "DOMCONTENTLOADED", "DOMFOCUSIN", "DOMFOCUSOUT",
  "DOMNODEINSERTEDINTODOCUMENT", "DOMNODEINSERTED", "DOMNODEREMOVEDFROMDOCUMENT",
  "DOMNODEREMOVED", "DOMSUBTREEMODIFIED", "DOWNLOADING", "DRAGEND", "DRAGENTER", "DRAGLEAVE",
  "DRAGOVER", "DRAGSTART", "DRAG", "DROP", "DURATIONCHANGE", "EMPTIED", "ENCRYPTED", "ENDED",
  "ENDEVENT", "END", "ENTERPICTUREINPICTURE", "ENTER", "ERROR", "EXIT", "FETCH", "FINISH",
  "FOCUSIN", "FOCUSOUT", "FOCUS", "FORMCHANGE", "FORMINPUT", "GAMEPADCONNECTED",
  "GAMEPADDISCONNECTED", "GESTURECHANGE", "GESTUREEND", "GESTURESCROLLEND", "GESTURESCROLLSTART",
  "GESTURESCROLLUPDATE", "GESTURESTART", "GESTURETAPDOWN", "GESTURETAP", "GOTPOINTERCAPTURE",
  "HASHCHANGE", "ICECANDIDATEERROR", "ICECANDIDATE", "ICECONNECTIONSTATECHANGE",
  "ICEGATHERINGSTATECHANGE", "INACTIVE", "INPUTSOURCESCHANGE", "INPUT", "INSTALL", "INVALID",
  "KEYDOWN", "KEYPRESS", "KEYSTATUSESCHANGE", "KEYUP", "LANGUAGECHANGE", "LEAVEPICTUREINPICTURE",
  "LEVELCHANGE", "LOADEDDATA", "LOADEDMETADATA", "LOADEND", "LOADINGDONE", "LOADINGERROR",
  "LOADING", "LOADSTART", "LOAD", "LOSTPOINTERCAPTURE", "MARK", "MERCHANTVALIDATION",
  "MESSAGEERROR", "MESSAGE", "MOUSEDOWN", "MOUSEENTER", "MOUSELEAVE", "MOUSEMOVE", "MOUSEOUT",
  "MOUSEOVER", "MOUSEUP", "MOUSEWHEEL", "MUTE", "NEGOTIATIONNEEDED", "NEXTTRACK", "NOMATCH",
  "NOUPDATE", "OBSOLETE", "OFFLINE", "ONLINE", "OPEN", "ORIENTATIONCHANGE", "OVERCONSTRAINED",
  "OVERFLOWCHANGED", "PAGEHIDE", "PAGESHOW", "PASTE", "PAUSE", "PAYERDETAILCHANGE",
  "PAYMENTAUTHORIZED", "PAYMENTMETHODCHANGE", "PAYMENTMETHODSELECTED", "PLAYING", "PLAY",
  "POINTERCANCEL", "POINTERDOWN", "POINTERENTER", "POINTERLEAVE", "POINTERLOCKCHANGE",
  "POINTERLOCKERROR", "POINTERMOVE", "POINTEROUT", "POINTEROVER", "POINTERUP", "POPSTATE",
  "PREVIOUSTRACK", "PROCESSORERROR", "PROGRESS", "PROPERTYCHANGE", "RATECHANGE",
  "READYSTATECHANGE", "REJECTIONHANDLED", "REMOVESOURCEBUFFER", "REMOVESTREAM", "REMOVETRACK",
  "REMOVE", "RESET", "RESIZE", "RESOURCETIMINGBUFFERFULL", "RESULT", "RESUME", "SCROLL", "SEARCH",
  "SECURITYPOLICYVIOLATION", "SEEKED", "SEEKING", "SELECTEND", "SELECTIONCHANGE", "SELECTSTART",
  "SELECT", "SHIPPINGADDRESSCHANGE", "SHIPPINGCONTACTSELECTED", "SHIPPINGMETHODSELECTED",
  "SHIPPINGOPTIONCHANGE", "SHOW", "SIGNALINGSTATECHANGE", "SLOTCHANGE", "SOUNDEND", "SOUNDSTART",
  "SOURCECLOSE", "SOURCEENDED", "SOURCEOPEN", "SPEECHEND", "SPEECHSTART", "SQUEEZEEND",
  "SQUEEZESTART", "SQUEEZE", "STALLED", "STARTED", "START", "STATECHANGE", "STOP", "STORAGE",
  "SUBMIT", "SUCCESS", "SUSPEND", "TEXTINPUT", "TIMEOUT", "TIMEUPDATE", "TOGGLE", "TONECHANGE",
  "TOUCHCANCEL", "TOUCHEND", "TOUCHFORCECHANGE", "TOUCHMOVE", "TOUCHSTART", "TRACK",
  "TRANSITIONCANCEL", "TRANSITIONEND", "TRANSITIONRUN", "TRANSITIONSTART", "UNCAPTUREDERROR",
  "UNHANDLEDREJECTION", "UNLOAD", "UNMUTE", "UPDATEEND", "UPDATEFOUND", "UPDATEREADY",
  "UPDATESTART", "UPDATE", "UPGRADENEEDED", "VALIDATEMERCHANT", "VERSIONCHANGE",
  "VISIBILITYCHANGE", "VOLUMECHANGE", "WAITINGFORKEY", "WAITING", "WEBGLCONTEXTCHANGED",
  "WEBGLCONTEXTCREATIONERROR", "WEBGLCONTEXTLOST", "WEBGLCONTEXTRESTORED", "WEBKITANIMATIONEND",
  "WEBKITANIMATIONITERATION", "WEBKITANIMATIONSTART", "WEBKITBEFORETEXTINSERTED",
  "WEBKITBEGINFULLSCREEN", "WEBKITCURRENTPLAYBACKTARGETISWIRELESSCHANGED", "WEBKITENDFULLSCREEN",
  "WEBKITFULLSCREENCHANGE", "WEBKITFULLSCREENERROR", "WEBKITKEYADDED", "WEBKITKEYERROR",
  "WEBKITKEYMESSAGE", "WEBKITMOUSEFORCECHANGED", "WEBKITMOUSEFORCEDOWN", "WEBKITMOUSEFORCEUP",
  "WEBKITMOUSEFORCEWILLBEGIN", "WEBKITNEEDKEY", "WEBKITNETWORKINFOCHANGE",
  "WEBKITPLAYBACKTARGETAVAILABILITYCHANGED", "WEBKITPRESENTATIONMODECHANGED",
  "WEBKITREGIONOVERSETCHANGE", "WEBKITREMOVESOURCEBUFFER", "WEBKITSOURCECLOSE",
  "WEBKITSOURCEENDED", "WEBKITSOURCEOPEN", "WEBKITSPEECHCHANGE", "WEBKITTRANSITIONEND",
  "WEBKITWILLREVEALBOTTOM", "WEBKITWILLREVEALLEFT", "WEBKITWILLREVEALRIGHT",
  "WEBKITWILLREVEALTOP", "WHEEL", "WRITEEND", "WRITESTART", "WRITE", "ZOOM",
];

/** Attributes with special values. */
const ATTR_NAMES: StaticArray<string> = [
  "ACTION", "ATTRIBUTENAME", "BY", "BACKGROUND", "DATAFORMATAS", "DATASRC", "DYNSRC", "FILTER",
  "FORMACTION", "FOLDER", "FROM", "HANDLER", "HREF", "LOWSRC", "POSTER", "SRC", "STYLE", "TO",
  "VALUES", "XLINK:HREF",
];
const ATTR_KINDS: StaticArray<i32> = [
  A_URL, A_INDIRECT, A_URL, A_URL, A_BLACK, A_BLACK, A_URL, A_STYLE,
  A_URL, A_URL, A_URL, A_URL, A_URL, A_URL, A_URL, A_URL, A_STYLE, A_URL,
  A_URL, A_URL,
];

/** Tags that are XSS whenever they appear. */
const TAGS: StaticArray<string> = [
  "APPLET", "BASE", "COMMENT", "EMBED", "FRAME", "FRAMESET", "HANDLER", "IFRAME", "IMPORT",
  "ISINDEX", "LINK", "LISTENER", "META", "NOSCRIPT", "OBJECT", "SCRIPT", "STYLE", "VMLFRAME",
  "XML", "XSS",
];

// @ts-ignore: decorator
@inline function upper(c: u32): u32 {
  return c - 0x61 <= 25 ? c - 0x20 : c;
}

// @ts-ignore: decorator
@inline function lower(c: u32): u32 {
  return c | 0x20;
}

/**
 * Do the n bytes at p, with NUL bytes ignored and a-z upper-cased, spell exactly `word`?
 * (libinjection compares names this way: "scr\0ipt" is "SCRIPT").
 */
function equalsIgnoringNul(word: string, p: usize, n: i32): bool {
  const wl = word.length;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    if (c == 0) continue;
    if (k >= wl || upper(c) != <u32>word.charCodeAt(k)) return false;
    k++;
  }
  return k == wl;
}

/** Does [p, p + n) hold a NUL byte? (Without one, a name can only equal a word of length n.) */
function hasNul(p: usize, n: i32): bool {
  for (let i = 0; i < n; i++) if (load<u8>(p + <usize>i) == 0) return true;
  return false;
}

function isBlackTag(p: usize, n: i32): bool {
  if (n < 3) return false;
  const anyLen = hasNul(p, n);
  for (let i = 0; i < TAGS.length; i++) {
    const w = TAGS[i];
    if ((anyLen || w.length == n) && equalsIgnoringNul(w, p, n)) return true;
  }
  const c0 = lower(load<u8>(p)), c1 = lower(load<u8>(p + 1)), c2 = lower(load<u8>(p + 2));
  if (c0 == 0x73 && c1 == 0x76 && c2 == 0x67) return true; // svg*
  if (c0 == 0x78 && c1 == 0x73 && c2 == 0x6c) return true; // xsl*
  return false;
}

function attrKind(p: usize, n: i32): i32 {
  if (n < 2) return A_NONE;
  if (n >= 5) {
    if (lower(load<u8>(p)) == 0x6f && lower(load<u8>(p + 1)) == 0x6e) {
      // on + event name: the first len(event) bytes after "on" (NULs count, then are ignored)
      const f = upper(load<u8>(p + 2));
      for (let i = 0; i < EVENTS.length; i++) {
        const ev = EVENTS[i];
        if (f != 0 && <u32>ev.charCodeAt(0) != f) continue; // (a NUL there is skipped, so no shortcut)
        const m = ev.length;
        if (2 + m <= n && equalsIgnoringNul(ev, p + 2, m)) return A_BLACK;
      }
    }
    if (equalsIgnoringNul("XMLNS", p, 5) || equalsIgnoringNul("XLINK", p, 5)) return A_BLACK;
  }
  const anyLen = hasNul(p, n);
  for (let i = 0; i < ATTR_NAMES.length; i++) {
    const w = ATTR_NAMES[i];
    if ((anyLen || w.length == n) && equalsIgnoringNul(w, p, n)) return ATTR_KINDS[i];
  }
  return A_NONE;
}

// @ts-ignore: decorator
@inline function hexVal(c: u32): i32 {
  if (c - 0x30 <= 9) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 <= 5) return <i32>(l - 0x61 + 10);
  return -1;
}

/** Decoded char of the HTML-encoded byte range at [i, n): `&#65;`, `&#x41`, or the byte. */
let decodeConsumed: i32 = 0;
function decodeCharAt(p: usize, i: i32, n: i32): i32 {
  const len = n - i;
  if (len <= 0) {
    decodeConsumed = 0;
    return -1;
  }
  decodeConsumed = 1;
  const c0 = <i32>load<u8>(p + <usize>i);
  if (c0 != 0x26 || len < 2) return c0;
  if (load<u8>(p + <usize>i + 1) != 0x23) return 0x26; // named entities: just '&'
  const c2: u32 = len > 2 ? <u32>load<u8>(p + <usize>i + 2) : 0;
  if ((c2 | 0x20) == 0x78) {
    const h = len > 3 ? hexVal(load<u8>(p + <usize>i + 3)) : -1;
    if (h < 0) return 0x26;
    let val = h;
    let j = 4;
    while (j < len) {
      const c = <u32>load<u8>(p + <usize>(i + j));
      if (c == 0x3b) {
        decodeConsumed = j + 1;
        return val;
      }
      const d = hexVal(c);
      if (d < 0) {
        decodeConsumed = j;
        return val;
      }
      val = val * 16 + d;
      if (val > 0x1000ff) return 0x26;
      j++;
    }
    decodeConsumed = j;
    return val;
  }
  if (c2 - 0x30 > 9) return 0x26;
  let val = <i32>(c2 - 0x30);
  let j = 3;
  while (j < len) {
    const c = <u32>load<u8>(p + <usize>(i + j));
    if (c == 0x3b) {
      decodeConsumed = j + 1;
      return val;
    }
    if (c - 0x30 > 9) {
      decodeConsumed = j;
      return val;
    }
    val = val * 10 + <i32>(c - 0x30);
    if (val > 0x1000ff) return 0x26;
    j++;
  }
  decodeConsumed = j;
  return val;
}

/**
 * Does the HTML-encoded value start with `prefix` (upper case)? Leading control chars and
 * spaces are skipped; NUL and LF are ignored everywhere; entities are decoded.
 */
function htmlStartsWith(prefix: string, p: usize, i: i32, n: i32): bool {
  const pl = prefix.length;
  let k = 0;
  let first = true;
  while (i < n) {
    if (k == pl) return true;
    let cb = decodeCharAt(p, i, n);
    i += decodeConsumed;
    if (first && cb <= 32) continue;
    first = false;
    if (cb == 0 || cb == 10) continue;
    if (cb >= 0x61 && cb <= 0x7a) cb -= 0x20;
    if ((cb & 0xff) != prefix.charCodeAt(k)) return false;
    k++;
  }
  return k == pl;
}

function isBlackUrl(p: usize, n: i32): bool {
  let i = 0;
  while (i < n) {
    const c = load<u8>(p + <usize>i);
    if (c > 32 && c < 127) break;
    i++;
  }
  return htmlStartsWith("DATA", p, i, n) || htmlStartsWith("VIEW-SOURCE", p, i, n) ||
    htmlStartsWith("JAVA", p, i, n) || htmlStartsWith("VBSCRIPT", p, i, n);
}

const h5 = new H5State();

/** Loop iterations of the last call (for the linear-time property test). */
export function xssSteps(): u64 {
  return h5.steps;
}

/** XSS check of [p, p + n) starting the HTML5 tokenizer in `flags` state. */
export function isXssIn(p: usize, n: i32, flags: i32): bool {
  h5.init(p, n, flags);
  let attr = A_NONE;
  while (h5.next()) {
    const t = h5.tokenType;
    const tp = p + <usize>h5.tokenStart;
    const tl = h5.tokenLen;
    if (t != ATTR_VALUE) attr = A_NONE;
    if (t == DOCTYPE) {
      return true;
    } else if (t == TAG_NAME_OPEN) {
      if (isBlackTag(tp, tl)) return true;
    } else if (t == ATTR_NAME) {
      attr = attrKind(tp, tl);
    } else if (t == ATTR_VALUE) {
      if (attr == A_BLACK || attr == A_STYLE) return true;
      if (attr == A_URL && isBlackUrl(tp, tl)) return true;
      if (attr == A_INDIRECT && attrKind(tp, tl) != A_NONE) return true;
      attr = A_NONE;
    } else if (t == TAG_COMMENT) {
      for (let i = 0; i < tl; i++) if (load<u8>(tp + <usize>i) == 0x60) return true; // IE: ` ends tags
      if (tl > 3) {
        const c0 = load<u8>(tp), c1 = lower(load<u8>(tp + 1)), c2 = lower(load<u8>(tp + 2));
        if (c0 == 0x5b && c1 == 0x69 && c2 == 0x66) return true; // [if: IE conditional comment
        if (lower(c0) == 0x78 && c1 == 0x6d && c2 == 0x6c) return true; // xml
      }
      if (tl > 5) {
        if (equalsIgnoringNul("IMPORT", tp, 6) || equalsIgnoringNul("ENTITY", tp, 6)) return true;
      }
    }
  }
  return false;
}

/** libinjection_xss: any of the five starting contexts flags the input. */
export function isXss(p: usize, n: i32): bool {
  h5.steps = 0;
  if (n <= 0) return false;
  return isXssIn(p, n, H5_DATA_STATE) || isXssIn(p, n, H5_VALUE_NO_QUOTE) ||
    isXssIn(p, n, H5_VALUE_SINGLE_QUOTE) || isXssIn(p, n, H5_VALUE_DOUBLE_QUOTE) ||
    isXssIn(p, n, H5_VALUE_BACK_QUOTE);
}
