#!/usr/bin/env node
'use strict';
// example-registry.js REGISTRY_URL USER PASSWORD REPOSITORY:TAG...
// Seeds bin/kfp-emulator's registry for `make example`: adds the user (from then on the registry requires a
// login) and points each tag at a new image, printing the digest it got (docs/emulator.md).
const [registry, username, password, ...images] = process.argv.slice(2);

async function post(path, body) {
  const response = await fetch(`${registry}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${registry}${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : {};
}

async function main() {
  if (!registry || !username || !password || images.length === 0) {
    throw new Error('usage: example-registry.js REGISTRY_URL USER PASSWORD REPOSITORY:TAG...');
  }
  await post('/_emulator/users', { username, password });
  const host = new URL(registry).host;
  for (const image of images) {
    const [repository, tag] = image.split(':');
    const { digest } = await post('/_emulator/images', { repository, tag });
    console.log(`registry: pushed ${host}/${repository}:${tag} (${digest})`);
  }
}

main().catch((e) => {
  console.error(`example-registry: ${e.message}`);
  process.exit(1);
});
