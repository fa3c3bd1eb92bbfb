import { expect } from '@open-wc/testing';

// A CMS may serve its pages as XHTML (application/xhtml+xml). Lit cannot render in an XML page: the
// elements are then left undefined, each showing what the page put inside it, and the console
// says why, once, instead of one uncaught parser error per element and blank boxes.
describe('an XHTML page', () => {
  it('leaves the elements undefined, showing their content, and says so once in the console', async () => {
    const frame = document.createElement('iframe');
    const told = new Promise<{ said: string[]; defined: boolean; text: string }>((resolve) => {
      const on = (e: MessageEvent) => {
        if (e.data?.type !== 'xhtml-page') return;
        window.removeEventListener('message', on);
        resolve(e.data);
      };
      window.addEventListener('message', on);
    });
    frame.src = '/test/fixtures/xhtml-page.xhtml';
    document.body.append(frame);
    try {
      const { said, defined, text } = await told;
      expect(frame.contentDocument!.contentType).to.equal('application/xhtml+xml');
      expect(defined, 'not defined').to.equal(false);
      expect(text).to.equal('Rate how trust is built.');
      expect(said).to.deep.equal([
        '[lc-elements] this page is served as application/xhtml+xml: the elements work only in an HTML page, and are not defined here. Serve the page as text/html.',
      ]);
    } finally {
      frame.remove();
    }
  });
});
