import { createServer, type Server } from 'node:http';

/**
 * A stand-in EHR web page. The page itself is full of synthetic patient details the extension must
 * never read; only the tab's URL may be captured (and de-identified) on the user's click.
 */
export function startFakeEhr(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Med Rec - QUINTERO, ROSALIND</title></head>
<body><header>QUINTERO, ROSALIND · MRN 00731942 · DOB 02/11/1961 · Enc 55120934</header>
<main><h1>Medication reconciliation</h1><p>Path: ${req.url?.replace(/[<>&]/g, '') ?? ''}</p></main></body></html>`);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
