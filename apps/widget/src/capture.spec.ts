import { capturePage, webAddress } from './capture';

describe('what the widget captures from the page it sits on', () => {
  it('the page address, the referrer and the utm_* parameters', () => {
    const href =
      'https://guides.example.in/online-mba?utm_source=google&utm_medium=cpc&utm_campaign=spring-mba&utm_term=online%20mba&utm_content=ad-1&page=2#fees';
    expect(capturePage(href, 'https://www.google.com/')).toEqual({
      sourceUrl:
        'https://guides.example.in/online-mba?utm_source=google&utm_medium=cpc&utm_campaign=spring-mba&utm_term=online%20mba&utm_content=ad-1&page=2',
      referrer: 'https://www.google.com/',
      utm: { source: 'google', medium: 'cpc', campaign: 'spring-mba', term: 'online mba', content: 'ad-1' },
    });
  });

  it('leaves out an empty or non-web referrer, absent or blank UTM parameters', () => {
    expect(capturePage('https://guides.example.in/a?utm_source=&utm_campaign=%20', '')).toEqual({
      sourceUrl: 'https://guides.example.in/a?utm_source=&utm_campaign=%20',
    });
    expect(capturePage('https://guides.example.in/a', 'android-app://com.google.android.gm/')).toEqual({ sourceUrl: 'https://guides.example.in/a' });
  });

  it('keeps UTM values within the limit and drops addresses the API would refuse', () => {
    const long = 'x'.repeat(500);
    expect(capturePage(`https://guides.example.in/?utm_source=${long}`, '').utm?.source).toHaveLength(200);
    expect(webAddress(`https://guides.example.in/?q=${long.repeat(5)}`)).toBeUndefined();
    expect(webAddress('file:///C:/Users/me/page.html')).toBeUndefined();
    expect(webAddress('not a url')).toBeUndefined();
    expect(capturePage('file:///C:/page.html?utm_source=mail', '')).toEqual({ utm: { source: 'mail' } });
  });
});
