'use strict';

/** An error the user can act on: the message names the resource or key and says what to do. */
class EngineError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EngineError';
  }
}

module.exports = { EngineError };
