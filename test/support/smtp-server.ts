import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for tests: it records what arrived (the raw message and its
 * parse), and can be told to refuse messages (a 451, as a greylisting or overloaded server
 * answers) or to drop the connection mid-message, until told to recover.
 */
export interface Received {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A message as the test reads it: headers (lower-case names, unfolded) and the decoded text and HTML parts. */
export interface ParsedMail {
  headers: Record<string, string>;
  text: string;
  html: string;
}

function splitHeaders(block: string): { headers: Record<string, string>; body: string } {
  const at = block.indexOf('\r\n\r\n');
  const head = at === -1 ? block : block.slice(0, at);
  const body = at === -1 ? '' : block.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decode(body: string, encoding = ''): string {
  if (/quoted-printable/i.test(encoding)) {
    const bytes = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return bytes.toString('utf8');
  }
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** Enough MIME for what nodemailer writes: a single part, or multipart/alternative of text and HTML. */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitHeaders(chunk.replace(/^\r\n/, ''));
      parts.push({ type: part.headers['content-type'] ?? '', content: decode(part.body.replace(/\r\n$/, ''), part.headers['content-transfer-encoding']) });
    }
  } else {
    parts.push({ type: headers['content-type'] ?? 'text/plain', content: decode(body, headers['content-transfer-encoding']) });
  }
  return {
    headers,
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.content ?? '',
  };
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: Received[];
  /** 'ok' accepts; 'reject' answers 451 to the message; 'close' answers 421 and hangs up. */
  mode: 'ok' | 'reject' | 'close';
  close(): Promise<void>;
}

export async function startSmtpServer(options: { user?: string; password?: string; port?: number } = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const state: { mode: TestSmtpServer['mode'] } = { mode: 'ok' };
  const auth = options.user !== undefined;
  const serverOptions: SMTPServerOptions = {
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (credentials.username === options.user && credentials.password === options.password) callback(null, { user: credentials.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.mode === 'reject') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        // 421: the server is going away and closes the connection.
        if (state.mode === 'close') return callback(Object.assign(new Error('Shutting down'), { responseCode: 421 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, parsed: parseMail(raw) });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  const credentials = auth ? `${encodeURIComponent(options.user!)}:${encodeURIComponent(options.password ?? '')}@` : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    received,
    get mode() {
      return state.mode;
    },
    set mode(value) {
      state.mode = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
