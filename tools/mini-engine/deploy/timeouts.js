'use strict';
// customTimeouts ("90s", "5m", "1h30m") in seconds; 0 means "not set".
const { EngineError } = require('../errors.js');

function seconds(text, where) {
  if (text === undefined || text === null || text === '') {
    return 0;
  }
  const re = /(\d+(?:\.\d+)?)(h|m|s)/g;
  let total = 0;
  let consumed = '';
  let m;
  while ((m = re.exec(String(text))) !== null) {
    total += Number(m[1]) * { h: 3600, m: 60, s: 1 }[m[2]];
    consumed += m[0];
  }
  if (consumed !== String(text)) {
    throw new EngineError(`${where}: '${text}' is not a duration; write e.g. 90s, 5m or 1h30m`);
  }
  return total;
}

module.exports = { seconds };
