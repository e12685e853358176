/**
 * A small HTML5 tokenizer (libinjection's), the front end of the XSS detector (xss.ts).
 *
 * What it does: walks the input as an HTML5 parser would (a reduced state machine: data, tag
 * open/name, attribute name/value in every quoting, comments, bogus comments, CDATA, doctype)
 * and yields one token at a time: DATA_TEXT, TAG_NAME_OPEN, TAG_NAME_CLOSE, TAG_NAME_SELFCLOSE,
 * TAG_DATA, TAG_CLOSE, ATTR_NAME, ATTR_VALUE, TAG_COMMENT, DOCTYPE. It can start in the data
 * state or inside an attribute value (unquoted, '...', "...", `...`), since a request value may
 * be reflected in any of those places.
 *
 * Argument: `init(p, n, flags)` with a byte range and a start state (H5_* flags below).
 * Result: `next()` -> true with `tokenType`, `tokenStart` (index), `tokenLen`; false at the end.
 * Example: "<a href=x>" -> TAG_NAME_OPEN "a", ATTR_NAME "href", ATTR_VALUE "x", TAG_NAME_CLOSE ">".
 *
 * Engineering: no allocation, each step moves forward, states that hand over to another state
 * without producing a token loop instead of recursing (so "</></></>..." cannot deepen a stack).
 * Quirks kept on purpose (for the same verdicts as libinjection): NUL counts as whitespace
 * between attributes, and a 0xFF byte where whitespace is skipped acts as end of input.
 *
 * Written for Bulwark from libinjection's documented behaviour (BSD-3-Clause original).
 */

// start states
export const H5_DATA_STATE: i32 = 0;
export const H5_VALUE_NO_QUOTE: i32 = 1;
export const H5_VALUE_SINGLE_QUOTE: i32 = 2;
export const H5_VALUE_DOUBLE_QUOTE: i32 = 3;
export const H5_VALUE_BACK_QUOTE: i32 = 4;

// token types
export const DATA_TEXT: i32 = 0;
export const TAG_NAME_OPEN: i32 = 1;
export const TAG_NAME_CLOSE: i32 = 2;
export const TAG_NAME_SELFCLOSE: i32 = 3;
export const TAG_DATA: i32 = 4;
export const TAG_CLOSE: i32 = 5;
export const ATTR_NAME: i32 = 6;
export const ATTR_VALUE: i32 = 7;
export const TAG_COMMENT: i32 = 8;
export const DOCTYPE: i32 = 9;

/** Names of the token types, as libinjection's test files print them. */
export function h5TypeName(t: i32): string {
  switch (t) {
    case DATA_TEXT: return "DATA_TEXT";
    case TAG_NAME_OPEN: return "TAG_NAME_OPEN";
    case TAG_NAME_CLOSE: return "TAG_NAME_CLOSE";
    case TAG_NAME_SELFCLOSE: return "TAG_NAME_SELFCLOSE";
    case TAG_DATA: return "TAG_DATA";
    case TAG_CLOSE: return "TAG_CLOSE";
    case ATTR_NAME: return "ATTR_NAME";
    case ATTR_VALUE: return "ATTR_VALUE";
    case TAG_COMMENT: return "TAG_COMMENT";
    case DOCTYPE: return "DOCTYPE";
  }
  return "?";
}

// states
const S_EOF = 0;
const S_DATA = 1;
const S_TAG_OPEN = 2;
const S_TAG_NAME_CLOSE = 3;
const S_BEFORE_ATTR_NAME = 4;
const S_AFTER_ATTR_NAME = 5;
const S_BEFORE_ATTR_VALUE = 6;
const S_VALUE_DQ = 7;
const S_VALUE_SQ = 8;
const S_VALUE_BQ = 9;
const S_AFTER_VALUE_QUOTED = 10;
const S_SELF_CLOSING = 11;

/** step() results */
const R_END = 0;
const R_TOKEN = 1;
const R_AGAIN = 2; // state changed without a token: run the new state

const EOF: i32 = -1;

/** HTML whitespace as libinjection sees it (NUL included). */
// @ts-ignore: decorator
@inline function isWhite(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d) || c == 0;
}

// @ts-ignore: decorator
@inline function isAlpha(c: u32): bool {
  return (c | 0x20) - 0x61 <= 25;
}

@final export class H5State {
  s: usize = 0;
  len: i32 = 0;
  pos: i32 = 0;
  isClose: bool = false;
  state: i32 = S_EOF;
  tokenStart: i32 = 0;
  tokenLen: i32 = 0;
  tokenType: i32 = 0;
  steps: u64 = 0;

  init(s: usize, len: i32, flags: i32): void {
    this.s = s;
    this.len = len < 0 ? 0 : len;
    this.pos = 0;
    this.isClose = false;
    this.tokenStart = 0;
    this.tokenLen = 0;
    this.tokenType = 0;
    switch (flags) {
      case H5_VALUE_NO_QUOTE: this.state = S_BEFORE_ATTR_NAME; break;
      case H5_VALUE_SINGLE_QUOTE: this.state = S_VALUE_SQ; break;
      case H5_VALUE_DOUBLE_QUOTE: this.state = S_VALUE_DQ; break;
      case H5_VALUE_BACK_QUOTE: this.state = S_VALUE_BQ; break;
      default: this.state = S_DATA;
    }
  }

  /** Next token; false when there are no more. */
  next(): bool {
    while (true) {
      this.steps++;
      const r = this.step();
      if (r == R_TOKEN) return true;
      if (r == R_END) return false;
    }
    return false; // unreachable
  }

  // @ts-ignore: decorator
  @inline private byte(i: i32): u32 {
    return <u32>load<u8>(this.s + <usize>i);
  }

  private find(from: i32, c: u32): i32 {
    let i = from;
    while (i < this.len && this.byte(i) != c) i++;
    if (i > from) this.steps += <u64>(i - from);
    return i < this.len ? i : -1;
  }

  private token(type: i32, start: i32, len: i32): i32 {
    this.tokenType = type;
    this.tokenStart = start;
    this.tokenLen = len;
    return R_TOKEN;
  }

  private step(): i32 {
    switch (this.state) {
      case S_DATA: return this.data();
      case S_TAG_OPEN: return this.tagOpen();
      case S_TAG_NAME_CLOSE: return this.tagNameClose();
      case S_BEFORE_ATTR_NAME: return this.beforeAttributeName();
      case S_AFTER_ATTR_NAME: return this.afterAttributeName();
      case S_BEFORE_ATTR_VALUE: return this.beforeAttributeValue();
      case S_VALUE_DQ: return this.valueQuoted(0x22);
      case S_VALUE_SQ: return this.valueQuoted(0x27);
      case S_VALUE_BQ: return this.valueQuoted(0x60);
      case S_AFTER_VALUE_QUOTED: return this.afterValueQuoted();
      case S_SELF_CLOSING: return this.selfClosingStartTag();
    }
    return R_END;
  }

  /** Skips whitespace; returns the byte there, or EOF (also for a 0xFF byte: libinjection quirk). */
  private skipWhite(): i32 {
    while (this.pos < this.len) {
      const c = this.byte(this.pos);
      if (c == 0 || c == 0x20 || (c >= 0x09 && c <= 0x0d)) {
        this.pos++;
        continue;
      }
      return c == 0xff ? EOF : <i32>c;
    }
    return EOF;
  }

  private data(): i32 {
    const lt = this.find(this.pos, 0x3c);
    if (lt < 0) {
      this.state = S_EOF;
      const n = this.len - this.pos;
      if (n == 0) return R_END;
      return this.token(DATA_TEXT, this.pos, n);
    }
    const start = this.pos;
    this.pos = lt + 1;
    this.state = S_TAG_OPEN;
    if (lt == start) return R_AGAIN;
    return this.token(DATA_TEXT, start, lt - start);
  }

  private tagOpen(): i32 {
    if (this.pos >= this.len) return R_END;
    const c = this.byte(this.pos);
    if (c == 0x21) { // !
      this.pos++;
      return this.markupDeclarationOpen();
    } else if (c == 0x2f) { // /
      this.pos++;
      this.isClose = true;
      return this.endTagOpen();
    } else if (c == 0x3f) { // ?
      this.pos++;
      return this.bogusComment();
    } else if (c == 0x25) { // % (old IE / Safari)
      this.pos++;
      return this.bogusComment2();
    } else if (isAlpha(c) || c == 0) {
      return this.tagName();
    }
    if (this.pos == 0) {
      this.state = S_DATA;
      return R_AGAIN;
    }
    this.state = S_DATA;
    return this.token(DATA_TEXT, this.pos - 1, 1);
  }

  private endTagOpen(): i32 {
    if (this.pos >= this.len) return R_END;
    const c = this.byte(this.pos);
    if (c == 0x3e) {
      this.state = S_DATA; // "</>" : the '>' is text
      return R_AGAIN;
    } else if (isAlpha(c)) {
      return this.tagName();
    }
    this.isClose = false;
    return this.bogusComment();
  }

  private tagNameClose(): i32 {
    this.isClose = false;
    const start = this.pos;
    this.pos++;
    this.state = this.pos < this.len ? S_DATA : S_EOF;
    return this.token(TAG_NAME_CLOSE, start, 1);
  }

  private tagName(): i32 {
    let p = this.pos;
    const start = this.pos;
    while (p < this.len) {
      const c = this.byte(p);
      if (c == 0) {
        p++;
      } else if (isWhite(c)) {
        this.pos = p + 1;
        this.state = S_BEFORE_ATTR_NAME;
        return this.token(TAG_NAME_OPEN, start, p - start);
      } else if (c == 0x2f) {
        this.pos = p + 1;
        this.state = S_SELF_CLOSING;
        return this.token(TAG_NAME_OPEN, start, p - start);
      } else if (c == 0x3e) {
        if (this.isClose) {
          this.pos = p + 1;
          this.isClose = false;
          this.state = S_DATA;
          return this.token(TAG_CLOSE, start, p - start);
        }
        this.pos = p;
        this.state = S_TAG_NAME_CLOSE;
        return this.token(TAG_NAME_OPEN, start, p - start);
      } else {
        p++;
      }
    }
    this.state = S_EOF;
    return this.token(TAG_NAME_OPEN, start, this.len - start);
  }

  private beforeAttributeName(): i32 {
    while (true) {
      this.steps++;
      const c = this.skipWhite();
      if (c == EOF) return R_END;
      if (c == 0x2f) {
        this.pos++;
        if (this.pos < this.len && this.byte(this.pos) != 0x3e) continue;
        return this.selfClosingStartTag();
      }
      if (c == 0x3e) {
        this.state = S_DATA;
        const start = this.pos;
        this.pos++;
        return this.token(TAG_NAME_CLOSE, start, 1);
      }
      return this.attributeName();
    }
    return R_END; // unreachable
  }

  private attributeName(): i32 {
    const start = this.pos;
    let p = this.pos + 1;
    while (p < this.len) {
      const c = this.byte(p);
      if (isWhite(c)) {
        this.state = S_AFTER_ATTR_NAME;
        this.pos = p + 1;
        return this.token(ATTR_NAME, start, p - start);
      } else if (c == 0x2f) {
        this.state = S_SELF_CLOSING;
        this.pos = p + 1;
        return this.token(ATTR_NAME, start, p - start);
      } else if (c == 0x3d) {
        this.state = S_BEFORE_ATTR_VALUE;
        this.pos = p + 1;
        return this.token(ATTR_NAME, start, p - start);
      } else if (c == 0x3e) {
        this.state = S_TAG_NAME_CLOSE;
        this.pos = p;
        return this.token(ATTR_NAME, start, p - start);
      }
      p++;
    }
    this.state = S_EOF;
    this.pos = this.len;
    return this.token(ATTR_NAME, start, this.len - start);
  }

  private afterAttributeName(): i32 {
    const c = this.skipWhite();
    if (c == EOF) return R_END;
    if (c == 0x2f) {
      this.pos++;
      return this.selfClosingStartTag();
    }
    if (c == 0x3d) {
      this.pos++;
      return this.beforeAttributeValue();
    }
    if (c == 0x3e) return this.tagNameClose();
    return this.attributeName();
  }

  private beforeAttributeValue(): i32 {
    const c = this.skipWhite();
    if (c == EOF) {
      this.state = S_EOF;
      return R_END;
    }
    if (c == 0x22) return this.valueQuoted(0x22);
    if (c == 0x27) return this.valueQuoted(0x27);
    if (c == 0x60) return this.valueQuoted(0x60);
    return this.valueNoQuote();
  }

  private valueQuoted(q: u32): i32 {
    if (this.pos > 0) this.pos++;
    const start = this.pos;
    const end = this.find(this.pos, q);
    if (end < 0) {
      this.state = S_EOF;
      return this.token(ATTR_VALUE, start, this.len - start);
    }
    this.state = S_AFTER_VALUE_QUOTED;
    this.pos = end + 1;
    return this.token(ATTR_VALUE, start, end - start);
  }

  private valueNoQuote(): i32 {
    const start = this.pos;
    let p = this.pos;
    while (p < this.len) {
      const c = this.byte(p);
      if (isWhite(c)) {
        this.pos = p + 1;
        this.state = S_BEFORE_ATTR_NAME;
        return this.token(ATTR_VALUE, start, p - start);
      } else if (c == 0x3e) {
        this.pos = p;
        this.state = S_TAG_NAME_CLOSE;
        return this.token(ATTR_VALUE, start, p - start);
      }
      p++;
    }
    this.state = S_EOF;
    return this.token(ATTR_VALUE, start, this.len - start);
  }

  private afterValueQuoted(): i32 {
    if (this.pos >= this.len) return R_END;
    const c = this.byte(this.pos);
    if (isWhite(c)) {
      this.pos++;
      return this.beforeAttributeName();
    } else if (c == 0x2f) {
      this.pos++;
      return this.selfClosingStartTag();
    } else if (c == 0x3e) {
      const start = this.pos;
      this.pos++;
      this.state = S_DATA;
      return this.token(TAG_NAME_CLOSE, start, 1);
    }
    return this.beforeAttributeName();
  }

  private selfClosingStartTag(): i32 {
    if (this.pos >= this.len) return R_END;
    if (this.byte(this.pos) == 0x3e) {
      const start = this.pos - 1;
      this.state = S_DATA;
      this.pos++;
      return this.token(TAG_NAME_SELFCLOSE, start, 2);
    }
    // "/x": not self-closing after all; libinjection re-enters before-attribute-name
    // (bounded: that state only comes back here when '>' or the end follows)
    return this.beforeAttributeName();
  }

  /** <? ... > */
  private bogusComment(): i32 {
    const start = this.pos;
    const gt = this.find(this.pos, 0x3e);
    if (gt < 0) {
      this.pos = this.len;
      this.state = S_EOF;
      return this.token(TAG_COMMENT, start, this.len - start);
    }
    this.pos = gt + 1;
    this.state = S_DATA;
    return this.token(TAG_COMMENT, start, gt - start);
  }

  /** <% ... %> */
  private bogusComment2(): i32 {
    const start = this.pos;
    let p = this.pos;
    while (true) {
      this.steps++;
      const pct = this.find(p, 0x25);
      if (pct < 0 || pct + 1 >= this.len) {
        this.pos = this.len;
        this.state = S_EOF;
        return this.token(TAG_COMMENT, start, this.len - start);
      }
      if (this.byte(pct + 1) != 0x3e) {
        p = pct + 1;
        continue;
      }
      this.pos = pct + 2;
      this.state = S_DATA;
      return this.token(TAG_COMMENT, start, pct - start);
    }
    return R_END; // unreachable
  }

  /** After "<!": doctype, [CDATA[, -- comment, or a bogus comment. */
  private markupDeclarationOpen(): i32 {
    const p = this.pos;
    const remaining = this.len - p;
    if (remaining >= 7 &&
      (this.byte(p) | 0x20) == 0x64 && (this.byte(p + 1) | 0x20) == 0x6f &&
      (this.byte(p + 2) | 0x20) == 0x63 && (this.byte(p + 3) | 0x20) == 0x74 &&
      (this.byte(p + 4) | 0x20) == 0x79 && (this.byte(p + 5) | 0x20) == 0x70 &&
      (this.byte(p + 6) | 0x20) == 0x65) {
      return this.doctype();
    } else if (remaining >= 7 && this.byte(p) == 0x5b && this.byte(p + 1) == 0x43 &&
      this.byte(p + 2) == 0x44 && this.byte(p + 3) == 0x41 && this.byte(p + 4) == 0x54 &&
      this.byte(p + 5) == 0x41 && this.byte(p + 6) == 0x5b) {
      this.pos += 7;
      return this.cdata();
    } else if (remaining >= 2 && this.byte(p) == 0x2d && this.byte(p + 1) == 0x2d) {
      this.pos += 2;
      return this.comment();
    }
    return this.bogusComment();
  }

  /** <!-- ... --> (also "--!>", NULs allowed between the dashes). */
  private comment(): i32 {
    const start = this.pos;
    const end = this.len;
    let p = this.pos;
    while (true) {
      this.steps++;
      const dash = this.find(p, 0x2d);
      if (dash < 0 || dash > end - 3) {
        this.state = S_EOF;
        return this.token(TAG_COMMENT, start, end - start);
      }
      let off = 1;
      while (dash + off < end && this.byte(dash + off) == 0) off++;
      if (dash + off == end) {
        this.state = S_EOF;
        return this.token(TAG_COMMENT, start, end - start);
      }
      let c = this.byte(dash + off);
      if (c != 0x2d && c != 0x21) {
        p = dash + 1;
        continue;
      }
      off++;
      if (dash + off == end) {
        this.state = S_EOF;
        return this.token(TAG_COMMENT, start, end - start);
      }
      c = this.byte(dash + off);
      if (c != 0x3e) {
        p = dash + 1;
        continue;
      }
      off++;
      this.pos = dash + off;
      this.state = S_DATA;
      return this.token(TAG_COMMENT, start, dash - start);
    }
    return R_END; // unreachable
  }

  /** <![CDATA[ ... ]]> */
  private cdata(): i32 {
    const start = this.pos;
    let p = this.pos;
    while (true) {
      this.steps++;
      const rb = this.find(p, 0x5d);
      if (rb < 0 || rb > this.len - 3) {
        this.state = S_EOF;
        return this.token(DATA_TEXT, start, this.len - start);
      }
      if (this.byte(rb + 1) == 0x5d && this.byte(rb + 2) == 0x3e) {
        this.state = S_DATA;
        this.pos = rb + 3;
        return this.token(DATA_TEXT, start, rb - start);
      }
      p = rb + 1;
    }
    return R_END; // unreachable
  }

  private doctype(): i32 {
    const start = this.pos;
    const gt = this.find(this.pos, 0x3e);
    if (gt < 0) {
      this.state = S_EOF;
      return this.token(DOCTYPE, start, this.len - start);
    }
    this.state = S_DATA;
    this.pos = gt + 1;
    return this.token(DOCTYPE, start, gt - start);
  }
}
