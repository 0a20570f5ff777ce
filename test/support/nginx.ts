// nginx in front of Concord servers for the operations tests and the soak: a
// config of its own in a temp folder, round robin over the servers, on a free
// loopback port. Null when nginx is not installed (apt-get install -y nginx).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

export interface Nginx { url: string; pid: number; stop(): Promise<void> }

export async function startNginx(upstreams: string[]): Promise<Nginx | null> {
  if (!NGINX) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream concord { ${upstreams.map((u) => `server ${new URL(u).host};`).join(' ')} keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://concord; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502;
    }
  }
}`);
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the config: ${check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(`${url}/health/live`); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGQUIT');
    }),
  };
}
