/**
 * Preload (`node -r`) for the cloud-bundle tests: records every attempt to open a network
 * connection or resolve a name, refuses it, and prints the record as one JSON line
 * (`NETWORK_ATTEMPTS <json>`) when the process exits.
 */
'use strict';

const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const tls = require('node:tls');

const attempts = [];
globalThis.__networkAttempts = attempts;

function describe(args) {
  try {
    return JSON.stringify(args, (_key, value) => (typeof value === 'function' ? '[function]' : value)).slice(0, 300);
  } catch {
    return String(args[0]);
  }
}

function refused(kind) {
  const error = new Error(`network disabled in this test (${kind})`);
  error.code = 'ENETUNREACH';
  return error;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  attempts.push({ kind: 'net.Socket.connect', target: describe(args) });
  const socket = this;
  process.nextTick(() => socket.destroy(refused('net.Socket.connect')));
  return socket;
};
void originalConnect;

function patchLookup(target, name) {
  target[name] = function lookup(hostname, options, callback) {
    attempts.push({ kind: `dns.${name}`, target: String(hostname) });
    const cb = typeof options === 'function' ? options : callback;
    if (typeof cb === 'function') process.nextTick(() => cb(refused(`dns.${name}`)));
  };
}
patchLookup(dns, 'lookup');
patchLookup(dns, 'resolve');
patchLookup(dns, 'resolve4');
patchLookup(dns, 'resolve6');
if (dns.promises) {
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
    dns.promises[name] = async (hostname) => {
      attempts.push({ kind: `dns.promises.${name}`, target: String(hostname) });
      throw refused(`dns.promises.${name}`);
    };
  }
}

function patchRequest(mod, modName) {
  for (const name of ['request', 'get']) {
    const original = mod[name];
    mod[name] = function request(...args) {
      attempts.push({ kind: `${modName}.${name}`, target: describe(args) });
      // Hand back a real request object whose socket is refused (net is patched above).
      return original.apply(this, args);
    };
  }
}
patchRequest(http, 'http');
patchRequest(https, 'https');

const originalTlsConnect = tls.connect;
tls.connect = function connect(...args) {
  attempts.push({ kind: 'tls.connect', target: describe(args) });
  return originalTlsConnect.apply(this, args);
};

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => {
    attempts.push({ kind: 'fetch', target: String(input && input.url ? input.url : input) });
    throw refused('fetch');
  };
}

process.on('exit', () => {
  process.stdout.write(`\nNETWORK_ATTEMPTS ${JSON.stringify(attempts)}\n`);
});
