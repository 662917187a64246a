import type { Request, Response } from 'restify';

/** The privacy statement and terms of use the Teams manifest links to, as plain pages. */
const PAGES: Record<'privacy' | 'terms', { title: string; paragraphs: string[] }> = {
  privacy: {
    title: 'Mentoring Up: privacy',
    paragraphs: [
      'Mentoring Up keeps what the program needs: your name, title, department and manager from the organization directory, your application and where it stands, and the conversation Teams opens between you and the app so it can send you cards.',
      'Interview scores and notes are seen only by the interviewer and the program taskforce. Pair matching scores, bans and the reasons for them are seen only by the taskforce. Nothing you write in the program is shared with your manager or your management chain, except the nomination your manager is asked to approve.',
      'Your organization runs Mentoring Up in its own Azure subscription; data stays in its storage account. Ask the program taskforce to see or remove what is kept about you.',
    ],
  },
  terms: {
    title: 'Mentoring Up: terms of use',
    paragraphs: [
      'Mentoring Up is provided by your organization for its reverse mentoring program. Use it for the program only, and treat what your partner shares in confidence as confidential.',
      'Conversations focus on day-to-day operations and constructive feedback. The program does not replace the usual channels for personal or employment matters.',
    ],
  },
};

export function legalPage(name: keyof typeof PAGES) {
  const page = PAGES[name];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title}</title>
<style>body{font-family:system-ui,"Segoe UI",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>${page.title}</h1>${page.paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
  return async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.sendRaw(200, html);
  };
}
