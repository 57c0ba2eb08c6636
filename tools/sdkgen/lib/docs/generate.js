'use strict'; module.exports = { generateDocs: () => new Map() };
