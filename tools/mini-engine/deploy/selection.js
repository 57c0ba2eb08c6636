'use strict';
// The resources a --target or --replace list names: each entry is a resource name or a full URN.
const { EngineError } = require('../errors.js');

class Selection {
  constructor(entries, flag) {
    this.entries = [...entries];
    this.flag = flag;
  }

  /** True when no entries were given (--target absent: everything is targeted). */
  get all() {
    return this.entries.length === 0;
  }

  /** Every entry must name something the run knows; a typo is an error, not a silent no-op. */
  check(known) {
    const unknown = this.entries.filter((e) => !known.has(e));
    if (unknown.length > 0) {
      throw new EngineError(`${this.flag} ${unknown.join(', ')}: no such resource in the program or the state; use a resource name or URN, e.g. ${[...known].filter((k) => !k.startsWith('urn:')).slice(0, 3).join(', ')}`);
    }
  }

  includes(name, urn) {
    return this.all ? this.flag === '--target' : this.entries.includes(name) || this.entries.includes(urn);
  }
}

module.exports = { Selection };
