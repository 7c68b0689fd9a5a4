import { connect } from 'node:net';

/** Writes a whole request (request line included) on a raw socket: no client library normalises the target. */
export function rawExchange(url: string, head: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error('no answer while the body was still unsent: the server waited for the whole body'));
    });
  });
}

/**
 * Sends a request head (and maybe the start of a body) and resolves with the status line as soon as
 * the response head arrives, without sending the rest of the body: a server that read the whole
 * declared body before answering would never answer.
 */
export function rawStatusBeforeBody(url: string, head: string, bodyStart = ''): Promise<{ status: number; head: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${head}\r\n\r\n${bodyStart}`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: text.slice(0, end) });
    });
    socket.on('error', reject);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error('no answer while the body was still unsent: the server waited for the whole body'));
    });
  });
}
