'use strict';
// Secrets in the state file: each secret keeps the signature-key encoding, with its value replaced by
// `ciphertext` (AES-256-GCM, key derived by scrypt from PULUMI_CONFIG_PASSPHRASE and a per-stack salt),
// the shape the pulumi CLI's passphrase provider writes. An empty passphrase is allowed, as with
// PULUMI_CONFIG_PASSPHRASE="" in the CLI: the state never holds a secret in plain text, but anyone
// with the state file and the passphrase can decrypt it.
const crypto = require('node:crypto');
const { EngineError } = require('../errors.js');
const values = require('../values.js');

class SecretsCrypter {
  constructor(salt, passphrase) {
    this.salt = salt;
    this.key = crypto.scryptSync(passphrase, Buffer.from(salt, 'base64'), 32);
  }

  static create(salt, passphrase = process.env.PULUMI_CONFIG_PASSPHRASE ?? '') {
    return new SecretsCrypter(salt ?? crypto.randomBytes(16).toString('base64'), passphrase);
  }

  encrypt(value) {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString('base64')}:${body.toString('base64')}`;
  }

  decrypt(text, where) {
    const [version, nonce, body] = String(text).split(':');
    try {
      if (version !== 'v1') {
        throw new Error(`unknown version ${version}`);
      }
      const bytes = Buffer.from(body, 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64'));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
      return JSON.parse(plain.toString('utf8'));
    } catch (e) {
      throw new EngineError(`cannot decrypt a secret in ${where} (${e.message}); set PULUMI_CONFIG_PASSPHRASE to the passphrase the state was written with`);
    }
  }

  /** Wire value → state value: secret values become ciphertext, deeply. */
  seal(value) {
    if (values.isSecret(value)) {
      return { [values.SIG]: values.SECRET, ciphertext: this.encrypt(value.value) };
    }
    if (Array.isArray(value)) {
      return value.map((v) => this.seal(v));
    }
    if (values.isObject(value)) {
      return values.mapValues(value, (v) => this.seal(v));
    }
    return value;
  }

  /** State value → wire value. */
  open(value, where) {
    if (values.isObject(value) && value[values.SIG] === values.SECRET && 'ciphertext' in value) {
      return values.secret(this.decrypt(value.ciphertext, where));
    }
    if (Array.isArray(value)) {
      return value.map((v) => this.open(v, where));
    }
    if (values.isObject(value)) {
      return values.mapValues(value, (v) => this.open(v, where));
    }
    return value;
  }
}

module.exports = { SecretsCrypter };
